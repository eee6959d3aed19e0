/**
 * Golden cases for the shipped learned model, German and English side by side. A case the model gets wrong
 * today is written with `it.fails`: it documents the gap and turns red once the model learns the case, so the
 * expectation can move to `it`.
 */
import { describe, expect, it } from 'vitest';
import { loadLearnedModel } from '../../../classifiers/learned/index.ts';
import type { Lang } from '../../../src/model.ts';

const m = loadLearnedModel();
const isComplaint = (text: string, lang: Lang): boolean => m.complaint(text, lang).score >= m.complaintThresholdFor(lang);

describe('learned model: German (GermEval-trained)', () => {
  it('reads irony as a complaint', () => {
    expect(isComplaint('Die Bahn ist mal wieder 40 Minuten zu spät, super gemacht 🙄 Danke für nichts @DB_Bahn', 'de')).toBe(true);
    expect(isComplaint('Toll, schon wieder Zugausfall. Danke Deutsche Bahn, echt klasse!', 'de')).toBe(true);
    expect(m.sentiment('Die Bahn ist mal wieder 40 Minuten zu spät, super gemacht 🙄 Danke für nichts @DB_Bahn', 'de').label).toBe('negative');
  });

  it('does not read praise or a plain question as a complaint', () => {
    const praise = m.sentiment('Danke an das freundliche Zugpersonal, tolle Fahrt heute! 👍', 'de');
    expect(praise.label).not.toBe('negative');
    expect(praise.score).toBeGreaterThan(0);
    expect(isComplaint('Danke an das freundliche Zugpersonal, tolle Fahrt heute! 👍', 'de')).toBe(false);
    expect(isComplaint('Weiß jemand, ob der ICE nach München heute fährt?', 'de')).toBe(false);
    expect(isComplaint('Bahn plant 2016 mehr Baustellen. Geplant sind rund 850 Vorhaben.', 'de')).toBe(false);
  });

  it('catches dialect with an angry emoji', () => {
    expect(isComplaint('Des is fei a Zumutung, scho wieder koa Zug nach Minga 😡', 'de')).toBe(true);
  });

  it('does not read the bashing tweet quoted in seed 004 as a complaint', () => {
    // The provider's own tweet mocks its customer; the composed classifier also drops it as a brand post.
    expect(isComplaint('„Können Sie das“ – „Ja“ – „Okay, gut. Tschüss“. Kundenerziehung. So wichtig.', 'de')).toBe(false);
  });

  // Known gap since the German heads became NB-SVMs (CV accuracy 0.7442 → 0.7522, recipes.ts): on this sentence of
  // the seed 004 blog post the negative and neutral decision values are 0.009 and 0.064, so the label is neutral,
  // although its negative-column probability stays 0.60 (complaint threshold 0.28).
  it.fails('reads a blog post against customer bashing (seed 004) as negative', () => {
    expect(m.sentiment('Kundenbashing bei Twitter: für mich ein Grund, mit so einer Person nicht zusammenarbeiten zu wollen. Das ist einfach nur dumm.', 'de').label).toBe('negative');
  });

  // Known gap: "nicht schlecht" is praise, but dev.xml has too few negated evaluations to learn the flip.
  it.fails('reads "nicht schlecht" as no complaint', () => {
    expect(isComplaint('Nicht schlecht, die neue ICE-Strecke nach München!', 'de')).toBe(false);
  });

  // Misspelt "fält"/"schonwieder" lose the word features. The model trained on dev.xml alone missed this rant;
  // with test_dia.xml in its training data it reads it.
  it('reads a typo-ridden rant as a complaint', () => {
    expect(isComplaint('Zug fält schonwieder aus und keiner sagt was, so ne scheisse', 'de')).toBe(true);
  });
});

describe('learned model: English (complaints corpus)', () => {
  it('flags complaints, sarcastic ones included, and grades an accusation above a plain report', () => {
    expect(isComplaint('@AmazonHelp my package never arrived and nobody answers, this is ridiculous', 'en')).toBe(true);
    expect(isComplaint('@AmazonHelp you charged me twice and nobody has replied, this is a scam', 'en')).toBe(true);
    expect(m.severity('@AmazonHelp you charged me twice and nobody has replied, this is a scam', 'en')).toBe(3);
    // A plain report is disapproval (2) since QA round 6; an accusation stays above it.
    expect(m.severity('@VerizonSupport my phone keeps dropping calls, been like this for 3 weeks', 'en')).toBe(2);
  });

  it('reads a post the same whether or not it addresses the brand by @handle', () => {
    // The corpus' extra negatives (random tweets) rarely carry a handle, so a model that counts handles learns
    // "no @ → no complaint" and misreads page comments and reviews; the shipped features leave handles out.
    const bare = "I'm switching to another provider, done with this garbage service and the outages";
    expect(m.complaint(`@VerizonSupport ${bare}`, 'en').score).toBe(m.complaint(bare, 'en').score);
    expect(m.complaint(`${bare} @VerizonSupport @Verizon`, 'en').score).toBe(m.complaint(bare, 'en').score);
    expect(m.complaint('Danke @DB_Bahn für nichts, wieder 40 Minuten zu spät', 'de').score).toBe(m.complaint('Danke für nichts, wieder 40 Minuten zu spät', 'de').score);
    expect(isComplaint('my package never arrived and nobody answers, this is ridiculous', 'en')).toBe(true);
  });

  it('reads an English post the same with or without a link (random tweets in the corpus carry most of them)', () => {
    const bare = 'the screen cracked after one week and support just sends the same canned reply';
    expect(m.complaint(`${bare} https://t.co/AbC123xyz`, 'en').score).toBe(m.complaint(bare, 'en').score);
    expect(m.complaint(`${bare} pic.twitter.com/AbC123`, 'en').score).not.toBeNaN();
  });

  // Known gap of the learned model alone: sarcasm. Before handles were left out (recipes.ts) the @handle carried
  // this case over the threshold; its words alone score 0.29 (threshold 0.37). The shipped classifier flags it
  // through the cue model's irony cues (tests/unit/classifiers/composite.test.ts).
  it.fails('flags sarcastic praise as a complaint on its words alone', () => {
    expect(isComplaint('Oh great, @united lost my bag AGAIN. Fantastic service 🙄', 'en')).toBe(true);
  });

  it('does not flag questions or praise', () => {
    expect(isComplaint('@FC_Help can I return online purchases to a House of Fraser concession?', 'en')).toBe(false);
    expect(isComplaint('Thanks @FC_Help, great service, love it! 😍', 'en')).toBe(false);
    expect(m.sentiment('Thanks @FC_Help, great service, love it! 😍', 'en').label).toBe('positive');
  });

  // Known gap: "not bad" — the corpus pairs "not" with complaints far more often than with praise.
  it.fails('reads "not bad at all" as no complaint', () => {
    expect(isComplaint('Not bad at all, @Delta, smooth flight today', 'en')).toBe(false);
  });
});
