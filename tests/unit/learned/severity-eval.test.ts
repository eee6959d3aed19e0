import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../../src/commands/eval.ts';
import { scoreSeverity, type LabelledItem } from '../../../classifiers/learned/evaluate.ts';
import { createClassifier, createTextModel } from '../../../classifiers/index.ts';
import type { Mention } from '../../../src/model.ts';

const quiet = (): void => {};

describe('severity against a severity column (X-CI levels)', () => {
  it('grades the annotated complaints and the rows end to end, with the majority level as the floor', () => {
    const items: LabelledItem[] = [
      { text: 'a', complaint: true, severity: 4 },
      { text: 'b', complaint: true, severity: 3 },
      { text: 'c', complaint: true, severity: 2 },
      { text: 'd', complaint: true, severity: 2 },
      { text: 'e', complaint: false, severity: 0 },
      { text: 'f', complaint: false, severity: null },
    ];
    const f = scoreSeverity(items, [true, true, false, true, true, false], [4, 1, 2, 3, 2, 1]);
    expect(f?.complaints).toEqual({
      n: 4,
      accuracy: 0.5,
      macroF1: expect.any(Number),
      meanAbsoluteError: 0.75, // |3-1| + |2-3| over 4
      withinOne: 0.75,
      majority: { level: 2, accuracy: 0.5 },
      confusion: [
        [0, 0, 0, 0],
        [0, 1, 1, 0],
        [1, 0, 0, 0],
        [0, 0, 0, 1],
      ],
    });
    // End to end, row f is not annotated; c is predicted no complaint (0 against gold 2), e predicted 2 against 0.
    expect(f?.endToEnd).toMatchObject({ n: 5, accuracy: 0.2 });
    expect(scoreSeverity([{ text: 'x', complaint: true, severity: null }, { text: 'y', complaint: false }], [true, false], [2, 1])).toBeUndefined();
  });

  it('`eval complaints` reports severity only when the file annotates it, with the level the service gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-sev-'));
    const rows = [
      ['1', '@Comcast my internet has been down since Monday, shame on you. Never again.', '1', '4'],
      ['2', '@AmazonHelp you charged me twice for the same order, this is a scam', '1', '3'],
      ['3', '@Delta terrible experience, really disappointed with the flight', '1', '2'],
      ['4', '@Uber my driver took a longer route than usual', '1', '1'],
      ['5', '@Starbucks thanks for the great coffee this morning!', '0', '0'],
      ['6', 'Lovely weather today', '0', ''],
    ];
    const csv = (withSeverity: boolean): string =>
      ['id,text,complaint,severity', ...rows.map(([id, text, c, s]) => `${id},"${text}",${c},${withSeverity ? s : ''}`)].join('\n');
    writeFileSync(join(dir, 'annotated.csv'), csv(true));
    writeFileSync(join(dir, 'plain.csv'), csv(false));

    const out: string[] = [];
    const r = await runEval({ task: 'complaints', file: join(dir, 'annotated.csv'), format: 'csv', print: (t) => out.push(t), notice: quiet });
    expect(r.severity?.complaints.n).toBe(4);
    expect(r.severity?.endToEnd.n).toBe(5);
    expect(out.join('')).toMatch(/severity, annotated complaints \(n 4, levels 1–4\)\s+accuracy \d\.\d{4}/);
    expect(out.join('')).toMatch(/severity end to end \(n 5, 0 = no complaint\)/);

    // The graded levels are the service's: the confusion row of each text holds the level the classifier gives it.
    const classify = createClassifier({ brands: [], textModel: createTextModel('learned'), clock: () => new Date(0) });
    const levels = rows.slice(0, 4).map(([id, text]) => {
      const mention: Mention = {
        id: `t:${id}`, source: 't', author: { id: 'u', isBrand: false }, text: text as string, createdAt: '2026-01-01T00:00:00.000Z',
        thread: { rootId: `t:${id}` }, metrics: { likes: 0, shares: 0, replies: 0 }, channel: 'post', brandContext: [], langHint: 'en',
      };
      const c = classify(mention);
      return c.complaint.isComplaint ? c.complaint.severity : undefined;
    });
    levels.forEach((level, g) => {
      if (level === undefined) return; // the service reports no level for a post it does not call a complaint
      const row = r.severity?.complaints.confusion[3 - g] as number[]; // rows are gold 4, 3, 2, 1 in file order
      expect(row[level - 1]).toBe(1);
    });

    const plain = await runEval({ task: 'complaints', file: join(dir, 'plain.csv'), format: 'csv', print: quiet, notice: quiet });
    expect(plain.severity).toBeUndefined();
  }, 60_000);
});
