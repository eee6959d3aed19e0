/**
 * X API v2 responses as twarc2 (and most v2 collectors) write them, one response per jsonl line:
 * `{"data": [tweet, …], "includes": {"users": […], "tweets": […]}, "meta": {…}, "__twarc": {…}}` for search and
 * timeline pages, `{"data": {tweet}, "includes": …}` for a single lookup or a filtered-stream message.
 * Each tweet in `data` becomes one Mention (the tweets in `includes` are context, not results): its author and
 * the tweets it retweets or quotes are looked up in `includes` the way `twarc2 flatten` does, then read by
 * replay-tweets.ts like any single tweet. A malformed tweet is reported alone, with its place in the page.
 */
import { z } from 'zod';
import { IdLike, tweetToMention } from './replay-tweets.ts';
import { validateRow, within, type RowResult } from './replay-rows.ts';

const Includes = z.looseObject({
  users: z.array(z.unknown()).optional().catch(undefined),
  tweets: z.array(z.unknown()).optional().catch(undefined),
});

const ApiError = z.looseObject({ title: z.string().optional(), detail: z.string().optional(), message: z.string().optional() });

const V2Response = z.looseObject({
  data: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional(),
  includes: Includes.optional().catch(undefined),
  errors: z.array(ApiError.catch({})).optional().catch(undefined),
});

/** What of an included user or tweet is needed to find it: a bad one is left out, never fatal to the page. */
const Identified = z.looseObject({ id: IdLike, author_id: IdLike.optional() });

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a v2 response rather than a single tweet or a Mention: it has `data`, or is a page without any. */
export function looksLikeV2Response(value: unknown): boolean {
  if (!isObject(value) || 'createdAt' in value || 'created_at' in value) return false;
  return 'data' in value || 'meta' in value || 'errors' in value;
}

function byId(items: readonly unknown[] | undefined): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const item of items ?? []) {
    const parsed = Identified.safeParse(item);
    if (parsed.success && isObject(item)) map.set(parsed.data.id, item);
  }
  return map;
}

function authorOf(tweet: JsonObject, users: Map<string, JsonObject>): JsonObject | undefined {
  const id = tweet.author_id;
  return typeof id === 'string' || typeof id === 'number' ? users.get(String(id)) : undefined;
}

/** The tweet with its author and referenced tweets inline, as `twarc2 flatten` writes it. */
function flatten(tweet: unknown, users: Map<string, JsonObject>, included: Map<string, JsonObject>): unknown {
  if (!isObject(tweet)) return tweet;
  const flat: JsonObject = { ...tweet };
  const author = authorOf(tweet, users);
  if (author && !('author' in tweet)) flat.author = author;
  if (Array.isArray(tweet.referenced_tweets)) {
    flat.referenced_tweets = tweet.referenced_tweets.map((ref: unknown) => {
      if (!isObject(ref)) return ref;
      const full = included.get(String(ref.id));
      if (!full) return ref;
      const refAuthor = authorOf(full, users);
      // The reference's own `type` and `id` win over the included tweet's fields.
      return { ...full, ...(refAuthor ? { author: refAuthor } : {}), ...ref };
    });
  }
  return flat;
}

function describeError(error: z.infer<typeof ApiError>): string {
  return [error.title, error.detail ?? error.message].filter(Boolean).join(': ') || 'an error without a message';
}

/** The rows of one response line (1-based `line`): one per tweet in `data`. */
export function v2ResponseRows(value: unknown, line: number): RowResult[] {
  const parsed = V2Response.safeParse(value);
  if (!parsed.success) {
    return [{ error: { line, reason: `API response: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` } }];
  }
  const { data, includes, errors = [] } = parsed.data;
  if (data === undefined) {
    // An empty search page is no error; a response of errors alone (a stream disconnect, a lookup of deleted
    // or protected tweets) is reported, so that a dump which holds nothing but those does not pass as empty.
    if (errors.length === 0) return [];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return [{ error: { line, reason: `API response without tweets: ${describeError(errors[0]!)}${more}` } }];
  }
  const users = byId(includes?.users);
  const included = byId(includes?.tweets);
  const tweets = Array.isArray(data) ? data : [data];
  return tweets.map((tweet, i) => {
    const id = isObject(tweet) && (typeof tweet.id === 'string' || typeof tweet.id === 'number') ? ` (id ${String(tweet.id)})` : '';
    const where = Array.isArray(data) ? `tweet ${i + 1} of ${tweets.length}${id}` : `tweet${id}`;
    const result = tweetToMention(flatten(tweet, users, included));
    if ('reason' in result) return { error: { line, reason: `${where}: ${result.reason}` } };
    return within(validateRow(result.input, line), where);
  });
}
