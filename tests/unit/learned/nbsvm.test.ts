/**
 * NB-SVM (fit.ts, German recipe): the naive-Bayes log-count ratios scale features during training only; folded
 * into the weights, the stored model scores unscaled features exactly like the SVM trained on scaled ones, so
 * inference needs nothing new.
 */
import { describe, expect, it } from 'vitest';
import { fitHead, nbRatios } from '../../../classifiers/learned/fit.ts';
import { decisionValues, trainSvm, type SparseData } from '../../../classifiers/learned/linear.ts';
import { mulberry32 } from '../../../src/datasets/folds.ts';

/** Random binary-ish documents over `dim` features; feature 0 marks positives, feature 1 negatives. */
function corpus(n: number, dim: number, seed: number): { d: SparseData; labels: number[] } {
  const rand = mulberry32(seed);
  const offsets = new Int32Array(n + 1), index: number[] = [], value: number[] = [], labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = i % 3 === 0 ? 1 : 0;
    labels.push(y);
    const feats = new Set<number>([y === 1 ? 0 : 1, 2]);
    while (feats.size < 6) feats.add(2 + Math.floor(rand() * (dim - 2)));
    const sorted = [...feats].sort((a, b) => a - b);
    for (const f of sorted) {
      index.push(f);
      value.push(1 / Math.sqrt(sorted.length));
    }
    offsets[i + 1] = index.length;
  }
  return { d: { dim, offsets, index: Int32Array.from(index), value: Float32Array.from(value) }, labels };
}

describe('NB-SVM', () => {
  it('log-count ratios: positive for features of positives, negative for features of negatives, ~0 for shared ones', () => {
    const { d, labels } = corpus(90, 40, 3);
    const r = nbRatios(d, Int8Array.from(labels, (l) => (l === 1 ? 1 : -1)), 1);
    expect(r[0]).toBeGreaterThan(1);
    expect(r[1]).toBeLessThan(-1);
    expect(Math.abs(r[2] as number)).toBeLessThan(0.5);
  });

  it('the folded weights score unscaled features exactly like the SVM trained on scaled features', () => {
    const { d, labels } = corpus(120, 30, 5);
    const opt = { C: 1, classWeights: [], minDf: 1, seed: 1, nbAlpha: 1 };
    const [model] = fitHead(d, labels, 2, opt);
    const y = Int8Array.from(labels, (l) => (l === 1 ? 1 : -1));
    const r = nbRatios(d, y, 1); // every feature occurs, so compaction keeps the numbering
    const scaled = { ...d, value: Float32Array.from(d.value, (v, k) => v * (r[d.index[k] as number] as number)) };
    const direct = trainSvm(scaled, y, { C: 1, positiveWeight: 1, maxEpochs: 100, seed: 2 });
    const a = decisionValues(model!, d), b = decisionValues(direct, scaled);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i] as number, 4));
    // and it separates the toy classes
    a.forEach((v, i) => expect(v > 0).toBe(labels[i] === 1));
  });
});
