/**
 * JSON records that are neither Kundenradar mentions nor X API tweets: Facebook Graph comments (`message`,
 * `created_time`, `from.name`), scraper output, a research dataset's own layout. Each object is flattened to
 * dotted keys (`from.name`) and read like a CSV row (replay-csv.ts `csvRow`), so the same header names decide
 * which field is the text, the time and the author, and JSON and CSV files of one dataset read alike.
 */
import { createHash } from 'node:crypto';
import { normaliseHeader } from '../src/datasets/csv-columns.ts';
import { CSV_FIELDS, resolveColumns, type CsvColumns } from './replay-csv-columns.ts';
import { csvRow } from './replay-csv.ts';
import type { RowResult } from './replay-rows.ts';
import { graphCommentPlace, graphPostPlace, nestedGraphComments, placeGraphComment, placeGraphPost, unplacedGraphComment, type GraphPlace } from './replay-graph-comments.ts';
import { facebookUrl } from './replay-graph-permalinks.ts';

type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Keys only our own Mention has (`source` and `channel` are common elsewhere: NewsAPI, YouTube comment dumps).
const MENTION_KEYS = ['createdAt', 'thread', 'brandContext'];

/** True for an object that is meant as a Kundenradar mention (the jsonl the project writes and reads). */
export function looksLikeMention(value: JsonObject): boolean {
  return MENTION_KEYS.some((k) => k in value);
}

// An integer beyond 2^53 has lost digits in JSON.parse (tweet and Facebook ids are that long): never an id.
const LOST_DIGITS = '\u0000lost-digits';

/** Nested objects as dotted keys (`from.name`), scalars as strings; arrays and deeper levels are left out. */
export function flattenRecord(value: JsonObject, prefix = '', depth = 0, out: Record<string, string> = {}): Record<string, string> {
  for (const [key, v] of Object.entries(value)) {
    const name = normaliseHeader(prefix + key);
    if (typeof v === 'string') out[name] = v;
    else if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) out[name] = LOST_DIGITS;
    else if (typeof v === 'number' || typeof v === 'boolean') out[name] = String(v);
    else if (isJsonObject(v) && depth < 2) flattenRecord(v, `${prefix}${key}.`, depth + 1, out);
  }
  return out;
}

/**
 * A page of records as an API returns it (`{"data": [...], "paging": …}`, Facebook Graph): its records, or
 * undefined when the value is no such page. X API v2 pages (tweets with `text`) are read by replay-v2-pages.ts.
 */
export function recordPage(value: JsonObject): unknown[] | undefined {
  const data = value.data;
  if (!Array.isArray(data) || data.length === 0) return undefined;
  return data.every((d) => isJsonObject(d) && !looksLikeV2Tweet(d) && !looksLikeMention(d)) ? data : undefined;
}

// What X API v2 tweets carry and other records rarely do: their pages go to replay-v2-pages.ts.
function looksLikeV2Tweet(d: JsonObject): boolean {
  return 'text' in d && ('author_id' in d || 'edit_history_tweet_ids' in d || 'conversation_id' in d);
}

const TEXT_NAMES = CSV_FIELDS.text.join(', ');
const DATE_NAMES = CSV_FIELDS.createdAt.join(', ');

/**
 * The csv columns of a record's keys, except a bare `name`: in a CSV tweet dataset it is the poster, but in JSON it is
 * mostly something else (a Facebook Graph post's `name` is the title of the link it shares); JSON records name their
 * author in an object (`from.name`, `user.name`, `author.name`).
 */
function jsonColumns(keys: readonly string[]): CsvColumns {
  return resolveColumns(keys.filter((k) => k !== 'name'));
}

/**
 * One generic record as a replay row: id `json:<its id>` (a hash of the record when it has none). `timeZone`: the IANA
 * zone of its time when written without one (ReadOptions.timeZone).
 */
export function recordRow(value: JsonObject, line: number, place: GraphPlace | undefined = graphCommentPlace(value), timeZone?: string): RowResult {
  const unplaced = place === undefined ? unplacedGraphComment(value) : undefined;
  if (unplaced !== undefined) return { error: { line, reason: unplaced } };
  const flat = flattenRecord(value);
  let columns = jsonColumns(Object.keys(flat));
  if (columns.texts.length === 0 && !columns.title) {
    // A Graph comment nested in its post shares the post's record number: name the comment, or the skip points at the post.
    if (place !== undefined && typeof value.id === 'string') return { error: { line, reason: `Facebook comment ${value.id} has no text (a sticker or photo only): nothing to classify` } };
    return { error: { line, reason: `no text field: a record needs one of ${TEXT_NAMES} (its fields: ${Object.keys(flat).slice(0, 12).join(', ')})` } };
  }
  if (!columns.createdAt) return { error: { line, reason: `no time field: a record needs one of ${DATE_NAMES}, or replay has no event time for it` } };
  if (flat[columns.createdAt] === LOST_DIGITS) {
    return { error: { line, reason: `"${columns.createdAt}" is a number too large for a date or epoch (seconds or milliseconds)` } };
  }
  const lost = [...columns.ids, columns.parentId, columns.rootId].find((k) => k !== undefined && flat[k] === LOST_DIGITS);
  if (lost) return { error: { line, reason: `"${lost}" is a number beyond 2^53 and has lost digits; the file needs it as a string` } };
  for (const [k, v] of Object.entries(flat)) if (v === LOST_DIGITS) delete flat[k];
  const idColumn = columns.ids.find((k) => flat[k]?.trim());
  // A comment's `post_id` is the post it belongs to, shared by all its comments: no id of its own.
  if (idColumn === undefined || (idColumn === 'post_id' && columns.texts[0]?.startsWith('comment_'))) {
    // Stable across the two reads of a streamed replay, and the same record written twice is fed once.
    flat.id = createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 16);
    columns = jsonColumns(Object.keys(flat));
  }
  // A flat page post: its comments name it (graphCommentPlace), so it must be their thread's root, not a json post.
  const post = place === undefined ? graphPostPlace(value) : undefined;
  const row = csvRow(flat, line, 0, { columns, baseMs: 0, dated: true, timeZone, source: place || post ? 'facebook' : 'json' });
  if (!('mention' in row)) return row;
  // The permalink stays with the mention: the file's page posts place by it the comments that name their page by name.
  const url = place || post ? facebookUrl(value.permalink_url)?.href : undefined;
  const mention = url !== undefined ? { ...row.mention, url } : row.mention;
  if (place) return { ...row, mention: placeGraphComment(mention, place) };
  return post ? { ...row, mention: placeGraphPost({ ...mention, id: `facebook:${post.postId}` }, post) } : row;
}

/**
 * A Graph post with its comments nested: the post, then every comment placed under it (replay-graph-comments.ts).
 * Read as one generic record, the comments were dropped without a word.
 */
export function graphPostRows(value: JsonObject, line: number, timeZone?: string): RowResult[] | undefined {
  const nested = nestedGraphComments(value);
  if (!nested) return undefined;
  const post = recordRow(nested.post, line, undefined, timeZone);
  const placedPost: RowResult = 'mention' in post ? { ...post, mention: placeGraphPost({ ...post.mention, id: `facebook:${nested.place.postId}`, source: 'facebook' }, nested.place) } : post;
  return [placedPost, ...nested.comments.map((c) => recordRow(c, line, nested.place, timeZone))];
}
