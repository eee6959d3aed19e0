import { describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../src/bus/memory.ts';
import { busContract } from './bus.contract.ts';

busContract('memory', async () => {
  const bus = createMemoryBus({ partitions: { mentions: 3, classified: 4 } });
  return { bus, cleanup: () => bus.close() };
});

describe('memory bus backpressure', () => {
  it('makes a producer wait while a slow consumer is a full capacity behind, so memory stays bounded', async () => {
    const bus = createMemoryBus({ capacity: 10 });
    const controller = new AbortController();
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    let handled = 0;
    const consuming = bus.consume('mentions', 'slow', async (batch) => {
      await gate;
      handled += batch.length;
    }, controller.signal, { maxBatch: 5 });
    let published = 0;
    const producing = (async () => {
      for (let i = 0; i < 40; i++) {
        await bus.publish('mentions', [{ key: `k${i}`, value: { i } }]);
        published++;
      }
    })();
    // The producer stops at capacity while the consumer is stuck.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 50));
    expect(published).toBeLessThanOrEqual(10);
    expect(await bus.lag('mentions', 'slow')).toBeLessThanOrEqual(10);
    release();
    gate = Promise.resolve();
    await producing;
    while (handled < 40) await new Promise((r) => setTimeout(r, 5));
    expect(handled).toBe(40);
    controller.abort();
    await consuming;
    await bus.close();
  });

  it('delivers one publish larger than the capacity: consumers are woken while the producer waits', async () => {
    const bus = createMemoryBus({ capacity: 5 });
    const controller = new AbortController();
    const seen: number[] = [];
    const consuming = bus.consume('mentions', 'reader', async (batch) => void seen.push(...batch.map((m) => (m.value as { i: number }).i)), controller.signal, { maxBatch: 3 });
    // Wait until the consumer is parked waiting for a publish, as a stage is between batches.
    await new Promise((r) => setTimeout(r, 20));
    await bus.publish('mentions', Array.from({ length: 12 }, (_, i) => ({ key: 'one-thread', value: { i } })));
    while (seen.length < 12) await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i));
    controller.abort();
    await consuming;
    await bus.close();
  });

  it('lets a waiting producer finish once the slow group\'s consumers have shut down, so a shutdown cannot hang', async () => {
    // The pipeline aborts every stage at once: classify may be inside publish('classified') waiting for index to
    // commit when index stops. Nobody will commit again, so waiting would hang stop() for ever.
    const bus = createMemoryBus({ capacity: 10 });
    const controller = new AbortController();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seen: number[] = [];
    const consuming = bus.consume('classified', 'index', async (batch) => {
      await gate;
      seen.push(...batch.map((m) => (m.value as { i: number }).i));
    }, controller.signal, { maxBatch: 5 });
    let settled = false;
    const producing = bus
      .publish('classified', Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: { i } })))
      .finally(() => (settled = true));
    await waitFor(async () => (await bus.lag('classified', 'index')) >= 10, { what: 'producer blocked at capacity' });
    expect(settled).toBe(false);
    controller.abort();
    release();
    await consuming;
    await waitFor(() => settled, { timeoutMs: 2_000, what: 'the blocked publish to settle after the consumers left' });
    await producing;
    // Nothing is lost: the group picks up where it committed when it comes back.
    const again = new AbortController();
    const resumed = bus.consume('classified', 'index', async (batch) => void seen.push(...batch.map((m) => (m.value as { i: number }).i)), again.signal);
    await waitFor(() => seen.length >= 40, { what: 'the rest after the group rejoined' });
    again.abort();
    await resumed;
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    await bus.close();
  });

  it('keeps only the newest messages of a topic nobody consumes', async () => {
    const bus = createMemoryBus({ capacity: 10 });
    for (let i = 0; i < 100; i++) await bus.publish('deadletter', [{ key: 'x', value: { i } }]);
    expect(await bus.lag('deadletter', 'nobody')).toBe(10);
    await bus.close();
  });

  it('refuses values that do not survive JSON', async () => {
    const bus = createMemoryBus();
    await expect(bus.publish('mentions', [{ key: 'k', value: undefined }])).rejects.toThrow(/not JSON-serialisable/);
    await bus.close();
  });
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBusJournal } from '../../src/bus/journal.ts';
import type { BusMessage } from '../../src/bus/port.ts';
import { waitFor } from '../helpers/wait.ts';

busContract('memory with journal', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-journal-'));
  const bus = createMemoryBus({ partitions: { mentions: 3, classified: 4 }, journal: openBusJournal(path.join(dir, 'bus.db')) });
  return { bus, cleanup: () => bus.close() };
});

describe('memory bus journal', () => {
  it('redelivers after a crash exactly what no group had committed', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kr-journal-')), 'bus.db');
    const crashed = createMemoryBus({ journal: openBusJournal(file), partitions: { mentions: 2 } });
    await crashed.publish('mentions', Array.from({ length: 10 }, (_, i) => ({ key: `t${i}`, value: { i } })));
    const first: number[] = [];
    const stop = new AbortController();
    const running = crashed.consume('mentions', 'classify', async (batch: BusMessage[]) => {
      first.push(...batch.map((m) => (m.value as { i: number }).i));
      if (first.length >= 4) stop.abort();
    }, stop.signal, { maxBatch: 1 });
    await running;
    // The process "dies" here: no close, no further commits. A new process opens the same journal.
    const restarted = createMemoryBus({ journal: openBusJournal(file), partitions: { mentions: 2 } });
    expect(await restarted.lag('mentions', 'classify')).toBe(10 - first.length);
    const second: number[] = [];
    const again = new AbortController();
    const consuming = restarted.consume('mentions', 'classify', async (batch) => void second.push(...batch.map((m) => (m.value as { i: number }).i)), again.signal);
    await waitFor(() => second.length >= 10 - first.length, { what: 'redelivery after restart' });
    again.abort();
    await consuming;
    expect([...first, ...second].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(second.filter((i) => first.includes(i))).toEqual([]);
    await restarted.close();
  });
});
