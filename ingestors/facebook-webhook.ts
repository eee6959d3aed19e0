/**
 * The page webhook (Meta "feed" field) as an Express router: GET answers the subscription challenge when
 * hub.verify_token matches; POST is accepted only with a valid X-Hub-Signature-256 over the raw body, and
 * answered 200 only after the comments are emitted (a 5xx makes Meta deliver again).
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { formatZodIssues } from '../src/config.ts';
import type { Logger } from '../src/log.ts';
import type { Mention } from '../src/model.ts';
import { acceptMentions, quarantine, type Candidate, type GateContext } from './accept.ts';
import { hubSignatureValid, secretEquals } from './auth.ts';
import { GraphFrom, GraphTime } from './facebook-graph.ts';
import { commentCandidate, type CommentInput, type PageContext } from './facebook-map.ts';
import type { IngestorContext } from './types.ts';

/** What every change says about itself; only `feed` changes are read further. */
const ChangeHeader = z.object({ field: z.string(), value: z.unknown() });
/** What a `feed` change is about: a comment, a reaction, a share, … and what happened to it. */
const FeedItem = z.looseObject({ item: z.string(), verb: z.string() });
/** A new or edited comment: everything a Mention needs, checked before anything is mapped. */
const CommentValue = z.object({
  comment_id: z.string().min(1),
  post_id: z.string().min(1),
  /** A top-level comment's parent_id is the post itself. */
  parent_id: z.string().optional(),
  message: z.string().optional(),
  created_time: GraphTime,
  from: GraphFrom.optional(),
});
/** Entries are checked one by one (`Entry`), so one malformed entry costs only its own changes. */
const Notification = z.object({ object: z.string(), entry: z.array(z.unknown()).default([]) });
const Entry = z.object({ id: z.string(), time: z.number().optional(), changes: z.array(z.unknown()).default([]) });

/** Only new and edited comments are mentions; removals and hidden comments are not. */
const COMMENT_VERBS = new Set(['add', 'edited']);

/**
 * What one change turned out to be. `ignored` is by design (likes, reactions, shares, other fields: not
 * comments); `malformed` broke its schema and is quarantined.
 */
type ChangeReading =
  | { kind: 'comment'; comment: CommentInput }
  | { kind: 'ignored'; what: { field: string; item?: string; verb?: string } }
  | { kind: 'malformed'; problem: string; commentId?: string };

/** What a whole notification yielded. */
interface NotificationReading {
  candidates: Candidate[];
  ignored: number;
  quarantined: number;
}

export interface FacebookWebhookOptions {
  pages: PageContext[];
  appSecret: string | undefined;
  verifyToken: string | undefined;
  emit: (mentions: Mention[]) => Promise<void>;
  /** Source name for quarantine and status. */
  source: string;
  context: Pick<IngestorContext, 'quarantine' | 'log' | 'status'>;
  /** Called for every emitted comment id, so the poller does not emit it again. */
  onEmitted?: (id: string) => void;
  path?: string;
  maxBodyBytes?: number;
}

export function createFacebookWebhookRouter(options: FacebookWebhookOptions): Router {
  const path = options.path ?? '/webhooks/facebook';
  const log: Logger = options.context.log.child({ source: options.source, webhook: 'facebook' });
  const pages = new Map(options.pages.map((p) => [p.pageId, p]));
  const gate: GateContext = { quarantine: options.context.quarantine, log };
  const router = express.Router();

  router.get(path, (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (!options.verifyToken || mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string' || !secretEquals(token, options.verifyToken)) {
      log.warn({ mode }, 'facebook webhook verification refused: wrong or missing hub.verify_token');
      res.status(403).type('text/plain').send('verification failed');
      return;
    }
    log.info('facebook webhook subscription verified');
    res.status(200).type('text/plain').send(challenge);
  });

  router.post(path, express.raw({ type: () => true, limit: options.maxBodyBytes ?? 1024 * 1024 }), async (req, res) => {
    if (req.body !== undefined && !Buffer.isBuffer(req.body)) {
      // The signature covers the exact bytes Meta sent; a body parser that ran first has thrown them away.
      log.error('facebook webhook cannot check signatures: mount its router before any JSON body parser');
      res.status(500).json({ error: 'webhook misconfigured' });
      return;
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!options.appSecret) {
      log.error('facebook webhook refused: FACEBOOK_APP_SECRET is not set, signatures cannot be checked');
      res.status(503).json({ error: 'webhook disabled: no app secret configured' });
      return;
    }
    if (!hubSignatureValid(raw, req.get('x-hub-signature-256'), options.appSecret)) {
      log.warn({ ip: req.ip }, 'facebook webhook refused: X-Hub-Signature-256 missing or wrong');
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    let notification: z.infer<typeof Notification>;
    try {
      // Fatal decoding: invalid bytes turned into U+FFFD inside the stored comments, unnoticed (QA round 6).
      notification = Notification.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)));
    } catch (err) {
      // Signed by Meta yet unreadable: park it, and answer 200 so Meta does not resend it for days.
      const reason = `facebook webhook body unreadable: ${(err as Error).message.slice(0, 300)}`;
      log.warn({ reason }, 'facebook webhook quarantined');
      await options.context.quarantine(options.source, reason, raw.toString('utf8').slice(0, 64 * 1024));
      res.status(200).json({ received: 0 });
      return;
    }
    const reading = await readNotification(notification.entry, pages, options.source, gate);
    try {
      const mentions = await acceptMentions(options.source, reading.candidates, gate);
      if (mentions.length > 0) await options.emit(mentions);
      for (const m of mentions) options.onEmitted?.(m.id);
      options.context.status.success(options.source, mentions.length);
      // The gate quarantined the candidates it refused.
      const quarantined = reading.quarantined + reading.candidates.length - mentions.length;
      res.status(200).json({ received: mentions.length, ignored: reading.ignored, quarantined });
    } catch (err) {
      log.error({ err: (err as Error).message }, 'facebook webhook comments could not be emitted; Meta will retry');
      options.context.status.error(options.source, `webhook: ${(err as Error).message}`);
      res.status(500).json({ error: 'could not store the notification; retry' });
    }
  });
  return router;
}

/** Sorts every change of a notification; a malformed entry or change is quarantined on its own, with its place. */
async function readNotification(entries: unknown[], pages: Map<string, PageContext>, source: string, gate: GateContext): Promise<NotificationReading> {
  const reading: NotificationReading = { candidates: [], ignored: 0, quarantined: 0 };
  const park = async (reason: string, raw: unknown): Promise<void> => {
    reading.quarantined++;
    await quarantine(source, `facebook webhook ${reason}`, raw, gate);
  };
  for (const [i, raw] of entries.entries()) {
    const entry = Entry.safeParse(raw);
    if (!entry.success) {
      await park(`entry ${i + 1} of ${entries.length}: ${formatZodIssues(entry.error).join('; ')}`, raw);
      continue;
    }
    const page = pages.get(entry.data.id);
    if (!page) {
      gate.log.warn({ page: entry.data.id }, 'facebook webhook for a page not configured; ignored');
      reading.ignored += entry.data.changes.length;
      continue;
    }
    const { changes } = entry.data;
    for (const [j, change] of changes.entries()) {
      const read = readChange(change);
      const where = `page ${page.pageId} change ${j + 1} of ${changes.length}`;
      if (read.kind === 'malformed') await park(`${where}${read.commentId ? ` (comment ${read.commentId})` : ''}: ${read.problem}`, change);
      else keep(reading, read, { page, change, where }, gate.log);
    }
  }
  return reading;
}

/** Keeps a comment as a candidate; counts, and logs at debug, what is ignored by design. */
function keep(reading: NotificationReading, read: Exclude<ChangeReading, { kind: 'malformed' }>, at: { page: PageContext; change: unknown; where: string }, log: Logger): void {
  const candidate = read.kind === 'comment' ? commentCandidate(read.comment, at.page, at.change) : undefined;
  if (candidate) {
    reading.candidates.push(candidate);
    return;
  }
  reading.ignored++;
  if (read.kind === 'ignored') log.debug({ change: at.where, ...read.what }, 'facebook webhook change ignored (not a comment)');
  else log.debug({ change: at.where, comment: read.comment.id }, 'comment without text (sticker/photo) skipped');
}

/** A comment to map, a change that is not about a comment, or one that broke its schema. */
function readChange(change: unknown): ChangeReading {
  const header = ChangeHeader.safeParse(change);
  if (!header.success) return { kind: 'malformed', problem: formatZodIssues(header.error).join('; ') };
  const { field, value } = header.data;
  if (field !== 'feed') return { kind: 'ignored', what: { field } };
  const feed = FeedItem.safeParse(value);
  if (!feed.success) return { kind: 'malformed', problem: formatZodIssues(feed.error, ['value']).join('; ') };
  const { item, verb } = feed.data;
  if (item !== 'comment' || !COMMENT_VERBS.has(verb)) return { kind: 'ignored', what: { field, item, verb } };
  const comment = CommentValue.safeParse(value);
  if (!comment.success) {
    const commentId = typeof feed.data.comment_id === 'string' ? feed.data.comment_id : undefined;
    return { kind: 'malformed', problem: formatZodIssues(comment.error, ['value']).join('; '), commentId };
  }
  const v = comment.data;
  return { kind: 'comment', comment: { id: v.comment_id, postId: v.post_id, parentId: v.parent_id, message: v.message, createdTime: v.created_time, from: v.from } };
}
