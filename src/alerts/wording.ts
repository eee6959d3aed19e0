/**
 * What an alert message says, independent of the chat platform: headline, the numbers behind it, example
 * posts and the dashboard link, in German or English. Formats only lay this out and escape it.
 */
import { alertSeverityRank, type Alert, type AlertKind, type AlertSeverity, type AlertStatus } from '../model.ts';
import { formatDuration, formatNumber } from '../../classifiers/alert-format.ts';

export type Language = 'de' | 'en';

export interface Fact {
  label: string;
  value: string;
}

export interface ExamplePost {
  text: string;
  /** Only http(s) links survive; anything else (javascript:, data:) is dropped. */
  url?: string;
  author?: string;
  createdAt: string;
}

export interface AlertView {
  alert: Alert;
  lang: Language;
  /** e.g. "Kritisch · Shitstorm-Verdacht: Deutsche Bahn". */
  headline: string;
  /** One sentence with the key numbers (waited vs SLA, observed vs expected). */
  summary: string;
  facts: Fact[];
  examples: ExamplePost[];
  dashboardUrl?: string;
  /** The dashboard's alert list (server.publicUrl + `/alerts`), when publicUrl is set. */
  alertListUrl?: string;
  severityLabel: string;
  statusLabel: string;
  /** Colour per severity (#rrggbb), for attachment bars and embeds. */
  color: string;
  labels: typeof LABELS.de;
}

const LABELS = {
  de: {
    kind: { unanswered: 'Unbeantwortete Beschwerde', shitstorm: 'Shitstorm-Verdacht', complaint: 'Neue Beschwerde' } as Record<AlertKind, string>,
    severity: { info: 'Info', watch: 'Beobachten', warning: 'Warnung', critical: 'Kritisch' } as Record<AlertSeverity, string>,
    status: { open: 'offen', acknowledged: 'bestätigt', resolved: 'erledigt' } as Record<AlertStatus, string>,
    brand: 'Marke',
    severityField: 'Schweregrad',
    statusField: 'Status',
    examples: 'Beispiele',
    openPost: 'Beitrag öffnen',
    openAlert: 'Im Dashboard öffnen',
    digest: (n: number) => `${n} Alarme`,
    more: (n: number) => `… und ${n} weitere`,
    /** Severity counts in the "… and N more" line. */
    severityCount: { critical: 'kritisch', warning: 'Warnung', watch: 'Beobachten', info: 'Info' } as Record<AlertSeverity, string>,
    waited: (w: string, sla: string) => `Wartet seit ${w} auf eine Antwort (SLA ${sla}).`,
    answeredAfter: (w: string, sla: string) => `Nach ${w} beantwortet (SLA ${sla}).`,
    inBusinessHours: (w: string) => `${w} davon in Geschäftszeiten`,
    volume: (o: string, e: string) => `${o} Beiträge, erwartet waren ${e}.`,
    negatives: (o: string, e: string, w: string) => `${o} negative Beiträge in ${w} Minuten, erwartet waren ${e}.`,
    negativesNoBaseline: (o: string, w: string) => `${o} negative Beiträge in ${w} Minuten; für diese Marke gibt es noch keine Vergleichswerte.`,
    generic: (n: string) => `${n} Beiträge betroffen.`,
  },
  en: {
    kind: { unanswered: 'Unanswered complaint', shitstorm: 'Possible shitstorm', complaint: 'New complaint' } as Record<AlertKind, string>,
    severity: { info: 'Info', watch: 'Watch', warning: 'Warning', critical: 'Critical' } as Record<AlertSeverity, string>,
    status: { open: 'open', acknowledged: 'acknowledged', resolved: 'resolved' } as Record<AlertStatus, string>,
    brand: 'Brand',
    severityField: 'Severity',
    statusField: 'Status',
    examples: 'Examples',
    openPost: 'Open post',
    openAlert: 'Open in dashboard',
    digest: (n: number) => `${n} alerts`,
    more: (n: number) => `… and ${n} more`,
    severityCount: { critical: 'critical', warning: 'warning', watch: 'watch', info: 'info' } as Record<AlertSeverity, string>,
    waited: (w: string, sla: string) => `Waiting ${w} for a reply (SLA ${sla}).`,
    answeredAfter: (w: string, sla: string) => `Answered after ${w} (SLA ${sla}).`,
    inBusinessHours: (w: string) => `${w} of it in business hours`,
    volume: (o: string, e: string) => `${o} posts where ${e} were expected.`,
    negatives: (o: string, e: string, w: string) => `${o} negative posts in ${w} minutes where ${e} were expected.`,
    negativesNoBaseline: (o: string, w: string) => `${o} negative posts in ${w} minutes; there is no baseline for this brand yet.`,
    generic: (n: string) => `${n} posts involved.`,
  },
};

/**
 * Evidence fields shown in messages, in this order, with their labels. These are the keys the detectors write
 * (classifiers/unanswered-alert.ts, shitstorm-alert.ts); other keys (ids, internal state) stay in the
 * dashboard and the generic JSON.
 */
const EVIDENCE: ReadonlyArray<readonly [key: string, de: string, en: string]> = [
  // First, so it is never cut: "resolved" alone would read as "answered" for an unanswered thread that expired.
  ['resolution', 'Abschluss', 'Closed because'],
  // Who is on it, before the numbers: the 10-field cap cut it from storm messages (QA).
  ['acknowledgedBy', 'Bestätigt von', 'Acknowledged by'],
  ['resolvedBy', 'Erledigt von', 'Resolved by'],
  ['waitedMinutes', 'Wartezeit (Min.)', 'Waited (min)'],
  ['slaMinutes', 'SLA (Min.)', 'SLA (min)'],
  ['source', 'Quelle', 'Source'],
  ['channel', 'Kanal', 'Channel'],
  ['followUps', 'Nachfragen', 'Follow-ups'],
  // Customers of a page alert answered after their SLA ran out: the breach stays in the message once they are answered.
  ['answeredLate', 'Erst nach Ablauf der SLA beantwortet', 'Answered only after the SLA'],
  ['deflections', 'Ausweichende Antworten', 'Deflections'],
  ['observedNegative', 'Negativ (beobachtet)', 'Negative (observed)'],
  ['expectedNegative', 'Negativ (erwartet)', 'Negative (expected)'],
  // Only on storms caught while the brand's baseline is young: the expectation rests on these few hours.
  ['baselineHours', 'Erwartung aus erst (Std.)', 'Expectation from only (h)'],
  // What a storm is about and who carries it come before the volume figures, which the summary already sums up.
  ['topic', 'Neues gemeinsames Thema', 'New shared subject'],
  ['topTerms', 'Häufige Begriffe', 'Top terms'],
  ['distinctAuthors', 'Verschiedene Autor:innen', 'Distinct authors'],
  ['negativityShare', 'Anteil negativ', 'Negative share'],
  ['onsetAt', 'Beginn', 'Started'],
  ['peakAt', 'Höhepunkt', 'Peak'],
  ['ratio', 'Faktor', 'Ratio'],
  ['sources', 'Quellen', 'Sources'],
  ['observed', 'Beiträge (beobachtet)', 'Posts (observed)'],
  ['expected', 'Beiträge (erwartet)', 'Posts (expected)'],
  ['windowMinutes', 'Zeitfenster (Min.)', 'Window (min)'],
];
/** Evidence holding instants, shown as local date and time rather than ISO strings. */
const INSTANT_KEYS = new Set(['onsetAt', 'peakAt']);
const MAX_FACTS = 10;

const COLORS: Record<AlertSeverity, string> = { info: '#439fe0', watch: '#daa038', warning: '#e8710a', critical: '#d40e0d' };
const RESOLVED_COLOR = '#2eb886';

export function labelsFor(lang: Language): typeof LABELS.de {
  return LABELS[lang];
}


function num(evidence: Alert['evidence'], key: string): number | undefined {
  const v = evidence[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function safeHttpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function dashboardUrlFor(publicUrl: string | undefined, alertId: string): string | undefined {
  if (!publicUrl) return undefined;
  return `${publicUrl.replace(/\/+$/, '')}/alerts/${encodeURIComponent(alertId)}`;
}

export interface ViewOptions {
  lang: Language;
  publicUrl?: string;
  /** Display name of the alert's brand (config `brands[].name`); the id is shown when unknown. */
  brandName?: string;
  /** Most example posts (1..3). */
  maxExamples?: number;
  /** IANA time zone for the times in the message (the brand's business-hours zone); UTC when unknown. */
  timeZone?: string;
}

/** "02.03.26, 09:15 MEZ" / "02/03/2026, 09:15 CET": the reader's clock, with the zone named. */
function formatInstant(iso: string, lang: Language, timeZone: string): string | undefined {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return undefined;
  try {
    return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at) + ` ${zoneName(at, lang, timeZone)}`;
  } catch {
    return new Date(at).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }
}

function zoneName(at: number, lang: Language, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * The unanswered alert's sentence: the wait in calendar time (what a customer feels; `waitedMinutes` is the SLA's
 * business clock), business time beside it where the brand has business hours, and "answered after" once a real
 * answer resolved it. An alert closed without an answer (expired thread) says what its title says.
 */
function waitSummary(alert: Alert, businessMinutes: number, slaMinutes: number, lang: Language): string {
  const l = LABELS[lang];
  const calendarMinutes = num(alert.evidence, 'waitedCalendarMinutes');
  const waited = calendarMinutes ?? businessMinutes;
  const sla = formatDuration(slaMinutes, lang, 'nominative');
  const business = calendarMinutes !== undefined && Math.round(calendarMinutes) !== Math.round(businessMinutes) ? l.inBusinessHours(formatDuration(businessMinutes, lang, 'nominative')) : undefined;
  const slaPart = business ? `${sla}; ${business}` : sla;
  if (alert.status !== 'resolved') return l.waited(formatDuration(waited, lang, 'dative'), slaPart);
  if (alert.evidence.state === 'answered' && alert.evidence.resolution === undefined) return l.answeredAfter(formatDuration(waited, lang, 'dative'), slaPart);
  return alert.title || l.waited(formatDuration(waited, lang, 'dative'), slaPart);
}

export function viewAlert(alert: Alert, options: ViewOptions): AlertView {
  const l = LABELS[options.lang];
  const fmt = (v: number): string => formatNumber(v, options.lang, 2);
  const brand = options.brandName ?? alert.brand;
  const ev = alert.evidence;
  const waited = num(ev, 'waitedMinutes');
  const sla = num(ev, 'slaMinutes');
  const negObserved = num(ev, 'observedNegative');
  const negExpected = num(ev, 'expectedNegative');
  const windowMinutes = num(ev, 'windowMinutes');
  const observed = num(ev, 'observed');
  const expected = num(ev, 'expected');
  let summary: string;
  /** Evidence the summary already states, not repeated as a field. */
  let inSummary: readonly string[] = [];
  if (waited !== undefined && sla !== undefined) summary = waitSummary(alert, waited, sla, options.lang);
  else if (negObserved !== undefined && negExpected !== undefined && windowMinutes !== undefined) {
    summary = l.negatives(fmt(negObserved), fmt(negExpected), fmt(windowMinutes));
    inSummary = ['observedNegative', 'expectedNegative', 'windowMinutes'];
  } else if (negObserved !== undefined && windowMinutes !== undefined && num(ev, 'baselineHours') === 0) {
    summary = l.negativesNoBaseline(fmt(negObserved), fmt(windowMinutes));
    inSummary = ['observedNegative', 'windowMinutes'];
  } else if (observed !== undefined && expected !== undefined) {
    summary = l.volume(fmt(observed), fmt(expected));
    inSummary = ['observed', 'expected'];
  } else summary = alert.title || l.generic(fmt(alert.mentions.length));

  const facts: Fact[] = [
    { label: l.brand, value: brand },
    { label: l.severityField, value: l.severity[alert.severity] },
    { label: l.statusField, value: l.status[alert.status] },
  ];
  for (const [key, de, en] of EVIDENCE) {
    if (facts.length >= MAX_FACTS) break; // Slack allows 10 section fields; more stops being readable anyway
    const value = ev[key];
    // "Expectation from only 0 h": the summary already says there is no baseline yet.
    if ((key === 'baselineHours' && value === 0) || inSummary.includes(key)) continue;
    const label = options.lang === 'de' ? de : en;
    if (INSTANT_KEYS.has(key)) {
      const when = typeof value === 'string' ? formatInstant(value, options.lang, options.timeZone ?? 'UTC') : undefined;
      if (when) facts.push({ label, value: when });
    } else if (typeof value === 'number' && Number.isFinite(value)) facts.push({ label, value: fmt(value) });
    else if (typeof value === 'string' && value) facts.push({ label, value });
    else if (Array.isArray(value) && value.length > 0) facts.push({ label, value: value.filter((v) => typeof v === 'string' || typeof v === 'number').join(', ') });
  }
  const examples = alert.examples.slice(0, Math.min(3, Math.max(1, options.maxExamples ?? 3))).map((e) => ({
    text: e.text,
    url: safeHttpUrl(e.url),
    author: e.author,
    createdAt: e.createdAt,
  }));
  // No brackets: headlines also land in places that render markdown (Mattermost/Discord titles).
  const status = l.status[alert.status];
  const statusPrefix = alert.status === 'open' ? '' : `${status.charAt(0).toUpperCase()}${status.slice(1)} · `;
  return {
    alert,
    lang: options.lang,
    headline: `${statusPrefix}${l.severity[alert.severity]} · ${kindLabel(l, alert)}: ${brand}`,
    summary,
    facts,
    examples,
    dashboardUrl: dashboardUrlFor(options.publicUrl, alert.id),
    ...(options.publicUrl ? { alertListUrl: `${options.publicUrl.replace(/\/+$/, '')}/alerts` } : {}),
    severityLabel: l.severity[alert.severity],
    statusLabel: l.status[alert.status],
    color: alert.status === 'resolved' ? RESOLVED_COLOR : COLORS[alert.severity],
    labels: l,
  };
}

/** A digest's alerts, most severe first (critical, warning, watch, info); equal severities keep their order. */
export function bySeverity(views: AlertView[]): AlertView[] {
  return [...views].sort((a, b) => alertSeverityRank(b.alert.severity) - alertSeverityRank(a.alert.severity));
}

export interface MoreLine {
  /** e.g. "… und 12 weitere (3 kritisch, 9 Warnung)". */
  text: string;
  /** The dashboard's alert list, filtered by brand and kind where every alert of the digest shares them. */
  url?: string;
}

/**
 * The line after a digest's last shown alert: how many are left out, counted by severity so none goes
 * unmentioned, and a link to the dashboard's alert list. `all` is the whole digest, `hidden` the ones not shown.
 */
export function moreLine(all: AlertView[], hidden: AlertView[]): MoreLine | undefined {
  const first = all[0];
  if (!first || hidden.length === 0) return undefined;
  const l = first.labels;
  const counts = new Map<AlertSeverity, number>();
  for (const v of bySeverity(hidden)) counts.set(v.alert.severity, (counts.get(v.alert.severity) ?? 0) + 1);
  const text = `${l.more(hidden.length)} (${[...counts].map(([severity, n]) => `${n} ${l.severityCount[severity]}`).join(', ')})`;
  if (!first.alertListUrl) return { text };
  const filter = new URLSearchParams();
  for (const key of ['brand', 'kind'] as const) {
    const values = new Set(all.map((v) => v.alert[key]));
    if (values.size === 1) filter.set(key, first.alert[key]);
  }
  const query = filter.toString();
  return { text, url: query ? `${first.alertListUrl}?${query}` : first.alertListUrl };
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** The alert's kind as a headline names it: a shitstorm at critical is no longer a suspicion ("Kritisch · Shitstorm"). */
function kindLabel(l: typeof LABELS.de, alert: Pick<Alert, 'kind' | 'severity'>): string {
  return alert.kind === 'shitstorm' && alert.severity === 'critical' ? 'Shitstorm' : l.kind[alert.kind];
}
