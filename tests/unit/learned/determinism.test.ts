import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTrain } from '../../../src/commands/train.ts';
import { MODEL_FILES, readModelFile } from '../../../classifiers/learned/index.ts';
import { complaintsCsv, germevalXml } from './corpus.ts';

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kr-train-data-'));
  mkdirSync(join(dir, 'germeval2017'));
  mkdirSync(join(dir, 'complaints-en'));
  writeFileSync(join(dir, 'germeval2017/dev.xml'), germevalXml());
  writeFileSync(join(dir, 'complaints-en/complaints.csv'), complaintsCsv());
  return dir;
}

describe('kundenradar train', () => {
  it('builds byte-identical model files from the same data, dated by the data and marked non-commercial', async () => {
    const data = dataDir();
    const a = mkdtempSync(join(tmpdir(), 'kr-models-a-'));
    const b = mkdtempSync(join(tmpdir(), 'kr-models-b-'));
    await runTrain({ dataDir: data, outDir: a, print: () => {} });
    await runTrain({ dataDir: data, outDir: b, print: () => {} });
    for (const name of Object.values(MODEL_FILES)) {
      expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name)))).toBe(true);
    }
    const de = readModelFile(join(a, MODEL_FILES.de));
    expect(de.nonCommercial).toBe(true);
    expect(de.licence).toMatch(/CC BY-NC 4\.0/);
    expect(de.trainingData[0]).toMatchObject({ file: 'germeval2017/dev.xml', documents: 90 });
    // Newest synthetic status id 700000000000089000 → 2016-02-17 (snowflake time), not today's date.
    expect(de.dataDate).toBe('2016-02-17');
    expect(Object.keys(de.scores)).toContain('cv5_sentiment_micro_f1');
  }, 120_000);

  it('fails with the missing file named when the data is absent', async () => {
    await expect(runTrain({ dataDir: join(tmpdir(), 'kr-no-such-dir'), outDir: tmpdir(), print: () => {} })).rejects.toThrow(/dev\.xml is missing/);
  });
});
