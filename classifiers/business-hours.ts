/**
 * Business-hours arithmetic for SLA clocks: the clock only runs inside a brand's opening hours, in the
 * brand's time zone. Built on Intl (the IANA database shipped with Node), so daylight-saving switches are
 * handled by converting each day's local opening and closing time to an instant separately.
 */
import type { BusinessHours } from '../src/model.ts';
import { assertTimeZone, localParts, zonedTimeToInstant } from '../src/time-zone.ts';

export { assertTimeZone };

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Longest span searched for a deadline: a year covers any SLA a brand would configure. */
const MAX_DAYS = 370;

function parseClock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** ISO weekday (1 = Monday) of a civil date. */
function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * Opening windows as [start, end) instants, day by day from the local day before `fromMs` (so a window
 * crossing midnight, e.g. 22:00–06:00, is found too).
 */
function* windows(hours: BusinessHours, fromMs: number): Generator<[number, number]> {
  const open = parseClock(hours.start);
  let close = parseClock(hours.end);
  if (close <= open) close += 24 * 60; // overnight window, e.g. a 22:00–06:00 night shift
  const days = new Set(hours.days);
  const first = localParts(fromMs, hours.timeZone);
  const base = Date.UTC(first.year, first.month - 1, first.day) - DAY;
  for (let i = 0; i <= MAX_DAYS; i++) {
    const civil = new Date(base + i * DAY);
    const y = civil.getUTCFullYear();
    const mo = civil.getUTCMonth() + 1;
    const d = civil.getUTCDate();
    if (!days.has(isoWeekday(y, mo, d))) continue;
    const start = zonedTimeToInstant(y, mo, d, open, hours.timeZone);
    // Closing time is converted on its own civil day so a DST switch overnight is respected.
    const closeDay = new Date(base + i * DAY + Math.floor(close / 1440) * DAY);
    const end = zonedTimeToInstant(closeDay.getUTCFullYear(), closeDay.getUTCMonth() + 1, closeDay.getUTCDate(), close % 1440, hours.timeZone);
    if (end > start) yield [start, end];
  }
}

/**
 * The instant at which `minutes` of business time have passed since `start`: the SLA deadline. Without
 * business hours the clock runs around the clock.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours | undefined): Date {
  if (!hours) return new Date(start.getTime() + minutes * MINUTE);
  let remaining = minutes * MINUTE;
  const from = start.getTime();
  for (const [ws, we] of windows(hours, from)) {
    if (we <= from) continue;
    const s = Math.max(ws, from);
    if (remaining <= we - s) return new Date(s + remaining);
    remaining -= we - s;
  }
  throw new RangeError(`no business hours within ${MAX_DAYS} days in ${hours.timeZone} (days ${hours.days.join(',')})`);
}

/** Business minutes between two instants (0 when `to` is not after `from`): the time a customer has waited. */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours | undefined): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (!hours) return (b - a) / MINUTE;
  let total = 0;
  for (const [ws, we] of windows(hours, a)) {
    if (ws >= b) break;
    if (we <= a) continue;
    total += Math.min(we, b) - Math.max(ws, a);
  }
  return total / MINUTE;
}

/** Whether an instant lies inside business hours (always true without business hours). */
export function isWithinBusinessHours(at: Date, hours: BusinessHours | undefined): boolean {
  if (!hours) return true;
  const t = at.getTime();
  for (const [ws, we] of windows(hours, t)) {
    if (ws > t) return false;
    if (t < we) return true;
  }
  return false;
}

/** Hour of the week in a time zone, 0 = Monday 00:00–01:00 local: the slot of weekly seasonality. */
export function localHourOfWeek(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  return (isoWeekday(p.year, p.month, p.day) - 1) * 24 + p.hour;
}
