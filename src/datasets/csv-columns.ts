/**
 * Header names that labelled and exported CSVs use for a post's id and text, first match wins, compared after
 * `normaliseHeader` ("Full Text" → `full_text`). Shared by `replay` (ingestors/replay-csv-columns.ts) and `eval`
 * (complaints.ts) so both read the same files alike. The later names are the social-listening exports our users
 * come from: Brandwatch (`Resource Id`, `Full Text`), Meltwater (`Opening Text`, `Hit Sentence`), Talkwalker (`content`),
 * and Facebook page data (Graph API `message`; Netvizz `comment_id`, `comment_message`).
 */
export const ID_COLUMNS = ['id', 'tweet_id', 'id_str', 'status_id', 'comment_id', 'post_id', 'resource_id', 'mention_id', 'document_id'] as const;
// Netvizz-style Facebook exports (`comment_message` beside the post's `post_message`): the comment comes first.
export const TEXT_COLUMNS = [
  'text',
  'tweet',
  'full_text',
  'content',
  // snscrape's tweets (`rawContent`, and its HTML-free `renderedContent`), as many research collections were made.
  'rawcontent',
  'renderedcontent',
  'message',
  'body',
  'opening_text',
  'hit_sentence',
  'snippet',
  'comment_message',
  'comment_text',
  'post_message',
  'post_text',
  // German spreadsheets ("Datum;Uhrzeit;Nutzer;Beitrag"), as a German team would hand over a storm (QA firestorm round 2).
  'beitrag',
  'inhalt',
  'nachricht',
  'kommentar',
  'beitragstext',
] as const;

/** A header cell as the lists above spell it: trimmed, lower case, runs of spaces and hyphens as one `_`. */
export function normaliseHeader(name: string): string {
  return name
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
