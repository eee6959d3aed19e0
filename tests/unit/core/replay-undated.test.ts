import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../src/commands/replay.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import { parseConfig } from '../../../src/config.ts';
import { buildDetectors } from '../../../src/pipeline.ts';
import { replayFileWriter } from '../../helpers/replay-files.ts';

const write = replayFileWriter('kr-undated-');

/** 40 calm posts, then 360 angry ones from as many people: a storm when the angry ones come within an hour. */
function angryRows(withDates: boolean, count = 400): string {
  const header = withDates ? 'id,created_at,author,text' : 'id,author,text';
  const rows = Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.parse('2026-10-04T06:00:00Z') + (i < 40 ? i * 270_000 : 3 * 3_600_000 + i * 9_000)).toISOString();
    const text = i < 40 ? `Mit Aerolux nach Rom geflogen (${i})` : `Aerolux hat meinen Flug gestrichen, keine Antwort, Abzocke! (${i})`;
    return withDates ? `${i},${at},kunde${i},"${text}"` : `${i},kunde${i},"${text}"`;
  });
  return [header, ...rows].join('\n') + '\n';
}

describe('replaying a file without timestamps', () => {
  it('knows a csv without a date column and GermEval XML are undated, and a dated csv is not', async () => {
    expect((await openReplayFile(write('undated.csv', angryRows(false)), 'csv')).undated).toBe(true);
    expect((await openReplayFile(write('dated.csv', angryRows(true)), 'csv')).undated).toBeUndefined();
    const xml = '<Documents><Document id="1"><text>Die Bahn ist wieder zu spät</text><relevance>true</relevance><sentiment>negative</sentiment></Document></Documents>';
    expect((await openReplayFile(write('ge.xml', xml), 'germeval')).undated).toBe(true);
  });

  it('turns shitstorm detection off and says so, where the same posts with their dates raise a storm', async () => {
    const lines: string[] = [];
    const alertsOut = write('undated-alerts.jsonl', '');
    // 1,200 posts one second apart: 20 made-up minutes, long enough for the detector to judge them.
    await runReplay({ file: write('undated.csv', angryRows(false, 1200)), format: 'csv', brands: ['Aerolux'], alertsOut, progress: (l) => lines.push(l) });
    expect(lines.some((l) => /no timestamps .*shitstorm detection is off/.test(l))).toBe(true);
    expect(readFileSync(alertsOut, 'utf8')).not.toContain('"kind":"shitstorm"');

    const datedOut = write('dated-alerts.jsonl', '');
    const datedLines: string[] = [];
    await runReplay({ file: write('dated.csv', angryRows(true)), format: 'csv', brands: ['Aerolux'], alertsOut: datedOut, progress: (l) => datedLines.push(l) });
    expect(datedLines.some((l) => /no timestamps/.test(l))).toBe(false);
    expect(readFileSync(datedOut, 'utf8')).toContain('"kind":"shitstorm"');
  });

  it('treats dates without a time of day like no timestamps: a day of posts at one midnight is no burst', async () => {
    // A review export dated to the day only: 30 calm reviews a day, and on the sixth day 400 complaints. Read at
    // face value, every day's reviews arrive in the same minute.
    const rows = ['id,date,author,text'];
    let id = 0;
    for (let d = 0; d < 7; d++) {
      const day = new Date(Date.parse('2026-08-25T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10);
      for (let k = 0; k < 30; k++, id++) rows.push(`${id},${day},kunde${id},"Mit Aerolux nach Rom geflogen (${id})"`);
      if (d === 5) for (let k = 0; k < 400; k++, id++) rows.push(`${id},${day},kunde${id},"Aerolux hat meinen Flug gestrichen, Abzocke! (${id})"`);
    }
    const file = write('date-only.csv', rows.join('\n') + '\n');
    const source = await openReplayFile(file, 'csv');
    expect(source.dateOnly).toBe(true);
    expect(source.undated).toBeUndefined();
    expect((await openReplayFile(write('dated-too.csv', angryRows(true)), 'csv')).dateOnly).toBeUndefined();
    const lines: string[] = [];
    await runReplay({ file, format: 'csv', brands: ['Aerolux'], progress: (l) => lines.push(l) });
    expect(lines.some((l) => /dates without a time of day .*shitstorm detection is off/.test(l))).toBe(true);
  });

  it('runs the detectors the config names, both by default', () => {
    const loaded = (yaml: string) => ({ file: '(test)', baseDir: '.', config: parseConfig(yaml, '(test)'), env: {}, secrets: {} });
    const names = (yaml: string) => buildDetectors(loaded(yaml), undefined as never).map((d) => d.name);
    expect(names('{}')).toEqual(['unanswered', 'shitstorm']);
    expect(names('detect: { detectors: [unanswered] }')).toEqual(['unanswered']);
    expect(() => parseConfig('detect: { detectors: [] }', '(test)')).toThrow();
  });
});

describe('replaying a research tweet dataset whose columns the table does not list', () => {
  // The "Twitter US Airline Sentiment" layout (`tweet_created` with an offset), here without its `name` column: a
  // file that names no author. Before, it read as undated (detection off) and every post as one author "unknown".
  function airlineRows(): string {
    const rows = ['tweet_id,airline_sentiment,airline,retweet_count,text,tweet_created,user_timezone'];
    for (let i = 0; i < 400; i++) {
      const at = new Date(Date.parse('2026-10-04T06:00:00Z') + (i < 40 ? i * 270_000 : 3 * 3_600_000 + (i - 40) * 9_000));
      const local = new Date(at.getTime() - 7 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
      const text = i < 40 ? `@aerolux flew to Rome today (${i})` : `@aerolux cancelled my flight, no answer, total rip-off! (${i})`;
      rows.push(`${5700 + i},neutral,Aerolux,0,"${text}",${local} -0700,Pacific Time (US & Canada)`);
    }
    return rows.join('\n') + '\n';
  }

  it('reads the time from `tweet_created`, counts each post as its own author, says so, and raises the storm', async () => {
    const lines: string[] = [];
    const alertsOut = write('airline-alerts.jsonl', '');
    await runReplay({ file: write('airline.csv', airlineRows()), brands: ['Aerolux'], alertsOut, progress: (l) => lines.push(l) });
    expect(lines.some((l) => /no timestamps/.test(l))).toBe(false);
    expect(lines.some((l) => /names no authors: each post counts as its own author/.test(l))).toBe(true);
    const storms = readFileSync(alertsOut, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string; openedAt: string; title: string });
    const first = storms.find((a) => a.kind === 'shitstorm');
    expect(first).toBeDefined();
    // --brand names no language: the alert speaks the file's (English here), not the schema's German default.
    // Raised straight to critical on 234 negatives where 0.5 were expected: no longer "possible".
    expect(first?.title).toMatch(/^(?:Possible shitstorm|Shitstorm):/);
    // The angry posts start at 09:00 UTC (02:00 in the file's -0700).
    expect(Date.parse(first?.openedAt ?? '')).toBeGreaterThanOrEqual(Date.parse('2026-10-04T09:00:00Z'));
    expect(Date.parse(first?.openedAt ?? '')).toBeLessThanOrEqual(Date.parse('2026-10-04T09:30:00Z'));
  });
});
