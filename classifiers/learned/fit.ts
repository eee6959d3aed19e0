/**
 * Fitting and cross-validating one-vs-rest linear heads. Shared by `kundenradar train` (which picks C by CV
 * and fits the shipped model) and `kundenradar eval --folds` (which reports CV figures), so both measure the
 * same procedure.
 */
import { stratifiedFolds } from '../../src/datasets/folds.ts';
import { compact, expand, subset, trainSvm, decisionValues, type LinearModel, type SparseData } from './linear.ts';

export interface HeadOptions {
  C: number;
  /** Per-class multiplier of C for that class' positives in its one-vs-rest problem. */
  classWeights: number[];
  /** Features seen in fewer training documents are dropped: keeps model files small, and rare hashes are noise. */
  minDf: number;
  seed: number;
  /**
   * NB-SVM (Wang & Manning, ACL 2012): when set, each one-vs-rest problem scales feature f by its naive-Bayes
   * log-count ratio r_f = log((α + df⁺_f)/|p| ÷ (α + df⁻_f)/|q|), with this α, before the SVM sees it. The
   * ratio is folded back into the weights (w_f · r_f), so inference is the same dot product as without it.
   */
  nbAlpha?: number;
}

/** One binary model per class (a single model for two-class problems: class 1 vs class 0). */
export function fitHead(d: SparseData, labels: readonly number[], nClasses: number, opt: HeadOptions): LinearModel[] {
  const { data, original } = compact(d, opt.minDf);
  const targets = nClasses === 2 ? [1] : Array.from({ length: nClasses }, (_, c) => c);
  return targets.map((c) => {
    const y = Int8Array.from(labels, (l) => (l === c ? 1 : -1));
    const svm = { C: opt.C, positiveWeight: opt.classWeights[c] ?? 1, maxEpochs: 100, seed: opt.seed + c };
    if (opt.nbAlpha === undefined) return expand(trainSvm(data, y, svm), original);
    const r = nbRatios(data, y, opt.nbAlpha);
    const value = Float32Array.from(data.value, (v, k) => v * (r[data.index[k] as number] as number));
    const m = trainSvm({ ...data, value }, y, svm);
    const weight = Float32Array.from(m.weight, (w, j) => w * (r[m.index[j] as number] as number));
    return expand({ index: m.index, weight, bias: m.bias }, original);
  });
}

/**
 * Naive-Bayes log-count ratios from document frequencies in the positive and negative documents, divided by
 * their mean magnitude so the scaled features stay on the scale the C grid was chosen for.
 */
export function nbRatios(d: SparseData, y: Int8Array, alpha: number): Float64Array {
  const p = new Float64Array(d.dim).fill(alpha), q = new Float64Array(d.dim).fill(alpha);
  for (let i = 0; i < y.length; i++) {
    const counts = y[i] === 1 ? p : q;
    for (let k = d.offsets[i] as number; k < (d.offsets[i + 1] as number); k++) {
      const f = d.index[k] as number;
      counts[f] = (counts[f] as number) + 1;
    }
  }
  let sp = 0, sq = 0;
  for (let f = 0; f < d.dim; f++) {
    sp += p[f] as number;
    sq += q[f] as number;
  }
  const r = new Float64Array(d.dim);
  let mean = 0;
  for (let f = 0; f < d.dim; f++) {
    r[f] = Math.log(((p[f] as number) / sp) / ((q[f] as number) / sq));
    mean += Math.abs(r[f] as number);
  }
  mean = d.dim > 0 ? mean / d.dim : 0;
  if (mean > 0) for (let f = 0; f < d.dim; f++) r[f] = (r[f] as number) / mean;
  return r;
}

/** Decision values per document and model, [doc][model]. */
export function scoreHead(models: readonly LinearModel[], d: SparseData): number[][] {
  const cols = models.map((m) => decisionValues(m, d));
  const n = d.offsets.length - 1;
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i] as number));
}

/** Out-of-fold decision values: each document is scored by a head trained without its fold. */
export function crossValidate(
  d: SparseData,
  labels: readonly number[],
  nClasses: number,
  opt: HeadOptions,
  k: number,
  foldSeed = 17,
): { scores: number[][]; folds: number[] } {
  const folds = stratifiedFolds(labels, k, foldSeed);
  const scores: number[][] = new Array(labels.length);
  for (let f = 0; f < k; f++) {
    const trainRows: number[] = [], testRows: number[] = [];
    folds.forEach((fold, i) => (fold === f ? testRows : trainRows).push(i));
    const models = fitHead(subset(d, trainRows), trainRows.map((i) => labels[i] as number), nClasses, opt);
    const s = scoreHead(models, subset(d, testRows));
    testRows.forEach((row, j) => {
      scores[row] = s[j] as number[];
    });
  }
  return { scores, folds };
}

/** Class index with the highest (bias-shifted) decision value; a two-class head compares against 0. */
export function argmaxClass(row: readonly number[], offsets?: readonly number[]): number {
  if (row.length === 1) return (row[0] as number) + (offsets?.[0] ?? 0) > 0 ? 1 : 0;
  let best = 0, bestV = -Infinity;
  row.forEach((v, c) => {
    const s = v + (offsets?.[c] ?? 0);
    if (s > bestV) {
      bestV = s;
      best = c;
    }
  });
  return best;
}
