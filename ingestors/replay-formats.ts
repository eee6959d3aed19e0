/**
 * File formats for `kundenradar replay` and the replay source: each turns a file into Mentions with ids
 * `<source>:<the file's own id>` (row number when there is none), so results join back to the file.
 * A bad row is reported with its line number and reason and skipped; the rest goes on.
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { looksLikeTweet, tweetToMention } from './replay-tweets.ts';
import { ID_COLUMNS, TEXT_COLUMNS } from '../src/datasets/csv-columns.ts';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { formatZodIssues } from '../src/config.ts';
import { MAX_TEXT_CHARS, Mention, type Brand, type MentionInput } from '../src/model.ts';

export const ReplayFormat = z.enum(['jsonl', 'csv', 'twcs', 'germeval']);
export type ReplayFormat = z.infer<typeof ReplayFormat>;

export interface RowError {
  line: number;
  reason: string;
}

export interface ReplayInput {
  /** In event-time order (stable for equal times), as a replay must feed the detectors. */
  mentions: Mention[];
  errors: RowError[];
  /** Brands the file itself defines (twcs: every outbound author is a brand account). */
  brands: Brand[];
}

export interface ReadOptions {
  /** Timestamp for rows without a date (a file's rows then keep their order, one second apart). */
  fallbackTime?: Date;
}

/** Strict UTF-8: a file with broken bytes is named, with the byte offset, instead of being read as mojibake. */
export function readUtf8(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidUtf8(file, findInvalidUtf8(bytes));
  }
}

export function invalidUtf8(file: string, byte: number): Error {
  return new Error(`${file}: invalid UTF-8 near byte ${byte}; convert the file to UTF-8 first (e.g. iconv -f latin1 -t utf-8)`);
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

/** One row of a file: the mention it makes, or why it makes none. */
export type RowResult = { mention: Mention } | { error: RowError };

function validateRow(input: MentionInput, line: number): RowResult {
  const parsed = Mention.safeParse(input);
  return parsed.success ? { mention: parsed.data } : { error: { line, reason: formatZodIssues(parsed.error).join('; ') } };
}

function validate(input: MentionInput, line: number, mentions: Mention[], errors: RowError[]): void {
  collect(validateRow(input, line), mentions, errors);
}

function collect(row: RowResult, mentions: Mention[], errors: RowError[]): void {
  if ('mention' in row) mentions.push(row.mention);
  else errors.push(row.error);
}

function byEventTime(mentions: Mention[]): Mention[] {
  return mentions
    .map((m, i) => ({ m, i, t: Date.parse(m.createdAt) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ m }) => m);
}

/** One jsonl line (1-based `line`); undefined for a blank line. */
export function jsonlRow(raw: string, line: number): RowResult | undefined {
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (err) {
    return { error: { line, reason: `malformed JSON: ${(err as Error).message}` } };
  }
  if (looksLikeTweet(value)) {
    const tweet = tweetToMention(value);
    return 'input' in tweet ? validateRow({ ...tweet.input, text: clip(tweet.input.text) }, line) : { error: { line, reason: tweet.reason } };
  }
  return validateRow(value as MentionInput, line);
}

export function readJsonl(text: string): ReplayInput {
  const mentions: Mention[] = [];
  const errors: RowError[] = [];
  text.split('\n').forEach((raw, index) => {
    const row = jsonlRow(raw, index + 1);
    if (row) collect(row, mentions, errors);
  });
  return { mentions: byEventTime(mentions), errors, brands: [] };
}

/** Header names (lower-cased) per field, first match wins: the names common tweet and review exports use. */
const CSV_COLUMNS = {
  id: ID_COLUMNS,
  text: TEXT_COLUMNS,
  createdAt: ['created_at', 'datetime', 'date', 'timestamp', 'time', 'created'],
  author: ['author', 'author_id', 'username', 'screen_name', 'user', 'user_id', 'handle'],
  url: ['url', 'link', 'permalink'],
} as const;

/** ISO and RFC dates, or Unix epochs in seconds or milliseconds (many exports write those). */
function parseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{9,13}(\.\d+)?$/.test(value)) {
    const n = Number(value);
    return new Date(n < 1e11 ? n * 1000 : n).toISOString();
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function clip(text: string): string {
  return text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS - 1) + '…' : text;
}

/** Options for csv-parse shared by the whole-file and the streaming reader, so both read a file alike. */
export const CSV_PARSE_OPTIONS = { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true, info: true } as const;

export type CsvColumns = Partial<Record<keyof typeof CSV_COLUMNS, string>>;

/** Which header names hold what; a file without a text column is refused, naming what it expects. */
export function csvColumns(record: Record<string, string>): CsvColumns {
  const header = Object.keys(record).map((h) => h.trim().toLowerCase());
  const pick = (names: readonly string[]) => names.find((n) => header.includes(n));
  const col = {
    id: pick(CSV_COLUMNS.id),
    text: pick(CSV_COLUMNS.text),
    createdAt: pick(CSV_COLUMNS.createdAt),
    author: pick(CSV_COLUMNS.author),
    url: pick(CSV_COLUMNS.url),
  };
  if (!col.text) throw new Error(`CSV has no text column: expected one of ${CSV_COLUMNS.text.join(', ')} in the header (found: ${header.join(', ')})`);
  return col;
}

/**
 * One CSV record: `index` is its 0-based position among the file's records (the id when the file has none,
 * and the offset from `baseMs` in seconds when it has no date), `line` the line it ends on.
 */
export function csvRow(record: Record<string, string>, line: number, index: number, col: CsvColumns, baseMs: number): RowResult {
  const get = (name: string | undefined) => {
    if (!name) return undefined;
    const key = Object.keys(record).find((k) => k.trim().toLowerCase() === name);
    const v = key ? record[key]?.trim() : undefined;
    return v ? v : undefined;
  };
  const nativeId = get(col.id) ?? String(index + 1);
  const rawDate = get(col.createdAt);
  const createdAt = parseDate(rawDate);
  if (rawDate && !createdAt) return { error: { line, reason: `unreadable date "${rawDate}"` } };
  const text = get(col.text);
  if (!text) return { error: { line, reason: 'empty text' } };
  const id = `csv:${nativeId}`;
  return validateRow(
    {
      id,
      source: 'csv',
      // Exports often hold relative or app links there: only http(s) is kept, the row is not lost over it.
      url: /^https?:\/\//i.test(get(col.url) ?? '') ? get(col.url) : undefined,
      author: { id: get(col.author) ?? 'unknown' },
      text: clip(text),
      createdAt: createdAt ?? new Date(baseMs + index * 1000).toISOString(),
      thread: { rootId: id },
      channel: 'post',
    },
    line,
  );
}

export function readCsv(text: string, options: ReadOptions = {}): ReplayInput {
  const rows = parseCsv(text, CSV_PARSE_OPTIONS) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  const col = rows[0] ? csvColumns(rows[0].record) : {};
  const base = (options.fallbackTime ?? new Date()).getTime();
  const mentions: Mention[] = [];
  const errors: RowError[] = [];
  rows.forEach(({ record, info }, index) => collect(csvRow(record, info.lines, index, col, base), mentions, errors));
  return { mentions: byEventTime(mentions), errors, brands: [] };
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
export function readTwcs(text: string): ReplayInput {
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
  for (const { record, info } of rows) {
    const tweetId = record.tweet_id;
    if (!tweetId || !record.author_id || record.inbound === undefined) {
      errors.push({ line: info.lines, reason: 'missing tweet_id, author_id or inbound' });
      continue;
    }
    const createdAt = parseDate(record.created_at);
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
        text: clip(record.text || '(empty)'),
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

const GermEvalDocument = z.object({
  '@_id': z.string().min(1),
  text: z.union([z.string(), z.number()]).transform(String),
});

/** GermEval 2017 XML: `<Document id="..."><text>…</text>…</Document>`; the document id is its URL. */
export function readGermEvalXml(text: string, options: ReadOptions = {}): ReplayInput {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'Document', parseTagValue: false, htmlEntities: true });
  const root = parser.parse(text) as { Documents?: { Document?: unknown[] } };
  const docs = root.Documents?.Document ?? [];
  const base = (options.fallbackTime ?? new Date()).getTime();
  const mentions: Mention[] = [];
  const errors: RowError[] = [];
  docs.forEach((raw, index) => {
    const doc = GermEvalDocument.safeParse(raw);
    if (!doc.success) {
      errors.push({ line: index + 1, reason: `document ${index + 1}: ${formatZodIssues(doc.error).join('; ')}` });
      return;
    }
    const nativeId = doc.data['@_id'].replace(/\\_/g, '_');
    const id = `germeval:${nativeId.replace(/\s+/g, '_')}`.slice(0, 512);
    const url = /^https?:\/\//.test(nativeId) && z.string().url().safeParse(nativeId).success ? nativeId : undefined;
    validate(
      {
        id,
        source: 'germeval',
        url,
        author: { id: url ? new URL(url).hostname : 'unknown' },
        text: clip(doc.data.text.trim() || '(empty)'),
        createdAt: new Date(base + index * 1000).toISOString(),
        thread: { rootId: id },
        channel: url?.includes('twitter.com') ? 'post' : 'news',
        langHint: 'de',
      },
      index + 1,
      mentions,
      errors,
    );
  });
  return { mentions, errors, brands: [] };
}

export function readReplayFile(file: string, format: ReplayFormat, options: ReadOptions = {}): ReplayInput {
  const text = readUtf8(file);
  switch (format) {
    case 'jsonl':
      return readJsonl(text);
    case 'csv':
      return readCsv(text, options);
    case 'twcs':
      return readTwcs(text);
    case 'germeval':
      return readGermEvalXml(text, options);
  }
}
