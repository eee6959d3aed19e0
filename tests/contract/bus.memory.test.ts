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
