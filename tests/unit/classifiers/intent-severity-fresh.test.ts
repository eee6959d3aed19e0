/**
 * The shipped classifier's intents and severity on posts written and labelled before any run of it
 * (tests/fixtures/intent-severity-fresh.tsv: 88 invented posts, 50 German with Austrian and Swiss dialect and typos, 38
 * English; telco, energy, bank, insurer, parcel, airline, rail and bus, pharmacy, food delivery, shops, software).
 *
 * How the rows were labelled:
 * - intents: what the post is reported with. `question` only when it asks for information ("Wie kann ich …?", "Is
 *   there a fix?", "what happens if …?"), never for a rhetorical question ("Wie kann es sein, dass …?", "Seriously?",
 *   "How is this acceptable?"); a fee is billing whatever it is named after ("Liefergebühr", "delivery fee"); a late,
 *   cancelled or wrong delivery of goods or of a transport service, or a missed appointment, is delivery. A
 *   non-complaint carries only its question (or a question about cancelling), as intents.ts `reportedIntents` promises.
 * - severity, on the X-CI scale: 1 softened ("schade", "naja", "not ideal", "no big deal"); 2 a failure reported,
 *   with or without disapproval; 3 accusation: shouting, "STOP CHARGING ME", ultimatums, "I'm done", demands to the
 *   brand, outrage and scam words, insults, hard consequences (money blocked, stranded, work or files lost, rent
 *   unpaid); 4 blame: legal or regulatory escalation, or harm to health or safety.
 *
 * tests/fixtures/intent-severity-held.tsv holds 34 more posts (17 German, 17 English), written once the rules existed
 * and labelled before any run; no rule was changed after scoring them.
 *
 * Figures before → after the question, fee and severity rules (intent hit rate on complaints; severity mean absolute
 * error on complaints): fresh 0.384 → 0.493, 0.493 → 0.027 (question precision 0.57 → 1.00, billing recall 0.44 →
 * 0.59); held-out 0.393 → 0.429, 0.714 → 0.357 (question precision 0.53 → 0.67). The fresh posts were the ones the rules
 * were written against, so their figure after is a development figure; the held-out one is the honest estimate.
 * Most remaining intent misses were complaints the classifier does not flag (their topic words are then not reported)
 * and intents the topic lists did not know ("niemand am Schalter", a pharmacy's wrong dose as a wrong delivery).
 * A later session wrote failure-phrase families from the fresh posts' misses (intent-problems.ts: a train or flight
 * cancelled by the company, stranded, a wrong dose sent, an order stuck at the carrier; supply cut, "ka Netz", "s
 * Internet scho wieder weg", files wiped; compensation refused, a transfer hanging, surcharges, back-billing; a hotline
 * or shop that does not answer, nobody at the desk, copy-paste replies; mis-selling, staff on their phone): fresh
 * 0.493 → 0.685, held-out (not read for them) 0.429 → 0.500; then complaint cues from the fresh posts the classifier did
 * not flag (an order in processing or in transit for days, the wrong item or dose sent, a back-bill, "what's the point
 * of …", "wozu zahle ich eigentlich", a fee although the customer paid on time, a service that used to be free, staff
 * laughing at or talking down to the customer, a driver on the phone): fresh 0.685 → 0.767 (70 of 73 complaints
 * flagged, 62 before), held-out 0.500 → 0.536; severity unchanged (0.027 / 0.357).
 *
 * tests/fixtures/intent-severity-set11.tsv: 100 more posts (55 German incl. Austrian and Swiss, 45 English; 75
 * complaints), written and labelled by a session helper before any run, after the rules above. Scored once as they
 * came: intent hit rate 0.347 on the 75 complaints (0.307 with the code before this session's intent and cue rules),
 * complaint F1 0.872 (unchanged), severity MAE 0.453. Its rows alternate between a dev half (even rows) and a held
 * half. Failure-phrase families were then written from the dev half's misses only (an app throwing the user out or
 * hanging at one step, supplies switched off, a device that died after a few uses, a bus that did not come, a
 * missed-delivery card while someone was home, something sent "statt" what was ordered, claims and refunds refused,
 * weeks without an answer, a parcel thrown over the fence, staff laughing or roaring at customers, "ab dem 1. bin ich
 * weg"): dev half 0.390 → 0.610, held half 0.294 → 0.294. As with set 10, phrase families reach the posts they were
 * written from, not the next ones: the held half's misses are rhetorical questions read as questions, dialect and
 * indirect tellings. One fresh post labelled without intents ("Claim rejected because the photo was too blurry") now
 * reads as billing, as set 11's labeller counts refused claims: fresh 0.767 → 0.753.
 *
 * tests/fixtures/fresh-12.tsv (set 12, fresh-12.test.ts): 58 complaints among 160 posts, no railway, its half in a `split`
 * column. Scored once as it came: intent hit rate dev 0.448, held 0.414; severity MAE 0.138 / 0.379. After families
 * written from the dev half (batteries that no longer last, installs stuck at a percentage, processes that failed,
 * service that works only in one place, food served wrong or with something in it, mould, payouts refused, "z'spät",
 * "who signs off on", "wofür zahl ich"; "im 3. Stock" as one word of a gap) and a short question the writer answers
 * with a bare "none" ("Begründung? Fehlanzeige.", asked-question.ts): dev 0.724, held 0.414 again. Set 11's held half
 * moved 0.294 → 0.382 with them (mould, "who signs off", "Begründung? Fehlanzeige."), but those three misses had been
 * read at that session's start, so the figure is no longer an unseen one.
 *
 * tests/fixtures/fresh-13.tsv (set 13, fresh-13.test.ts): 48 complaints among 120 posts, held out whole. Scored once
 * with the code at that session's start and once with its rules: intent hit rate 0.396 both times, severity MAE 0.271
 * → 0.208.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Intent, type Classified, type Lang } from '../../../src/model.ts';
import { shippedClassifier, shippedSeverity } from '../../helpers/shipped-classifier.ts';

interface Row {
  lang: Lang;
  complaint: boolean;
  intents: Intent[];
  severity: number | undefined;
  text: string;
}

// A little under the figures after the rules (the header of this file has them); each is above the figure before.
const FLOOR = {
  fresh: { intentHitRate: 0.72, severityMae: 0.06 },
  held: { intentHitRate: 0.45, severityMae: 0.4 },
  set11Dev: { intentHitRate: 0.58, severityMae: 0.6 },
  set11Held: { intentHitRate: 0.35, severityMae: 0.6 },
  set12Dev: { intentHitRate: 0.68, severityMae: 0.2 },
  set12Held: { intentHitRate: 0.38, severityMae: 0.45 },
  set13: { intentHitRate: 0.36, severityMae: 0.25 },
} as const;

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures');

/**
 * `half`: set 11's rows alternate between a dev half (even rows, read while writing rules) and a held half; set 12 names
 * its half in a `split` column. Columns are read by name: set 12 also carries sentiment (fresh-12.test.ts) and marks a
 * non-complaint's severity 0.
 */
function readFixture(file: string, half?: 'dev' | 'held'): Row[] {
  const [header, ...all] = readFileSync(path.join(FIXTURES, file), 'utf8').split('\n').filter(Boolean);
  const names = (header as string).split('\t');
  expect(names).toEqual(expect.arrayContaining(['lang', 'complaint', 'intents', 'severity', 'text']));
  const records = all.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ''])) as Record<string, string>;
  });
  const inHalf = (r: Record<string, string>, i: number): boolean =>
    half === undefined || (names.includes('split') ? r.split === half : (i % 2 === 0) === (half === 'dev'));
  return records.filter(inHalf).map((r) => ({
    lang: r.lang as Lang,
    complaint: r.complaint === '1',
    intents: r.intents === '-' ? [] : (String(r.intents).split(',') as Intent[]),
    severity: r.severity === '-' || r.complaint !== '1' ? undefined : Number(r.severity),
    text: r.text as string,
  }));
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

describe.each([
  ['fresh', 'intent-severity-fresh.tsv', FLOOR.fresh, undefined],
  ['held-out', 'intent-severity-held.tsv', FLOOR.held, undefined],
  ['set 11, dev half', 'intent-severity-set11.tsv', FLOOR.set11Dev, 'dev'],
  ['set 11, held half', 'intent-severity-set11.tsv', FLOOR.set11Held, 'held'],
  ['set 12, dev half', 'fresh-12.tsv', FLOOR.set12Dev, 'dev'],
  ['set 12, held half', 'fresh-12.tsv', FLOOR.set12Held, 'held'],
  ['set 13, held out whole', 'fresh-13.tsv', FLOOR.set13, 'held'],
] as const)('shipped classifier on %s intent and severity posts', (name, file, floor, half) => {
  let rows: Row[];
  let classified: Classified[];
  let severityOf: (text: string, lang: Lang) => number;
  beforeAll(async () => {
    rows = readFixture(file, half);
    const classify = await shippedClassifier();
    severityOf = await shippedSeverity();
    classified = rows.map((r) => classify(r.text));
  });

  it('the fixture holds complaints of several severities and hard negatives, in both languages', () => {
    for (const lang of ['de', 'en'] as const) {
      expect(new Set(rows.filter((r) => r.lang === lang && r.severity !== undefined).map((r) => r.severity)).size).toBeGreaterThanOrEqual(3);
      expect(rows.filter((r) => r.lang === lang && !r.complaint).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('intents: complaints reported with exactly their labelled intents, at least the floor', () => {
    const complaints = rows.map((r, i) => [r, classified[i] as Classified] as const).filter(([r]) => r.complaint);
    const misses = complaints.filter(([r, c]) => !sameSet(r.intents, c.intents));
    const hitRate = 1 - misses.length / complaints.length;
    const perIntent = Intent.options.map((intent) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      rows.forEach((r, i) => {
        const said = (classified[i] as Classified).intents.includes(intent);
        const gold = r.intents.includes(intent);
        if (said && gold) tp++;
        else if (said) fp++;
        else if (gold) fn++;
      });
      return `${intent} P ${(tp / Math.max(1, tp + fp)).toFixed(2)} R ${(tp / Math.max(1, tp + fn)).toFixed(2)} (${tp + fn})`;
    });
    // The figures themselves, for the README's table (vitest prints them beside the test).
    console.info(`${name} intents: hit rate on ${complaints.length} complaints ${hitRate.toFixed(3)}; ${perIntent.join('; ')}`);
    for (const [r, c] of misses) console.info(`  intents ${r.intents.join(',') || '-'} → ${c.intents.join(',') || '-'}: ${r.text}`);
    expect(hitRate).toBeGreaterThanOrEqual(floor.intentHitRate);
  });

  it('severity: mean absolute error on the labelled complaints at most the floor', () => {
    const labelled = rows.map((r, i) => [r, classified[i] as Classified] as const).filter(([r]) => r.severity !== undefined);
    const errors = labelled.map(([r, c]) => ({ r, said: severityOf(r.text, c.lang), flagged: c.complaint.isComplaint }));
    const mae = errors.reduce((s, e) => s + Math.abs(e.said - (e.r.severity as number)), 0) / errors.length;
    const exact = errors.filter((e) => e.said === e.r.severity).length / errors.length;
    const flagged = errors.filter((e) => e.flagged).length;
    console.info(`${name} severity: MAE ${mae.toFixed(3)}, exact ${exact.toFixed(3)} on ${errors.length} complaints (${flagged} flagged as complaints)`);
    for (const e of errors.filter((x) => x.said !== x.r.severity)) console.info(`  severity ${e.r.severity} → ${e.said}: ${e.r.text}`);
    expect(mae).toBeLessThanOrEqual(floor.severityMae);
  });
});
