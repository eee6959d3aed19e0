/**
 * Shitstorm detector: per brand, in event time, five-minute buckets of mentions are compared with a seasonal,
 * outlier-robust baseline (shitstorm-baseline.ts) over every window length from 15 to 60 minutes (a scan over
 * window lengths: a slow ramp at a small brand is judged on the window that holds it best, not diluted by a
 * fixed one), at every minute (checkpoints inside the open bucket, so opening does not wait for the next
 * five-minute close); a burst needs several signals at once (shitstorm-score.ts), among them how many of the
 * negative voices are new to the brand (shitstorm-authors.ts). One incident per storm: an alert `shitstorm` opens at `watch`,
 * `warning` or `critical`, is updated (same id and dedupeKey, revision + 1) as it grows, resolves once the
 * last hour is back near baseline for 15 minutes, and reopens (not duplicates) if it flares up again soon.
 *
 * This module handles the stream: which brands a post counts for, buckets opening and closing in event time,
 * hours learned by the baseline, and when windows are judged; the judgement itself, with the stricter bars of a
 * brand's first day (cold start), is shitstorm-evaluate.ts. Time is the caller's `now` (event time in replay,
 * wall time live). State per brand in namespace `shitstorm:<brand>`: `baseline`, `authors`
 * (known-authors sketch), `topics` (usual complaint terms), `bucket:<start>`, `window`, `incident`
 * (see shitstorm-state.ts).
 */
import { childLogger } from '../src/log.ts';
import type { Alert, Brand, Classified } from '../src/model.ts';

export { shitstormNamespace };
import { localHourOfWeek } from './business-hours.ts';
import { expectedHourly, learnHour, pooledDailyShape } from './shitstorm-baseline.ts';
import { DEFAULT_THRESHOLDS, type BurstThresholds, type WindowScore } from './shitstorm-score.ts';
import { createWindowEvaluation, freezesBaseline } from './shitstorm-evaluate.ts';
import { finishRestore, newRuntime, persist, rememberBrandPost, restoreEntry, shitstormNamespace, MAX_BATCH_IDS, type Runtime } from './shitstorm-state.ts';
import { retireBucket } from './shitstorm-authors.ts';
import { learnTopics } from './shitstorm-topics.ts';
import { addToBucket, BUCKET_MS, HOUR_BUCKETS, newBucket, type Bucket } from './shitstorm-window.ts';
import type { OpenStorm, StateStore, StreamDetector } from './types.ts';

/**
 * Consecutive quiet five-minute checks (an hour) before an incident resolves. With three (a quarter hour), a small
 * brand's storm read "subsided" in a lull of 2 negatives an hour while it ran on at 4–6 against 0.5 expected, and its
 * second wave next morning came 12 h 23 min later: past the reopen window, a second alert (QA firestorm round 11, a
 * gym chain). With an hour: one alert; QA rounds 9–11 resolve 0.3–4.3 h before / 1.1–5.8 h after their truth ends
 * (were 0.3–7.1 h before / 0.3–5.0 h after); bench:detect unchanged.
 */
export const QUIET_CHECKS = 12;

export interface ShitstormOptions {
  thresholds?: Partial<BurstThresholds>;
  /** Posts one author contributes to a window at most (2: a person angry twice is still one person). */
  perAuthorCap?: number;
  /**
   * Until a brand has this much history its baseline is young: windows are judged on the stricter COLD_START
   * bars (shitstorm-evaluate.ts; a collected storm often starts within a day of the file's first post). Default 24.
   */
  coldStartHours?: number;
  /** Time zone for weekly seasonality when the brand has no business hours. */
  timeZone?: string;
  /**
   * A storm flaring up again within this time after resolution reopens the same incident. 720: storms run over days
   * with lulls; a replayed ad-spot storm that calmed in the evening and rose again 2 h 21 min later raised a second
   * alert under the former 120, a bakery's that came back the next noon under the former 360 (QA firestorm round 10).
   */
  reopenMinutes?: number;
  /** Consecutive quiet five-minute checks before an incident resolves (QUIET_CHECKS). */
  quietChecks?: number;
  /** Minutes between checkpoints inside the open bucket at which an incident may open (5: only at closes). */
  checkMinutes?: number;
  /** Sees every full evaluation (bench diagnostics, tuning): which gates each window passed or failed. */
  onEvaluate?: (brand: string, at: number, scores: readonly WindowScore[]) => void;
}

export interface ShitstormDeps {
  brands: Brand[];
  state: StateStore;
  options?: ShitstormOptions;
}

/** Checkpoints within the open bucket: an incident can open every minute, not only at five-minute closes. */
const CHECK_MINUTES = 1;
/** A silence longer than this is an ingestion outage, not a quiet brand: the baseline does not learn it. */
const MAX_GAP_MS = 24 * 3_600_000;
const log = childLogger('shitstorm');

/** The detector as the detect stage uses it: a stream detector that also says which brands are in a storm now. */
export interface ShitstormDetector extends StreamDetector {
  /** The brand's open incident, if it has one (the unanswered tracker files storm posts under it). */
  openIncident(brand: string): OpenStorm | undefined;
}

export function createShitstormDetector(deps: ShitstormDeps): ShitstormDetector {
  const o = deps.options ?? {};
  const thresholds: BurstThresholds = { ...DEFAULT_THRESHOLDS, ...o.thresholds };
  const cap = o.perAuthorCap ?? 2;
  const coldStartMs = (o.coldStartHours ?? 24) * 3_600_000;
  const reopenMs = (o.reopenMinutes ?? 720) * 60_000;
  const quietChecks = o.quietChecks ?? QUIET_CHECKS;
  const CHECK_MS = (o.checkMinutes ?? CHECK_MINUTES) * 60_000;
  const evaluate = createWindowEvaluation({ thresholds, perAuthorCap: cap, coldStartMs, reopenMs, quietChecks, onEvaluate: o.onEvaluate });
  const runtimes = new Map<string, Runtime>();
  let shape: number[] = new Array<number>(24).fill(1);

  for (const b of deps.brands) runtimes.set(b.id, newRuntime(b, b.businessHours?.timeZone ?? o.timeZone ?? 'UTC'));

  // Hour-of-week only changes on the hour (all zones in use are whole or half hours off UTC): cache per quarter hour.
  const slotOf = (rt: Runtime, start: number) => {
    const key = start - (start % 900_000);
    if (rt.slotCache?.at !== key) rt.slotCache = { at: key, slot: localHourOfWeek(key, rt.timeZone) };
    return rt.slotCache.slot;
  };
  const expected5 = (rt: Runtime, slot: number) => expectedHourly(rt.baseline, slot, shape) / HOUR_BUCKETS;
  const refreshShape = () => (shape = pooledDailyShape([...runtimes.values()].map((r) => r.baseline)));

  function openBucket(rt: Runtime, start: number): void {
    const slot = slotOf(rt, start);
    rt.cur = newBucket(start, expected5(rt, slot));
    if (!rt.hour || rt.hour.slot !== slot) rt.hour = { slot, count: 0, negatives: 0, incident: freezesBaseline(rt, start) };
  }

  /** Closes every bucket that ended at or before `t`, learning closed hours and evaluating each close. */
  function closeUntil(rt: Runtime, t: number): Alert[] {
    const out: Alert[] = [];
    if (!rt.cur) return out;
    if (t - rt.cur.start > MAX_GAP_MS) {
      // Debug, not a warning: a quiet brand's day without posts, or a replay's clock moved a week past its last post
      // (one line per brand at the end of every replay), is expected; sources that stop are on the dashboard's sources page.
      log.debug({ brand: rt.brand.id, from: new Date(rt.cur.start).toISOString(), to: new Date(t).toISOString() }, 'no mentions for over 24 h: the baseline does not learn the gap');
      rt.ring = [];
      delete rt.hour;
      openBucket(rt, t - (t % BUCKET_MS));
      rt.dirty.add('window');
      return out;
    }
    for (;;) {
      const open = rt.cur;
      if (!open) break;
      const end = open.start + BUCKET_MS;
      // Checkpoints inside the open bucket, each evaluated once (also across a restart: checkedAt is durable).
      for (let c = Math.max(rt.checkedAt ?? 0, open.start) + CHECK_MS; c < end && c <= t; c += CHECK_MS) {
        out.push(...evaluate(rt, c, { ...open, expected: (open.expected * (c - open.start)) / BUCKET_MS }));
        rt.checkedAt = c;
        rt.dirty.add('window');
      }
      if (end > t) break;
      const closed: Bucket = open;
      rt.checkedAt = end;
      rt.ring.push(closed);
      rt.dirtyBuckets.add(closed.start);
      rt.closedAt = closed.start + BUCKET_MS;
      if (rt.ring.length > HOUR_BUCKETS) {
        // Buckets leaving the hour ring join the brand's known authors (and teach it its usual new-author share) and,
        // outside an incident, what its complaints are usually about.
        const learn = rt.incident?.status !== 'open';
        for (const old of rt.ring.splice(0, rt.ring.length - HOUR_BUCKETS)) {
          retireBucket(rt.authors, old.authors, old.negAuthors, old.start, cap, learn);
          if (learn) learnTopics(rt.topics, old.terms, old.termPosts);
          rt.topicsPending.push({ start: old.start, learn });
          rt.topicsThrough = old.start;
        }
      }
      const hour = rt.hour;
      if (hour) {
        hour.count += closed.count;
        hour.negatives += closed.negatives;
      }
      out.push(...evaluate(rt, closed.start + BUCKET_MS));
      const nextStart = closed.start + BUCKET_MS;
      const nextSlot = slotOf(rt, nextStart);
      if (hour && hour.slot !== nextSlot) {
        if (!hour.incident) {
          learnHour(rt.baseline, hour.slot, hour.count, hour.negatives, shape, thresholds.phi);
          rt.dirty.add('baseline');
          // Always the pooled shape of the baselines as they are: a restart (which recomputes it) changes nothing.
          refreshShape();
        }
      }
      openBucket(rt, nextStart);
      rt.dirty.add('window');
    }
    return out;
  }

  /** The brands a mention counts for, and whether it is the brand's own post (remembered, not counted). */
  function brandsOf(m: Classified): Array<{ rt: Runtime; own: boolean }> {
    const out: Array<{ rt: Runtime; own: boolean }> = [];
    const who = [m.author.id, m.author.handle ?? ''].map((a) => a.replace(/^@/u, '').toLowerCase());
    for (const id of new Set([...m.brands, ...m.brandContext])) {
      const rt = runtimes.get(id);
      // The brand's accounts, or the page itself writing on the brand's page (an ingestor marks it as the brand).
      if (rt) out.push({ rt, own: rt.brand.accounts.some((a) => who.includes(a.replace(/^@/u, '').toLowerCase())) || (m.author.isBrand === true && m.channel === 'page_comment' && m.brandContext.includes(id)) });
    }
    return out;
  }


  return {
    name: 'shitstorm',

    openIncident(brand) {
      const incident = runtimes.get(brand)?.incident;
      return incident?.status === 'open' ? { id: incident.id, severity: incident.severity } : undefined;
    },

    async restore() {
      for (const old of [...runtimes.values()]) {
        // Replaces, not merges (restore runs again after a rebalance): start from an empty runtime.
        const rt = newRuntime(old.brand, old.timeZone);
        runtimes.set(rt.brand.id, rt);
        for (const { key, value } of await deps.state.listState(shitstormNamespace(rt.brand.id))) {
          if (!restoreEntry(rt, key, value)) log.warn({ brand: rt.brand.id, key }, 'skipping unreadable shitstorm state');
        }
        finishRestore(rt, HOUR_BUCKETS);
      }
      refreshShape();
    },

    async observe(m, now, owns) {
      const out: Alert[] = [];
      // A timestamp from the future (clock skew at the source) must not close buckets ahead of the clock.
      const at = Math.min(Date.parse(m.createdAt), now.getTime() + BUCKET_MS);
      for (const { rt, own } of brandsOf(m)) {
        if (owns && !owns(rt.brand.id)) continue; // another consumer-group member keeps this brand
        if (own) {
          rememberBrandPost(rt, m.id);
          continue;
        }
        // A comment on the brand's own page sits under a post of the brand's, seen or not: a flood of comments there is
        // the classic shitstorm, never "one viral post" to set aside.
        if (m.channel === 'page_comment' && m.brandContext.includes(rt.brand.id)) rememberBrandPost(rt, m.thread.rootId);
        if (rt.redelivered.has(m.id)) continue;
        if (rt.sinceFlush.length < MAX_BATCH_IDS) rt.sinceFlush.push(m.id);
        if (!rt.cur) {
          rt.firstAt ??= at;
          rt.dirty.add('baseline');
          openBucket(rt, at - (at % BUCKET_MS));
        }
        out.push(...closeUntil(rt, Math.max(now.getTime(), at)));
        const cur = rt.cur;
        const target = cur && at >= cur.start ? cur : rt.ring.find((b) => at >= b.start && at < b.start + BUCKET_MS);
        if (target) addToBucket(target, m, rt.exclude); // older than an hour: too late to matter for a burst
        if (target && target !== cur) rt.dirtyBuckets.add(target.start);
        rt.dirty.add('window');
      }
      return out;
    },

    async advance(now, owns) {
      const out: Alert[] = [];
      for (const rt of runtimes.values()) if (!owns || owns(rt.brand.id)) out.push(...closeUntil(rt, now.getTime()));
      return out;
    },

    async flush(owns) {
      for (const rt of runtimes.values()) if (!owns || owns(rt.brand.id)) await persist(rt, deps.state);
    },
  };
}
