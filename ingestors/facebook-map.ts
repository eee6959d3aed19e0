/**
 * Graph API posts/comments and page webhook changes → Mentions. Everything the page itself writes is a brand
 * post or brand reply; the page's brand is the context of everything on it.
 */
import type { Candidate } from './accept.ts';
import type { GraphComment, GraphPost } from './facebook-graph.ts';
import { truncateText } from './text.ts';

export interface PageContext {
  pageId: string;
  brand?: string;
}

const SOURCE = 'facebook';

export function postCandidate(post: GraphPost, page: PageContext): Candidate | undefined {
  if (!post.message?.trim()) return undefined;
  const authorId = post.from?.id ?? page.pageId;
  return {
    raw: post,
    mention: {
      id: `${SOURCE}:${post.id}`,
      source: SOURCE,
      url: post.permalink_url,
      author: { id: authorId, name: post.from?.name, isBrand: authorId === page.pageId },
      text: truncateText(post.message.trim()).text,
      createdAt: post.created_time,
      thread: { rootId: `${SOURCE}:${post.id}` },
      metrics: {
        likes: post.reactions?.summary?.total_count ?? 0,
        shares: post.shares?.count ?? 0,
        replies: post.comments?.summary?.total_count ?? 0,
      },
      channel: 'post',
      brandContext: page.brand ? [page.brand] : [],
    },
  };
}

export interface CommentInput {
  id: string;
  postId: string;
  parentId?: string;
  message?: string;
  /** ISO UTC, as `GraphTime` (facebook-graph.ts) turns it out. */
  createdTime: string;
  from?: { id: string; name?: string };
  url?: string;
  likes?: number;
  replies?: number;
}

export function fromGraphComment(comment: GraphComment, postId: string): CommentInput {
  return {
    id: comment.id,
    postId,
    parentId: comment.parent?.id,
    message: comment.message,
    createdTime: comment.created_time,
    from: comment.from,
    url: comment.permalink_url,
    likes: comment.like_count,
    replies: comment.comment_count,
  };
}

/** Undefined for comments without text (a sticker or photo): nothing to classify, callers log and skip. */
export function commentCandidate(comment: CommentInput, page: PageContext, raw: unknown): Candidate | undefined {
  if (!comment.message?.trim()) return undefined;
  // Without the page's permission Graph omits `from` for private profiles; the comment still counts.
  const authorId = comment.from?.id ?? 'unknown';
  return {
    raw,
    mention: {
      id: `${SOURCE}:${comment.id}`,
      source: SOURCE,
      url: comment.url,
      author: { id: authorId, name: comment.from?.name, isBrand: authorId === page.pageId },
      text: truncateText(comment.message.trim()).text,
      createdAt: comment.createdTime,
      thread: { rootId: `${SOURCE}:${comment.postId}`, parentId: `${SOURCE}:${comment.parentId ?? comment.postId}` },
      metrics: { likes: comment.likes ?? 0, replies: comment.replies ?? 0 },
      channel: 'page_comment',
      brandContext: page.brand ? [page.brand] : [],
    },
  };
}
