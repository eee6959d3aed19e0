/**
 * /readyz per consumer group (QA ops finding 7): the lag with its unit in the key, and how many consumers the group
 * has, so "classify has 0 members" is visible while serve itself stays ready.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import type { Bus } from '../../../src/bus/port.ts';
import { watchConsumers, type ConsumerWatch } from '../../../src/consumer-watch.ts';
import { readinessCheck } from '../../../src/readiness.ts';
import type { Store } from '../../../src/store/port.ts';
import { waitFor } from '../../helpers/wait.ts';

const store = { kind: 'sqlite', getAlert: async () => undefined } as unknown as Store;
const posts = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `thread-${i}`, value: { text: i % 2 ? 'Paket nie angekommen' : 'parcel never arrived' } }));

describe('/readyz consumer groups', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  function check(bus: Bus, maxAgeMs = 0): { ready: () => ReturnType<ReturnType<typeof readinessCheck>>; watch: ConsumerWatch } {
    const watch = watchConsumers(bus, [{ topic: 'mentions', group: 'classify' }], { maxAgeMs });
    cleanup.push(() => watch.close());
    return { ready: readinessCheck({ bus, store, consumers: watch, signal: new AbortController().signal }), watch };
  }

  it('embedded bus: lag in messages and the consumers running in this process', async () => {
    const bus = createMemoryBus();
    cleanup.push(() => bus.close());
    await bus.publish('mentions', posts(5));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const controller = new AbortController();
    const consuming = bus.consume('mentions', 'classify', () => gate, controller.signal);
    cleanup.push(async () => {
      release();
      controller.abort();
      await consuming;
    });
    const { ready } = check(bus);
    const result = await ready();
    expect(result.ready).toBe(true);
    expect(result.details).toMatchObject({ bus: 'memory', consumers: { 'mentions/classify': { lagMessages: 5, members: 1 } } });
    expect(result.details).not.toHaveProperty('lag');
  });

  it('a group with no consumer shows members 0 with its backlog, and does not make this process unready', async () => {
    const bus = createMemoryBus();
    cleanup.push(() => bus.close());
    await bus.publish('mentions', posts(3));
    const result = await check(bus).ready();
    expect(result.ready).toBe(true);
    expect(result.details).toMatchObject({ consumers: { 'mentions/classify': { lagMessages: 3, members: 0 } } });
  });

  it('a bus that counts packed records names the lag lagRecords', async () => {
    const inner = createMemoryBus();
    cleanup.push(() => inner.close());
    await inner.publish('mentions', posts(2));
    const recordsBus: Bus = { ...inner, lagUnit: 'records' };
    const result = await check(recordsBus).ready();
    expect(result.details).toMatchObject({ consumers: { 'mentions/classify': { lagRecords: 2, members: 0 } } });
  });

  it('shows a consumer joining within the reading interval', async () => {
    const bus = createMemoryBus();
    cleanup.push(() => bus.close());
    const { ready } = check(bus, 0);
    expect((await ready()).details).toMatchObject({ consumers: { 'mentions/classify': { members: 0 } } });
    const controller = new AbortController();
    const consuming = bus.consume('mentions', 'classify', async () => undefined, controller.signal);
    cleanup.push(async () => {
      controller.abort();
      await consuming;
    });
    await waitFor(async () => ((await ready()).details as { consumers: Record<string, { members: number }> }).consumers['mentions/classify']?.members === 1, { what: 'member visible' });
  });
});
