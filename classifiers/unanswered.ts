/**
 * Unanswered tracker: every customer message addressed to a brand that expects an answer opens (or joins) a
 * thread awaiting the brand, keyed by thread root + brand. The SLA clock (per source/channel and brand, inside
 * the brand's business hours) starts at the earliest unanswered message. Brand replies are classified
 * (classifiers/reply-kind.ts): an answer closes, a request for information hands the ball to the customer,
 * auto-replies and deflections are recorded while the clock keeps running. Overdue threads raise one
 * `unanswered` alert per thread and cycle, updated as it escalates and resolved by a real answer.
 *
 * Time is whatever the caller passes (wall clock live, event time in replay), so both behave the same.
 * State lives in the StateStore (namespace `unanswered:<brand>`, one entry per thread); `flush` writes only
 * what changed, so a restart neither forgets a thread nor re-opens an alert it already raised.
 */
import { slaMinutesFor, type AppConfig } from '../src/config.ts';
import { childLogger } from '../src/log.ts';
import { alertSeverityRank, type Alert, type Brand, type Classified, type ReplyKind } from '../src/model.ts';
import { addBusinessMinutes, businessMinutesBetween } from './business-hours.ts';
import { classifyReply } from './reply-kind.ts';
import type { BrandFilter, StateStore, StreamDetector } from './types.ts';
import { renderAlert, severityOf } from './unanswered-alert.ts';
import { accountIndex, expectsAnswer, handlesIn, isNudge, mentionsHandle, owningBrand } from './unanswered-cues.ts';
import { addPending, addressedBy, newThread, recordId, recordReply, startCycle, toPending, ThreadState, unansweredAlertId } from './unanswered-thread.ts';

export interface UnansweredTrackerOptions {
  /**
   * Threads kept per brand; beyond it the oldest answered, then waiting-for-customer, then open ones go
   * (an alert still open is resolved as evicted).
   */
  maxThreadsPerBrand?: number;
  /** Threads without activity for this long are dropped; an alert still open is resolved as expired. */
  retentionDays?: number;
  /**
   * A breached thread escalates once more after this multiple of its SLA: 4 × 1 h on X/Twitter is half a
   * working day, 4 × 24 h on a blog is most of a working week.
   */
  longOverdueFactor?: number;
}

export interface UnansweredTrackerDeps {
  brands: Brand[];
  config: AppConfig;
  state: StateStore;
  options?: UnansweredTrackerOptions;
}

const HOUR = 3_600_000;
const log = childLogger('unanswered');

export const unansweredNamespace = (brand: string): string => `unanswered:${brand}`;

export function createUnansweredTracker(deps: UnansweredTrackerDeps): StreamDetector {
  const maxThreads = deps.options?.maxThreadsPerBrand ?? 5000;
  const retentionMs = (deps.options?.retentionDays ?? 14) * 24 * HOUR;
  const overdueFactor = deps.options?.longOverdueFactor ?? 4;
  const brands = new Map(deps.brands.map((b) => [b.id, b]));
  const accounts = accountIndex(deps.brands);
  const threads = new Map<string, Map<string, ThreadState>>(deps.brands.map((b) => [b.id, new Map()]));
  /** Mention id → thread root, to place replies whose root we never saw (partial crawls, deleted roots). */
  const byMention = new Map<string, Map<string, string>>(deps.brands.map((b) => [b.id, new Map()]));
  const dirty = new Map<string, Set<string>>(deps.brands.map((b) => [b.id, new Set()]));
  const removed = new Map<string, Set<string>>(deps.brands.map((b) => [b.id, new Set()]));
  /** Earliest instant at which some thread of the brand becomes due or escalates: `advance` is O(1) until then. */
  const nextTimer = new Map<string, number>();
  const lastPrune = new Map<string, number>();

  const threadsOf = (brand: string): Map<string, ThreadState> => threads.get(brand) ?? new Map();

  // Ownership (scaled mode, see BrandFilter): the brands the current observe/advance call may touch. Brands
  // owned by another consumer-group member are skipped by due checks, pruning and addressing alike.
  let owns: BrandFilter = () => true;

  function touch(t: ThreadState): void {
    dirty.get(t.brand)?.add(t.rootId);
    removed.get(t.brand)?.delete(t.rootId);
    const index = byMention.get(t.brand);
    for (const id of t.ids) index?.set(id, t.rootId);
    if (t.state === 'awaiting_brand' && t.dueAt) {
      const next = Math.min(nextTimer.get(t.brand) ?? Infinity, Date.parse(t.dueAt), t.escalateAt ? Date.parse(t.escalateAt) : Infinity);
      nextTimer.set(t.brand, next);
    }
  }

  function forget(t: ThreadState, ids: readonly string[]): void {
    const index = byMention.get(t.brand);
    for (const id of ids) if (index?.get(id) === t.rootId) index.delete(id);
  }

  function findThread(brand: string, m: Classified): ThreadState | undefined {
    const own = threadsOf(brand);
    const direct = own.get(m.thread.rootId);
    if (direct) return direct;
    const viaParent = m.thread.parentId ? byMention.get(brand)?.get(m.thread.parentId) : undefined;
    return viaParent ? own.get(viaParent) : undefined;
  }

  function startClock(t: ThreadState): void {
    const first = t.pending.reduce<string | undefined>((min, p) => (min === undefined || p.createdAt < min ? p.createdAt : min), undefined);
    if (!first) {
      delete t.clockStartedAt;
      delete t.dueAt;
      delete t.escalateAt;
      return;
    }
    const hours = brands.get(t.brand)?.businessHours;
    t.clockStartedAt = first;
    t.dueAt = addBusinessMinutes(new Date(first), t.slaMinutes, hours).toISOString();
    t.escalateAt = addBusinessMinutes(new Date(first), t.slaMinutes * overdueFactor, hours).toISOString();
  }

  /** Bumps the alert's revision with the given changes and renders it; undefined when there is no alert. */
  function update(t: ThreadState, now: Date, change: Partial<NonNullable<ThreadState['alert']>>): Alert | undefined {
    if (!t.alert) return undefined;
    Object.assign(t.alert, change, { revision: t.alert.revision + 1, updatedAt: now.toISOString() });
    return renderAlert(t, brands.get(t.brand), now);
  }

  function isOverdue(t: ThreadState, now: Date): boolean {
    return t.state === 'awaiting_brand' && t.dueAt !== undefined && Date.parse(t.dueAt) <= now.getTime();
  }

  function currentSeverity(t: ThreadState, now: Date) {
    return severityOf(t, t.escalateAt !== undefined && Date.parse(t.escalateAt) <= now.getTime());
  }

  function onCustomer(brand: string, m: Classified, now: Date): Alert[] {
    let t = findThread(brand, m);
    // At-least-once delivery: a mention seen again (redelivered after a crash) must not count twice.
    if (t && (t.ids.includes(m.id) || t.pending.some((p) => p.id === m.id))) return [];
    if (!t) {
      const sla = slaMinutesFor(deps.config, brands.get(brand), m.source, m.channel);
      t = newThread(brand, m.thread.rootId, m.source, m.channel, sla, m.createdAt);
      threadsOf(brand).set(t.rootId, t);
    }
    if (!expectsAnswer(m)) {
      forget(t, recordId(t, m.id, m.createdAt));
      touch(t);
      return [];
    }
    if (t.state === 'answered' && (t.replies.length > 0 || t.alert)) startCycle(t);
    forget(t, recordId(t, m.id, m.createdAt));
    // Chasing: an explicit nudge ("immer noch keine Antwort"), or the same customer writing again while waiting.
    if (isNudge(m.text) || t.pending.some((p) => p.authorId === m.author.id)) t.followUps += 1;
    t.complaint ||= m.complaint.isComplaint;
    addPending(t, toPending(m));
    if (t.state !== 'awaiting_brand') {
      t.state = 'awaiting_brand';
      startClock(t);
    }
    touch(t);
    // An overdue thread whose customer chases again escalates now, not at the next timer.
    if (t.alert && t.alert.status === 'open' && isOverdue(t, now)) {
      const severity = currentSeverity(t, now);
      if (severity !== t.alert.severity) return [update(t, now, { severity })].filter((a): a is Alert => a !== undefined);
    }
    return [];
  }

  function onBrand(brand: string, m: Classified, now: Date): Alert[] {
    const t = findThread(brand, m);
    if (!t) return []; // the brand's own post, or a reply in a conversation nobody asked us about
    // Redelivered: `replies` starts afresh each cycle, `ids` also remembers the earlier cycles' posts.
    if (t.replies.some((r) => r.id === m.id) || t.ids.includes(m.id)) return [];
    const kind: ReplyKind = m.replyKind ?? classifyReply(m.text, m.lang).kind;
    forget(t, recordId(t, m.id, m.createdAt));
    recordReply(t, m.id, kind, m.createdAt);
    const clockBefore = t.clockStartedAt;
    const out: Array<Alert | undefined> = [];
    if (kind === 'answer' || kind === 'request_info') {
      const addressed = addressedBy(t, m.thread.parentId);
      t.pending = t.pending.filter((p) => !addressed.has(p.id));
      if (t.pending.length === 0) {
        t.state = kind === 'answer' ? 'answered' : 'awaiting_customer';
        startClock(t);
      } else if (addressed.size > 0) {
        startClock(t);
      }
    }
    touch(t);
    if (t.alert && t.alert.status === 'open') {
      if (t.state === 'answered') {
        const waitedMinutes = clockBefore ? Math.round(businessMinutesBetween(new Date(clockBefore), new Date(m.createdAt), brands.get(brand)?.businessHours)) : 0;
        out.push(update(t, now, { status: 'resolved', resolvedAt: m.createdAt, waitedMinutes }));
      } else {
        // The clock may have restarted for the remaining messages: until they are due again, the alert waits.
        const severity = isOverdue(t, now) ? currentSeverity(t, now) : 'info';
        out.push(update(t, now, { severity }));
      }
    }
    return out.filter((a): a is Alert => a !== undefined);
  }

  function dueCheck(now: Date): Alert[] {
    const out: Alert[] = [];
    const nowMs = now.getTime();
    for (const [brand, own] of threads) {
      if (!owns(brand)) continue;
      if ((nextTimer.get(brand) ?? Infinity) > nowMs) continue;
      let next = Infinity;
      for (const t of own.values()) {
        if (t.state !== 'awaiting_brand' || !t.dueAt) continue;
        const due = Date.parse(t.dueAt);
        const esc = t.escalateAt ? Date.parse(t.escalateAt) : Infinity;
        if (due <= nowMs) {
          const severity = currentSeverity(t, now);
          if (!t.alert) {
            const id = unansweredAlertId(t);
            t.alert = { id, openedAt: t.dueAt, updatedAt: now.toISOString(), revision: 0, severity, status: 'open' };
            out.push(renderAlert(t, brands.get(brand), now));
            dirty.get(brand)?.add(t.rootId);
          } else if (t.alert.status === 'open' && alertSeverityRank(severity) > alertSeverityRank(t.alert.severity)) {
            // Only upwards: with no new post, waiting longer can only raise the severity. A lower one means this
            // check runs at an earlier time than the last (a post fed again after a restart or redelivery), and
            // downgrading then escalating again cost every open alert two revisions and two chat messages.
            const a = update(t, now, { severity });
            if (a) out.push(a);
            dirty.get(brand)?.add(t.rootId);
          }
        }
        for (const at of [due, esc]) if (at > nowMs && at < next) next = at;
      }
      nextTimer.set(brand, next);
    }
    return out;
  }

  const STATE_RANK: Record<ThreadState['state'], number> = { answered: 0, awaiting_customer: 1, awaiting_brand: 2 };

  /**
   * Why an open alert is closed when its thread leaves memory. The alert must not stay open forever with
   * nobody left to resolve it, and "resolved" alone would read as "answered": the reason says otherwise.
   */
  function closingReason(t: ThreadState, why: 'expired' | 'evicted'): string {
    const days = retentionMs / (24 * HOUR);
    if (why === 'evicted') return `evicted: more than ${maxThreads} threads tracked for this brand, oldest dropped`;
    return t.state === 'awaiting_customer' ? `expired: no customer reply within ${days} days` : `expired: no brand answer within ${days} days`;
  }

  /** Forgets the thread; an alert still open is resolved (as of `at`) with the reason, and returned. */
  function drop(brand: string, t: ThreadState, at: Date, why: 'expired' | 'evicted'): Alert | undefined {
    threadsOf(brand).delete(t.rootId);
    const index = byMention.get(brand);
    for (const id of t.ids) if (index?.get(id) === t.rootId) index.delete(id);
    dirty.get(brand)?.delete(t.rootId);
    removed.get(brand)?.add(t.rootId);
    if (t.alert?.status !== 'open') return undefined;
    // Never before the alert's last update: a resolution must be its newest revision in time as well.
    const when = new Date(Math.max(at.getTime(), Date.parse(t.alert.updatedAt)));
    const hours = brands.get(brand)?.businessHours;
    const waitedMinutes =
      t.state === 'awaiting_brand' && t.clockStartedAt
        ? Math.round(businessMinutesBetween(new Date(t.clockStartedAt), when, hours))
        : (t.alert.waitedMinutes ?? 0);
    return update(t, when, { status: 'resolved', resolvedAt: when.toISOString(), waitedMinutes, resolution: closingReason(t, why) });
  }

  const evictsBefore = (a: ThreadState, b: ThreadState): boolean =>
    STATE_RANK[a.state] - STATE_RANK[b.state] < 0 || (a.state === b.state && a.lastActivityAt < b.lastActivityAt);

  /**
   * The `n` threads to evict. Over the cap there is usually one more thread than allowed (the one just opened),
   * so one pass finds it; sorting every thread on every new thread made a long replay crawl.
   */
  function firstToEvict(all: Iterable<ThreadState>, n: number): ThreadState[] {
    const list = [...all];
    if (n > 4) return list.sort((a, b) => (evictsBefore(a, b) ? -1 : evictsBefore(b, a) ? 1 : 0)).slice(0, n);
    const out: ThreadState[] = [];
    for (let k = 0; k < n; k++) {
      let best: ThreadState | undefined;
      for (const t of list) if (!out.includes(t) && (best === undefined || evictsBefore(t, best))) best = t;
      if (best) out.push(best);
    }
    return out;
  }

  /** Evictions of threads still owed an answer, summed and logged at most once an hour per brand. */
  const evictedWaiting = new Map<string, { count: number; loggedAt: number }>();
  function warnEvicted(brand: string, count: number, nowMs: number): void {
    const e = evictedWaiting.get(brand) ?? { count: 0, loggedAt: -Infinity };
    e.count += count;
    evictedWaiting.set(brand, e);
    if (nowMs - e.loggedAt < HOUR) return;
    log.warn({ brand, evictedWaiting: e.count, maxThreads }, 'thread cap reached: dropped threads still awaiting a brand answer (raise maxThreadsPerBrand?)');
    e.count = 0;
    e.loggedAt = nowMs;
  }

  function prune(now: Date): Alert[] {
    const out: Alert[] = [];
    const keep = (a: Alert | undefined) => {
      if (a) out.push(a);
    };
    const nowMs = now.getTime();
    for (const [brand, own] of threads) {
      if (!owns(brand)) continue;
      if (own.size <= maxThreads && nowMs - (lastPrune.get(brand) ?? -Infinity) < HOUR) continue;
      lastPrune.set(brand, nowMs);
      const horizon = new Date(nowMs - retentionMs).toISOString();
      for (const t of [...own.values()]) {
        // Expired as of the end of the retention period, not of this (hourly) pass: the same instant
        // whenever the pass runs, so a restart that repeats it repeats the same revision.
        if (t.lastActivityAt < horizon) keep(drop(brand, t, new Date(Date.parse(t.lastActivityAt) + retentionMs), 'expired'));
      }
      if (own.size <= maxThreads) continue;
      const evicted = firstToEvict(own.values(), own.size - maxThreads);
      for (const t of evicted) keep(drop(brand, t, now, 'evicted'));
      const waiting = evicted.filter((t) => t.state === 'awaiting_brand').length;
      if (waiting > 0) warnEvicted(brand, waiting, nowMs);
    }
    return out;
  }

  function brandsAddressed(m: Classified): string[] {
    const out: string[] = [];
    const handles = m.text.includes('@') ? handlesIn(m.text) : new Set<string>();
    for (const brand of brands.keys()) {
      if (!owns(brand)) continue;
      if (m.brandContext.includes(brand) || mentionsHandle(handles, accounts.get(brand)) || findThread(brand, m)) out.push(brand);
    }
    return out;
  }

  return {
    name: 'unanswered',

    async restore() {
      for (const brand of brands.keys()) {
        const own = threadsOf(brand);
        own.clear();
        // Replaces, not merges (restore runs again after a rebalance): nothing of the old copy may survive.
        byMention.get(brand)?.clear();
        removed.get(brand)?.clear();
        nextTimer.delete(brand);
        for (const { key, value } of await deps.state.listState(unansweredNamespace(brand))) {
          const parsed = ThreadState.safeParse(value);
          if (!parsed.success || parsed.data.brand !== brand) {
            // Never silently: a thread we cannot read is an alert we might miss.
            log.warn({ brand, key, issues: parsed.success ? 'brand mismatch' : parsed.error.issues.slice(0, 3) }, 'skipping unreadable unanswered-thread state');
            continue;
          }
          own.set(parsed.data.rootId, parsed.data);
          touch(parsed.data);
        }
        dirty.get(brand)?.clear();
      }
    },

    async observe(m, now, filter) {
      owns = filter ?? (() => true);
      // Timers due before this mention fire first, so a late answer resolves an alert instead of preventing it
      // (same order in replay and live).
      const at = new Date(Math.min(now.getTime(), Date.parse(m.createdAt)));
      const out = dueCheck(at);
      const own = owningBrand(m, accounts);
      if (own !== undefined) {
        if (brands.has(own) && owns(own)) out.push(...onBrand(own, m, now));
      } else {
        for (const brand of brandsAddressed(m)) out.push(...onCustomer(brand, m, now));
      }
      out.push(...prune(now));
      return out;
    },

    async advance(now, filter) {
      owns = filter ?? (() => true);
      const out = dueCheck(now);
      out.push(...prune(now));
      return out;
    },

    async flush(filter) {
      for (const [brand, keys] of dirty) {
        if (filter && !filter(brand)) continue;
        const ns = unansweredNamespace(brand);
        for (const key of keys) {
          const t = threadsOf(brand).get(key);
          if (t) await deps.state.putState(ns, key, t);
        }
        keys.clear();
      }
      for (const [brand, keys] of removed) {
        if (filter && !filter(brand)) continue;
        for (const key of keys) await deps.state.deleteState(unansweredNamespace(brand), key);
        keys.clear();
      }
    },
  };
}
