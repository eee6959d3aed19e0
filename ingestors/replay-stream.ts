/**
 * Replay input without holding the file: jsonl and csv are read twice instead of kept in memory. The first
 * pass validates every row (errors in line order, as the whole-file readers report them), counts what will be
 * fed and notes whether the rows already come in event-time order; the second pass feeds them in that order.
 * Exports are usually chronological, and then the second pass just reads the file again. A jsonl file out of
 * order is fed through an index of (time, byte offset) per row and positioned reads; a csv file out of order
 * (a record may span lines, so it has no cheap offset) falls back to the whole-file reader. twcs and germeval
 * are read whole: twcs places every tweet by links to rows anywhere in the file (reply chains to the root,
 * the brand that answered further down, the brand accounts of the whole file), germeval is one XML document.
 * Either way the mentions come out exactly as `readReplayFile` gives them. The readers: replay-stream-jsonl.ts,
 * replay-stream-csv.ts (records from replay-csv-records.ts), over replay-stream-lines.ts.
 */
import type { Mention } from '../src/model.ts';
import { readReplayFile, type ReplayFormat } from './replay-formats.ts';
import type { ReadOptions } from './replay-rows.ts';
import { openCsv } from './replay-stream-csv.ts';
import { openJsonl, startsJsonDocument } from './replay-stream-jsonl.ts';
import type { ReplaySource } from './replay-stream-source.ts';

/** Reads `file` once to validate and index it; the mentions follow from `mentions()`. */
export async function openReplayFile(file: string, format: ReplayFormat, options: ReadOptions = {}): Promise<ReplaySource> {
  // Rows without a date are spaced from this instant: both passes must use the same one.
  const read: ReadOptions = { fallbackTime: options.fallbackTime ?? new Date(), timeZone: options.timeZone };
  // A pretty-printed JSON document (an array of records, an API response) has no lines to stream: read it whole.
  if (format === 'jsonl' && !(await startsJsonDocument(file))) return openJsonl(file, read.timeZone);
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

function midnightsOnly(mentions: readonly Mention[]): boolean {
  return mentions.length >= 2 && mentions.every((m) => Date.parse(m.createdAt) % 86_400_000 === 0);
}
