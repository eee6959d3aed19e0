/**
 * Short content keys of labelled documents, stored in a model file so that `kundenradar eval` can tell training data
 * from held-out data document by document: a copy of a training file with other line endings, its rows reordered,
 * a subset of it or a concatenation with other files has another file hash but the same documents.
 *
 * A key is the first 8 bytes of the SHA-256 of the text normalised the way exports differ (Unicode NFC, case,
 * runs of white space): 2^64 keys, so a few thousand documents never collide by chance.
 */
import { createHash } from 'node:crypto';

const KEY_BYTES = 8;

/** The key of one document's text, as 16 hex digits. */
export function documentKey(text: string): string {
  const normal = text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(normal).digest('hex').slice(0, 2 * KEY_BYTES);
}

/** The distinct keys of `texts`, sorted, as base64 (deterministic: the same texts give the same string). */
export function encodeDocumentKeys(texts: readonly string[]): string {
  const keys = [...new Set(texts.map(documentKey))].sort();
  return Buffer.from(keys.join(''), 'hex').toString('base64');
}

export function decodeDocumentKeys(encoded: string): Set<string> {
  const hex = Buffer.from(encoded, 'base64').toString('hex');
  const keys = new Set<string>();
  for (let i = 0; i + 2 * KEY_BYTES <= hex.length; i += 2 * KEY_BYTES) keys.add(hex.slice(i, i + 2 * KEY_BYTES));
  return keys;
}

/** Words a document needs, past @handles and links, before its key says "this document" rather than "this phrase". */
export const DISTINCTIVE_WORDS = 5;

/**
 * Whether a document is long enough for its key to identify it: "@SouthwestAir Thank you." or "Take care" are
 * written by many people, and finding one of them in a held-out file says nothing about a copied training file.
 */
export function isDistinctive(text: string): boolean {
  const words = text.replace(/https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= DISTINCTIVE_WORDS;
}
