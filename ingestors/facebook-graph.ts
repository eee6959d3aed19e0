/**
 * Graph API access for page posts and comments: paging via `paging.next` (followed only on the configured
 * origin, so the access token never goes elsewhere), `appsecret_proof` when an app secret is set, and the
 * rate-limit answers (codes 4/17/32/613, HTTP 429) turned into a wait.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { formatZodIssues } from '../src/config.ts';
import { WebUrl } from '../src/model.ts';
import { rateLimitWaitMs } from './backoff.ts';

export const GraphFrom = z.object({ id: z.string(), name: z.string().optional() });

/**
 * Graph timestamps look like `2026-11-30T08:00:00+0000`; webhooks send epoch seconds. Returns ISO UTC, or
 * undefined for anything that is no time a Mention can carry (unparseable, or outside the years 0–9999);
 * never throws, so one bad record cannot fail the others.
 */
export function graphTime(value: string | number): string | undefined {
  const ms = typeof value === 'number' ? value * 1000 : Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  return year >= 0 && year <= 9999 ? date.toISOString() : undefined;
}

/** A Graph or webhook time, as ISO UTC; one that is no time fails its record's validation. */
export const GraphTime = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const iso = graphTime(value);
  if (iso === undefined) ctx.addIssue({ code: 'custom', message: `not a valid time: ${String(value).slice(0, 64)}` });
  return iso ?? z.NEVER;
});

/**
 * A post's or comment's link: only http(s) is kept. Anything else (a `javascript:` URL) is dropped and the post kept,
 * as a feed's bad link is: the Mention schema refused the whole post over it, and a real complaint was lost (QA round 6).
 */
const Permalink = WebUrl.optional().catch(undefined);

export const GraphPost = z.object({
  id: z.string(),
  message: z.string().optional(),
  created_time: GraphTime,
  permalink_url: Permalink,
  from: GraphFrom.optional(),
  shares: z.object({ count: z.number() }).optional(),
  comments: z.object({ summary: z.object({ total_count: z.number() }).optional() }).optional(),
  reactions: z.object({ summary: z.object({ total_count: z.number() }).optional() }).optional(),
});
export type GraphPost = z.infer<typeof GraphPost>;

export const GraphComment = z.object({
  id: z.string(),
  message: z.string().optional(),
  created_time: GraphTime,
  permalink_url: Permalink,
  from: GraphFrom.optional(),
  parent: z.object({ id: z.string() }).optional(),
  like_count: z.number().optional(),
  comment_count: z.number().optional(),
});
export type GraphComment = z.infer<typeof GraphComment>;

const Page = z.object({
  data: z.array(z.unknown()),
  paging: z.object({ next: z.string().optional(), cursors: z.object({ after: z.string().optional() }).optional() }).optional(),
});

const GraphErrorBody = z.object({ error: z.object({ message: z.string(), code: z.number().optional(), type: z.string().optional() }) });

/** Graph error codes that mean "too many calls" (application, user, API-specific and page throttling). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001]);

export class GraphApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | undefined,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'GraphApiError';
  }
}

export interface GraphClientOptions {
  baseUrl: string;
  version: string;
  accessToken: string;
  appSecret?: string;
  timeoutMs: number;
}

export class GraphClient {
  private readonly origin: string;

  constructor(private readonly options: GraphClientOptions) {
    this.origin = new URL(options.baseUrl).origin;
  }

  /**
   * All items of an edge, following `paging.next` up to `maxPages`; invalid items are returned apart.
   * `truncated` says that `maxPages` stopped the listing while Graph still had a next page.
   */
  async list<S extends z.ZodType>(path: string, params: Record<string, string>, schema: S, maxPages: number, signal: AbortSignal): Promise<{ items: z.infer<S>[]; invalid: Array<{ raw: unknown; reason: string }>; truncated: boolean }> {
    const url = new URL(`${this.options.baseUrl.replace(/\/$/, '')}/${this.options.version}/${path}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    let next: string | undefined = url.toString();
    const items: z.infer<S>[] = [];
    const invalid: Array<{ raw: unknown; reason: string }> = [];
    for (let page = 0; next && page < maxPages; page++) {
      const body = Page.parse(await this.get(next, signal));
      for (const raw of body.data) {
        const parsed = schema.safeParse(raw);
        if (parsed.success) items.push(parsed.data);
        else invalid.push({ raw, reason: `${path}: unexpected item: ${formatZodIssues(parsed.error).join('; ')}` });
      }
      next = body.paging?.next;
      if (next && new URL(next).origin !== this.origin) throw new GraphApiError(`paging.next points to another origin (${new URL(next).origin}); not following it with our token`, 0, undefined);
    }
    return { items, invalid, truncated: next !== undefined };
  }

  private async get(target: string, signal: AbortSignal): Promise<unknown> {
    const url = new URL(target);
    url.searchParams.set('access_token', this.options.accessToken);
    if (this.options.appSecret) url.searchParams.set('appsecret_proof', createHmac('sha256', this.options.appSecret).update(this.options.accessToken).digest('hex'));
    const res = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs)]) });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new GraphApiError(`Graph API ${res.status}: answer is not JSON`, res.status, undefined);
    }
    if (res.ok) return body;
    const error = GraphErrorBody.safeParse(body);
    const code = error.success ? error.data.error.code : undefined;
    const limited = res.status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code));
    const wait = limited ? (rateLimitWaitMs(res.headers) ?? regainAccessMs(res.headers)) : undefined;
    throw new GraphApiError(`Graph API ${res.status}${code !== undefined ? ` (code ${code})` : ''}: ${error.success ? error.data.error.message : text.slice(0, 200)}`, res.status, code, wait);
  }
}

/** `X-Business-Use-Case-Usage` carries `estimated_time_to_regain_access` in minutes per business id. */
function regainAccessMs(headers: Headers): number | undefined {
  const raw = headers.get('x-business-use-case-usage');
  if (!raw) return undefined;
  try {
    const usage = z.record(z.string(), z.array(z.object({ estimated_time_to_regain_access: z.number().optional() }))).parse(JSON.parse(raw));
    const minutes = Math.max(0, ...Object.values(usage).flat().map((u) => u.estimated_time_to_regain_access ?? 0));
    return minutes > 0 ? minutes * 60_000 : undefined;
  } catch {
    return undefined;
  }
}
