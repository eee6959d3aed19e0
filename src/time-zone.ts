/**
 * Civil time in an IANA time zone, on Intl (the zone database shipped with Node), so daylight-saving switches are
 * right without a dependency: business hours (classifiers/business-hours.ts) and local-day histogram buckets.
 */
const MINUTE = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError with the zone name when the time zone is unknown to Intl. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatter(timeZone);
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}": use an IANA name such as "Europe/Berlin"`);
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of the zone from UTC at an instant, in ms (Berlin summer: +2 h). */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a local wall-clock time. Two passes settle the offset on both sides of a DST switch; a local
 * time inside the spring-forward gap maps to the instant one offset later, as calendars do.
 */
export function zonedTimeToInstant(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day) + minuteOfDay * MINUTE;
  let t = wall - offsetAt(wall, timeZone);
  t = wall - offsetAt(t, timeZone);
  return t;
}

const HALF_DAY = 12 * 3_600_000;

/**
 * zonedTimeToInstant, but a local time the autumn switch repeats is always its first occurrence (still on summer
 * time), in every zone: the two passes of zonedTimeToInstant land on the second one east of UTC (Berlin) and on the
 * first west of it (New York). Read from a file, the same wall-clock time must give the same instant wherever the
 * zone lies. A time in the spring-forward gap maps as zonedTimeToInstant maps it (Temporal's 'compatible' does both).
 */
export function zonedTimeToFirstInstant(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
  const t = zonedTimeToInstant(year, month, day, minuteOfDay, timeZone);
  // Within half a day of an autumn switch the offset before it exceeds the one after it by the hour repeated.
  const repeated = offsetAt(t - HALF_DAY, timeZone) - offsetAt(t + HALF_DAY, timeZone);
  const earlier = t - repeated;
  return repeated > 0 && offsetAt(earlier, timeZone) === offsetAt(t, timeZone) + repeated ? earlier : t;
}
