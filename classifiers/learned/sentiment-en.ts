/**
 * English sentiment without English sentiment labels: neither corpus we may train on labels English
 * sentiment, so the label comes from the learned complaint probability (a complaint is negative) and, for
 * non-complaints, the AFINN-165 lexicon with negation. Unmeasured against gold sentiment: say so where it is used.
 */
import type { Lang, SentimentLabel } from '../../src/model.ts';
import { polarityLexicon } from './lexicon.ts';
import { tokenize } from './tokens.ts';

/** Net lexicon polarity (AFINN/5 per word) needed before a non-complaint counts as positive or negative. */
const LEXICON_MARGIN = 0.3;
const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'without', 'cannot', "don't", "doesn't", "didn't", "isn't", "wasn't", "won't", "can't"]);

export function englishSentiment(text: string, lang: Lang, complaintProbability: number, threshold: number): { label: SentimentLabel; score: number } {
  const { pos, neg } = polarityLexicon().score(tokenize(text), lang, NEGATORS);
  const net = pos - neg;
  const score = Math.max(-1, Math.min(1, Math.tanh(net) * (1 - complaintProbability) - complaintProbability));
  if (complaintProbability >= threshold) return { label: 'negative', score: Math.min(score, -complaintProbability / 2) };
  if (net >= LEXICON_MARGIN) return { label: 'positive', score: Math.max(score, 0.1) };
  if (net <= -LEXICON_MARGIN) return { label: 'negative', score: Math.min(score, -0.1) };
  return { label: 'neutral', score };
}
