/** Classification figures as the shared tasks and papers report them. */

export interface BinaryScores {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function binaryScores(gold: readonly boolean[], pred: readonly boolean[]): BinaryScores {
  let tp = 0, fp = 0, fn = 0;
  gold.forEach((g, i) => {
    const p = pred[i] === true;
    if (p && g) tp++;
    else if (p) fp++;
    else if (g) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** Unweighted mean of per-class F1 over the classes present in gold or prediction. */
export function macroF1<T>(gold: readonly T[], pred: readonly T[]): number {
  const classes = [...new Set([...gold, ...pred])];
  const f1s = classes.map((c) => binaryScores(gold.map((g) => g === c), pred.map((p) => p === c)).f1);
  return f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length);
}

/**
 * GermEval 2017 subtask B scored micro-averaged F1 over the three classes; with exactly one label per
 * document that equals accuracy.
 */
export function microF1<T>(gold: readonly T[], pred: readonly T[]): number {
  let ok = 0;
  gold.forEach((g, i) => {
    if (pred[i] === g) ok++;
  });
  return gold.length === 0 ? 0 : ok / gold.length;
}
