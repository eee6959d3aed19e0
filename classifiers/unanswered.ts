/**
 * Unanswered tracker: every customer message addressed to a brand that expects an answer opens (or joins) a
 * thread awaiting the brand, keyed by thread root + brand. Within a thread each customer is owed their own answer
 * (unanswered-customers.ts); the SLA clock (per source/channel and brand, inside the brand's business hours)
 * starts at the earliest unanswered message of a waiting customer. Brand replies are classified
 * (classifiers/reply-kind.ts): an answer settles the customers it addresses, a request for information hands
 * them the ball, auto-replies and deflections are recorded while the clock keeps running. Overdue threads raise
 * one `unanswered` alert per thread and cycle, updated as it escalates and resolved once every customer in it
 * has a real answer.
 *
 * Time is whatever the caller passes (wall clock live, event time in replay), so both behave the same. In event
 * time the detect stage calls `catchUp` as the clock jumps: every deadline passed fires at its own instant.
 * State lives in the StateStore (namespace `unanswered:<brand>`, one entry per thread); `flush` writes only
 * what changed, so a restart neither forgets a thread nor re-opens an alert it already raised.
 */
import { slaMinutesFor, type AppConfig } from '../src/config.ts';
import { childLogger } from '../src/log.ts';
import { alertSeverityRank, type Alert, type Brand, type Classified, type ReplyKind } from '../src/model.ts';
import { addBusinessMinutes, businessMinutesBetween } from './business-hours.ts';
import { classifyReply } from './reply-kind.ts';
import type { BrandFilter, StateStore, StreamDetector } from './types.ts';
import { renderAlert, severityOf, type AlertRenderContext } from './unanswered-alert.ts';
import { accountIndex, expectsAnswer, handlesIn, isNudge, mentionsHandle, owningBrand, reportsRepeatFailure } from './unanswered-cues.ts';
import { addressees, boundCustomers, brandReplies, claimCustomer, customerAsks, customerOf, rememberPost, summarise, WaitingCustomers } from './unanswered-customers.ts';
import { addPending, newThread, readThreadState, recordId, recordReply, startCycle, threadsToEvict, toPending, type ThreadState, unansweredAlertId } from './unanswered-thread.ts';

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

/** The tracker as the detect stage uses it: a stream detector that also places posts and catches up in event time. */
export interface UnansweredTracker extends StreamDetector {
  /**
   * Brands with a tracked thread this post belongs to, by its thread root or the post it replies to: a
   * customer's "Hallo??? Immer noch nichts" under their own tweet names no brand, yet continues a brand's thread.
   */
  threadBrands(m: Classified): string[];
  /**
   * Event time: fires every deadline up to `now` at its own instant and in order (an alert due at 15:00 is raised
   * as of 15:00, showing the wait until then, and escalated as of its escalation time), and expires a thread idle
   * past the retention as of its expiry, before any timer after that. `advance` instead checks as of `now`, for the
   * wall clock, whose periodic tick is never late by more than its period. `filter`: only these brands (scaled
   * mode, see BrandFilter).
   */
  catchUp(now: Date, filter?: BrandFilter): Promise<Alert[]>;
}

export function createUnansweredTracker(deps: UnansweredTrackerDeps): UnansweredTracker {
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
  /**
   * Earliest instant at which some thread of the brand becomes due, escalates or expires (a lower bound, made
   * exact by each scan): the due checks are O(1) per brand until then.
   */
  const nextTimer = new Map<string, number>();
  const lastPrune = new Map<string, number>();
  /** Per brand, where each customer awaits an answer: derived from thread state (rebuilt by `restore`), never stored. */
  const waiting = new Map(deps.brands.map((b) => [b.id, new WaitingCustomers()]));

  const threadsOf = (brand: string): Map<string, ThreadState> => threads.get(brand) ?? new Map();

  const expiryOf = (t: ThreadState): number => Date.parse(t.lastActivityAt) + retentionMs;

  /** The thread's timers: SLA deadline and escalation while it awaits the brand, and its expiry. */
  function timersOf(t: ThreadState): number[] {
    const out = [expiryOf(t)];
    if (t.state === 'awaiting_brand' && t.dueAt) out.push(Date.parse(t.dueAt), t.escalateAt ? Date.parse(t.escalateAt) : Infinity);
    return out;
  }

  /** The thread's earliest timer after `nowMs`. */
  function nextTimerOf(t: ThreadState, nowMs: number): number {
    let next = Infinity;
    for (const at of timersOf(t)) if (at > nowMs && at < next) next = at;
    return next;
  }

  // Ownership (scaled mode, see BrandFilter): the brands the current observe/advance call may touch. Brands
  // owned by another consumer-group member are skipped by due checks, pruning and addressing alike.
  let owns: BrandFilter = () => true;

  function touch(t: ThreadState): void {
    dirty.get(t.brand)?.add(t.rootId);
    removed.get(t.brand)?.delete(t.rootId);
    const index = byMention.get(t.brand);
    for (const id of t.ids) index?.set(id, t.rootId);
    nextTimer.set(t.brand, Math.min(nextTimer.get(t.brand) ?? Infinity, ...timersOf(t)));
    waiting.get(t.brand)?.update(t);
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

  /** Re-derives the thread's summary from its customers; a clock that starts elsewhere moves the deadlines. */
  function settle(t: ThreadState): void {
    const before = t.clockStartedAt;
    summarise(t);
    const first = t.clockStartedAt;
    if (!first) {
      delete t.dueAt;
      delete t.escalateAt;
      return;
    }
    if (first === before && t.dueAt) return;
    const hours = brands.get(t.brand)?.businessHours;
    t.dueAt = addBusinessMinutes(new Date(first), t.slaMinutes, hours).toISOString();
    t.escalateAt = addBusinessMinutes(new Date(first), t.slaMinutes * overdueFactor, hours).toISOString();
  }

  /** Bumps the alert's revision with the given changes and renders it; undefined when there is no alert. */
  function update(t: ThreadState, now: Date, change: Partial<NonNullable<ThreadState['alert']>>, context: AlertRenderContext = {}): Alert | undefined {
    if (!t.alert) return undefined;
    Object.assign(t.alert, change, { revision: t.alert.revision + 1, updatedAt: now.toISOString() });
    return renderAlert(t, brands.get(t.brand), now, context);
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
      // Still theirs: a brand reply to this post (a thank-you) is a reply to them, not to everybody waiting.
      const known = customerOf(t, m.author.id);
      if (known) rememberPost(known, m.id, m.createdAt);
      touch(t);
      return [];
    }
    // "Schon wieder"/"again" chases only from a customer who already wrote in this thread (asked before the last
    // answer too, hence before a new cycle forgets them): in their first message it is a failure that happened
    // again, not a repeated contact (QA defect 7).
    const repeated = customerOf(t, m.author.id) !== undefined && reportsRepeatFailure(m.text);
    if (t.state === 'answered' && (t.replies.length > 0 || t.alert)) startCycle(t);
    forget(t, recordId(t, m.id, m.createdAt));
    const stateBefore = t.state;
    // Chasing: an explicit nudge ("immer noch keine Antwort"), or the same customer writing again while waiting.
    // A customer who already awaits the brand's answer in another thread (one loud customer's thirty separate
    // tweets) is chasing too: each new thread starts with that follow-up. Alerts stay per thread, so each can be
    // answered and resolved where it was asked; the older threads' alerts are left as they were, not revised.
    const nudge = isNudge(m.text) || repeated || (waiting.get(brand)?.elsewhere(m.author.id, t.rootId) ?? false);
    customerAsks(claimCustomer(t, m), m, { complaint: m.complaint.isComplaint, nudge });
    addPending(t, toPending(m));
    boundCustomers(t);
    settle(t);
    touch(t);
    if (!t.alert || t.alert.status !== 'open') return [];
    // The customer sent the details the brand asked for: the alert stops saying it waits for them, and shows the
    // brand's new wait, which starts at this reply (until that is overdue too, the alert is info).
    if (stateBefore === 'awaiting_customer' && t.state === 'awaiting_brand') {
      return [update(t, now, { severity: isOverdue(t, now) ? currentSeverity(t, now) : 'info' })].filter((a): a is Alert => a !== undefined);
    }
    // An overdue thread whose customer chases again escalates now, not at the next timer.
    if (isOverdue(t, now)) {
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
    const to = addressees(t, { parentId: m.thread.parentId, text: m.text });
    recordReply(t, m.id, kind, m.createdAt, kind === 'auto_reply' ? undefined : [...to]);
    const clockBefore = t.clockStartedAt;
    // What the reply takes off the waiting list: the resolved alert still names that customer and shows the post.
    const pendingBefore = t.pending;
    brandReplies(t, kind, to);
    const answered = pendingBefore.filter((p) => !t.pending.some((q) => q.id === p.id));
    settle(t);
    touch(t);
    const out: Array<Alert | undefined> = [];
    if (t.alert && t.alert.status === 'open') {
      if (t.state === 'answered') {
        const waitedMinutes = clockBefore ? Math.round(businessMinutesBetween(new Date(clockBefore), new Date(m.createdAt), brands.get(brand)?.businessHours)) : 0;
        out.push(update(t, now, { status: 'resolved', resolvedAt: m.createdAt, waitedMinutes }, { answered }));
      } else {
        // The clock may have restarted for the remaining customers: until they are due again, the alert waits.
        const severity = isOverdue(t, now) ? currentSeverity(t, now) : 'info';
        out.push(update(t, now, { severity }, { answered }));
      }
    }
    return out.filter((a): a is Alert => a !== undefined);
  }

  /**
   * The thread's due check as of `at`: opens its alert once the SLA ran out and raises it as it escalates. Only
   * upwards: with no new post, waiting longer can only raise the severity. A lower one means this check runs at an
   * earlier time than the last (a post fed again after a restart or redelivery), and downgrading then escalating
   * again cost every open alert two revisions and two chat messages. An update is never dated before the alert's
   * last one.
   */
  function fireTimer(brand: string, t: ThreadState, at: Date): Alert | undefined {
    if (!isOverdue(t, at) || !t.dueAt) return undefined;
    const severity = currentSeverity(t, at);
    if (!t.alert) {
      t.alert = { id: unansweredAlertId(t), openedAt: t.dueAt, updatedAt: at.toISOString(), revision: 0, severity, status: 'open' };
      dirty.get(brand)?.add(t.rootId);
      return renderAlert(t, brands.get(brand), at);
    }
    if (t.alert.status !== 'open' || alertSeverityRank(severity) <= alertSeverityRank(t.alert.severity)) return undefined;
    dirty.get(brand)?.add(t.rootId);
    return update(t, new Date(Math.max(at.getTime(), Date.parse(t.alert.updatedAt))), { severity });
  }

  /** Wall clock: every timer passed fires as of `now` (the periodic tick is at most its period late). */
  function dueCheck(now: Date): Alert[] {
    const out: Alert[] = [];
    const nowMs = now.getTime();
    for (const [brand, own] of threads) {
      if (!owns(brand)) continue;
      if ((nextTimer.get(brand) ?? Infinity) > nowMs) continue;
      let next = Infinity;
      for (const t of own.values()) {
        const a = fireTimer(brand, t, now);
        if (a) out.push(a);
        next = Math.min(next, nextTimerOf(t, nowMs));
      }
      nextTimer.set(brand, next);
    }
    return out;
  }

  /** Event time: see `UnansweredTracker.catchUp`. */
  function catchUp(now: Date): Alert[] {
    const fired: Array<{ at: number; alert: Alert }> = [];
    const nowMs = now.getTime();
    for (const [brand, own] of threads) {
      if (!owns(brand) || (nextTimer.get(brand) ?? Infinity) > nowMs) continue;
      let next = Infinity;
      for (const t of [...own.values()]) {
        const expiry = expiryOf(t);
        if (t.state === 'awaiting_brand' && t.dueAt) {
          for (const at of [Date.parse(t.dueAt), t.escalateAt ? Date.parse(t.escalateAt) : Infinity]) {
            // A deadline after the thread expired never comes: nobody was tracking it any more by then.
            if (at > nowMs || at >= expiry) continue;
            const a = fireTimer(brand, t, new Date(at));
            if (a) fired.push({ at: Date.parse(a.updatedAt), alert: a });
          }
        }
        if (expiry <= nowMs) {
          const a = drop(brand, t, new Date(expiry), 'expired');
          if (a) fired.push({ at: Date.parse(a.updatedAt), alert: a });
          continue;
        }
        next = Math.min(next, nextTimerOf(t, nowMs));
      }
      nextTimer.set(brand, next);
    }
    // In time order across threads, as they would have come live (stable: ties keep the scan's order).
    fired.sort((a, b) => a.at - b.at);
    return [...fired.map((f) => f.alert), ...evictOverCap(now)];
  }

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
    waiting.get(brand)?.forget(t.rootId);
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

  /** Drops threads idle past the retention (checked hourly per brand) and evicts over the cap. */
  function prune(now: Date): Alert[] {
    const out: Alert[] = [];
    const nowMs = now.getTime();
    for (const [brand, own] of threads) {
      if (!owns(brand)) continue;
      if (own.size <= maxThreads && nowMs - (lastPrune.get(brand) ?? -Infinity) < HOUR) continue;
      lastPrune.set(brand, nowMs);
      const horizon = new Date(nowMs - retentionMs).toISOString();
      for (const t of [...own.values()]) {
        // Expired as of the end of the retention period, not of this (hourly) pass: the same instant
        // whenever the pass runs, so a restart that repeats it repeats the same revision.
        const a = t.lastActivityAt < horizon ? drop(brand, t, new Date(expiryOf(t)), 'expired') : undefined;
        if (a) out.push(a);
      }
    }
    return [...out, ...evictOverCap(now)];
  }

  function evictOverCap(now: Date): Alert[] {
    const out: Alert[] = [];
    for (const [brand, own] of threads) {
      if (own.size <= maxThreads) continue;
      const evicted = threadsToEvict(own.values(), own.size - maxThreads);
      for (const t of evicted) {
        const a = drop(brand, t, now, 'evicted');
        if (a) out.push(a);
      }
      const waiting = evicted.filter((t) => t.state === 'awaiting_brand').length;
      if (waiting > 0) warnEvicted(brand, waiting, now.getTime());
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
        waiting.get(brand)?.clear();
        // Replaces, not merges (restore runs again after a rebalance): nothing of the old copy may survive.
        byMention.get(brand)?.clear();
        removed.get(brand)?.clear();
        nextTimer.delete(brand);
        for (const { key, value } of await deps.state.listState(unansweredNamespace(brand))) {
          // Migrates state written before customers were tracked one by one (unanswered-thread.ts).
          const parsed = readThreadState(value);
          if (!parsed.success || parsed.data.brand !== brand) {
            // Never silently: a thread we cannot read is an alert we might miss.
            log.warn({ brand, key, issues: parsed.success ? 'brand mismatch' : parsed.issues.slice(0, 3) }, 'skipping unreadable unanswered-thread state');
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

    async catchUp(now, filter) {
      owns = filter ?? (() => true);
      return catchUp(now);
    },

    threadBrands(m) {
      return [...brands.keys()].filter((brand) => findThread(brand, m) !== undefined);
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
