/**
 * The shipped classifier (learned + cue model) on complaints about companies other than the railway the German model
 * was trained on: telcos, energy suppliers, banks, insurers, parcel services, airlines, shops, food delivery.
 *
 * tests/fixtures/complaints-cross-domain.tsv holds 167 invented posts (115 German with dialect, typos, emoji and
 * sarcasm, 52 English), labelled before the classifier ever saw them, with hard negatives beside the complaints:
 * how-to questions, praise, news, offers, maintenance notices, problems reported solved with thanks. Rows alternate
 * between `dev` (used while writing the cues) and `held` (scored once, at the end), per language and label.
 * Complaint F1 (dev / held), before → after the cross-domain cues (contrast, money gone, supply cut off, disputed
 * delivery records, hanging up, done without asking, stranded, resolution, the company's own notices): German
 * 0.561 / 0.714 → 0.844 / 0.847, English 0.824 / 0.759 → 0.903 / 0.786. Every floor sits below the figure after
 * and above the one before, so the test fails on the code without those cues.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryScores, shippedClassifier } from '../../helpers/shipped-classifier.ts';
import { expectBalanced, readSplitFixture } from '../../helpers/split-fixture.ts';

const FLOOR = { de: { dev: 0.8, held: 0.8 }, en: { dev: 0.86, held: 0.77 } } as const;

const FIXTURE = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'complaints-cross-domain.tsv');

const readFixture = () => readSplitFixture(FIXTURE, 'split\tlang\tcomplaint\ttext');

describe('shipped classifier on complaints about telcos, energy, banks, insurers, parcels, airlines, shops', () => {
  it('the fixture is balanced: both halves hold complaints and hard negatives in both languages', () => {
    expectBalanced(readFixture(), 10);
  });

  it.each([
    ['de', 'dev', FLOOR.de.dev],
    ['de', 'held', FLOOR.de.held],
    ['en', 'dev', FLOOR.en.dev],
    ['en', 'held', FLOOR.en.held],
  ] as const)('%s, %s half: complaint F1 at least its floor', async (lang, split, floor) => {
    const post = await shippedClassifier();
    const rows = readFixture().filter((r) => r.lang === lang && r.split === split);
    const score = binaryScores(rows, (r) => r.complaint, (text) => post(text).complaint.isComplaint).f1;
    // The figure itself, for the README's table (vitest prints it beside the test).
    console.info(`cross-domain complaint F1, ${lang}, ${split} half (${rows.length} posts): ${score.toFixed(3)}`);
    expect(score).toBeGreaterThanOrEqual(floor);
  });
});
