/**
 * Equivalence of the inference fast paths with the straightforward code they replaced (issue 4, bench:classify):
 * sparse weight lookup vs. a dense array, the per-post seen set vs. a Set, the elongation pre-check vs. the regex,
 * the character block's reused unit buffer vs. the joined string.
 * Exact equality throughout: the optimisations must not change a single score.
 */
import { describe, expect, it } from 'vitest';
import { FeatureExtractor } from '../../../classifiers/learned/features.ts';
import { SHIPPED_FEATURES } from '../../../classifiers/learned/recipes.ts';
import { polarityLexicon } from '../../../classifiers/learned/lexicon.ts';
import { SparseWeights } from '../../../classifiers/learned/sparse-weights.ts';
import { tokenize } from '../../../classifiers/learned/tokens.ts';
import { mulberry32 } from '../../../src/datasets/folds.ts';

describe('SparseWeights', () => {
  it.each([1, 2, 3, 4])('sums exactly like a dense 2^bits × k array (k = %i), duplicates and absent buckets included', (k) => {
    const bits = 12;
    const rand = mulberry32(k);
    const index = Int32Array.from({ length: 900 }, () => Math.floor(rand() * (1 << bits)));
    index[10] = index[3] as number; // a duplicate bucket: the later row wins, as in the dense fill
    const weights = Float32Array.from({ length: index.length * k }, () => (rand() - 0.5) * 4);
    const dense = new Float32Array((1 << bits) * k);
    index.forEach((f, i) => {
      for (let c = 0; c < k; c++) dense[f * k + c] = weights[i * k + c] as number;
    });
    const sparse = new SparseWeights(bits, k, index, weights);
    for (let post = 0; post < 50; post++) {
      const n = 1 + Math.floor(rand() * 3000); // beyond the initial scratch size
      const idx = Int32Array.from({ length: n }, () => Math.floor(rand() * (1 << bits)));
      const val = Float32Array.from({ length: n }, () => rand());
      const expected = Float64Array.from({ length: k }, (_, c) => c - 0.25);
      const actual = Float64Array.from(expected);
      for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) expected[c] = (expected[c] as number) + (dense[(idx[i] as number) * k + c] as number) * (val[i] as number);
      sparse.accumulate(actual, idx, val, n);
      expect([...actual]).toEqual([...expected]);
      const some = [...idx.subarray(0, 100)];
      expect(some.map((f) => sparse.weight(f, k - 1))).toEqual(some.map((f) => dense[f * k + k - 1]));
    }
  });
});

describe('FeatureExtractor seen set', () => {
  const long = Array.from({ length: 400 }, (_, i) => `Wort${i} Verspätung${i % 17} ärgerlich #bahn${i}`).join(' ');
  const texts = ['Zug fällt aus', long, 'nicht gut, gar nicht gut!!', long.slice(0, 5000), 'ok'];

  it('yields each hashed feature once, the same on a fresh extractor as after other posts (generations, growth)', () => {
    const reused = new FeatureExtractor(SHIPPED_FEATURES, polarityLexicon());
    for (const text of [...texts, ...texts]) {
      const fresh = new FeatureExtractor(SHIPPED_FEATURES, polarityLexicon());
      const n = fresh.extract(text, 'de');
      const m = reused.extract(text, 'de');
      const got = [...reused.index.subarray(0, m)];
      expect(got).toEqual([...fresh.index.subarray(0, n)]);
      expect([...reused.value.subarray(0, m)]).toEqual([...fresh.value.subarray(0, n)]);
      expect(new Set(got).size).toBe(got.length);
    }
  });
});

describe('tokenize elongation pre-check', () => {
  // The regex the pre-check guards, applied unconditionally (the reference).
  const reference = (w: string): { elongated: boolean; norm: string } => {
    const norm = w.toLowerCase().replace(/’/g, "'");
    return /(\p{L})\1{2,}/u.test(norm) ? { elongated: true, norm: norm.replace(/(\p{L})\1{2,}/gu, '$1$1') } : { elongated: false, norm };
  };
  it.each(['suuuuper', 'NEEEIN', 'nööööö', 'Kaffee', 'aaa', 'aab', '𝐬𝐨𝐨𝐨', 'ab𝐨𝐨', 'don’t', 'xxyxx', 'Schifffahrt'])('%s', (w) => {
    const [tok] = tokenize(w).filter((t) => t.kind === 'word');
    expect(tok && { elongated: tok.elongated, norm: tok.norm }).toEqual(reference(tok?.surface ?? w));
  });
});

describe('FeatureExtractor character block input', () => {
  // What the character n-grams were read from before: the non-punctuation norms joined by spaces, framed by one.
  const reference = (text: string): string => ['', ...tokenize(text).filter((t) => t.kind !== 'punct').map((t) => t.norm), ''].join(' ');
  const long = Array.from({ length: 300 }, (_, i) => `Wort${i} Verspätung ärgerlich`).join(', ');
  it.each(['', '   ', '!!! ?', 'Zug fällt aus', 'SOOOO ein Mist!!! @DB_Bahn https://t.co/x 😡 #bahn don’t', long])('%#', (text) => {
    const fx = new FeatureExtractor(SHIPPED_FEATURES, polarityLexicon()) as unknown as { joinNorms(t: ReturnType<typeof tokenize>): Uint16Array; joinedLength: number };
    for (let round = 0; round < 2; round++) {
      const units = fx.joinNorms(tokenize(text));
      expect(String.fromCharCode(...units.subarray(0, fx.joinedLength))).toBe(reference(text));
    }
  });
});

describe('SparseWeights recorded column', () => {
  it.each([1, 3])('records each feature’s weight in one column, 0 for absent buckets, without changing the sums (k = %i)', (k) => {
    const bits = 12;
    const rand = mulberry32(40 + k);
    const index = Int32Array.from({ length: 600 }, (_, i) => (i * 7) % (1 << bits));
    const weights = Float32Array.from({ length: index.length * k }, () => (rand() - 0.5) * 4);
    const sparse = new SparseWeights(bits, k, index, weights);
    const column = k - 1;
    const out = new Float32Array(3000).fill(99);
    for (let post = 0; post < 20; post++) {
      const n = 1 + Math.floor(rand() * 2000);
      const idx = Int32Array.from({ length: n }, () => Math.floor(rand() * (1 << bits)));
      const val = Float32Array.from({ length: n }, () => rand());
      const plain = new Float64Array(k);
      const recorded = new Float64Array(k);
      sparse.accumulate(plain, idx, val, n);
      sparse.accumulate(recorded, idx, val, n, { column, out });
      expect([...recorded]).toEqual([...plain]);
      expect([...out.subarray(0, n)]).toEqual([...idx].map((f) => sparse.weight(f, column)));
    }
  });
});

describe('tokenize shouting and apostrophes (per-post checks)', () => {
  // The reference: the per-word tests the tokenizer used before the fast rejections.
  const SHOUT = /\p{Lu}{3}/u;
  const reference = (text: string): Array<[string, boolean]> =>
    tokenize(text)
      .filter((t) => t.kind === 'word')
      .map((t) => {
        const w = t.surface.startsWith('#') ? t.surface.slice(1) : t.surface;
        const lower = w.toLowerCase();
        return [lower.replace(/’/g, "'").replace(/(\p{L})\1{2,}/gu, '$1$1'), w.length >= 3 && w !== lower && w === w.toUpperCase() && SHOUT.test(w)];
      });
  it.each([
    'NIE WIEDER Bahn!!! Zug fällt aus, ÄRGERLICH',
    'eBay and iPhone: WORST SERVICE EVER, DON’T BUY',
    'Ich bin SOOOO sauer, Straße STRAẞE ÖBB İSTANBUL',
    'can’t won’t DON’T don\'t',
    'Ǆemal ǅemal ǆemal ΑΘΗΝΑ ΑΘΉΝΑ',
  ])('%s', (text) => {
    expect(tokenize(text).filter((t) => t.kind === 'word').map((t) => [t.norm, t.shouted])).toEqual(reference(text));
  });
});
