/**
 * Timestamps as replay files write them (CSV exports, API tweets, twcs): ISO 8601 (with `T` or a space, an
 * optional fraction, `Z` or an offset), `2026-10-04 11:05:00.0` (Brandwatch), `04.10.2026 11:05[:33]` (German
 * locales), `10/04/2026 11:05`, `04-Oct-2026 11:05AM` and `Oct 4, 2026 11:05 AM`, RFC 2822 and the v1.1 API's
 * `Wed Oct 10 20:19:24 +0000 2018`, Unix epochs in seconds or milliseconds.
 *
 * A timestamp without a zone is taken as UTC, never as the zone of the machine that happens to run the replay
 * (what `Date.parse` would do): the same file must give the same times everywhere. An export written in local
 * time is then off by its UTC offset, unless the caller names the zone it was written in (`replay --time-zone`):
 * its wall-clock times are then read in that IANA zone, daylight saving included. An hour the autumn switch
 * repeats is read as its first occurrence, still on summer time (zonedTimeToFirstInstant); a time in the
 * spring-forward gap, which no clock showed, as the time one offset later. A date without a time of day is a day,
 * not a time, and stays at midnight UTC in any zone (replay tells such files by it: ReplaySource.dateOnly).
 * A time read without a zone, either way, is marked `zoneless`, so replay can say how many there were.
 *
 * Slash dates are the one ambiguous form: `10/04/2026` is 10 April to a German or British tool and 4 October to
 * an American one, and no header says which. A slash date with a number above 12 can only be read one way; the
 * reader lets those decide for the whole file (`DayMonthVote`). A slash date that reads both ways in a file that
 * does not settle it (or settles it both ways) is refused with a reason, never guessed.
 */
import { zonedTimeToFirstInstant } from '../src/time-zone.ts';

export type DayMonthOrder = 'day-first' | 'month-first';

/** `zoneless`: the value had a time of day but no zone, and was read as UTC or in the zone the caller named. */
export type ParsedDate = { iso: string; zoneless?: true } | { reason: string };

// 3-letter prefixes of English and German month names ("Oct", "October", "Okt.", "März", "Mai", "Dezember").
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, mär: 3, apr: 4, may: 5, mai: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, okt: 10, nov: 11, dec: 12, dez: 12,
};

// The clock time may follow "at" or "um" (IFTTT's "April 10, 2017 at 02:03PM") and end in "Uhr" ("14:03 Uhr").
const TIME = String.raw`(?:(?:T|,?\s+(?:at\s+|um\s+)?)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?m\.?)?(?:\s*uhr)?)?`;
const ZONE = String.raw`\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}${ZONE}$`, 'i');
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}${ZONE}$`, 'i');
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}${ZONE}$`, 'i');
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})\.?[-\s]+([a-zä]{3,9})\.?[-\s]+(\d{4})${TIME}${ZONE}$`, 'i');
const MONTH_NAME_DAY = new RegExp(String.raw`^([a-zä]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}${ZONE}$`, 'i');
const EPOCH = /^\d{9,13}(\.\d+)?$/;
// A leading weekday, English or German ("Mon, ", "Mo., ", "Dienstag, "), says nothing the date does not.
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)[a-z]*\.?,?\s+(?=\d|[a-zä]{3})/i;

interface Parts {
  year: string;
  month: number;
  day: string;
  /** The TIME and ZONE groups, in order. */
  rest: ReadonlyArray<string | undefined>;
}

/** The instant of a date and its time and zone groups, or undefined when a field is out of range. */
function instant({ year, month, day, rest }: Parts, timeZone: string | undefined): { iso: string; zoneless?: true } | undefined {
  const [h = '0', mi = '0', s = '0', fraction = '', meridiem, zone] = rest;
  let hour = Number(h);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  const [y, d, min, sec] = [Number(year), Number(day), Number(mi), Number(s)];
  if (month < 1 || month > 12 || d < 1 || hour > 23 || min > 59 || sec > 59) return undefined;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(y, month - 1, d, hour, min, sec, ms);
  // Date.UTC rolls 31 April over into May: a day that does not exist in its month is refused instead.
  if (new Date(wall).getUTCDate() !== d) return undefined;
  const hasTime = rest[0] !== undefined;
  if (zone || !hasTime) return { iso: new Date(wall - offsetMinutes(zone) * 60_000).toISOString() };
  const local = timeZone ? zonedTimeToFirstInstant(y, month, d, hour * 60 + min, timeZone) + sec * 1000 + ms : wall;
  return { iso: new Date(local).toISOString(), zoneless: true };
}

function offsetMinutes(zone: string | undefined): number {
  const m = zone ? /^([+-])(\d{2}):?(\d{2})?$/.exec(zone) : null;
  if (!m) return 0; // no zone, Z, UTC, GMT
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The first two numbers of a slash date (`10/04/2026` → [10, 4]), or undefined for any other form. */
function slashNumbers(value: string): [number, number] | undefined {
  const m = SLASHED.exec(value.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** How a slash date must be read from its own numbers; undefined when it reads both ways, neither, or is none. */
export function slashDateOrder(value: string): DayMonthOrder | undefined {
  const [a, b] = slashNumbers(value) ?? [0, 0];
  if (a > 12 && b <= 12) return 'day-first';
  if (b > 12 && a <= 12) return 'month-first';
  return undefined;
}

/** A slash date whose two numbers could each be the month, and differ (4/4 is 4 April either way). */
function readsBothWays(value: string): boolean {
  const [a, b] = slashNumbers(value) ?? [0, 0];
  return a >= 1 && b >= 1 && a <= 12 && b <= 12 && a !== b;
}

/** Tallies a file's slash dates that can only be read one way, and those that read both ways. */
export class DayMonthVote {
  private dayFirst = 0;
  private monthFirst = 0;
  /** Slash dates that read both ways (10/04/2026), which only the file's other dates can settle. */
  ambiguous = 0;

  see(value: string | undefined): void {
    if (!value) return;
    const order = slashDateOrder(value);
    if (order === 'day-first') this.dayFirst++;
    else if (order === 'month-first') this.monthFirst++;
    else if (readsBothWays(value)) this.ambiguous++;
  }

  /** The file's order when its unambiguous slash dates all agree; undefined when none or both kinds occur. */
  get order(): DayMonthOrder | undefined {
    if (this.dayFirst > 0 && this.monthFirst === 0) return 'day-first';
    if (this.monthFirst > 0 && this.dayFirst === 0) return 'month-first';
    return undefined;
  }
}

/**
 * Reads one timestamp; `order` is how the file reads slash dates that could go both ways (see DayMonthVote),
 * `timeZone` the IANA zone a time written without a zone is local time of (UTC when not given).
 */
export function parseExportDate(raw: string, order?: DayMonthOrder, timeZone?: string): ParsedDate {
  const value = raw.trim();
  const unreadable = { reason: `unreadable date "${raw}"` };
  if (EPOCH.test(value)) {
    const n = Number(value);
    // Ten digits of seconds reach 2286: the range applies to epochs as to every other form.
    const instant = new Date(n < 1e11 ? n * 1000 : n);
    return inRange(instant.getUTCFullYear()) ? { iso: instant.toISOString() } : outOfRange(raw);
  }
  const body = value.replace(WEEKDAY, '');
  let m = YEAR_FIRST.exec(body);
  if (m) return done({ year: m[1]!, month: Number(m[2]), day: m[3]!, rest: m.slice(4) }, raw, timeZone);
  m = DOTTED.exec(body);
  if (m) return done({ year: m[3]!, month: Number(m[2]), day: m[1]!, rest: m.slice(4) }, raw, timeZone);
  m = SLASHED.exec(body);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const resolved = readsBothWays(body) ? order : (slashDateOrder(body) ?? 'day-first');
    if (!resolved) {
      return {
        reason:
          `ambiguous date "${raw}": ${a}/${b} can be day/month or month/day, and the file's other slash dates do not ` +
          'settle it (none has a number above 12, or they disagree); export dates as YYYY-MM-DD or DD.MM.YYYY',
      };
    }
    const [day, month] = resolved === 'day-first' ? [m[1]!, b] : [m[2]!, a];
    return done({ year: m[3]!, month, day, rest: m.slice(4) }, raw, timeZone);
  }
  m = DAY_MONTH_NAME.exec(body);
  if (m) return monthNamed(m[2]!, (month) => done({ year: m![3]!, month, day: m![1]!, rest: m!.slice(4) }, raw, timeZone), unreadable);
  m = MONTH_NAME_DAY.exec(body);
  if (m) return monthNamed(m[1]!, (month) => done({ year: m![3]!, month, day: m![2]!, rest: m!.slice(4) }, raw, timeZone), unreadable);
  // RFC 2822 and the v1.1 API's own layout. Only with a zone: without one, Date.parse would use the machine's.
  if (/\d{4}/.test(value) && /(?:\b(?:gmt|utc)\b|[+-]\d{4}\b|\bz$)/i.test(value)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return inRange(new Date(t).getUTCFullYear()) ? { iso: new Date(t).toISOString() } : outOfRange(raw);
  }
  return unreadable;
}

/**
 * Years a post can carry. Outside them a date is a placeholder (`0000-01-01`, a default of the tool that wrote it) or
 * a typo, and Date.UTC would even move years 0 to 99 into the 1900s.
 */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2199;

function inRange(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

function outOfRange(raw: string): ParsedDate {
  return { reason: `date out of range "${raw}": years ${FIRST_YEAR} to ${LAST_YEAR} are read` };
}

function done(parts: Parts, raw: string, timeZone: string | undefined): ParsedDate {
  if (!inRange(Number(parts.year))) return outOfRange(raw);
  return instant(parts, timeZone) ?? { reason: `unreadable date "${raw}"` };
}

function monthNamed(name: string, read: (month: number) => ParsedDate, unreadable: ParsedDate): ParsedDate {
  const month = MONTHS[name.slice(0, 3).toLowerCase()];
  return month ? read(month) : unreadable;
}

/** A date column and a separate time column (Meltwater) as one timestamp; a date that has a time keeps it. */
export function joinDateTime(date: string | undefined, time: string | undefined): string | undefined {
  if (!date || !time || /\d:\d{2}/.test(date)) return date;
  return `${date} ${time}`;
}
