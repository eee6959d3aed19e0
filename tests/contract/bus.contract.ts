/**
 * One behaviour spec for every Bus adapter (memory, Kafka). `makeBus` must return a bus whose topics are
 * fresh (e.g. a random topic prefix), so tests do not see each other's messages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Assignment, Bus, BusMessage } from '../../src/bus/port.ts';
import { waitFor } from '../helpers/wait.ts';

export interface BusFixture {
  bus: Bus;
  cleanup(): Promise<void>;
}

export function busContract(name: string, makeBus: () => Promise<BusFixture>, options: { timeoutMs?: number } = {}): void {
  const timeoutMs = options.timeoutMs ?? 20_000;

  describe(`Bus contract: ${name}`, () => {
    const running: Array<{ controller: AbortController; done: Promise<void> }> = [];
    const fixtures: BusFixture[] = [];

    async function fresh(): Promise<Bus> {
      const fixture = await makeBus();
      fixtures.push(fixture);
      return fixture.bus;
    }

    function startConsumer(
      bus: Bus,
      topic: 'mentions' | 'classified',
      group: string,
      handle: (batch: BusMessage[]) => Promise<void>,
      onAssignment?: (assignment: Assignment) => Promise<void>,
    ) {
      const controller = new AbortController();
      const done = bus.consume(topic, group, handle, controller.signal, { maxBatch: 50, ...(onAssignment ? { onAssignment } : {}) });
      const entry = { controller, done };
      running.push(entry);
      return {
        async stop() {
          controller.abort();
          await done;
        },
      };
    }

    afterEach(async () => {
      for (const r of running.splice(0)) {
        r.controller.abort();
        await r.done.catch(() => undefined);
      }
      for (const f of fixtures.splice(0)) await f.cleanup();
    });

    it('delivers every published message with its key and JSON value', async () => {
      const bus = await fresh();
      const sent = Array.from({ length: 30 }, (_, i) => ({ key: `thread-${i % 3}`, value: { n: i, text: `Zug fällt aus 🚆 #${i}`, nested: { ok: true } } }));
      await bus.publish('mentions', sent);
      const got: BusMessage[] = [];
      startConsumer(bus, 'mentions', 'g1', async (batch) => {
        got.push(...batch);
      });
      await waitFor(() => got.length >= 30, { timeoutMs, what: '30 messages' });
      expect(got).toHaveLength(30);
      expect(got.map((m) => (m.value as { n: number }).n).sort((a, b) => a - b)).toEqual(sent.map((_, i) => i));
      const byN = new Map(got.map((m) => [(m.value as { n: number }).n, m]));
      expect(byN.get(7)?.key).toBe('thread-1');
      expect(byN.get(7)?.value).toEqual(sent[7]!.value);
      expect(byN.get(7)?.topic).toBe('mentions');
    });

    it('keeps the order of messages that share a key', async () => {
      const bus = await fresh();
      const sent = Array.from({ length: 60 }, (_, i) => ({ key: `brand-${i % 4}`, value: { key: `brand-${i % 4}`, seq: i } }));
      await bus.publish('classified', sent.slice(0, 30));
      await bus.publish('classified', sent.slice(30));
      const seen = new Map<string, number[]>();
      startConsumer(bus, 'classified', 'order', async (batch) => {
        for (const m of batch) {
          const v = m.value as { key: string; seq: number };
          seen.set(v.key, [...(seen.get(v.key) ?? []), v.seq]);
        }
      });
      await waitFor(() => [...seen.values()].reduce((s, l) => s + l.length, 0) >= 60, { timeoutMs, what: 'all messages' });
      for (const list of seen.values()) expect(list).toEqual([...list].sort((a, b) => a - b));
    });

    it('gives every consumer group its own copy of the stream', async () => {
      const bus = await fresh();
      await bus.publish('mentions', [1, 2, 3].map((n) => ({ key: 'k', value: { n } })));
      const a: number[] = [];
      const b: number[] = [];
      startConsumer(bus, 'mentions', 'group-a', async (batch) => void a.push(...batch.map((m) => (m.value as { n: number }).n)));
      startConsumer(bus, 'mentions', 'group-b', async (batch) => void b.push(...batch.map((m) => (m.value as { n: number }).n)));
      await waitFor(() => a.length >= 3 && b.length >= 3, { timeoutMs, what: 'both groups' });
      expect(a).toEqual([1, 2, 3]);
      expect(b).toEqual([1, 2, 3]);
    });

    it('resumes a group after its committed offset: handled messages are not delivered again', async () => {
      const bus = await fresh();
      await bus.publish('mentions', Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: { n: i } })));
      const first: number[] = [];
      const c1 = startConsumer(bus, 'mentions', 'resume', async (batch) => void first.push(...batch.map((m) => (m.value as { n: number }).n)));
      await waitFor(() => first.length >= 10, { timeoutMs, what: 'first pass' });
      await c1.stop();
      await bus.publish('mentions', Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: { n: 100 + i } })));
      const second: number[] = [];
      startConsumer(bus, 'mentions', 'resume', async (batch) => void second.push(...batch.map((m) => (m.value as { n: number }).n)));
      await waitFor(() => second.length >= 5, { timeoutMs, what: 'second pass' });
      expect(second.sort((x, y) => x - y)).toEqual([100, 101, 102, 103, 104]);
      expect(await waitFor(async () => (await bus.lag('mentions', 'resume')) === 0 || undefined, { timeoutMs, what: 'lag 0' })).toBe(true);
    });

    it('redelivers a batch whose handler failed (at least once), losing nothing', async () => {
      const bus = await fresh();
      await bus.publish('mentions', Array.from({ length: 5 }, (_, i) => ({ key: 'same-thread', value: { n: i } })));
      let failuresLeft = 1;
      const handled: number[] = [];
      startConsumer(bus, 'mentions', 'retry', async (batch) => {
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('store unavailable');
        }
        handled.push(...batch.map((m) => (m.value as { n: number }).n));
      });
      await waitFor(() => handled.length >= 5, { timeoutMs, what: 'redelivery' });
      expect(handled).toEqual([0, 1, 2, 3, 4]);
    });

    it('reports consumer lag until the group has committed', async () => {
      const bus = await fresh();
      await bus.publish('mentions', Array.from({ length: 4 }, (_, i) => ({ key: `k${i}`, value: { n: i } })));
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let seen = 0;
      startConsumer(bus, 'mentions', 'lagging', async (batch) => {
        seen += batch.length;
        await gate;
      });
      await waitFor(() => seen > 0, { timeoutMs, what: 'first batch' });
      expect(await bus.lag('mentions', 'lagging')).toBeGreaterThan(0);
      release();
      await waitFor(async () => (await bus.lag('mentions', 'lagging')) === 0, { timeoutMs, what: 'lag to drain' });
    });

    it('counts the members of a consumer group: 0 before any joins, one per running consumer, 0 once all stopped', async () => {
      const bus = await fresh();
      await bus.publish('mentions', [{ key: 'k', value: { n: 1 } }]);
      expect(await bus.members('mentions', 'staffed')).toBe(0);
      let seen = 0;
      const first = startConsumer(bus, 'mentions', 'staffed', async (batch) => void (seen += batch.length));
      await waitFor(async () => seen > 0 && (await bus.members('mentions', 'staffed')) === 1, { timeoutMs, what: 'one member' });
      const second = startConsumer(bus, 'mentions', 'staffed', async () => undefined);
      await waitFor(async () => (await bus.members('mentions', 'staffed')) === 2, { timeoutMs, what: 'two members' });
      await Promise.all([first.stop(), second.stop()]);
      await waitFor(async () => (await bus.members('mentions', 'staffed')) === 0, { timeoutMs, what: 'no member left' });
      expect(['messages', 'records']).toContain(bus.lagUnit);
    });

    it('finishes the batch in hand and commits it when stopped', async () => {
      const bus = await fresh();
      await bus.publish('mentions', [{ key: 'k', value: { n: 1 } }]);
      let started!: () => void;
      const inHandler = new Promise<void>((r) => (started = r));
      let finished = false;
      const c = startConsumer(bus, 'mentions', 'drain', async () => {
        started();
        await new Promise((r) => setTimeout(r, 200)); // simulates a slow store write in progress
        finished = true;
      });
      await inHandler;
      await c.stop();
      expect(finished).toBe(true);
      expect(await bus.lag('mentions', 'drain')).toBe(0);
    });

    it('shares partitions between members of one group without losing messages', async () => {
      const bus = await fresh();
      const seen = new Set<number>();
      const handler = async (batch: BusMessage[]) => {
        for (const m of batch) seen.add((m.value as { n: number }).n);
      };
      startConsumer(bus, 'classified', 'shared', handler);
      startConsumer(bus, 'classified', 'shared', handler);
      await bus.publish('classified', Array.from({ length: 40 }, (_, i) => ({ key: `brand-${i}`, value: { n: i } })));
      await waitFor(() => seen.size >= 40, { timeoutMs: timeoutMs * 2, what: 'all 40 across members' });
      expect(seen.size).toBe(40);
    });

    it('tells each member of a group its partitions before it hands it a batch of them, and which keys they hold', async () => {
      const bus = await fresh();
      type Member = { assignments: Assignment[]; events: string[]; got: BusMessage[] };
      const member = (): Member => ({ assignments: [], events: [], got: [] });
      const join = (m: Member) =>
        startConsumer(
          bus,
          'classified',
          'g-assign',
          async (batch) => {
            m.events.push('batch');
            m.got.push(...batch);
          },
          async (a) => {
            m.events.push('assignment');
            m.assignments.push(a);
          },
        );
      const first = member();
      join(first);
      await waitFor(() => first.assignments.length > 0, { timeoutMs, what: 'the first assignment' });
      await bus.publish('classified', [{ key: 'bahn', value: { n: 0 } }]);
      await waitFor(() => first.got.length === 1, { timeoutMs, what: 'the first message' });
      expect(first.events[0]).toBe('assignment');
      expect(first.assignments.at(-1)!.ownsKey('bahn')).toBe(true);

      const second = member();
      join(second);
      const partitions = (m: Member) => m.assignments.at(-1)?.partitions ?? [];
      await waitFor(() => partitions(second).length > 0 && partitions(first).every((p) => !partitions(second).includes(p)), {
        timeoutMs: timeoutMs * 2,
        what: 'the partitions split between both members',
      });
      const keys = Array.from({ length: 20 }, (_, i) => `brand-${i}`);
      await bus.publish('classified', keys.map((key, n) => ({ key, value: { n } })));
      await waitFor(() => first.got.length + second.got.length >= 21, { timeoutMs: timeoutMs * 2, what: 'all 20 across members' });
      for (const m of [first, second]) for (const msg of m.got.slice(m === first ? 1 : 0)) expect(m.assignments.at(-1)!.ownsKey(msg.key)).toBe(true);
      for (const key of keys) expect([first, second].filter((m) => m.assignments.at(-1)!.ownsKey(key))).toHaveLength(1);
    });
  });
}
