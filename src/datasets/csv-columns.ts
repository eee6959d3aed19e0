/**
 * Header names (lower-cased) that labelled and exported CSVs use for a post's id and text, first match wins.
 * Shared by `replay` (ingestors/replay-formats.ts) and `eval` (complaints.ts) so both read the same files alike.
 */
export const ID_COLUMNS = ['id', 'tweet_id', 'id_str', 'status_id', 'post_id'] as const;
export const TEXT_COLUMNS = ['text', 'tweet', 'full_text', 'content', 'message', 'body'] as const;
