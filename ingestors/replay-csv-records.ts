/**
 * A CSV file's records streamed from below its header row (csv-parse over the file decoded line by line), each with
 * the offset of its first byte that is not UTF-8, and the errors a user sees when the file cannot be read as CSV:
 * naming the file and the line where the broken quote opened, which csv-parse alone does not.
 */
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse as parseCsvStream } from 'csv-parse';
import { findInvalidUtf8 } from './replay-formats.ts';
import { csvParseOptions, InvalidUtf8Lines, isStrayQuote, lineBreakOf, type CsvRecord } from './replay-csv.ts';
import { HEADER_SEARCH_LINES, findCsvHeader, type CsvHeader } from './replay-csv-columns.ts';
import { decodeLine, lenientUtf8, rawLines, tryDecodeLine, type RawLine, type Utf8Lines } from './replay-stream-lines.ts';

/** Where a CSV file's records start, how its lines end, and how its quotes are read (csvParseOptions). */
export interface CsvBody {
  header: CsvHeader;
  lineBreak: '\n' | '\r';
  relaxQuotes?: boolean;
}

/** Thrown by a strict read at a quote inside an unquoted cell: the file is read again with relaxed quotes. */
export class StrayQuote extends Error {}

/**
 * The file's text from line `fromLine` on, in pieces of about 1 MiB, decoded line by line (a line break never sits
 * inside a UTF-8 sequence, so this equals decoding the file). A line that is not UTF-8 is decoded with U+FFFD and
 * noted in `invalid`, and counted in `utf8` when given.
 */
export async function* csvText(file: string, lineBreak: '\n' | '\r', fromLine: number, invalid: InvalidUtf8Lines, utf8?: Utf8Lines): AsyncGenerator<string> {
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
export async function* csvRecords(file: string, { header, lineBreak, relaxQuotes }: CsvBody, utf8?: Utf8Lines): AsyncGenerator<CheckedCsvRecord> {
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
export async function csvHead(file: string): Promise<CsvBody | undefined> {
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
