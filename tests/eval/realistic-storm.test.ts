/**
 * The whole chain on real German text: a stream built from GermEval documents (railway chatter at a normal
 * rate for three days, then a storm of the corpus's negative documents from new people, a third of them
 * retweets) is replayed as a collected dump would be: no brand given, the shipped classifier deciding what is
 * negative. The storm must be raised within 30 minutes of its onset, nothing before it, also when the file
 * starts at the onset or in the middle of the storm (no baseline at all). The hand-made storms of the detector
 * tests use texts written to be complaints; this one uses what people wrote, as the classifier reads it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../src/commands/replay.ts';
import { mulberry32 } from '../../src/datasets/folds.ts';
import { readGermEval } from '../../src/datasets/germeval.ts';
import type { Alert, MentionInput } from '../../src/model.ts';
import { replayFileWriter } from '../helpers/replay-files.ts';

const DATA = '../shared/data/germeval2017';
const MIN = 60_000;
const START = Date.parse('2026-10-01T00:00:00Z');
const ONSET = Date.parse('2026-10-04T10:00:00Z');
const END = Date.parse('2026-10-04T14:00:00Z');

function stream(): MentionInput[] {
  const docs = [...readGermEval(`${DATA}/dev.xml`), ...readGermEval(`${DATA}/test_dia.xml`)].filter((d) => d.text.length < 400);
  const negative = docs.filter((d) => d.sentiment === 'negative');
  const rand = mulberry32(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const daily = (t: number): number => (new Date(t).getUTCHours() >= 6 && new Date(t).getUTCHours() < 22 ? 25 : 5);
  // A two-hour ramp to 400 posts an hour.
  const storm = (t: number): number => (t < ONSET ? 0 : Math.min(400, (400 * (t - ONSET)) / (120 * MIN)));
  const out: MentionInput[] = [];
  const originals: Array<{ author: string; text: string }> = [];
  let n = 0;
  const post = (at: number, author: string, text: string): void => {
    const id = `x:${++n}`;
    out.push({ id, source: 'x', author: { id: author }, text, createdAt: new Date(at).toISOString(), thread: { rootId: id }, channel: 'post' });
  };
  for (let t = START; t < END; t += MIN) {
    for (const [rate, fromStorm] of [[daily(t), false], [storm(t), true]] as const) {
      for (let left = rate / 60; left > 0; left -= 1) {
        if (rand() >= Math.min(1, left)) continue;
        const at = t + Math.floor(rand() * MIN);
        if (!fromStorm) post(at, `u${Math.floor(rand() * 3000)}`, pick(docs).text);
        else if (originals.length > 10 && rand() < 0.35) {
          const o = pick(originals);
          post(at, `s${n}`, `RT @${o.author}: ${o.text}`);
        } else {
          const text = pick(negative).text;
          originals.push({ author: `s${n}`, text });
          post(at, `s${n}`, text);
        }
      }
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

describe('a storm of real German posts, replayed as collected', () => {
  const write = replayFileWriter('kr-realstorm-');
  const posts = stream();
  const shitstorms = async (file: string, name: string): Promise<Alert[]> => {
    const alertsOut = write(`alerts-${name}.jsonl`, '');
    await runReplay({ file, alertsOut, progress: () => undefined });
    return readFileSync(alertsOut, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Alert).filter((a) => a.kind === 'shitstorm');
  };
  const storms = (from: number): Promise<Alert[]> =>
    shitstorms(write(`from-${from}.jsonl`, posts.filter((p) => Date.parse(p.createdAt) >= from).map((p) => JSON.stringify(p)).join('\n') + '\n'), String(from));

  it('is raised within 30 minutes of the onset after three quiet days, and nothing before', async () => {
    const alerts = await storms(START);
    expect(alerts).toHaveLength(1);
    const opened = Date.parse(alerts[0]?.openedAt ?? '');
    expect(opened).toBeGreaterThan(ONSET);
    expect(opened - ONSET).toBeLessThanOrEqual(30 * MIN);
    expect(alerts[0]?.brand).toBe('bahn');
  });

  it('is raised without any baseline when the file starts at the onset or two hours into the storm', async () => {
    for (const from of [ONSET, ONSET + 120 * MIN]) {
      const alerts = await storms(from);
      expect(alerts, new Date(from).toISOString()).toHaveLength(1);
      expect(Date.parse(alerts[0]?.openedAt ?? '') - from).toBeLessThanOrEqual(45 * MIN);
      expect(alerts[0]?.evidence.baselineHours).toBe(0);
    }
  });

  it('is raised the same from a Facebook Graph JSON document and from a German spreadsheet CSV, no --format given', async () => {
    const graph = write(
      'comments.json',
      JSON.stringify(
        {
          data: posts.map((p) => ({ id: p.id.replace('x:', ''), message: p.text, created_time: p.createdAt.replace(/\.\d{3}Z$/, '+0000'), from: { name: p.author.id, id: p.author.id } })),
          paging: { next: 'https://graph.example/next' },
        },
        null,
        2,
      ),
    );
    const german = (iso: string): string => {
      const d = new Date(iso);
      const two = (n: number): string => String(n).padStart(2, '0');
      return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
    };
    const csv = write('export.csv', ['Datum;Autor;Text', ...posts.map((p) => `${german(p.createdAt)};${p.author.id};"${p.text.replace(/"/g, '""')}"`)].join('\n') + '\n');
    for (const [file, name] of [[graph, 'graph'], [csv, 'csv']] as const) {
      const alerts = await shitstorms(file, name);
      expect(alerts, name).toHaveLength(1);
      const opened = Date.parse(alerts[0]?.openedAt ?? '');
      expect(opened, name).toBeGreaterThan(ONSET);
      expect(opened - ONSET, name).toBeLessThanOrEqual(30 * MIN);
    }
  });
});
