/**
 * The quality test of one fresh-post fixture (split, lang, complaint 0/1, sentiment, text; rows alternate dev / held):
 * complaint F1 with precision and recall, and sentiment accuracy, per language and half, printed for the README's table
 * and held to floors. Shared by the fresh-post sets (fresh-9.test.ts, fresh-10.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Classified } from '../../src/model.ts';
import { binaryScores, shippedClassifier } from './shipped-classifier.ts';
import { expectBalanced, readSplitFixture } from './split-fixture.ts';

type Floors = Readonly<Record<'de' | 'en', Readonly<Record<'dev' | 'held', { readonly f1: number; readonly sentiment: number }>>>>;

/** Declares the suite: `name` prefixes the printed figures ("fresh-10"), `minPerHalf` is the balance each half must hold, `header` the fixture's columns (set 12 also carries intents and severity). */
export function describeFreshSet(name: string, title: string, fixture: string, floors: Floors, minPerHalf = 15, header = 'split\tlang\tcomplaint\tsentiment\ttext'): void {
  const readFixture = () => readSplitFixture(fixture, header);

  let classify: (text: string) => Classified;
  beforeAll(async () => {
    classify = await shippedClassifier();
  });

  describe(title, () => {
    it('the fixture is balanced: both halves hold complaints and hard negatives in both languages', () => {
      expectBalanced(readFixture(), minPerHalf);
    });

    it.each([
      ['de', 'dev'],
      ['de', 'held'],
      ['en', 'dev'],
      ['en', 'held'],
    ] as const)('%s, %s half: complaint F1 and sentiment accuracy at least their floors', (lang, split) => {
      const rows = readFixture().filter((r) => r.lang === lang && r.split === split);
      const verdicts = new Map(rows.map((r) => [r.text, classify(r.text)]));
      const seen = (text: string): Classified => verdicts.get(text) as Classified;
      const { f1, precision, recall } = binaryScores(rows, (r) => r.complaint, (text) => seen(text).complaint.isComplaint);
      const sentiment = rows.filter((r) => seen(r.text).sentiment.label === r.columns.sentiment).length / rows.length;
      // The figures themselves, for the README's table (vitest prints them beside the test).
      console.info(
        `${name}, ${lang}, ${split} half (${rows.length} posts): complaint F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)}, R ${recall.toFixed(3)}), sentiment accuracy ${sentiment.toFixed(3)}`,
      );
      expect(f1).toBeGreaterThanOrEqual(floors[lang][split].f1);
      expect(sentiment).toBeGreaterThanOrEqual(floors[lang][split].sentiment);
    });
  });
}
