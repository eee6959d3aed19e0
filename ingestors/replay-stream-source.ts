/**
 * What a replay file offers once its first pass is done (ReplaySource), and what that pass learns on the way: the
 * count and errors of its rows, whether they come in event-time order, and the newest time. Shared by the jsonl and
 * csv streaming readers (replay-stream-jsonl.ts, replay-stream-csv.ts) and the whole-file fallback (replay-stream.ts).
 */
import type { Brand, Mention } from '../src/model.ts';
import type { Preamble, RowError, RowResult } from './replay-rows.ts';

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
  /**
   * Post times written without a zone (read as UTC, or in ReadOptions.timeZone): an export in local time is off by
   * its offset unless the zone is named. Counted where the file is streamed (csv, JSON lines); absent when none.
   */
  zonelessTimes?: number;
  /** How `mentions()` reads: streamed again, by offset index (jsonl out of order), or from memory. */
  readonly mode: 'streamed' | 'indexed' | 'in-memory';
  /** The mentions in event-time order (stable for equal times); each call reads anew. */
  mentions(): AsyncIterable<Mention>;
}

/** Tracks what the first pass learns about the order of the valid rows. */
export class OrderIndex {
  count = 0;
  sorted = true;
  /** The newest time so far (a row older than it means the file is out of order) and its timestamp. */
  lastMs = -Infinity;
  lastCreatedAt: string | undefined;
  readonly errors: RowError[] = [];
  /** No valid row so far had a time of day other than midnight. */
  private midnightsOnly = true;
  private zonelessTimes = 0;

  /** Two or more posts, all at midnight: dates without a time of day (see ReplaySource.dateOnly). */
  get dateOnly(): { dateOnly: true } | Record<string, never> {
    return this.count >= 2 && this.midnightsOnly ? { dateOnly: true } : {};
  }

  /** How many valid rows had a time without a zone (see ReplaySource.zonelessTimes). */
  get zoneless(): { zonelessTimes: number } | Record<string, never> {
    return this.zonelessTimes > 0 ? { zonelessTimes: this.zonelessTimes } : {};
  }

  add(row: RowResult): Mention | undefined {
    if ('error' in row) {
      this.errors.push(row.error);
      return undefined;
    }
    const t = Date.parse(row.mention.createdAt);
    if (t % 86_400_000 !== 0) this.midnightsOnly = false;
    if (row.zonelessTime) this.zonelessTimes++;
    if (t < this.lastMs) this.sorted = false;
    else {
      this.lastMs = t;
      this.lastCreatedAt = row.mention.createdAt;
    }
    this.count++;
    return row.mention;
  }
}

export function changedWhileReading(file: string, expected: number, got: number): Error {
  return new Error(`${file} changed during the replay: the first pass found ${expected} valid rows, the second ${got}`);
}
