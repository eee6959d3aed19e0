/**
 * X/Twitter: filtered stream with one rule per brand query (plus one for the brand accounts, so mentions of
 * them and their own replies arrive), recent-search backfill since the last emitted id after every
 * (re)connect, auto-reconnect with backoff, and X's rate-limit reset honoured.
 *
 * No loss, no duplicates across reconnects: a message cut off mid-way is discarded with the connection and
 * found again by the backfill that runs before the next connect; ids already emitted are skipped.
 */
import { Agent as HttpAgent } from 'node:http';
import { ApiResponseError, TwitterApi, TwitterApiv2 } from 'twitter-api-v2';
import { z } from 'zod';
import type { Brand } from '../src/model.ts';
import { acceptMentions, quarantine } from './accept.ts';
import { backoffDelay, sleep } from './backoff.ts';
import { Checkpoints } from './checkpoint.ts';
import { BaseSourceOptions, parseSourceOptions, SourceOptionsError } from './options.ts';
import { SeenSet } from './seen.ts';
import {
  brandAccounts, checkSearchPage, newerId, recordKey, SearchPage, StreamMessage, TWEET_QUERY, tweetToCandidate, usableTweets, usableUsers,
  type BrandAccounts, type Expansions, type RejectedRecord, type TweetV2,
} from './twitter-map.ts';
import { diffRules, rulesForBrands, type StreamRule } from './twitter-rules.ts';
import { xMentionId } from './tweet-ids.ts';
import { readStreamOnce } from './twitter-stream.ts';
import type { Emit, Ingestor, IngestorContext, IngestorFactory } from './types.ts';

export const TwitterOptions = BaseSourceOptions.extend({
  type: z.literal('twitter'),
  /** API v2 prefix; tests and proxies point it elsewhere. */
  apiBaseUrl: z.string().url().default('https://api.x.com/2/'),
  /** Brand ids to listen for (default: all configured brands). */
  brands: z.array(z.string()).optional(),
  includeRetweets: z.boolean().default(false),
  /** 512 on the basic tier, 1024 on pro. */
  maxRuleLength: z.number().int().min(64).max(4096).default(512),
  /** On a first start without checkpoint, how far back recent search looks (0 = live only). */
  initialBackfillMinutes: z.number().int().min(0).max(7 * 24 * 60).default(60),
  backfillMaxPages: z.number().int().min(1).max(100).default(10),
  /** X sends a keep-alive every 20 s; silence for longer than this means the connection is dead. */
  keepAliveTimeoutMs: z.number().int().min(100).default(60_000),
  reconnectBaseMs: z.number().int().min(1).default(1_000),
  reconnectMaxMs: z.number().int().min(1).default(320_000),
  /**
   * Emitted ids kept against repeats. The backfill asks only for ids above the checkpoint, so this covers the
   * overlap of backfill and a fresh connection; kept small because the checkpoint is written per tweet.
   */
  seenLimit: z.number().int().min(100).default(1_000),
}).strict();
export type TwitterOptions = z.infer<typeof TwitterOptions>;

/**
 * Malformed records remembered as quarantined. Far more than one backfill's pages hold (10 pages of 100 per rule),
 * so a record falls out only when X has long stopped sending it; an id is a few dozen bytes.
 */
const QUARANTINED_LIMIT = 10_000;

const Checkpoint = z.object({ sinceId: z.string().regex(/^\d+$/).optional(), seen: z.array(z.string()).default([]) });

/** X snowflake ids carry their creation time (ms since the Twitter epoch) in the upper bits. */
const TWITTER_EPOCH_MS = 1288834974657n;
function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS);
}
/** Recent search only reaches back seven days; a since_id older than that is refused with a 400. */
const RECENT_SEARCH_WINDOW_MS = 7 * 24 * 3600_000 - 5 * 60_000;

/**
 * The v2 client on a configurable API prefix. `cloneWithPrefix` in twitter-api-v2 1.29 calls the class
 * constructor without `new` and throws, so the prefix is set the way the library's own v2 client sets it.
 */
class PrefixedTwitterApiv2 extends TwitterApiv2 {
  constructor(bearerToken: string, prefix: string) {
    // The library always calls https.request; given an http.Agent, Node accepts a plain-HTTP prefix (a local
    // proxy or test server).
    super(new TwitterApi(bearerToken, prefix.startsWith('http:') ? { httpAgent: new HttpAgent({ keepAlive: true }) } : {}));
    this._prefix = prefix;
  }
}

export class TwitterIngestor implements Ingestor {
  readonly type = 'twitter';
  readonly name: string;
  private readonly client: TwitterApiv2;
  private readonly checkpoints: Checkpoints;
  private readonly log: IngestorContext['log'];
  private brands: Brand[];
  private accounts: BrandAccounts;
  private sinceId: string | undefined;
  /**
   * When the first stream connection opened (minus a margin): without a since id yet, the backfill after a
   * reconnect searches from here, so a first tweet cut off or refused by the bus is not lost either.
   */
  private liveSince: string | undefined;
  private seen: SeenSet;
  /**
   * Keys (recordKey) of the malformed records quarantined by this process. Such a tweet is never emitted, so the
   * checkpoint never moves past it: every backfill after a reconnect finds it again, and the stream may resend it.
   * Per process, not in the checkpoint: a restart quarantines each once more, which is no flood.
   */
  private readonly quarantined = new SeenSet(QUARANTINED_LIMIT);

  constructor(
    private readonly options: TwitterOptions,
    private readonly context: IngestorContext,
  ) {
    this.name = options.name;
    if (!context.secrets.twitterBearerToken) throw new Error(`source "${options.name}": set TWITTER_BEARER_TOKEN in the environment`);
    this.client = new PrefixedTwitterApiv2(context.secrets.twitterBearerToken, options.apiBaseUrl.replace(/\/?$/, '/'));
    this.checkpoints = new Checkpoints(context.state, options.name, context.log);
    this.log = context.log.child({ source: options.name });
    this.brands = this.selectBrands(context.brands);
    this.accounts = brandAccounts(this.brands);
    this.seen = new SeenSet(options.seenLimit);
  }

  /** Config change: new brand set → only the differing rules are added or deleted. */
  async updateBrands(brands: Brand[]): Promise<void> {
    this.brands = this.selectBrands(brands);
    this.accounts = brandAccounts(this.brands);
    await this.syncRules();
  }

  async syncRules(): Promise<StreamRule[]> {
    const desired = rulesForBrands(this.brands, this.options);
    for (const { brand, reason } of desired.errors) {
      this.log.error({ brand, reason }, 'brand query cannot become an X rule; brand not streamed');
      this.context.status.error(this.name, `brand ${brand}: ${reason}`);
    }
    const current = z
      .object({ data: z.array(z.object({ id: z.string(), value: z.string(), tag: z.string().default('') })).default([]) })
      .parse(await this.client.get('tweets/search/stream/rules'));
    const diff = diffRules(current.data, desired.rules);
    if (diff.deleteIds.length > 0) await this.client.post('tweets/search/stream/rules', { delete: { ids: diff.deleteIds } });
    if (diff.add.length > 0) {
      const added = z
        .object({ errors: z.array(z.object({ title: z.string().optional(), detail: z.string().optional(), value: z.string().optional() })).optional() })
        .parse(await this.client.post('tweets/search/stream/rules', { add: diff.add }));
      for (const e of added.errors ?? []) this.log.error({ rule: e.value, error: e.detail ?? e.title }, 'X refused a stream rule');
    }
    this.log.info({ added: diff.add.length, deleted: diff.deleteIds.length, kept: desired.rules.length - diff.add.length }, 'stream rules synced');
    return desired.rules;
  }

  async run(emit: Emit, signal: AbortSignal): Promise<void> {
    const saved = await this.checkpoints.load('stream', Checkpoint);
    this.sinceId = saved?.sinceId;
    this.seen = new SeenSet(this.options.seenLimit, saved?.seen ?? []);
    let attempt = 0;
    let rulesSynced = false;
    while (!signal.aborted) {
      try {
        if (!rulesSynced) rulesSynced = (await this.syncRules(), true);
        await this.backfill(emit, signal);
        const delivered = await this.streamOnce(emit, signal);
        if (signal.aborted) break;
        // A connection that carried tweets was healthy: start the backoff ladder from the bottom again.
        attempt = delivered > 0 ? 1 : attempt + 1;
        const wait = backoffDelay(attempt, { baseMs: this.options.reconnectBaseMs, maxMs: this.options.reconnectMaxMs });
        this.log.warn({ delivered, waitMs: wait }, 'stream disconnected; backfilling and reconnecting');
        await sleep(wait, signal);
      } catch (err) {
        if (signal.aborted) break;
        attempt++;
        const wait = this.waitAfter(err, attempt);
        const message = describe(err);
        this.log.error({ err: message, waitMs: wait, attempt }, 'X API failed; retrying');
        this.context.status.error(this.name, message);
        await sleep(wait, signal);
      }
    }
  }

  /** Milliseconds to wait after a failure: until the rate-limit window resets on 429, else backoff. */
  private waitAfter(err: unknown, attempt: number): number {
    const backoff = backoffDelay(attempt, { baseMs: this.options.reconnectBaseMs, maxMs: this.options.reconnectMaxMs });
    if (err instanceof ApiResponseError && err.code === 429) {
      const header = err.headers['x-rate-limit-reset'];
      const reset = err.rateLimit?.reset ?? (typeof header === 'string' ? Number(header) : NaN);
      if (Number.isFinite(reset)) return Math.max(reset * 1000 - Date.now(), 0) + 250;
    }
    return backoff;
  }

  /** Recent search for every rule since the last emitted id, oldest first, each tweet once. */
  private async backfill(emit: Emit, signal: AbortSignal): Promise<void> {
    const window = Date.now() - RECENT_SEARCH_WINDOW_MS;
    const bound: Record<string, string> = {};
    if (this.sinceId && snowflakeTime(this.sinceId) > window) bound.since_id = this.sinceId;
    else if (this.sinceId) bound.start_time = new Date(window).toISOString();
    else if (this.liveSince) bound.start_time = this.liveSince;
    else if (this.options.initialBackfillMinutes > 0) bound.start_time = new Date(Date.now() - this.options.initialBackfillMinutes * 60_000).toISOString();
    else return;
    const found = new Map<string, { tweet: TweetV2; expansions: Expansions }>();
    const rejected: RejectedRecord[] = [];
    for (const rule of rulesForBrands(this.brands, this.options).rules) {
      let nextToken: string | undefined;
      for (let page = 0; page < this.options.backfillMaxPages && !signal.aborted; page++) {
        const query: Record<string, string> = { query: rule.value, max_results: '100', ...bound, ...TWEET_QUERY };
        if (nextToken) query.next_token = nextToken;
        const { tweets, expansions, rejected: bad, nextToken: next } = await this.searchPage(query);
        for (const tweet of tweets) found.set(tweet.id, { tweet, expansions });
        rejected.push(...bad);
        nextToken = next;
        if (!nextToken) break;
      }
      // Search pages run newest first: stopping early leaves the oldest tweets of the gap unfetched.
      if (nextToken) this.log.warn({ rule: rule.tag, pages: this.options.backfillMaxPages, ...bound }, 'backfill hit backfillMaxPages; the oldest tweets of the gap were not fetched');
    }
    // A bad record that several rules find is quarantined once, as is one an earlier backfill found.
    for (const record of rejected) await this.quarantineOnce(record.key, `recent search: ${record.reason}`, record.raw);
    const ordered = [...found.values()].sort((a, b) => (BigInt(a.tweet.id) < BigInt(b.tweet.id) ? -1 : 1));
    for (const { tweet, expansions } of ordered) await this.deliver(tweet, expansions, emit);
    if (ordered.length > 0) this.log.info({ tweets: ordered.length, ...bound }, 'backfill done');
  }

  /**
   * One page of recent search. Only a page whose envelope is unreadable fails (and is retried); its tweets and
   * users are checked one by one, the bad ones returned apart for the quarantine.
   */
  private async searchPage(query: Record<string, string>): Promise<ReturnType<typeof checkSearchPage> & { nextToken?: string }> {
    const parsed = SearchPage.safeParse(await this.client.get('tweets/search/recent', query));
    if (!parsed.success) throw new Error(`recent search answered an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
    return { ...checkSearchPage(parsed.data), nextToken: parsed.data.meta?.next_token };
  }

  /** One stream connection; resolves with the number of tweets delivered once it closes. */
  private streamOnce(emit: Emit, signal: AbortSignal): Promise<number> {
    return readStreamOnce(this.client, {
      keepAliveTimeoutMs: this.options.keepAliveTimeoutMs,
      log: this.log,
      handle: (payload) => this.handleStreamMessage(payload, emit),
      // X's stream lags and clocks differ: a minute of overlap, absorbed by the seen set.
      onConnected: () => {
        this.liveSince ??= new Date(Date.now() - 60_000).toISOString();
      },
    }, signal);
  }

  /** One stream message: a malformed one is quarantined, a tweet delivered; returns whether it was new. */
  private async handleStreamMessage(payload: unknown, emit: Emit): Promise<boolean> {
    const parsed = StreamMessage.safeParse(payload);
    if (!parsed.success) {
      // Known by its tweet's id, as the same tweet from a search page is.
      const tweet = typeof payload === 'object' && payload !== null && 'data' in payload ? payload.data : payload;
      await this.quarantineOnce(recordKey('tweet', tweet), `stream message without a usable tweet: ${parsed.error.issues[0]?.message ?? ''}`, payload);
      return false;
    }
    const users = usableUsers(parsed.data.includes);
    for (const bad of users.rejected) await this.quarantineOnce(bad.key, `stream message: ${bad.reason}`, bad.raw);
    return this.deliver(parsed.data.data, { users: users.valid, tweets: usableTweets(parsed.data.includes) }, emit);
  }

  /** Quarantines a malformed record unless this process did so before (see `quarantined`). */
  private async quarantineOnce(key: string, reason: string, raw: unknown): Promise<void> {
    if (this.quarantined.has(key)) {
      this.log.debug({ key }, 'malformed record already quarantined; skipped');
      return;
    }
    // Remembered only once quarantined: a quarantine that failed (bus down) is tried again with the next copy.
    await quarantine(this.name, reason, raw, this.context);
    this.quarantined.add(key);
  }

  /**
   * Emits one tweet unless already emitted; returns whether it was new. Known by the version's own id: an edit is
   * new and emitted, and its mention (named by the first id of the edit history) updates the post.
   */
  private async deliver(tweet: TweetV2, expansions: Expansions, emit: Emit): Promise<boolean> {
    const id = xMentionId(tweet.id);
    if (this.seen.has(id)) {
      this.log.debug({ id }, 'duplicate tweet skipped');
      return false;
    }
    const mentions = await acceptMentions(this.name, [tweetToCandidate(tweet, expansions, this.accounts)], this.context);
    if (mentions.length > 0) await emit(mentions);
    this.seen.add(id);
    this.sinceId = newerId(this.sinceId, tweet.id);
    await this.checkpoints.save('stream', { sinceId: this.sinceId, seen: this.seen.toJSON() });
    this.context.status.success(this.name, mentions.length);
    return true;
  }

  private selectBrands(brands: Brand[]): Brand[] {
    return this.options.brands ? brands.filter((b) => this.options.brands?.includes(b.id)) : brands;
  }
}

function describe(err: unknown): string {
  if (err instanceof ApiResponseError) return `X API ${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

export const twitterIngestorFactory: IngestorFactory = {
  type: 'twitter',
  create(source, context) {
    const options = parseSourceOptions(TwitterOptions, source);
    const known = new Set(context.brands.map((b) => b.id));
    const issues = (options.brands ?? []).flatMap((id, j) =>
      known.has(id) ? [] : [{ code: 'custom' as const, path: ['brands', j], message: `unknown brand "${id}"`, input: id }],
    );
    if (issues.length > 0) throw new SourceOptionsError(source.name, new z.ZodError(issues));
    return new TwitterIngestor(options, context);
  },
};

