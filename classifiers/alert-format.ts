/**
 * Wording shared by the alert renderers (unanswered-alert.ts, shitstorm-alert.ts): numbers and durations in
 * the alert's language, and how a post's author is named. One place, so a German alert never mixes "22,7×"
 * with "0.7" again, and "@" is never put in front of a name.
 */
import type { BusinessHours } from '../src/model.ts';

export type AlertLang = 'de' | 'en';

const LOCALE: Record<AlertLang, string> = { de: 'de-DE', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the alert's language ("22,7" in German, "22.7" in English), with at most `digits` decimals. */
export function formatNumber(x: number, lang: AlertLang, digits = 1): string {
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(x);
}

/**
 * A duration as people say it: minutes under an hour, hours and minutes under two days, then days. German
 * puts days in the dative after "seit" and "nach" ("seit 14 Tagen") and in the nominative elsewhere
 * ("SLA 2 Tage").
 */
export function formatDuration(minutes: number, lang: AlertLang, germanCase: 'dative' | 'nominative' = 'dative'): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h < 48) return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
  const d = formatNumber(Math.round(h / 24), lang, 0);
  if (lang === 'en') return `${d} days`;
  return germanCase === 'dative' ? `${d} Tagen` : `${d} Tage`;
}

/** Minutes the brand is open on one of its days (an overnight window such as 22:00–06:00 counts across midnight). */
function businessDayMinutes(hours: BusinessHours): number {
  const clock = (hhmm: string) => {
    const [h = '0', m = '0'] = hhmm.split(':');
    return Number(h) * 60 + Number(m);
  };
  const open = clock(hours.start);
  let close = clock(hours.end);
  if (close <= open) close += 24 * 60;
  return close - open;
}

/**
 * Waiting time counted in business hours, said so: whole business days once it spans two of them, and the hours
 * beyond ("10 Arbeitstage", "seit 10 Arbeitstagen", "3 Arbeitstage und 4 h", "10 business days"), else hours ("36 h in Geschäftszeiten",
 * "36 h in business hours").
 * Counting business hours in calendar days (÷ 24) made ten business days read as four days.
 */
export function formatBusinessTime(minutes: number, hours: BusinessHours, lang: AlertLang, germanCase: 'dative' | 'nominative' = 'nominative'): string {
  const day = businessDayMinutes(hours);
  if (minutes >= 2 * day) {
    // One rule: whole working days completed, and the business hours beyond them, rounded to the hour (QA round 12: 25 h
    // read "3 Arbeitstage" on a 24 h SLA, in time to the eye, and 28 h "4", rounded up).
    let whole = Math.floor(minutes / day);
    let restHours = Math.round((minutes - whole * day) / 60);
    if (restHours * 60 >= day) {
      whole += 1;
      restHours = 0;
    }
    const days = formatNumber(whole, lang, 0);
    const rest = restHours > 0 ? (lang === 'en' ? ` and ${restHours} h` : ` und ${restHours} h`) : '';
    if (lang === 'en') return `${days} business days${rest}`;
    return germanCase === 'dative' ? `${days} Arbeitstagen${rest}` : `${days} Arbeitstage${rest}`;
  }
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const span = h === 0 ? `${m} min` : rest === 0 ? `${h} h` : `${h} h ${rest} min`;
  return lang === 'de' ? `${span} in Geschäftszeiten` : `${span} in business hours`;
}

/**
 * Channels whose authors have names, not handles: a Facebook commenter, a blog author, a reviewer, a
 * journalist. A value in `handle` there is whatever an import put into it ("Jane Reader"), never an @-name.
 */
const NAME_CHANNELS: ReadonlySet<string> = new Set(['page_comment', 'blog_post', 'blog_comment', 'review', 'news']);
/** Sources whose ingestors write a name or an id and never a handle (facebook-map.ts, rss-map.ts). */
const NAME_SOURCES: ReadonlySet<string> = new Set(['facebook', 'rss']);
/** One word as handles are (X: letters, digits, underscore; also `name.bsky.social` or `name@host`): no spaces. */
const HANDLE = /^@?[\p{L}\p{N}_][\p{L}\p{N}_.]{0,49}(?:@[\p{L}\p{N}.-]{1,100})?$/u;

export interface AuthorNames {
  /** The author's handle as the source gives it, with or without "@". */
  handle?: string;
  /** The display name (Facebook and blog authors have only this). */
  name?: string;
}

/**
 * How an alert names a post's author: "@handle" where the source has handles and the value is one, else the
 * display name as it is, else whatever the handle field holds, as it is. Undefined when nothing is known.
 */
export function authorLabel(author: AuthorNames, where: { source: string; channel: string }): string | undefined {
  const handle = author.handle?.trim() || undefined;
  const name = author.name?.trim() || undefined;
  const hasHandles = !NAME_CHANNELS.has(where.channel) && !NAME_SOURCES.has(where.source);
  if (handle && hasHandles && HANDLE.test(handle)) return `@${handle.replace(/^@/u, '')}`;
  return name ?? handle;
}
