/**
 * X API v2 payloads (stream messages and search pages) → Mentions. The payload schemas are loose on purpose:
 * X adds fields all the time, and only the fields read here need to be right.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { formatZodIssues } from '../src/config.ts';
import type { Brand } from '../src/model.ts';
import type { Candidate } from './accept.ts';
import { decodeEntities, truncateText } from './text.ts';
import { firstEditId, X_SOURCE, xMentionId } from './tweet-ids.ts';

export const TweetV2 = z.object({
  id: z.string().regex(/^\d+$/),
  text: z.string(),
  author_id: z.string().optional(),
  created_at: z.string().optional(),
  conversation_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  lang: z.string().optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
  /** Every version's id, oldest first; a default field of v2 tweets since edits exist (2022). */
  edit_history_tweet_ids: z.array(z.string().regex(/^\d+$/)).min(1).optional(),
  public_metrics: z
    .object({ like_count: z.number().optional(), retweet_count: z.number().optional(), quote_count: z.number().optional(), reply_count: z.number().optional() })
    .optional(),
  entities: z.object({ mentions: z.array(z.object({ username: z.string(), id: z.string().optional() })).optional() }).optional(),
  /** Posts over 280 characters carry their full text here; `text` is then cut. */
  note_tweet: z.object({ text: z.string() }).optional(),
});
export type TweetV2 = z.infer<typeof TweetV2>;

export const UserV2 = z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() });
export type UserV2 = z.infer<typeof UserV2>;

/** What is read of an expanded tweet: a retweet's original, whose full text the retweet itself cuts. */
export const IncludedTweet = z.object({
  id: z.string(),
  text: z.string(),
  author_id: z.string().optional(),
  note_tweet: z.object({ text: z.string() }).optional(),
});
export type IncludedTweet = z.infer<typeof IncludedTweet>;

/**
 * Expanded objects. Users are checked one by one (`usableUsers`), so one bad user costs only its own handle.
 * Referenced tweets are checked one by one too (`usableTweets`): a bad one only leaves its retweets their cut text.
 */
export const Includes = z.object({ users: z.array(z.unknown()).optional(), tweets: z.array(z.unknown()).optional() }).optional();

/** One filtered-stream message. */
export const StreamMessage = z.object({
  data: TweetV2,
  includes: Includes,
  matching_rules: z.array(z.object({ id: z.union([z.string(), z.number()]), tag: z.string().optional() })).optional(),
});

/**
 * The envelope of one recent-search page (`data` is absent when nothing matched). Tweets are checked one by
 * one (`checkSearchPage`): one malformed tweet must not cost the page, nor stop the source.
 */
export const SearchPage = z.object({
  data: z.array(z.unknown()).optional(),
  includes: Includes,
  meta: z.object({ newest_id: z.string().optional(), next_token: z.string().optional(), result_count: z.number().optional() }).optional(),
});

/** A record from X that failed its schema: kept apart with the reason, for the quarantine. */
export interface RejectedRecord {
  raw: unknown;
  reason: string;
  /** Which record it is across pages and connections (recordKey). */
  key: string;
}

interface Checked<T> {
  valid: T[];
  rejected: RejectedRecord[];
}

/** Parses each record on its own; a rejected one is named by its place (1-based) and, when it has one, its id. */
function checkEach<S extends z.ZodType>(records: unknown[], schema: S, what: string): Checked<z.infer<S>> {
  const checked: Checked<z.infer<S>> = { valid: [], rejected: [] };
  records.forEach((raw, i) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) checked.valid.push(parsed.data);
    else checked.rejected.push({ raw, key: recordKey(what, raw), reason: `${what} ${i + 1} of ${records.length}${idNote(raw)}: ${formatZodIssues(parsed.error).join('; ')}` });
  });
  return checked;
}

function recordId(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function idNote(raw: unknown): string {
  const id = recordId(raw);
  return id !== undefined ? ` (id ${id})` : '';
}

/**
 * The identity of a rejected record of one kind (`tweet`, `includes.users`): its id, even a malformed one, so the
 * copy a later page or connection brings is known again although its counts moved; a hash of its content when it
 * has no id.
 */
export function recordKey(kind: string, raw: unknown): string {
  const id = recordId(raw);
  return `${kind}:${id !== undefined ? `id ${id}` : createHash('sha256').update(JSON.stringify(raw) ?? String(raw)).digest('hex')}`;
}

/** The users of an `includes` block that fit the schema, and the ones that did not. */
export function usableUsers(includes: z.infer<typeof Includes>): Checked<UserV2> {
  return checkEach(includes?.users ?? [], UserV2, 'includes.users');
}

/** The referenced tweets of an `includes` block that fit the schema; the others are context lost, not records. */
export function usableTweets(includes: z.infer<typeof Includes>): IncludedTweet[] {
  return checkEach(includes?.tweets ?? [], IncludedTweet, 'includes.tweets').valid;
}

/** What a tweet is read with: the users and referenced tweets of its page or stream message. */
export interface Expansions {
  users: UserV2[];
  tweets: IncludedTweet[];
}

/** The tweets of one search page with its expansions, each checked on its own. */
export function checkSearchPage(page: z.infer<typeof SearchPage>): { tweets: TweetV2[]; expansions: Expansions; rejected: RejectedRecord[] } {
  const tweets = checkEach(page.data ?? [], TweetV2, 'tweet');
  const users = usableUsers(page.includes);
  return { tweets: tweets.valid, expansions: { users: users.valid, tweets: usableTweets(page.includes) }, rejected: [...tweets.rejected, ...users.rejected] };
}

/** Fields requested on every call, so stream and backfill produce the same Mention. */
export const TWEET_QUERY = {
  // referenced_tweets.id.author_id: a retweet's text names the original's author, taken from includes.users.
  expansions: 'author_id,referenced_tweets.id,referenced_tweets.id.author_id,in_reply_to_user_id,entities.mentions.username',
  'tweet.fields': 'author_id,created_at,conversation_id,in_reply_to_user_id,lang,referenced_tweets,public_metrics,entities,note_tweet',
  'user.fields': 'id,name,username',
};

/** Brand accounts by lower-cased handle (without @) and by numeric id. */
export interface BrandAccounts {
  byHandle: Map<string, string>;
  byId: Map<string, string>;
}

export function brandAccounts(brands: Brand[]): BrandAccounts {
  const byHandle = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const brand of brands) {
    for (const account of brand.accounts) {
      const bare = account.replace(/^@/, '');
      if (/^\d+$/.test(bare)) byId.set(bare, brand.id);
      else byHandle.set(bare.toLowerCase(), brand.id);
    }
  }
  return { byHandle, byId };
}

/** Snowflake ids are ordered by time; compare them as numbers, they exceed 2^53. */
export function newerId(a: string | undefined, b: string): string {
  return a === undefined || BigInt(b) > BigInt(a) ? b : a;
}

export function tweetToCandidate(tweet: TweetV2, { users, tweets }: Expansions, accounts: BrandAccounts): Candidate {
  const author = users.find((u) => u.id === tweet.author_id);
  const handle = author?.username;
  const authorBrand = (tweet.author_id && accounts.byId.get(tweet.author_id)) || (handle && accounts.byHandle.get(handle.toLowerCase())) || undefined;
  const context = new Set<string>();
  if (authorBrand) context.add(authorBrand);
  // A post addressed to a brand account (reply to it or @mention) appeared in the brand's own space.
  if (tweet.in_reply_to_user_id) {
    const brand = accounts.byId.get(tweet.in_reply_to_user_id) ?? handleOf(users, tweet.in_reply_to_user_id, accounts);
    if (brand) context.add(brand);
  }
  for (const m of tweet.entities?.mentions ?? []) {
    const brand = accounts.byHandle.get(m.username.toLowerCase()) ?? (m.id ? accounts.byId.get(m.id) : undefined);
    if (brand) context.add(brand);
  }
  const repliedTo = tweet.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;
  const postId = firstEditId(tweet.id, tweet.edit_history_tweet_ids);
  const metrics = tweet.public_metrics;
  const { text } = truncateText(decodeEntities(retweetText(tweet, users, tweets) ?? tweet.note_tweet?.text ?? tweet.text).trim());
  const lang = tweet.lang && tweet.lang !== 'und' && /^[a-z]{2,3}$/.test(tweet.lang) ? tweet.lang : undefined;
  return {
    raw: { tweet, author },
    mention: {
      id: xMentionId(postId),
      source: X_SOURCE,
      url: `https://x.com/${handle ?? 'i/web'}/status/${tweet.id}`,
      author: { id: tweet.author_id ?? 'unknown', handle, name: author?.name, isBrand: authorBrand !== undefined },
      text,
      createdAt: tweet.created_at ?? new Date().toISOString(),
      thread: {
        rootId: xMentionId(tweet.conversation_id ?? postId),
        parentId: repliedTo ? xMentionId(repliedTo) : undefined,
      },
      // A retweet (includeRetweets) carries the original's counts, not its own: counted once, on the original.
      metrics: tweet.referenced_tweets?.some((r) => r.type === 'retweeted')
        ? { likes: 0, shares: 0, replies: 0 }
        : {
            likes: metrics?.like_count ?? 0,
            shares: (metrics?.retweet_count ?? 0) + (metrics?.quote_count ?? 0),
            replies: metrics?.reply_count ?? 0,
          },
      channel: repliedTo ? 'reply' : 'post',
      brandContext: [...context],
      langHint: lang,
    },
  };
}

// X writes a retweet's text as "RT @author: " and the original, cut (with "…") to fit, in v1.1 and v2 alike.
export const RETWEET_PREFIX = /^RT @(\w{1,15}): /;

/**
 * A retweet's text with the original's in full (`RT @author: …`, as replay-tweets.ts writes it), from the
 * expanded original; undefined for no retweet, or when the page did not expand the original.
 */
function retweetText(tweet: TweetV2, users: UserV2[], included: IncludedTweet[]): string | undefined {
  const ref = tweet.referenced_tweets?.find((r) => r.type === 'retweeted');
  const original = ref && included.find((t) => t.id === ref.id);
  if (!original) return undefined;
  const author = users.find((u) => u.id === original.author_id)?.username ?? RETWEET_PREFIX.exec(tweet.text)?.[1];
  const full = original.note_tweet?.text ?? original.text;
  return author ? `RT @${author}: ${full}` : full;
}

function handleOf(users: UserV2[], id: string, accounts: BrandAccounts): string | undefined {
  const username = users.find((u) => u.id === id)?.username;
  return username ? accounts.byHandle.get(username.toLowerCase()) : undefined;
}
