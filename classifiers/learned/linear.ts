/**
 * Linear models over hashed sparse features: L2-regularised squared-hinge SVM solved by dual coordinate
 * descent (Hsieh et al., ICML 2008 — the liblinear default for text), with a fixed-seed visiting order so the
 * same data always gives the same weights. Probabilities come from Platt scaling (calibration.ts).
 */
import type { Lang } from '../../src/model.ts';
import { mulberry32, shuffleInPlace } from '../../src/datasets/folds.ts';
import type { FeatureExtractor } from './features.ts';

/** Documents as one CSR matrix: features of doc i are at offsets[i]..offsets[i+1]. */
export interface SparseData {
  dim: number;
  offsets: Int32Array;
  index: Int32Array;
  value: Float32Array;
}

export function featurise(fx: FeatureExtractor, texts: readonly string[], lang: Lang): SparseData {
  const offsets = new Int32Array(texts.length + 1);
  const idx: number[] = [];
  const val: number[] = [];
  texts.forEach((t, i) => {
    const n = fx.extract(t, lang);
    for (let j = 0; j < n; j++) {
      idx.push(fx.index[j] as number);
      val.push(fx.value[j] as number);
    }
    offsets[i + 1] = idx.length;
  });
  return { dim: 1 << fx.config.bits, offsets, index: Int32Array.from(idx), value: Float32Array.from(val) };
}

export function subset(d: SparseData, rows: readonly number[]): SparseData {
  const offsets = new Int32Array(rows.length + 1);
  let total = 0;
  rows.forEach((r, i) => {
    total += (d.offsets[r + 1] as number) - (d.offsets[r] as number);
    offsets[i + 1] = total;
  });
  const index = new Int32Array(total), value = new Float32Array(total);
  rows.forEach((r, i) => {
    const a = d.offsets[r] as number, b = d.offsets[r + 1] as number;
    index.set(d.index.subarray(a, b), offsets[i] as number);
    value.set(d.value.subarray(a, b), offsets[i] as number);
  });
  return { dim: d.dim, offsets, index, value };
}

/** Number of training documents each hashed feature occurs in. */
export function documentFrequency(d: SparseData): Uint32Array {
  const df = new Uint32Array(d.dim);
  for (let k = 0; k < d.index.length; k++) {
    const f = d.index[k] as number;
    df[f] = (df[f] as number) + 1;
  }
  return df;
}

export interface SvmOptions {
  /** Inverse regularisation strength, chosen by cross-validation. */
  C: number;
  /** Multiplies C for positive examples (class weighting for the rare class). */
  positiveWeight: number;
  maxEpochs: number;
  seed: number;
}

export interface LinearModel {
  /** Sparse weights: sorted feature indices and their weights. */
  index: Int32Array;
  weight: Float32Array;
  bias: number;
}

/** Bias enters as a constant feature of this value, regularised like the others (liblinear's -B 1). */
const BIAS_FEATURE = 1;
/** liblinear's default stopping tolerance for the dual solvers. */
const TOLERANCE = 0.1;

export function trainSvm(d: SparseData, y: Int8Array, opt: SvmOptions): LinearModel {
  const n = y.length;
  const w = new Float64Array(d.dim);
  let b = 0;
  const alpha = new Float64Array(n);
  const diag = new Float64Array(n);
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const C = y[i] === 1 ? opt.C * opt.positiveWeight : opt.C;
    diag[i] = 0.5 / C;
    let sq = BIAS_FEATURE * BIAS_FEATURE;
    for (let k = d.offsets[i] as number; k < (d.offsets[i + 1] as number); k++) {
      sq += (d.value[k] as number) ** 2;
    }
    qii[i] = sq + (diag[i] as number);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  const rand = mulberry32(opt.seed);
  for (let epoch = 0; epoch < opt.maxEpochs; epoch++) {
    shuffleInPlace(order, rand);
    let maxPg = -Infinity, minPg = Infinity;
    for (const i of order) {
      const yi = y[i] as number;
      const from = d.offsets[i] as number, to = d.offsets[i + 1] as number;
      let dot = b * BIAS_FEATURE;
      for (let k = from; k < to; k++) {
        const f = d.index[k] as number;
        dot += (w[f] as number) * (d.value[k] as number);
      }
      const a = alpha[i] as number;
      const g = yi * dot - 1 + a * (diag[i] as number);
      const pg = a === 0 ? Math.min(g, 0) : g;
      if (pg > maxPg) maxPg = pg;
      if (pg < minPg) minPg = pg;
      if (pg === 0) continue;
      const next = Math.max(a - g / (qii[i] as number), 0);
      const step = (next - a) * yi;
      alpha[i] = next;
      for (let k = from; k < to; k++) {
        const f = d.index[k] as number;
        w[f] = (w[f] as number) + step * (d.value[k] as number);
      }
      b += step * BIAS_FEATURE;
    }
    if (maxPg - minPg < TOLERANCE) break;
  }
  return sparsify(w, b * BIAS_FEATURE);
}

function sparsify(w: Float64Array, bias: number): LinearModel {
  let nz = 0;
  for (let f = 0; f < w.length; f++) if (w[f] !== 0) nz++;
  const index = new Int32Array(nz), weight = new Float32Array(nz);
  let j = 0;
  for (let f = 0; f < w.length; f++) {
    if (w[f] === 0) continue;
    index[j] = f;
    weight[j] = w[f] as number;
    j++;
  }
  return { index, weight, bias };
}

/**
 * Renumbers the features with df ≥ minDf to 0..n-1. Training then touches a small dense array that stays in
 * cache instead of the whole hash space, and rare features disappear in one place.
 */
export function compact(d: SparseData, minDf: number): { data: SparseData; original: Int32Array } {
  const df = documentFrequency(d);
  const remap = new Int32Array(d.dim).fill(-1);
  const original: number[] = [];
  for (let f = 0; f < d.dim; f++) {
    if ((df[f] as number) >= minDf && (df[f] as number) > 0) {
      remap[f] = original.length;
      original.push(f);
    }
  }
  const n = d.offsets.length - 1;
  const offsets = new Int32Array(n + 1);
  const index: number[] = [], value: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = d.offsets[i] as number; k < (d.offsets[i + 1] as number); k++) {
      const r = remap[d.index[k] as number] as number;
      if (r < 0) continue;
      index.push(r);
      value.push(d.value[k] as number);
    }
    offsets[i + 1] = index.length;
  }
  return { data: { dim: original.length, offsets, index: Int32Array.from(index), value: Float32Array.from(value) }, original: Int32Array.from(original) };
}

/** Maps a model trained on compacted data back to hashed feature indices (still sorted). */
export function expand(m: LinearModel, original: Int32Array): LinearModel {
  return { index: Int32Array.from(m.index, (f) => original[f] as number), weight: m.weight, bias: m.bias };
}

/** Decision values of a sparse model on every document (used for CV and calibration, not the hot path). */
export function decisionValues(m: LinearModel, d: SparseData): Float64Array {
  const dense = new Float32Array(d.dim);
  m.index.forEach((f, j) => {
    dense[f] = m.weight[j] as number;
  });
  const n = d.offsets.length - 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = m.bias;
    for (let k = d.offsets[i] as number; k < (d.offsets[i + 1] as number); k++) s += (dense[d.index[k] as number] as number) * (d.value[k] as number);
    out[i] = s;
  }
  return out;
}
