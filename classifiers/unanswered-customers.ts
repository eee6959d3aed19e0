/**
 * The customers within one unanswered-tracker thread. Under a page post (or in a conversation several people
 * joined) each customer is owed their own answer: answering Karin's complaint says nothing to Olaf, whose plain
 * question is still open and must not be alerted as her complaint. So each customer has their own state,
 * complaint flag, follow-ups, redirects and SLA clock start; the thread's fields of the same names are a summary of
 * the customers still waiting, which is what the alert shows.
 *
 * Whom a brand reply addresses:
 * - a reply to a customer's post (parentId) addresses that customer, also when the post was answered before;
 * - a reply to an earlier brand reply addresses whom that one addressed (an answer in two parts);
 * - a reply at the thread's root level (with no parent, or to the root) is a message to everybody there
 *   ("Die Störung in Leipzig ist behoben"), unless it names customers, then it is for them; under a post no customer
 *   wrote (the brand's page post) one that names nobody is at most a holding note (`pageWideAddressees`): Twitter replies carry
 *   the handles of the people they answer, page replies the names of the commenters ("Bob B, Carol C: das Update
 *   kommt heute", "@Carol …"). A reply naming someone by @handle who is none of the customers is for that person,
 *   not for everybody (QA: one comment to two commenters closed a third one's billing complaint);
 * - a reply to a post of the thread nobody was waiting on (a customer's thank-you) addresses nobody waiting;
 * - a brand post with no parent that starts with "@kunde" (exports without reply ids) is placed by the tracker in
 *   that customer's latest open thread and addresses them (`inferredReplyTo` in unanswered.ts, `openHandles`).
 */
import type { ReplyKind } from '../src/model.ts';
import { handlesIn } from './unanswered-cues.ts';
import { LEGACY_CUSTOMER, MAX_CUSTOMER_IDS, MAX_CUSTOMERS, type CustomerState, type PendingMessage, type ThreadState } from './unanswered-thread.ts';

export interface CustomerPost {
  id: string;
  author: { id: string; handle?: string; name?: string };
  createdAt: string;
}

function handleKey(handle: string | undefined): string | undefined {
  return handle === undefined ? undefined : handle.replace(/^@/u, '').toLowerCase();
}

/** A display name as brand replies write it: lower case, single spaces; none when too short to be told apart. */
function nameKey(name: string | undefined): string | undefined {
  const key = name?.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim().slice(0, 100);
  return key !== undefined && key.length >= 3 ? key : undefined;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Whether a brand reply names the customer: the whole display name as words anywhere ("Bob B, Carol C: …"), or the
 * first name as an address — after "@", "hi", "hallo", "liebe(r)", "dear" or at the start, before "," or ":"
 * ("Carol, das Update …"). A first name alone elsewhere is not enough: "Will" is also a word.
 */
function namesCustomer(lowerText: string, c: CustomerState): boolean {
  if (c.name === undefined) return false;
  const word = (s: string): string => `(?<![\\p{L}\\p{N}])${escapeRegExp(s)}(?![\\p{L}\\p{N}])`;
  if (new RegExp(word(c.name), 'u').test(lowerText)) return true;
  const first = c.name.split(' ')[0];
  if (first === undefined || first.length < 3 || first === c.name) return false;
  const f = escapeRegExp(first);
  return new RegExp(`(?:@|(?:^|[\\s,;:!.])(?:hi|hey|hallo|hello|liebe[rs]?|dear|moin|servus)\\s+)${f}(?![\\p{L}\\p{N}])|^\\s*${f}\\s*[,:]`, 'u').test(lowerText);
}

export function customerOf(t: ThreadState, authorId: string): CustomerState | undefined {
  return t.customers.find((c) => c.authorId === authorId);
}

/** Remembers a customer's post; their first one stays, so a reply to the question that opened it all still reaches them. */
export function rememberPost(c: CustomerState, id: string, at: string): void {
  if (at > c.lastAt) c.lastAt = at;
  if (c.ids.includes(id)) return;
  c.ids.push(id);
  if (c.ids.length > MAX_CUSTOMER_IDS) c.ids.splice(1, 1);
}

/** The customer's record in the thread, created (answered, nothing owed yet) when they first ask for something. */
export function claimCustomer(t: ThreadState, m: CustomerPost): CustomerState {
  const known = customerOf(t, m.author.id);
  if (known) return known;
  const handle = handleKey(m.author.handle);
  const legacy = customerOf(t, LEGACY_CUSTOMER);
  if (legacy) {
    legacy.authorId = m.author.id;
    if (handle) legacy.handle = handle;
    return legacy;
  }
  const name = nameKey(m.author.name);
  const c: CustomerState = { authorId: m.author.id, ...(handle ? { handle } : {}), ...(name ? { name } : {}), state: 'answered', complaint: false, followUps: 0, deflections: 0, ids: [], lastAt: m.createdAt };
  t.customers.push(c);
  return c;
}

/**
 * A customer's message that expects an answer. Waiting already, it is a follow-up; asked for details before,
 * it is their reply and the brand owes the answer again, for the same matter (complaint flag and follow-ups
 * stay), with the brand's clock starting at this reply: the time the customer took was not the brand's. Answered
 * before (or new), it is a new matter and their counters start from zero.
 */
export function customerAsks(c: CustomerState, m: CustomerPost, flags: { complaint: boolean; nudge: boolean }): void {
  const waiting = c.state === 'awaiting_brand';
  if (c.state === 'answered') {
    c.complaint = false;
    c.followUps = 0;
    c.deflections = 0;
  }
  if (flags.nudge || waiting) c.followUps += 1;
  c.complaint ||= flags.complaint;
  if (!waiting) {
    c.state = 'awaiting_brand';
    c.waitingSince = m.createdAt;
  }
  rememberPost(c, m.id, m.createdAt);
}

/** The open customers a brand reply names, by @handle or by name. */
function namedOpen(t: ThreadState, text: string, handles: ReadonlySet<string>): CustomerState[] {
  const lower = text.toLowerCase();
  return t.customers.filter((c) => c.state !== 'answered' && ((c.handle !== undefined && handles.has(c.handle)) || namesCustomer(lower, c)));
}

/** A greeting to everybody reading: "Liebe Kundinnen und Kunden", "Hallo zusammen", "an alle", "Dear customers", "Hi all". */
const GREETS_ALL =
  /(?<![\p{L}])(?:liebe\s+(?:kundinnen|kunden|alle|community|fans|leute|follower\w*)|hallo\s+(?:zusammen|alle|ihr\s+lieben)|(?:an|für)\s+alle|ihr\s+lieben|dear\s+(?:all|customers|everyone|community)|(?:hi|hello|hey)\s+(?:all|everyone|everybody|folks)|to\s+(?:all|everyone)\s+(?:who|affected|waiting))(?![\p{L}])/iu;

/**
 * Whom a brand comment at the top level of a post no customer wrote (its own page post, or a tweet of its own that
 * customers reply to) addresses, when it names nobody. It cannot be the answer to each commenter's own matter:
 * "Liebe Kundinnen und Kunden, wir bearbeiten alle der Reihe nach" under a storm post settled every waiting
 * commenter (QA6, hanseatica post 100). Greeting everyone, it is a note to each customer waiting, which the tracker
 * counts at most as a holding reply; otherwise ("Danke für die vielen Glückwünsche!") it is for nobody waiting.
 * Undefined when the reply is no such comment (it replies to a post, or the root is a customer's, or it names people):
 * `addressees` decides then.
 */
export function pageWideAddressees(t: ThreadState, reply: { parentId?: string; text: string }): Set<string> | undefined {
  if (reply.parentId !== undefined && reply.parentId !== t.rootId) return undefined;
  if (t.customers.some((c) => c.ids.includes(t.rootId))) return undefined;
  const handles = reply.text.includes('@') ? handlesIn(reply.text) : new Set<string>();
  if (handles.size > 0 || namedOpen(t, reply.text, handles).length > 0) return undefined;
  return GREETS_ALL.test(reply.text) ? new Set(t.customers.filter((c) => c.state !== 'answered').map((c) => c.authorId)) : new Set();
}

/**
 * The customer says their matter is over ("Hat sich erledigt, danke!"): nothing is owed to them any more, whatever
 * the brand did. Returns their messages taken off the waiting list, for the alert that still names them.
 */
export function customerSettles(t: ThreadState, authorId: string): PendingMessage[] {
  const c = customerOf(t, authorId);
  if (c === undefined || c.state === 'answered') return [];
  c.state = 'answered';
  delete c.waitingSince;
  delete c.askedAbout;
  const theirs = t.pending.filter((p) => p.authorId === authorId);
  t.pending = t.pending.filter((p) => p.authorId !== authorId);
  return theirs;
}

/** Author ids of the customers a brand reply addresses (see the module comment). */
export function addressees(t: ThreadState, reply: { parentId?: string; text: string }): Set<string> {
  const { parentId } = reply;
  if (parentId !== undefined) {
    const owner = t.customers.find((c) => c.ids.includes(parentId));
    if (owner) return new Set([owner.authorId]);
    const earlier = t.replies.find((r) => r.id === parentId);
    if (earlier?.to) return new Set(earlier.to);
    if (!earlier && parentId !== t.rootId && t.ids.includes(parentId)) return new Set();
  }
  const open = t.customers.filter((c) => c.state !== 'answered');
  const handles = reply.text.includes('@') ? handlesIn(reply.text) : new Set<string>();
  const lower = reply.text.toLowerCase();
  const named = namedOpen(t, reply.text, handles);
  if (named.length > 0) return new Set(named.map((c) => c.authorId));
  // "@Dave …": for Dave, whoever he is, not for everyone waiting. Handles of customers already answered count too.
  const knownHandles = new Set(t.customers.flatMap((c) => (c.handle === undefined ? [] : [c.handle])));
  if ([...handles].some((h) => !knownHandles.has(h)) || t.customers.some((c) => c.state === 'answered' && ((c.handle !== undefined && handles.has(c.handle)) || namesCustomer(lower, c)))) {
    return new Set();
  }
  return new Set(open.map((c) => c.authorId));
}

/**
 * Applies a brand reply to the customers it addresses: an answer settles them, a request for information hands
 * them the ball, a redirect counts against the brand while they keep waiting. Auto-replies change nothing.
 */
export function brandReplies(t: ThreadState, kind: ReplyKind, to: ReadonlySet<string>): void {
  for (const c of t.customers) {
    if (!to.has(c.authorId)) continue;
    if (kind === 'answer' || (kind === 'request_info' && c.state === 'awaiting_brand')) {
      // The matter the details are for: their earliest message asked about stays (a second request after the details
      // came is about the same matter).
      if (kind === 'request_info') c.askedAbout = (c.askedAbout ?? t.pending.filter((p) => p.authorId === c.authorId)).slice(0, 2);
      else delete c.askedAbout;
      c.state = kind === 'answer' ? 'answered' : 'awaiting_customer';
      delete c.waitingSince;
    } else if (kind === 'deflection' && c.state === 'awaiting_brand') {
      c.deflections += 1;
    }
  }
  const settled = new Set(t.customers.filter((c) => c.state !== 'awaiting_brand').map((c) => c.authorId));
  t.pending = t.pending.filter((p) => !settled.has(p.authorId));
}

/**
 * Sets the thread's summary fields from its customers: the thread awaits the brand while any customer does, and
 * then shows those customers' complaint flag (any), follow-ups (all of them) and redirects (the worst ping-pong
 * one customer went through); while only details are awaited it shows the customers asked; once everybody is
 * answered it keeps the cycle's figures for the resolved alert. The SLA clock starts at the earliest waiting
 * customer's first unanswered message.
 */
export function summarise(t: ThreadState): void {
  const waiting = t.customers.filter((c) => c.state === 'awaiting_brand');
  const asked = t.customers.filter((c) => c.state === 'awaiting_customer');
  t.state = waiting.length > 0 ? 'awaiting_brand' : asked.length > 0 ? 'awaiting_customer' : 'answered';
  const shown = waiting.length > 0 ? waiting : asked.length > 0 ? asked : t.customers;
  t.complaint = shown.some((c) => c.complaint);
  t.followUps = shown.reduce((n, c) => n + c.followUps, 0);
  t.deflections = shown.reduce((n, c) => Math.max(n, c.deflections), 0);
  const start = waiting.reduce<string | undefined>((min, c) => (c.waitingSince !== undefined && (min === undefined || c.waitingSince < min) ? c.waitingSince : min), undefined);
  if (start === undefined) delete t.clockStartedAt;
  else t.clockStartedAt = start;
}

const EVICTION_RANK: Record<CustomerState['state'], number> = { answered: 0, awaiting_customer: 1, awaiting_brand: 2 };

/**
 * Keeps at most MAX_CUSTOMERS per thread (call it after the customer's message was applied). Answered customers
 * go first (the longest quiet first), then those asked for details; only when every customer kept is waiting does
 * a waiting one go, the one who started waiting last, so the thread's SLA clock (the earliest waiter) stands.
 */
export function boundCustomers(t: ThreadState): void {
  while (t.customers.length > MAX_CUSTOMERS) {
    let victim: CustomerState | undefined;
    for (const c of t.customers) if (victim === undefined || evictsBefore(c, victim)) victim = c;
    if (!victim) return;
    const gone = victim.authorId;
    t.customers = t.customers.filter((c) => c !== victim);
    t.pending = t.pending.filter((p) => p.authorId !== gone);
  }
}

function evictsBefore(a: CustomerState, b: CustomerState): boolean {
  const rank = EVICTION_RANK[a.state] - EVICTION_RANK[b.state];
  if (rank !== 0) return rank < 0;
  if (a.state === 'awaiting_brand') return (a.waitingSince ?? '') >= (b.waitingSince ?? '');
  return a.lastAt < b.lastAt;
}

/**
 * One brand's threads by a key of the customers in them (author → thread roots where they await an answer, or
 * handle → thread roots where they are not yet answered), with the reverse (thread → keys indexed for it) so an
 * update removes exactly what it added. Derived from thread state (rebuilt when the state is restored), never
 * stored; bounded by the customers of the threads kept.
 */
export class CustomerIndex {
  private readonly roots = new Map<string, Set<string>>();
  private readonly keysIn = new Map<string, string[]>();

  /** `keysOf`: the keys a thread is indexed under, as its customers now stand. */
  constructor(private readonly keysOf: (t: ThreadState) => string[]) {}

  update(t: ThreadState): void {
    const keys = this.keysOf(t);
    for (const k of this.keysIn.get(t.rootId) ?? []) if (!keys.includes(k)) this.unlink(k, t.rootId);
    for (const k of keys) this.roots.set(k, (this.roots.get(k) ?? new Set()).add(t.rootId));
    if (keys.length > 0) this.keysIn.set(t.rootId, keys);
    else this.keysIn.delete(t.rootId);
  }

  forget(rootId: string): void {
    for (const k of this.keysIn.get(rootId) ?? []) this.unlink(k, rootId);
    this.keysIn.delete(rootId);
  }

  /** Roots of the threads indexed under the key, in the order they were first indexed. */
  rootsOf(key: string): Iterable<string> {
    return this.roots.get(key) ?? [];
  }

  /** Whether a thread other than `rootId` is indexed under the key. */
  elsewhere(key: string, rootId: string): boolean {
    for (const root of this.rootsOf(key)) if (root !== rootId) return true;
    return false;
  }

  clear(): void {
    this.roots.clear();
    this.keysIn.clear();
  }

  private unlink(key: string, rootId: string): void {
    const roots = this.roots.get(key);
    roots?.delete(rootId);
    if (roots?.size === 0) this.roots.delete(key);
  }
}

/**
 * Where each customer awaits the brand's answer (author → thread roots, oldest first). Tells a customer's separate
 * tweet, while another of theirs waits, as chasing.
 */
export const waitingCustomers = (): CustomerIndex =>
  new CustomerIndex((t) => t.customers.filter((c) => c.state === 'awaiting_brand' && c.authorId !== LEGACY_CUSTOMER).map((c) => c.authorId));

/**
 * Where each customer handle is not yet answered (awaiting the brand or asked for details): where a brand post that
 * names no parent but starts with "@handle" may be the reply (see `inferredReplyTo` in unanswered.ts).
 */
export const openHandles = (): CustomerIndex =>
  new CustomerIndex((t) => [...new Set(t.customers.flatMap((c) => (c.state !== 'answered' && c.handle !== undefined ? [c.handle] : [])))]);
