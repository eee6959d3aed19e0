/**
 * Facebook pages via the Graph API: page posts and their comments polled (posts within a watch window,
 * comments of a post only when its comment count changed, `since` per post from the checkpoint), plus the
 * page webhook for real-time comments (see facebook-webhook.ts). Comments by the page itself are brand replies.
 */
import type { Router } from 'express';
import { z } from 'zod';
import { acceptMentions, quarantine, type Candidate } from './accept.ts';
import { backoffDelay, sleep } from './backoff.ts';
import { Checkpoints } from './checkpoint.ts';
import { GraphApiError, GraphClient, GraphComment, GraphPost } from './facebook-graph.ts';
import { commentCandidate, fromGraphComment, postCandidate, type PageContext } from './facebook-map.ts';
import { createFacebookWebhookRouter } from './facebook-webhook.ts';
import { BaseSourceOptions, parseSourceOptions, SourceOptionsError } from './options.ts';
import { QuarantineOnce } from './quarantine-once.ts';
import { SeenSet } from './seen.ts';
import type { Emit, Ingestor, IngestorContext, IngestorFactory } from './types.ts';

export const FacebookOptions = BaseSourceOptions.extend({
  type: z.literal('facebook'),
  graphBaseUrl: z.string().url().default('https://graph.facebook.com'),
  graphVersion: z.string().regex(/^v\d+\.\d+$/, 'a Graph API version such as "v21.0"').default('v21.0'),
  pages: z.array(z.object({ id: z.string().regex(/^\d+$/, 'a numeric page id'), brand: z.string().optional() }).strict()).min(1),
  /** `feed` includes visitors' posts on the page (where many complaints land); `posts` only the page's own. */
  postsEdge: z.enum(['feed', 'posts']).default('feed'),
  pollSeconds: z.number().positive().default(300),
  /** Posts this young are watched for new comments. */
  watchDays: z.number().positive().max(90).default(7),
  pageSize: z.number().int().min(1).max(100).default(50),
  maxPages: z.number().int().min(1).max(100).default(10),
  timeoutMs: z.number().int().positive().default(20_000),
  seenLimit: z.number().int().min(100).default(10_000),
  backoffBaseSeconds: z.number().positive().default(30),
  backoffMaxSeconds: z.number().positive().default(3600),
  webhookPath: z.string().startsWith('/').default('/webhooks/facebook'),
}).strict();
export type FacebookOptions = z.infer<typeof FacebookOptions>;

const PageState = z.object({
  seen: z.array(z.string()).default([]),
  /** Per post: comment count last processed and the newest comment time seen (epoch seconds). */
  posts: z.record(z.string(), z.object({ count: z.number(), since: z.number() })).default({}),
  /** Hashes of malformed posts and comments quarantined already: the watch window lists a post on every poll. */
  quarantined: z.array(z.string()).default([]),
});

/**
 * The comment count decides whether a post's comments are fetched again. Graph counts only top-level comments by
 * default (`filter=toplevel`), so a reply to a comment would leave it unchanged and never be fetched: count at
 * every level, as the comments listing (`filter=stream`) returns them.
 */
const POST_FIELDS = 'id,message,created_time,permalink_url,from{id,name},shares,comments.filter(stream).summary(true).limit(0),reactions.summary(true).limit(0)';
const COMMENT_FIELDS = 'id,message,created_time,permalink_url,from{id,name},parent{id},like_count,comment_count';

export class FacebookIngestor implements Ingestor {
  readonly type = 'facebook';
  readonly name: string;
  private readonly graph: GraphClient;
  private readonly checkpoints: Checkpoints;
  private readonly log: IngestorContext['log'];
  private readonly pages: PageContext[];
  /** Ids emitted by the webhook since start, so the poller skips them (the checkpoint covers restarts). */
  private readonly webhookSeen: SeenSet;

  constructor(
    private readonly options: FacebookOptions,
    private readonly context: IngestorContext,
  ) {
    this.name = options.name;
    if (!context.secrets.facebookAccessToken) throw new Error(`source "${options.name}": set FACEBOOK_ACCESS_TOKEN in the environment`);
    this.graph = new GraphClient({
      baseUrl: options.graphBaseUrl,
      version: options.graphVersion,
      accessToken: context.secrets.facebookAccessToken,
      appSecret: context.secrets.facebookAppSecret,
      timeoutMs: options.timeoutMs,
    });
    this.checkpoints = new Checkpoints(context.state, options.name, context.log);
    this.log = context.log.child({ source: options.name });
    this.pages = options.pages.map((p) => ({ pageId: p.id, brand: p.brand }));
    this.webhookSeen = new SeenSet(options.seenLimit);
  }

  /** The page webhook for this source's pages; mount it on the public server. */
  webhookRouter(emit: Emit): Router {
    return createFacebookWebhookRouter({
      pages: this.pages,
      appSecret: this.context.secrets.facebookAppSecret,
      verifyToken: this.context.secrets.facebookVerifyToken,
      emit,
      source: this.name,
      context: this.context,
      onEmitted: (id) => this.webhookSeen.add(id),
      path: this.options.webhookPath,
    });
  }

  async run(emit: Emit, signal: AbortSignal): Promise<void> {
    await Promise.all(this.pages.map((page) => this.pollLoop(page, emit, signal)));
  }

  private async pollLoop(page: PageContext, emit: Emit, signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let wait = this.options.pollSeconds * 1000;
      try {
        await this.pollOnce(page, emit, signal);
        failures = 0;
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        const backoff = backoffDelay(failures, { baseMs: this.options.backoffBaseSeconds * 1000, maxMs: this.options.backoffMaxSeconds * 1000 });
        // A Retry-After may lengthen our backoff, never shorten it ("0" or a past date would hammer the API).
        wait = Math.max(err instanceof GraphApiError ? (err.retryAfterMs ?? 0) : 0, backoff);
        this.log.error({ page: page.pageId, err: (err as Error).message, waitMs: wait }, 'Graph API poll failed; backing off');
        this.context.status.error(this.name, `page ${page.pageId}: ${(err as Error).message}`);
      }
      await sleep(wait, signal);
    }
  }

  /** One poll of one page: new posts, then new comments of watched posts whose count changed. */
  async pollOnce(page: PageContext, emit: Emit, signal: AbortSignal): Promise<number> {
    const key = `page:${page.pageId}`;
    const state = (await this.checkpoints.load(key, PageState)) ?? PageState.parse({});
    const seen = new SeenSet(this.options.seenLimit, state.seen);
    const parked = new QuarantineOnce(this.options.seenLimit, state.quarantined, (reason, raw) => quarantine(this.name, reason, raw, this.context));
    const watchSince = Math.floor(Date.now() / 1000 - this.options.watchDays * 86_400);
    const posts = await this.graph.list(`${page.pageId}/${this.options.postsEdge}`, { fields: POST_FIELDS, since: String(watchSince), limit: String(this.options.pageSize) }, GraphPost, this.options.maxPages, signal);
    for (const bad of posts.invalid) await parked.park(bad.reason, bad.raw);
    // Graph lists newest first; emit oldest first so a thread's root precedes its replies.
    const ordered = [...posts.items].reverse();
    const postCandidates = ordered.map((p) => postCandidate(p, page));
    let emitted = await this.emitNew(postCandidates, seen, emit);
    // The posts of the watch window are listed on every poll, while comments are asked for since the newest seen:
    // the posts' ids are kept youngest in the bounded set, or a busy page's comments push them out and the next
    // poll emits them again.
    const listedPosts = postCandidates.flatMap((c) => (c === undefined ? [] : [String(c.mention.id)]));
    seen.record(listedPosts);
    await this.checkpoints.save(key, { seen: seen.toJSON(), posts: state.posts, quarantined: parked.toJSON() });

    const watched: z.infer<typeof PageState>['posts'] = {};
    for (const post of ordered) {
      const count = post.comments?.summary?.total_count;
      const before = state.posts[post.id];
      watched[post.id] = before ?? { count: 0, since: watchSince };
      // Unchanged count (or none at all): nothing new to fetch for this post.
      if (count !== undefined && (before ? before.count === count : count === 0)) continue;
      const since = before?.since ?? watchSince;
      const comments = await this.graph.list(
        `${post.id}/comments`,
        { fields: COMMENT_FIELDS, filter: 'stream', order: 'chronological', since: String(since), limit: String(this.options.pageSize) },
        GraphComment,
        this.options.maxPages,
        signal,
      );
      for (const bad of comments.invalid) await parked.park(bad.reason, bad.raw);
      const candidates = comments.items.map((c) => commentCandidate(fromGraphComment(c, post.id), page, c));
      emitted += await this.emitNew(candidates, seen, emit);
      // A comment dated in the future (refused by the gate) must not move `since` past every real comment to come.
      const latestPlausible = Math.floor(Date.now() / 1000) + 86_400;
      const newest = comments.items.reduce((max, c) => {
        const at = Math.floor(Date.parse(c.created_time) / 1000);
        return at > latestPlausible ? max : Math.max(max, at);
      }, since);
      // `since` is inclusive at second granularity: the seen set absorbs the overlap. When maxPages cut the
      // listing, the count stays unrecorded (-1) so the next poll continues from `newest` instead of skipping.
      if (comments.truncated) this.log.warn({ post: post.id, maxPages: this.options.maxPages }, 'comment listing hit maxPages; the rest follows next poll');
      watched[post.id] = { count: comments.truncated ? -1 : (count ?? comments.items.length), since: newest };
      await this.checkpoints.save(key, { seen: seen.toJSON(), posts: { ...state.posts, ...watched }, quarantined: parked.toJSON() });
    }
    seen.record(listedPosts);
    // Posts that left the watch window drop out of the checkpoint, keeping it bounded.
    await this.checkpoints.save(key, { seen: seen.toJSON(), posts: watched, quarantined: parked.toJSON() });
    this.context.status.success(this.name, emitted);
    return emitted;
  }

  private async emitNew(candidates: Array<Candidate | undefined>, seen: SeenSet, emit: Emit): Promise<number> {
    const fresh = candidates.filter((c): c is Candidate => c !== undefined && !seen.has(String(c.mention.id)) && !this.webhookSeen.has(String(c.mention.id)));
    const skipped = candidates.length - candidates.filter((c) => c !== undefined).length;
    if (skipped > 0) this.log.debug({ skipped }, 'posts/comments without text (photos, stickers) skipped');
    const mentions = await acceptMentions(this.name, fresh, this.context);
    if (mentions.length > 0) await emit(mentions);
    for (const c of fresh) seen.add(String(c.mention.id));
    return mentions.length;
  }
}

export const facebookIngestorFactory: IngestorFactory = {
  type: 'facebook',
  create(source, context) {
    const options = parseSourceOptions(FacebookOptions, source);
    const known = new Set(context.brands.map((b) => b.id));
    const issues = options.pages.flatMap((page, j) =>
      page.brand && !known.has(page.brand)
        ? [{ code: 'custom' as const, path: ['pages', j, 'brand'], message: `unknown brand "${page.brand}"`, input: page.brand }]
        : [],
    );
    if (issues.length > 0) throw new SourceOptionsError(source.name, new z.ZodError(issues));
    return new FacebookIngestor(options, context);
  },
};
