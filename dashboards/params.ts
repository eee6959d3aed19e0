/**
 * Query-string schemas for the REST API. Express hands us `string | string[]` per key; everything is parsed
 * here, at the HTTP boundary, and the routes receive typed store queries. Unknown keys are rejected so a typo
 * such as `?brnad=x` is reported instead of silently returning every mention.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { formatZodIssues } from '../src/config.ts';
import { AlertKind, AlertStatus, Channel, Intent, Lang, SentimentLabel } from '../src/model.ts';
import { parseTextQuery } from '../src/store/analysis.ts';
import { StoreQueryError } from '../src/store/errors.ts';
import { FACET_FIELDS, type HistogramQuery, type MentionFilters, type SearchQuery } from '../src/store/port.ts';
import { SEVERITY_LEVELS, startOfLocalDay } from '../src/store/query.ts';

/** A request the client can fix: answered with 400 and the listed problems. */
export class BadRequestError extends Error {
  readonly status = 400;
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(issues.length > 0 ? `${message}: ${issues.join('; ')}` : message);
    this.name = 'BadRequestError';
  }
}

/** Accepts `a,b`, `x=a&x=b` or both; trims and drops empty items. */
function list<T extends z.ZodType>(item: T, max = 50) {
  return z
    .preprocess((v) => {
      if (v === undefined) return undefined;
      const raw = Array.isArray(v) ? v : [v];
      const items = raw.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
      return items.length > 0 ? items : undefined;
    }, z.array(item).max(max, `at most ${max} values`).optional());
}

/** A single value: repeated keys are an error rather than a silent pick of the first or last. */
function single<T extends z.ZodType>(inner: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), inner);
}

/**
 * A whole number written in decimal digits. `z.coerce.number()` alone took "0x10" as 16 and "1e2" as 100: query
 * strings are typed by people and scripts, and a value read differently from how it was meant is worse than a 400.
 */
export function decimalInt(min: number, max: number) {
  return z
    .string({ error: 'a whole number in decimal digits' })
    .regex(/^\d{1,9}$/, 'a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** ISO timestamp with offset, or a plain `YYYY-MM-DD` (UTC midnight: what `<input type=date>` sends). */
export const TimeParam = z
  .string({ error: 'one value: an ISO date or timestamp such as 2026-11-30 or 2026-11-30T08:00:00Z' })
  // z.iso.date checks the calendar (no month 13, no 31 February): an invalid date would throw in toISOString.
  .refine((s) => z.iso.date().safeParse(s).success || z.iso.datetime({ offset: true }).safeParse(s).success, {
    message: 'an ISO date or timestamp such as 2026-11-30 or 2026-11-30T08:00:00Z',
  })
  .transform((s) => new Date(DATE_ONLY.test(s) ? `${s}T00:00:00Z` : s).toISOString());

/**
 * `from`/`to` of searches and histograms: as TimeParam, but a plain day stays a day until the analyst's time zone
 * (`tz`) says where it starts (filtersFrom): the dashboard shows local times, and "1 November" is the local one.
 */
const DayOrTimeParam = z
  .string({ error: 'one value: an ISO date or timestamp such as 2026-11-30 or 2026-11-30T08:00:00Z' })
  .refine((s) => z.iso.date().safeParse(s).success || z.iso.datetime({ offset: true }).safeParse(s).success, {
    message: 'an ISO date or timestamp such as 2026-11-30 or 2026-11-30T08:00:00Z (in a URL, write + as %2B)',
  })
  .transform((s) => (DATE_ONLY.test(s) ? s : new Date(s).toISOString()));

/** An IANA time zone Node knows, such as Europe/Berlin: where day-only dates and day/week buckets start. */
const TimeZoneParam = z
  .string({ error: 'one time zone' })
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'an IANA time zone such as Europe/Berlin or UTC' },
  );

/** The instant a from/to value stands for: a plain day starts at local midnight in `tz` (UTC without one). */
function instantOf(value: string, tz: string | undefined): string {
  return DATE_ONLY.test(value) ? startOfLocalDay(value, tz) : value;
}

/**
 * Search text, checked against the search syntax here as well as in the store, so a saved search cannot keep a
 * text that every later search would refuse.
 */
const SearchTextParam = z
  .string({ error: 'one search text' })
  .max(500, 'at most 500 characters')
  .superRefine((text, ctx) => {
    try {
      parseTextQuery(text);
    } catch (err) {
      if (!(err instanceof StoreQueryError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message });
    }
  });

const BoolParam = z.enum(['true', 'false'], { error: 'true or false' }).transform((s) => s === 'true');

const SourceParam = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'lower-case source names such as twitter');
const BrandParam = z.string().min(1).max(64);

/** A complaint severity: 0 (no complaint) or 1..4 (no explicit reproach, disapproval, accusation, blame). */
const SeverityParam = z
  .enum(SEVERITY_LEVELS.map(String) as [string, ...string[]], { error: 'complaint severities 0 to 4 (0 = no complaint, 1 = no explicit reproach … 4 = blame)' })
  .transform(Number);

const ChannelParam = z.enum(Channel.options, { error: `channels: ${Channel.options.join(', ')}` });

const filterShape = {
  q: single(SearchTextParam.optional()),
  brand: list(BrandParam),
  source: list(SourceParam),
  lang: list(Lang),
  complaint: single(BoolParam.optional()),
  sentiment: list(SentimentLabel),
  intent: list(Intent),
  severity: list(SeverityParam),
  channel: list(ChannelParam),
  from: single(DayOrTimeParam.optional()),
  to: single(DayOrTimeParam.optional()),
  tz: single(TimeZoneParam.optional()),
  byBrand: single(BoolParam.optional()),
};

function checkRange<T extends { from?: string; to?: string; tz?: string }>(v: T, ctx: z.RefinementCtx): void {
  if (v.from && v.to && instantOf(v.from, v.tz) >= instantOf(v.to, v.tz)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
}

export const MentionSearchParams = z
  .object({
    ...filterShape,
    sort: single(z.enum(['newest', 'oldest', 'relevance']).optional()),
    page: single(decimalInt(0, 10_000).default(0)),
    size: single(decimalInt(1, 200).default(20)),
    facets: list(z.enum(FACET_FIELDS)),
  })
  .strict()
  .superRefine(checkRange);
export type MentionSearchParams = z.infer<typeof MentionSearchParams>;

/** `GET /api/mentions.csv`: the search's filters and sort; the file holds every match up to its limit, unpaged. */
export const MentionExportParams = z
  .object({ ...filterShape, sort: single(z.enum(['newest', 'oldest', 'relevance']).optional()) })
  .strict()
  .superRefine(checkRange);

export const HistogramParams = z
  .object({ ...filterShape, interval: single(z.enum(['5m', '1h', '1d', '1w']).default('1h')) })
  .strict()
  .superRefine(checkRange);

export const AlertParams = z
  .object({
    kind: list(AlertKind),
    brand: list(BrandParam),
    status: list(AlertStatus),
    since: single(TimeParam.optional()),
    /** The next page: `<updatedAt>|<id>` of the last alert of the page before. */
    after: single(
      z
        .string()
        .max(600)
        .transform((v, ctx) => {
          const cut = v.indexOf('|');
          const updatedAt = v.slice(0, cut);
          if (cut < 1 || Number.isNaN(Date.parse(updatedAt)) || cut === v.length - 1) {
            ctx.addIssue({ code: 'custom', message: 'the last alert of the page before, as <updatedAt>|<id>' });
            return z.NEVER;
          }
          return { updatedAt, id: v.slice(cut + 1) };
        })
        .optional(),
    ),
    limit: single(decimalInt(1, 500).default(100)),
  })
  .strict();

export const ShitstormParams = z
  .object({
    brand: list(BrandParam),
    interval: single(z.enum(['5m', '1h', '1d']).default('1h')),
    from: single(TimeParam.optional()),
    to: single(TimeParam.optional()),
  })
  .strict()
  .superRefine(checkRange);

export const UnansweredParams = z
  .object({
    brand: list(BrandParam),
    limit: single(decimalInt(1, 200).default(50)),
  })
  .strict();

export function filtersFrom(p: z.infer<typeof HistogramParams> | z.infer<typeof MentionExportParams> | MentionSearchParams): MentionFilters {
  return {
    text: p.q,
    brands: p.brand,
    sources: p.source,
    langs: p.lang,
    complaint: p.complaint,
    sentiments: p.sentiment,
    intents: p.intent,
    severities: p.severity,
    channels: p.channel,
    from: p.from === undefined ? undefined : instantOf(p.from, p.tz),
    to: p.to === undefined ? undefined : instantOf(p.to, p.tz),
    byBrand: p.byBrand,
  };
}

export function searchQueryFrom(p: MentionSearchParams): SearchQuery {
  return { ...filtersFrom(p), sort: p.sort ?? (p.q ? 'relevance' : 'newest'), page: p.page, size: p.size, facets: p.facets };
}

export function exportQueryFrom(p: z.infer<typeof MentionExportParams>): SearchQuery {
  return { ...filtersFrom(p), sort: p.sort ?? (p.q ? 'relevance' : 'newest') };
}

export function histogramQueryFrom(p: z.infer<typeof HistogramParams>): HistogramQuery {
  return { ...filtersFrom(p), interval: p.interval, ...(p.tz ? { timeZone: p.tz } : {}) };
}

/** Parses `req.query` (or a body) with `schema`, throwing a BadRequestError that names every wrong field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what = 'invalid query parameters'): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new BadRequestError(what, formatZodIssues(parsed.error));
  return parsed.data;
}

export function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  return parseInput(schema, req.query);
}

/** A path parameter, decoded by Express; length-checked so ids cannot blow up store lookups. */
export function pathParam(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) {
    throw new BadRequestError(`invalid path parameter ${name}`);
  }
  return value;
}
