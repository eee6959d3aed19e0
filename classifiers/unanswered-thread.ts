/**
 * One conversation between customers and one brand, as the unanswered tracker keeps it: which customer
 * messages await the brand, the SLA deadline, the brand's replies so far and the alert raised for it.
 * Plain JSON so it can be stored as is (namespace `unanswered:<brand>`, key = thread root id); the schema
 * validates it when it comes back from the store.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ReplyKind } from '../src/model.ts';

/** Kept per thread so memory stays bounded even when a customer posts fifty times. */
export const MAX_PENDING = 20;
export const MAX_REPLIES = 20;
export const MAX_THREAD_IDS = 100;
const EXAMPLE_CHARS = 280;

const PendingMessage = z.object({
  id: z.string(),
  authorId: z.string(),
  author: z.string().optional(),
  text: z.string(),
  url: z.string().optional(),
  createdAt: z.string(),
});
export type PendingMessage = z.infer<typeof PendingMessage>;

const BrandReply = z.object({ id: z.string(), kind: z.enum(['answer', 'request_info', 'auto_reply', 'deflection']), at: z.string() });

const AlertState = z.object({
  id: z.string(),
  openedAt: z.string(),
  updatedAt: z.string(),
  revision: z.number().int().nonnegative(),
  severity: z.enum(['info', 'watch', 'warning', 'critical']),
  status: z.enum(['open', 'resolved']),
  resolvedAt: z.string().optional(),
  /** Business minutes the customer waited until the answer, kept once the clock is gone. */
  waitedMinutes: z.number().nonnegative().optional(),
  /**
   * Why the tracker closed the alert without a real answer (the thread expired or was evicted), e.g.
   * "expired: no brand answer within 14 days". Absent when an answer resolved it. Optional, so state
   * written before it existed still reads.
   */
  resolution: z.string().max(200).optional(),
});
export type AlertState = z.infer<typeof AlertState>;

export const ThreadState = z.object({
  v: z.literal(1),
  brand: z.string(),
  rootId: z.string(),
  source: z.string(),
  channel: z.string(),
  /** Grows each time a real answer closes the thread; a later customer message starts the next cycle. */
  cycle: z.number().int().nonnegative(),
  /**
   * When this thread state was created (the first post it saw). Part of the alert id, so a thread that comes back
   * after being dropped (idle 14 days, or evicted) gets a new alert instead of reusing the closed one's id, which
   * the store would keep as the newer revision. Absent in state written before it existed: ids stay as they were.
   */
  since: z.string().optional(),
  state: z.enum(['awaiting_brand', 'awaiting_customer', 'answered']),
  pending: z.array(PendingMessage),
  /** SLA clock start (earliest pending message) and deadline under the brand's business hours. */
  clockStartedAt: z.string().optional(),
  dueAt: z.string().optional(),
  /** When a breached thread counts as long overdue (a multiple of the SLA) and escalates once more. */
  escalateAt: z.string().optional(),
  slaMinutes: z.number().positive(),
  complaint: z.boolean(),
  followUps: z.number().int().nonnegative(),
  replies: z.array(BrandReply),
  deflections: z.number().int().nonnegative(),
  autoReplies: z.number().int().nonnegative(),
  ids: z.array(z.string()),
  lastActivityAt: z.string(),
  alert: AlertState.optional(),
});
export type ThreadState = z.infer<typeof ThreadState>;

export function newThread(brand: string, rootId: string, source: string, channel: string, slaMinutes: number, at: string): ThreadState {
  return {
    v: 1,
    brand,
    rootId,
    source,
    channel,
    cycle: 0,
    since: at,
    state: 'answered',
    pending: [],
    slaMinutes,
    complaint: false,
    followUps: 0,
    replies: [],
    deflections: 0,
    autoReplies: 0,
    ids: [],
    lastActivityAt: at,
  };
}

function pushBounded<T>(list: T[], item: T, max: number): T[] {
  list.push(item);
  return list.length > max ? list.splice(0, list.length - max) : [];
}

/** Records a post of the thread; returns ids that fell out of the bounded list (to unindex them). */
export function recordId(t: ThreadState, id: string, at: string): string[] {
  if (at > t.lastActivityAt) t.lastActivityAt = at;
  return t.ids.includes(id) ? [] : pushBounded(t.ids, id, MAX_THREAD_IDS);
}

/** Starts a new cycle after a real answer: the previous alert is history, counters start from zero. */
export function startCycle(t: ThreadState): void {
  t.cycle += 1;
  t.pending = [];
  t.replies = [];
  t.deflections = 0;
  t.autoReplies = 0;
  t.followUps = 0;
  t.complaint = false;
  // `ids` stays (it is bounded): a batch redelivered after a restart must not count the last cycle's posts as new.
  delete t.alert;
  delete t.clockStartedAt;
  delete t.dueAt;
  delete t.escalateAt;
}

export function toPending(m: { id: string; author: { id: string; handle?: string }; text: string; url?: string; createdAt: string }): PendingMessage {
  return {
    id: m.id,
    authorId: m.author.id,
    author: m.author.handle,
    text: m.text.length > EXAMPLE_CHARS ? `${m.text.slice(0, EXAMPLE_CHARS - 1)}…` : m.text,
    url: m.url,
    createdAt: m.createdAt,
  };
}

export function addPending(t: ThreadState, p: PendingMessage): void {
  if (t.pending.some((x) => x.id === p.id)) return;
  pushBounded(t.pending, p, MAX_PENDING);
}

export function recordReply(t: ThreadState, id: string, kind: ReplyKind, at: string): void {
  pushBounded(t.replies, { id, kind, at }, MAX_REPLIES);
  if (kind === 'deflection') t.deflections += 1;
  if (kind === 'auto_reply') t.autoReplies += 1;
}

/**
 * The pending messages a brand reply addresses. A reply to one customer's message answers that customer
 * (all their pending messages), not the others commenting under the same page post; a reply we cannot place
 * (no parent, or a parent we never saw) is taken as addressing the whole thread.
 */
export function addressedBy(t: ThreadState, parentId: string | undefined): Set<string> {
  const parent = parentId === undefined ? undefined : t.pending.find((p) => p.id === parentId);
  if (!parent) {
    const parentIsOtherPost =
      parentId !== undefined && parentId !== t.rootId && t.ids.includes(parentId) && !t.replies.some((r) => r.id === parentId);
    // A reply to a post of this thread that is no longer pending (already handled, or a customer's thank-you)
    // addresses that post's author only; we no longer know who that is, so nothing pending is addressed.
    if (parentIsOtherPost) return new Set();
    return new Set(t.pending.map((p) => p.id));
  }
  return new Set(t.pending.filter((p) => p.authorId === parent.authorId).map((p) => p.id));
}

/** Longest alert id the Alert schema takes. */
const MAX_ALERT_ID = 256;

/**
 * The id of a thread's alert for its current cycle: readable when it fits, with the thread root hashed when a long
 * root id (a blog URL) would push it past the schema's limit.
 */
export function unansweredAlertId(t: Pick<ThreadState, 'brand' | 'rootId' | 'cycle' | 'since'>): string {
  const suffix = t.since ? `:${t.cycle}@${t.since}` : `:${t.cycle}`;
  const readable = `unanswered:${t.brand}:${t.rootId}${suffix}`;
  if (readable.length <= MAX_ALERT_ID) return readable;
  return `unanswered:${t.brand}:#${createHash('sha256').update(t.rootId).digest('hex').slice(0, 32)}${suffix}`;
}
