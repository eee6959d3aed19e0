/**
 * Tweets as exported by the X/Twitter APIs, read by `replay` next to the Mention format: a line of a jsonl file
 * that is a v1.1 status (`id_str`, `full_text`/`text`, `user`, `in_reply_to_status_id_str`) or a v2 tweet
 * (`id`, `text`, `author_id`, `conversation_id`, `referenced_tweets`, `public_metrics`, optionally with the
 * author's `username` flattened in, or flattened the way `twarc2 flatten` does it: `author` and the referenced
 * tweets inline) becomes a Mention. Whole v2 response pages are taken apart in replay-v2-pages.ts and come
 * here one tweet at a time. Collected firestorms and research dumps come in these shapes, so they can be
 * backtested without converting them first.
 */
import { z } from 'zod';
import type { MentionInput } from '../src/model.ts';
import { readAuthorCell } from './author-cell.ts';
import { parseExportDate } from './replay-dates.ts';
import { isJsonObject } from './replay-records.ts';
import { ANONYMOUS_AUTHOR } from './replay-rows.ts';
import { decodeEntities } from './text.ts';
import { firstEditId, X_SOURCE, xMentionId } from './tweet-ids.ts';
import { RETWEET_PREFIX } from './twitter-map.ts';
import { asReshare, saysReshare } from './reshares.ts';

/**
 * A tweet or user id: X's own are digits, but research dumps pseudonymise them before sharing (a keyed sha-256
 * in hex, a uuid), so any token of letters, digits, `_` and `-` is an id. Numbers are v1.1's `id`.
 */
const IdString = z.string().regex(/^[\w-]{1,128}$/, 'an id of letters, digits, _ or -');
export const IdLike = z.union([IdString, z.number().int().nonnegative()]).transform(String);
// The archive's tweets.js writes counts as strings ("favorite_count": "3").
const Count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,15}$/).transform(Number)]).optional().catch(undefined);

/** What is read of a tweet that another one retweets or quotes, when the dump has it inline. */
const Referenced = z.looseObject({
  text: z.string().optional().catch(undefined),
  note_tweet: z.looseObject({ text: z.string() }).optional().catch(undefined),
  author: z.looseObject({ username: z.string().optional() }).optional().catch(undefined),
});

/** v1.1 embeds the retweeted or quoted status whole; only its text and author are read. */
const EmbeddedStatus = z
  .looseObject({
    full_text: z.string().optional(),
    text: z.string().optional(),
    extended_tweet: z.looseObject({ full_text: z.string().optional() }).optional(),
    user: z.looseObject({ screen_name: z.string().optional() }).optional(),
  })
  .nullish()
  .catch(undefined);

const TweetAuthor = z.looseObject({ id: IdLike.optional(), username: z.string().optional(), screen_name: z.string().optional(), name: z.string().optional() });
type TweetAuthor = z.infer<typeof TweetAuthor>;

/** A dump's lone author string: its id, and the handle or name it reads as (author-cell.ts). */
function authorFromCell(id: string): TweetAuthor {
  const { handle, name } = readAuthorCell(id);
  return { id, ...(handle !== undefined ? { username: handle } : {}), ...(name !== undefined ? { name } : {}) };
}

const TweetLike = z.looseObject({
  id_str: IdLike.optional(),
  // v1.1 also writes the id as a JSON number, which loses digits past 2^53: used only without id_str, and only if exact.
  id: z.union([IdString, z.number()]).optional(),
  created_at: z.string().min(1),
  full_text: z.string().optional(),
  text: z.string().optional(),
  extended_tweet: z.looseObject({ full_text: z.string().optional() }).optional(),
  lang: z.string().max(8).optional(),
  // v1.1
  user: z.looseObject({ id_str: z.string().optional(), screen_name: z.string().optional(), name: z.string().optional() }).optional(),
  in_reply_to_status_id_str: z.string().nullish(),
  retweet_count: Count,
  favorite_count: Count,
  reply_count: Count,
  // v2
  author_id: IdLike.optional(),
  username: z.string().optional(),
  // Flattened (twarc2 flatten, or replay-v2-pages.ts from a page's includes): the author's user object; a research
  // dump's own `author` (a name or id, or an object with v1.1's `screen_name`).
  author: z.union([z.string().min(1).max(256).transform((id): TweetAuthor => authorFromCell(id)), TweetAuthor]).optional().catch(undefined),
  // Posts over 280 characters: `text` is cut, the whole text is here.
  note_tweet: z.looseObject({ text: z.string() }).optional().catch(undefined),
  conversation_id: IdLike.optional(),
  // v2: every version's id, oldest first; the first names the post across its edits, as live (tweet-ids.ts).
  edit_history_tweet_ids: z.array(IdLike).min(1).optional().catch(undefined),
  // The archive's tweets.js: the chain on the original, the original's id on an edit.
  edit_info: z
    .looseObject({
      initial: z.looseObject({ editTweetIds: z.array(IdLike).min(1) }).optional(),
      edit: z.looseObject({ initialTweetId: IdLike }).optional(),
    })
    .optional()
    .catch(undefined),
  // Flattened, a referenced tweet carries its own text and author; only those are read.
  referenced_tweets: z.array(z.looseObject({ type: z.string(), id: IdLike, ...Referenced.shape })).optional(),
  public_metrics: z
    .looseObject({ retweet_count: Count, reply_count: Count, like_count: Count, quote_count: Count })
    .optional(),
  is_retweet: z.union([z.boolean(), z.number(), z.string()]).optional().catch(undefined),
  retweeted_status: EmbeddedStatus,
  quoted_status: EmbeddedStatus,
});


/**
 * True for an object shaped like an API tweet rather than a Mention (which has `createdAt`) or a plain record: a text,
 * a time or an id, and a field only tweets carry (v2 `author_id`, `conversation_id`, `edit_history_tweet_ids`,
 * `referenced_tweets`, `public_metrics`, `note_tweet`; v1.1 `id_str`, a `user` object, `extended_tweet`). Told by
 * shape, not by the ids' form: pseudonymised dumps have no numeric ids. `text` and `created_at` alone make no tweet:
 * plain exports use those names too (`{id, author, text, created_at, in_reply_to}`), and read as tweets such records
 * lost their author and parent, which the record reader (replay-records.ts) knows (QA round 4: 1,444 posts of a
 * storm all by one author "unknown", and no alert).
 */
export function looksLikeTweet(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'createdAt' in value) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.text !== 'string' && typeof v.full_text !== 'string') return false;
  if (typeof v.created_at !== 'string' && v.id === undefined && v.id_str === undefined) return false;
  return isJsonObject(v.user) || TWEET_ONLY_KEYS.some((k) => k in v);
}

// Not `in_reply_to_status_id(_str)` or `retweeted_status`: plain exports borrow those names, and the record reader
// reads them too (CSV_FIELDS parentId, retweetOf).
const TWEET_ONLY_KEYS = ['author_id', 'conversation_id', 'edit_history_tweet_ids', 'referenced_tweets', 'public_metrics', 'id_str', 'extended_tweet', 'note_tweet', 'edit_info'];

/** The edit chain of a tweet, oldest first, as v2 or the archive writes it (undefined when not given). */
function editHistory(t: z.infer<typeof TweetLike>): string[] | undefined {
  return t.edit_history_tweet_ids ?? t.edit_info?.initial?.editTweetIds ?? (t.edit_info?.edit ? [t.edit_info.edit.initialTweetId] : undefined);
}

/** The Mention input for an API tweet, or the reason it cannot be read (the caller says which tweet). */
export function tweetToMention(value: unknown): { input: MentionInput } | { reason: string } {
  const parsed = TweetLike.safeParse(value);
  if (!parsed.success) return { reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  const t = parsed.data;
  if (t.id_str === undefined && typeof t.id === 'number' && !Number.isSafeInteger(t.id)) {
    return { reason: 'numeric id is beyond 2^53 and has lost digits; the line needs id_str' };
  }
  const nativeId = t.id_str ?? (t.id === undefined ? undefined : String(t.id));
  if (!nativeId) return { reason: 'no id or id_str' };
  const created = parseExportDate(t.created_at);
  if ('reason' in created) return { reason: `created_at: ${created.reason}` };
  const ownText = t.extended_tweet?.full_text ?? t.full_text ?? t.note_tweet?.text ?? t.text ?? '';
  // A retweet is its own post by its own author (the live X source can take them too: includeRetweets), but
  // the counts on it are the original's: a dump with a thousand retweets of one tweet would otherwise report
  // a thousand times its reshares, and every example post would be a copy of it. Its text is the original's,
  // in full where the dump has it (v1.1 embeds it; v2 has it in the page's includes).
  const original = t.retweeted_status ?? undefined;
  const retweeted = t.referenced_tweets?.find((r) => r.type === 'retweeted');
  // Research dumps mark retweets whose text they stripped with a flag (`is_retweet`); v1.1's own `retweeted` is
  // whether the collecting account retweeted the tweet, and says nothing about the tweet itself.
  const flagged = t.is_retweet !== undefined && saysReshare(String(t.is_retweet));
  const retweet = original !== undefined || retweeted !== undefined || flagged || RETWEET_PREFIX.test(ownText);
  const originalText = original?.extended_tweet?.full_text ?? original?.full_text ?? original?.text ?? retweeted?.note_tweet?.text ?? retweeted?.text;
  const originalAuthor = original?.user?.screen_name ?? retweeted?.author?.username ?? RETWEET_PREFIX.exec(ownText)?.[1];
  // A quote is the quoter's own post with its own counts, but "Same here." says nothing without what it quotes:
  // the quoted text follows, so brand matching and the complaint classifier see what the quoter endorses.
  const quotedStatus = t.quoted_status ?? undefined;
  const quoted = t.referenced_tweets?.find((r) => r.type === 'quoted');
  const quotedText = quotedStatus?.extended_tweet?.full_text ?? quotedStatus?.full_text ?? quotedStatus?.text ?? quoted?.note_tweet?.text ?? quoted?.text;
  const quotedAuthor = quotedStatus?.user?.screen_name ?? quoted?.author?.username;
  const text = retweet
    ? originalText !== undefined && originalAuthor !== undefined
      ? `RT @${originalAuthor}: ${originalText}`
      : asReshare(originalText ?? ownText, originalAuthor)
    : quotedText !== undefined
      ? `${ownText}\n\n${quotedAuthor ? `QT @${quotedAuthor}:` : 'QT:'} ${quotedText}`
      : ownText;
  const handle = t.user?.screen_name ?? t.username ?? t.author?.username ?? t.author?.screen_name;
  const name = t.user?.name ?? t.author?.name;
  // A tweet that names no author counts as its own, as a record does (replay-csv.ts): one shared id would be one loud
  // author to the storm detector's distinct-author gates. The replay says how many posts named none.
  const authorId = t.user?.id_str ?? t.author_id ?? t.author?.id ?? handle ?? `${ANONYMOUS_AUTHOR}${nativeId}`;
  const repliedTo = t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? t.in_reply_to_status_id_str ?? undefined;
  // v1.1 has no conversation id: a reply's thread is then the tweet it answers, as close as one line can tell.
  const postId = firstEditId(nativeId, editHistory(t));
  const root = t.conversation_id ?? repliedTo ?? postId;
  return {
    input: {
      id: xMentionId(postId),
      source: X_SOURCE,
      // A pseudonymised id links to no status on x.com.
      ...(/^\d+$/.test(nativeId) ? { url: `https://x.com/${handle ?? 'i'}/status/${nativeId}` } : {}),
      author: { id: authorId, ...(handle ? { handle } : {}), ...(name ? { name } : {}) },
      // The APIs send tweet text HTML-escaped (`&amp;`), as the live X source decodes it too.
      text: decodeEntities(text),
      createdAt: created.iso,
      thread: { rootId: xMentionId(root), ...(repliedTo && repliedTo !== nativeId ? { parentId: xMentionId(repliedTo) } : {}) },
      metrics: retweet
        ? { likes: 0, shares: 0, replies: 0 }
        : {
            likes: t.public_metrics?.like_count ?? t.favorite_count ?? 0,
            shares: (t.public_metrics?.retweet_count ?? t.retweet_count ?? 0) + (t.public_metrics?.quote_count ?? 0),
            replies: t.public_metrics?.reply_count ?? t.reply_count ?? 0,
          },
      channel: repliedTo ? 'reply' : 'post',
      ...(t.lang ? { langHint: t.lang } : {}),
    },
  };
}
