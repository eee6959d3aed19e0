/**
 * The Bus contract on a real Kafka broker (KAFKA_BROKERS, e.g. from `scripts/services/kafka start`), plus what
 * only this adapter has: partition counts from config, dead-lettering of unreadable records, heartbeats during
 * slow handlers, chunking by maxBatch, and a slow handler holding consumption back.
 * Every bus gets a random topic/group prefix, dropped after the test.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Message } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { createKafkaBus, dropKafkaNamespace, type KafkaBusOptions } from '../../src/bus/kafka.ts';
import { PACKED_HEADER } from '../../src/bus/kafka-packing.ts';
import type { Bus, BusMessage, DeadLetter } from '../../src/bus/port.ts';
import { waitFor } from '../helpers/wait.ts';
import { describeWithKafka, kafkaBrokers } from '../integration/services.ts';
import { busContract } from './bus.contract.ts';

function openTestBus(overrides: Partial<KafkaBusOptions> = {}): { bus: Bus; prefix: string; cleanup(): Promise<void> } {
  const brokers = kafkaBrokers();
  const prefix = `krtest-${randomUUID().slice(0, 8)}.`;
  const bus = createKafkaBus({
    brokers,
    clientId: 'kundenradar-test',
    topicPrefix: prefix,
    partitions: { mentions: 3, classified: 4, alerts: 1, deadletter: 1 },
    // The broker's minimum: a member that stops heartbeating is noticed quickly in tests.
    sessionTimeoutMs: 6_000,
    heartbeatIntervalMs: 1_000,
    ...overrides,
  });
  return {
    bus,
    prefix,
    async cleanup() {
      await bus.close();
      await dropKafkaNamespace({ brokers, clientId: 'kundenradar-test', topicPrefix: prefix });
    },
  };
}

describeWithKafka('Kafka bus', () => {
  busContract('kafka', async () => openTestBus(), { timeoutMs: 30_000 });
  busContract('kafka, one message per record', async () => openTestBus({ packRecords: false }), { timeoutMs: 30_000 });

  describe('Kafka specifics', () => {
    const cleanups: Array<() => Promise<void>> = [];
    const stops: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const stop of stops.splice(0)) await stop();
      for (const cleanup of cleanups.splice(0)) await cleanup();
    });

    function fresh(overrides: Partial<KafkaBusOptions> = {}) {
      const t = openTestBus(overrides);
      cleanups.push(t.cleanup);
      return t;
    }

    function consume(bus: Bus, topic: 'mentions' | 'classified' | 'deadletter', group: string, handle: (b: BusMessage[]) => Promise<void>, maxBatch = 50) {
      const controller = new AbortController();
      const done = bus.consume(topic, group, handle, controller.signal, { maxBatch });
      const stop = async () => {
        controller.abort();
        await done;
      };
      stops.push(stop);
      return { stop, done };
    }

    it('creates topics with the configured partition count and spreads keys over all of them', { timeout: 60_000 }, async () => {
      const { bus } = fresh();
      const keys = Array.from({ length: 40 }, (_, i) => `brand-${i}`);
      await bus.publish('classified', keys.map((key) => ({ key, value: { key } })));
      const partitionOf = new Map<string, number>();
      consume(bus, 'classified', 'spread', async (batch) => {
        for (const m of batch) partitionOf.set(m.key, m.partition);
      });
      await waitFor(() => partitionOf.size === 40, { timeoutMs: 30_000, what: '40 keys' });
      expect(new Set(partitionOf.values())).toEqual(new Set([0, 1, 2, 3]));
      // Same key, same partition: a second publish of a key lands where the first did.
      const seenAgain: BusMessage[] = [];
      consume(bus, 'classified', 'again', async (batch) => void seenAgain.push(...batch));
      await bus.publish('classified', [{ key: 'brand-7', value: { again: true } }]);
      await waitFor(() => seenAgain.some((m) => (m.value as { again?: boolean }).again), { timeoutMs: 30_000, what: 'republished key' });
      expect(seenAgain.find((m) => (m.value as { again?: boolean }).again)?.partition).toBe(partitionOf.get('brand-7'));
    });

    it('hands a large backlog to the handler in chunks of at most maxBatch, committing each record once all of it is handled', { timeout: 60_000 }, async () => {
      const { bus } = fresh();
      await bus.publish('mentions', Array.from({ length: 95 }, (_, i) => ({ key: 'one-thread', value: { n: i } })));
      const sizes: number[] = [];
      const seen: number[] = [];
      consume(
        bus,
        'mentions',
        'chunks',
        async (batch) => {
          sizes.push(batch.length);
          seen.push(...batch.map((m) => (m.value as { n: number }).n));
        },
        10,
      );
      await waitFor(async () => seen.length >= 95 && (await bus.lag('mentions', 'chunks')) === 0, { timeoutMs: 30_000, what: 'backlog handled' });
      expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
      expect(seen).toEqual(Array.from({ length: 95 }, (_, i) => i));
    });

    it.each([
      { packRecords: true, backlogRecords: 4 }, // the first record, then the backlog packed per partition (3)
      { packRecords: false, backlogRecords: 301 }, // one record per message
    ])('holds consumption while the handler is busy: the backlog waits in Kafka, not in memory (packRecords $packRecords)', { timeout: 60_000 }, async ({ packRecords, backlogRecords }) => {
      const { bus } = fresh({ packRecords });
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let calls = 0;
      let handled = 0;
      consume(bus, 'mentions', 'slow', async (batch) => {
        calls++;
        await gate;
        handled += batch.length;
      }, 20);
      await bus.publish('mentions', [{ key: 'first', value: { n: -1 } }]);
      await waitFor(() => calls === 1, { timeoutMs: 30_000, what: 'first handler call' });
      await bus.publish('mentions', Array.from({ length: 300 }, (_, i) => ({ key: `k${i % 7}`, value: { n: i } })));
      // Everything published is acknowledged and counted as lag (in records) while the one handler call is open.
      await waitFor(async () => (await bus.lag('mentions', 'slow')) === backlogRecords, { timeoutMs: 30_000, what: 'lag of the whole backlog' });
      expect(calls).toBe(1);
      release();
      await waitFor(async () => handled === 301 && (await bus.lag('mentions', 'slow')) === 0, { timeoutMs: 30_000, what: 'drain' });
    });

    it('keeps a member in its group while a handler runs longer than the session timeout (heartbeats)', { timeout: 60_000 }, async () => {
      const { bus } = fresh();
      await bus.publish('mentions', [{ key: 'k', value: { n: 1 } }]);
      let calls = 0;
      let finishedAt = 0;
      consume(bus, 'mentions', 'long', async () => {
        calls++;
        // A store write that takes longer than the 6 s session timeout. Without heartbeats the broker would
        // evict the member, the commit would fail and the message would be delivered a second time.
        await new Promise((r) => setTimeout(r, 8_000));
        finishedAt = Date.now();
      });
      await waitFor(async () => finishedAt > 0 && (await bus.lag('mentions', 'long')) === 0, { timeoutMs: 40_000, what: 'long handler committed' });
      expect(calls).toBe(1);
    });

    it('parks a record that is not JSON in the dead-letter topic with the reason and moves on', { timeout: 60_000 }, async () => {
      const { bus, prefix } = fresh();
      // Make sure the topic exists with our settings, then write a raw record past the adapter, as a foreign
      // producer or a corrupted replay would.
      await bus.publish('mentions', [{ key: 'ok-1', value: { n: 1 } }]);
      await sendRaw(`${prefix}mentions`, [{ key: 'broken', value: '{"text": "Zug fällt aus' }]);
      await bus.publish('mentions', [{ key: 'ok-2', value: { n: 2 } }]);

      const good: number[] = [];
      consume(bus, 'mentions', 'stage-x', async (batch) => void good.push(...batch.map((m) => (m.value as { n: number }).n)));
      const letters: DeadLetter[] = [];
      consume(bus, 'deadletter', 'dl-reader', async (batch) => void letters.push(...batch.map((m) => m.value as DeadLetter)));

      await waitFor(() => good.length >= 2 && letters.length >= 1, { timeoutMs: 30_000, what: 'good messages and one dead letter' });
      expect(good.sort((a, b) => a - b)).toEqual([1, 2]); // different keys, different partitions: no order between them
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ topic: 'mentions', key: 'broken', value: '{"text": "Zug fällt aus', stage: 'bus:stage-x' });
      expect(letters[0]!.reason).toMatch(/not JSON/);
      expect(await waitFor(async () => (await bus.lag('mentions', 'stage-x')) === 0 || undefined, { timeoutMs: 30_000, what: 'committed past it' })).toBe(true);
    });

    it('lets many workers race to create the same topics: none of them fails', { timeout: 120_000 }, async () => {
      // Workers of every stage start together in production and in the scale-out test; the losers of the
      // creation race briefly see topics without a leader, which must be waited out, not end a stage.
      const brokers = kafkaBrokers();
      const prefix = `krrace-${randomUUID().slice(0, 8)}.`;
      const buses = Array.from({ length: 8 }, (_, i) =>
        createKafkaBus({ brokers, clientId: `kundenradar-race-${i}`, topicPrefix: prefix, partitions: { mentions: 4, classified: 4, alerts: 2, deadletter: 1 } }),
      );
      cleanups.push(async () => {
        await Promise.allSettled(buses.map((b) => b.close()));
        await dropKafkaNamespace({ brokers, clientId: 'kundenradar-test', topicPrefix: prefix });
      });
      const topics = ['mentions', 'classified', 'alerts', 'deadletter'] as const;
      const results = await Promise.allSettled(buses.flatMap((bus, i) => topics.map((topic) => bus.lag(topic, `g${i}`))));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      await buses[0]!.publish('alerts', [{ key: 'k', value: { ok: true } }]);
      const seen: BusMessage[] = [];
      consume(buses[7]!, 'deadletter', 'unused', async () => undefined);
      const controller = new AbortController();
      const done = buses[5]!.consume('alerts', 'reader', async (batch) => void seen.push(...batch), controller.signal);
      stops.push(async () => {
        controller.abort();
        await done;
      });
      await waitFor(() => seen.length === 1, { timeoutMs: 60_000, what: 'message on a raced topic' });
    });

    it('redelivers a whole packed record when the handler fails inside it, and keeps per-key order', { timeout: 60_000 }, async () => {
      const { bus } = fresh();
      // One publish, one key: one packed record of 60 messages, handed over in chunks of 25.
      await bus.publish('mentions', Array.from({ length: 60 }, (_, n) => ({ key: 'thread-1', value: { n } })));
      const seen: number[] = [];
      let failed = false;
      consume(bus, 'mentions', 'flaky', async (batch) => {
        const ns = batch.map((m) => (m.value as { n: number }).n);
        if (!failed && ns.includes(30)) {
          failed = true; // the store was down for the second chunk
          throw new Error('store unavailable');
        }
        seen.push(...ns);
      }, 25);
      await waitFor(async () => failed && seen.includes(59) && (await bus.lag('mentions', 'flaky')) === 0, { timeoutMs: 45_000, what: 'record redelivered and committed' });
      // At least once: the first chunk came twice (the record was not committed), nothing was lost, order held.
      expect(new Set(seen)).toEqual(new Set(Array.from({ length: 60 }, (_, n) => n)));
      expect(seen.slice(-60)).toEqual(Array.from({ length: 60 }, (_, n) => n));
    });

    it('reads plain records from other producers and dead-letters a packed record it cannot read', { timeout: 60_000 }, async () => {
      const { bus, prefix } = fresh();
      await bus.publish('mentions', [{ key: 'ok-1', value: { n: 1 } }]);
      await sendRaw(`${prefix}mentions`, [
        { key: 'plain', value: JSON.stringify({ n: 2 }) },
        { key: 'bad-pack', value: JSON.stringify({ not: 'an array' }), headers: { [PACKED_HEADER]: '1' } },
      ]);
      const good: number[] = [];
      consume(bus, 'mentions', 'mixed', async (batch) => void good.push(...batch.map((m) => (m.value as { n: number }).n)));
      const letters: DeadLetter[] = [];
      consume(bus, 'deadletter', 'dl-reader', async (batch) => void letters.push(...batch.map((m) => m.value as DeadLetter)));
      await waitFor(() => good.length >= 2 && letters.length >= 1, { timeoutMs: 30_000, what: 'plain message and one dead letter' });
      expect(good.sort((a, b) => a - b)).toEqual([1, 2]);
      expect(letters[0]).toMatchObject({ topic: 'mentions', key: 'bad-pack', stage: 'bus:mixed' });
      expect(letters[0]!.reason).toMatch(/packed record is unreadable/);
    });

    it('refuses values that do not survive JSON before sending anything', async () => {
      const { bus } = fresh();
      await expect(bus.publish('mentions', [{ key: 'k', value: undefined }])).rejects.toThrow(/not JSON-serialisable/);
    });
  });

  describe('when the broker goes away', () => {
    // A private broker, so stopping it disturbs nobody else's tests.
    const root = path.resolve(import.meta.dirname, '..', '..');
    const script = path.join(root, 'scripts', 'services', 'kafka');
    let dir = '';
    let env: NodeJS.ProcessEnv = {};
    const kafkaScript = (verb: 'start' | 'stop') => run('bash', [script, verb], { env, timeout: 180_000 });

    afterEach(async () => {
      // Close the bus while its broker still runs, then stop the broker.
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      if (dir) {
        await kafkaScript('stop');
        rmSync(dir, { recursive: true, force: true });
        dir = '';
      }
    });

    it('reconnects producer and consumer with backoff and loses nothing', { timeout: 300_000 }, async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'kundenradar-kafka-'));
      const [port, controllerPort] = [await freePort(), await freePort()];
      const sharedLib = path.join(root, '.services', 'kafka', 'lib');
      env = {
        ...process.env,
        KUNDENRADAR_SERVICES_DIR: dir,
        KAFKA_PORT: String(port),
        KAFKA_CONTROLLER_PORT: String(controllerPort),
        ...(existsSync(sharedLib) ? { KAFKA_LIB_DIR: sharedLib } : {}),
      };
      await kafkaScript('start');
      const bus = createKafkaBus({
        brokers: [`127.0.0.1:${port}`],
        clientId: 'kundenradar-test-outage',
        topicPrefix: 'outage.',
        partitions: { mentions: 2 },
        sessionTimeoutMs: 6_000,
        heartbeatIntervalMs: 1_000,
      });
      cleanups.push(() => bus.close());
      const seen = new Set<number>();
      const controller = new AbortController();
      const consuming = bus.consume('mentions', 'survivor', async (batch) => {
        for (const m of batch) seen.add((m.value as { n: number }).n);
      }, controller.signal);
      cleanups.push(async () => {
        controller.abort();
        await consuming;
      });

      await bus.publish('mentions', [0, 1, 2].map((n) => ({ key: `k${n}`, value: { n } })));
      await waitFor(() => seen.size === 3, { timeoutMs: 60_000, what: 'messages before the outage' });

      await kafkaScript('stop');
      // Published while the broker is down: the idempotent producer keeps retrying instead of failing.
      const during = bus.publish('mentions', [3, 4, 5].map((n) => ({ key: `k${n}`, value: { n } })));
      await kafkaScript('start');
      await during;
      await bus.publish('mentions', [6, 7].map((n) => ({ key: `k${n}`, value: { n } })));
      await waitFor(() => seen.size === 8, { timeoutMs: 150_000, intervalMs: 250, what: 'messages after the outage' });
      expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    });
  });
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const run = promisify(execFile);

/** Writes records past the adapter, as a foreign producer or a corrupted replay would. */
async function sendRaw(topic: string, messages: Message[]): Promise<void> {
  const raw = new Kafka({ clientId: 'kundenradar-test-raw', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING }).producer();
  await raw.connect();
  try {
    await raw.send({ topic, messages });
  } finally {
    await raw.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
