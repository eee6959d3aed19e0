/**
 * Builds one language's model file from labelled texts: C chosen by inner cross-validation, Platt scaling and
 * the complaint threshold fitted on out-of-fold scores, final head fitted on all texts. The same function
 * builds the shipped model (`kundenradar train`) and every fold model of `kundenradar eval --folds`.
 */
import type { FeatureConfig } from './feature-config.ts';
import { FeatureExtractor } from './features.ts';
import { polarityLexicon } from './lexicon.ts';
import { featurise } from './linear.ts';
import { argmaxClass, crossValidate, fitHead, type HeadOptions } from './fit.ts';
import { fitPlatt, plattProbability, type Platt } from './calibration.ts';
import { binaryScores, macroF1, microF1 } from './metrics.ts';
import { encodeDocumentKeys } from './document-keys.ts';
import { encodeFloat32, encodeInt32, MODEL_FORMAT, type ModelFile, type TrainingFile } from './model-file.ts';

export interface BuildInput {
  lang: 'de' | 'en';
  texts: readonly string[];
  /** Class of each text (index into `classes`); a two-class problem has classes [negative class, positive class]. */
  labels: readonly number[];
  classes: readonly string[];
  /** Gold complaint flag per text (German: relevant ∧ negative). */
  complaint: readonly boolean[];
  /** Weight column that scores complaints (German: the "negative" column; English: the only column). */
  complaintColumn: number;
  features: FeatureConfig;
  /** Candidate regularisation strengths; the inner CV picks one (ties go to the smaller, more regularised). */
  cGrid: readonly number[];
  innerFolds: number;
  minDf: number;
  /** NB-SVM log-count-ratio scaling with this smoothing α (fit.ts); undefined: plain SVM. */
  nbAlpha?: number;
  provenance: { name: string; licence: string; nonCommercial: boolean; dataDate: string; trainingData: TrainingFile[]; notes: string[] };
}

export interface BuildResult {
  model: ModelFile;
  /** Out-of-fold figures of the chosen C, as stored in the model's `scores`. */
  cv: Record<string, number>;
}

const SEED = 1;

export function buildModel(input: BuildInput): BuildResult {
  const nClasses = input.classes.length;
  const fx = new FeatureExtractor(input.features, input.features.lexicon ? polarityLexicon() : undefined);
  const data = featurise(fx, input.texts, input.lang);
  const headOpt = (C: number): HeadOptions => ({ C, classWeights: [], minDf: input.minDf, seed: SEED, ...(input.nbAlpha === undefined ? {} : { nbAlpha: input.nbAlpha }) });

  let best: { C: number; metric: number; scores: number[][] } | undefined;
  for (const C of input.cGrid) {
    const { scores } = crossValidate(data, input.labels, nClasses, headOpt(C), input.innerFolds);
    // Multi-class heads are chosen for accuracy (GermEval's micro-F1), binary heads for complaint F1.
    const pred = scores.map((r) => argmaxClass(r));
    const metric =
      nClasses > 2 ? microF1(input.labels, pred) : binaryScores(input.complaint, pred.map((p) => p === 1)).f1;
    if (!best || metric > best.metric + 1e-9) best = { C, metric, scores };
  }
  if (!best) throw new Error('cGrid is empty: give at least one C');

  const columns = nClasses === 2 ? 1 : nClasses;
  const platt: Platt[] = Array.from({ length: columns }, (_, c) => {
    const positive = nClasses === 2 ? 1 : c;
    return fitPlatt(best.scores.map((r) => r[c] as number), input.labels.map((l) => l === positive));
  });
  const complaintPlatt = platt[input.complaintColumn] as Platt;
  const oofProb = best.scores.map((r) => plattProbability(complaintPlatt, r[input.complaintColumn] as number));
  const threshold = bestF1Threshold(oofProb, input.complaint);
  const oofComplaint = binaryScores(input.complaint, oofProb.map((p) => p >= threshold));
  const oofPred = best.scores.map((r) => argmaxClass(r));

  const head = fitHead(data, input.labels, nClasses, headOpt(best.C));
  const { featureIndex, weights } = interleave(head.map((m) => ({ index: m.index, weight: m.weight })), columns);

  const cv: Record<string, number> = {
    [`cv${input.innerFolds}_complaint_precision`]: round(oofComplaint.precision),
    [`cv${input.innerFolds}_complaint_recall`]: round(oofComplaint.recall),
    [`cv${input.innerFolds}_complaint_f1`]: round(oofComplaint.f1),
  };
  if (nClasses > 2) {
    cv[`cv${input.innerFolds}_sentiment_micro_f1`] = round(microF1(input.labels, oofPred));
    cv[`cv${input.innerFolds}_sentiment_macro_f1`] = round(macroF1(input.labels, oofPred));
  }
  const model: ModelFile = {
    format: MODEL_FORMAT,
    name: input.provenance.name,
    lang: input.lang,
    licence: input.provenance.licence,
    nonCommercial: input.provenance.nonCommercial,
    dataDate: input.provenance.dataDate,
    trainingData: input.provenance.trainingData,
    trainingDocuments: encodeDocumentKeys(input.texts),
    features: input.features,
    complaint: { head: 'main', column: input.complaintColumn, threshold },
    heads: {
      main: {
        classes: nClasses === 2 ? [input.classes[1] as string] : [...input.classes],
        C: best.C,
        minDf: input.minDf,
        ...(input.nbAlpha === undefined ? {} : { nbAlpha: input.nbAlpha }),
        bias: head.map((m) => round(m.bias, 7)),
        platt: platt.map((p) => ({ a: round(p.a, 7), b: round(p.b, 7) })),
      },
    },
    featureIndex: encodeInt32(featureIndex),
    weights: { main: encodeFloat32(weights) },
    scores: cv,
    notes: input.provenance.notes,
  };
  return { model, cv };
}

/** F1-maximising threshold on calibrated probabilities, searched on a 0.01 grid (lowest of equal maxima). */
export function bestF1Threshold(prob: readonly number[], gold: readonly boolean[]): number {
  let bestT = 0.5, bestF = -1;
  for (let t = 5; t <= 95; t++) {
    const f = binaryScores(gold, prob.map((p) => p >= t / 100)).f1;
    if (f > bestF + 1e-12) {
      bestF = f;
      bestT = t / 100;
    }
  }
  return bestT;
}

function interleave(cols: { index: Int32Array; weight: Float32Array }[], k: number): { featureIndex: Int32Array; weights: Float32Array } {
  const all = new Set<number>();
  for (const c of cols) for (const f of c.index) all.add(f);
  const featureIndex = Int32Array.from([...all].sort((a, b) => a - b));
  const pos = new Map<number, number>();
  featureIndex.forEach((f, i) => pos.set(f, i));
  const weights = new Float32Array(featureIndex.length * k);
  cols.forEach((c, col) => {
    c.index.forEach((f, j) => {
      weights[(pos.get(f) as number) * k + col] = c.weight[j] as number;
    });
  });
  return { featureIndex, weights };
}

function round(x: number, digits = 4): number {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}
