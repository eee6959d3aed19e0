/**
 * Feed items (RSS 2.0 / Atom, parsed by rss-parser) → Mentions. Posts are thread roots; items of a post's
 * comment feed (WordPress `wfw:commentRss`) are blog comments answering it. On a brand's own blog, comments by
 * the configured owner names are brand replies.
 */
import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { z } from 'zod';
import { AUTHOR_ID_MAX, WebUrl, type Channel } from '../src/model.ts';
import type { Candidate } from './accept.ts';
import { readFeedAuthor } from './rss-author.ts';
import { absoluteWebUrl, XmlAttributes } from './rss-links.ts';
import { htmlToPlainText, truncateText } from './text.ts';

export const FeedItem = z.object({
  guid: z.string().optional(),
  id: z.string().optional(),
  link: z.string().optional(),
  title: z.string().optional(),
  creator: z.string().optional(),
  author: z.string().optional(),
  isoDate: z.string().optional(),
  pubDate: z.string().optional(),
  content: z.string().optional(),
  contentEncoded: z.string().optional(),
  contentSnippet: z.string().optional(),
  summary: z.string().optional(),
  commentRss: z.string().optional(),
  commentCount: z.string().optional(),
  /** The item element's own attributes (its `xml:base`). */
  xmlAttributes: XmlAttributes,
  /** What the item's relative links resolve against: set by the caller from the document, never read from it. */
  base: z.string().optional(),
});
export type FeedItem = z.infer<typeof FeedItem>;

type CustomItem = { commentRss?: string; commentCount?: string; contentEncoded?: string; xmlAttributes?: unknown };
type CustomFeed = { language?: string; xmlAttributes?: unknown };

/**
 * A parser for one document. `async` makes xml2js parse in chunks of 10,000 characters with a turn of the event
 * loop between them (a 10 MiB feed read in one piece stalls it for seconds); a parser mid-document must not be
 * handed a second one, hence one parser per document.
 */
export function createFeedParser(): Parser<CustomFeed, CustomItem> {
  // `$` holds an element's attributes (xml2js); keepArray hands it over whole instead of its "first element".
  const attributes = ['$', 'xmlAttributes', { keepArray: true }];
  return new Parser<CustomFeed, CustomItem>({
    xml2js: { async: true },
    customFields: {
      // rss-parser's typings allow only plain names for feed fields; its code reads [from, to, options] there too.
      feed: ['language', attributes as unknown as keyof CustomFeed],
      item: [['wfw:commentRss', 'commentRss'], ['slash:comments', 'commentCount'], ['content:encoded', 'contentEncoded'], attributes],
    },
  });
}

/** The item's comment feed as an absolute http(s) URL, or undefined when it has none we can fetch. */
export function commentFeedUrl(item: FeedItem, feedUrl: string): string | undefined {
  return absoluteWebUrl(item.commentRss, item.base ?? feedUrl);
}

export interface FeedContext {
  url: string;
  /** The brand whose blog this is, if any. */
  brand?: string;
  /** Lower-cased author names of the blog's owner (brand replies). */
  ownerNames: Set<string>;
  channel: Extract<Channel, 'blog_post' | 'news' | 'review'>;
  langHint?: string;
}

/**
 * Stable item key within its feed: guid (Atom id), else link; over-long keys are hashed so the Mention id stays
 * bounded.
 */
export function itemKey(item: FeedItem): string | undefined {
  const key = (item.guid ?? item.id ?? item.link)?.replace(/\s+/g, '');
  if (!key) return undefined;
  return key.length > 400 ? `sha256-${createHash('sha256').update(key).digest('hex')}` : key;
}

/**
 * Keys unique across all feeds by construction: http(s) permalinks, UUID URNs (RFC 4122) and tag URIs
 * (RFC 4151). Anything else ("1", "post-42") is only unique within the feed that lists it.
 */
const GLOBALLY_UNIQUE_KEY = /^(?:https?:\/\/|urn:uuid:|tag:)/i;

/** Short, stable hash of a feed URL: the same feed gets the same scope after every restart. */
export function feedScope(feedUrl: string): string {
  return createHash('sha256').update(feedUrl).digest('hex').slice(0, 12);
}

/** Mention id of an item: a feed-local key is scoped by its feed so two feeds' guid "1" cannot collide. */
export function feedItemId(key: string, feedUrl: string): string {
  return GLOBALLY_UNIQUE_KEY.test(key) ? `rss:${key}` : `rss:${feedScope(feedUrl)}:${key}`;
}

/** The id versions before feed scoping gave the item: still in older seen sets. */
export function unscopedItemId(key: string): string {
  return `rss:${key}`;
}

/** The post a comment-feed item answers, and the comment feed that lists it (its ids' scope). */
export interface ParentPost {
  id: string;
  commentFeed: string;
}

export interface Mapped {
  candidate: Candidate;
  /** Characters cut to fit MAX_TEXT_CHARS (logged by the caller). */
  cut: number;
  /** Optional fields dropped or cut so the post itself fits the Mention schema, and unreadable dates (logged). */
  notes: string[];
}


export function mapFeedItem(item: FeedItem, feed: FeedContext, parent?: ParentPost): Mapped | { problem: string } {
  const key = itemKey(item);
  if (!key) return { problem: 'item has neither guid, id nor link' };
  const id = feedItemId(key, parent?.commentFeed ?? feed.url);
  const html = item.contentEncoded ?? item.content ?? item.summary ?? '';
  const title = item.title ? htmlToPlainText(item.title).slice(0, 1000) : undefined;
  const body = htmlToPlainText(html) || item.contentSnippet?.trim() || title || '';
  if (!body) return { problem: `item ${key} has no text (no content, summary or title)` };
  const { text, cut } = truncateText(body);
  const notes: string[] = [];
  const host = hostOf(feed.url);
  const author = readFeedAuthor(item.creator ?? item.author);
  const name = authorName(author.name, host, notes);
  const authorKey = name ?? author.anonymousKey;
  const isBrand = feed.brand !== undefined && name !== undefined && feed.ownerNames.has(name.toLowerCase());
  const created = createdAt(item, notes);
  return {
    cut,
    notes,
    candidate: {
      raw: item,
      mention: {
        id,
        source: 'rss',
        url: webLink(item.link, item.base ?? feed.url, notes),
        author: { id: authorKey ? `${host}:${authorKey}` : host, name, isBrand },
        title: parent ? undefined : title,
        text,
        // Undated items get the time we first saw them; their id keeps them from coming twice.
        createdAt: created ?? new Date().toISOString(),
        thread: parent ? { rootId: parent.id, parentId: parent.id } : { rootId: id },
        metrics: { replies: !parent && item.commentCount && /^\d+$/.test(item.commentCount) ? Number(item.commentCount) : 0 },
        channel: parent ? 'blog_comment' : feed.channel,
        brandContext: feed.brand ? [feed.brand] : [],
        langHint: feed.langHint,
      },
    },
  };
}

/**
 * The item's link made absolute, if it is http(s) and the Mention schema takes it: a link it refuses (too long)
 * costs the link, not the post.
 */
function webLink(raw: string | undefined, base: string, notes: string[]): string | undefined {
  const link = absoluteWebUrl(raw, base);
  if (!link) return undefined;
  const checked = WebUrl.safeParse(link);
  if (checked.success) return link;
  notes.push(`link of ${link.length} characters dropped: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return undefined;
}

/** The author's name, cut where `host:name` would overflow the author id (the post is worth more than the name). */
function authorName(raw: string | undefined, host: string, notes: string[]): string | undefined {
  const name = raw?.trim();
  const max = AUTHOR_ID_MAX - host.length - 1;
  if (name === undefined || name.length <= max) return name;
  notes.push(`author name of ${name.length} characters cut to ${max}`);
  // Never split a surrogate pair (an emoji) in half.
  return name.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
}

/** The item's date; an unreadable one is noted, and the caller's fallback (first seen) applies. */
function createdAt(item: FeedItem, notes: string[]): string | undefined {
  if (item.isoDate) return item.isoDate;
  if (!item.pubDate) return undefined;
  if (!Number.isNaN(Date.parse(item.pubDate))) return new Date(item.pubDate).toISOString();
  notes.push(`pubDate "${item.pubDate.slice(0, 100)}" is not a date; dated when first seen`);
  return undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
