/** Temporary replay files and reading a streamed replay source to the end, for the replay format tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ReplaySource } from '../../ingestors/replay-stream-source.ts';
import type { Mention } from '../../src/model.ts';

/** A fresh temporary directory and a writer of named files in it. */
export function replayFileWriter(prefix: string): (name: string, content: string | Buffer) => string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return (name, content) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
}

/** Every mention a streamed source yields, in order. */
export async function allMentions(source: ReplaySource): Promise<Mention[]> {
  const out: Mention[] = [];
  for await (const m of source.mentions()) out.push(m);
  return out;
}
