/**
 * detect: classified → alerts. Runs the stream detectors over each brand's posts. Time is event time (the
 * newest post seen, for replays and backtests) or wall time (live, advanced by a timer as well, because an
 * SLA runs out without any new post arriving). In event time a detector that can (the unanswered tracker) catches
 * up as the clock jumps: each deadline passed fires at its own instant, not at the next post's.
 */
import type { Bus } from '../bus/port.ts';
import type { StreamDetector } from '../../classifiers/types.ts';
import { Classified, type Alert } from '../model.ts';
import type { Store } from '../store/port.ts';
import { validBatch } from './deadletter.ts';
import { UNBRANDED_KEY } from './classify.ts';
import { childLogger } from '../log.ts';
import { stageMetrics } from '../metrics.ts';

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

/**
 * What a detector may offer beyond StreamDetector (the unanswered tracker, classifiers/unanswered.ts, offers both).
 * Checked at run time, so detectors without them (the shitstorm detector) are driven as before.
 */
interface CatchesUp {
  /** Event time: fires every timer up to `now` at its own instant, in order. */
  catchUp(now: Date): Promise<Alert[]>;
}
interface PlacesThreads {
  /** Brands whose tracked conversation this post continues (by thread root or parent). */
  threadBrands(m: Classified): string[];
}

function catchesUp(d: StreamDetector): d is StreamDetector & CatchesUp {
  return 'catchUp' in d && typeof d.catchUp === 'function';
}

function placesThreads(d: StreamDetector): d is StreamDetector & PlacesThreads {
  return 'threadBrands' in d && typeof d.threadBrands === 'function';
}

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
    restored ??= Promise.all([...detectors.map((d) => d.restore()), restoreClock()]).then(() => undefined);
    await restored;
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

  /** Event time, before a post at `now` is observed: the timers it passed fire first, each at its own instant. */
  async function catchUpTo(now: Date): Promise<Alert[]> {
    const out: Alert[] = [];
    if (clock === 'event') for (const d of detectors) if (catchesUp(d)) out.push(...(await d.catchUp(now)));
    return out;
  }

  async function advance(now: Date): Promise<void> {
    const due: Alert[] = [];
    for (const d of detectors) due.push(...(await (clock === 'event' && catchesUp(d) ? d.catchUp(now) : d.advance(now))));
    await publish(due);
    for (const d of detectors) await d.flush();
    await flushClock();
  }

  /**
   * Which detectors see a post, as which brand's view. A post about no brand travels under UNBRANDED_KEY, yet may
   * continue a brand's conversation: a customer's "Hallo??? Immer noch nichts" under their own tweet, without the
   * handle. The detector that tracks conversations knows from its thread index (thread root, or the post replied
   * to) whose thread that is, and gets the post as that brand's view; the other detectors do not (the shitstorm
   * baselines count posts about the brand, and were learnt without these).
   *
   * Resolved here rather than by carrying the brand of the thread root through classify: classify is stateless and
   * scaled out, and would need to remember every root across restarts, while the thread index is already durable
   * detect state (restored from `unanswered:<brand>`). The routed post changes only that brand's thread state,
   * which this process holds (a detect instance restores every brand's threads), and which is written with the rest
   * before the batch's offsets are committed; a redelivered post is found among the thread's ids and counts once.
   * Same in embedded and Kafka mode; with several partitions for `classified`, a follow-up could in principle be
   * consumed before its thread's first post on another partition (one partition, the default, keeps them in order).
   */
  function views(key: string, value: Classified): Array<{ view: Classified; to: StreamDetector[] }> {
    if (key !== UNBRANDED_KEY) return [{ view: { ...value, brands: [key] }, to: detectors }];
    const out: Array<{ view: Classified; to: StreamDetector[] }> = [];
    const byBrand = new Map<string, StreamDetector[]>();
    for (const d of detectors) {
      if (!placesThreads(d)) continue;
      for (const brand of d.threadBrands(value)) byBrand.set(brand, [...(byBrand.get(brand) ?? []), d]);
    }
    for (const [brand, to] of byBrand) out.push({ view: { ...value, brands: [brand] }, to });
    return out;
  }

  function currentTime(): Date {
    return clock === 'event' ? new Date(eventTime) : wallNow();
  }

  return {
    async run(signal) {
      await restore();
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
                // The same post arrives once per brand: each copy is that brand's view of it.
                const seen = views(message.key, value);
                if (seen.length === 0) continue;
                eventTime = Math.max(eventTime, Date.parse(value.createdAt));
                alerts.push(...(await catchUpTo(currentTime())));
                for (const { view, to } of seen) for (const d of to) alerts.push(...(await d.observe(view, currentTime())));
              }
              await publish(alerts);
              await advance(currentTime());
              metrics.processed(batch.length);
            }),
          signal,
        );
      } finally {
        if (timer) clearInterval(timer);
        await exclusive(async () => {
          for (const d of detectors) await d.flush();
        });
      }
    },
    async advanceTo(now) {
      await restore();
      eventTime = Math.max(eventTime, now.getTime());
      await exclusive(() => advance(new Date(eventTime)));
    },
  };
}
