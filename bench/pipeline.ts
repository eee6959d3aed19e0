/**
 * npm run bench:pipeline — in one run, on the same N generated posts:
 *  (a) the ceiling: bare Elasticsearch bulk ingest of the already classified posts through the store adapter;
 *  (b) the full scaled pipeline: publish to Kafka → classify stage → Kafka → index stage → Elasticsearch,
 *      stages in this process;
 *  (c) the same with classify and index as separate worker processes (`kundenradar worker …`), as deployed.
 * Prints the rates and their ratios (target ≥ 0.8), and per phase the CPU seconds each process used (the stages,
 * Elasticsearch and Kafka when started by scripts/services here): on a small machine that split decides the rate.
 * Needs KAFKA_BROKERS and ELASTICSEARCH_URL (`bash scripts/services/kafka start`, `bash scripts/services/elasticsearch start`).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { stringify } from 'yaml';
import { parseConfig, type LoadedConfig } from '../src/config.ts';
import { createKafkaBus, dropKafkaNamespace } from '../src/bus/kafka.ts';
import { openElasticsearchStore } from '../src/store/elasticsearch.ts';
import { buildClassifier, startService } from '../src/pipeline.ts';
import { generateMentions, SYNTHETIC_BRANDS } from './generate-mentions.ts';
import { cpuAccount, formatCpu, servicePid } from './process-cpu.ts';

const N = Number(process.env.BENCH_N ?? 20_000);
const brokers = process.env.KAFKA_BROKERS?.split(',');
const esUrl = process.env.ELASTICSEARCH_URL;
if (!brokers || !esUrl) {
  console.error('bench:pipeline needs KAFKA_BROKERS and ELASTICSEARCH_URL (start them with scripts/services/kafka|elasticsearch start)');
  process.exit(2);
}

const run = randomUUID().slice(0, 8);
const partitions = { mentions: 2, classified: 2, alerts: 1, deadletter: 1 };
const posts = generateMentions(N, { seed: 11, prefix: 'bench' });
const config = parseConfig('', '(bench)');
config.brands = SYNTHETIC_BRANDS;
config.classifier.model = 'learned';
const loaded: LoadedConfig = { file: '(bench)', baseDir: process.cwd(), config, env: {}, secrets: {} };

const services = { elasticsearch: servicePid('elasticsearch'), kafka: servicePid('kafka') };
const cores = os.availableParallelism();

async function timeIt(label: string, pids: Record<string, number | undefined>, work: () => Promise<void>): Promise<number> {
  const account = cpuAccount({ ...pids, ...services });
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = account.stop();
  console.log(`${label}: ${N} posts in ${seconds.toFixed(2)} s = ${(N / seconds).toFixed(0)} posts/s`);
  if (Object.keys(used).length > 0) console.log(`    CPU: ${formatCpu(used, N, seconds, cores)}`);
  return N / seconds;
}

// (a) Ceiling: the same documents, classified beforehand, bulk-written in the index stage's batch size.
const classify = buildClassifier(loaded);
const classified = posts.map(classify);
// Warm-up, not timed: right after `elasticsearch start` the node's JIT is cold and (a), which runs first, came out
// at a third of its warm rate (2,295 against 6,348 posts/s), which made the ratios look far better than they are
// (0.79). One pass over the documents narrows that (3,716 against 6,069 in the next run) but does not close it:
// take figures from a second run against the same node.
const warmStore = await openElasticsearchStore({ url: esUrl, indexPrefix: `bench-warm-${run}`, retentionDays: 3650 });
for (let i = 0; i < classified.length; i += 500) await warmStore.upsertMentions(classified.slice(i, i + 500));
await warmStore.destroy();
await warmStore.close();
const bareStore = await openElasticsearchStore({ url: esUrl, indexPrefix: `bench-bare-${run}`, retentionDays: 3650 });
const bareRate = await timeIt('(a) bare Elasticsearch bulk ingest', { 'store client': process.pid }, async () => {
  for (let i = 0; i < classified.length; i += 500) await bareStore.upsertMentions(classified.slice(i, i + 500));
  await bareStore.refresh();
});

// (b) The scaled pipeline with the same adapters, stages running as consumer groups on Kafka.
const store = await openElasticsearchStore({ url: esUrl, indexPrefix: `bench-pipe-${run}`, retentionDays: 3650 });
const bus = createKafkaBus({ brokers, clientId: `bench-${run}`, topicPrefix: `bench-${run}.`, partitions });
const service = await startService(loaded, { stages: ['classify', 'index'], bus, store });
const pipelineRate = await timeIt('(b) ingest → Kafka → classify → Kafka → index', { stages: process.pid }, async () => {
  for (let i = 0; i < posts.length; i += 1000) {
    await bus.publish('mentions', posts.slice(i, i + 1000).map((m) => ({ key: m.thread.rootId, value: m })));
  }
  // Done when both stages have committed everything (they commit only after the store write returned), then
  // one refresh, as in (a). Refreshing while indexing would slow Elasticsearch down and measure the poller.
  while (!(await service.drained())) await new Promise((r) => setTimeout(r, 50));
  await store.refresh();
});
const indexed = (await store.search({ size: 1 })).total;
if (indexed !== N) throw new Error(`pipeline indexed ${indexed} of ${N} posts`);
await service.stop();
await bus.close();

// (c) The same pipeline as deployed: classify and index as their own worker processes, so classification
// (CPU-bound) and the store client run on separate cores.
const workerPrefix = `bench-w-${run}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-bench-'));
const configFile = path.join(dir, 'kundenradar.yaml');
writeFileSync(configFile, stringify({ bus: { topicPrefix: `${workerPrefix}.`, clientId: workerPrefix, partitions }, store: { indexPrefix: workerPrefix }, brands: SYNTHETIC_BRANDS }));
const workers = ['classify', 'classify', 'index'].map((stage) =>
  spawn(process.execPath, ['--no-regexp-tier-up', 'bin/kundenradar.js', 'worker', stage, '--config', configFile], {
    env: { ...process.env, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  }),
);
const workerBus = createKafkaBus({ brokers, clientId: `${workerPrefix}-bench`, topicPrefix: `${workerPrefix}.`, partitions });
const workerStore = await openElasticsearchStore({ url: esUrl, indexPrefix: workerPrefix, retentionDays: 3650 });
const caughtUp = async () => (await workerBus.lag('mentions', 'classify')) === 0 && (await workerBus.lag('classified', 'index')) === 0;
// Warm-up: process start, model load and group joins are not what is measured.
const warmUp = generateMentions(50, { seed: 5, prefix: 'warm' });
await workerBus.publish('mentions', warmUp.map((m) => ({ key: m.thread.rootId, value: m })));
for (;;) {
  if ((await indexedSoFar()) >= warmUp.length && (await caughtUp())) break;
  await new Promise((r) => setTimeout(r, 200));
}

/**
 * Posts the index worker has indexed so far. The worker creates the index when its first batch arrives, and a search
 * in the moment between creation and the shard's start fails with 503 no_shard_available_action_exception (it ended
 * a run): that is "none yet".
 */
async function indexedSoFar(): Promise<number> {
  try {
    await workerStore.refresh();
    return (await workerStore.search({ size: 1 })).total;
  } catch (err) {
    if ((err as { meta?: { statusCode?: number } }).meta?.statusCode === 503) return 0;
    throw err;
  }
}
// The first classify worker to join takes both partitions and handles the warm-up alone; the second joins a few
// seconds later (the broker delays a new group's first rebalance). Measured before that rebalance was over, one
// worker classified 95 % of the posts and the phase paid for the rebalance too.
await groupsSettled(brokers, { [`${workerPrefix}.classify`]: 2, [`${workerPrefix}.index`]: 1 });
const workerRate = await timeIt('(c) the same, two classify workers and one index worker as separate processes', { publisher: process.pid, 'classify 1': workers[0]?.pid, 'classify 2': workers[1]?.pid, index: workers[2]?.pid }, async () => {
  for (let i = 0; i < posts.length; i += 1000) {
    await workerBus.publish('mentions', posts.slice(i, i + 1000).map((m) => ({ key: m.thread.rootId, value: m })));
  }
  while (!(await caughtUp())) await new Promise((r) => setTimeout(r, 50));
  await workerStore.refresh();
});
const workerIndexed = (await workerStore.search({ size: 1 })).total - warmUp.length;
const exited = workers.map((w) => new Promise((resolve) => (w.exitCode !== null || w.signalCode !== null ? resolve(undefined) : w.once('exit', resolve))));
for (const w of workers) w.kill('SIGTERM');
await Promise.all(exited);
await workerBus.close();
if (workerIndexed !== N) throw new Error(`worker pipeline indexed ${workerIndexed} of ${N} posts`);

/** Waits until each consumer group is Stable with the given number of members, every one of them assigned partitions. */
async function groupsSettled(kafkaBrokers: string[], expected: Record<string, number>): Promise<void> {
  const admin = new Kafka({ brokers: kafkaBrokers, clientId: `${workerPrefix}-admin`, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    for (const deadline = Date.now() + 120_000; ; ) {
      const { groups } = await admin.describeGroups(Object.keys(expected));
      const settled = groups.every((g) => g.state === 'Stable' && g.members.length === expected[g.groupId] && g.members.every((m) => m.memberAssignment.length > 0));
      if (settled) return;
      if (Date.now() > deadline) throw new Error(`worker groups did not settle: ${groups.map((g) => `${g.groupId} ${g.state} ${g.members.length} members`).join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await admin.disconnect();
  }
}

console.log(`ratio (b)/(a): ${(pipelineRate / bareRate).toFixed(2)}, (c)/(a): ${(workerRate / bareRate).toFixed(2)} (target ≥ 0.8)`);
// Leave the engines as found. A node that kept every run's indices (150 after a few days of runs here) spent
// 278 µs of Elasticsearch CPU per post in (a) against 135–150 µs on a clean one: the figures drift run by run.
for (const s of [bareStore, store, workerStore]) await s.destroy();
for (const s of [bareStore, store, workerStore]) await s.close();
for (const topicPrefix of [`bench-${run}.`, `${workerPrefix}.`]) await dropKafkaNamespace({ brokers, clientId: `bench-${run}-cleanup`, topicPrefix });
