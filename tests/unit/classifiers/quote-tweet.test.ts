/**
 * A quote tweet is read by the writer's own words when they say something (quote-tweet.ts stanceText): the quoted post
 * is someone else's, and a neutral quoted story diluted the writer's own complaint (QA firestorm round 11).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ownText, stanceText } from '../../../classifiers/quote-tweet.ts';
import type { Classified } from '../../../src/model.ts';
import { shippedClassifier } from '../../helpers/shipped-classifier.ts';

let classify: (text: string) => Classified;
beforeAll(async () => {
  classify = await shippedClassifier();
});

const quote = (own: string, quoted: string): string => `${own}\n\nQT @kieran_hds: ${quoted}`;

describe('stanceText', () => {
  it('a post without a quote is read whole', () => {
    expect(stanceText('Ironvale locked me out again')).toBe('Ironvale locked me out again');
  });

  it("a quote tweet with words of the writer's own is read by them", () => {
    const text = quote('Treating paying members like this is shameful', 'Stood outside Ironvale Headingley at 5:55, doors shut.');
    expect(ownText(text)).toBe('Treating paying members like this is shameful');
    expect(stanceText(text)).toBe('Treating paying members like this is shameful');
  });

  it('a bare reaction over a quote is read with the quote: the quote is what it is about', () => {
    const text = quote('👀 wow', 'Ironvale locked hundreds of members out and posted a motivational quote');
    expect(stanceText(text)).toBe(text);
  });
});

describe('the shipped classifier on quote tweets', () => {
  it("the writer's complaint is not diluted by a neutral quoted story", () => {
    const c = classify(quote('Ironvale treating paying members like this is shameful', 'Leeds gym chain Ironvale says its entry system will be back tomorrow.'));
    expect(c.complaint.isComplaint || c.sentiment.label === 'negative').toBe(true);
  });

  it("praise in the writer's own words over a quoted complaint is not the quoted complaint", () => {
    const c = classify(quote('Ironvale Kirkstall staff were lovely this morning, let everyone in by hand. Thank you!', 'Ironvale locked me out again, disgraceful, cancelling my membership'));
    expect(c.complaint.isComplaint).toBe(false);
  });
});
