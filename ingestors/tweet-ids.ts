/**
 * The ids of X posts, one rule for the live source (twitter.ts) and replayed dumps (replay-tweets.ts): a replay
 * after a live run must write onto the same posts, not add a copy of each under another id.
 */

/** The source name of X posts, live and replayed (twcs, the Kaggle customer-support dump, uses it too). */
export const X_SOURCE = 'twitter';

/** The Mention id (and thread ids) of a native tweet id. */
export function xMentionId(nativeId: string): string {
  return `${X_SOURCE}:${nativeId}`;
}

/**
 * The id that names a post across its edits. X gives every edit a new id and lists the chain in
 * `edit_history_tweet_ids`, oldest first ("starting with the original ID", X API v2 Edit Posts), and delivers
 * the newest version: named by its first id, an edit updates the post instead of adding another.
 */
export function firstEditId(id: string, editHistory: readonly string[] | undefined): string {
  return editHistory?.[0] ?? id;
}
