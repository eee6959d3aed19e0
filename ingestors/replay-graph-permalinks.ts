/**
 * Facebook permalinks as the Graph API writes them (`permalink_url`), and the page posts of a replay file that the
 * comments under them are placed by. A permalink names its page by name far more often than by number
 * ("https://www.facebook.com/Velura/posts/7000000000095072?comment_id=990000000002982"), and a comment's own id is
 * then "POST_COMMENT": the page's number is nowhere in the record. Only the page post of the same file (id
 * "PAGE_POST") or another permalink of the page says it (QA firestorm round 11: 652 comments read as json posts).
 */
import type { Mention } from '../src/model.ts';

export interface GraphPermalink {
  /** The page as the link names it: its number or its name ("Velura", "velura.mode"). */
  page?: string;
  /** The post: its number, or the "pfbid0…" token newer links carry instead. */
  post?: string;
  /** The comment the link points at (`comment_id`), absent for a link to the post itself. */
  commentId?: string;
}

const FACEBOOK_HOST = /^(?:[\w-]+\.)*facebook\.com$/iu;
// Path segments that are Facebook's own, never a page's name.
const NOT_A_PAGE = new Set(['permalink.php', 'story.php', 'photo.php', 'watch', 'groups', 'events', 'profile.php', 'share', 'sharer.php']);
const POST_TOKEN = /^(?:\d+|pfbid0\w+)$/u;

/**
 * The page, post and comment of a facebook.com link (any of www., m., web., mbasic.): `/PAGE/posts/POST`,
 * `/permalink.php?story_fbid=POST&id=PAGE` and `/story.php?…` alike, each with `comment_id` for a comment. Undefined
 * for a link that is not facebook.com or no URL at all; parts it does not show are left out.
 */
export function parseGraphPermalink(link: unknown): GraphPermalink | undefined {
  const url = facebookUrl(link);
  if (url === undefined) return undefined;
  const commentId = url.searchParams.get('comment_id')?.trim() || undefined;
  const [first, second, third] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (first === 'permalink.php' || first === 'story.php') {
    const post = url.searchParams.get('story_fbid') ?? undefined;
    return { page: digitsParam(url, 'id'), post: post && POST_TOKEN.test(post) ? post : undefined, commentId };
  }
  if (first === undefined || NOT_A_PAGE.has(first.toLowerCase())) return { commentId };
  return { page: first, post: second === 'posts' && third && POST_TOKEN.test(third) ? third : undefined, commentId };
}

/** The link as an http(s) URL on facebook.com ("www.facebook.com/…" written without its scheme too), else undefined. */
export function facebookUrl(link: unknown): URL | undefined {
  if (typeof link !== 'string') return undefined;
  const text = link.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][\w+.-]*:/iu.test(text) ? text : `https://${text.replace(/^\/\//u, '')}`);
  } catch {
    return undefined;
  }
  return /^https?:$/u.test(url.protocol) && FACEBOOK_HOST.test(url.hostname) ? url : undefined;
}

function digitsParam(url: URL, name: string): string | undefined {
  const value = url.searchParams.get(name);
  return value && /^\d+$/u.test(value) ? value : undefined;
}

export const isNumber = (s: string | undefined): s is string => s !== undefined && /^\d+$/u.test(s);

/** A page's name as permalinks vary it ("Velura", "velura"): lower-cased. */
const pageKey = (page: string): string => page.toLowerCase();

/**
 * The page posts of one file, learnt from their mentions (`facebook:PAGE_POST` roots), and the comments that named
 * their page only by name placed under them: same thread root as the post, the page's own comments the brand's.
 * A comment whose post is not in the file still finds its page by the page's name in another post's permalink; one
 * that finds neither keeps the post alone as its root (`facebook:POST`), on no known page.
 */
export class GraphPostIndex {
  /** Post number or pfbid token → "PAGE_POST". */
  private readonly posts = new Map<string, string>();
  /** Page name (pageKey) → page number. */
  private readonly pages = new Map<string, string>();

  learn(m: Mention): void {
    if (m.source !== 'facebook' || m.channel !== 'post') return;
    const ids = /^facebook:(\d+)_(\d+)$/u.exec(m.thread.rootId);
    if (!ids) return;
    const [, pageId, post] = ids as unknown as [string, string, string];
    this.posts.set(post, `${pageId}_${post}`);
    const link = parseGraphPermalink(m.url);
    if (link?.post !== undefined) this.posts.set(link.post, `${pageId}_${post}`);
    if (link?.page !== undefined && !isNumber(link.page)) this.pages.set(pageKey(link.page), pageId);
  }

  /** The comment under its page post when the file holds it or names its page; any other mention as it is. */
  place(m: Mention): Mention {
    if (m.source !== 'facebook' || m.channel !== 'page_comment') return m;
    const post = /^facebook:([^_]+)$/u.exec(m.thread.rootId)?.[1];
    if (post === undefined) return m;
    const link = parseGraphPermalink(m.url);
    const pageId = link?.page !== undefined ? this.pages.get(pageKey(link.page)) : undefined;
    const postId = this.posts.get(post) ?? (link?.post !== undefined ? this.posts.get(link.post) : undefined) ?? (pageId !== undefined && isNumber(post) ? `${pageId}_${post}` : undefined);
    if (postId === undefined) return m;
    const page = postId.slice(0, postId.indexOf('_'));
    return {
      ...m,
      author: m.author.id === page ? { ...m.author, isBrand: true } : m.author,
      thread: { ...m.thread, rootId: `facebook:${postId}` },
    };
  }
}

/** Mentions placed by an index learnt beforehand (a streamed file's first pass). */
export async function* placedUnderPagePosts(mentions: AsyncIterable<Mention>, index: GraphPostIndex): AsyncGenerator<Mention> {
  for await (const m of mentions) yield index.place(m);
}

/** A whole file's mentions, its comments placed under the page posts among them. */
export function placeAll(mentions: Mention[]): Mention[] {
  const index = new GraphPostIndex();
  for (const m of mentions) index.learn(m);
  return mentions.map((m) => index.place(m));
}
