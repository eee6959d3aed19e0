/**
 * detect: classified → alerts. Runs the stream detectors over each brand's posts. Time is event time (the
 * newest post seen, for replays and backtests) or wall time (live, advanced by a timer as well, because an
 * SLA runs out without any new post arriving).
 */
import type { Bus } from '../bus/port.ts';
import type { StreamDetector } from '../../classifiers/types.ts';
import { Classified, type Alert } from '../model.ts';
import type { Store } from '../store/port.ts';
import { validBatch } from './deadletter.ts';
import { UNBRANDED_KEY } from './classify.ts';
import { childLogger } from '../log.ts';
import { stageMetrics } from '../metrics.ts';
import { createDetectOwnership } from './detect-ownership.ts';

const log = childLogger('stage.detect');
export const DETECT_GROUP = 'detect';

export type ClockMode = 'wall' | 'event';

export interface DetectStage {
  /** Runs until the signal aborts. */
  run(signal: AbortSignal): Promise<void>;
  /** Moves event time forward and publishes what became due (end of a replay: "everything is overdue now"). */
  advanceTo(now: Date): Promise<void>;
}

/** Where the event clock's high-water mark is kept (store state), so a restart resumes at the time it stopped. */
const CLOCK_NAMESPACE = 'detect';
const CLOCK_KEY = 'eventTime';

export interface DetectStageDeps {
  bus: Bus;
  detectors: StreamDetector[];
  clock: ClockMode;
  tickSeconds?: number;
  wallNow?: () => Date;
  /**
   * Durable state for the event clock. Without it a restart starts event time at zero again, and posts fed once
   * more (a replay source read from its start, a redelivery) walk the detectors' clock back over times they had
   * passed: every open alert was downgraded and escalated again, two new revisions and two chat messages each.
   */
  state?: Pick<Store, 'getState' | 'putState'>;
}

export function createDetectStage(deps: DetectStageDeps): DetectStage {
  const { bus, detectors, clock, state } = deps;
  const wallNow = deps.wallNow ?? (() => new Date());
  const metrics = stageMetrics('detect');
  let eventTime = 0;
  let storedEventTime = 0;
  let restored: Promise<void> | undefined;
  // Batches and timer ticks touch the same detector state: run them one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  async function restore(): Promise<void> {
    restored ??= reload();
    await restored;
  }

  async function reload(): Promise<void> {
    await Promise.all([...detectors.map((d) => d.restore()), restoreClock()]);
  }

  // Scaled mode: only the brands of this member's partitions (detect-ownership.ts).
  const ownership = createDetectOwnership({ exclusive, flush: (owns) => flush(owns), reload });
  const { owns } = ownership;

  async function flush(filter = owns): Promise<void> {
    for (const d of detectors) await d.flush(filter);
    await flushClock();
  }

  async function restoreClock(): Promise<void> {
    if (clock !== 'event' || !state) return;
    const stored = await state.getState(CLOCK_NAMESPACE, CLOCK_KEY);
    if (typeof stored === 'number' && Number.isFinite(stored)) storedEventTime = stored;
    eventTime = Math.max(eventTime, storedEventTime);
  }

  /** Written with the detectors' state, before offsets are committed: never behind what the detectors saw. */
  async function flushClock(): Promise<void> {
    if (clock !== 'event' || !state || eventTime <= storedEventTime) return;
    await state.putState(CLOCK_NAMESPACE, CLOCK_KEY, eventTime);
    storedEventTime = eventTime;
  }

  async function publish(alerts: Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    await bus.publish('alerts', alerts.map((a) => ({ key: a.brand, value: a })));
  }

  async function advance(now: Date): Promise<void> {
    const due: Alert[] = [];
    for (const d of detectors) due.push(...(await d.advance(now, owns)));
    await publish(due);
    await flush();
  }

  function currentTime(): Date {
    return clock === 'event' ? new Date(eventTime) : wallNow();
  }

  return {
    async run(signal) {
      await restore();
      ownership.awaitAssignment();
      const timer =
        clock === 'wall'
          ? setInterval(() => {
              exclusive(() => advance(wallNow())).catch((err) => log.error({ err }, 'detector tick failed'));
            }, (deps.tickSeconds ?? 15) * 1000)
          : undefined;
      try {
        await bus.consume(
          'classified',
          DETECT_GROUP,
          (batch) =>
            exclusive(async () => {
              const alerts: Alert[] = [];
              for (const { message, value } of await validBatch(bus, 'detect', batch, Classified)) {
                if (message.key === UNBRANDED_KEY) continue;
                // The same post arrives once per brand: each copy is that brand's view of it.
                const view: Classified = { ...value, brands: [message.key] };
                eventTime = Math.max(eventTime, Date.parse(value.createdAt));
                for (const d of detectors) alerts.push(...(await d.observe(view, currentTime(), owns)));
              }
              await publish(alerts);
              await advance(currentTime());
              metrics.processed(batch.length);
            }),
          signal,
          { onAssignment: ownership.onAssignment },
        );
      } finally {
        if (timer) clearInterval(timer);
        await exclusive(() => flush());
      }
    },
    async advanceTo(now) {
      await restore();
      eventTime = Math.max(eventTime, now.getTime());
      await exclusive(() => advance(new Date(eventTime)));
    },
  };
}
