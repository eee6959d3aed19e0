/**
 * File formats for `kundenradar replay` and the replay source: each turns a file into Mentions with ids
 * `<source>:<the file's own id>` (row number when there is none), so results join back to the file.
 * A bad row is reported with its line number and reason and skipped; the rest goes on. jsonl, twcs and
 * germeval are read here, csv in replay-csv.ts.
 */
import { cellCountProblem } from './replay-csv-cells.ts';
import { parseJsonExact } from './json-exact.ts';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { looksLikeTweet, tweetToMention } from './replay-tweets.ts';
import { archivedTweet, searchStatuses, withoutArchiveAssignment } from './replay-tweet-envelopes.ts';
import { looksLikeV2Response, v2ResponseRows } from './replay-v2-pages.ts';
import { readCsv } from './replay-csv.ts';
import { graphPostRows, isJsonObject, looksLikeMention, recordPage, recordRow } from './replay-records.ts';
import { parseExportDate } from './replay-dates.ts';
import { placeAll } from './replay-graph-permalinks.ts';
import { byEventTime, collect, FirstCopies, validateRow, within, type ReadOptions, type ReplayInput, type RowError, type RowResult } from './replay-rows.ts';
import { z } from 'zod';
import type { Brand, Mention, MentionInput } from '../src/model.ts';

export type { Preamble, ReadOptions, ReplayInput, RowError, RowResult } from './replay-rows.ts';
export { readCsv } from './replay-csv.ts';
export { readGermEvalXml } from './replay-germeval.ts';
import { readGermEvalXml } from './replay-germeval.ts';

export const ReplayFormat = z.enum(['jsonl', 'csv', 'twcs', 'germeval']);
export type ReplayFormat = z.infer<typeof ReplayFormat>;

/** Strict UTF-8: a file with broken bytes is named, with the byte offset, instead of being read as mojibake. */
export function readUtf8(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidUtf8(file, findInvalidUtf8(bytes), bytes);
  }
}

/** `start`: the file's first bytes, when at hand, to tell a UTF-16 file (Meltwater's CSV export is one) from mojibake. */
export function invalidUtf8(file: string, byte: number, start?: Buffer): Error {
  if (start && looksUtf16(start)) {
    return new Error(`${file}: the file is UTF-16, not UTF-8 (Meltwater and Excel's "Unicode text" write it so); convert it first: iconv -f utf-16 -t utf-8`);
  }
  return new Error(`${file}: invalid UTF-8 near byte ${byte}; convert the file to UTF-8 first (e.g. iconv -f latin1 -t utf-8)`);
}

/** The file's first bytes are a UTF-16 byte-order mark. */
export function looksUtf16(start: Buffer): boolean {
  return start.length >= 2 && ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff));
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function findInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}

function validate(input: MentionInput, line: number, mentions: Mention[], errors: RowError[]): void {
  collect(validateRow(input, line), mentions, errors);
}

/**
 * The rows of one jsonl line (1-based `line`): none for a blank line, one for a Mention or a single API tweet,
 * one per tweet for a v2 response page (replay-v2-pages.ts). `timeZone`: see jsonValueRows.
 */
export function jsonlRows(raw: string, line: number, timeZone?: string): RowResult[] {
  const trimmed = raw.trim();
  if (!trimmed) return [];
  let value: unknown;
  try {
    value = parseJsonExact(trimmed);
  } catch (err) {
    return [{ error: { line, reason: `malformed JSON: ${(err as Error).message}` } }];
  }
  return jsonValueRows(value, line, timeZone);
}

/**
 * The rows of one parsed JSON value: a Mention, an API tweet, an X API v2 page, a page of records
 * (`{"data": [...]}`), an array of any of these, or a generic record (replay-records.ts). `timeZone`: the IANA
 * zone of a generic record's time written without one (API tweets and Mentions always carry theirs).
 */
export function jsonValueRows(value: unknown, line: number, timeZone?: string, depth = 0): RowResult[] {
  const archived = archivedTweet(value);
  if (archived !== undefined) return [tweetRow(archived, line)];
  const statuses = searchStatuses(value);
  if (statuses) return statuses.map((status, i) => within(tweetRow(status, line), `status ${i + 1} of ${statuses.length}${idNote(status)}`));
  const items = Array.isArray(value) ? value : isJsonObject(value) ? recordPage(value) : undefined;
  if (items) {
    // An array of records, or of pages of them; anything nested deeper is no layout a collector writes.
    if (depth >= 2) return [{ error: { line, reason: 'arrays nested more than two deep: expected records, or arrays or pages of them' } }];
    // Numbers, strings and the like in an array are one mistake of the line, not one skipped row each.
    const values = items.filter((v) => v === null || typeof v !== 'object');
    const rows = items.filter((v) => v !== null && typeof v === 'object').flatMap((v) => jsonValueRows(v, line, timeZone, depth + 1));
    if (values.length === 0) return rows;
    return [...rows, { error: { line, reason: `${values.length} of ${items.length} array items are no records (${[...new Set(values.map(jsonKind))].join(', ')})` } }];
  }
  if (looksLikeV2Response(value)) return v2ResponseRows(value, line);
  if (looksLikeTweet(value)) {
    const tweet = tweetToMention(value);
    if ('input' in tweet) return [validateRow(tweet.input, line)];
    // `created_at` and `text` are common names: a record that is no API tweet may still read as a plain record
    // (one whose id lost its digits fails as a record too, and the tweet's reason is reported).
    const record = isJsonObject(value) ? recordRow(value, line, undefined, timeZone) : undefined;
    return [record && 'mention' in record ? record : { error: { line, reason: `tweet: ${tweet.reason}` } }];
  }
  if (isJsonObject(value) && !looksLikeMention(value)) {
    const nested = graphPostRows(value, line, timeZone);
    if (nested) return nested;
    const record = recordRow(value, line, undefined, timeZone);
    // An object with an id of our own form ("demo:3") that reads as no record was meant as a Mention: say why not.
    return ['error' in record && typeof value.id === 'string' && OWN_ID.test(value.id) ? validateRow(value as MentionInput, line) : record];
  }
  return [validateRow(value as MentionInput, line)];
}

/** A tweet inside a wrapper (search response, archive entry): whatever its shape, read as a tweet or refused as one. */
function tweetRow(value: unknown, line: number): RowResult {
  const tweet = tweetToMention(value);
  return 'input' in tweet ? validateRow(tweet.input, line) : { error: { line, reason: tweet.reason } };
}

function idNote(value: unknown): string {
  const id = isJsonObject(value) ? (value.id_str ?? value.id) : undefined;
  return typeof id === 'string' || typeof id === 'number' ? ` (id ${String(id)})` : '';
}

function jsonKind(value: unknown): string {
  return value === null ? 'null' : typeof value === 'string' ? 'text' : typeof value;
}

export function readJsonl(text: string, timeZone?: string): ReplayInput {
  const mentions: Mention[] = [];
  const errors: RowError[] = [];
  const firstCopies = new FirstCopies();
  text.split('\n').forEach((raw, index) => {
    for (const row of jsonlRows(raw, index + 1, timeZone)) collect(firstCopies.keep(row, index + 1), mentions, errors);
  });
  return { mentions: byEventTime(placeAll(mentions)), errors, brands: [] };
}

const OWN_ID = /^[a-z][\w-]*:\S/;

/**
 * True when `text` is one JSON document spread over lines (a pretty-printed array or API response) rather than JSON
 * lines: it opens with `[` or `{` and its first non-empty line is no JSON value on its own.
 */
export function isJsonDocument(firstLine: string): boolean {
  const head = withoutArchiveAssignment(firstLine.replace(/^\ufeff/, '')).trim();
  if (!head.startsWith('[') && !head.startsWith('{')) return false;
  try {
    JSON.parse(head);
    return false;
  } catch {
    return true;
  }
}

function firstNonBlankLine(text: string): string {
  for (const line of text.split('\n', 50)) if (line.trim()) return line;
  return '';
}

/** One JSON document: its records (array elements, an API page's `data`) are the rows, numbered from 1. */
export function readJsonDocument(text: string, timeZone?: string): ReplayInput {
  let value: unknown;
  try {
    value = parseJsonExact(withoutArchiveAssignment(text.replace(/^\ufeff/, '')));
  } catch (err) {
    // Not one document after all: JSON lines whose first line is broken. That line is reported, the rest read.
    const asLines = readJsonl(text, timeZone);
    if (asLines.mentions.length >= asLines.errors.length) return asLines;
    // Mostly fragments as lines: a pretty-printed document that is broken or cut short. One error says so, instead
    // of one "malformed JSON" per fragment line.
    throw new Error(`not a valid JSON document: ${jsonErrorPlace(err as Error, text)}`);
  }
  const records = Array.isArray(value) ? value : ((isJsonObject(value) ? recordPage(value) : undefined) ?? [value]);
  const mentions: Mention[] = [];
  const errors: RowError[] = [];
  const firstCopies = new FirstCopies();
  records.forEach((record, index) => {
    for (const row of jsonValueRows(record, index + 1, timeZone)) {
      const kept = firstCopies.keep(row, index + 1);
      collect('error' in kept ? { error: { ...kept.error, record: index + 1 } } : kept, mentions, errors);
    }
  });
  return { mentions: byEventTime(placeAll(mentions)), errors, brands: [] };
}

/** The parser's message with the line it points at ("… at position 812" → "… (line 31)"), or the end of the text. */
function jsonErrorPlace(err: Error, text: string): string {
  const at = /position (\d+)/.exec(err.message);
  if (at) return `${err.message} (line ${text.slice(0, Number(at[1])).split('\n').length})`;
  if (/end of JSON input/i.test(err.message)) return `it ends before the document is complete (line ${text.split('\n').length}; cut off?)`;
  return err.message;
}

/** A date as readers of files take it (ISO, RFC, epochs, export layouts; no zone means UTC, or `timeZone`). */
function parseDate(value: string | undefined, timeZone: string | undefined): string | undefined {
  if (!value) return undefined;
  const parsed = parseExportDate(value, undefined, timeZone);
  return 'iso' in parsed ? parsed.iso : undefined;
}

/** A brand id made from an account name ("AppleSupport" → "applesupport"). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return /^[a-z0-9]/.test(slug) ? slug : `b-${slug || 'brand'}`.slice(0, 64);
}

/**
 * "Customer Support on Twitter": outbound authors are brand accounts; an inbound tweet is a mention of the
 * brand it addresses (by @handle, or the brand that replied to it or that it answers).
 */
export function readTwcs(text: string, timeZone?: string): ReplayInput {
  const rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, info: true, relax_column_count: true }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  const byId = new Map<string, { record: Record<string, string>; line: number }>();
  const brandAccounts = new Set<string>();
  for (const { record, info } of rows) {
    if (record.tweet_id) byId.set(record.tweet_id, { record, line: info.lines });
    if (record.inbound?.toLowerCase() === 'false' && record.author_id) brandAccounts.add(record.author_id);
  }
  const lowerBrand = new Map([...brandAccounts].map((b) => [b.toLowerCase(), b]));
  const rootOf = (id: string): string => {
    let current = id;
    for (let hops = 0; hops < 1000; hops++) {
      const parent = byId.get(current)?.record.in_response_to_tweet_id;
      if (!parent || !byId.has(parent)) return current;
      current = parent;
    }
    return current;
  };
  const mentions: Mention[] = [];
  const errors: RowError[] = [];
  // A row with more cells than the header was read with its text cut at an unquoted comma (as in replay-csv.ts).
  const headerCells = text.replace(/^\uFEFF/u, '').split(/\r?\n/u, 1)[0]?.split(',').length ?? 0;
  const columns = { ids: ['tweet_id'], texts: ['text'], xExport: false, authorless: false };
  for (const { record, info } of rows) {
    const misfit = cellCountProblem(info, headerCells, record, columns);
    if (misfit !== undefined) {
      errors.push({ line: info.lines, reason: misfit });
      continue;
    }
    const tweetId = record.tweet_id;
    if (!tweetId || !record.author_id || record.inbound === undefined) {
      errors.push({ line: info.lines, reason: 'missing tweet_id, author_id or inbound' });
      continue;
    }
    const createdAt = parseDate(record.created_at, timeZone);
    if (!createdAt) {
      errors.push({ line: info.lines, reason: `unreadable created_at "${record.created_at ?? ''}"` });
      continue;
    }
    const isBrand = record.inbound.toLowerCase() === 'false';
    const parent = record.in_response_to_tweet_id || undefined;
    const context = new Set<string>();
    if (isBrand) context.add(record.author_id);
    else {
      for (const [, handle] of (record.text ?? '').matchAll(/@(\w+)/g)) {
        const brand = lowerBrand.get(handle!.toLowerCase());
        if (brand) context.add(brand);
      }
      const parentAuthor = parent ? byId.get(parent)?.record : undefined;
      if (parentAuthor?.inbound?.toLowerCase() === 'false') context.add(parentAuthor.author_id!);
      for (const responseId of (record.response_tweet_id ?? '').split(',').filter(Boolean)) {
        const response = byId.get(responseId)?.record;
        if (response?.inbound?.toLowerCase() === 'false') context.add(response.author_id!);
      }
    }
    const id = `twitter:${tweetId}`;
    validate(
      {
        id,
        source: 'twitter',
        author: { id: record.author_id, handle: record.author_id, isBrand },
        text: record.text || '(empty)',
        createdAt,
        thread: { rootId: `twitter:${rootOf(tweetId)}`, parentId: parent && byId.has(parent) ? `twitter:${parent}` : undefined },
        channel: parent ? 'reply' : 'post',
        brandContext: [...context].map(slugify),
      },
      info.lines,
      mentions,
      errors,
    );
  }
  const brands: Brand[] = [...brandAccounts].sort().map((account) => ({
    id: slugify(account),
    name: account,
    query: `@${account}`,
    accounts: [account],
    language: 'en',
  }));
  return { mentions: byEventTime(mentions), errors, brands };
}

export function readReplayFile(file: string, format: ReplayFormat, options: ReadOptions = {}): ReplayInput {
  const text = readUtf8(file);
  switch (format) {
    case 'jsonl':
      return isJsonDocument(firstNonBlankLine(text)) ? readJsonDocument(text, options.timeZone) : readJsonl(text, options.timeZone);
    case 'csv':
      return readCsv(text, options);
    case 'twcs':
      return readTwcs(text, options.timeZone);
    case 'germeval':
      return readGermEvalXml(text, options, file);
  }
}
