import { describe, expect, it } from 'vitest';
import type { StreamDetector } from '../../../classifiers/types.ts';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import { createDetectStage } from '../../../src/stages/detect.ts';
import { MemoryState } from './helpers.ts';

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
