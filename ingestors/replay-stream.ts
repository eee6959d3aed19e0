/**
 * Replay input without holding the file: jsonl and csv are read twice instead of kept in memory. The first
 * pass validates every row (errors in line order, as the whole-file readers report them), counts what will be
 * fed and notes whether the rows already come in event-time order; the second pass feeds them in that order.
 * Exports are usually chronological, and then the second pass just reads the file again. A jsonl file out of
 * order is fed through an index of (time, byte offset) per row and positioned reads; a csv file out of order
 * (a record may span lines, so it has no cheap offset) falls back to the whole-file reader. twcs and germeval
 * are read whole: twcs places every tweet by links to rows anywhere in the file (reply chains to the root,
 * the brand that answered further down, the brand accounts of the whole file), germeval is one XML document.
 * Either way the mentions come out exactly as `readReplayFile` gives them.
 *
 * One jsonl line can hold many mentions (an X API v2 page of up to 500 tweets): counts and the index are per
 * mention, not per line. A csv file is read from its header row on (listening exports put report metadata
 * above it); when its slash dates only settle day-first or month-first further down, the first pass runs once
 * more with that order, so both passes and the whole-file reader agree.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse as parseCsvStream } from 'csv-parse';
import type { Brand, Mention } from '../src/model.ts';
import { findInvalidUtf8, invalidUtf8, isJsonDocument, looksUtf16, jsonlRows, readReplayFile, type ReplayFormat } from './replay-formats.ts';
import { csvDate, csvParseOptions, csvPreamble, csvRow, InvalidUtf8Lines, isStrayQuote, lineBreakOf, readCsv, type CsvContext, type CsvRecord } from './replay-csv.ts';
import { GUESS_SAMPLE, HEADER_SEARCH_LINES, findCsvHeader, resolveColumns, withGuessedDate, type CsvHeader } from './replay-csv-columns.ts';
import { DayMonthVote, type DayMonthOrder } from './replay-dates.ts';
import { FirstCopies, invalidUtf8Row, isInvalidUtf8Row, type Preamble, type ReadOptions, type RowError, type RowResult } from './replay-rows.ts';

export interface ReplaySource {
  /** Mentions the file yields (rows without errors). */
  count: number;
  errors: RowError[];
  /** Brands the file itself defines (twcs). */
  brands: Brand[];
  /** The newest mention's time: where event time stands once everything is fed. */
  lastCreatedAt?: string;
  /** Report metadata skipped above a csv header row (listening exports), to be said, not counted as errors. */
  preamble?: Preamble;
  /**
   * The file has no timestamps (GermEval; a csv without a date column, or with one empty in every row): its posts
   * were placed one second apart from the replay's start, so bursts and rates in that made-up time mean nothing.
   */
  undated?: true;
  /**
   * Every timestamp of the file is a midnight (UTC): the export wrote dates without a time of day, so a day's posts
   * share one instant and bursts within a day cannot be seen. Never set together with `undated`.
   */
  dateOnly?: true;
  /** The file names no author: each row counts as its own, so distinct authors say nothing (CsvColumns.authorless). */
  authorless?: true;
  /** The timestamp column was guessed by its name and cells (withGuessedDate), not found by a known name. */
  guessedDateColumn?: string;
  /** How `mentions()` reads: streamed again, by offset index (jsonl out of order), or from memory. */
  readonly mode: 'streamed' | 'indexed' | 'in-memory';
  /** The mentions in event-time order (stable for equal times); each call reads anew. */
  mentions(): AsyncIterable<Mention>;
}

/** Reads `file` once to validate and index it; the mentions follow from `mentions()`. */
export async function openReplayFile(file: string, format: ReplayFormat, options: ReadOptions = {}): Promise<ReplaySource> {
  // Rows without a date are spaced from this instant: both passes must use the same one.
  const read: ReadOptions = { fallbackTime: options.fallbackTime ?? new Date() };
  // A pretty-printed JSON document (an array of records, an API response) has no lines to stream: read it whole.
  if (format === 'jsonl' && !(await startsJsonDocument(file))) return openJsonl(file);
  if (format === 'csv') return openCsv(file, read);
  const input = readReplayFile(file, format, read);
  return {
    count: input.mentions.length,
    errors: input.errors,
    brands: input.brands,
    lastCreatedAt: input.mentions.at(-1)?.createdAt,
    ...(input.preamble ? { preamble: input.preamble } : {}),
    ...(format === 'germeval' ? { undated: true as const } : midnightsOnly(input.mentions) ? { dateOnly: true as const } : {}),
    ...(input.authorless ? { authorless: true as const } : {}),
    ...(input.guessedDateColumn ? { guessedDateColumn: input.guessedDateColumn } : {}),
    mode: 'in-memory',
    async *mentions() {
      yield* input.mentions;
    },
  };
}

async function startsJsonDocument(file: string): Promise<boolean> {
  for await (const raw of rawLines(file)) {
    const line = decodeJsonlLine(file, raw);
    // A first line that is not UTF-8 is JSON lines' to skip: a JSON document would be refused whole for it.
    if (line === undefined) return false;
    if (line.trim()) return isJsonDocument(line);
  }
  return false;
}

function midnightsOnly(mentions: readonly Mention[]): boolean {
  return mentions.length >= 2 && mentions.every((m) => Date.parse(m.createdAt) % 86_400_000 === 0);
}

/** Tracks what the first pass learns about the order of the valid rows. */
class OrderIndex {
  count = 0;
  sorted = true;
  /** The newest time so far (a row older than it means the file is out of order) and its timestamp. */
  lastMs = -Infinity;
  lastCreatedAt: string | undefined;
  readonly errors: RowError[] = [];
  /** No valid row so far had a time of day other than midnight. */
  private midnightsOnly = true;

  /** Two or more posts, all at midnight: dates without a time of day (see ReplaySource.dateOnly). */
  get dateOnly(): { dateOnly: true } | Record<string, never> {
    return this.count >= 2 && this.midnightsOnly ? { dateOnly: true } : {};
  }

  add(row: RowResult): Mention | undefined {
    if ('error' in row) {
      this.errors.push(row.error);
      return undefined;
    }
    const t = Date.parse(row.mention.createdAt);
    if (t % 86_400_000 !== 0) this.midnightsOnly = false;
    if (t < this.lastMs) this.sorted = false;
    else {
      this.lastMs = t;
      this.lastCreatedAt = row.mention.createdAt;
    }
    this.count++;
    return row.mention;
  }
}

function changedWhileReading(file: string, expected: number, got: number): Error {
  return new Error(`${file} changed during the replay: the first pass found ${expected} valid rows, the second ${got}`);
}

interface RawLine {
  bytes: Buffer;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
}

/** The file's lines as bytes with their offsets, read in 1 MiB chunks. */
async function* rawLines(file: string, lineBreak: '\n' | '\r' = '\n'): AsyncGenerator<RawLine> {
  const breakByte = lineBreak.charCodeAt(0);
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = 0;
  let line = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(breakByte); nl !== -1; nl = buf.indexOf(breakByte, start)) {
      yield { bytes: buf.subarray(start, nl), line: ++line, offset: carryOffset + start };
      start = nl + 1;
    }
    carry = Buffer.from(buf.subarray(start));
    carryOffset += start;
  }
  if (carry.length > 0) yield { bytes: carry, line: ++line, offset: carryOffset };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Strict UTF-8 per line; a newline byte never sits inside a UTF-8 sequence, so this equals decoding the file. */
function decodeLine(file: string, raw: RawLine): string {
  const text = tryDecodeLine(raw);
  if (text === undefined) throw invalidUtf8(file, raw.offset + findInvalidUtf8(raw.bytes), raw.offset === 0 ? raw.bytes : undefined);
  return text;
}

function tryDecodeLine(raw: RawLine): string | undefined {
  try {
    return strictUtf8.decode(raw.bytes);
  } catch {
    return undefined;
  }
}

/** A jsonl line's text, undefined when it is not UTF-8; throws for the first line of a UTF-16 file. */
function decodeJsonlLine(file: string, raw: RawLine): string | undefined {
  return raw.line === 1 && looksUtf16(raw.bytes) ? decodeLine(file, raw) : tryDecodeLine(raw);
}

/**
 * The rows of one jsonl line; a line that is not UTF-8 is one skipped row (decoded anyway, its text would be
 * replayed as mojibake). The first line of a UTF-16 file is an error for the whole file.
 */
function jsonlLineRows(file: string, raw: RawLine): RowResult[] {
  const text = decodeJsonlLine(file, raw);
  if (text === undefined) return [invalidUtf8Row(raw.line, raw.offset + findInvalidUtf8(raw.bytes))];
  return jsonlRows(text, raw.line);
}

/**
 * Counts a file's lines that are not UTF-8 (jsonl and csv alike). A few such lines are skipped, each with its row;
 * when there are many the file is in another encoding (Latin-1, Windows-1252), and one error saying how to convert it
 * beats a skip for every line with an umlaut.
 */
class Utf8Lines {
  private lines = 0;
  private bad = 0;
  private firstBad: RawLine | undefined;

  see(raw: RawLine, notUtf8: boolean): void {
    if (raw.bytes.length > 0) this.lines++;
    if (!notUtf8) return;
    this.bad++;
    this.firstBad ??= raw;
  }

  /** Throws when more than half the lines, or more than 3 lines and more than 1 in 20, are not UTF-8. */
  assertMostlyUtf8(file: string): void {
    const notUtf8 = this.bad * 2 > this.lines || (this.bad > 3 && this.bad * 20 > this.lines);
    if (notUtf8 && this.firstBad) throw invalidUtf8(file, this.firstBad.offset + findInvalidUtf8(this.firstBad.bytes));
  }
}

async function openJsonl(file: string): Promise<ReplaySource> {
  const order = new OrderIndex();
  // Per valid mention: event time, its line's byte offset and length, and its place among that line's
  // mentions. Four numbers a mention; used when the file is out of order.
  const times: number[] = [];
  const offsets: number[] = [];
  const lengths: number[] = [];
  const slots: number[] = [];
  const firstCopies = new FirstCopies();
  const utf8 = new Utf8Lines();
  for await (const raw of rawLines(file)) {
    // The place among the line's valid mentions, duplicates included: the indexed read parses the line anew.
    let slot = 0;
    const rows = jsonlLineRows(file, raw);
    utf8.see(raw, rows.length === 1 && isInvalidUtf8Row(rows[0]!));
    for (const parsed of rows) {
      const at = 'mention' in parsed ? slot++ : -1;
      const mention = order.add(firstCopies.keep(parsed, raw.line));
      if (!mention) continue;
      times.push(Date.parse(mention.createdAt));
      offsets.push(raw.offset);
      lengths.push(raw.bytes.length);
      slots.push(at);
    }
  }
  utf8.assertMostlyUtf8(file);
  const { count, errors, sorted } = order;

  async function* streamed(): AsyncGenerator<Mention> {
    let fed = 0;
    const copies = new FirstCopies();
    for await (const raw of rawLines(file)) {
      for (const parsed of jsonlLineRows(file, raw)) {
        const row = copies.keep(parsed, raw.line);
        if ('mention' in row) {
          fed++;
          yield row.mention;
        }
      }
    }
    if (fed !== count) throw changedWhileReading(file, count, fed);
  }

  async function* indexed(): AsyncGenerator<Mention> {
    const rows = Array.from({ length: count }, (_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
    const handle = await open(file, 'r');
    // twarc2 writes search pages newest first, and each page's tweets newest first: in time order the tweets
    // of one page come one after another, so the page last parsed serves them all.
    let cachedOffset = -1;
    let cached: Mention[] = [];
    try {
      let buffer = Buffer.alloc(64 * 1024);
      for (const [fed, i] of rows.entries()) {
        if (offsets[i] !== cachedOffset) {
          const length = lengths[i]!;
          if (length > buffer.length) buffer = Buffer.alloc(length);
          const { bytesRead } = await handle.read(buffer, 0, length, offsets[i]!);
          cached = jsonlRows(strictUtf8.decode(buffer.subarray(0, bytesRead)), 0).flatMap((row) => ('mention' in row ? [row.mention] : []));
          cachedOffset = offsets[i]!;
        }
        const mention = cached[slots[i]!];
        if (!mention) throw changedWhileReading(file, count, fed);
        yield mention;
      }
    } finally {
      await handle.close();
    }
  }

  if (sorted) times.length = offsets.length = lengths.length = slots.length = 0;
  return {
    count,
    errors,
    brands: [],
    lastCreatedAt: order.lastCreatedAt,
    ...order.dateOnly,
    mode: sorted ? 'streamed' : 'indexed',
    mentions: sorted ? streamed : indexed,
  };
}

/** Where a CSV file's records start, how its lines end, and how its quotes are read (csvParseOptions). */
interface CsvBody {
  header: CsvHeader;
  lineBreak: '\n' | '\r';
  relaxQuotes?: boolean;
}

/** Thrown by a strict read at a quote inside an unquoted cell: the file is read again with relaxed quotes. */
class StrayQuote extends Error {}

/**
 * The file's text from line `fromLine` on, in pieces of about 1 MiB, decoded line by line (a line break never sits
 * inside a UTF-8 sequence, so this equals decoding the file). A line that is not UTF-8 is decoded with U+FFFD and
 * noted in `invalid`, and counted in `utf8` when given.
 */
async function* csvText(file: string, lineBreak: '\n' | '\r', fromLine: number, invalid: InvalidUtf8Lines, utf8?: Utf8Lines): AsyncGenerator<string> {
  let piece = '';
  for await (const raw of rawLines(file, lineBreak)) {
    if (raw.line < fromLine) continue;
    let text = tryDecodeLine(raw);
    utf8?.see(raw, text === undefined);
    if (text === undefined) {
      invalid.note(raw.line, raw.offset + findInvalidUtf8(raw.bytes));
      text = lenientUtf8.decode(raw.bytes);
    }
    piece += text + lineBreak;
    if (piece.length >= 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

/** A record with `invalidAt`, the file offset of its first byte that is not UTF-8, when it has one. */
type CheckedCsvRecord = CsvRecord & { invalidAt?: number };

/** csv-parse records of the file below its header row; `utf8` counts the lines that are not UTF-8. */
async function* csvRecords(file: string, { header, lineBreak, relaxQuotes }: CsvBody, utf8?: Utf8Lines): AsyncGenerator<CheckedCsvRecord> {
  const invalid = new InvalidUtf8Lines();
  // Tracked as csv-parse finds records: on an error it drops those not yet read from it.
  const last: LastRecord = { line: 0, emptyLines: 0 };
  const onRecord = (record: unknown, context: { lines: number; empty_lines: number }) => {
    last.line = context.lines;
    last.emptyLines = context.empty_lines;
    return record;
  };
  const parser = parseCsvStream({ ...csvParseOptions(header, relaxQuotes), on_record: onRecord });
  // Errors surface through the parser (pipeline destroys it with them), which the loop below reads.
  const piped = pipeline(Readable.from(csvText(file, lineBreak, header.line + 1, invalid, utf8)), parser).catch(() => undefined);
  try {
    for await (const row of parser) {
      const record = row as CsvRecord;
      // csv-parse has read every line up to the record's end, so the lines noted up to there are all known.
      const invalidAt = invalid.claim(header.line + record.info.lines);
      yield invalidAt === undefined ? record : { ...record, invalidAt };
    }
  } catch (err) {
    if (isStrayQuote(err)) throw new StrayQuote();
    throw err instanceof CsvError ? csvSyntaxError(file, header, err, last) : err;
  } finally {
    parser.destroy();
    await piped;
  }
}

/** The line the last record csv-parse read whole ends on (counted below the header row), and the blank lines so far. */
interface LastRecord {
  line: number;
  emptyLines: number;
}

/**
 * csv-parse counts lines from where it began, below the header row, and names no file: the error a user sees
 * names both. An unclosed quote swallows every row after it, so csv-parse only fails at the end of the file; the
 * quote opened on the first line after the last record read whole (past blank lines skipped on the way).
 */
function csvSyntaxError(file: string, header: CsvHeader, err: CsvError, last: LastRecord): Error {
  // Blank lines between the last row read whole and the broken one are skipped, and counted, on the way to it.
  const rowStart = header.line + last.line + 1 + Math.max(0, Number(err.empty_lines ?? 0) - last.emptyLines);
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new Error(`${file}: unreadable CSV: the quote opened on line ${rowStart} never closes, so no row from there on can be read; close it (a quote inside a cell is written "")`);
  }
  const line = header.line + (typeof err.lines === 'number' ? err.lines : 0);
  const opened = err.code === 'CSV_INVALID_CLOSING_QUOTE' && rowStart < line ? `a quote opened in the row starting on line ${rowStart}` : 'a quote opened in an earlier row';
  return new Error(`${file}: unreadable CSV near line ${line}: ${err.message.replace(/ at line \d+/, '')}; usually ${opened} and never closed`);
}

/** How the file ends its lines, told from its first 64 KiB (see lineBreakOf). */
async function csvLineBreak(file: string): Promise<'\n' | '\r'> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    // Line breaks are ASCII: latin1 reads them right whatever the encoding of the rest.
    return lineBreakOf(buffer.subarray(0, bytesRead).toString('latin1'));
  } finally {
    await handle.close();
  }
}

/**
 * The header row among the file's first lines. It and the report metadata above it must be UTF-8 (column names in
 * mojibake would match no known column); a row below it that is not is skipped like any other.
 */
async function csvHead(file: string): Promise<CsvBody | undefined> {
  const lineBreak = await csvLineBreak(file);
  const lines: RawLine[] = [];
  for await (const raw of rawLines(file, lineBreak)) {
    lines.push(raw);
    if (lines.length === HEADER_SEARCH_LINES) break;
  }
  let header: CsvHeader | undefined;
  try {
    header = findCsvHeader(lines.map((raw) => tryDecodeLine(raw) ?? lenientUtf8.decode(raw.bytes)));
  } finally {
    // Also when the search failed: then a line that is not UTF-8 is the likelier cause, and its error (naming a
    // UTF-16 file as one) replaces the search's.
    for (const raw of header ? lines.slice(0, header.line) : lines) decodeLine(file, raw);
  }
  return header ? { header, lineBreak } : undefined;
}

async function openCsv(file: string, options: ReadOptions): Promise<ReplaySource> {
  const head = await csvHead(file);
  if (!head) return { count: 0, errors: [], brands: [], mode: 'streamed', async *mentions() {} };
  try {
    return await openCsvBody(file, head, options);
  } catch (err) {
    if (!(err instanceof StrayQuote)) throw err;
    return openCsvBody(file, { ...head, relaxQuotes: true }, options);
  }
}

async function openCsvBody(file: string, body: CsvBody, options: ReadOptions): Promise<ReplaySource> {
  const { header } = body;
  const preamble = csvPreamble(header);
  const sample: Array<Record<string, string>> = [];
  for await (const { record } of csvRecords(file, body)) {
    sample.push(record);
    if (sample.length === GUESS_SAMPLE) break;
  }
  const columns = withGuessedDate(resolveColumns(header.names), header.names, sample);
  const columnNotes = {
    ...(columns.authorless ? { authorless: true as const } : {}),
    ...(columns.createdAtGuessed && columns.createdAt ? { guessedDateColumn: columns.createdAt } : {}),
  };
  const baseMs = options.fallbackTime!.getTime();
  const rows = async function* (order: DayMonthOrder | undefined, dated: boolean, each: (row: RowResult, date: string | undefined) => void, utf8?: Utf8Lines): AsyncGenerator<Mention> {
    const context: CsvContext = { columns, baseMs, order, dated };
    const copies = new FirstCopies();
    let index = 0;
    for await (const { record, info, invalidAt } of csvRecords(file, body, utf8)) {
      const line = header.line + info.lines;
      const row = invalidAt !== undefined ? invalidUtf8Row(line, invalidAt) : copies.keep(csvRow(record, line, index, context), line);
      index++;
      each(row, csvDate(record, columns));
      if ('mention' in row) yield row.mention;
    }
  };
  const firstPass = async (order: DayMonthOrder | undefined, dated: boolean) => {
    const index = new OrderIndex();
    const vote = new DayMonthVote();
    let sawDate = false;
    const utf8 = new Utf8Lines();
    const pass = rows(
      order,
      dated,
      (row, date) => {
        index.add(row);
        vote.see(date);
        sawDate ||= date !== undefined;
      },
      utf8,
    );
    while (!(await pass.next()).done);
    utf8.assertMostlyUtf8(file);
    return { index, vote, sawDate };
  };
  // Read as dated when the file has a date column; a column empty in every row leaves the file undated after all.
  const first = await firstPass(undefined, columns.createdAt !== undefined);
  const { vote } = first;
  let index = first.index;
  const rowsRead = index.count + index.errors.length;
  const dated = columns.createdAt !== undefined && (first.sawDate || rowsRead === 0);
  if (columns.createdAt !== undefined && !dated) index = (await firstPass(undefined, false)).index;
  const undated = dated ? {} : { undated: true as const };
  // Slash dates that read both ways were refused on the way; the file's other dates settle them after all.
  const dayMonth = vote.order;
  if (vote.ambiguous > 0 && dayMonth) index = (await firstPass(dayMonth, dated)).index;
  const { count, errors, sorted } = index;
  if (!sorted) {
    const invalidUtf8 = new InvalidUtf8Lines();
    let text = '';
    for await (const piece of csvText(file, body.lineBreak, 1, invalidUtf8)) text += piece;
    const input = readCsv(text, { ...options, invalidUtf8 });
    return {
      count: input.mentions.length,
      errors: input.errors,
      brands: [],
      lastCreatedAt: input.mentions.at(-1)?.createdAt,
      ...(preamble ? { preamble } : {}),
      ...(dated ? index.dateOnly : undated),
      ...columnNotes,
      mode: 'in-memory',
      async *mentions() {
        yield* input.mentions;
      },
    };
  }
  return {
    count,
    errors,
    brands: [],
    lastCreatedAt: index.lastCreatedAt,
    ...(preamble ? { preamble } : {}),
    ...(dated ? index.dateOnly : undated),
    ...columnNotes,
    mode: 'streamed',
    async *mentions() {
      let fed = 0;
      for await (const mention of rows(dayMonth, dated, () => undefined)) {
        fed++;
        yield mention;
      }
      if (fed !== count) throw changedWhileReading(file, count, fed);
    },
  };
}
