/**
 * Hashed sparse features for the learned text models: word uni/bigrams with negation scope, character
 * n-grams, and a few surface cues (emoji, emoticons, elongation, shouting, ?/!). Everything is hashed into one
 * space (feature-hash.ts) so inference needs no vocabulary lookups and no per-feature strings: a post costs one
 * regex pass for tokens plus integer arithmetic for the rest (see bench/classify.ts).
 */
import type { Lang } from '../../src/model.ts';
import { tokenize, type Token } from './tokens.ts';
import type { Lexicon } from './lexicon.ts';
import type { FeatureConfig } from './feature-config.ts';
import { finishHash, fnv, isNegator, NEGATION_SCOPE, NS_BIGRAM, NS_CHAR, NS_NEG, NS_WORD, surfaceIndex } from './feature-hash.ts';

/** Kind of a word feature, kept so the few cues shown to analysts can be named without storing strings. */
export const enum WordKind {
  Unigram = 0,
  Negated = 1,
  Bigram = 2,
}

/**
 * Reusable extractor: `extract` fills `index`/`value` with `count` distinct features. One instance per model;
 * not re-entrant (classifiers are synchronous, so one instance per process is enough).
 */
export class FeatureExtractor {
  readonly config: FeatureConfig;
  count = 0;
  index: Int32Array;
  value: Float32Array;
  /** For word features: which token (and kind) produced feature i; -1 for character and surface features. */
  tokenOf: Int32Array;
  kindOf: Uint8Array;
  tokens: Token[] = [];
  /** End of the word block of the last extraction (features 0..wordEnd-1 are word features). */
  wordEnd = 0;
  /** Start of the surface/lexicon block of the last extraction (it runs to `count`). */
  surfaceStart = 0;
  /** Lexicon polarity sums of the last extraction (zero when the config has no lexicon). */
  lexPos = 0;
  lexNeg = 0;
  /** Per token of the last extraction: 1 when its normal form is in NEGATORS (read by the lexicon sums). */
  private negators = new Uint8Array(256);
  // Features already added to this post: an open-addressing set stamped with a generation, so nothing is
  // cleared between posts. It is sized to the post (a few KB, stays in L1), not to the 2^bits hash space: a
  // stamp per bucket (1 MB at 18 bits) made every feature a cache miss.
  // Key at 2s and generation at 2s + 1, side by side so a probe reads one cache line.
  private seen = new Int32Array(2 * 2048);
  private generation = 0;
  /** The space-joined normal forms of the last post's tokens, as UTF-16 units (the character block's input). */
  private chars = new Uint16Array(1024);
  private joinedLength = 0;
  private readonly shift: number;
  private readonly lexicon: Lexicon | undefined;
  private readonly surfaceIdx: Record<string, number>;

  constructor(config: FeatureConfig, lexicon?: Lexicon) {
    if (config.bits < 12 || config.bits > 24) throw new RangeError(`hash bits must be 12..24, got ${config.bits}`);
    this.config = config;
    this.shift = 32 - config.bits;
    this.index = new Int32Array(4096);
    this.value = new Float32Array(4096);
    this.tokenOf = new Int32Array(4096);
    this.kindOf = new Uint8Array(4096);
    this.lexicon = config.lexicon ? lexicon : undefined;
    if (config.lexicon && !lexicon) throw new Error('feature config asks for lexicon features but no lexicon was given');
    this.surfaceIdx = {};
    for (const n of ['emoji', 'emo_pos', 'emo_neg', 'elong', 'caps', 'excl', 'quest', 'excl_run', 'lex_pos', 'lex_neg', 'url', 'user']) {
      this.surfaceIdx[n] = surfaceIndex(n, config.bits);
    }
  }

  extract(text: string, lang: Lang): number {
    const c = this.config;
    this.count = 0;
    if (++this.generation === 0x7fffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    const toks = tokenize(text);
    this.tokens = toks;
    if (this.negators.length < toks.length) this.negators = new Uint8Array(Math.max(toks.length, 2 * this.negators.length));
    const negators = this.negators;

    // Word block.
    const wordStart = this.count;
    let negLeft = 0;
    let prev: string | null = null;
    for (let t = 0; t < toks.length; t++) {
      const tok = toks[t] as Token;
      if (tok.kind === 'punct') {
        negLeft = 0;
        prev = null;
        continue;
      }
      if ((tok.kind === 'user' && !c.mentions) || (tok.kind === 'url' && !c.links)) {
        // As if the handle were cut out of the text: "danke @DB_Bahn für nichts" reads "danke für nichts".
        negators[t] = 0;
        continue;
      }
      const w = tok.norm;
      const hw = fnv(NS_WORD, w);
      if (c.negation && negLeft > 0 && tok.kind === 'word') {
        this.add(finishHash(fnv(NS_NEG, w), this.shift), 1, t, WordKind.Negated);
        negLeft--;
      } else {
        this.add(finishHash(hw, this.shift), 1, t, WordKind.Unigram);
      }
      if (c.wordNgrams === 2 && prev !== null) {
        this.add(finishHash(fnv(Math.imul(fnv(NS_BIGRAM, prev) ^ 32, 16777619), w), this.shift), 1, t, WordKind.Bigram);
      }
      // NEGATORS.has(w), by the hash just computed: hashing each fresh token string for a Set cost more.
      const negator = isNegator(w, hw);
      negators[t] = negator ? 1 : 0;
      if (c.negation && (negator || w.endsWith("n't"))) negLeft = NEGATION_SCOPE;
      prev = w;
    }
    this.normalise(wordStart, c.wordWeight);
    this.wordEnd = this.count;

    // Character block over " tok tok tok ": word boundaries become part of the n-grams.
    if (c.charMax >= c.charMin && c.charMax > 0) {
      const charStart = this.count;
      const joined = this.joinNorms(toks, c.mentions, c.links);
      const n = this.joinedLength, cmin = c.charMin, cmax = c.charMax, shift = this.shift;
      for (let i = 0; i + cmin <= n; i++) {
        let h = NS_CHAR;
        const top = Math.min(cmax, n - i);
        for (let k = 0; k < top; k++) {
          h = Math.imul(h ^ (joined[i + k] as number), 16777619);
          if (k + 1 >= cmin) this.add(finishHash(h ^ (k + 1), shift), 1, -1, 0);
        }
      }
      this.normalise(charStart, c.charWeight);
    }

    this.surfaceStart = this.count;
    if (c.surface) this.addSurface(text, toks);
    this.lexPos = 0;
    this.lexNeg = 0;
    if (this.lexicon) {
      const { pos, neg } = this.lexicon.scoreFlagged(toks, lang, c.negation ? negators : undefined);
      this.lexPos = pos;
      this.lexNeg = neg;
      // Squashed so one long news text cannot outweigh the whole word block.
      if (pos > 0) this.add(this.surfaceIdx.lex_pos as number, Math.tanh(pos), -1, 0);
      if (neg > 0) this.add(this.surfaceIdx.lex_neg as number, Math.tanh(neg), -1, 0);
    }
    return this.count;
  }

  /**
   * The units of `[''].concat(non-punct norms, ['']).join(' ')` (without handles when `mentions` is false) in a reused buffer: the post's string of
   * norms was built only to be read unit by unit, so its allocation and flattening are skipped.
   */
  private joinNorms(toks: Token[], mentions = true, links = true): Uint16Array {
    let need = 2;
    for (const tok of toks) if (tok.kind !== 'punct') need += tok.norm.length + 1;
    if (this.chars.length < need) this.chars = new Uint16Array(Math.max(need, 2 * this.chars.length));
    const out = this.chars;
    let n = 0;
    out[n++] = 32;
    for (const tok of toks) {
      if (tok.kind === 'punct' || (tok.kind === 'user' && !mentions) || (tok.kind === 'url' && !links)) continue;
      const w = tok.norm;
      for (let j = 0; j < w.length; j++) out[n++] = w.charCodeAt(j);
      out[n++] = 32;
    }
    this.joinedLength = n;
    return out;
  }

  private addSurface(text: string, toks: Token[]): void {
    const s = this.surfaceIdx;
    let emoji = 0, emoPos = 0, emoNeg = 0, elong = 0, caps = 0, url = 0, user = 0;
    for (const tok of toks) {
      if (tok.kind === 'emoji') {
        emoji++;
        if (tok.polarity > 0) emoPos++;
        else if (tok.polarity < 0) emoNeg++;
      } else if (tok.kind === 'word') {
        if (tok.elongated) elong++;
        if (tok.shouted) caps++;
      } else if (tok.kind === 'url' && this.config.links) url++;
      else if (tok.kind === 'user' && this.config.mentions) user++;
    }
    if (emoji) this.add(s.emoji as number, 0.5, -1, 0);
    if (emoPos) this.add(s.emo_pos as number, 0.5, -1, 0);
    if (emoNeg) this.add(s.emo_neg as number, 0.5, -1, 0);
    if (elong) this.add(s.elong as number, 0.5, -1, 0);
    if (caps) this.add(s.caps as number, 0.5, -1, 0);
    if (url) this.add(s.url as number, 0.5, -1, 0);
    if (user) this.add(s.user as number, 0.5, -1, 0);
    if (text.includes('!')) this.add(s.excl as number, 0.5, -1, 0);
    if (text.includes('?')) this.add(s.quest as number, 0.5, -1, 0);
    if (/[!?]{2,}/.test(text)) this.add(s.excl_run as number, 0.5, -1, 0);
  }

  private add(idx: number, v: number, token: number, kind: number): void {
    if (!this.markSeen(idx)) return; // hashed duplicates count once (binary presence)
    if (this.count === this.index.length) this.grow();
    this.index[this.count] = idx;
    this.value[this.count] = v;
    this.tokenOf[this.count] = token;
    this.kindOf[this.count] = kind;
    this.count++;
  }

  /** Adds `idx` to this post's seen set; false when it was there already. */
  private markSeen(idx: number): boolean {
    if (4 * this.count >= this.seen.length) this.growSeen();
    const seen = this.seen, g = this.generation, mask = (seen.length >>> 1) - 1;
    // `idx` is already the top bits of an avalanched hash, so its low bits spread evenly over the table.
    for (let h = idx & mask; ; h = (h + 1) & mask) {
      if (seen[2 * h + 1] !== g) {
        seen[2 * h + 1] = g;
        seen[2 * h] = idx;
        return true;
      }
      if (seen[2 * h] === idx) return false;
    }
  }

  /** Doubles the seen set (kept at most half full) and re-inserts this post's features. */
  private growSeen(): void {
    const size = this.seen.length, mask = size - 1, g = this.generation;
    const seen = new Int32Array(2 * size);
    for (let i = 0; i < this.count; i++) {
      const idx = this.index[i] as number;
      let h = idx & mask;
      while (seen[2 * h + 1] === g) h = (h + 1) & mask;
      seen[2 * h + 1] = g;
      seen[2 * h] = idx;
    }
    this.seen = seen;
  }

  private normalise(from: number, weight: number): void {
    const n = this.count - from;
    if (n === 0) return;
    const v = weight / Math.sqrt(n);
    for (let i = from; i < this.count; i++) this.value[i] = v;
  }

  private grow(): void {
    const size = this.index.length * 2;
    const idx = new Int32Array(size), val = new Float32Array(size), tok = new Int32Array(size), kind = new Uint8Array(size);
    idx.set(this.index);
    val.set(this.value);
    tok.set(this.tokenOf);
    kind.set(this.kindOf);
    this.index = idx;
    this.value = val;
    this.tokenOf = tok;
    this.kindOf = kind;
  }

  /** Human-readable name of word feature i of the last extraction (for cues). */
  featureName(i: number): string | undefined {
    const t = this.tokenOf[i] ?? -1;
    if (t < 0) return undefined;
    const tok = this.tokens[t];
    if (!tok) return undefined;
    switch (this.kindOf[i]) {
      case WordKind.Negated:
        return `nicht/not + ${tok.surface}`;
      case WordKind.Bigram: // bigrams never span punctuation, so the previous token is the first word
        return `${this.tokens[t - 1]?.surface ?? ''} ${tok.surface}`.trim();
      default:
        return tok.surface;
    }
  }

  /** Character span of the token(s) behind word feature i, for highlighting. */
  featureSpan(i: number): [number, number] | undefined {
    const t = this.tokenOf[i] ?? -1;
    const tok = this.tokens[t];
    if (!tok) return undefined;
    const start = this.kindOf[i] === WordKind.Bigram ? (this.tokens[t - 1]?.start ?? tok.start) : tok.start;
    return [start, tok.end];
  }
}
