/** `kundenradar replay FILE` on files with nothing to replay, and on a path that is no file. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../src/commands/replay.ts';
import { replayFileWriter } from '../../helpers/replay-files.ts';

const write = replayFileWriter('kr-replay-input-');

async function progressOf(file: string): Promise<string[]> {
  const lines: string[] = [];
  await runReplay({ file, discoverBrands: false, progress: (l) => lines.push(l) });
  return lines;
}

describe('replay command: files without posts and paths that are no file', () => {
  it('warns when an empty jsonl, an empty csv or a header-only csv holds no posts', async () => {
    for (const [name, content] of [['empty.jsonl', ''], ['empty.csv', ''], ['header.csv', 'id,author,text,date\n']] as const) {
      const file = write(name, content);
      expect(await progressOf(file)).toContain(`${file}: warning: the file holds no posts`);
    }
  });

  it('refuses an output path in a missing directory, or a directory, before reading anything (QA round 6: ENOENT at the end)', async () => {
    const file = write('one.jsonl', '');
    const missing = path.join(os.tmpdir(), 'kr-no-such-dir-4711', 'alerts.jsonl');
    await expect(runReplay({ file, alertsOut: missing, discoverBrands: false, progress: () => undefined })).rejects.toThrow(
      `--alerts-out ${missing}: there is no directory ${path.dirname(missing)}`,
    );
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-replay-out-'));
    await expect(runReplay({ file, mentionsOut: dir, discoverBrands: false, progress: () => undefined })).rejects.toThrow(`--mentions-out ${dir}: is a directory; give a file name`);
  });

  it('names a directory as one, instead of EISDIR without a path', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-replay-dir-'));
    await expect(runReplay({ file: dir, discoverBrands: false, progress: () => undefined })).rejects.toThrow(`${dir} is a directory; replay takes a file`);
  });
});

describe('replay command: broken JSON and control characters', () => {
  const post = (i: number) => ({ id: `x:${i}`, source: 'x', author: { id: 'u' }, text: `Post ${i} über Funkwelle`, createdAt: `2026-11-16T10:0${i}:00Z`, thread: { rootId: `x:${i}` }, channel: 'post' });

  it('refuses a pretty-printed JSON document cut short with one error naming the file and line, not one per fragment', async () => {
    const whole = JSON.stringify([0, 1, 2, 3, 4].map(post), null, 2);
    const file = write('cut.json', whole.slice(0, Math.floor(whole.length / 2)));
    await expect(runReplay({ file, discoverBrands: false, progress: () => undefined })).rejects.toThrow(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not a valid JSON document: .*\\(line \\d+\\)$`),
    );
  });

  it('counts a JSON line of plain values as one skipped line', async () => {
    const file = write('values.jsonl', `${JSON.stringify(post(1))}\n[1,2,3]\n`);
    const lines = await progressOf(file);
    expect(lines).toContain(`${file}:2: skipped: 3 of 3 array items are no records (number)`);
    expect(lines.find((l) => l.includes('rows skipped'))).toMatch(/1 mentions .* 1 rows skipped/);
  });

  it('names a csv row with invalid UTF-8 by its line and replays the rest, as it does a jsonl line', async () => {
    const rows = [1, 2, 3].map((i) => `${i},u${i},Funkwelle ${i} kaputt,2026-11-16T10:0${i}:00Z\n`);
    const file = write('one-bad.csv', Buffer.concat([Buffer.from(`id,author,text,date\n${rows[0]}`), Buffer.from(rows[1]!.replace('kaputt', 'f\u00e4llt aus'), 'latin1'), Buffer.from(rows[2]!)]));
    const lines = await progressOf(file);
    expect(lines).toContain(`${file}:3: skipped: invalid UTF-8 near byte ${`id,author,text,date\n${rows[0]}2,u2,Funkwelle 2 f`.length}`);
    expect(lines.find((l) => l.includes('rows skipped'))).toMatch(/2 mentions .* 1 rows skipped/);
  });

  it('writes control characters of the input as escapes, never to the terminal', async () => {
    const file = write('ctl.jsonl', `\u001b[2J\u001b[31mFAKE: all good\u001b[0m {\n\u0000\u0000\u0000\n${JSON.stringify(post(1))}\n`);
    const skipped = (await progressOf(file)).filter((l) => l.includes('skipped:'));
    expect(skipped).toHaveLength(2);
    for (const line of skipped) expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(skipped[0]).toContain('\\u001b[2J');
  });
});
