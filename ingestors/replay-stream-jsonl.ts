/**
 * JSON lines streamed instead of held: the first pass validates and counts every mention and notes whether they come
 * in event-time order; the mentions are then read again in one pass when they do, else through an index of (time,
 * byte offset) per mention and positioned reads. One jsonl line can hold many mentions (an X API v2 page of up to
 * 500 tweets): counts and the index are per mention, not per line.
 */
import { open } from 'node:fs/promises';
import type { Mention } from '../src/model.ts';
import { findInvalidUtf8, isJsonDocument, looksUtf16, jsonlRows } from './replay-formats.ts';
import { FirstCopies, invalidUtf8Row, isInvalidUtf8Row, type RowResult } from './replay-rows.ts';
import { changedWhileReading, OrderIndex, type ReplaySource } from './replay-stream-source.ts';
import { GraphPostIndex, placedUnderPagePosts } from './replay-graph-permalinks.ts';
import { decodeLine, rawLines, strictUtf8, tryDecodeLine, Utf8Lines, type RawLine } from './replay-stream-lines.ts';

/** Mentions of parsed lines the out-of-order reader keeps (a few hundred MB at most for the largest posts). */
const PARSED_LINES_BUDGET = 200_000;

export async function startsJsonDocument(file: string): Promise<boolean> {
  for await (const raw of rawLines(file)) {
    const line = decodeJsonlLine(file, raw);
    // A first line that is not UTF-8 is JSON lines' to skip: a JSON document would be refused whole for it.
    if (line === undefined) return false;
    if (line.trim()) return isJsonDocument(line);
  }
  return false;
}

/** A jsonl line's text, undefined when it is not UTF-8; throws for the first line of a UTF-16 file. */
function decodeJsonlLine(file: string, raw: RawLine): string | undefined {
  return raw.line === 1 && looksUtf16(raw.bytes) ? decodeLine(file, raw) : tryDecodeLine(raw);
}

/**
 * The rows of one jsonl line; a line that is not UTF-8 is one skipped row (decoded anyway, its text would be
 * replayed as mojibake). The first line of a UTF-16 file is an error for the whole file.
 */
function jsonlLineRows(file: string, raw: RawLine, timeZone: string | undefined): RowResult[] {
  const text = decodeJsonlLine(file, raw);
  if (text === undefined) return [invalidUtf8Row(raw.line, raw.offset + findInvalidUtf8(raw.bytes))];
  return jsonlRows(text, raw.line, timeZone);
}

/** `timeZone`: the IANA zone of record times written without one (ReadOptions.timeZone). */
export async function openJsonl(file: string, timeZone?: string): Promise<ReplaySource> {
  const order = new OrderIndex();
  // Per valid mention: event time, its line's byte offset and length, and its place among that line's
  // mentions. Four numbers a mention; used when the file is out of order.
  const times: number[] = [];
  const offsets: number[] = [];
  const lengths: number[] = [];
  const slots: number[] = [];
  const firstCopies = new FirstCopies();
  // Comments that name their page only by name are placed under the file's page posts, wherever in the file those are.
  const pagePosts = new GraphPostIndex();
  const utf8 = new Utf8Lines();
  for await (const raw of rawLines(file)) {
    // The place among the line's valid mentions, duplicates included: the indexed read parses the line anew.
    let slot = 0;
    const rows = jsonlLineRows(file, raw, timeZone);
    utf8.see(raw, rows.length === 1 && isInvalidUtf8Row(rows[0]!));
    for (const parsed of rows) {
      const at = 'mention' in parsed ? slot++ : -1;
      const mention = order.add(firstCopies.keep(parsed, raw.line));
      if (!mention) continue;
      pagePosts.learn(mention);
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
      for (const parsed of jsonlLineRows(file, raw, timeZone)) {
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
    // Parsed lines are kept, least recently used dropped first, up to PARSED_LINES_BUDGET mentions: twarc2 writes
    // search pages newest first, so in time order one page serves a run of tweets; but a Graph export holds a post
    // and all its comments on one line, and in time order the comments of a dozen posts interleave. Keeping only
    // the last line parsed re-parsed a line of thousands of comments for almost every comment (QA firestorm round 5:
    // 5,108 comments in 57 s, 12,279 in 275 s).
    const parsed = new Map<number, Mention[]>();
    let parsedMentions = 0;
    try {
      let buffer = Buffer.alloc(64 * 1024);
      for (const [fed, i] of rows.entries()) {
        const offset = offsets[i]!;
        let lineMentions = parsed.get(offset);
        if (lineMentions === undefined) {
          const length = lengths[i]!;
          if (length > buffer.length) buffer = Buffer.alloc(length);
          const { bytesRead } = await handle.read(buffer, 0, length, offset);
          lineMentions = jsonlRows(strictUtf8.decode(buffer.subarray(0, bytesRead)), 0, timeZone).flatMap((row) => ('mention' in row ? [row.mention] : []));
          parsedMentions += lineMentions.length;
          for (const [old, mentions] of parsed) {
            if (parsedMentions <= PARSED_LINES_BUDGET) break;
            parsed.delete(old);
            parsedMentions -= mentions.length;
          }
        } else parsed.delete(offset);
        // Most recently used last (a Map iterates in insertion order).
        parsed.set(offset, lineMentions);
        const mention = lineMentions[slots[i]!];
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
    ...order.zoneless,
    mode: sorted ? 'streamed' : 'indexed',
    mentions: () => placedUnderPagePosts(sorted ? streamed() : indexed(), pagePosts),
  };
}
