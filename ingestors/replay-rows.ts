/**
 * What every replay reader shares: a row either becomes a validated Mention or is reported with its line and
 * reason, and the mentions come out in event-time order.
 */
import { formatZodIssues } from '../src/config.ts';
import { Mention, type Brand, type MentionInput } from '../src/model.ts';

export interface RowError {
  line: number;
  reason: string;
  /** 1-based record of a pretty-printed JSON document, whose records have no line of their own; `line` is the same. */
  record?: number;
}

/** Where a skipped row was, as messages name it: `file:12` for a line, `file record 3` in a JSON document. */
export function rowPlace(file: string, error: RowError): string {
  return error.record !== undefined ? `${file} record ${error.record}` : `${file}:${error.line}`;
}

/**
 * A reason as it may be printed: reasons quote the input, and control characters from it (NUL, an ESC sequence
 * that clears the screen) are written as \u escapes instead of reaching the terminal or the log.
 */
export function printableReason(reason: string): string {
  return reason.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `file:12: reason`, ready to print. */
export function describeRowError(file: string, error: RowError): string {
  return `${rowPlace(file, error)}: ${printableReason(error.reason)}`;
}

/**
 * One row of a file: the mention it makes, or why it makes none. `zonelessTime`: the post's time was written without
 * a zone (read as UTC, or in ReadOptions.timeZone), counted so replay can say so.
 */
export type RowResult = { mention: Mention; zonelessTime?: true } | { error: RowError };

/** Lines of report metadata above a CSV's header row (social-listening exports write them); not row errors. */
export interface Preamble {
  /** 1-based line of the header row. */
  headerLine: number;
  skippedLines: number;
}

export interface ReplayInput {
  /** In event-time order (stable for equal times), as a replay must feed the detectors. */
  mentions: Mention[];
  errors: RowError[];
  /** Brands the file itself defines (twcs: every outbound author is a brand account). */
  brands: Brand[];
  preamble?: Preamble;
  /** The file names no author: each row counts as its own (CsvColumns.authorless). */
  authorless?: true;
  /** The timestamp column was guessed, not found by a known name (withGuessedDate): said, so a wrong guess is seen. */
  guessedDateColumn?: string;
}

/** Author id prefix of a post that names no author: each such post is its own author (`anonymous:<post id>`). */
export const ANONYMOUS_AUTHOR = 'anonymous:';

export interface ReadOptions {
  /** Timestamp for rows without a date (a file's rows then keep their order, one second apart). */
  fallbackTime?: Date;
  /** IANA zone of timestamps written without one (an export in local time); UTC when not given. */
  timeZone?: string;
}

export function validateRow(input: MentionInput, line: number): RowResult {
  const parsed = Mention.safeParse(input);
  return parsed.success ? { mention: parsed.data } : { error: { line, reason: formatZodIssues(parsed.error).join('; ') } };
}

const INVALID_UTF8 = 'invalid UTF-8 near byte';

/**
 * A row skipped for bytes that are not UTF-8 (decoded anyway, its text would be replayed as mojibake), in jsonl and
 * csv alike; `byte` is the file offset of the first of them.
 */
export function invalidUtf8Row(line: number, byte: number): RowResult {
  return { error: { line, reason: `${INVALID_UTF8} ${byte}` } };
}

export function isInvalidUtf8Row(row: RowResult): boolean {
  return 'error' in row && row.error.reason.startsWith(INVALID_UTF8);
}

export function collect(row: RowResult, mentions: Mention[], errors: RowError[]): void {
  if ('mention' in row) mentions.push(row.mention);
  else errors.push(row.error);
}

/**
 * The mention ids a file has yielded, by the line of their first copy. A dump often holds a post twice (twarc2
 * pages of overlapping searches, a search and a stream over the same hours, an export appended to another), and
 * a copy fed again would count twice in every rate the detectors test: the first copy in file order is kept, a
 * later one is reported as a skipped row. Holds one id per mention, not the mentions.
 */
export class FirstCopies {
  private readonly firstLine = new Map<string, number>();

  /** The row as it is, or, for a mention whose id came before, the error that skips it. */
  keep(row: RowResult, line: number): RowResult {
    if (!('mention' in row)) return row;
    const first = this.firstLine.get(row.mention.id);
    if (first !== undefined) return { error: { line, reason: `duplicate of ${row.mention.id} on line ${first}, which is kept` } };
    this.firstLine.set(row.mention.id, line);
    return row;
  }
}

export function byEventTime(mentions: Mention[]): Mention[] {
  return mentions
    .map((m, i) => ({ m, i, t: Date.parse(m.createdAt) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ m }) => m);
}

/** A bad row's reason with where it sits inside its line (one line of an API dump holds many tweets). */
export function within(row: RowResult, where: string): RowResult {
  return 'error' in row ? { error: { line: row.error.line, reason: `${where}: ${row.error.reason}` } } : row;
}
