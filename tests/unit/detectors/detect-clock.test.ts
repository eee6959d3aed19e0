import { describe, expect, it } from 'vitest';
import type { StreamDetector } from '../../../classifiers/types.ts';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import { createDetectStage } from '../../../src/stages/detect.ts';
import { DETECT_GROUP } from '../../../src/stages/detect.ts';
import { waitFor } from '../../helpers/wait.ts';
import { MemoryState, post } from './helpers.ts';

/** A detector that only records the times the stage hands it. */
function clockWatcher(): StreamDetector & { seen: string[] } {
  const seen: string[] = [];
  return {
    name: 'clock-watcher',
    seen,
    restore: async () => undefined,
    observe: async () => [],
    advance: async (now) => {
      seen.push(now.toISOString());
      return [];
    },
    flush: async () => undefined,
  };
}

describe('detect stage event clock', () => {
  it('resumes after a restart at the time it had reached, so posts fed again cannot walk it back', async () => {
    const state = new MemoryState();
    const first = clockWatcher();
    await createDetectStage({ bus: createMemoryBus(), detectors: [first], clock: 'event', state }).advanceTo(new Date('2026-11-29T11:20:00Z'));
    const second = clockWatcher();
    await createDetectStage({ bus: createMemoryBus(), detectors: [second], clock: 'event', state }).advanceTo(new Date('2026-11-24T12:00:00Z'));
    expect(second.seen).toEqual(['2026-11-29T11:20:00.000Z']);
  });

  it('keeps no clock without durable state, and none in wall-clock mode', async () => {
    const state = new MemoryState();
    await createDetectStage({ bus: createMemoryBus(), detectors: [clockWatcher()], clock: 'wall', state }).advanceTo(new Date('2026-11-29T11:20:00Z'));
    expect(await state.getState('detect', 'eventTime')).toBeUndefined();
    const fresh = clockWatcher();
    await createDetectStage({ bus: createMemoryBus(), detectors: [fresh], clock: 'event' }).advanceTo(new Date('2026-11-24T12:00:00Z'));
    expect(fresh.seen).toEqual(['2026-11-24T12:00:00.000Z']);
  });
});

/** A detector that records, per brand, the times its posts are observed at and the times it is advanced to. */
function brandClockWatcher(brands: string[]): StreamDetector & { observed: Map<string, string[]>; advanced: Map<string, string[]> } {
  const observed = new Map<string, string[]>();
  const advanced = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, brand: string, now: Date) => m.set(brand, [...(m.get(brand) ?? []), now.toISOString()]);
  return {
    name: 'brand-clock-watcher',
    observed,
    advanced,
    restore: async () => undefined,
    observe: async (m, now) => {
      for (const brand of m.brands) push(observed, brand, now);
      return [];
    },
    advance: async (now, owns) => {
      for (const brand of brands) if (!owns || owns(brand)) push(advanced, brand, now);
      return [];
    },
    flush: async () => undefined,
  };
}

describe('detect stage event clock per brand', () => {
  const mention = (brand: string, id: string, at: string) => ({ key: brand, value: post({ id, at, author: `k-${id}`, text: `Hallo @${brand}`, brandContext: [brand] }) });

  async function runUntilCaughtUp(bus: ReturnType<typeof createMemoryBus>, watcher: StreamDetector, state: MemoryState): Promise<void> {
    const controller = new AbortController();
    const running = createDetectStage({ bus, detectors: [watcher], clock: 'event', state }).run(controller.signal);
    await waitFor(async () => (await bus.lag('classified', DETECT_GROUP)) === 0, { what: 'detect to catch up' });
    controller.abort();
    await running;
  }

  it('observes and advances each brand at its own time when one brand’s partition is read ahead of another’s', async () => {
    // bahn is on partition 0, acme on 1: one batch holds bahn's posts (up to 11:30) before acme's (from 09:00).
    const bus = createMemoryBus({ partitions: { classified: 2 } });
    await bus.publish('classified', [
      mention('bahn', 'b1', '2026-06-16T11:00:00Z'),
      mention('bahn', 'b2', '2026-06-16T11:30:00Z'),
      mention('acme', 'a1', '2026-06-16T09:00:00Z'),
      mention('acme', 'a2', '2026-06-16T09:10:00Z'),
    ]);
    const watcher = brandClockWatcher(['bahn', 'acme']);
    const state = new MemoryState();
    await runUntilCaughtUp(bus, watcher, state);

    expect(watcher.observed.get('acme')).toEqual(['2026-06-16T09:00:00.000Z', '2026-06-16T09:10:00.000Z']);
    expect(watcher.observed.get('bahn')).toEqual(['2026-06-16T11:00:00.000Z', '2026-06-16T11:30:00.000Z']);
    expect(watcher.advanced.get('acme')).toEqual(['2026-06-16T09:10:00.000Z']);
    expect(watcher.advanced.get('bahn')).toEqual(['2026-06-16T11:30:00.000Z']);
    expect(await state.getState('detect', 'eventTime:acme')).toBe(Date.parse('2026-06-16T09:10:00Z'));
    expect(await state.getState('detect', 'eventTime:bahn')).toBe(Date.parse('2026-06-16T11:30:00Z'));
  });

  it('starts every brand at a stored single clock (the key from before clocks per brand), and resumes each brand at its own', async () => {
    const state = new MemoryState();
    await state.putState('detect', 'eventTime', Date.parse('2026-06-16T10:00:00Z'));
    await state.putState('detect', 'eventTime:bahn', Date.parse('2026-06-16T12:00:00Z'));
    const bus = createMemoryBus({ partitions: { classified: 2 } });
    await bus.publish('classified', [mention('bahn', 'b1', '2026-06-16T11:00:00Z'), mention('acme', 'a1', '2026-06-16T09:00:00Z'), mention('acme', 'a2', '2026-06-16T10:30:00Z')]);
    const watcher = brandClockWatcher(['bahn', 'acme']);
    await runUntilCaughtUp(bus, watcher, state);

    expect(watcher.observed.get('bahn')).toEqual(['2026-06-16T12:00:00.000Z']);
    expect(watcher.observed.get('acme')).toEqual(['2026-06-16T10:00:00.000Z', '2026-06-16T10:30:00.000Z']);
  });
});
