/**
 * One document's decisions as `eval` scores them: the shipped combination of the learned model with the cue model
 * (or the learned model alone), the same for the shipped model and for every fold's model, so cross-validation
 * measures what ships.
 */
import type { SentimentLabel } from '../model.ts';
import { COMPOSITE_THRESHOLD, compositeComplaintScore, compositeSeverity, germanSentimentLabel, rescaleToThreshold } from '../../classifiers/composite.ts';
import { analyseCues } from '../../classifiers/cues.ts';
import { ruleSeverity } from '../../classifiers/learned/severity.ts';
import type { LanguageModel } from '../../classifiers/learned/runtime.ts';
import { prepare } from '../../classifiers/text.ts';

export type EvalModel = 'shipped' | 'learned';

/**
 * The shipped decisions (classifiers/composite.ts): complaint from the learned model combined with the cue model,
 * and the German sentiment label with the same combination's clear complaints read as negative. `learned`: the
 * learned model alone for both.
 */
export function shippedPrediction(lm: LanguageModel, text: string, lang: 'de' | 'en', model: EvalModel): Prediction {
  const learned = lm.complaint(text, lang).score;
  const label = lang === 'de' ? (lm.label(text, lang) as SentimentLabel) : undefined;
  const learnedSeverity = (): 1 | 2 | 3 | 4 => ruleSeverity(text, lang);
  if (model === 'learned') return { complaint: learned >= lm.threshold, sentiment: label, severity: learnedSeverity() };
  const cues = analyseCues(prepare(text), lang);
  const score = compositeComplaintScore(learned, lm.threshold, cues, text.length, lang, text);
  return {
    complaint: score >= COMPOSITE_THRESHOLD,
    sentiment: label === undefined ? undefined : germanSentimentLabel(label, score, cues.evidence, cues.score, text),
    severity: compositeSeverity(cues, learnedSeverity),
  };
}

/** One document's shipped decisions; severity is the level the post would get were it a complaint. */
export interface Prediction {
  complaint: boolean;
  sentiment?: SentimentLabel;
  severity: 1 | 2 | 3 | 4;
}
