/**
 * The quality test of one fresh-post fixture (split, lang, complaint 0/1, sentiment, text; rows alternate dev / held):
 * complaint F1 with precision and recall, and sentiment accuracy, per language and half, printed for the README's table
 * and held to floors. Shared by the fresh-post sets (fresh-9.test.ts, fresh-10.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Classified } from '../../src/model.ts';
import { binaryScores, shippedClassifier } from './shipped-classifier.ts';
import { expectBalanced, readSplitFixture } from './split-fixture.ts';

type Floor = { readonly f1: number; readonly sentiment: number };
/** Floors per language and half; a set kept whole as held out (set 13) has no dev half, one read whole after its held-out run (set 15) no held half. */
type Floors = Readonly<Record<'de' | 'en', Readonly<{ dev?: Floor; held?: Floor }>>>;

/** Declares the suite: `name` prefixes the printed figures ("fresh-10"), `minPerHalf` is the balance each half must hold, `header` the fixture's columns (set 12 also carries intents and severity). */
export function describeFreshSet(name: string, title: string, fixture: string, floors: Floors, minPerHalf = 15, header = 'split\tlang\tcomplaint\tsentiment\ttext'): void {
  const readFixture = () => readSplitFixture(fixture, header);

  let classify: (text: string) => Classified;
  beforeAll(async () => {
    classify = await shippedClassifier();
  });

  describe(title, () => {
    const halves = (['dev', 'held'] as const).filter((h) => floors.de[h] !== undefined);
    it('the fixture is balanced: each half holds complaints and hard negatives in both languages', () => {
      expectBalanced(readFixture(), minPerHalf, halves);
    });

    it.each((['de', 'en'] as const).flatMap((lang) => halves.map((split) => [lang, split] as const)))('%s, %s half: complaint F1 and sentiment accuracy at least their floors', (lang, split) => {
      const rows = readFixture().filter((r) => r.lang === lang && r.split === split);
      const verdicts = new Map(rows.map((r) => [r.text, classify(r.text)]));
      const seen = (text: string): Classified => verdicts.get(text) as Classified;
      const { f1, precision, recall } = binaryScores(rows, (r) => r.complaint, (text) => seen(text).complaint.isComplaint);
      const sentiment = rows.filter((r) => seen(r.text).sentiment.label === r.columns.sentiment).length / rows.length;
      // The figures themselves, for the README's table (vitest prints them beside the test).
      console.info(
        `${name}, ${lang}, ${split} half (${rows.length} posts): complaint F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)}, R ${recall.toFixed(3)}), sentiment accuracy ${sentiment.toFixed(3)}`,
      );
      const floor = floors[lang][split] as Floor;
      expect(f1).toBeGreaterThanOrEqual(floor.f1);
      expect(sentiment).toBeGreaterThanOrEqual(floor.sentiment);
    });
  });
}
