/**
 * Scaled mode on the real engines: the seeds plus a few thousand generated posts go through separate worker
 * processes (two classify workers in one consumer group, one index, one detect) over Kafka into
 * Elasticsearch. One classify worker is killed mid-stream; every post still arrives exactly once, searchable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { describeWithKafkaAndElasticsearch, elasticsearchUrl, kafkaBrokers } from './services.ts';
import { generateMentions, SYNTHETIC_BRANDS } from '../../bench/generate-mentions.ts';
import { createKafkaBus, dropKafkaNamespace } from '../../src/bus/kafka.ts';
import { openElasticsearchStore, type ElasticsearchStore } from '../../src/store/elasticsearch.ts';
import type { Mention } from '../../src/model.ts';
import { StopWaiting, waitFor } from '../helpers/wait.ts';

const root = path.resolve(__dirname, '../..');
const seedsDir = path.resolve(root, '../shared/seeds');

function seedMentions(): Mention[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file, i) => {
      const id = `seed:${file.slice(0, 3)}`;
      return {
        id,
        source: 'seed',
        author: { id: 'blogger', isBrand: false },
        text: readFileSync(path.join(seedsDir, file), 'utf8').trim(),
        createdAt: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
        thread: { rootId: id },
        metrics: { likes: 0, shares: 0, replies: 0 },
        channel: 'blog_post',
        brandContext: [],
      };
    });
}

describeWithKafkaAndElasticsearch('scale-out over Kafka into Elasticsearch', () => {
  const prefix = `kr${randomUUID().slice(0, 8)}`;
  const workers: ChildProcess[] = [];
  let configFile: string;
  let store: ElasticsearchStore;
  const expectedExits = new Set<ChildProcess>();
  let unexpectedExit: string | undefined;
  /** Fails the wait at once, with the reason, instead of after its timeout when a worker has died. */
  const noWorkerDied = () => {
    if (unexpectedExit) throw new StopWaiting(unexpectedExit);
  };

  function startWorker(stage: string): ChildProcess {
    const child = spawn(process.execPath, [path.join(root, 'bin/kundenradar.js'), 'worker', stage, '--config', configFile], {
      cwd: root,
      env: { ...process.env, KAFKA_BROKERS: kafkaBrokers().join(','), ELASTICSEARCH_URL: elasticsearchUrl(), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${stage}] ${chunk.toString()}`));
    child.once('exit', (code, signal) => {
      if (!expectedExits.has(child)) unexpectedExit ??= `worker ${stage} exited on its own (code ${code}, signal ${signal})`;
    });
    workers.push(child);
    return child;
  }

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-scale-'));
    configFile = path.join(dir, 'kundenradar.yaml');
    writeFileSync(
      configFile,
      stringify({
        bus: { topicPrefix: `${prefix}.`, clientId: prefix, partitions: { mentions: 4, classified: 4, alerts: 2 } },
        store: { indexPrefix: prefix },
        brands: SYNTHETIC_BRANDS,
        detect: { clock: 'event' },
      }),
    );
    store = await openElasticsearchStore({ url: elasticsearchUrl(), indexPrefix: prefix, retentionDays: 3650 });
  });

  afterAll(async () => {
    for (const w of workers) expectedExits.add(w);
    const exits = workers.filter((w) => w.exitCode === null && w.signalCode === null).map((w) => new Promise((resolve) => w.once('exit', resolve)));
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await Promise.all(exits);
    // Leave the shared engines as found: a local node that piles up every run's indices and topics gets slower
    // (and the next bench:pipeline figures with it).
    await store?.destroy();
    await store?.close();
    await dropKafkaNamespace({ brokers: kafkaBrokers(), clientId: `${prefix}-cleanup`, topicPrefix: `${prefix}.` });
  });

  it('delivers every post exactly once through separate worker processes, surviving a crashed worker', async () => {
    const posts = [...seedMentions(), ...generateMentions(3000, { prefix: 'gen', seed: 7 })];
    const bus = createKafkaBus({ brokers: kafkaBrokers(), clientId: `${prefix}-producer`, topicPrefix: `${prefix}.`, partitions: { mentions: 4, classified: 4, alerts: 2, deadletter: 1 } });
    const doomed = startWorker('classify');
    const survivor = startWorker('classify');
    startWorker('index');
    const detect = startWorker('detect');
    try {
      await bus.publish('mentions', posts.slice(0, 1500).map((m) => ({ key: m.thread.rootId, value: m })));
      // Crash one classify worker while work is in flight: its uncommitted batches go to the survivor.
      await waitFor(async () => (noWorkerDied(), (await store.search({ size: 1 })).total > 0), { timeoutMs: 120_000, what: 'first documents in Elasticsearch' });
      expectedExits.add(doomed);
      doomed.kill('SIGKILL');
      await bus.publish('mentions', posts.slice(1500).map((m) => ({ key: m.thread.rootId, value: m })));

      await waitFor(
        async () => {
          noWorkerDied();
          await store.refresh();
          return (await store.search({ size: 1 })).total >= posts.length;
        },
        { timeoutMs: 240_000, intervalMs: 1000, what: `${posts.length} documents` },
      );
      await store.refresh();
      expect((await store.search({ size: 1 })).total).toBe(posts.length);
      for (const seed of posts.slice(0, 5)) expect((await store.getMention(seed.id))?.id).toBe(seed.id);
      const seed004 = await store.getMention('seed:004');
      expect(seed004?.complaint.isComplaint).toBe(false);
      expect((await store.getMention('seed:000'))?.complaint.isComplaint).toBe(true);
      const dunning = await store.search({ text: 'Mahnung', size: 5 });
      expect(dunning.total).toBeGreaterThan(0);
      expect((await store.search({ brands: ['paketblitz'], size: 1 })).total).toBeGreaterThan(100);

      // Graceful stop: each worker drains, commits and exits 0.
      for (const w of [survivor, detect]) {
        expectedExits.add(w);
        const exited = new Promise<number | null>((resolve) => w.once('exit', (code) => resolve(code)));
        w.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    } finally {
      await bus.close();
    }
  }, 420_000);
});
