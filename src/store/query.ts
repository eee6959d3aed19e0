/**
 * Query semantics shared by both store adapters, so paging, sorting and histogram buckets cannot drift apart:
 * the adapters translate filters; everything numeric is decided here.
 */
import { localParts, zonedTimeToInstant } from '../time-zone.ts';
import { StoreQueryError } from './errors.ts';
import type { AlertQuery, Bucket, HistogramInterval, SearchQuery } from './port.ts';

/** Elasticsearch's default index.max_result_window; the embedded store refuses the same depth for parity. */
export const MAX_RESULT_WINDOW = 10_000;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;
/** Well under Elasticsearch's search.max_buckets (65 536); more buckets than this is unreadable anyway. */
export const MAX_HISTOGRAM_BUCKETS = 10_000;
export const DEFAULT_ALERT_LIMIT = 100;

export type ResolvedSort = 'newest' | 'oldest' | 'relevance';

export interface ResolvedPaging {
  page: number;
  size: number;
  offset: number;
  /** Relevance without search text means nothing, so it falls back to newest. Default: relevance with text. */
  sort: ResolvedSort;
}

export function resolvePaging(query: SearchQuery, hasText: boolean): ResolvedPaging {
  const page = query.page ?? 0;
  const size = query.size ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(page) || page < 0) throw new StoreQueryError(`page must be an integer ≥ 0, got ${page}`);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new StoreQueryError(`size must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${size}`);
  }
  const offset = page * size;
  if (offset + size > MAX_RESULT_WINDOW) {
    throw new StoreQueryError(`results beyond the first ${MAX_RESULT_WINDOW} cannot be paged to; narrow the filters`);
  }
  const wanted = query.sort ?? (hasText ? 'relevance' : 'newest');
  const sort = wanted === 'relevance' && !hasText ? 'newest' : wanted;
  return { page, size, offset, sort };
}

export function resolveAlertLimit(query: AlertQuery): number {
  const limit = query.limit ?? DEFAULT_ALERT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new StoreQueryError(`alert limit must be a positive integer, got ${limit}`);
  return limit;
}

/** Complaint severities a filter may name: 0 (no complaint) and the X-CI levels 1..4 (model.ts Complaint). */
export const SEVERITY_LEVELS = [0, 1, 2, 3, 4] as const;

/**
 * The severity filter, checked the same way in both adapters: Elasticsearch maps the field as a byte and would
 * fail on 300 with a mapping error, where the embedded store would quietly match nothing.
 */
export function checkSeverities(severities: readonly number[] | undefined): readonly number[] | undefined {
  for (const s of severities ?? []) {
    if (!(SEVERITY_LEVELS as readonly number[]).includes(s)) {
      throw new StoreQueryError(`severity must be one of ${SEVERITY_LEVELS.join(', ')} (0 = no complaint), got ${s}`);
    }
  }
  return severities;
}

/** Parses an ISO bound from a query into epoch milliseconds. */
export function parseInstant(value: string, name: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new StoreQueryError(`${name} must be an ISO-8601 time, got "${value}"`);
  return ms;
}

const MINUTE = 60_000;
const INTERVAL_MS: Record<HistogramInterval, number> = {
  '5m': 5 * MINUTE,
  '1h': 60 * MINUTE,
  '1d': 24 * 60 * MINUTE,
  '1w': 7 * 24 * 60 * MINUTE,
};
/** 1970-01-01 was a Thursday; weeks start on Monday 1970-01-05 (ISO weeks, as Elasticsearch's calendar week). */
const WEEK_ORIGIN_MS = 4 * 24 * 60 * MINUTE;

export function intervalMs(interval: HistogramInterval): number {
  const ms = INTERVAL_MS[interval];
  if (ms === undefined) throw new StoreQueryError(`interval must be one of ${Object.keys(INTERVAL_MS).join(', ')}`);
  return ms;
}

/** Start of the UTC-aligned bucket holding `ms` (floor division, also right for times before 1970). */
/** The epoch offset buckets are aligned to: Mondays for weeks, midnight UTC / full hours / 5 minutes otherwise. */
export function bucketOrigin(interval: HistogramInterval): number {
  return interval === '1w' ? WEEK_ORIGIN_MS : 0;
}

/**
 * Day and week buckets follow the analyst's time zone when one is given (local midnight, Monday 00:00 there, so a day
 * is 23 or 25 hours long across a DST switch); 5-minute and hour buckets stay UTC-aligned, which are the same
 * instants in every zone a whole number of hours off UTC.
 */
function zoned(interval: HistogramInterval, timeZone: string | undefined): timeZone is string {
  return timeZone !== undefined && timeZone !== 'UTC' && (interval === '1d' || interval === '1w');
}

export function bucketStart(ms: number, interval: HistogramInterval, timeZone?: string): number {
  if (zoned(interval, timeZone)) {
    const p = localParts(ms, timeZone);
    // ISO weekday of the local date: weeks start on the local Monday.
    const back = interval === '1w' ? (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7 : 0;
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day - back));
    return zonedTimeToInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 0, timeZone);
  }
  const width = intervalMs(interval);
  const origin = bucketOrigin(interval);
  return Math.floor((ms - origin) / width) * width + origin;
}

/** Start of the bucket after the one starting at `start`. */
export function nextBucketStart(start: number, interval: HistogramInterval, timeZone?: string): number {
  if (!zoned(interval, timeZone)) return start + intervalMs(interval);
  // Noon of the last day of this bucket is inside it whatever the DST switch; its next local midnight starts the next.
  return bucketStart(start + intervalMs(interval) + 12 * 3_600_000, interval, timeZone);
}

/** Local day of a plain `YYYY-MM-DD` in `timeZone` (UTC without one): the instant its midnight falls on. */
export function startOfLocalDay(date: string, timeZone?: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(timeZone && timeZone !== 'UTC' ? zonedTimeToInstant(y, m, d, 0, timeZone) : Date.UTC(y, m - 1, d)).toISOString();
}

export type BucketCounts = Omit<Bucket, 'start'>;

/**
 * The first and last bucket to report: the query's from/to when given (so a quiet period still shows as zeros),
 * else the first and last bucket with data. Undefined when there is nothing to show.
 */
export function bucketRange(
  interval: HistogramInterval,
  bounds: { from?: string; to?: string; timeZone?: string },
  dataMin?: number,
  dataMax?: number,
): { first: number; last: number } | undefined {
  const tz = bounds.timeZone;
  const first =
    bounds.from !== undefined ? bucketStart(parseInstant(bounds.from, 'from'), interval, tz) : dataMin !== undefined ? bucketStart(dataMin, interval, tz) : undefined;
  // `to` is exclusive, so the last bucket is the one holding the millisecond before it.
  const last =
    bounds.to !== undefined ? bucketStart(parseInstant(bounds.to, 'to') - 1, interval, tz) : dataMax !== undefined ? bucketStart(dataMax, interval, tz) : undefined;
  if (first === undefined && last === undefined) return undefined;
  const lo = first ?? (last as number);
  const hi = last ?? lo;
  if (hi < lo) return undefined;
  const count = Math.round((hi - lo) / intervalMs(interval)) + 1;
  if (count > MAX_HISTOGRAM_BUCKETS) {
    throw new StoreQueryError(
      `the histogram would have ${count} buckets (limit ${MAX_HISTOGRAM_BUCKETS}); choose a coarser interval or a shorter range`,
    );
  }
  return { first: lo, last: hi };
}

/** First and last bucket start with data (a loop, not Math.min(...): a spread of 100k+ values overflows the stack). */
export function dataBounds(starts: Iterable<number>): [number | undefined, number | undefined] {
  let min: number | undefined;
  let max: number | undefined;
  for (const s of starts) {
    if (min === undefined || s < min) min = s;
    if (max === undefined || s > max) max = s;
  }
  return [min, max];
}

/** Every bucket from first to last, zeros where `found` has nothing. */
export function fillBuckets(
  interval: HistogramInterval,
  range: { first: number; last: number } | undefined,
  found: ReadonlyMap<number, BucketCounts>,
  timeZone?: string,
): Bucket[] {
  if (range === undefined) return [];
  const out: Bucket[] = [];
  for (let t = range.first; t <= range.last; t = nextBucketStart(t, interval, timeZone)) {
    const counts = found.get(t) ?? { count: 0, complaints: 0, negative: 0 };
    out.push({ start: new Date(t).toISOString(), ...counts });
  }
  return out;
}

/** Most values a facet lists (most frequent first, ties by value), like an Elasticsearch terms aggregation's size. */
export const FACET_SIZE = 50;

/** State values go through JSON; refuse what would not come back the same. */
export function encodeState(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('state values must be JSON-serialisable (got undefined or a function)');
  return json;
}

