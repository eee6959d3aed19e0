/**
 * Bounded memory for the unanswered tracker: threads idle past the retention expire, and beyond the per-brand cap
 * the oldest are evicted. A thread leaving memory must not leave its alert open forever with nobody left to resolve
 * it, so the alert is resolved with a reason that says why; evicting threads still owed an answer is logged, since
 * it means the cap is too small for the brand.
 */
import { childLogger } from '../src/log.ts';
import type { Alert, Brand } from '../src/model.ts';
import { businessMinutesBetween } from './business-hours.ts';
import type { BrandFilter } from './types.ts';
import type { AlertRenderContext } from './unanswered-alert.ts';
import type { ThreadBook } from './unanswered-book.ts';
import { threadsToEvict, type ThreadState } from './unanswered-thread.ts';

const HOUR = 3_600_000;
const log = childLogger('unanswered');

export interface ThreadRetentionDeps {
  book: ThreadBook;
  brands: ReadonlyMap<string, Brand>;
  maxThreads: number;
  retentionMs: number;
  /** Bumps the alert's revision with the given changes and renders it (the tracker's). */
  update(t: ThreadState, now: Date, change: Partial<NonNullable<ThreadState['alert']>>, context?: AlertRenderContext): Alert | undefined;
}

export interface ThreadRetention {
  /** Forgets the thread; an alert still open is resolved (as of `at`) with the reason, and returned. Not after the data's end (endOfData). */
  drop(brand: string, t: ThreadState, at: Date, why: 'expired' | 'evicted'): Alert | undefined;
  /** Drops threads idle past the retention (checked hourly per brand) and evicts over the cap. */
  prune(now: Date, owns: BrandFilter): Alert[];
  evictOverCap(now: Date): Alert[];
  /**
   * The input ends at `at` (a replay's last record): a thread that would expire after it is kept, its alert open. A
   * replay's clock runs on past the data so that every SLA falls due, but the data cannot tell that no answer came.
   */
  endOfData(at: Date): void;
}

export function createThreadRetention({ book, brands, maxThreads, retentionMs, update }: ThreadRetentionDeps): ThreadRetention {
  const { threads } = book;
  const lastPrune = new Map<string, number>();
  let dataEndMs = Infinity;

  /**
   * Why an open alert is closed when its thread leaves memory. The alert must not stay open forever with
   * nobody left to resolve it, and "resolved" alone would read as "answered": the reason says otherwise.
   */
  function closingReason(t: ThreadState, why: 'expired' | 'evicted'): string {
    const days = retentionMs / (24 * HOUR);
    if (why === 'evicted') return `evicted: more than ${maxThreads} threads tracked for this brand, oldest dropped`;
    return t.state === 'awaiting_customer' ? `expired: no customer reply within ${days} days` : `expired: no brand answer within ${days} days`;
  }

  function drop(brand: string, t: ThreadState, at: Date, why: 'expired' | 'evicted'): Alert | undefined {
    if (why === 'expired' && at.getTime() > dataEndMs) return undefined;
    book.remove(brand, t);
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

  function prune(now: Date, owns: BrandFilter): Alert[] {
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
        const a = t.lastActivityAt < horizon ? drop(brand, t, new Date(book.expiryOf(t)), 'expired') : undefined;
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

  function endOfData(at: Date): void {
    dataEndMs = at.getTime();
  }

  return { drop, prune, evictOverCap, endOfData };
}
