/**
 * One language's model at inference: weights in a compact bucket → row table (sparse-weights.ts: one
 * multiply-add per feature, no map lookups, cache-friendly), and the last post's scores cached because the classifier asks for complaint,
 * sentiment and severity of the same text in a row.
 */
import type { Cue, Lang } from '../../src/model.ts';
import { surfaceIndex } from './feature-hash.ts';
import { FeatureExtractor } from './features.ts';
import { polarityLexicon } from './lexicon.ts';
import { plattProbability, type Platt } from './calibration.ts';
import { decodeFloat32, decodeInt32, type ModelFile } from './model-file.ts';
import { SparseWeights } from './sparse-weights.ts';

/** How many cues an analyst sees per post: enough to explain, few enough to read. */
const MAX_CUES = 5;

// Surface features have no token; these are the names analysts see for them.
const SURFACE_NAMES = ['emoji', 'emo_pos', 'emo_neg', 'elong', 'caps', 'excl', 'quest', 'excl_run', 'lex_pos', 'lex_neg', 'url', 'user'];
const SURFACE_LABELS: Record<string, string> = {
  emoji: 'emoji',
  emo_pos: 'positive emoji/emoticon',
  emo_neg: 'negative emoji/emoticon',
  elong: 'elongated word (sooo)',
  caps: 'SHOUTING',
  excl: '!',
  quest: '?',
  excl_run: '!!/??',
  lex_pos: 'positive words (lexicon)',
  lex_neg: 'negative words (lexicon)',
  url: 'link',
  user: '@mention',
};

export class LanguageModel {
  readonly file: ModelFile;
  readonly classes: readonly string[];
  readonly threshold: number;
  private readonly fx: FeatureExtractor;
  private readonly k: number;
  private readonly weights: SparseWeights;
  private readonly bias: Float64Array;
  private readonly platt: Platt[];
  private readonly complaintColumn: number;
  private readonly surfaceLabel = new Map<number, string>();
  private readonly hiddenCue = new Set<number>();
  private readonly scores: Float64Array;
  /** Complaint-column weight of each feature of the last text, recorded by `accumulate` for `cues`. */
  private readonly complaintWeights: { readonly column: number; out: Float32Array };
  /** Top cues of the last text, as feature positions and weights (`cues` keeps at most MAX_CUES). */
  private readonly pickedAt = new Int32Array(MAX_CUES);
  private readonly pickedWeight = new Float64Array(MAX_CUES);
  private lastText: string | undefined;
  private lastLang: Lang | undefined;

  constructor(file: ModelFile) {
    const head = file.heads[file.complaint.head];
    const packed = file.weights[file.complaint.head];
    if (!head || packed === undefined) throw new Error(`model ${file.name} (${file.lang}) has no head "${file.complaint.head}"`);
    this.file = file;
    this.classes = head.classes;
    this.k = head.classes.length;
    this.threshold = file.complaint.threshold;
    this.complaintColumn = file.complaint.column;
    this.bias = Float64Array.from(head.bias);
    this.platt = head.platt;
    this.fx = new FeatureExtractor(file.features, file.features.lexicon ? polarityLexicon() : undefined);
    const index = decodeInt32(file.featureIndex);
    const weights = decodeFloat32(packed);
    if (weights.length !== index.length * this.k) throw new Error(`model ${file.name} (${file.lang}): weights do not match the feature index`);
    this.weights = new SparseWeights(file.features.bits, this.k, index, weights);
    for (const n of SURFACE_NAMES) this.surfaceLabel.set(surfaceIndex(n, file.features.bits), SURFACE_LABELS[n] ?? n);
    for (const n of ['url', 'user']) this.hiddenCue.add(surfaceIndex(n, file.features.bits));
    this.scores = new Float64Array(this.k);
    this.complaintWeights = { column: this.complaintColumn, out: new Float32Array(4096) };
  }

  /** Raw one-vs-rest decision values of the last text (shared buffer: copy to keep). */
  decision(text: string, lang: Lang): Float64Array {
    if (text === this.lastText && lang === this.lastLang) return this.scores;
    const n = this.fx.extract(text, lang);
    const s = this.scores;
    for (let c = 0; c < this.k; c++) s[c] = this.bias[c] as number;
    const record = this.complaintWeights;
    if (record.out.length < n) record.out = new Float32Array(Math.max(n, 2 * record.out.length));
    this.weights.accumulate(s, this.fx.index, this.fx.value, n, record);
    this.lastText = text;
    this.lastLang = lang;
    return s;
  }

  /** Class with the highest one-vs-rest decision value (what the CV accuracy measured). */
  label(text: string, lang: Lang): string {
    const d = this.decision(text, lang);
    if (this.k === 1) return (d[0] as number) > 0 ? (this.classes[0] as string) : 'other';
    let best = 0;
    for (let c = 1; c < this.k; c++) if ((d[c] as number) > (d[best] as number)) best = c;
    return this.classes[best] as string;
  }

  /** Lexicon polarity sums of the last text (pattern.de / AFINN), for the English sentiment fallback. */
  lexicon(text: string, lang: Lang): { pos: number; neg: number } {
    this.decision(text, lang);
    return { pos: this.fx.lexPos, neg: this.fx.lexNeg };
  }

  probability(text: string, lang: Lang, column: number): number {
    return plattProbability(this.platt[column] as Platt, this.decision(text, lang)[column] as number);
  }

  complaint(text: string, lang: Lang): { score: number; cues: Cue[] } {
    const score = this.probability(text, lang, this.complaintColumn);
    return { score, cues: this.cues() };
  }

  private isPlaceholder(token: number): boolean {
    const kind = this.fx.tokens[token]?.kind;
    return kind === 'user' || kind === 'url' || kind === 'num';
  }

  /** Word and surface features of the last text that pushed hardest towards "complaint". */
  private cues(): Cue[] {
    const fx = this.fx;
    const colWeight = this.complaintWeights.out;
    // Parallel arrays instead of a {i, w} object per candidate; the same picks, replacements and order as before.
    const at = this.pickedAt, weight = this.pickedWeight;
    let count = 0;
    // Only the word block and the surface block can be named; character n-grams in between are skipped.
    for (let i = 0; i < fx.count; i++) {
      if (i === fx.wordEnd) i = fx.surfaceStart;
      if (i >= fx.count) break;
      // Links and @mentions alone are left out: in the English corpus they mostly tell addressed tweets from the
      // random extra negatives, which explains nothing an analyst can act on.
      if (i >= fx.surfaceStart ? this.hiddenCue.has(fx.index[i] as number) : fx.kindOf[i] === 0 && this.isPlaceholder(fx.tokenOf[i] as number)) continue;
      const w = (colWeight[i] as number) * (fx.value[i] as number);
      if (w <= 0) continue;
      if (count < MAX_CUES) {
        at[count] = i;
        weight[count++] = w;
      } else {
        let min = 0;
        for (let j = 1; j < count; j++) if ((weight[j] as number) < (weight[min] as number)) min = j;
        if ((weight[min] as number) < w) {
          at[min] = i;
          weight[min] = w;
        }
      }
    }
    // Insertion sort by weight (descending), then position: a total order, so the result is what any sort gives.
    for (let a = 1; a < count; a++) {
      const i = at[a] as number, w = weight[a] as number;
      let b = a - 1;
      for (; b >= 0 && ((weight[b] as number) < w || ((weight[b] as number) === w && (at[b] as number) > i)); b--) {
        at[b + 1] = at[b] as number;
        weight[b + 1] = weight[b] as number;
      }
      at[b + 1] = i;
      weight[b + 1] = w;
    }
    const cues: Cue[] = [];
    for (let c = 0; c < count; c++) {
      const i = at[c] as number, w = weight[c] as number;
      const name = fx.featureName(i) ?? this.surfaceLabel.get(fx.index[i] as number) ?? 'feature';
      const span = fx.featureSpan(i);
      const cue: Cue = { cue: name.slice(0, 200), weight: Math.round(w * 1000) / 1000 };
      if (span) cue.span = span;
      cues.push(cue);
    }
    return cues;
  }
}
