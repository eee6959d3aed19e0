/**
 * One conversation between customers and one brand, as the unanswered tracker keeps it: each customer's
 * state in it (unanswered-customers.ts), which of their messages await the brand, the SLA deadline, the
 * brand's replies so far and the alert raised for it. Plain JSON so it can be stored as is (namespace
 * `unanswered:<brand>`, key = thread root id); the schema validates it when it comes back from the store, and
 * `readThreadState` migrates what earlier versions wrote.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ReplyKind } from '../src/model.ts';

/** Kept per thread so memory stays bounded even when a customer posts fifty times. */
export const MAX_PENDING = 20;
export const MAX_REPLIES = 20;
export const MAX_THREAD_IDS = 100;
/** Customers kept per thread (a page post's commenters): answered ones give way first. */
export const MAX_CUSTOMERS = 50;
/** Posts remembered per customer, to know whom a brand reply to one of them addresses. */
export const MAX_CUSTOMER_IDS = 5;
const EXAMPLE_CHARS = 280;

const PendingMessage = z.object({
  id: z.string(),
  authorId: z.string(),
  author: z.string().optional(),
  /** Display name: Facebook commenters and blog authors have a name and no handle. Optional, so older state reads. */
  authorName: z.string().optional(),
  text: z.string(),
  url: z.string().optional(),
  createdAt: z.string(),
  /** The message was read as a complaint: shown first among the examples. Optional, so older state reads. */
  complaint: z.boolean().optional(),
});
export type PendingMessage = z.infer<typeof PendingMessage>;

/**
 * A customer's message answered only after their own SLA ran out: the open alert keeps showing it, with the wait
 * (business minutes, the SLA's clock), so the breach stays visible once the late answer came.
 */
const LateAnswer = PendingMessage.extend({
  waitingSince: z.string(),
  answeredAt: z.string(),
  waitedMinutes: z.number().nonnegative(),
  /** The customer reported it solved themselves; no brand answer came. Optional, so older state reads. */
  solvedByCustomer: z.boolean().optional(),
});
export type LateAnswer = z.infer<typeof LateAnswer>;

/** Most customers one brand reply remembers addressing; a reply to more counts as addressed to everyone. */
export const MAX_REPLY_ADDRESSEES = 5;

const BrandReply = z.object({
  id: z.string(),
  kind: z.enum(['answer', 'request_info', 'auto_reply', 'deflection']),
  at: z.string(),
  /**
   * The customers (author ids) it addressed, so the brand's next reply to this one reaches the same people
   * (a two-part answer, "1/2 … 2/2"). Absent: everyone waiting at the time, or state from before it existed.
   */
  to: z.array(z.string()).max(MAX_REPLY_ADDRESSEES).optional(),
});

/**
 * One customer's part of a thread. A page post gathers many commenters: each is owed their own answer, so the
 * state, the complaint flag, the follow-ups and the SLA clock belong to the customer, and the thread's fields of
 * the same names summarise the customers still waiting (`summarise` in unanswered-customers.ts).
 */
export const CustomerState = z.object({
  /** Author id; `LEGACY_CUSTOMER` for the customer of a thread migrated from state that did not say who. */
  authorId: z.string(),
  /** Lower-case handle without "@", so a brand reply naming "@kundin" at the thread's root level reaches her. */
  handle: z.string().optional(),
  /** Lower-case display name ("carol c"): page commenters have no handle, and brand replies name them by it. */
  name: z.string().optional(),
  state: z.enum(['awaiting_brand', 'awaiting_customer', 'answered']),
  complaint: z.boolean(),
  followUps: z.number().int().nonnegative(),
  deflections: z.number().int().nonnegative(),
  /** Their earliest message the brand still owes an answer to: this customer's SLA clock start. */
  waitingSince: z.string().optional(),
  /** Their first post in the thread and the latest ones (bounded): a brand reply to any of them addresses them. */
  ids: z.array(z.string()),
  /**
   * What the brand asked them for details about (their messages it had owed an answer to, at most two), kept until a real
   * answer: once the details come, the alert shows the matter beside "Hab euch beides per DM geschickt".
   */
  askedAbout: z.array(PendingMessage).max(2).optional(),
  lastAt: z.string(),
});
export type CustomerState = z.infer<typeof CustomerState>;

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
   * The alert has shown a complaint: a title that tells of answers keeps "Beschwerde" / "Complaint", though the
   * complaint's customer no longer counts as one once answered. Optional, so older state reads.
   */
  complained: z.boolean().optional(),
  /**
   * Why the tracker closed the alert without a real answer (the thread expired or was evicted), e.g.
   * "expired: no brand answer within 14 days". Absent when an answer resolved it. Optional, so state
   * written before it existed still reads.
   */
  resolution: z.string().max(200).optional(),
  /**
   * A chaser arrived while the alert had been updated less than a throttle period ago: the revision that shows it is
   * due then (the tracker's timers), unless another revision shows it first. Optional, so older state reads.
   */
  deferredUpdateAt: z.string().optional(),
});
export type AlertState = z.infer<typeof AlertState>;

/**
 * As stored. `customers` was added later and is optional here, so state written before it still reads
 * (`readThreadState` fills it in); the thread-level fields are still written, so a previous version reading
 * this state (a rollback) sees the same summary it would have kept itself and merely drops `customers`.
 */
const StoredThreadState = z.object({
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
  /** Summary of the customers: awaiting_brand while any customer is, else awaiting_customer while any is. */
  state: z.enum(['awaiting_brand', 'awaiting_customer', 'answered']),
  /** Messages still owed an answer, of every waiting customer (bounded, the loudest customer gives way first). */
  pending: z.array(PendingMessage),
  /** SLA clock start (the earliest waiting customer's) and deadline under the brand's business hours. */
  clockStartedAt: z.string().optional(),
  dueAt: z.string().optional(),
  /** When a breached thread counts as long overdue (a multiple of the SLA) and escalates once more. */
  escalateAt: z.string().optional(),
  slaMinutes: z.number().positive(),
  /** Complaint flag, follow-ups and redirects of the customers still waiting (see `summarise`). */
  complaint: z.boolean(),
  followUps: z.number().int().nonnegative(),
  replies: z.array(BrandReply),
  deflections: z.number().int().nonnegative(),
  autoReplies: z.number().int().nonnegative(),
  ids: z.array(z.string()),
  lastActivityAt: z.string(),
  alert: AlertState.optional(),
  customers: z.array(CustomerState).optional(),
  /**
   * The shitstorm incident open for the brand when a negative post opened this thread: one of hundreds of storm posts,
   * alerted at `watch` under that incident instead of each at its own severity (a chasing customer still escalates).
   */
  storm: z.string().optional(),
  /**
   * The root is the brand's own giveaway or contest post: its comments are entries and wait for no answer unless
   * they complain or ask the brand something (unanswered-context.ts). Optional, so older state reads.
   */
  giveaway: z.boolean().optional(),
  /** This cycle's customers answered after their SLA ran out, while its alert was open. Optional, so older state reads. */
  answeredLate: z.array(LateAnswer).max(MAX_PENDING).optional(),
});

export const ThreadState = StoredThreadState.extend({ customers: z.array(CustomerState) });
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
    customers: [],
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

/**
 * Starts a new cycle after a real answer: the previous alert is history, counters start from zero. The customers stay,
 * answered, with their posts: a brand reply to a comment of theirs from the last cycle still reaches them (QA round 8:
 * Facebook gives every reply in a comment thread the top-level comment as parent, so the answer to a customer's
 * comeback named the comment that opened the last cycle and reached nobody).
 */
export function startCycle(t: ThreadState): void {
  t.cycle += 1;
  t.pending = [];
  for (const c of t.customers) {
    Object.assign(c, { state: 'answered', complaint: false, followUps: 0, deflections: 0 });
    delete c.waitingSince;
    delete c.askedAbout;
  }
  t.replies = [];
  t.deflections = 0;
  t.autoReplies = 0;
  t.followUps = 0;
  t.complaint = false;
  // `ids` stays (it is bounded): a batch redelivered after a restart must not count the last cycle's posts as new.
  delete t.alert;
  delete t.answeredLate;
  delete t.clockStartedAt;
  delete t.dueAt;
  delete t.escalateAt;
}

export function toPending(m: {
  id: string;
  author: { id: string; handle?: string; name?: string };
  text: string;
  url?: string;
  createdAt: string;
  complaint?: { isComplaint: boolean };
}): PendingMessage {
  return {
    id: m.id,
    authorId: m.author.id,
    author: m.author.handle,
    authorName: m.author.name,
    text: m.text.length > EXAMPLE_CHARS ? `${m.text.slice(0, EXAMPLE_CHARS - 1)}…` : m.text,
    url: m.url,
    createdAt: m.createdAt,
    ...(m.complaint?.isComplaint ? { complaint: true } : {}),
  };
}

/**
 * Adds a message owed an answer. Over the bound the loudest customer's oldest message gives way, so one
 * customer posting twenty times under a page post does not push the other commenters out of the examples.
 */
export function addPending(t: ThreadState, p: PendingMessage): void {
  if (t.pending.some((x) => x.id === p.id)) return;
  t.pending.push(p);
  if (t.pending.length <= MAX_PENDING) return;
  const counts = new Map<string, number>();
  for (const x of t.pending) counts.set(x.authorId, (counts.get(x.authorId) ?? 0) + 1);
  let loudest = p.authorId;
  for (const [author, n] of counts) if (n > (counts.get(loudest) ?? 0)) loudest = author;
  t.pending.splice(t.pending.findIndex((x) => x.authorId === loudest), 1);
}

export function recordReply(t: ThreadState, id: string, kind: ReplyKind, at: string, to?: readonly string[]): void {
  const addressees = to !== undefined && to.length <= MAX_REPLY_ADDRESSEES ? { to: [...to] } : {};
  pushBounded(t.replies, { id, kind, at, ...addressees }, MAX_REPLIES);
  if (kind === 'auto_reply') t.autoReplies += 1;
}

/** AlertState.resolution of an alert closed because its customers said their matter was over. */
export const CUSTOMER_SOLVED = 'customer reports it solved';

/** Stands for the customer of a migrated thread whose state never said who was asked for details. */
export const LEGACY_CUSTOMER = '';

/**
 * Customers of a thread written before they were tracked one by one. That state kept pending messages with
 * their authors but one complaint flag, follow-up count and redirect count for the whole thread. Each pending
 * author becomes a waiting customer; the complaint flag and redirects go to all of them, since we cannot tell
 * whose they were and an upgrade must not quietly lower an open alert; the follow-ups go to the author with the
 * most pending messages (a follow-up was counted when the same author wrote again), so the thread's total stays.
 * A thread waiting for a customer's details did not say whose: a placeholder customer stands in, and the first
 * customer to write in the thread after the upgrade takes its place (then, as before, any customer's message
 * handed the thread back to the brand).
 */
function legacyCustomers(t: z.infer<typeof StoredThreadState>): CustomerState[] {
  const byAuthor = new Map<string, PendingMessage[]>();
  for (const p of t.pending) byAuthor.set(p.authorId, [...(byAuthor.get(p.authorId) ?? []), p]);
  const chaser = [...byAuthor].reduce<[string, PendingMessage[]] | undefined>((best, e) => (best === undefined || e[1].length > best[1].length ? e : best), undefined)?.[0];
  const customers: CustomerState[] = [...byAuthor].map(([authorId, messages]) => {
    const times = messages.map((m) => m.createdAt).sort();
    // The clock may have started at a message the bounded list has since dropped: keep the deadline as it was.
    if (t.clockStartedAt !== undefined && times[0] !== undefined && t.clockStartedAt < times[0] && t.pending[0]?.authorId === authorId) times.unshift(t.clockStartedAt);
    const handle = messages.find((m) => m.author)?.author;
    return {
      authorId,
      ...(handle ? { handle: handle.replace(/^@/u, '').toLowerCase() } : {}),
      state: 'awaiting_brand',
      complaint: t.complaint,
      followUps: authorId === chaser ? t.followUps : 0,
      deflections: t.deflections,
      waitingSince: times[0],
      ids: messages.map((m) => m.id).filter((_, i, all) => i === 0 || i > all.length - MAX_CUSTOMER_IDS),
      lastAt: times.at(-1) ?? t.lastActivityAt,
    };
  });
  if (customers.length === 0 && t.state !== 'answered') {
    customers.push({
      authorId: LEGACY_CUSTOMER,
      state: t.state,
      complaint: t.complaint,
      followUps: t.followUps,
      deflections: t.deflections,
      ...(t.state === 'awaiting_brand' && t.clockStartedAt ? { waitingSince: t.clockStartedAt } : {}),
      ids: [],
      lastAt: t.lastActivityAt,
    });
  }
  return customers;
}

/** Reads a stored thread, migrating state written before customers were tracked one by one. */
export function readThreadState(value: unknown): { success: true; data: ThreadState } | { success: false; issues: z.ZodError['issues'] } {
  const parsed = StoredThreadState.safeParse(value);
  if (!parsed.success) return { success: false, issues: parsed.error.issues };
  const { customers, ...rest } = parsed.data;
  return { success: true, data: { ...rest, customers: customers ?? legacyCustomers(parsed.data) } };
}

const STATE_RANK: Record<ThreadState['state'], number> = { answered: 0, awaiting_customer: 1, awaiting_brand: 2 };

const evictsBefore = (a: ThreadState, b: ThreadState): boolean =>
  STATE_RANK[a.state] - STATE_RANK[b.state] < 0 || (a.state === b.state && a.lastActivityAt < b.lastActivityAt);

/**
 * The `n` threads to evict over a brand's cap: the oldest answered, then waiting-for-customer, then open ones.
 * Over the cap there is usually one more thread than allowed (the one just opened), so one pass finds it; sorting
 * every thread on every new thread made a long replay crawl.
 */
export function threadsToEvict(all: Iterable<ThreadState>, n: number): ThreadState[] {
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
