/**
 * A replay file's lines as bytes with their byte offsets, and their strict UTF-8 decoding: the jsonl reader needs
 * offsets for its positioned reads, and both streaming readers skip a line that is not UTF-8 (or refuse a file that
 * is mostly not) where decoding the whole file at once could only fail it whole.
 */
import { createReadStream } from 'node:fs';
import { findInvalidUtf8, invalidUtf8 } from './replay-formats.ts';

export interface RawLine {
  bytes: Buffer;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
}

/** The file's lines as bytes with their offsets, read in 1 MiB chunks. */
export async function* rawLines(file: string, lineBreak: '\n' | '\r' = '\n'): AsyncGenerator<RawLine> {
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

export const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
export const lenientUtf8 = new TextDecoder('utf-8');

/** Strict UTF-8 per line; a newline byte never sits inside a UTF-8 sequence, so this equals decoding the file. */
export function decodeLine(file: string, raw: RawLine): string {
  const text = tryDecodeLine(raw);
  if (text === undefined) throw invalidUtf8(file, raw.offset + findInvalidUtf8(raw.bytes), raw.offset === 0 ? raw.bytes : undefined);
  return text;
}

export function tryDecodeLine(raw: RawLine): string | undefined {
  try {
    return strictUtf8.decode(raw.bytes);
  } catch {
    return undefined;
  }
}

/**
 * Counts a file's lines that are not UTF-8 (jsonl and csv alike). A few such lines are skipped, each with its row;
 * when there are many the file is in another encoding (Latin-1, Windows-1252), and one error saying how to convert it
 * beats a skip for every line with an umlaut.
 */
export class Utf8Lines {
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
