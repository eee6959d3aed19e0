/**
 * detect: classified → alerts. Runs the stream detectors over each brand's posts. Time is event time (the
 * newest post of the brand seen, for replays and backtests; detect-clock.ts) or wall time (live, advanced by a
 * timer as well, because an SLA runs out without any new post arriving). In event time a detector that can (the
 * unanswered tracker) catches up as a brand's clock jumps: each deadline passed fires at its own instant, not at the
 * next post's.
 */
import type { Bus } from '../bus/port.ts';
import type { BrandFilter, StreamDetector } from '../../classifiers/types.ts';
import { Classified, type Alert } from '../model.ts';
import type { Store } from '../store/port.ts';
import { validBatch } from './deadletter.ts';
import { UNBRANDED_KEY } from './classify.ts';
import { childLogger } from '../log.ts';
import { stageMetrics } from '../metrics.ts';
import { createBrandClocks } from './detect-clock.ts';
import { createDetectOwnership } from './detect-ownership.ts';
import { createReorderBuffer } from './detect-reorder.ts';

const log = childLogger('stage.detect');
/** How often the stage says what it did (posts observed, alert revisions sent). */
const ACTIVITY_EVERY_MS = 5 * 60_000;
export const DETECT_GROUP = 'detect';

export type ClockMode = 'wall' | 'event';

export interface DetectStage {
  /** Runs until the signal aborts. */
  run(signal: AbortSignal): Promise<void>;
  /**
   * Moves event time forward and publishes what became due (end of a replay: "everything is overdue now"). With
   * `dataEnd` (the last record), nothing expires after the data, and every alert still waiting shows its wait as of `now`.
   */
  advanceTo(now: Date, dataEnd?: Date): Promise<void>;
}

/**
 * What a detector may offer beyond StreamDetector (the unanswered tracker, classifiers/unanswered.ts, offers both).
 * Checked at run time, so detectors without them (the shitstorm detector) are driven as before.
 */
interface CatchesUp {
  /** Event time: fires every timer up to `now` at its own instant, in order. */
  catchUp(now: Date, filter?: BrandFilter): Promise<Alert[]>;
}
interface PlacesThreads {
  /** Brands whose tracked conversation this post continues (by thread root or parent). */
  threadBrands(m: Classified): string[];
}

interface EndsWithData {
  endOfData(lastPostAt: Date): void;
  waitsAsOf(end: Date, filter?: BrandFilter): Alert[];
}

function endsWithData(d: StreamDetector): d is StreamDetector & EndsWithData {
  return 'endOfData' in d && typeof d.endOfData === 'function' && 'waitsAsOf' in d && typeof d.waitsAsOf === 'function';
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
   * Durable state for the event clocks (one per brand, detect-clock.ts). Without it a restart starts event time
   * at zero again, and posts fed once more (a replay source read from its start, a redelivery) walk the
   * detectors' clock back over times they had passed: every open alert was downgraded and escalated again, two
   * new revisions and two chat messages each.
   */
  state?: Pick<Store, 'getState' | 'putState' | 'deleteState' | 'listState'>;
  /** Event time: wall-clock interval at which posts held for lanes that went quiet move on (detect-reorder.ts). */
  reorderTickMs?: number;
}

export function createDetectStage(deps: DetectStageDeps): DetectStage {
  const { bus, detectors, clock, state } = deps;
  const wallNow = deps.wallNow ?? (() => new Date());
  const metrics = stageMetrics('detect');
  const clocks = createBrandClocks(state);
  // Event time from several `mentions` partitions: their posts back in time order first (detect-reorder.ts).
  const reorder = clock === 'event' ? createReorderBuffer({ ...(state ? { state } : {}), log }) : undefined;
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
    await Promise.all([...detectors.map((d) => d.restore()), restoreClock(), reorder?.reload(wallNow().getTime())]);
  }

  // Scaled mode: only the brands of this member's partitions (detect-ownership.ts).
  const ownership = createDetectOwnership({ exclusive, flush: (owns) => flush(owns), reload });
  const { owns } = ownership;

  async function flush(filter = owns): Promise<void> {
    // Saved state claims every alert it raised was sent: the unsent go first, or nothing is saved.
    await publish([]);
    for (const d of detectors) await d.flush(filter);
    await flushClock(filter);
    await reorder?.flush();
  }

  async function restoreClock(): Promise<void> {
    if (clock === 'event') await clocks.reload();
  }

  /** Written with the detectors' state, before offsets are committed: never behind what the detectors saw. */
  async function flushClock(filter: BrandFilter): Promise<void> {
    if (clock === 'event') await clocks.flush(filter);
  }

  /**
   * Alerts the detectors raised that the bus has not taken (Kafka down past the publisher's retries). The detectors
   * already count them as raised, so state saved now would never raise them again (QA ops: 50 SLA breaches during an
   * 8.5-minute Kafka outage were never alerted). They go out first at every next step, and no detector state is saved
   * while any wait: a restart reloads the state from before them and raises them again.
   */
  let unsent: Alert[] = [];

  async function publish(alerts: Alert[]): Promise<void> {
    unsent.push(...alerts);
    if (unsent.length === 0) return;
    const sending = unsent.length;
    await bus.publish('alerts', unsent.map((a) => ({ key: a.brand, value: a })));
    unsent = unsent.slice(sending);
    activity.alerts += sending;
  }

  /**
   * A line every few minutes of what the stage did, so an operator can tell a quiet detector from a stuck one (QA
   * ops: storm alerts came 7 minutes after a burst, and nothing in the log said whether detect was waiting or broken).
   */
  const activity = { posts: 0, alerts: 0, since: wallNow().getTime() };
  function reportActivity(): void {
    const now = wallNow().getTime();
    if (now - activity.since < ACTIVITY_EVERY_MS) return;
    log.info({ posts: activity.posts, alertRevisions: activity.alerts, unsent: unsent.length, minutes: Math.round((now - activity.since) / 60_000) }, 'detect activity');
    Object.assign(activity, { posts: 0, alerts: 0, since: now });
  }

  /** Event time, before a post at `now` is observed: the timers it passed fire first, each at its own instant. */
  async function catchUpTo(now: Date, filter: BrandFilter): Promise<Alert[]> {
    const out: Alert[] = [];
    if (clock === 'event') for (const d of detectors) if (catchesUp(d)) out.push(...(await d.catchUp(now, filter)));
    return out;
  }

  /** Advances the owned brands `filter` accepts (all owned ones without it) to `now`. */
  async function advance(now: Date, filter?: BrandFilter): Promise<void> {
    const due: Alert[] = [];
    const which: BrandFilter = filter ? (brand) => owns(brand) && filter(brand) : owns;
    for (const d of detectors) due.push(...(await (clock === 'event' && catchesUp(d) ? d.catchUp(now, which) : d.advance(now, which))));
    await publish(due);
    await flush();
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

  /** Event time: every brand to its own clock; brands without one to the default clock. */
  async function advanceEventTime(brands: Iterable<string>): Promise<void> {
    for (const brand of new Set(brands)) await advance(clocks.timeOf(brand), (b) => b === brand);
  }

  /** Runs the detectors over posts in the order given and publishes what they raise. */
  async function observeAll(posts: Array<{ key: string; value: Classified }>): Promise<void> {
    const alerts: Alert[] = [];
    const seen = new Set<string>();
    for (const { key, value } of posts) {
      // The same post arrives once per brand: each copy is that brand's view of it.
      for (const { view, to } of views(key, value)) {
        const brand = view.brands[0] as string;
        seen.add(brand);
        // Event time is the brand's own: it touches no other brand (another brand's clock may be behind).
        const [now, filter] =
          clock === 'event' ? [await clocks.observe(brand, Date.parse(value.createdAt)), (b: string) => b === brand && owns(b)] : [wallNow(), owns];
        alerts.push(...(await catchUpTo(now, filter)));
        for (const d of to) alerts.push(...(await d.observe(view, now, filter)));
      }
    }
    await publish(alerts);
    if (clock === 'event') await advanceEventTime(seen);
    else await advance(wallNow());
  }

  /** Held posts whose lanes went quiet move on without waiting for the next batch. */
  async function releaseQuietLanes(): Promise<void> {
    if (!reorder || reorder.size() === 0) return;
    const posts = reorder.release(wallNow().getTime(), owns);
    if (posts.length > 0) await observeAll(posts);
  }

  return {
    async run(signal) {
      await restore();
      ownership.awaitAssignment();
      const timer =
        clock === 'wall'
          ? setInterval(() => {
              exclusive(() => advance(wallNow()))
                .then(reportActivity)
                .catch((err) => log.error({ err, unsent: unsent.length }, 'detector tick failed'));
            }, (deps.tickSeconds ?? 15) * 1000)
          : undefined;
      const reorderTimer = reorder
        ? setInterval(() => {
            exclusive(releaseQuietLanes).catch((err) => log.error({ err }, 'releasing held posts failed'));
          }, deps.reorderTickMs ?? 1000)
        : undefined;
      try {
        await bus.consume(
          'classified',
          DETECT_GROUP,
          (batch) =>
            exclusive(async () => {
              const posts: Array<{ key: string; value: Classified }> = [];
              for (const { message, value } of await validBatch(bus, 'detect', batch, Classified)) {
                if (reorder && value.lane && value.lane.of > 1) reorder.hold(message.partition, message.key, { ...value, lane: value.lane }, wallNow().getTime());
                else posts.push({ key: message.key, value });
              }
              posts.push(...(reorder?.release(wallNow().getTime(), owns) ?? []));
              await observeAll(posts);
              // Posts held back are written before this batch's offsets are committed.
              if (reorder) await flush();
              metrics.processed(batch.length);
              activity.posts += batch.length;
              reportActivity();
            }),
          signal,
          { onAssignment: ownership.onAssignment },
        );
      } finally {
        if (timer) clearInterval(timer);
        if (reorderTimer) clearInterval(reorderTimer);
        await exclusive(() => flush()).catch((err: unknown) => {
          if (unsent.length === 0) throw err;
          // Not saving is what keeps them: the next start reloads the state from before these alerts.
          log.warn({ err, unsent: unsent.length }, 'alerts could not be published before stopping; detector state not saved, so the next start raises them again');
        });
      }
    },
    async advanceTo(now, dataEnd) {
      await restore();
      await exclusive(async () => {
        if (dataEnd) for (const d of detectors) if (endsWithData(d)) d.endOfData(dataEnd);
        // The end of a replay: nothing more comes from any lane.
        const held = reorder?.release(wallNow().getTime(), owns, true) ?? [];
        if (held.length > 0) await observeAll(held);
        const base = clocks.advanceAll(now.getTime());
        const own = new Set(clocks.brands());
        await advanceEventTime(own);
        // Brands never seen by this instance: the default clock.
        await advance(base, (b) => !own.has(b));
        if (dataEnd) {
          await publish(detectors.flatMap((d) => (endsWithData(d) ? d.waitsAsOf(now, owns) : [])));
          await flush();
        }
      });
    },
  };
}
