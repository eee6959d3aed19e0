/**
 * `replay --format csv`: each record becomes a Mention with id `csv:<the file's own id>` (its row number when it
 * has none). Reads plain CSVs, twarc-csv tweet exports and social-listening exports (Brandwatch, Talkwalker,
 * Meltwater): the header row is found below their report metadata and the columns by name
 * (replay-csv-columns.ts), dates as replay-dates.ts says. The whole-file reader here and the streaming one
 * (replay-stream.ts) both go through `csvRow`, so they read a file alike.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Channel, Mention } from '../src/model.ts';
import { GUESS_SAMPLE, HEADER_SEARCH_LINES, findCsvHeader, resolveColumns, withGuessedDate, type CsvColumns, type CsvHeader } from './replay-csv-columns.ts';
import { isIdColumn, readAuthorCell } from './author-cell.ts';
import { cellCountProblem } from './replay-csv-cells.ts';
import { DayMonthVote, joinDateTime, parseExportDate, type DayMonthOrder } from './replay-dates.ts';
import { ANONYMOUS_AUTHOR, byEventTime, collect, FirstCopies, invalidUtf8Row, validateRow, type Preamble, type ReadOptions, type ReplayInput, type RowError, type RowResult } from './replay-rows.ts';
import { asReshare, RESHARE_TEXT, saysReshare } from './reshares.ts';
import { decodeEntities, htmlToPlainText } from './text.ts';
import { X_SOURCE } from './tweet-ids.ts';

/** An X status link: its author's handle, and the post's id. */
const X_STATUS_AUTHOR = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w{1,15})\/status\//u;
const X_STATUS = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/\w{1,15}\/status(?:es)?\/(\d+)/u;

export type CsvRecord = { record: Record<string, string>; info: { lines: number; empty_lines?: number; index?: number } };

/**
 * csv-parse options for the lines below the header row, shared by the whole-file and the streaming reader.
 * `relaxQuotes`: a quote inside an unquoted cell (`5" Display`, an inch mark) is a character of the text. Only for
 * files that need it (see `isStrayQuote`): relaxed, csv-parse also reads a stray quote inside a quoted cell as text,
 * and a cell whose quote never closes properly then swallows the rows below it without an error.
 */
export function csvParseOptions(header: CsvHeader, relaxQuotes = false) {
  return { columns: header.names, delimiter: header.delimiter, skip_empty_lines: true, relax_column_count: true, relax_quotes: relaxQuotes, bom: true, info: true };
}

/** csv-parse's error for a quote inside an unquoted cell: the file is read again with `relaxQuotes`. */
export function isStrayQuote(err: unknown): boolean {
  // By code, not class: csv-parse/sync and csv-parse bundle their own CsvError each.
  return err instanceof Error && (err as { code?: unknown }).code === 'INVALID_OPENING_QUOTE';
}

/** The records below the header row of a whole file, relaxing quotes only when a cell needs it. */
function parseCsvRecords(body: string, header: CsvHeader): CsvRecord[] {
  try {
    return parseCsv(body, csvParseOptions(header)) as CsvRecord[];
  } catch (err) {
    if (!isStrayQuote(err)) throw err;
    return parseCsv(body, csvParseOptions(header, true)) as CsvRecord[];
  }
}

export interface CsvContext {
  columns: CsvColumns;
  /** Rows without a date are spaced one second apart from here, in file order (only in a file without dates). */
  baseMs: number;
  /**
   * The file's date column holds dates: a row whose date cell is empty is refused, never placed at `baseMs`
   * (the replay's start, years after a backtest's posts). False without a date column or with an empty one.
   */
  dated: boolean;
  /** How this file reads slash dates that could go both ways, as its other dates settle it (DayMonthVote). */
  order?: DayMonthOrder;
  /** IANA zone of times written without one (ReadOptions.timeZone); UTC when not given. */
  timeZone?: string;
  /** The mentions' source and id prefix; `csv` unless the row is a flattened JSON record (replay-records.ts). */
  source?: string;
  /** Cells of the header row, which every row's cells are checked against (replay-csv-cells.ts); not for JSON records. */
  headerCells?: number;
}

export function csvPreamble(header: CsvHeader): Preamble | undefined {
  return header.line > 1 ? { headerLine: header.line, skippedLines: header.line - 1 } : undefined;
}

/** The row's timestamp as written: the date column, with the time column when the export splits them. */
export function csvDate(record: Record<string, string>, columns: CsvColumns): string | undefined {
  const get = (name: string | undefined) => (name ? record[name]?.trim() || undefined : undefined);
  return joinDateTime(get(columns.createdAt), get(columns.time));
}

// Only markup that a text column of an export would carry; "<3" or "a < b" in a post is no reason to convert.
const HTML = /<\/?(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|img|h[1-6]|blockquote)\b[^>]*>/i;

// Listening tools write language names where the APIs write codes; the classifier reads the first two letters.
const LANGUAGE_NAMES: Record<string, string> = {
  german: 'de', deutsch: 'de', english: 'en', englisch: 'en', french: 'fr', französisch: 'fr', spanish: 'es', spanisch: 'es',
  italian: 'it', italienisch: 'it', dutch: 'nl', niederländisch: 'nl', polish: 'pl', polnisch: 'pl', turkish: 'tr', türkisch: 'tr',
  portuguese: 'pt', portugiesisch: 'pt',
};

function languageHint(value: string | undefined): string | undefined {
  const v = value?.trim().toLowerCase();
  if (!v || v === 'und' || v === 'zxx') return undefined;
  if (/^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/.test(v)) return v.split(/[-_]/)[0];
  return LANGUAGE_NAMES[v];
}

/** News and blog pages are no customer posts awaiting an answer, and each channel has its own SLA. */
function pageChannel(value: string | undefined): Channel | undefined {
  const v = value?.toLowerCase() ?? '';
  if (/news|press|print|broadcast|\btv\b|radio/.test(v)) return 'news';
  if (/blog/.test(v)) return 'blog_post';
  if (/review/.test(v)) return 'review';
  return undefined;
}

/** A count cell; pandas (twarc-csv) writes `3.0` in a column with gaps. Anything else counts as none. */
function count(value: string | undefined): number {
  return value && /^\d{1,15}(?:\.0+)?$/.test(value) ? Number(value) : 0;
}

/**
 * One CSV record: `index` is its 0-based position among the file's records (the id when the file has none,
 * and the offset from `baseMs` in seconds when it has no date), `line` the file line it ends on, `info` what
 * csv-parse tells of it (its cell count, checked against `context.headerCells`).
 */
export function csvRow(record: Record<string, string>, line: number, index: number, context: CsvContext, info?: CsvRecord['info']): RowResult {
  const col = context.columns;
  // First: in a row with a cell too many every later cell is in the wrong column, its date and parent included.
  const misfit = context.headerCells === undefined ? undefined : cellCountProblem(info, context.headerCells, record, col);
  if (misfit) return { error: { line, reason: misfit } };
  const get = (name: string | undefined) => (name ? record[name]?.trim() || undefined : undefined);
  const first = (names: readonly string[]) => names.map(get).find((v) => v !== undefined);
  const nativeId = first(col.ids) ?? String(index + 1);
  const rawDate = csvDate(record, col);
  if (!rawDate && context.dated) return { error: { line, reason: `no date: its "${col.createdAt}" cell is empty, where other rows of the file have one` } };
  const date = rawDate ? parseExportDate(rawDate, context.order, context.timeZone) : undefined;
  if (date && 'reason' in date) return { error: { line, reason: date.reason } };
  const ownText = first(col.texts);
  const title = get(col.title);
  let text = ownText ?? title;
  if (!text) return { error: { line, reason: 'empty text' } };
  // twarc-csv keeps the API's escaping (`&amp;`) and writes line breaks as the two characters `\n`.
  if (col.xExport) text = decodeEntities(text.replace(/\\n/g, '\n'));
  if (HTML.test(text)) text = htmlToPlainText(text);
  // A lone author cell of a handle ("kathi_l") or a display name ("Kathi Lehmann"): not when its column holds ids.
  const authorValue = get(col.author);
  const authorCell = authorValue !== undefined && col.author !== undefined && !isIdColumn(col.author) ? readAuthorCell(authorValue) : {};
  // Brandwatch and similar exports have no handle column: an X post's handle is in its link
  // (twitter.com/<handle>/status/…), or the Author cell is one ("@mia5721").
  const handle =
    get(col.handle)?.replace(/^@/, '') ??
    X_STATUS_AUTHOR.exec(get(col.url) ?? '')?.[1] ??
    /^@([\p{L}\p{N}_.]{1,50})$/u.exec(get(col.author) ?? '')?.[1] ??
    authorCell.handle;
  // A reshare by the original's id (twarc-csv), by a flag (`is_retweet`) or entry type (Brandwatch "share").
  const marked = get(col.retweetOf) !== undefined || saysReshare(get(col.reshare));
  const retweet = marked || RESHARE_TEXT.test(text);
  // twarc-csv and research datasets put the original's text into a retweet's row: the prefix keeps it a reshare
  // downstream (no answer expected, counted as a reshare in a storm), as a retweet read from the API's own JSON is.
  if (marked) text = asReshare(text, get(col.retweetedUser));
  // A short `reply_to` column may name the account replied to instead of the post: only an id is a parent.
  const parent = get(col.parentId)?.replace(/^@.*$/u, '') || undefined;
  // A Facebook page export (Netvizz: `post_id` "<page>_<post>" beside each comment) holds comments on the page's own
  // posts: read as the Graph export's are, so the page's post is the brand's thread and the page answering there is
  // the brand (QA firestorm round 2: such a file raised no alert at all, its one thread set aside as a viral post).
  const pagePost = col.rootId === 'post_id' ? get('post_id') : undefined;
  const onPage = pagePost !== undefined && /^\d+_\d+$/u.test(pagePost);
  const link = get(col.url);
  // An X post by its own link (snscrape's `url`, a Brandwatch `Url`) or by a twarc export's columns: read as the X replays
  // read tweets (`twitter:<id>`), so the brand's `twitter` SLA applies and its titles say so (QA7: snscrape posts were
  // `json`, "SLA 45 min" from a default no one configured for them).
  const xPost = X_STATUS.exec(link ?? '')?.[1] === nativeId || (col.xExport && /^\d+$/.test(nativeId));
  const source = onPage ? 'facebook' : xPost ? X_SOURCE : (context.source ?? 'csv');
  const id = `${source}:${nativeId}`;
  const name = get(col.authorName) ?? authorCell.name;
  const langHint = languageHint(get(col.lang));
  const row = validateRow(
    {
      id,
      source,
      // Exports often hold relative or app links there: only http(s) is kept, the row is not lost over it.
      url: link && /^https?:\/\//i.test(link) ? link : col.xExport && /^\d+$/.test(nativeId) ? `https://x.com/${handle ?? 'i'}/status/${nativeId}` : undefined,
      // A row with no author at all counts as its own author: one shared "unknown" would be one loud author to the
      // storm detector's distinct-author gates, and a storm from such rows would never be raised.
      author: { id: get(col.author) ?? handle ?? name ?? `${ANONYMOUS_AUTHOR}${nativeId}`, ...(handle ? { handle } : {}), ...(name ? { name } : {}) },
      ...(ownText && title && !ownText.startsWith(title) ? { title: title.slice(0, 1000) } : {}),
      text,
      createdAt: date?.iso ?? new Date(context.baseMs + index * 1000).toISOString(),
      thread: { rootId: `${source}:${get(col.rootId) ?? nativeId}`, ...(parent && parent !== nativeId ? { parentId: `${source}:${parent}` } : {}) },
      // A retweet's counts are the original's (twarc-csv copies them over): counted once, on the original.
      metrics: retweet
        ? { likes: 0, shares: 0, replies: 0 }
        : { likes: count(get(col.likes)), shares: count(get(col.shares)) + count(get(col.quotes)), replies: count(get(col.replies)) },
      channel: onPage ? 'page_comment' : (pageChannel(get(col.pageType)) ?? (parent ? 'reply' : 'post')),
      ...(langHint ? { langHint } : {}),
    },
    line,
  );
  return date?.zoneless && 'mention' in row ? { ...row, zonelessTime: true } : row;
}

/**
 * The lines of a file that are not UTF-8, as its reader met them: each costs the row it sits in, not the file. The
 * text handed to csv-parse has U+FFFD in their place, so csv-parse still finds where that row ends; the row ending
 * on line N claims the lines noted up to N that no earlier row claimed (a quoted cell may span several lines).
 */
export class InvalidUtf8Lines {
  /** In line order; only lines csv-parse has not passed yet, so a streamed file holds about one chunk's worth. */
  private readonly pending: Array<{ line: number; byte: number }> = [];

  /** `byte`: the file offset of the line's first byte that is not UTF-8. */
  note(line: number, byte: number): void {
    this.pending.push({ line, byte });
  }

  /** The first bad byte of the row that ends on `line`, if it has one. */
  claim(line: number): number | undefined {
    let byte: number | undefined;
    while (this.pending.length > 0 && this.pending[0]!.line <= line) {
      const bad = this.pending.shift()!;
      byte ??= bad.byte;
    }
    return byte;
  }
}

/**
 * `\r` for a file with CR-only line ends (classic Mac, some Excel exports), else `\n` (CRLF included): decided by
 * its first line break. csv-parse finds such a file's rows by itself; the header search and offsets must split alike.
 */
export function lineBreakOf(head: string): '\n' | '\r' {
  const cr = head.indexOf('\r');
  const lf = head.indexOf('\n');
  return cr !== -1 && (lf === -1 || cr < lf) && head[cr + 1] !== '\n' ? '\r' : '\n';
}

/** Character offset where 1-based `line` starts (the text's length when it has fewer lines). */
function lineStart(text: string, line: number, lineBreak: '\n' | '\r'): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf(lineBreak, at);
    if (nl === -1) return text.length;
    at = nl + 1;
  }
  return at;
}

/** `invalidUtf8`: the lines of `text` that were not UTF-8 in the file (decoded with U+FFFD); their rows are skipped. */
export function readCsv(text: string, options: ReadOptions & { invalidUtf8?: InvalidUtf8Lines } = {}): ReplayInput {
  const lineBreak = lineBreakOf(text.slice(0, 64 * 1024));
  const header = findCsvHeader(text.split(lineBreak, HEADER_SEARCH_LINES));
  if (!header) return { mentions: [], errors: [], brands: [] };
  const rows = parseCsvRecords(text.slice(lineStart(text, header.line + 1, lineBreak)), header);
  const columns = withGuessedDate(resolveColumns(header.names), header.names, rows.slice(0, GUESS_SAMPLE).map((r) => r.record));
  const vote = new DayMonthVote();
  let dated = false;
  for (const { record } of rows) {
    const date = csvDate(record, columns);
    vote.see(date);
    dated ||= date !== undefined;
  }
  const context: CsvContext = { columns, baseMs: (options.fallbackTime ?? new Date()).getTime(), order: vote.order, timeZone: options.timeZone, dated, headerCells: header.names.length };
  const mentions: Mention[] = [];
  const errors: RowError[] = [];
  const firstCopies = new FirstCopies();
  rows.forEach(({ record, info }, index) => {
    const line = header.line + info.lines;
    const invalidAt = options.invalidUtf8?.claim(line);
    collect(invalidAt !== undefined ? invalidUtf8Row(line, invalidAt) : firstCopies.keep(csvRow(record, line, index, context, info), line), mentions, errors);
  });
  const preamble = csvPreamble(header);
  return { mentions: byEventTime(mentions), errors, brands: [], ...(preamble ? { preamble } : {}), ...(columns.authorless ? { authorless: true as const } : {}), ...(columns.createdAtGuessed && columns.createdAt ? { guessedDateColumn: columns.createdAt } : {}) };
}
