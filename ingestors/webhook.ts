/**
 * POST /api/ingest: push Mentions in from anywhere (a Mention or an array of them). Bearer-token auth, a body
 * size limit, per-item schema validation with per-item errors in the response, and an acknowledgement only
 * after `emit` resolved, so a 2xx means the accepted items are on the bus.
 *
 * Responses: 200 all accepted, 207 some rejected, 422 all rejected, 400 bad JSON or shape, 401 bad token,
 * 413 too large, 415 not JSON, 503 no token configured, or the bus refused the items or did not take them within
 * `handoffTimeoutMs` (nothing acknowledged; resend after Retry-After: a post is kept once per id).
 */
import { deletedByRetention } from '../src/store/retention.ts';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { formatZodIssues } from '../src/config.ts';
import { isJsonContentType } from '../src/http-content-type.ts';
import { childLogger, type Logger } from '../src/log.ts';
import { Mention } from '../src/model.ts';
import { implausibleTime } from './accept.ts';
import { bearerToken, secretEquals } from './auth.ts';
import { withTimeout } from '../src/retry.ts';
import { INGESTOR_SOURCES } from './source-names.ts';
import { countIngestPosts, countIngestRequest, exportIngestMetrics } from './metrics.ts';

export interface IngestRouterOptions {
  emit: (mentions: Mention[]) => Promise<void>;
  /** KUNDENRADAR_INGEST_TOKEN; without one the endpoint refuses everything rather than run open. */
  token: string | undefined;
  maxBodyBytes?: number;
  maxItems?: number;
  /** Parks a rejected item with the reason (dead-letter topic). */
  quarantine: (reason: string, raw: unknown) => Promise<void>;
  log?: Logger;
  /**
   * Longest wait for the bus (default 15 s). Kafka down, kafkajs retries for minutes; the sender's own timeout
   * (10–30 s for most webhook senders) would end first with no answer at all (QA: no response in 150 s).
   */
  handoffTimeoutMs?: number;
  /**
   * The store's retention in days, when it deletes old months (Elasticsearch): a post from such a month is refused
   * here with the reason, rather than answered "accepted" and dropped by the index stage later (QA ops).
   */
  retentionDays?: number;
  /** Sources other ingestors write (`sourcesRefusedByWebhook`); default: the built-in ones. */
  refusedSources?: ReadonlySet<string>;
  /** The configured brands' ids: a pushed `brandContext` may name only these. Default: not checked. */
  brandIds?: ReadonlySet<string>;
}


export interface IngestResponse {
  accepted: number;
  rejected: Array<{ index: number; errors: string[] }>;
}

export function createIngestRouter(options: IngestRouterOptions): Router {
  const { emit, token, quarantine } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const maxItems = options.maxItems ?? 1000;
  const log = options.log ?? childLogger('ingest-webhook');
  const refusedSources = options.refusedSources ?? new Set(INGESTOR_SOURCES);
  const router = express.Router();
  exportIngestMetrics();

  // Every answer counts, whichever step gave it (auth, size, JSON, the bus).
  const countResponse = (_req: Request, res: Response, next: NextFunction): void => {
    res.once('finish', () => countIngestRequest(res.statusCode));
    next();
  };

  const authenticate = (req: Request, res: Response, next: NextFunction): void => {
    if (!token) {
      log.error('POST /api/ingest refused: KUNDENRADAR_INGEST_TOKEN is not set');
      res.status(503).json({ error: 'ingest is disabled: the server has no KUNDENRADAR_INGEST_TOKEN' });
      return;
    }
    const given = bearerToken(req.get('authorization'));
    if (!given || !secretEquals(given, token)) {
      log.warn({ ip: req.ip }, 'POST /api/ingest with a missing or wrong bearer token');
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'missing or wrong bearer token' });
      return;
    }
    next();
  };

  // Raw body so that size (413) and JSON syntax (400) get our own clear answers, after authentication.
  const rawJson = express.raw({ type: () => true, limit: maxBodyBytes });

  router.post('/api/ingest', countResponse, authenticate, (req, res, next) => {
    if (!isJsonContentType(req.get('content-type'))) {
      res.status(415).json({ error: 'send Content-Type: application/json' });
      return;
    }
    rawJson(req, res, (err?: unknown) => {
      if (err === undefined) return next();
      const e = err as { type?: string; status?: number; message?: string };
      if (e.type === 'entity.too.large') {
        log.warn({ limit: maxBodyBytes }, 'POST /api/ingest body too large');
        res.status(413).json({ error: `body larger than ${maxBodyBytes} bytes` });
        return;
      }
      next(err);
    });
  }, async (req, res) => {
    const read = readJson(req.body);
    if (!read.ok) {
      log.warn({ err: read.error }, 'POST /api/ingest with an unreadable body');
      res.status(400).json({ error: read.error });
      return;
    }
    const body = read.value;
    if (nestedDeeperThan(body, MAX_JSON_DEPTH)) {
      // A Mention is a few levels deep; thousands of nested arrays only exhaust the stack of whatever reads them next.
      log.warn({ limit: MAX_JSON_DEPTH }, 'POST /api/ingest body nested too deeply');
      res.status(400).json({ error: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` });
      return;
    }
    const items = Array.isArray(body) ? body : [body];
    if (items.length === 0 || items.length > maxItems) {
      res.status(400).json({ error: `send a Mention or an array of 1..${maxItems} Mentions` });
      return;
    }
    const accepted: Mention[] = [];
    const rejected: IngestResponse['rejected'] = [];
    const firstIndexOf = new Map<string, number>();
    for (const [index, item] of items.entries()) {
      const parsed = Mention.safeParse(item);
      if (!parsed.success) {
        rejected.push({ index, errors: formatZodIssues(parsed.error) });
        continue;
      }
      const now = Date.now();
      const badTime =
        implausibleTime(parsed.data.createdAt, now) ??
        (options.retentionDays === undefined ? undefined : deletedByRetention(parsed.data.createdAt, options.retentionDays, now));
      if (badTime !== undefined) {
        rejected.push({ index, errors: [badTime] });
        continue;
      }
      // Ids are "<source>:<native id>": a pushed post named after another source would overwrite that source's post,
      // whether the id or the `source` field names it.
      if (refusedSources.has(parsed.data.source)) {
        rejected.push({ index, errors: [`source: "${parsed.data.source}" is written by an ingestor of this server; a push may not replace its posts (choose another source name, or list it in ingest.webhookSources)`] });
        continue;
      }
      if (!parsed.data.id.startsWith(`${parsed.data.source}:`)) {
        rejected.push({ index, errors: [`id: must start with "${parsed.data.source}:" (its source), got "${parsed.data.id.slice(0, 80)}"`] });
        continue;
      }
      const trespass = foreignFields(parsed.data, options.brandIds);
      if (trespass.length > 0) {
        rejected.push({ index, errors: trespass });
        continue;
      }
      // The store keeps one post per id: a second copy in the same request would be counted as accepted and vanish.
      const first = firstIndexOf.get(parsed.data.id);
      if (first !== undefined) {
        rejected.push({ index, errors: [`id: same id as item ${first}; send each post once`] });
        continue;
      }
      firstIndexOf.set(parsed.data.id, index);
      // When it reached us is ours to say, not the sender's.
      accepted.push({ ...parsed.data, ingestedAt: new Date(now).toISOString() });
    }
    const handoff = (async () => {
      // Rejected items are parked first: if the bus then fails, a resend repeats nothing but the parking.
      for (const r of rejected) await quarantine(`ingest item ${r.index} rejected: ${r.errors.join('; ')}`, items[r.index]);
      if (accepted.length > 0) await emit(accepted);
    })();
    try {
      const ms = options.handoffTimeoutMs ?? 15_000;
      await withTimeout(handoff, ms, `the bus did not take the items within ${ms / 1000} s`);
    } catch (err) {
      // Timed out: the hand-off may still finish later. Resending is safe (the store keeps a post once per id).
      handoff.catch(() => undefined);
      log.error({ err: (err as Error).message, items: accepted.length }, 'POST /api/ingest could not hand items to the bus');
      countIngestPosts('unavailable', items.length);
      res
        .status(503)
        .set('Retry-After', '30')
        .json({ error: `the items were not taken (${(err as Error).message}); send them again: they may still arrive, and a post is kept once per id` });
      return;
    }
    countIngestPosts('accepted', accepted.length);
    countIngestPosts('rejected', rejected.length);
    if (rejected.length > 0) log.warn({ accepted: accepted.length, rejected: rejected.length }, 'POST /api/ingest rejected items');
    const status = rejected.length === 0 ? 200 : accepted.length === 0 ? 422 : 207;
    res.status(status).json({ accepted: accepted.length, rejected } satisfies IngestResponse);
  });

  return router;
}

/**
 * What a pushed post may not claim: a thread of another source (a post marked as the brand's would answer, and close,
 * the unanswered complaints of that source's thread), or the space of a brand this server does not track (QA round 6).
 */
function foreignFields(m: Mention, brandIds: ReadonlySet<string> | undefined): string[] {
  const errors: string[] = [];
  const own = `${m.source}:`;
  if (!m.thread.rootId.startsWith(own)) errors.push(`thread.rootId: must be a post of the same source ("${own}…"), got "${m.thread.rootId.slice(0, 80)}"`);
  if (m.thread.parentId !== undefined && !m.thread.parentId.startsWith(own)) {
    errors.push(`thread.parentId: must be a post of the same source ("${own}…"), got "${m.thread.parentId.slice(0, 80)}"`);
  }
  const unknown = brandIds === undefined ? [] : m.brandContext.filter((b) => !brandIds.has(b));
  if (unknown.length > 0) errors.push(`brandContext: ${unknown.map((b) => JSON.stringify(b.slice(0, 64))).join(', ')} is no configured brand id`);
  return errors;
}

/** Far above any Mention's nesting, far below what recursive readers (JSON.stringify, the schema) survive. */
const MAX_JSON_DEPTH = 32;

/** Whether `value` nests arrays/objects more than `limit` levels deep; iterative, so it cannot exhaust the stack itself. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

type JsonRead = { ok: true; value: unknown } | { ok: false; error: string };

function readJson(raw: unknown): JsonRead {
  // A JSON parser mounted before this router already read the body: use its result rather than fail.
  if (raw !== undefined && !Buffer.isBuffer(raw)) return { ok: true, value: raw };
  let text: string;
  try {
    // JSON on the wire is UTF-8 (RFC 8259); invalid bytes would otherwise turn into U+FFFD unnoticed.
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw ?? new Uint8Array());
  } catch {
    return { ok: false, error: 'body is not valid UTF-8' };
  }
  if (text.trim() === '') return { ok: false, error: 'empty body: send a Mention or an array of Mentions as JSON' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: `invalid JSON: ${(err as Error).message}` };
  }
}
