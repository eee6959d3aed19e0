/**
 * Scoring a predictor on labelled items, shared by `kundenradar eval` and the held-out figures `train` writes
 * into model metadata.
 */
import type { SentimentLabel } from '../../src/model.ts';
import { binaryScores, macroF1, microF1, type BinaryScores } from './metrics.ts';

export interface LabelledItem {
  text: string;
  complaint: boolean;
  /** Present for GermEval; the English corpus has no sentiment labels. */
  sentiment?: SentimentLabel;
  /** X-CI severity (0 none, 1–4 no explicit reproach … blame) where the file annotates it; absent or null otherwise. */
  severity?: GoldSeverity | null;
}

export type GoldSeverity = 0 | 1 | 2 | 3 | 4;
type Level = 1 | 2 | 3 | 4;

/**
 * Severity against a file's severity column (X-CI scale). Two readings:
 * - `complaints`: the annotated complaints (gold 1–4) and the level the classifier gives their text, whether or not
 *   it also called them complaints: how well it grades a complaint it is shown;
 * - `endToEnd`: every annotated row, predicted 0 where the classifier sees no complaint, as the service reports it.
 */
export interface SeverityFigures {
  complaints: {
    n: number;
    accuracy: number;
    /** Over the four levels. */
    macroF1: number;
    /** Mean absolute difference in levels. */
    meanAbsoluteError: number;
    /** Share off by at most one level. */
    withinOne: number;
    /** The most frequent gold level and the accuracy of always answering it: the floor to beat. */
    majority: { level: Level; accuracy: number };
    /** confusion[gold - 1][predicted - 1]. */
    confusion: number[][];
  };
  endToEnd: { n: number; accuracy: number; macroF1: number };
}

export function scoreSeverity(items: readonly LabelledItem[], predComplaint: readonly boolean[], predSeverity: readonly Level[]): SeverityFigures | undefined {
  const annotated = items.flatMap((item, i) => (item.severity === undefined || item.severity === null ? [] : [i]));
  if (annotated.length === 0) return undefined;
  const graded = annotated.filter((i) => ((items[i] as LabelledItem).severity as GoldSeverity) > 0);
  const gold = graded.map((i) => (items[i] as LabelledItem).severity as Level);
  const pred = graded.map((i) => predSeverity[i] as Level);
  const confusion = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  let absolute = 0, near = 0;
  gold.forEach((g, j) => {
    const p = pred[j] as Level;
    (confusion[g - 1] as number[])[p - 1] = ((confusion[g - 1] as number[])[p - 1] as number) + 1;
    absolute += Math.abs(g - p);
    if (Math.abs(g - p) <= 1) near++;
  });
  const counts = [1, 2, 3, 4].map((l) => gold.filter((g) => g === l).length);
  const top = counts.indexOf(Math.max(...counts));
  const n = gold.length;
  const endGold = annotated.map((i) => (items[i] as LabelledItem).severity as GoldSeverity);
  const endPred = annotated.map((i) => (predComplaint[i] === true ? (predSeverity[i] as Level) : 0));
  return {
    complaints: {
      n,
      accuracy: microF1(gold, pred),
      macroF1: n === 0 ? 0 : macroF1(gold, pred),
      meanAbsoluteError: n === 0 ? 0 : absolute / n,
      withinOne: n === 0 ? 0 : near / n,
      majority: { level: (top + 1) as Level, accuracy: n === 0 ? 0 : (counts[top] as number) / n },
      confusion,
    },
    endToEnd: { n: annotated.length, accuracy: microF1(endGold, endPred), macroF1: macroF1(endGold, endPred) },
  };
}

export interface Predictor {
  isComplaint(text: string): boolean;
  sentiment?(text: string): SentimentLabel;
}

export interface Figures {
  documents: number;
  complaint: BinaryScores;
  /** Macro-F1 over complaint / not complaint. */
  complaintMacroF1: number;
  /** GermEval subtask B: micro-F1 (= accuracy) and macro-F1 over negative/neutral/positive. */
  subtaskB?: { microF1: number; macroF1: number };
  /** When the file annotates severity and the caller predicted it. */
  severity?: SeverityFigures;
}

export function scorePredictions(
  items: readonly LabelledItem[],
  predComplaint: readonly boolean[],
  predSentiment?: readonly SentimentLabel[],
  predSeverity?: readonly Level[],
): Figures {
  const gold = items.map((i) => i.complaint);
  const figures: Figures = {
    documents: items.length,
    complaint: binaryScores(gold, predComplaint),
    complaintMacroF1: macroF1(gold, predComplaint),
  };
  const goldSentiment = items.map((i) => i.sentiment);
  if (predSentiment && goldSentiment.every((s) => s !== undefined)) {
    figures.subtaskB = { microF1: microF1(goldSentiment, predSentiment), macroF1: macroF1(goldSentiment, predSentiment) };
  }
  const severity = predSeverity ? scoreSeverity(items, predComplaint, predSeverity) : undefined;
  if (severity) figures.severity = severity;
  return figures;
}

export function evaluatePredictor(p: Predictor, items: readonly LabelledItem[]): Figures {
  const complaint = items.map((i) => p.isComplaint(i.text));
  const sentiment = p.sentiment ? items.map((i) => (p.sentiment as (t: string) => SentimentLabel)(i.text)) : undefined;
  return scorePredictions(items, complaint, sentiment);
}
