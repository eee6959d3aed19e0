/**
 * RSS/Atom feeds: each feed polled on its own interval with conditional GET, errors backed off per feed, items
 * deduplicated by guid/link against a persisted bounded seen set, and WordPress comment feeds followed so blog
 * comments arrive as replies to their post.
 */
import { z } from 'zod';
import { MAX_TEXT_CHARS } from '../src/model.ts';
import { acceptMentions, quarantine, type Candidate } from './accept.ts';
import { backoffDelay, sleep } from './backoff.ts';
import { Checkpoints } from './checkpoint.ts';
import { BaseSourceOptions, parseSourceOptions, SourceOptionsError } from './options.ts';
import { QuarantineOnce } from './quarantine-once.ts';
import { fetchFeed, FeedHttpError, type FetchOptions } from './rss-fetch.ts';
import { baseOf, XmlAttributes } from './rss-links.ts';
import { commentFeedUrl, createFeedParser, FeedItem, feedItemId, itemKey, mapFeedItem, unscopedItemId, type FeedContext, type ParentPost } from './rss-map.ts';
import { xhtmlAsCdata } from './rss-xhtml.ts';
import { SeenSet } from './seen.ts';
import type { Emit, Ingestor, IngestorContext, IngestorFactory } from './types.ts';
import { turnTaker } from './yield.ts';

const FeedConfig = z.object({
  url: z.string().url(),
  intervalSeconds: z.number().positive().optional(),
  /** Brand id whose own blog this is: its items get that brand as context. */
  brand: z.string().optional(),
  /** Author names of the blog's owner; their comments are brand replies. */
  ownerNames: z.array(z.string().min(1)).default([]),
  /** Follow `wfw:commentRss` comment feeds. */
  comments: z.boolean().default(true),
  /** `review` for review portals: their items count under the brand's review SLA. */
  channel: z.enum(['blog_post', 'news', 'review']).default('blog_post'),
}).strict();
type FeedConfig = z.infer<typeof FeedConfig>;

export const RssOptions = BaseSourceOptions.extend({
  type: z.literal('rss'),
  feeds: z.array(FeedConfig).min(1),
  intervalSeconds: z.number().positive().default(900),
  timeoutMs: z.number().int().positive().default(20_000),
  maxBytes: z.number().int().positive().default(10 * 1024 * 1024),
  /**
   * Ids remembered per feed beyond those it still lists: every listed id is kept regardless (a feed longer than
   * this would otherwise see its oldest items evicted and emitted again on the next poll).
   */
  seenLimit: z.number().int().min(10).default(5_000),
  /** Comment feeds fetched per poll of a feed (newest posts first). */
  commentFeedsPerPoll: z.number().int().min(0).default(20),
  backoffBaseSeconds: z.number().positive().default(30),
  backoffMaxSeconds: z.number().positive().default(3600),
  userAgent: z.string().default('Kundenradar/0.1 (+https://github.com/kundenradar)'),
}).strict();
export type RssOptions = z.infer<typeof RssOptions>;

const FeedState = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  seen: z.array(z.string()).default([]),
  /**
   * Per post: slash:comments as last processed (a comment feed is fetched again only when it changed) and the
   * comment feed's URL (its checkpoint is dropped once the post leaves the feed).
   */
  comments: z.record(z.string(), z.object({ count: z.string(), url: z.string() })).default({}),
  /** Hashes of the malformed items the feed lists that were quarantined already (see quarantine-once.ts). */
  quarantined: z.array(z.string()).default([]),
});
type FeedState = z.infer<typeof FeedState>;

/** Raw feed text kept with a quarantined feed: enough to see what broke without parking megabytes. */
const QUARANTINE_SNIPPET_CHARS = 64 * 1024;

export class RssIngestor implements Ingestor {
  readonly type = 'rss';
  readonly name: string;
  private readonly checkpoints: Checkpoints;
  private readonly log: IngestorContext['log'];
  private readonly fetchOptions: FetchOptions;

  constructor(
    private readonly options: RssOptions,
    private readonly context: IngestorContext,
  ) {
    this.name = options.name;
    this.checkpoints = new Checkpoints(context.state, options.name, context.log);
    this.log = context.log.child({ source: options.name });
    this.fetchOptions = { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, userAgent: options.userAgent };
  }

  async run(emit: Emit, signal: AbortSignal): Promise<void> {
    // Each feed sleeps and fetches on a signal of its own, stopped through one listener on the caller's signal:
    // dozens of feeds listening on that one signal directly set off Node's listener-leak warning.
    const perFeed = this.options.feeds.map(() => new AbortController());
    const stopAll = (): void => perFeed.forEach((feed) => feed.abort(signal.reason));
    if (signal.aborted) stopAll();
    else signal.addEventListener('abort', stopAll, { once: true });
    try {
      await Promise.all(this.options.feeds.map((feed, i) => this.pollLoop(feed, emit, perFeed[i]!.signal)));
    } finally {
      signal.removeEventListener('abort', stopAll);
    }
  }

  private async pollLoop(feed: FeedConfig, emit: Emit, signal: AbortSignal): Promise<void> {
    const intervalMs = (feed.intervalSeconds ?? this.options.intervalSeconds) * 1000;
    let failures = 0;
    while (!signal.aborted) {
      let wait = intervalMs;
      try {
        await this.pollOnce(feed, emit, signal);
        failures = 0;
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        const backoff = backoffDelay(failures, { baseMs: this.options.backoffBaseSeconds * 1000, maxMs: this.options.backoffMaxSeconds * 1000 });
        // The server's Retry-After (seconds or an HTTP date) may be longer than our backoff, never shorter:
        // "0", a date in the past or a server clock behind ours would otherwise retry an overloaded server at once.
        const asked = err instanceof FeedHttpError ? (err.retryAfterMs ?? 0) : 0;
        wait = Math.max(asked, backoff, 0);
        this.log.error({ feed: feed.url, err: (err as Error).message, failures, waitMs: wait }, 'feed poll failed; backing off');
        this.context.status.error(this.name, `${feed.url}: ${(err as Error).message}`);
      }
      await sleep(wait, signal);
    }
  }

  /** One poll of one feed (and its changed comment feeds). Throws on failures that deserve backoff. */
  async pollOnce(feed: FeedConfig, emit: Emit, signal: AbortSignal): Promise<number> {
    const key = `feed:${feed.url}`;
    const state: FeedState = (await this.checkpoints.load(key, FeedState)) ?? FeedState.parse({});
    const res = await fetchFeed(feed.url, state, this.fetchOptions, signal);
    if (res.kind === 'not-modified') {
      this.log.debug({ feed: feed.url }, 'feed not modified (304)');
      this.context.status.success(this.name, 0);
      return 0;
    }
    if (res.problem) this.log.warn({ feed: feed.url, charset: res.charset, problem: res.problem }, 'feed bytes did not fit their charset');
    const parked = this.parkOnce(state);
    const parsed = await this.parse(key, state, feed.url, res.text, parked);
    const context: FeedContext = {
      url: feed.url,
      brand: feed.brand,
      ownerNames: new Set(feed.ownerNames.map((n) => n.toLowerCase())),
      channel: feed.channel,
      langHint: parsed.language?.slice(0, 8),
    };
    const seen = new SeenSet(this.options.seenLimit, state.seen);
    const posts = await this.newItems(feed.url, parsed.items, seen, parked, (item) => mapFeedItem(item, context));
    const emitted = await this.emitAll(posts.candidates, emit);
    seen.record(posts.listed);
    // Seen ids move only now that the posts are on the bus. Validators wait until the comment feeds are done:
    // a 304 next time would otherwise hide comment feeds that failed or were over budget.
    await this.checkpoints.save(key, { seen: seen.toJSON(), comments: state.comments, quarantined: parked.toJSON() });

    let comments = 0;
    let complete = true;
    const tracked: FeedState['comments'] = {};
    if (feed.comments) {
      let budget = this.options.commentFeedsPerPoll;
      for (const item of posts.all) {
        const postKey = itemKey(item);
        const commentFeed = commentFeedUrl(item, feed.url);
        if (!postKey || !commentFeed) continue;
        const count = item.commentCount ?? '?';
        const before = state.comments[postKey];
        if (before && before.count === count && count !== '?') { tracked[postKey] = before; continue; }
        if (budget-- <= 0) { complete = false; continue; }
        try {
          comments += await this.pollComments({ id: feedItemId(postKey, feed.url), commentFeed }, context, emit, signal);
          tracked[postKey] = { count, url: commentFeed };
        } catch (err) {
          // The post's count stays unrecorded, so the next poll tries its comment feed again.
          complete = false;
          if (before) tracked[postKey] = { count: '?', url: before.url };
          this.log.warn({ feed: commentFeed, err: (err as Error).message }, 'comment feed failed; retried next poll');
          this.context.status.error(this.name, `${commentFeed}: ${(err as Error).message}`);
        }
      }
      // Posts that left the feed: their comment feeds are no longer polled, so their checkpoints go.
      for (const [postKey, { url }] of Object.entries(state.comments)) {
        if (!tracked[postKey] && !posts.all.some((i) => itemKey(i) === postKey)) await this.context.state.deleteState(this.checkpoints.namespace, `comments:${url}`);
      }
    }
    await this.checkpoints.save(key, { ...(complete ? res.validators : {}), seen: seen.toJSON(), comments: tracked, quarantined: parked.toJSON() });
    this.context.status.success(this.name, emitted + comments);
    return emitted + comments;
  }

  private async pollComments(post: ParentPost, context: FeedContext, emit: Emit, signal: AbortSignal): Promise<number> {
    const url = post.commentFeed;
    const key = `comments:${url}`;
    const state: FeedState = (await this.checkpoints.load(key, FeedState)) ?? FeedState.parse({});
    const res = await fetchFeed(url, state, this.fetchOptions, signal);
    if (res.kind === 'not-modified') return 0;
    if (res.problem) this.log.warn({ feed: url, charset: res.charset, problem: res.problem }, 'comment feed bytes did not fit their charset');
    const parked = this.parkOnce(state);
    const parsed = await this.parse(key, state, url, res.text, parked);
    const seen = new SeenSet(this.options.seenLimit, state.seen);
    const fresh = await this.newItems(url, parsed.items, seen, parked, (item) => mapFeedItem(item, context, post));
    const emitted = await this.emitAll(fresh.candidates, emit);
    seen.record(fresh.listed);
    await this.checkpoints.save(key, { ...res.validators, seen: seen.toJSON(), quarantined: parked.toJSON() });
    return emitted;
  }

  /** Quarantine for one fetched document's items, remembering what its checkpoint says was parked already. */
  private parkOnce(state: FeedState): QuarantineOnce {
    return new QuarantineOnce(this.options.seenLimit, state.quarantined, (reason, raw) => quarantine(this.name, reason, raw, this.context));
  }

  /**
   * Parses the feed text. A feed that is not well-formed is quarantined once, like a malformed item (the checkpoint
   * keeps its hash): a broken feed stays broken for hours and is polled again after every backoff, and each poll
   * parked the same body again. Each poll still fails, so the status board shows the error.
   */
  private async parse(key: string, state: FeedState, url: string, text: string, parked: QuarantineOnce): Promise<{ items: FeedItem[]; language?: string }> {
    let output: Awaited<ReturnType<ReturnType<typeof createFeedParser>['parseString']>>;
    try {
      output = await createFeedParser().parseString(xhtmlAsCdata(text));
    } catch (err) {
      const reason = `feed ${url} is not well-formed RSS/Atom: ${(err as Error).message.split('\n').join(' ')}`;
      const fresh = await parked.park(reason, { url, body: text.slice(0, QUARANTINE_SNIPPET_CHARS) });
      await this.checkpoints.save(key, { ...state, quarantined: parked.toJSON() });
      throw new Error(fresh ? reason : `${reason} (the same body as before, quarantined then)`);
    }
    const attributes = XmlAttributes.safeParse(output.xmlAttributes);
    const feedBase = baseOf(attributes.success ? attributes.data : undefined, url);
    const items: FeedItem[] = [];
    const takeTurn = turnTaker();
    for (const raw of output.items) {
      await takeTurn();
      const item = FeedItem.safeParse(raw);
      if (item.success) items.push({ ...item.data, base: baseOf(item.data.xmlAttributes, feedBase) });
      else await parked.park(`feed ${url}: item of unexpected shape: ${item.error.issues[0]?.message ?? ''}`, raw);
    }
    return { items, language: output.language };
  }

  /**
   * Maps unseen items (oldest first, so threads build in order), quarantining what cannot be mapped. `listed` is
   * the id of every item the feed lists, oldest first, to record as seen once the new ones are emitted.
   */
  private async newItems(url: string, items: FeedItem[], seen: SeenSet, parked: QuarantineOnce, map: (item: FeedItem) => ReturnType<typeof mapFeedItem>) {
    const candidates: Candidate[] = [];
    const listed: string[] = [];
    const batch = new Set<string>();
    const keptText = new Map<string, string>();
    let duplicates = 0;
    const takeTurn = turnTaker();
    for (const item of [...items].reverse()) {
      await takeTurn();
      // An item already emitted is not mapped again (HTML to text is most of the work on a long feed).
      const key = itemKey(item);
      const knownId = key === undefined ? undefined : feedItemId(key, url);
      if (knownId !== undefined && seen.has(knownId) && !batch.has(knownId)) {
        batch.add(knownId);
        listed.push(knownId);
        continue;
      }
      const mapped = map(item);
      if ('problem' in mapped) {
        await parked.park(`feed ${url}: ${mapped.problem}`, item);
        continue;
      }
      const id = mapped.candidate.mention.id;
      if (batch.has(id)) {
        duplicates++;
        // A second copy saying something else is parked, not dropped unseen (QA round 6: only a log line told of it).
        if (keptText.has(id) && keptText.get(id) !== mapped.candidate.mention.text) {
          await parked.park(`feed ${url}: lists ${id} twice with different text; the copy further down the feed was kept`, item);
        }
        continue;
      }
      batch.add(id);
      keptText.set(id, mapped.candidate.mention.text);
      listed.push(id);
      if (seen.has(id)) continue;
      // Seen under the id it had before ids were scoped by feed: recorded under the new id, not emitted again.
      if (seen.has(unscopedItemId(itemKey(item) ?? ''))) continue;
      if (mapped.cut > 0) this.log.warn({ id, cut: mapped.cut, max: MAX_TEXT_CHARS }, 'long feed item truncated');
      if (mapped.notes.length > 0) this.log.warn({ feed: url, id, notes: mapped.notes }, 'feed item fields dropped or cut; post kept');
      candidates.push(mapped.candidate);
    }
    if (duplicates > 0) this.log.warn({ feed: url, duplicates }, 'feed lists the same guid more than once; emitted once');
    // Feeds usually list newest first, but not all do: order by date (stable) so roots precede replies.
    candidates.sort((a, b) => String(a.mention.createdAt).localeCompare(String(b.mention.createdAt)));
    return { candidates, listed, all: items };
  }

  private async emitAll(candidates: Candidate[], emit: Emit): Promise<number> {
    const mentions = await acceptMentions(this.name, candidates, this.context);
    if (mentions.length > 0) await emit(mentions);
    return mentions.length;
  }
}

export const rssIngestorFactory: IngestorFactory = {
  type: 'rss',
  create(source, context) {
    const options = parseSourceOptions(RssOptions, source);
    const known = new Set(context.brands.map((b) => b.id));
    const issues = options.feeds.flatMap((feed, j) =>
      feed.brand && !known.has(feed.brand)
        ? [{ code: 'custom' as const, path: ['feeds', j, 'brand'], message: `unknown brand "${feed.brand}" (configured: ${[...known].join(', ') || 'none'})`, input: feed.brand }]
        : [],
    );
    if (issues.length > 0) throw new SourceOptionsError(source.name, new z.ZodError(issues));
    return new RssIngestor(options, context);
  },
};
