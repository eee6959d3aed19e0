/**
 * HTTP for feeds: conditional GET (ETag / Last-Modified → 304), a body size cap, the server's Retry-After on
 * 429/503 honoured, and bytes decoded by the feed's declared charset.
 */
import { rateLimitWaitMs } from './backoff.ts';
import { decodeXmlBytes } from './text.ts';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FeedResponse =
  | { kind: 'not-modified' }
  | { kind: 'ok'; text: string; charset: string; validators: Validators; problem?: string };

export class FeedHttpError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    /** The server asked us to wait this long (Retry-After / rate-limit reset). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'FeedHttpError';
  }
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

export async function fetchFeed(url: string, validators: Validators, options: FetchOptions, signal: AbortSignal): Promise<FeedResponse> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let res: Response;
  try {
    res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]) });
  } catch (err) {
    const cause = (err as Error & { cause?: Error }).cause?.message;
    throw new FeedHttpError(`GET ${url} failed: ${(err as Error).message}${cause ? ` (${cause})` : ''}`, undefined);
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { kind: 'not-modified' };
  }
  if (!res.ok) {
    await res.body?.cancel();
    const wait = res.status === 429 || res.status === 503 ? rateLimitWaitMs(res.headers) : undefined;
    throw new FeedHttpError(`GET ${url} answered ${res.status} ${res.statusText}`, res.status, wait);
  }
  const bytes = await readCapped(res, options.maxBytes, url);
  const decoded = decodeXmlBytes(bytes, res.headers.get('content-type'));
  return {
    kind: 'ok',
    text: decoded.text,
    charset: decoded.charset,
    problem: decoded.problem,
    validators: { etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined },
  };
}

/** Reads the body but stops at `maxBytes`: a runaway feed must not fill memory. */
async function readCapped(res: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new FeedHttpError(`GET ${url}: body of ${declared} bytes exceeds the limit of ${maxBytes} bytes (maxBytes)`, res.status);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!res.body) return new Uint8Array();
  for await (const chunk of res.body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new FeedHttpError(`GET ${url}: body exceeds the limit of ${maxBytes} bytes (maxBytes)`, res.status);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
