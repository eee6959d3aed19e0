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
}

/** One binary model per class (a single model for two-class problems: class 1 vs class 0). */
export function fitHead(d: SparseData, labels: readonly number[], nClasses: number, opt: HeadOptions): LinearModel[] {
  const { data, original } = compact(d, opt.minDf);
  const targets = nClasses === 2 ? [1] : Array.from({ length: nClasses }, (_, c) => c);
  return targets.map((c) => {
    const y = Int8Array.from(labels, (l) => (l === c ? 1 : -1));
    return expand(trainSvm(data, y, { C: opt.C, positiveWeight: opt.classWeights[c] ?? 1, maxEpochs: 100, seed: opt.seed + c }), original);
  });
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
