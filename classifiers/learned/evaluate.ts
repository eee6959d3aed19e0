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
}

export function scorePredictions(items: readonly LabelledItem[], predComplaint: readonly boolean[], predSentiment?: readonly SentimentLabel[]): Figures {
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
  return figures;
}

export function evaluatePredictor(p: Predictor, items: readonly LabelledItem[]): Figures {
  const complaint = items.map((i) => p.isComplaint(i.text));
  const sentiment = p.sentiment ? items.map((i) => (p.sentiment as (t: string) => SentimentLabel)(i.text)) : undefined;
  return scorePredictions(items, complaint, sentiment);
}
