/**
 * The replay format of a file given without `--format`: by its extension, else by its first bytes. A CSV with
 * the Kaggle customer-support header (`tweet_id, author_id, inbound, …, response_tweet_id`) is read as twcs.
 * Reading a CSV as JSON lines (the former default) skipped every row as "malformed JSON".
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ReplayFormat } from './replay-formats.ts';
import { isArchivePart } from './replay-tweet-envelopes.ts';

const BY_EXTENSION: Record<string, ReplayFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.tab': 'csv',
  '.xml': 'germeval',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.jsonlines': 'jsonl',
  '.json': 'jsonl',
};

const TWCS_COLUMNS = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id'];

async function head(file: string, bytes = 64 * 1024): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    // A cut multi-byte character at the end only costs that character; the head is only looked at.
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\ufeff/, '');
  } finally {
    await handle.close();
  }
}

function isTwcsHeader(firstLine: string): boolean {
  const cells = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return TWCS_COLUMNS.every((c) => cells.includes(c));
}

export interface GuessedFormat {
  format: ReplayFormat;
  /** How it was told, for the line replay prints. */
  by: 'extension' | 'content';
}

export async function guessReplayFormat(file: string): Promise<GuessedFormat> {
  const text = await head(file);
  const firstLine = text.slice(0, text.indexOf('\n') + 1 || text.length).trim();
  const byExtension = BY_EXTENSION[extname(file).toLowerCase()];
  if (byExtension === 'csv') return { format: isTwcsHeader(firstLine) ? 'twcs' : 'csv', by: 'extension' };
  if (byExtension) return { format: byExtension, by: 'extension' };
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[') || isArchivePart(start)) return { format: 'jsonl', by: 'content' };
  if (start.startsWith('<')) return { format: 'germeval', by: 'content' };
  return { format: isTwcsHeader(firstLine) ? 'twcs' : 'csv', by: 'content' };
}
