/**
 * How replayed files mark a reshare (a retweet, a Facebook share) for the detectors: by its text, which starts
 * "RT @author: " as X writes retweets, or "RT: " when the file does not say whose post it copies. The detectors
 * read nothing else (classifiers/shitstorm-window.ts RESHARE counts and groups reshares, unanswered-cues.ts
 * expectsAnswer opens no thread for one), so a dump that marks retweets only by a flag column must be written so.
 */

/** A text that already reads as a reshare, with or without the original's author (as expectsAnswer reads it). */
export const RESHARE_TEXT = /^\s*RT(?:\s+@|:)/u;

/** What X accepts as a handle: a cell naming the original by id or display name names no handle. */
const HANDLE = /^@?(\w{1,15})$/;

/**
 * `text` as a reshare of `original`'s post ("RT @original: text"), or "RT: text" when the original's author is not
 * known as a handle; unchanged when it already reads as one.
 */
export function asReshare(text: string, original: string | undefined): string {
  if (RESHARE_TEXT.test(text)) return text;
  const handle = HANDLE.exec(original?.trim() ?? '')?.[1];
  return handle ? `RT @${handle}: ${text}` : `RT: ${text}`;
}

// Flags as spreadsheets and pandas write them (True, 1, 1.0, yes, ja), and entry types that are reshares.
const RESHARE_CELL = /^(?:true|t|1(?:\.0+)?|yes|y|ja|wahr|x|share|shared|retweet|retweeted|reshare|repost)$/i;

/** True when a reshare flag or entry-type cell (CsvColumns.reshare) says the post is a reshare. */
export function saysReshare(cell: string | undefined): boolean {
  return cell !== undefined && RESHARE_CELL.test(cell.trim());
}
