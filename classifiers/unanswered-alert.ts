/**
 * Severity and alert rendering for an overdue thread. Severity is a small additive score so analysts can
 * see which factor pushed a thread up: a complaint (not a question), a customer chasing, repeated channel
 * redirects (seed 000's ping-pong) and waiting far beyond the SLA.
 */
import type { Alert, AlertSeverity, Brand } from '../src/model.ts';
import { businessMinutesBetween } from './business-hours.ts';
import type { ThreadState } from './unanswered-thread.ts';

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
  const level = (t.complaint ? 1 : 0) + (t.followUps > 0 ? 1 : 0) + deflectionLevel(t.deflections) + (longOverdue ? 1 : 0);
  return level <= 0 ? 'watch' : level === 1 ? 'warning' : 'critical';
}

function formatWait(minutes: number, lang: 'de' | 'en'): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h < 48) return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
  const d = Math.round(h / 24);
  return lang === 'de' ? `${d} Tagen` : `${d} days`;
}

/** The closing reason in the brand's language, for the title; the evidence keeps the stable English form. */
function closedWithout(resolution: string, lang: 'de' | 'en'): string {
  const days = /within (\d+) days/u.exec(resolution)?.[1];
  if (resolution.startsWith('expired: no customer reply')) {
    return lang === 'de' ? `geschlossen: keine Rückmeldung des Kunden binnen ${days} Tagen` : `closed: no customer reply within ${days} days`;
  }
  if (resolution.startsWith('expired')) {
    return lang === 'de' ? `geschlossen: keine Antwort der Marke binnen ${days} Tagen` : `closed: no brand answer within ${days} days`;
  }
  return lang === 'de' ? 'geschlossen: zu viele offene Threads, ältester verworfen' : 'closed: too many open threads, oldest dropped';
}

function title(t: ThreadState, waited: number, brand: Brand | undefined): string {
  const lang = brand?.language ?? 'de';
  const base = baseTitle(t, waited, brand, lang);
  return t.alert?.resolution ? `${base} – ${closedWithout(t.alert.resolution, lang)}` : base;
}

function baseTitle(t: ThreadState, waited: number, brand: Brand | undefined, lang: 'de' | 'en'): string {
  const who = t.pending[0]?.author ? `@${t.pending[0].author.replace(/^@/u, '')}` : lang === 'de' ? 'Kunde' : 'customer';
  const wait = formatWait(waited, lang);
  if (t.state === 'awaiting_customer') {
    return lang === 'de' ? `Rückfrage an ${who} gestellt, wartet auf Kunde (${t.source})` : `Asked ${who} for details, waiting for the customer (${t.source})`;
  }
  const what = t.complaint ? (lang === 'de' ? 'Beschwerde' : 'Complaint') : lang === 'de' ? 'Anfrage' : 'Request';
  return lang === 'de'
    ? `${what} von ${who} seit ${wait} unbeantwortet (${t.source}, SLA ${formatWait(t.slaMinutes, lang)})`
    : `${what} from ${who} unanswered for ${wait} (${t.source}, SLA ${formatWait(t.slaMinutes, lang)})`;
}

/** Renders the thread's alert as of `now`; the caller has already set `t.alert` (id, revision, status...). */
export function renderAlert(t: ThreadState, brand: Brand | undefined, now: Date): Alert {
  const a = t.alert;
  if (!a) throw new Error(`thread ${t.rootId} of ${t.brand} has no alert to render`);
  const start = t.clockStartedAt ? new Date(t.clockStartedAt) : now;
  const waited = t.state === 'awaiting_brand' ? businessMinutesBetween(start, now, brand?.businessHours) : (a.waitedMinutes ?? 0);
  const examples = t.pending.slice(0, 5).map((p) => ({
    id: p.id,
    text: p.text,
    ...(p.url ? { url: p.url } : {}),
    ...(p.author ? { author: p.author } : {}),
    createdAt: p.createdAt,
  }));
  return {
    id: a.id,
    kind: 'unanswered',
    brand: t.brand,
    severity: a.severity,
    status: a.status,
    title: title(t, waited, brand),
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
      slaMinutes: t.slaMinutes,
      waitedMinutes: Math.round(waited),
      ...(t.clockStartedAt ? { waitingSince: t.clockStartedAt } : {}),
      ...(t.dueAt ? { dueAt: t.dueAt } : {}),
      ...(brand?.businessHours ? { businessHours: `${brand.businessHours.start}-${brand.businessHours.end} ${brand.businessHours.timeZone}` } : {}),
      brandReplies: t.replies.map((r) => r.kind),
      deflections: t.deflections,
      autoReplies: t.autoReplies,
      followUps: t.followUps,
      complaint: t.complaint,
      priority: priorityOf(t),
      unansweredIds: t.pending.map((p) => p.id),
      ...(a.resolution ? { resolution: a.resolution } : {}),
    },
    dedupeKey: a.id,
    revision: a.revision,
  };
}
