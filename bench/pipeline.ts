/**
 * npm run bench:pipeline — in one run, on the same N generated posts:
 *  (a) the ceiling: bare Elasticsearch bulk ingest of the already classified posts through the store adapter;
 *  (b) the full scaled pipeline: publish to Kafka → classify stage → Kafka → index stage → Elasticsearch.
 * Prints both rates and their ratio (target ≥ 0.8). Needs KAFKA_BROKERS and ELASTICSEARCH_URL
 * (`bash scripts/services/kafka start`, `bash scripts/services/elasticsearch start`).
 */
import { randomUUID } from 'node:crypto';
import { parseConfig, type LoadedConfig } from '../src/config.ts';
import { createKafkaBus } from '../src/bus/kafka.ts';
import { openElasticsearchStore } from '../src/store/elasticsearch.ts';
import { buildClassifier, startService } from '../src/pipeline.ts';
import { generateMentions, SYNTHETIC_BRANDS } from './generate-mentions.ts';

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

async function timeIt(label: string, work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label}: ${N} posts in ${seconds.toFixed(2)} s = ${(N / seconds).toFixed(0)} posts/s`);
  return N / seconds;
}

// (a) Ceiling: the same documents, classified beforehand, bulk-written in the index stage's batch size.
const classify = buildClassifier(loaded);
const classified = posts.map(classify);
const bareStore = await openElasticsearchStore({ url: esUrl, indexPrefix: `bench-bare-${run}`, retentionDays: 3650 });
const bareRate = await timeIt('(a) bare Elasticsearch bulk ingest', async () => {
  for (let i = 0; i < classified.length; i += 500) await bareStore.upsertMentions(classified.slice(i, i + 500));
  await bareStore.refresh();
});

// (b) The scaled pipeline with the same adapters, stages running as consumer groups on Kafka.
const store = await openElasticsearchStore({ url: esUrl, indexPrefix: `bench-pipe-${run}`, retentionDays: 3650 });
const bus = createKafkaBus({ brokers, clientId: `bench-${run}`, topicPrefix: `bench-${run}.`, partitions });
const service = await startService(loaded, { stages: ['classify', 'index'], bus, store });
const pipelineRate = await timeIt('(b) ingest → Kafka → classify → Kafka → index', async () => {
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

console.log(`ratio (b)/(a): ${(pipelineRate / bareRate).toFixed(2)} (target ≥ 0.8)`);
await bareStore.close();
await store.close();
