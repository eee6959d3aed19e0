/**
 * The unanswered tracker's deadlines: a thread whose SLA ran out opens its alert, and raises it as it escalates.
 * Live (wall clock) every timer passed fires as of the periodic tick; in event time (replay, catching up after the
 * clock jumps) each fires at its own instant, in order across threads, as they would have come live.
 */
import { alertSeverityRank, type Alert, type AlertSeverity, type Brand } from '../src/model.ts';
import type { BrandFilter } from './types.ts';
import { renderAlert, severityOf, type AlertRenderContext } from './unanswered-alert.ts';
import type { ThreadBook } from './unanswered-book.ts';
import { customerDueTimes, customerFallsDue } from './unanswered-due.ts';
import type { ThreadRetention } from './unanswered-retention.ts';
import { unansweredAlertId, type ThreadState } from './unanswered-thread.ts';

export function isOverdue(t: ThreadState, now: Date): boolean {
  return t.state === 'awaiting_brand' && t.dueAt !== undefined && Date.parse(t.dueAt) <= now.getTime();
}

export function currentSeverity(t: ThreadState, now: Date): AlertSeverity {
  return severityOf(t, t.escalateAt !== undefined && Date.parse(t.escalateAt) <= now.getTime());
}

export interface ThreadTimersDeps {
  book: ThreadBook;
  brands: ReadonlyMap<string, Brand>;
  retention: ThreadRetention;
  /** Bumps the alert's revision with the given changes and renders it (the tracker's). */
  update(t: ThreadState, now: Date, change: Partial<NonNullable<ThreadState['alert']>>, context?: AlertRenderContext): Alert | undefined;
}

export interface ThreadTimers {
  /** Wall clock: every timer passed fires as of `now` (the periodic tick is at most its period late). */
  dueCheck(now: Date, owns: BrandFilter): Alert[];
  /** Event time: see `UnansweredTracker.catchUp`. */
  catchUp(now: Date, owns: BrandFilter): Alert[];
}

export function createThreadTimers({ book, brands, retention, update }: ThreadTimersDeps): ThreadTimers {
  const { threads } = book;

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
      t.alert = { id: unansweredAlertId(t), openedAt: t.dueAt, updatedAt: at.toISOString(), revision: 0, severity, status: 'open', ...(t.complaint ? { complained: true } : {}) };
      book.markDirty(brand, t.rootId);
      return renderAlert(t, brands.get(brand), at);
    }
    if (t.alert.status !== 'open' || alertSeverityRank(severity) <= alertSeverityRank(t.alert.severity)) return undefined;
    book.markDirty(brand, t.rootId);
    return update(t, new Date(Math.max(at.getTime(), Date.parse(t.alert.updatedAt))), { severity });
  }

  /**
   * The revision a chaser was deferred to (unanswered.ts, showChaser), once its time has come, unless another revision
   * showed the chaser first (every revision clears the deferral).
   */
  function fireDeferred(brand: string, t: ThreadState, at: Date): Alert | undefined {
    const deferred = t.alert?.deferredUpdateAt;
    if (t.alert?.status !== 'open' || deferred === undefined || Date.parse(deferred) > at.getTime()) return undefined;
    book.markDirty(brand, t.rootId);
    return update(t, new Date(Math.max(at.getTime(), Date.parse(t.alert.updatedAt))), {});
  }

  /**
   * The revision listing a customer of the open alert whose own SLA ran out since its last revision (they joined the
   * thread within it): unanswered-due.ts.
   */
  function fireCustomerDue(brand: string, t: ThreadState, at: Date): Alert | undefined {
    if (t.alert?.status !== 'open' || !customerFallsDue(t, brands.get(brand)?.businessHours, Date.parse(t.alert.updatedAt), at.getTime())) return undefined;
    book.markDirty(brand, t.rootId);
    return update(t, new Date(Math.max(at.getTime(), Date.parse(t.alert.updatedAt))), {});
  }

  function dueCheck(now: Date, owns: BrandFilter): Alert[] {
    const out: Alert[] = [];
    const nowMs = now.getTime();
    for (const brand of threads.keys()) {
      if (!owns(brand)) continue;
      for (const t of book.takeDue(brand, nowMs)) {
        const a = fireTimer(brand, t, now) ?? fireDeferred(brand, t, now) ?? fireCustomerDue(brand, t, now);
        if (a) out.push(a);
        book.reschedule(t, nowMs);
      }
    }
    return out;
  }

  function catchUp(now: Date, owns: BrandFilter): Alert[] {
    const fired: Array<{ at: number; alert: Alert }> = [];
    const nowMs = now.getTime();
    for (const brand of threads.keys()) {
      if (!owns(brand)) continue;
      for (const t of book.takeDue(brand, nowMs)) {
        const expiry = book.expiryOf(t);
        // In time order, each next instant taken after the last one fired: a revision clears a deferral, and the alert
        // opened at the SLA deadline makes its later customers' own deadlines count (customerDueTimes).
        for (let after = -Infinity; ; ) {
          const deferred = t.alert?.deferredUpdateAt ? Date.parse(t.alert.deferredUpdateAt) : Infinity;
          const deadlines = t.state === 'awaiting_brand' && t.dueAt ? [Date.parse(t.dueAt), t.escalateAt ? Date.parse(t.escalateAt) : Infinity] : [];
          // A deadline after the thread expired never comes: nobody was tracking it any more by then. One at `now` itself
          // has not passed yet: a reply at that instant is in time (the thread stays scheduled for it, unanswered-book.ts).
          const at = Math.min(...[...deadlines, deferred, ...customerDueTimes(t, brands.get(brand)?.businessHours)].filter((x) => x > after && x < nowMs && x < expiry));
          if (!Number.isFinite(at)) break;
          after = at;
          const a = fireTimer(brand, t, new Date(at)) ?? fireDeferred(brand, t, new Date(at)) ?? fireCustomerDue(brand, t, new Date(at));
          if (a) fired.push({ at: Date.parse(a.updatedAt), alert: a });
        }
        if (expiry <= nowMs) {
          const a = retention.drop(brand, t, new Date(expiry), 'expired');
          if (a) fired.push({ at: Date.parse(a.updatedAt), alert: a });
          continue;
        }
        book.reschedule(t, nowMs);
      }
    }
    // In time order across threads, as they would have come live (stable: ties keep the order they were taken in).
    fired.sort((a, b) => a.at - b.at);
    return [...fired.map((f) => f.alert), ...retention.evictOverCap(now)];
  }

  return { dueCheck, catchUp };
}
