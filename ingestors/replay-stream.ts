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
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse as parseCsvStream } from 'csv-parse';
import type { Brand, Mention } from '../src/model.ts';
import {
  CSV_PARSE_OPTIONS,
  csvColumns,
  csvRow,
  findInvalidUtf8,
  invalidUtf8,
  jsonlRow,
  readCsv,
  readReplayFile,
  readUtf8,
  type CsvColumns,
  type ReadOptions,
  type ReplayFormat,
  type RowError,
  type RowResult,
} from './replay-formats.ts';

export interface ReplaySource {
  /** Mentions the file yields (rows without errors). */
  count: number;
  errors: RowError[];
  /** Brands the file itself defines (twcs). */
  brands: Brand[];
  /** The newest mention's time: where event time stands once everything is fed. */
  lastCreatedAt?: string;
  /** How `mentions()` reads: streamed again, by offset index (jsonl out of order), or from memory. */
  readonly mode: 'streamed' | 'indexed' | 'in-memory';
  /** The mentions in event-time order (stable for equal times); each call reads anew. */
  mentions(): AsyncIterable<Mention>;
}

/** Reads `file` once to validate and index it; the mentions follow from `mentions()`. */
export async function openReplayFile(file: string, format: ReplayFormat, options: ReadOptions = {}): Promise<ReplaySource> {
  // Rows without a date are spaced from this instant: both passes must use the same one.
  const read: ReadOptions = { fallbackTime: options.fallbackTime ?? new Date() };
  if (format === 'jsonl') return openJsonl(file);
  if (format === 'csv') return openCsv(file, read);
  const input = readReplayFile(file, format, read);
  return {
    count: input.mentions.length,
    errors: input.errors,
    brands: input.brands,
    lastCreatedAt: input.mentions.at(-1)?.createdAt,
    mode: 'in-memory',
    async *mentions() {
      yield* input.mentions;
    },
  };
}

/** Tracks what the first pass learns about the order of the valid rows. */
class OrderIndex {
  count = 0;
  sorted = true;
  /** The newest time so far (a row older than it means the file is out of order) and its timestamp. */
  lastMs = -Infinity;
  lastCreatedAt: string | undefined;
  readonly errors: RowError[] = [];

  add(row: RowResult): Mention | undefined {
    if ('error' in row) {
      this.errors.push(row.error);
      return undefined;
    }
    const t = Date.parse(row.mention.createdAt);
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
async function* rawLines(file: string): AsyncGenerator<RawLine> {
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = 0;
  let line = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, start)) {
      yield { bytes: buf.subarray(start, nl), line: ++line, offset: carryOffset + start };
      start = nl + 1;
    }
    carry = Buffer.from(buf.subarray(start));
    carryOffset += start;
  }
  if (carry.length > 0) yield { bytes: carry, line: ++line, offset: carryOffset };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 per line; a newline byte never sits inside a UTF-8 sequence, so this equals decoding the file. */
function decodeLine(file: string, raw: RawLine): string {
  try {
    return strictUtf8.decode(raw.bytes);
  } catch {
    throw invalidUtf8(file, raw.offset + findInvalidUtf8(raw.bytes));
  }
}

async function openJsonl(file: string): Promise<ReplaySource> {
  const order = new OrderIndex();
  // Per valid row: event time, byte offset and length. Three numbers a row; used when the file is out of order.
  const times: number[] = [];
  const offsets: number[] = [];
  const lengths: number[] = [];
  for await (const raw of rawLines(file)) {
    const row = jsonlRow(decodeLine(file, raw), raw.line);
    if (!row) continue;
    const mention = order.add(row);
    if (!mention) continue;
    times.push(Date.parse(mention.createdAt));
    offsets.push(raw.offset);
    lengths.push(raw.bytes.length);
  }
  const { count, errors, sorted } = order;

  async function* streamed(): AsyncGenerator<Mention> {
    let fed = 0;
    for await (const raw of rawLines(file)) {
      const row = jsonlRow(decodeLine(file, raw), raw.line);
      if (row && 'mention' in row) {
        fed++;
        yield row.mention;
      }
    }
    if (fed !== count) throw changedWhileReading(file, count, fed);
  }

  async function* indexed(): AsyncGenerator<Mention> {
    const rows = Array.from({ length: count }, (_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
    const handle = await open(file, 'r');
    try {
      let buffer = Buffer.alloc(64 * 1024);
      for (const i of rows) {
        const length = lengths[i]!;
        if (length > buffer.length) buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offsets[i]!);
        const row = jsonlRow(strictUtf8.decode(buffer.subarray(0, bytesRead)), 0);
        if (!row || !('mention' in row)) throw changedWhileReading(file, count, rows.indexOf(i));
        yield row.mention;
      }
    } finally {
      await handle.close();
    }
  }

  if (sorted) times.length = offsets.length = lengths.length = 0;
  return {
    count,
    errors,
    brands: [],
    lastCreatedAt: order.lastCreatedAt,
    mode: sorted ? 'streamed' : 'indexed',
    mentions: sorted ? streamed : indexed,
  };
}

class Utf8Error extends Error {}

/** csv-parse records of the file, decoded as strict UTF-8 on the way in. */
async function* csvRecords(file: string): AsyncGenerator<{ record: Record<string, string>; info: { lines: number } }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const strict = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new Utf8Error());
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new Utf8Error());
      }
    },
  });
  const parser = parseCsvStream(CSV_PARSE_OPTIONS);
  // Errors surface through the parser (pipeline destroys it with them), which the loop below reads.
  const piped = pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), strict, parser).catch(() => undefined);
  try {
    for await (const row of parser) yield row as { record: Record<string, string>; info: { lines: number } };
  } catch (err) {
    // Rare: read the file whole once more, only to name the byte as readUtf8 does.
    if (err instanceof Utf8Error) readUtf8(file);
    throw err;
  } finally {
    parser.destroy();
    await piped;
  }
}

async function openCsv(file: string, options: ReadOptions): Promise<ReplaySource> {
  const base = options.fallbackTime!.getTime();
  const rows = async function* (each: (row: RowResult) => void): AsyncGenerator<Mention> {
    let col: CsvColumns | undefined;
    let index = 0;
    for await (const { record, info } of csvRecords(file)) {
      col ??= csvColumns(record);
      const row = csvRow(record, info.lines, index++, col, base);
      each(row);
      if ('mention' in row) yield row.mention;
    }
  };
  const order = new OrderIndex();
  const firstPass = rows((row) => order.add(row));
  while (!(await firstPass.next()).done);
  const { count, errors, sorted } = order;
  if (!sorted) {
    const input = readCsv(readUtf8(file), options);
    return {
      count: input.mentions.length,
      errors: input.errors,
      brands: [],
      lastCreatedAt: input.mentions.at(-1)?.createdAt,
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
    lastCreatedAt: order.lastCreatedAt,
    mode: 'streamed',
    async *mentions() {
      let fed = 0;
      for await (const mention of rows(() => undefined)) {
        fed++;
        yield mention;
      }
      if (fed !== count) throw changedWhileReading(file, count, fed);
    },
  };
}
