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
 *
 * This module decides what a customer post or a brand reply means for a thread; the bookkeeping and persistence
 * are unanswered-book.ts, deadlines unanswered-timers.ts, expiry and the thread cap unanswered-retention.ts.
 */
import { slaMinutesFor, type AppConfig } from '../src/config.ts';
import { alertSeverityRank, type Alert, type Brand, type Classified, type ReplyKind } from '../src/model.ts';
import { addBusinessMinutes, businessMinutesBetween } from './business-hours.ts';
import { asksForChannel, kindForChannelQuestion } from './reply-channel-question.ts';
import { classifyReply } from './reply-kind.ts';
import type { BrandFilter, OpenStorm, StateStore, StreamDetector } from './types.ts';
import { renderAlert, type AlertRenderContext } from './unanswered-alert.ts';
import { ThreadBook } from './unanswered-book.ts';
import { brandNamesOf, isGiveawayPost, type ThreadContext } from './unanswered-context.ts';
import {
  accountIndex,
  asksSomething,
  expectsAnswer,
  handlesIn,
  isNudge,
  isPlainQuestion,
  mentionsHandle,
  owningBrand,
  readsAsPraise,
  replyPrefixHandles,
  reportsRepeatFailure,
  reportsSolved,
  thanksAnotherPerson,
} from './unanswered-cues.ts';
import {
  addressees,
  boundCustomers,
  brandReplies,
  claimCustomer,
  customerAsks,
  customerOf,
  customerSettles,
  pageWideAddressees,
  rememberPost,
  summarise,
} from './unanswered-customers.ts';
import { customerDueTimes, keepLateAnswers, waitsBefore } from './unanswered-due.ts';
import { createThreadRetention } from './unanswered-retention.ts';
import { currentSeverity, createThreadTimers, isOverdue } from './unanswered-timers.ts';
import { addPending, CUSTOMER_SOLVED, newThread, recordId, recordReply, startCycle, toPending, type CustomerState, type PendingMessage, type ThreadState } from './unanswered-thread.ts';

export { unansweredNamespace } from './unanswered-book.ts';

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
  /** The shitstorm incident open for a brand, if any (the shitstorm detector's `openIncident`). */
  stormOf?: (brand: string) => OpenStorm | undefined;
  /**
   * The status the store holds for an alert: an analyst may have resolved it on the dashboard, which the tracker
   * hears of only here. Asked for a thread's open alert before it escalates and when its customer writes again.
   */
  alertStatus?: (alertId: string) => Promise<string | undefined>;
  options?: UnansweredTrackerOptions;
}

const HOUR = 3_600_000;
/** Separate unanswered threads one customer opens per brand and source before further messages join the newest. */
export const MAX_CASES_PER_CUSTOMER = 3;
/**
 * How long after a customer's latest post in a thread a brand post that names no parent but starts with their
 * @handle still counts as the reply to it: a long weekend's queue, answered on Tuesday morning.
 */
const INFERRED_REPLY_HOURS = 96;
/**
 * A chaser on an alert already at its severity updates it when the alert has been quiet this long, else when this
 * long has passed since its last update (a deferred revision): a customer writing every minute does not flood the chat.
 */
const CHASE_UPDATE_MINUTES = 30;

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
  /**
   * The end of a replay's data, before its clock moves past it (`endOfData`): no thread expires after `lastPostAt`, so
   * threads unanswered at the end stay open and unanswered. Then (`waitsAsOf`) a revision of every alert still waiting
   * on the brand, showing its wait as of the replay's final instant `end`, so that all open alerts count to one instant.
   */
  endOfData(lastPostAt: Date): void;
  waitsAsOf(end: Date, filter?: BrandFilter): Alert[];
}

/** AlertState.resolution of an alert an analyst resolved. */
export const ANALYST_RESOLUTION = 'resolved by an analyst';

export function createUnansweredTracker(deps: UnansweredTrackerDeps): UnansweredTracker {
  const maxThreads = deps.options?.maxThreadsPerBrand ?? 5000;
  const retentionMs = (deps.options?.retentionDays ?? 14) * 24 * HOUR;
  const overdueFactor = deps.options?.longOverdueFactor ?? 4;
  const brands = new Map(deps.brands.map((b) => [b.id, b]));
  const accounts = accountIndex(deps.brands);
  const brandNames = new Map(deps.brands.map((b) => [b.id, brandNamesOf(b)]));
  const book = new ThreadBook(deps.brands.map((b) => b.id), retentionMs, (t) => customerDueTimes(t, brands.get(t.brand)?.businessHours));
  const retention = createThreadRetention({ book, brands, maxThreads, retentionMs, update });
  const timers = createThreadTimers({ book, brands, retention, update });

  // Ownership (scaled mode, see BrandFilter): the brands the current observe/advance call may touch. Brands
  // owned by another consumer-group member are skipped by due checks, pruning and addressing alike.
  let owns: BrandFilter = () => true;

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
    // Every revision shows the thread as it is now, the chasers a deferred revision waited for included.
    delete t.alert.deferredUpdateAt;
    Object.assign(t.alert, change, { revision: t.alert.revision + 1, updatedAt: now.toISOString() });
    if (t.complaint) t.alert.complained = true;
    return renderAlert(t, brands.get(t.brand), now, context);
  }

  /**
   * The storm a new thread is filed under: while a storm is open, a negative post is one of its posts; once it is
   * confirmed (warning or critical), so is any new customer's post. Storm posts the classifier does not read as
   * negative (sarcasm, missed outrage, "what is going on?") otherwise opened ordinary threads that escalated on
   * their own: 470 warning or critical alerts in the QA's airline firestorm, beside the one storm alert.
   */
  function stormToFile(brand: string, m: Classified): string | undefined {
    const storm = deps.stormOf?.(brand);
    if (storm === undefined) return undefined;
    return m.complaint.isComplaint || m.sentiment.label === 'negative' || storm.severity !== 'watch' ? storm.id : undefined;
  }

  /** What the tracker knows of a customer post's thread that its words alone do not say (unanswered-context.ts). */
  function contextOf(brand: string, t: ThreadState | undefined, m: Classified): ThreadContext {
    const others = t?.customers.filter((c) => c.authorId !== m.author.id) ?? [];
    // Review sites and blog comments show names and no handles, as Facebook does (QA round 12: "Danke Markus,
    // gefunden!" under another reviewer's answer settled nothing on a review feed).
    const tagsAreNames = m.channel === 'page_comment' || m.source === 'facebook' || (m.author.handle === undefined && m.author.name !== undefined);
    return {
      underGiveaway: t?.giveaway === true,
      brandNames: brandNames.get(brand) ?? [],
      fellows: others.flatMap((c) => [c.handle, c.name].filter((x): x is string => x !== undefined)),
      tagsAreNames,
      repliesToConversation: tagsAreNames && t !== undefined && repliesToConversation(t, m.thread.parentId),
      ...fellowRepliedTo(t, others, m.thread.parentId),
      onPagePost: m.channel === 'page_comment' && (m.thread.parentId ?? m.thread.rootId) === m.thread.rootId && !hasOpenMatter(t, m.author.id),
    };
  }

  /** Whether the author already waits in `t`, for the brand or for their own details: anything they add belongs to that matter. */
  function hasOpenMatter(t: ThreadState | undefined, authorId: string): boolean {
    const c = t === undefined ? undefined : customerOf(t, authorId);
    return c !== undefined && c.state !== 'answered';
  }

  /**
   * The other customer whose comment `parentId` is, by name (or handle): a reply under it may be talking to them, and
   * answering their question when that comment, still waiting, asks one.
   */
  function fellowRepliedTo(
    t: ThreadState | undefined,
    others: readonly CustomerState[],
    parentId: string | undefined,
  ): Pick<ThreadContext, 'repliesToFellow' | 'repliesToFellowHandle' | 'repliesToFellowQuestion'> {
    const fellow = parentId === undefined ? undefined : others.find((c) => c.ids.includes(parentId));
    const name = fellow?.name ?? fellow?.handle;
    if (name === undefined) return {};
    const asked = t?.pending.find((p) => p.id === parentId);
    return {
      repliesToFellow: name.toLowerCase(),
      ...(fellow?.handle !== undefined ? { repliesToFellowHandle: fellow.handle.replace(/^@/u, '').toLowerCase() } : {}),
      ...(asked !== undefined && asksSomething(asked.text) ? { repliesToFellowQuestion: true } : {}),
    };
  }

  /**
   * Whether `parentId` is a comment of the thread that waits for no brand answer: seen, not the page post, not the
   * brand's, and no customer's (Graph gives every reply the top-level comment as parent: a friend tag's or a crowd
   * question's replies answer that commenter).
   */
  function repliesToConversation(t: ThreadState, parentId: string | undefined): boolean {
    if (parentId === undefined || parentId === t.rootId || !t.ids.includes(parentId)) return false;
    return !t.replies.some((r) => r.id === parentId) && !t.customers.some((c) => c.ids.includes(parentId));
  }

  /**
   * A waiting customer thanks another person ("@kai danke, gefunden!", "Super, danke Ursula!") while the brand has said
   * nothing to them this cycle: someone else answered their question. Not for a complaint, which the crowd cannot settle,
   * unless the complaint flag is on a plain question (isPlainQuestion).
   */
  function answeredByTheCrowd(t: ThreadState, c: CustomerState, m: Classified, context: ThreadContext): boolean {
    if (c.state !== 'awaiting_brand') return false;
    if (c.complaint && !isPlainQuestion(t.pending.filter((p) => p.authorId === c.authorId).map((p) => p.text), m.lang)) return false;
    if (t.replies.some((r) => r.to === undefined || r.to.includes(c.authorId))) return false;
    return thanksAnotherPerson(m, context);
  }

  /**
   * The thread a standalone "Hat sich erledigt" (a tweet of its own, no parent) is about: the customer's latest one
   * of this source still waiting on the brand, if they wrote there within INFERRED_REPLY_HOURS.
   */
  function solvedMatterOf(brand: string, m: Classified): ThreadState | undefined {
    return recentlyTheirs(book.waitingThreads(brand, m.author.id, m.source).at(-1), m);
  }

  /**
   * The case a standalone post (no parent) continues: a chaser ("hello?? anyone there?", "Immer noch keine Reaktion")
   * from a customer waiting on the brand, or any post from one the brand asked for details, within
   * INFERRED_REPLY_HOURS. It is that case's follow-up, not a case of its own (QA6: one customer's three tweets in 45
   * minutes were three critical alerts; "Hab euch beides per DM geschickt" opened a new case while the one the brand
   * had asked details for looked settled).
   */
  function continuedMatterOf(brand: string, m: Classified): ThreadState | undefined {
    if (m.thread.parentId !== undefined) return undefined;
    const waiting = isNudge(m.text) ? recentlyTheirs(book.waitingThreads(brand, m.author.id, m.source).at(-1), m) : undefined;
    if (waiting !== undefined || m.author.handle === undefined) return waiting;
    const askedForDetails = book
      .openThreadsOfHandle(brand, m.author.handle.toLowerCase(), m.source)
      .filter((t) => customerOf(t, m.author.id)?.state === 'awaiting_customer');
    return recentlyTheirs(askedForDetails.at(-1), m);
  }

  /** `t` if the writer of `m` wrote there within INFERRED_REPLY_HOURS before it. */
  function recentlyTheirs(t: ThreadState | undefined, m: Classified): ThreadState | undefined {
    const c = t === undefined ? undefined : customerOf(t, m.author.id);
    return c !== undefined && Date.parse(m.createdAt) - Date.parse(c.lastAt) <= INFERRED_REPLY_HOURS * HOUR ? t : undefined;
  }

  function onCustomer(brand: string, m: Classified, now: Date): Alert[] {
    let t = book.findThread(brand, m);
    // At-least-once delivery: a mention seen again (redelivered after a crash) must not count twice.
    if (t && (t.ids.includes(m.id) || t.pending.some((p) => p.id === m.id))) return [];
    const context = contextOf(brand, t, m);
    const expects = expectsAnswer(m, context);
    if (!t && !expects && reportsSolved(m)) t = solvedMatterOf(brand, m);
    if (!t && expects) t = continuedMatterOf(brand, m);
    // A customer already waiting for the brand in MAX_CASES_PER_CUSTOMER threads of this source (one loud customer's
    // 200 separate tweets) writes in the newest of them: a thread each raised 146 critical alerts for one person in a
    // day (QA firestorm replays). Up to the cap each message is its own case, answered (or not) where it was asked,
    // as the twcs check counts them.
    t ??= book.waitingThreads(brand, m.author.id, m.source).slice(MAX_CASES_PER_CUSTOMER - 1).at(-1);
    if (!t) {
      const sla = slaMinutesFor(deps.config, brands.get(brand), m.source, m.channel);
      t = newThread(brand, m.thread.rootId, m.source, m.channel, sla, m.createdAt);
      const storm = stormToFile(brand, m);
      if (storm !== undefined) t.storm = storm;
      book.threadsOf(brand).set(t.rootId, t);
    }
    if (!expects) {
      book.forget(t, recordId(t, m.id, m.createdAt));
      // Still theirs: a brand reply to this post (a thank-you) is a reply to them, not to everybody waiting.
      const known = customerOf(t, m.author.id);
      if (known) rememberPost(known, m.id, m.createdAt);
      // "Hat sich erledigt" settles the writer's own open matter here, nobody else's (QA6: it took this branch and
      // left the customer alerted at critical).
      const settles = known !== undefined && known.state !== 'answered' && (reportsSolved(m) || answeredByTheCrowd(t, known, m, context));
      const out = settles ? customerSolved(brand, t, known, m, now) : [];
      book.touch(t);
      return out;
    }
    // "Schon wieder"/"again" chases only from a customer who already wrote in this thread (asked before the last
    // answer too, hence before a new cycle forgets them): in their first message it is a failure that happened
    // again, not a repeated contact (QA defect 7).
    const repeated = customerOf(t, m.author.id) !== undefined && reportsRepeatFailure(m.text);
    if ((t.state === 'answered' && (t.replies.length > 0 || t.alert)) || t.alert?.resolution === ANALYST_RESOLUTION) startCycle(t);
    book.forget(t, recordId(t, m.id, m.createdAt));
    const stateBefore = t.state;
    // Chasing: an explicit nudge ("immer noch keine Antwort"), or the same customer writing again while waiting,
    // here or in a thread of their own — except a storm post's new thread: three outraged tweets are the storm, not
    // a customer chasing (87 storm posts escalated to warning that way in the QA's airline firestorm).
    const nudge = isNudge(m.text) || repeated || (t.storm === undefined && book.waitingElsewhere(brand, m.author.id, t.rootId));
    const c = claimCustomer(t, m);
    // What customerAsks counts as a follow-up: a nudge, or writing again while waiting ("…seitdem kommt nichts").
    const followUp = nudge || c.state === 'awaiting_brand';
    customerAsks(c, m, { complaint: m.complaint.isComplaint, nudge });
    // Someone else who starts waiting in a thread whose alert is open is listed once their own SLA has run out (QA8:
    // listed at once, they looked overdue while the brand still had time), by a revision the timers raise then
    // (customerDueTimes in unanswered-due.ts); QA7's Friday complaint under an alerted page post still shows.
    addPending(t, asExample(m));
    boundCustomers(t);
    settle(t);
    book.touch(t);
    if (!t.alert || t.alert.status !== 'open') return [];
    // The customer sent the details the brand asked for: the alert stops saying it waits for them, and shows the
    // brand's new wait, which starts at this reply (until that is overdue too, the alert is info).
    if (stateBefore === 'awaiting_customer' && t.state === 'awaiting_brand') {
      return [update(t, now, { severity: isOverdue(t, now) ? currentSeverity(t, now) : 'info' })].filter((a): a is Alert => a !== undefined);
    }
    // An overdue thread whose customer chases again escalates now, not at the next timer. Already at its top
    // severity, the chase is still news: the alert shows it (follow-ups, the chaser among the posts) now, or when
    // CHASE_UPDATE_MINUTES have passed since its last revision (QA: a chaser on a critical alert changed nothing the
    // analyst could see until the thread closed 14 days later; QA6: one ten minutes after the escalation was dropped).
    if (isOverdue(t, now)) {
      const severity = currentSeverity(t, now);
      if (severity !== t.alert.severity) return [update(t, now, { severity })].filter((a): a is Alert => a !== undefined);
      if (followUp) return showChaser(t, now);
    }
    return [];
  }

  /**
   * The post as the alert shows it. Complaints lead the examples and the title, but only one the cue model does not
   * read as praise: "Glückwunsch! Bin seit 20 Jahren Kundin und immer zufrieden" (flagged at 0.60) led "Beschwerde von
   * Silke Harms und 1 weiteren" over an eight-week-old claim (QA6, hanseatica post 400).
   */
  function asExample(m: Classified): PendingMessage {
    const p = toPending(m);
    if (p.complaint && readsAsPraise(m)) delete p.complaint;
    return p;
  }

  /** The alert's revision showing a chaser: now if the alert has been quiet long enough, else deferred until it has. */
  function showChaser(t: ThreadState, now: Date): Alert[] {
    if (!t.alert) return [];
    const due = Date.parse(t.alert.updatedAt) + CHASE_UPDATE_MINUTES * 60_000;
    if (now.getTime() >= due) return [update(t, now, {})].filter((a): a is Alert => a !== undefined);
    t.alert.deferredUpdateAt ??= new Date(due).toISOString();
    book.touch(t);
    return [];
  }

  /** The customer reported their matter solved: they are settled, and the alert resolves once nobody else waits. */
  function customerSolved(brand: string, t: ThreadState, c: CustomerState, m: Classified, now: Date): Alert[] {
    const clockBefore = t.clockStartedAt;
    const waits = waitsBefore(t);
    const settled = customerSettles(t, c.authorId);
    // Settled after their own SLA ran out while others still wait: the alert keeps them, as a late answer is kept (QA9:
    // "Got your DM and it's all sorted now" 90 minutes past the SLA vanished from the page post's alert without a trace).
    const inTime = keepLateAnswers(t, settled, waits, m.createdAt, brands.get(brand)?.businessHours, true);
    settle(t);
    return [afterSettling(brand, t, m, now, clockBefore, inTime, CUSTOMER_SOLVED)].filter((a): a is Alert => a !== undefined);
  }

  /**
   * The alert's revision once customers were settled by `m` (a brand reply, or a customer saying it is solved):
   * resolved when nobody waits any more, else showing those still waiting. `answered`: the messages taken off the
   * waiting list, so a resolved alert still names who waited and what they wrote. `resolution`: why it closed
   * without a brand answer.
   */
  function afterSettling(brand: string, t: ThreadState, m: Classified, now: Date, clockBefore: string | undefined, answered: readonly PendingMessage[], resolution?: string): Alert | undefined {
    if (!t.alert || t.alert.status !== 'open') return undefined;
    if (t.state === 'answered') {
      const lastWait = clockBefore ? Math.round(businessMinutesBetween(new Date(clockBefore), new Date(m.createdAt), brands.get(brand)?.businessHours)) : 0;
      // "Answered after …" is the longest wait of the alert's customers, those answered late before included.
      const waitedMinutes = Math.max(lastWait, ...(t.answeredLate ?? []).map((l) => l.waitedMinutes));
      return update(t, now, { status: 'resolved', resolvedAt: m.createdAt, waitedMinutes, ...(resolution ? { resolution } : {}) }, { answered });
    }
    // The clock may have restarted for the remaining customers: until they are due again, the alert waits.
    const severity = isOverdue(t, now) ? currentSeverity(t, now) : 'info';
    return update(t, now, { severity }, { answered });
  }

  function onBrand(brand: string, m: Classified, now: Date): Alert[] {
    if (m.thread.rootId === m.id && isGiveawayPost(m.text)) {
      markGiveaway(brand, m);
      return [];
    }
    const t = book.findThread(brand, m);
    if (t) return applyReply(brand, t, m, now);
    // Redelivered after a reply placed by its @handles: the post is already in the thread it went to.
    if (book.threadOfPost(brand, m.id)) return [];
    // The brand's own post, or a reply in a conversation nobody asked us about, unless it names no parent and
    // starts by addressing customers who wait on the brand: then it is their reply (exports without reply ids).
    const out: Alert[] = [];
    for (const [thread, to] of inferredReplyTo(brand, m)) out.push(...applyReply(brand, thread, m, now, to));
    return out;
  }

  /**
   * The brand's own giveaway post: the thread its comments will open is marked before they come, so entries ("An die
   * Ostsee 🌊", "Harz! Wandern mit dem Hund") wait for no answer (QA6: 17 entrants in one critical alert).
   */
  function markGiveaway(brand: string, m: Classified): void {
    let t = book.threadsOf(brand).get(m.id);
    if (!t) {
      t = newThread(brand, m.id, m.source, m.channel, slaMinutesFor(deps.config, brands.get(brand), m.source, m.channel), m.createdAt);
      book.threadsOf(brand).set(t.rootId, t);
    }
    t.giveaway = true;
    book.forget(t, recordId(t, m.id, m.createdAt));
    book.touch(t);
  }

  /**
   * Where a brand post with no parent goes when it starts with "@kunde …" (many listening-tool CSV exports carry
   * no reply ids, and every such answer left its customer alerted: 320 of 320 in the QA's telco replay): for each
   * handle of its reply prefix, the latest thread of the same source in which a customer of that handle is not
   * yet answered and wrote within INFERRED_REPLY_HOURS before the post. As if the post replied to that customer's
   * post: the customer is the addressee and the reply kind decides as usual. A handle with no such thread (a
   * broadcast, a conversation we never saw, an answered customer) places nothing; handles later in the text count
   * not. A post with a parent never comes here: it went to that parent's thread, or to none. `m` is a post of the
   * brand's own account.
   */
  function inferredReplyTo(brand: string, m: Classified): Map<ThreadState, Set<string>> {
    const out = new Map<ThreadState, Set<string>>();
    if (m.thread.parentId !== undefined) return out;
    const at = Date.parse(m.createdAt);
    for (const handle of replyPrefixHandles(m.text)) {
      let best: { t: ThreadState; c: CustomerState } | undefined;
      for (const t of book.openThreadsOfHandle(brand, handle, m.source)) {
        for (const c of t.customers) {
          if (c.handle !== handle || c.state === 'answered') continue;
          if (Date.parse(c.waitingSince ?? c.lastAt) > at || at - Date.parse(c.lastAt) > INFERRED_REPLY_HOURS * HOUR) continue;
          if (best === undefined || c.lastAt > best.c.lastAt) best = { t, c };
        }
      }
      if (best) out.set(best.t, (out.get(best.t) ?? new Set()).add(best.c.authorId));
    }
    return out;
  }

  /**
   * A brand reply to the thread, addressed to `inferred` (author ids) when placed by its @handles, else to whom its
   * parent and text address: recorded, applied to them, and the alert updated.
   */
  function applyReply(brand: string, t: ThreadState, m: Classified, now: Date, inferred?: ReadonlySet<string>): Alert[] {
    // Redelivered: `replies` starts afresh each cycle, `ids` also remembers the earlier cycles' posts.
    if (t.replies.some((r) => r.id === m.id) || t.ids.includes(m.id)) return [];
    const reply = { parentId: m.thread.parentId, text: m.text };
    // A page-wide comment names nobody: at most a holding note, for those it greets (see pageWideAddressees).
    const pageWide = inferred === undefined ? pageWideAddressees(t, reply) : undefined;
    const classified: ReplyKind = m.replyKind ?? classifyReply(m.text, m.lang).kind;
    book.forget(t, recordId(t, m.id, m.createdAt));
    const to = inferred ?? pageWide ?? addressees(t, reply);
    const kind: ReplyKind = pageWide !== undefined ? 'auto_reply' : askedForChannel(t, classified, to) ? kindForChannelQuestion(classifyReply(m.text, m.lang)) : classified;
    // Addressees kept for every kind: an auto-reply to one commenter is no part of another's history (QA6, post 300).
    recordReply(t, m.id, kind, m.createdAt, [...to]);
    const clockBefore = t.clockStartedAt;
    // What the reply takes off the waiting list: the resolved alert still names that customer and shows the post.
    const pendingBefore = t.pending;
    const waits = waitsBefore(t);
    brandReplies(t, kind, to);
    const answered = pendingBefore.filter((p) => !t.pending.some((q) => q.id === p.id));
    // Answered after their own SLA ran out: the alert keeps them, as answered late (unanswered-due.ts).
    const inTime = kind === 'answer' ? keepLateAnswers(t, answered, waits, m.createdAt, brands.get(brand)?.businessHours) : answered;
    settle(t);
    book.touch(t);
    return [afterSettling(brand, t, m, now, clockBefore, inTime)].filter((a): a is Alert => a !== undefined);
  }

  /**
   * Whether a redirect or holding reply went to customers who asked how to reach the brand: then naming the channel
   * answers them (reply-channel-question.ts).
   */
  function askedForChannel(t: ThreadState, kind: ReplyKind, to: ReadonlySet<string>): boolean {
    return (kind === 'deflection' || kind === 'auto_reply') && t.pending.some((p) => to.has(p.authorId) && asksForChannel(p.text));
  }

  function brandsAddressed(m: Classified): string[] {
    const out: string[] = [];
    const handles = m.text.includes('@') ? handlesIn(m.text) : new Set<string>();
    for (const brand of brands.keys()) {
      if (!owns(brand)) continue;
      if (m.brandContext.includes(brand) || mentionsHandle(handles, accounts.get(brand)) || book.findThread(brand, m)) out.push(brand);
    }
    return out;
  }

  /**
   * An alert an analyst resolved (handled by phone, say) stays resolved: no more escalations of it, and the
   * customer's next message starts a new alert of its own once that is overdue (QA: a chaser after a manual
   * resolve raised nothing and vanished from every view, the ignored customer the product exists to catch).
   */
  async function takeAnalystResolution(brand: string, t: ThreadState | undefined): Promise<void> {
    if (!deps.alertStatus || t?.alert?.status !== 'open') return;
    if ((await deps.alertStatus(t.alert.id)) !== 'resolved') return;
    Object.assign(t.alert, { status: 'resolved', resolution: ANALYST_RESOLUTION });
    book.markDirty(brand, t.rootId);
  }

  /**
   * Owned threads due for a look whose open alert would escalate by `now`. Only those: asking the store about every
   * alert past its escalation time, at every post, took 64 % of a 12,854-post replay with a thousand open alerts.
   */
  async function takeAnalystResolutionsDue(now: Date): Promise<void> {
    if (!deps.alertStatus) return;
    const nowMs = now.getTime();
    for (const brand of book.threads.keys()) {
      if (!owns(brand) || book.nextTimerAt(brand) > nowMs) continue;
      for (const t of book.peekDue(brand, nowMs)) {
        if (t.alert?.status !== 'open' || !t.escalateAt || Date.parse(t.escalateAt) > nowMs || !isOverdue(t, now)) continue;
        if (alertSeverityRank(currentSeverity(t, now)) > alertSeverityRank(t.alert.severity)) await takeAnalystResolution(brand, t);
      }
    }
  }

  return {
    name: 'unanswered',

    async restore() {
      await book.restore(deps.state);
    },

    async observe(m, now, filter) {
      owns = filter ?? (() => true);
      // Timers due before this mention fire first, so a late answer resolves an alert instead of preventing it
      // (same order in replay and live). Strictly before: an answer at the deadline's very instant is in time (QA round
      // 10: "answered after 1 h" on a one-hour SLA was an alert), as catchUp counts it.
      const at = new Date(Math.min(now.getTime(), Date.parse(m.createdAt)) - 1);
      const out = timers.dueCheck(at, owns);
      const own = owningBrand(m, accounts);
      if (own !== undefined) {
        if (brands.has(own) && owns(own)) out.push(...onBrand(own, m, now));
      } else {
        for (const brand of brandsAddressed(m)) {
          await takeAnalystResolution(brand, book.findThread(brand, m));
          out.push(...onCustomer(brand, m, now));
        }
      }
      out.push(...retention.prune(now, owns));
      return out;
    },

    async advance(now, filter) {
      owns = filter ?? (() => true);
      await takeAnalystResolutionsDue(now);
      const out = timers.dueCheck(now, owns);
      out.push(...retention.prune(now, owns));
      return out;
    },

    async catchUp(now, filter) {
      owns = filter ?? (() => true);
      await takeAnalystResolutionsDue(now);
      return timers.catchUp(now, owns);
    },

    endOfData(lastPostAt) {
      retention.endOfData(lastPostAt);
    },

    waitsAsOf(end, filter) {
      owns = filter ?? (() => true);
      const out: Alert[] = [];
      for (const [brand, own] of book.threads) {
        if (!owns(brand)) continue;
        for (const t of own.values()) {
          if (t.alert?.status !== 'open' || t.state !== 'awaiting_brand' || Date.parse(t.alert.updatedAt) >= end.getTime()) continue;
          book.markDirty(brand, t.rootId);
          const a = update(t, end, {});
          if (a) out.push(a);
        }
      }
      return out;
    },

    threadBrands(m) {
      const own = owningBrand(m, accounts);
      return [...brands.keys()].filter((brand) => book.findThread(brand, m) !== undefined || (brand === own && inferredReplyTo(brand, m).size > 0));
    },

    async flush(filter) {
      await book.flush(deps.state, filter);
    },
  };
}
