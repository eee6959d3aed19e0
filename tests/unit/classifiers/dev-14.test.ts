/**
 * The shipped classifier on set 14: 80 invented English posts (60 non-complaints: praise of products, staff, deliveries
 * and fixes, questions, news and adverts, chatter; 20 complaints, 5 of them sarcastic), written and labelled by a session
 * helper before any run (tests/fixtures/dev-14.tsv). A development set: the English cues for service faster than
 * expected ("arrived 15 mins early", "got my groceries to me in 9 minutes"), market news and adverts ("shares fall 8 %",
 * "confirms delivery delays", "pre-order now") and "I'm switching to …" were written from its errors. First run: complaint
 * F1 0.667 (precision 0.529: 16 of 60 non-complaints flagged); after: 0.809 (precision 0.704). The held-out English
 * halves of sets 12 and 13 did not move (0.647, 0.640), nor did English 10-fold CV beyond one document (0.7371 → 0.7365).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Classified } from '../../../src/model.ts';
import { binaryScores, shippedClassifier } from '../../helpers/shipped-classifier.ts';
import { readSplitFixture } from '../../helpers/split-fixture.ts';

const FIXTURE = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'dev-14.tsv');

let classify: (text: string) => Classified;
beforeAll(async () => {
  classify = await shippedClassifier();
});

describe('shipped classifier on set 14 (English praise, questions, news and adverts beside complaints; development set)', () => {
  it('complaint F1 at least its floor, praise of a quick service not read as a complaint', () => {
    const rows = readSplitFixture(FIXTURE, 'split\tlang\tcomplaint\tsentiment\tintents\tseverity\ttext');
    expect(rows.length).toBe(80);
    const { f1, precision, recall } = binaryScores(rows, (r) => r.complaint, (text) => classify(text).complaint.isComplaint);
    console.info(`dev-14, en (80 posts): complaint F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)}, R ${recall.toFixed(3)})`);
    expect(f1).toBeGreaterThanOrEqual(0.78);
  });
});
