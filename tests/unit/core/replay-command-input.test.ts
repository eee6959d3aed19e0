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

  it('names a directory as one, instead of EISDIR without a path', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-replay-dir-'));
    await expect(runReplay({ file: dir, discoverBrands: false, progress: () => undefined })).rejects.toThrow(`${dir} is a directory; replay takes a file`);
  });
});
