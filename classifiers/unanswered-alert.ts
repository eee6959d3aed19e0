/**
 * Severity and alert rendering for an overdue thread. Severity is a small additive score so analysts can
 * see which factor pushed a thread up: a complaint (not a question), a customer chasing, repeated channel
 * redirects (seed 000's ping-pong) and waiting far beyond the SLA. The title names the customer and says how
 * long they waited in calendar time (business time beside it, since the SLA clock runs on that), and, once
 * a real answer resolved it, that it was answered and after how long.
 */
import type { Alert, AlertSeverity, Brand, ReplyKind } from '../src/model.ts';
import { authorLabel, formatBusinessTime, formatDuration } from './alert-format.ts';
import { businessMinutesBetween } from './business-hours.ts';
import { overdueCustomers } from './unanswered-due.ts';
import { CUSTOMER_SOLVED, type LateAnswer, type ThreadState } from './unanswered-thread.ts';

export type Priority = 'normal' | 'high' | 'urgent';

/** Complaints outrank questions; a customer who had to chase (follow-up, "immer noch keine Antwort") one more. */
export function priorityOf(t: ThreadState): Priority {
  const p = (t.complaint ? 1 : 0) + (t.followUps > 0 ? 1 : 0);
  return p === 0 ? 'normal' : p === 1 ? 'high' : 'urgent';
}

/**
 * Two redirects in one unanswered thread are the ping-pong pattern of seed 000 (callback service, then chat);
 * a third leaves no doubt.
 */
function deflectionLevel(deflections: number): number {
  return deflections >= 3 ? 2 : deflections >= 2 ? 1 : 0;
}

export function severityOf(t: ThreadState, longOverdue: boolean): AlertSeverity {
  if (t.state === 'awaiting_customer') return 'info';
  // A storm post: the shitstorm alert carries the storm; each of its posts waits in the queue at watch, unless its
  // writer chases or is sent around twice (then it is a customer case again). One redirect is the storm's routine:
  // the brand's canned "bitte per DM" under every storm post made each a critical case (QA firestorm round 4).
  if (t.storm !== undefined && t.followUps === 0 && t.deflections <= 1) return 'watch';
  const level = (t.complaint ? 1 : 0) + (t.followUps > 0 ? 1 : 0) + deflectionLevel(t.deflections) + (longOverdue ? 1 : 0);
  return level <= 0 ? 'watch' : level === 1 ? 'warning' : 'critical';
}

/** The closing reason in the brand's language, for the title; the evidence keeps the stable English form. */
function closedWithout(resolution: string, lang: 'de' | 'en'): string {
  if (resolution === CUSTOMER_SOLVED) return lang === 'de' ? 'geschlossen: laut Kunde erledigt' : 'closed: customer reports it solved';
  const days = /within (\d+) days/u.exec(resolution)?.[1];
  if (resolution.startsWith('expired: no customer reply')) {
    return lang === 'de' ? `geschlossen: keine Rückmeldung des Kunden binnen ${days} Tagen` : `closed: no customer reply within ${days} days`;
  }
  if (resolution.startsWith('expired')) {
    return lang === 'de' ? `geschlossen: keine Antwort der Marke binnen ${days} Tagen` : `closed: no brand answer within ${days} days`;
  }
  return lang === 'de' ? 'geschlossen: zu viele offene Threads, ältester verworfen' : 'closed: too many open threads, oldest dropped';
}

/**
 * A customer message as the alert shows it. The thread's pending messages are of this shape; `authorName` is
 * read when the tracker keeps it (Facebook commenters and blog authors have a name and no handle).
 */
function complaintsFirst<M extends { complaint?: boolean }>(messages: readonly M[]): readonly M[] {
  return messages.some((m) => m.complaint === true) ? [...messages.filter((m) => m.complaint === true), ...messages.filter((m) => m.complaint !== true)] : messages;
}

export interface CustomerMessage {
  id: string;
  authorId: string;
  /** The handle as the source gives it, with or without "@". */
  author?: string;
  /** The display name, when the source has one. */
  authorName?: string;
  text: string;
  url?: string;
  createdAt: string;
}

/** What the tracker may know beyond the thread state when it renders a revision. */
export interface AlertRenderContext {
  /**
   * The customer messages the resolving answer addressed. The tracker takes them out of `pending` before it
   * renders the resolution, so without them a resolved alert would no longer say who complained, what they
   * wrote or since when they waited.
   */
  answered?: readonly CustomerMessage[];
}

/** The waiting time in the title: calendar time as the customer lived it, business time beside it when it differs. */
interface WaitWording {
  main: string;
  note?: string;
}

/**
 * An open alert's title with the wait as of now ("seit 5 h 35 min" → "seit 2 Tagen"): a title says the wait of its
 * last revision, and an alert waits on between revisions (QA: a queue item titled "seit 5 h 35 min" had waited
 * 14 days). Titles the tracker did not word this way come back unchanged.
 */
export function titleWaitingNow(title: string, business: number, calendar: number | undefined, brand: Brand | undefined): string {
  const lang = brand?.language ?? 'de';
  const { main } = waitWording(business, calendar, brand, lang);
  return lang === 'de'
    ? title.replace(/ seit .+? unbeantwortet \(/u, ` seit ${main} unbeantwortet (`)
    : title.replace(/ unanswered for .+? \(/u, ` unanswered for ${main} (`);
}

function waitWording(business: number, calendar: number | undefined, brand: Brand | undefined, lang: 'de' | 'en'): WaitWording {
  const hours = brand?.businessHours;
  if (!hours) return { main: formatDuration(business, lang) };
  // The calendar start is gone (an answered alert rendered without its messages): say which clock this is.
  if (calendar === undefined) return { main: formatBusinessTime(business, hours, lang, 'dative') };
  const main = formatDuration(calendar, lang);
  return main === formatDuration(business, lang) ? { main } : { main, note: formatBusinessTime(business, hours, lang) };
}

interface Rendering {
  who: string;
  /** Business minutes waited (the SLA's clock) and calendar minutes, when the start is known. */
  business: number;
  calendar?: number;
  /** Whether the title tells of answers (every customer named was answered), though the alert may still be open. */
  answered: boolean;
  /** Customers answered late beside those the title names as waiting; customers waiting within their SLA beside those answered. */
  answeredLate?: number;
  withinSla?: number;
}

/** Channels a source such as `rss` carries that say better where the thread is (README: review sites, blogs). */
const PLACES: Readonly<Record<string, { de: string; en: string }>> = {
  review: { de: 'Bewertung', en: 'review' },
  blog_post: { de: 'Blogbeitrag', en: 'blog post' },
  blog_comment: { de: 'Blogkommentar', en: 'blog comment' },
};

/** Where the thread is, as titles name it: the channel for reviews and blogs ("Bewertung", not the feed's "rss"), else the source. */
function placeOf(t: ThreadState, lang: 'de' | 'en'): string {
  return PLACES[t.channel]?.[lang] ?? t.source;
}

function title(t: ThreadState, r: Rendering, brand: Brand | undefined): string {
  const lang = brand?.language ?? 'de';
  const base = `${baseTitle(t, r, brand, lang)}${othersNote(r, lang)}`;
  return t.alert?.resolution ? `${base} – ${closedWithout(t.alert.resolution, lang)}` : base;
}

/** Beside the customers the title names: those answered late while others still wait, or those still within their SLA. */
function othersNote(r: Rendering, lang: 'de' | 'en'): string {
  let note = '';
  if (r.answeredLate !== undefined && r.answeredLate > 0) {
    note += lang === 'de' ? ` · ${r.answeredLate} weitere erst nach Ablauf der SLA beantwortet` : ` · ${r.answeredLate} more answered only after the SLA ran out`;
  }
  if (r.withinSla !== undefined && r.withinSla > 0) {
    note += lang === 'de' ? ` · ${r.withinSla} weitere warten, noch innerhalb der SLA` : ` · ${r.withinSla} more waiting, still within the SLA`;
  }
  return note;
}

function baseTitle(t: ThreadState, r: Rendering, brand: Brand | undefined, lang: 'de' | 'en'): string {
  const { who } = r;
  if (t.state === 'awaiting_customer') {
    return lang === 'de' ? `Rückfrage an ${who} gestellt, wartet auf Kunde (${placeOf(t, lang)})` : `Asked ${who} for details, waiting for the customer (${placeOf(t, lang)})`;
  }
  // While someone waits, what they wait with; once the title tells of answers, the strongest kind the alert has shown
  // (QA round 12: "Beschwerde von Julia Steiner" turned "Anfrage von Julia Steiner nach 5 Tagen beantwortet").
  const what = t.complaint || (r.answered && t.alert?.complained === true) ? (lang === 'de' ? 'Beschwerde' : 'Complaint') : lang === 'de' ? 'Anfrage' : 'Request';
  const wait = waitWording(r.business, r.calendar, brand, lang);
  const details = `(${wait.note ? `${wait.note}; ` : ''}${placeOf(t, lang)}, SLA ${formatDuration(t.slaMinutes, lang, 'nominative')})`;
  // Only a real answer leaves the thread answered; an expired or evicted thread stays unanswered.
  if (r.answered && !t.alert?.resolution) {
    return lang === 'de' ? `${what} von ${who} nach ${wait.main} beantwortet ${details}` : `${what} from ${who} answered after ${wait.main} ${details}`;
  }
  return lang === 'de' ? `${what} von ${who} seit ${wait.main} unbeantwortet ${details}` : `${what} from ${who} unanswered for ${wait.main} ${details}`;
}

/**
 * The kinds of the brand's replies that reached the alert's customers: under a page post, the answers to other
 * commenters are not this customer's history (QA: an ignored commenter's alert listed 'answer', 'answer').
 * A reply without addressees went to everyone waiting at the time.
 */
function repliesTo(t: ThreadState, subject: readonly CustomerMessage[]): ReplyKind[] {
  const whose = new Set(subject.map((p) => p.authorId));
  return t.replies.filter((r) => r.to === undefined || whose.size === 0 || r.to.some((id) => whose.has(id))).map((r) => r.kind);
}

/** Examples an alert carries at most (the Alert schema's bound). */
const MAX_EXAMPLES = 10;

/**
 * One line per customer answered late (their longest wait): a customer with three posts answered in one reply was
 * listed three times (QA round 10). With business hours the SLA's clock stands beside the calendar's, as in the title:
 * "after 13 h 10 min (1 h 10 min in business hours)".
 */
function lateLines(late: readonly LateAnswer[], label: (l: LateAnswer) => string | undefined, lang: 'de' | 'en', businessHours: boolean): string[] {
  const longest = new Map<string, LateAnswer>();
  for (const l of late) {
    const seen = longest.get(l.authorId);
    if (seen === undefined || l.waitedMinutes > seen.waitedMinutes) longest.set(l.authorId, l);
  }
  return [...longest.values()].map((l) => lateLine(l, label(l), lang, businessHours));
}

/** "Herta Wimmer: nach 2 h 10 min beantwortet": a customer answered after their SLA ran out, with their wait. */
function lateLine(l: LateAnswer, who: string | undefined, lang: 'de' | 'en', businessHours: boolean): string {
  const calendar = minutesBetween(l.waitingSince, l.answeredAt);
  const inHours = businessHours && Math.round(l.waitedMinutes) < Math.round(calendar) ? formatDuration(l.waitedMinutes, lang) : undefined;
  const waited = formatDuration(calendar, lang) + (inHours === undefined ? '' : lang === 'de' ? ` (${inHours} in Geschäftszeiten)` : ` (${inHours} in business hours)`);
  const name = who ?? (lang === 'de' ? 'Kunde' : 'customer');
  if (l.solvedByCustomer === true) return lang === 'de' ? `${name}: nach ${waited} selbst gelöst, ohne Antwort` : `${name}: solved it themselves after ${waited}, unanswered`;
  return lang === 'de' ? `${name}: erst nach ${waited} beantwortet` : `${name}: answered late, after ${waited}`;
}

const minutesBetween = (from: string, to: string): number => Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000);

const withAskedAbout = (ids: string[]): { askedAboutIds?: string[] } => (ids.length > 0 ? { askedAboutIds: ids } : {});

/** Ids of the messages the brand asked details about, of customers now waiting for it again (not among `waiting`). */
function askedAboutIds(t: ThreadState, waiting: readonly CustomerMessage[]): string[] {
  const waitingIds = new Set(waiting.map((p) => p.id));
  const authors = new Set(waiting.map((p) => p.authorId));
  return t.customers.filter((c) => authors.has(c.authorId)).flatMap((c) => c.askedAbout ?? []).map((p) => p.id).filter((id) => !waitingIds.has(id));
}

/**
 * Renders the thread's alert as of `now`; the caller has already set `t.alert` (id, revision, status...).
 * `context.answered` keeps the customer and their post on the revision an answer resolves.
 */
export function renderAlert(t: ThreadState, brand: Brand | undefined, now: Date, context: AlertRenderContext = {}): Alert {
  const a = t.alert;
  if (!a) throw new Error(`thread ${t.rootId} of ${t.brand} has no alert to render`);
  const lang = brand?.language ?? 'de';
  const hours = brand?.businessHours;
  // Complaints first (stable otherwise): under a page post the first commenter waiting may have written praise, and a
  // "Beschwerde von Lea Schmidt und 5 weiteren" showed "Das grüne Kleid ist ein Traum!" (QA firestorm round 5).
  const pending: readonly CustomerMessage[] = complaintsFirst(t.pending);
  // Listed: who waits past their own SLA, and who was answered only after it (unanswered-due.ts). Someone still within
  // their SLA is named as such, and listed once it runs out. An alert with neither (its customer's clock restarted
  // after sending the details asked for) lists who waits, as before.
  const overdue = overdueCustomers(t, hours, now);
  const late: readonly LateAnswer[] = t.answeredLate ?? [];
  const breached = pending.filter((p) => overdue.has(p.authorId));
  const withinSla = breached.length > 0 || late.length > 0 ? pending.filter((p) => !overdue.has(p.authorId)) : [];
  const waiting = breached.length > 0 || late.length > 0 ? breached : pending;
  const answered = context.answered ?? [];
  const label = (p: CustomerMessage) => authorLabel({ handle: p.author, name: p.authorName }, t);
  const named = (messages: readonly CustomerMessage[]): string | undefined => {
    // Under a page post one alert holds every commenter still waiting: the title says there are more than the first.
    const labels = [...new Set(messages.map(label).filter((l): l is string => l !== undefined))];
    const others = labels.length - 1;
    return labels[0] === undefined || others === 0 ? labels[0] : lang === 'de' ? `${labels[0]} und ${others} weiteren` : `${labels[0]} and ${others} other${others === 1 ? '' : 's'}`;
  };
  const authors = (messages: readonly CustomerMessage[]): number => new Set(messages.map((p) => p.authorId)).size;
  // The title names who still waits; once nobody past their SLA does, who was answered (late, or by the last reply).
  const answeredSubject = late.length > 0 ? late : answered;
  const titled = waiting.length > 0 ? waiting : answeredSubject;
  const customer = named(titled);
  const answeredTitle = waiting.length === 0 && (late.length > 0 || (t.state === 'answered' && a.status === 'resolved'));
  // An answer stops the clock and clears its start: the answered messages still say when the wait began.
  const waitingSince = t.clockStartedAt ?? answered.reduce<string | undefined>((min, p) => (min === undefined || p.createdAt < min ? p.createdAt : min), undefined);
  let business: number;
  let calendar: number | undefined;
  const longestLate = late.reduce<LateAnswer | undefined>((max, l) => (max === undefined || l.waitedMinutes > max.waitedMinutes ? l : max), undefined);
  if (!answeredTitle && t.state === 'awaiting_brand') {
    const start = t.clockStartedAt ? new Date(t.clockStartedAt) : now;
    business = businessMinutesBetween(start, now, hours);
    calendar = minutesBetween(start.toISOString(), now.toISOString());
  } else if (longestLate !== undefined && (a.waitedMinutes === undefined || longestLate.waitedMinutes >= a.waitedMinutes)) {
    business = longestLate.waitedMinutes;
    calendar = minutesBetween(longestLate.waitingSince, longestLate.answeredAt);
  } else {
    business = a.waitedMinutes ?? 0;
    // Without business hours both clocks are one; with them, the calendar wait needs when the wait began.
    if (!hours) calendar = business;
    else if (waitingSince && a.resolvedAt) calendar = minutesBetween(waitingSince, a.resolvedAt);
  }
  const example = (p: CustomerMessage) => {
    const author = label(p);
    return { id: p.id, text: p.text, ...(p.url ? { url: p.url } : {}), ...(author ? { author } : {}), createdAt: p.createdAt };
  };
  const shownWaiting = (waiting.length > 0 ? waiting : answeredSubject === late ? [] : answered).slice(0, 5);
  // The matter the brand asked details about, before the details themselves: "Hab sie euch per DM geschickt" alone
  // does not say what the customer waits for. Only while someone waits (for the brand or, asked, for themselves).
  const shownIds = new Set(shownWaiting.map((p) => p.id));
  const askedOf = new Set(t.state === 'answered' ? [] : [...shownWaiting.map((p) => p.authorId), ...t.customers.filter((c) => c.state === 'awaiting_customer').map((c) => c.authorId)]);
  const matter = t.customers.filter((c) => askedOf.has(c.authorId)).flatMap((c) => c.askedAbout ?? []).filter((p) => !shownIds.has(p.id)).slice(0, 2);
  const examples = [...matter, ...shownWaiting, ...late.slice(0, MAX_EXAMPLES - shownWaiting.length - matter.length)].map(example);
  const who = customer ?? (lang === 'de' ? 'Kunde' : 'customer');
  return {
    id: a.id,
    kind: 'unanswered',
    brand: t.brand,
    severity: a.severity,
    status: a.status,
    title: title(
      t,
      {
        who,
        business,
        ...(calendar !== undefined ? { calendar } : {}),
        answered: answeredTitle,
        ...(waiting.length > 0 ? { answeredLate: authors(late) } : {}),
        withinSla: authors(withinSla),
      },
      brand,
    ),
    openedAt: a.openedAt,
    updatedAt: a.updatedAt,
    ...(a.resolvedAt ? { resolvedAt: a.resolvedAt } : {}),
    mentions: t.ids.slice(-200),
    examples,
    evidence: {
      threadRootId: t.rootId,
      source: t.source,
      channel: t.channel,
      state: t.state,
      ...(customer ? { customer } : {}),
      slaMinutes: t.slaMinutes,
      // Business minutes, the SLA's clock (the unanswered queue and chat messages compare it with slaMinutes).
      waitedMinutes: Math.round(business),
      ...(calendar !== undefined && brand?.businessHours ? { waitedCalendarMinutes: Math.round(calendar) } : {}),
      ...(waitingSince ? { waitingSince } : {}),
      ...(t.dueAt ? { dueAt: t.dueAt } : {}),
      ...(brand?.businessHours ? { businessHours: `${brand.businessHours.start}-${brand.businessHours.end} ${brand.businessHours.timeZone}` } : {}),
      brandReplies: repliesTo(t, titled),
      deflections: t.deflections,
      autoReplies: t.autoReplies,
      followUps: t.followUps,
      complaint: t.complaint,
      priority: priorityOf(t),
      ...(t.storm !== undefined ? { duringShitstorm: t.storm } : {}),
      // In the order they came, as the thread keeps them.
      unansweredIds: t.pending.filter((p) => waiting.includes(p)).map((p) => p.id),
      // The matter a waiting customer was asked details about: replied to (so not among unansweredIds, as the twcs check
      // counts replies), but a request for details answers nothing ("Sent." is all unansweredIds would name).
      ...withAskedAbout(askedAboutIds(t, waiting)),
      ...(withinSla.length > 0 ? { withinSlaIds: t.pending.filter((p) => withinSla.includes(p)).map((p) => p.id) } : {}),
      ...(late.length > 0 ? { answeredLate: lateLines(late, label, lang, brand?.businessHours !== undefined), answeredLateIds: late.map((l) => l.id) } : {}),
      ...(a.resolution ? { resolution: a.resolution } : {}),
    },
    dedupeKey: a.id,
    revision: a.revision,
  };
}
