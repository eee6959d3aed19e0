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
import { parseExportDate } from './replay-dates.ts';
import { decodeEntities } from './text.ts';
import { firstEditId, X_SOURCE, xMentionId } from './tweet-ids.ts';

export const IdLike = z.union([z.string().regex(/^\d{1,25}$/), z.number().int().nonnegative()]).transform(String);
const Count = z.number().int().nonnegative().optional().catch(undefined);

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

const TweetLike = z.looseObject({
  id_str: IdLike.optional(),
  // v1.1 also writes the id as a JSON number, which loses digits past 2^53: used only without id_str, and only if exact.
  id: z.union([z.string().regex(/^\d{1,25}$/), z.number()]).optional(),
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
  // Flattened (twarc2 flatten, or replay-v2-pages.ts from a page's includes): the author's user object.
  author: z.looseObject({ id: IdLike.optional(), username: z.string().optional(), name: z.string().optional() }).optional().catch(undefined),
  // Posts over 280 characters: `text` is cut, the whole text is here.
  note_tweet: z.looseObject({ text: z.string() }).optional().catch(undefined),
  conversation_id: IdLike.optional(),
  // v2: every version's id, oldest first; the first names the post across its edits, as live (tweet-ids.ts).
  edit_history_tweet_ids: z.array(IdLike).min(1).optional().catch(undefined),
  // Flattened, a referenced tweet carries its own text and author; only those are read.
  referenced_tweets: z.array(z.looseObject({ type: z.string(), id: IdLike, ...Referenced.shape })).optional(),
  public_metrics: z
    .looseObject({ retweet_count: Count, reply_count: Count, like_count: Count, quote_count: Count })
    .optional(),
  retweeted_status: EmbeddedStatus,
  quoted_status: EmbeddedStatus,
});

// A v1.1 retweet's text is "RT @author: " and the original, cut at 140 characters.
const RETWEET_PREFIX = /^RT @(\w{1,15}): /;

/** True for an object that looks like an API tweet rather than a Mention (which has `createdAt`). */
export function looksLikeTweet(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || 'createdAt' in value) return false;
  const v = value as Record<string, unknown>;
  return typeof v.created_at === 'string' && (typeof v.text === 'string' || typeof v.full_text === 'string');
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
  if ('reason' in created) return { reason: `unreadable created_at "${t.created_at}"` };
  const ownText = t.extended_tweet?.full_text ?? t.full_text ?? t.note_tweet?.text ?? t.text ?? '';
  // A retweet is its own post by its own author (the live X source can take them too: includeRetweets), but
  // the counts on it are the original's: a dump with a thousand retweets of one tweet would otherwise report
  // a thousand times its reshares, and every example post would be a copy of it. Its text is the original's,
  // in full where the dump has it (v1.1 embeds it; v2 has it in the page's includes).
  const original = t.retweeted_status ?? undefined;
  const retweeted = t.referenced_tweets?.find((r) => r.type === 'retweeted');
  const retweet = original !== undefined || retweeted !== undefined || RETWEET_PREFIX.test(ownText);
  const originalText = original?.extended_tweet?.full_text ?? original?.full_text ?? original?.text ?? retweeted?.note_tweet?.text ?? retweeted?.text;
  const originalAuthor = original?.user?.screen_name ?? retweeted?.author?.username ?? RETWEET_PREFIX.exec(ownText)?.[1];
  // A quote is the quoter's own post with its own counts, but "Same here." says nothing without what it quotes:
  // the quoted text follows, so brand matching and the complaint classifier see what the quoter endorses.
  const quotedStatus = t.quoted_status ?? undefined;
  const quoted = t.referenced_tweets?.find((r) => r.type === 'quoted');
  const quotedText = quotedStatus?.extended_tweet?.full_text ?? quotedStatus?.full_text ?? quotedStatus?.text ?? quoted?.note_tweet?.text ?? quoted?.text;
  const quotedAuthor = quotedStatus?.user?.screen_name ?? quoted?.author?.username;
  const text =
    retweet && originalText !== undefined && originalAuthor !== undefined
      ? `RT @${originalAuthor}: ${originalText}`
      : !retweet && quotedText !== undefined
        ? `${ownText}\n\n${quotedAuthor ? `QT @${quotedAuthor}:` : 'QT:'} ${quotedText}`
        : ownText;
  const handle = t.user?.screen_name ?? t.username ?? t.author?.username;
  const name = t.user?.name ?? t.author?.name;
  const authorId = t.user?.id_str ?? t.author_id ?? t.author?.id ?? handle ?? 'unknown';
  const repliedTo = t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? t.in_reply_to_status_id_str ?? undefined;
  // v1.1 has no conversation id: a reply's thread is then the tweet it answers, as close as one line can tell.
  const postId = firstEditId(nativeId, t.edit_history_tweet_ids);
  const root = t.conversation_id ?? repliedTo ?? postId;
  return {
    input: {
      id: xMentionId(postId),
      source: X_SOURCE,
      url: `https://x.com/${handle ?? 'i'}/status/${nativeId}`,
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
