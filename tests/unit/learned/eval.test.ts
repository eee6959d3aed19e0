import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../../src/commands/eval.ts';
import { withoutHandles } from '../../../src/commands/eval-documents.ts';
import { runTrain } from '../../../src/commands/train.ts';
import { MODEL_FILES, readModelFile } from '../../../classifiers/learned/index.ts';
import { isDistinctive } from '../../../classifiers/learned/document-keys.ts';
import { readGermEval } from '../../../src/datasets/germeval.ts';
import { complaintsCsv, germevalXml } from './corpus.ts';

const quiet = (): void => {};

function corpus(): { data: string; models: string } {
  const data = mkdtempSync(join(tmpdir(), 'kr-eval-data-'));
  mkdirSync(join(data, 'germeval2017'));
  mkdirSync(join(data, 'complaints-en'));
  writeFileSync(join(data, 'germeval2017/dev.xml'), germevalXml(90));
  // Held out: the same kinds of posts, none of them a training document.
  writeFileSync(join(data, 'germeval2017/other.xml'), germevalXml(60).replaceAll('@DB_Bahn', '@DB_Regio'));
  writeFileSync(join(data, 'complaints-en/complaints.csv'), complaintsCsv(80));
  return { data, models: join(data, 'models') };
}

describe('kundenradar eval', () => {
  it('scores a shipped model on a held-out file and refuses its training file by content', async () => {
    const { data, models } = corpus();
    await runTrain({ dataDir: data, outDir: models, print: quiet });
    const out: string[] = [];
    const r = await runEval({ task: 'sentiment', file: join(data, 'germeval2017/other.xml'), format: 'germeval', modelDir: models, print: (t) => out.push(t) });
    expect(r.mode).toBe('shipped-model');
    expect(r.documents).toBe(60);
    expect(r.subtaskB?.microF1).toBeGreaterThan(0.9); // the synthetic classes are separable
    expect(out.join('')).toMatch(/GermEval subtask B micro-F1 \d\.\d{4}/);
    await expect(runEval({ task: 'complaints', file: join(data, 'germeval2017/dev.xml'), format: 'germeval', modelDir: models, print: quiet })).rejects.toThrow(
      /is a training file of the shipped model .* use --folds K/,
    );
  }, 120_000);

  it('scores a training file of a model that learned from several by the same recipe trained on the others', async () => {
    const { data, models } = corpus();
    const dia = join(data, 'germeval2017/test_dia.xml');
    writeFileSync(dia, germevalXml(60).replaceAll('@DB_Bahn', '@DB_Info'));
    await runTrain({ dataDir: data, outDir: models, print: quiet });
    const de = readModelFile(join(models, MODEL_FILES.de));
    expect(de.trainingData.map((t) => t.file)).toEqual(['germeval2017/dev.xml', 'germeval2017/test_dia.xml']);
    expect(de.scores).toHaveProperty('heldout_test_dia_subtaskB_micro_f1');

    const notices: string[] = [];
    const r = await runEval({ task: 'sentiment', file: dia, format: 'germeval', modelDir: models, print: quiet, notice: (l) => notices.push(l) });
    expect(r).toMatchObject({ mode: 'shipped-recipe-without-file', documents: 60 });
    expect(r.trainedOn?.[0]).toMatch(/germeval2017\/dev\.xml$/);
    expect(notices.join('\n')).toMatch(/is a training file of the shipped model .* trained without it, on \S*germeval2017\/dev\.xml/);
    expect(r.subtaskB?.microF1).toBeGreaterThan(0.9);

    // The other training file must be found, and be what the model learned from.
    const alone = mkdtempSync(join(tmpdir(), 'kr-eval-alone-'));
    copyFileSync(dia, join(alone, 'test_dia.xml'));
    await expect(runEval({ task: 'sentiment', file: join(alone, 'test_dia.xml'), format: 'germeval', modelDir: models, print: quiet, notice: quiet })).rejects.toThrow(
      /needs its other training file germeval2017\/dev\.xml, which is not at/,
    );
    writeFileSync(join(data, 'germeval2017/dev.xml'), germevalXml(91));
    await expect(runEval({ task: 'sentiment', file: dia, format: 'germeval', modelDir: models, print: quiet, notice: quiet })).rejects.toThrow(/is not the germeval2017\/dev\.xml the shipped model was trained on/);
  }, 120_000);

  it('adds --also-train files to every fold\'s training data, never to what is scored, and refuses the scored file itself', async () => {
    const { data } = corpus();
    const dev = join(data, 'germeval2017/dev.xml');
    const other = join(data, 'germeval2017/other.xml');
    const out: string[] = [];
    const r = await runEval({ task: 'sentiment', file: other, format: 'germeval', folds: 3, alsoTrain: [dev], print: (t) => out.push(t) });
    expect(r).toMatchObject({ mode: 'cross-validation', folds: 3, alsoTrained: [dev], documents: 60 });
    expect(out.join('')).toContain(`every fold also trained on ${dev}`);
    await expect(runEval({ task: 'sentiment', file: dev, format: 'germeval', folds: 3, alsoTrain: [dev], print: quiet })).rejects.toThrow(/is .* itself: every fold would be trained on the documents it scores/);
    await expect(runEval({ task: 'sentiment', file: dev, format: 'germeval', alsoTrain: [other], print: quiet })).rejects.toThrow(/use it with --folds K/);
  }, 120_000);

  it('knows training documents by content: a re-exported copy is refused, a file partly made of them is scored on the rest', async () => {
    const { data, models } = corpus();
    await runTrain({ dataDir: data, outDir: models, print: quiet });
    const dev = readFileSync(join(data, 'germeval2017/dev.xml'), 'utf8');
    // The same documents with other line endings and another order: another file hash, the same documents.
    const docs = dev.replace(/^<Documents>|<\/Documents>$/g, '').split('\n');
    const copy = join(data, 'copy.xml');
    writeFileSync(copy, `<Documents>${[...docs].reverse().join('\r\n')}</Documents>\r\n`);
    // Posts too short to identify ("neue Züge bestellt") are not counted: they are everybody's.
    const texts = readGermEval(join(data, 'germeval2017/dev.xml')).map((d) => d.text);
    expect(texts).toHaveLength(docs.length);
    const identifiable = texts.filter(isDistinctive).length;
    expect(identifiable).toBeGreaterThan(45);
    expect(identifiable).toBeLessThan(90);
    await expect(runEval({ task: 'sentiment', file: copy, format: 'germeval', modelDir: models, print: quiet, notice: quiet })).rejects.toThrow(
      new RegExp(`${identifiable} of the 90 documents of .* are in the shipped model's training data`),
    );
    const mixed = join(data, 'mixed.xml');
    const fresh = germevalXml(60).replaceAll('@DB_Bahn', '@DB_Info').replace(/^<Documents>|<\/Documents>$/g, '').split('\n');
    const copied = docs.filter((_, i) => isDistinctive(texts[i] ?? '')).slice(0, 10);
    writeFileSync(mixed, `<Documents>${[...copied, ...fresh].join('\n')}</Documents>`);
    const notices: string[] = [];
    const r = await runEval({ task: 'sentiment', file: mixed, format: 'germeval', modelDir: models, print: quiet, notice: (l) => notices.push(l) });
    expect(r).toMatchObject({ mode: 'shipped-model', notScored: 10 });
    expect(notices.join('\n')).toMatch(/10 of the 70 documents .* are in the shipped model's training data; they are left out and the other 60 scored/);
  }, 120_000);

  it('--also-train never adds a document of the scored file, in whatever file or order it comes', async () => {
    const { data } = corpus();
    const csv = readFileSync(join(data, 'complaints-en/complaints.csv'), 'utf8').trim().split('\n');
    const reversed = join(data, 'reversed.csv');
    writeFileSync(reversed, [csv[0], ...csv.slice(1).reverse()].join('\n'));
    const notices: string[] = [];
    await runEval({ task: 'complaints', file: join(data, 'complaints-en/complaints.csv'), format: 'csv', folds: 2, alsoTrain: [reversed, reversed], print: quiet, notice: (l) => notices.push(l) });
    expect(notices.join('\n')).toMatch(/every fold also trains on 0 documents .*left out: 160 also in/);
  }, 120_000);

  it('cross-validates a CSV with --folds and prints JSON with --json', async () => {
    const { data } = corpus();
    const out: string[] = [];
    const r = await runEval({ task: 'complaints', file: join(data, 'complaints-en/complaints.csv'), format: 'csv', folds: 3, json: true, print: (t) => out.push(t) });
    expect(r).toMatchObject({ mode: 'cross-validation', folds: 3, documents: 80 });
    expect(r.subtaskB).toBeUndefined();
    expect(r.complaint.tp + r.complaint.fn).toBe(40);
    expect(JSON.parse(out.join(''))).toEqual(JSON.parse(JSON.stringify(r)));
  }, 120_000);

  it('refuses sentiment on the complaints CSV, which has no sentiment labels', async () => {
    await expect(runEval({ task: 'sentiment', file: 'x.csv', format: 'csv', print: quiet })).rejects.toThrow(/no sentiment labels/);
  });
});

describe('withoutHandles (eval --without-handles)', () => {
  it('cuts @handles out and closes the gap, keeping e-mail addresses', () => {
    expect(withoutHandles('@DB_Bahn danke @DB_Info für nichts')).toBe('danke für nichts');
    expect(withoutHandles('still waiting @AmazonHelp')).toBe('still waiting');
    expect(withoutHandles('write to service@example.com please')).toBe('write to service@example.com please');
    expect(withoutHandles('(@united) lost my bag')).toBe('() lost my bag');
  });
});

describe('eval of a CSV labelled elsewhere', () => {
  it('scores each row with the model of its language, as the service would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-eval-csv-'));
    const file = join(dir, 'mixed.csv');
    writeFileSync(
      file,
      'text,label\n' +
        '"Seit drei Wochen kein Internet und die Hotline legt einfach auf. Unfassbar.",1\n' +
        '"Danke für die schnelle Hilfe heute, alles bestens!",0\n' +
        '"my package never arrived and nobody answers, this is ridiculous",1\n' +
        '"thanks for the quick help today, all sorted!",0\n',
    );
    const out: string[] = [];
    const r = await runEval({ task: 'complaints', file, format: 'csv', print: (t) => out.push(t) });
    expect(r.languages).toEqual({ de: 2, en: 2 });
    expect(r.model).toMatch(/learned-de\.json, .*learned-en\.json/);
    expect(r.documents).toBe(4);
    expect(out.join('')).toMatch(/rows by language de 2, en 2/);
    const forced = await runEval({ task: 'complaints', file, format: 'csv', lang: 'en', print: () => {} });
    expect(forced.languages).toEqual({ de: 0, en: 4 });
  });
});

describe('kundenradar eval: files it cannot score', () => {
  it('refuses an empty file, a directory and an unreadable csv, each naming the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-eval-bad-'));
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'ragged.csv'), 'text,complaint\n"ok",1\na,b,c,d,e,f\n');
    const evalCsv = (file: string) => runEval({ task: 'complaints', file, format: 'csv', print: quiet, notice: quiet });
    await expect(evalCsv(join(dir, 'empty.csv'))).rejects.toThrow(`${join(dir, 'empty.csv')} holds no labelled documents: nothing to score`);
    await expect(evalCsv(dir)).rejects.toThrow(`${dir} is a directory; eval takes a file`);
    await expect(evalCsv(join(dir, 'ragged.csv'))).rejects.toThrow(new RegExp(`^${join(dir, 'ragged.csv').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
  });
});
