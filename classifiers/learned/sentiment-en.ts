/**
 * English sentiment without English sentiment labels: neither corpus we may train on labels English
 * sentiment, so the label comes from the learned complaint probability (a complaint is negative) and, for
 * non-complaints, the AFINN-165 lexicon with negation. Unmeasured against gold sentiment: say so where it is used.
 */
import type { SentimentLabel } from '../../src/model.ts';

/** Net lexicon polarity (AFINN/5 per word) needed before a non-complaint counts as positive or negative. */
const LEXICON_MARGIN = 0.3;

/** `lexicon`: AFINN sums with negation, as the English model's feature extractor computed them. */
export function englishSentiment(lexicon: { pos: number; neg: number }, complaintProbability: number, threshold: number): { label: SentimentLabel; score: number } {
  const { pos, neg } = lexicon;
  const net = pos - neg;
  const score = Math.max(-1, Math.min(1, Math.tanh(net) * (1 - complaintProbability) - complaintProbability));
  if (complaintProbability >= threshold) return { label: 'negative', score: Math.min(score, -complaintProbability / 2) };
  if (net >= LEXICON_MARGIN) return { label: 'positive', score: Math.max(score, 0.1) };
  if (net <= -LEXICON_MARGIN) return { label: 'negative', score: Math.min(score, -0.1) };
  return { label: 'neutral', score };
}
