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
import { commentCandidate, type PageContext } from './facebook-map.ts';
import type { IngestorContext } from './types.ts';

const FeedChange = z.object({
  field: z.string(),
  value: z.looseObject({ item: z.string().optional(), verb: z.string().optional() }),
});
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
const Notification = z.object({
  object: z.string(),
  entry: z.array(z.object({ id: z.string(), time: z.number().optional(), changes: z.array(z.unknown()).default([]) })).default([]),
});

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
      notification = Notification.parse(JSON.parse(raw.toString('utf8')));
    } catch (err) {
      // Signed by Meta yet unreadable: park it, and answer 200 so Meta does not resend it for days.
      const reason = `facebook webhook body unreadable: ${(err as Error).message.slice(0, 300)}`;
      log.warn({ reason }, 'facebook webhook quarantined');
      await options.context.quarantine(options.source, reason, raw.toString('utf8').slice(0, 64 * 1024));
      res.status(200).json({ received: 0 });
      return;
    }
    const candidates: Candidate[] = [];
    for (const entry of notification.entry) {
      const page = pages.get(entry.id);
      if (!page) {
        log.warn({ page: entry.id }, 'facebook webhook for a page not configured; ignored');
        continue;
      }
      for (const [j, change] of entry.changes.entries()) {
        const parsed = FeedChange.safeParse(change);
        if (!parsed.success || parsed.data.field !== 'feed') continue;
        // Only new and edited comments are mentions; likes, reactions, shares and removals are not.
        if (parsed.data.value.item !== 'comment' || (parsed.data.value.verb !== 'add' && parsed.data.value.verb !== 'edited')) continue;
        const comment = CommentValue.safeParse(parsed.data.value);
        if (!comment.success) {
          const where = `facebook webhook page ${entry.id} change ${j + 1} of ${entry.changes.length}${commentNote(parsed.data.value)}`;
          await quarantine(options.source, `${where}: ${formatZodIssues(comment.error, ['value']).join('; ')}`, change, gate);
          continue;
        }
        const v = comment.data;
        const candidate = commentCandidate(
          { id: v.comment_id, postId: v.post_id, parentId: v.parent_id, message: v.message, createdTime: v.created_time, from: v.from },
          page,
          change,
        );
        if (candidate) candidates.push(candidate);
        else log.debug({ comment: v.comment_id }, 'comment without text (sticker/photo) skipped');
      }
    }
    try {
      const mentions = await acceptMentions(options.source, candidates, gate);
      if (mentions.length > 0) await options.emit(mentions);
      for (const m of mentions) options.onEmitted?.(m.id);
      options.context.status.success(options.source, mentions.length);
      res.status(200).json({ received: mentions.length });
    } catch (err) {
      log.error({ err: (err as Error).message }, 'facebook webhook comments could not be emitted; Meta will retry');
      options.context.status.error(options.source, `webhook: ${(err as Error).message}`);
      res.status(500).json({ error: 'could not store the notification; retry' });
    }
  });
  return router;
}

/** Names the comment in a quarantine reason when the change carries a usable comment id. */
function commentNote(value: Record<string, unknown>): string {
  return typeof value.comment_id === 'string' ? ` (comment ${value.comment_id})` : '';
}
