/**
 * The wrappers X dumps put around tweets, taken off so each tweet is read by replay-tweets.ts: a v1.1 search
 * response (`{"statuses": [...], "search_metadata": {…}}`, one per line as collectors saved them) and a Twitter
 * archive's `data/tweets.js` (`window.YTD.tweets.part0 = [{"tweet": {…}}, …]`, a JavaScript assignment around
 * one JSON array). v2 pages (`{data, includes}`) are replay-v2-pages.ts.
 */
import { z } from 'zod';

// The archive names its parts tweets.part0, tweets.part1, … (and deleted-tweets.part0): any `window.YTD.<name> =`.
const ARCHIVE_ASSIGNMENT = /^\s*window\.YTD\.[\w.]+\s*=\s*/;

/** True when a file's first bytes are an archive part (told by content: the archive's file names vary). */
export function isArchivePart(head: string): boolean {
  return ARCHIVE_ASSIGNMENT.test(head);
}

/** The JSON of an archive part without its `window.YTD.… =` assignment; other text as it is. */
export function withoutArchiveAssignment(text: string): string {
  return text.replace(ARCHIVE_ASSIGNMENT, '');
}

const ArchiveEntry = z.object({ tweet: z.looseObject({}) }).strict();
const SearchResponse = z.looseObject({ statuses: z.array(z.unknown()), search_metadata: z.unknown().optional() });

/** The tweet of an archive entry (`{"tweet": {…}}` and nothing else), or undefined for anything else. */
export function archivedTweet(value: unknown): unknown {
  const parsed = ArchiveEntry.safeParse(value);
  return parsed.success ? parsed.data.tweet : undefined;
}

/** The statuses of a v1.1 search response, or undefined for anything else. */
export function searchStatuses(value: unknown): unknown[] | undefined {
  const parsed = SearchResponse.safeParse(value);
  return parsed.success && !('createdAt' in parsed.data) ? parsed.data.statuses : undefined;
}
