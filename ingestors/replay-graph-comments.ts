/**
 * Facebook Graph comment records in a replay file (`id`, `message`, `created_time`, `from`, `permalink_url`): the
 * classic German shitstorm floods a brand's own page post with comments, and read as generic records each comment
 * was a post of its own, on no page. Here a comment gets its place back: source facebook (its SLA and naming),
 * channel page_comment, the page post as its thread, and the page's own replies marked as the brand's. Which brand
 * owns the page is settled once the brands are known (`pageBrands`).
 */
import type { Mention } from '../src/model.ts';
import { isNumber, parseGraphPermalink } from './replay-graph-permalinks.ts';

/**
 * Where a Graph record sits: on page `pageId`, under post `postId` ("PAGE_POST"). A comment whose link names the page
 * only by name has no `pageId` yet and the bare post (number or pfbid token) as `postId`; the file's page posts place
 * it (GraphPostIndex in replay-graph-permalinks.ts).
 */
export interface GraphPlace {
  pageId?: string;
  postId: string;
}

/**
 * The page and the page post a comment record sits under: its id "PAGE_POST_COMMENT", or a permalink with a
 * `comment_id` (`/PAGE/posts/POST`, `permalink.php?story_fbid=POST&id=PAGE`, PAGE a number or a name, POST a number or
 * pfbid token) with the post from the link or from the comment's own id "POST_COMMENT". A "POST_COMMENT" id alone is
 * no comment: a page post's "PAGE_POST" looks the same.
 */
export function graphCommentPlace(value: Record<string, unknown>): GraphPlace | undefined {
  if (typeof value.message !== 'string' || value.created_time === undefined) return undefined;
  const link = parseGraphPermalink(value.permalink_url);
  const id = typeof value.id === 'string' ? value.id : '';
  if (link?.commentId !== undefined && isNumber(link.page) && isNumber(link.post)) return { pageId: link.page, postId: `${link.page}_${link.post}` };
  const full = /^(\d+)_(\d+)_(\d+)$/u.exec(id);
  if (full) return { pageId: full[1] as string, postId: `${full[1] as string}_${full[2] as string}` };
  if (link?.commentId === undefined) return undefined;
  const post = isNumber(link.post) ? link.post : (/^(\d+)_\d+$/u.exec(id)?.[1] ?? link.post);
  if (post === undefined) return undefined;
  return isNumber(link.page) && isNumber(post) ? { pageId: link.page, postId: `${link.page}_${post}` } : { postId: post };
}

/**
 * Why a record that is a Facebook comment by its permalink cannot be placed (the link names no post and its id is no
 * "POST_COMMENT"), or undefined. Read as a post of its own it would be one more thread root on no page.
 */
export function unplacedGraphComment(value: Record<string, unknown>): string | undefined {
  if (typeof value.message !== 'string' || value.created_time === undefined) return undefined;
  if (parseGraphPermalink(value.permalink_url)?.commentId === undefined || graphCommentPlace(value) !== undefined) return undefined;
  const id = typeof value.id === 'string' ? `${value.id} ` : '';
  return `Facebook comment ${id}cannot be placed under its page post: its permalink ${String(value.permalink_url).slice(0, 200)} names no post (…/PAGE/posts/POST?comment_id=… or permalink.php?story_fbid=POST&id=PAGE&comment_id=…) and its id is no "POST_COMMENT"`;
}

/**
 * The page and post of a flat Graph page-post record: a permalink to the post without a comment_id (`/PAGE/posts/POST`
 * or `permalink.php?story_fbid=POST&id=PAGE`, PAGE a number), a "PAGE_POST" id written by the page itself, or a
 * "PAGE_POST" id whose permalink shows the same POST under the page's name. Read as a generic record it became source
 * json, a thread apart from its own comments (QA6: every hanseatica page post). Undefined for any other value.
 */
export function graphPostPlace(value: Record<string, unknown>): { pageId: string; postId: string } | undefined {
  if (typeof value.message !== 'string' || value.created_time === undefined) return undefined;
  const link = parseGraphPermalink(value.permalink_url);
  if (link?.commentId !== undefined) return undefined;
  if (isNumber(link?.page) && isNumber(link.post)) return { pageId: link.page, postId: `${link.page}_${link.post}` };
  const id = typeof value.id === 'string' ? /^(\d+)_(\d+)$/u.exec(value.id) : null;
  if (!id) return undefined;
  const [, pageId, post] = id as unknown as [string, string, string];
  const fromId = fromIdOf(value);
  if (fromId === pageId || (link?.page !== undefined && link.post === post)) return { pageId, postId: `${pageId}_${post}` };
  return undefined;
}

/** The Graph record's `from.id`, when it has one. */
function fromIdOf(value: Record<string, unknown>): string | undefined {
  const from = value.from;
  return isRecord(from) && typeof from.id === 'string' ? from.id : undefined;
}

/** The page writing on itself is the brand's own voice. */
function pageAsBrand(author: Mention['author'], pageId: string | undefined): Mention['author'] {
  return pageId !== undefined && author.id === pageId ? { ...author, isBrand: true } : author;
}

/** A generic record's mention (read with source facebook) placed under its page post. */
export function placeGraphComment(mention: Mention, place: GraphPlace): Mention {
  const rootId = `facebook:${place.postId}`;
  return {
    ...mention,
    author: pageAsBrand(mention.author, place.pageId),
    thread: { rootId, ...(mention.thread.parentId && mention.thread.parentId !== rootId ? { parentId: mention.thread.parentId } : {}) },
    channel: 'page_comment',
  };
}

/** The page a placed comment or page post sits on ("facebook:PAGE_POST" roots), or undefined for any other mention. */
export function pageOf(m: Pick<Mention, 'source' | 'channel' | 'thread'>): string | undefined {
  if (m.source !== 'facebook' || (m.channel !== 'page_comment' && m.channel !== 'post')) return undefined;
  return /^facebook:(\d+)_\d+$/u.exec(m.thread.rootId)?.[1];
}

/**
 * Which brand owns each page of the file: the brand one of whose accounts (or its name) writes on the page as the
 * page itself ("Sonnental Milch" answering under its own post). A comment on that page is about that brand, whether
 * or not it names it: "Ihr solltet euch schämen" under the post is.
 */
export async function pageBrands(mentions: AsyncIterable<Mention>, brands: readonly BrandNames[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const m of mentions) {
    const page = pageOf(m);
    // A page export without the Graph's `from` ids (Netvizz) marks no author as the page: its name does.
    if (page === undefined || out.has(page) || (m.author.isBrand !== true && m.channel !== 'page_comment')) continue;
    const owner = [m.author.name, m.author.handle, m.author.id].map((who) => (who === undefined ? undefined : brandNamed(who, brands))).find((id) => id !== undefined);
    if (owner !== undefined) out.set(page, owner);
  }
  return out;
}

export interface BrandNames {
  id: string;
  name: string;
  accounts: readonly string[];
}

/** A name or handle as letters and digits only: "Sonnental Milch", "@sonnental_milch" and "SonnentalMilch" are one. */
export const nameKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The brand whose name or one of whose accounts `who` is, or holds ("Sonnental Milch" holds "Sonnental"). */
export function brandNamed(who: string, brands: readonly BrandNames[]): string | undefined {
  const w = nameKey(who);
  if (w.length === 0) return undefined;
  return brands.find((b) => [b.name, ...b.accounts].map(nameKey).some((n) => n.length >= 3 && (w === n || w.includes(n))))?.id;
}

/** The pages of the file that answer as themselves, by the page's name (the first name seen per page). */
export async function pageOwners(mentions: AsyncIterable<Mention>): Promise<Array<{ pageId: string; name: string }>> {
  const out = new Map<string, string>();
  // Without the Graph's ids (a Netvizz export) no author is marked as the page: the page is who writes under most of
  // its posts, at least three and twice as many as anyone else (customers comment on one post, the page on all).
  const threadsBy = new Map<string, Map<string, Set<string>>>();
  for await (const m of mentions) {
    const page = pageOf(m);
    const name = m.author.name?.trim() || undefined;
    if (page === undefined || name === undefined || out.has(page)) continue;
    if (m.author.isBrand === true) out.set(page, name);
    else if (m.channel === 'page_comment') {
      const byName = threadsBy.get(page) ?? new Map<string, Set<string>>();
      threadsBy.set(page, byName);
      const threads = byName.get(name) ?? new Set<string>();
      byName.set(name, threads);
      if (threads.size < 1000) threads.add(m.thread.rootId);
    }
  }
  for (const [page, byName] of threadsBy) {
    if (out.has(page)) continue;
    const ranked = [...byName].map(([name, threads]) => [name, threads.size] as const).sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (first !== undefined && first[1] >= MIN_PAGE_THREADS && first[1] >= 2 * (second?.[1] ?? 0)) out.set(page, first[0]);
  }
  return [...out].map(([pageId, name]) => ({ pageId, name }));
}

/** Posts of its page a name must write under to be taken as the page itself (pageOwners). */
const MIN_PAGE_THREADS = 3;

/**
 * A Graph post exported with its comments nested (`/posts?fields=message,from,comments{…}`): the post and the page it
 * is on, and its comments, each read as a record of its own and placed under the post. Undefined for any other value.
 */
export function nestedGraphComments(value: Record<string, unknown>): { post: Record<string, unknown>; place: { pageId: string; postId: string }; comments: Record<string, unknown>[] } | undefined {
  const nested = value.comments;
  const data = typeof nested === 'object' && nested !== null && !Array.isArray(nested) ? (nested as { data?: unknown }).data : undefined;
  if (typeof value.id !== 'string' || !Array.isArray(data)) return undefined;
  const fromId = fromIdOf(value);
  const ids = /^(\d+)_(\d+)$/u.exec(value.id);
  const pageId = ids?.[1] ?? fromId;
  if (pageId === undefined) return undefined;
  const { comments: _dropped, ...post } = value;
  const comments = flattenReplies(data.filter(isRecord), 0);
  return { post, place: { pageId, postId: ids ? value.id : `${pageId}_${value.id}` }, comments };
}

const isRecord = (c: unknown): c is Record<string, unknown> => typeof c === 'object' && c !== null && !Array.isArray(c);

/** How deep replies nested in comments are followed (Graph nests replies one level; exports sometimes more). */
const MAX_REPLY_DEPTH = 5;

/**
 * Comments, each followed by the replies nested inside it (`comments{…,comments{…}}`), each reply with its parent
 * comment as `parent` unless it names one. They were dropped without a word: 992 of 5,305 comments of a page
 * export, the page's own answers among them, with "0 rows skipped" (QA firestorm round 3).
 */
function flattenReplies(comments: readonly Record<string, unknown>[], depth: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const c of comments) {
    const nested = c.comments;
    const replies = isRecord(nested) && Array.isArray(nested.data) ? nested.data.filter(isRecord) : [];
    if (replies.length === 0 || depth >= MAX_REPLY_DEPTH) {
      out.push(c);
      continue;
    }
    const { comments: _replies, ...comment } = c;
    out.push(comment);
    const parent = typeof c.id === 'string' ? { id: c.id } : undefined;
    out.push(...flattenReplies(replies.map((r) => (r.parent === undefined && parent ? { ...r, parent } : r)), depth + 1));
  }
  return out;
}

/** The page post itself, read as a generic record with source facebook: the thread its comments sit under. */
export function placeGraphPost(mention: Mention, place: { pageId: string; postId: string }): Mention {
  return {
    ...mention,
    author: pageAsBrand(mention.author, place.pageId),
    thread: { rootId: `facebook:${place.postId}` },
    channel: 'post',
  };
}
