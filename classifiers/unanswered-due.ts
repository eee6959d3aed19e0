/**
 * Each customer's own SLA in a thread several customers share (a page post's commenters, a busy brand tweet). The
 * thread's alert opens when its earliest waiting customer is overdue; whoever started waiting later is listed only once
 * their own SLA ran out, and a customer answered after it stays in the alert as answered late (QA round 8: a page
 * alert listed customers before their SLA ran out, and dropped five customers once their late answer came, so the final
 * alert no longer showed they had waited too long).
 */
import type { Brand } from '../src/model.ts';
import { addBusinessMinutes, businessMinutesBetween } from './business-hours.ts';
import type { CustomerState, PendingMessage, ThreadState } from './unanswered-thread.ts';
import { MAX_PENDING } from './unanswered-thread.ts';

type Hours = Brand['businessHours'];

/** When the customer's own SLA runs out (ms), counted from their earliest unanswered message; none when not waiting. */
export function customerDueAt(t: Pick<ThreadState, 'slaMinutes'>, c: Pick<CustomerState, 'waitingSince'>, hours: Hours): number | undefined {
  return c.waitingSince === undefined ? undefined : addBusinessMinutes(new Date(c.waitingSince), t.slaMinutes, hours).getTime();
}

/** Author ids of the customers waiting on the brand whose own SLA has run out by `now`. */
export function overdueCustomers(t: ThreadState, hours: Hours, now: Date): Set<string> {
  const out = new Set<string>();
  for (const c of t.customers) {
    const due = c.state === 'awaiting_brand' ? customerDueAt(t, c, hours) : undefined;
    if (due !== undefined && due <= now.getTime()) out.add(c.authorId);
  }
  return out;
}

/**
 * The instants at which a waiting customer of an open alert becomes overdue after its last revision: each is a revision
 * that lists them (the tracker's timers).
 */
export function customerDueTimes(t: ThreadState, hours: Hours): number[] {
  const shownAt = t.alert?.status === 'open' ? Date.parse(t.alert.updatedAt) : undefined;
  if (shownAt === undefined || t.state !== 'awaiting_brand') return [];
  const out: number[] = [];
  for (const c of t.customers) {
    const due = c.state === 'awaiting_brand' ? customerDueAt(t, c, hours) : undefined;
    if (due !== undefined && due > shownAt) out.push(due);
  }
  return out;
}

/** Whether a waiting customer becomes overdue in (after, upTo]: the open alert owes a revision listing them. */
export function customerFallsDue(t: ThreadState, hours: Hours, after: number, upTo: number): boolean {
  return customerDueTimes(t, hours).some((due) => due > after && due <= upTo);
}

/** The customers' waits before a brand reply (author id → waiting since), to tell afterwards who was answered late. */
export function waitsBefore(t: ThreadState): Map<string, string> {
  return new Map(t.customers.flatMap((c) => (c.state === 'awaiting_brand' && c.waitingSince !== undefined ? [[c.authorId, c.waitingSince] as const] : [])));
}

/**
 * Keeps in the open alert the messages of customers the reply at `answeredAt` answered after their own SLA ran out, with
 * how long they waited (business minutes). Returns the messages answered in time, which the alert does not list.
 * `byCustomer`: the customer settled the matter themselves ("all sorted now"), no brand answer came.
 */
export function keepLateAnswers(t: ThreadState, answered: readonly PendingMessage[], waits: ReadonlyMap<string, string>, answeredAt: string, hours: Hours, byCustomer = false): PendingMessage[] {
  const inTime: PendingMessage[] = [];
  const late = (t.answeredLate ??= []);
  for (const p of answered) {
    const since = waits.get(p.authorId);
    const due = since === undefined ? undefined : customerDueAt(t, { waitingSince: since }, hours);
    if (since === undefined || due === undefined || due > Date.parse(answeredAt) || t.alert?.status !== 'open') {
      inTime.push(p);
      continue;
    }
    if (late.some((x) => x.id === p.id)) continue;
    late.push({ ...p, waitingSince: since, answeredAt, waitedMinutes: Math.round(businessMinutesBetween(new Date(since), new Date(answeredAt), hours)), ...(byCustomer ? { solvedByCustomer: true } : {}) });
    if (late.length > MAX_PENDING) late.shift();
  }
  return inTime;
}
