import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGermEvalXml, readReplayFile } from '../../../ingestors/replay-formats.ts';
import { parseGermEval } from '../../../src/datasets/germeval.ts';
import { replayFileWriter } from '../../helpers/replay-files.ts';

const dev = path.resolve(__dirname, '../../../../shared/data/germeval2017/dev.xml');
const write = replayFileWriter('kr-germeval-');

/** The first `n` <Document> elements of dev.xml, each as the release writes it. */
function devDocuments(n: number): string[] {
  return [...readFileSync(dev, 'utf8').matchAll(/<Document [\s\S]*?<\/Document>/g)].slice(0, n).map((m) => m[0]);
}

const doc = (id: string, text: string) => `<Document id="${id}"><relevance>true</relevance><sentiment>negative</sentiment><text>${text}</text></Document>`;

describe('replay germeval: malformed or foreign XML is an error, not a shorter file', () => {
  it('refuses a document with a bare & and < in its text, naming file, line, column and reason', () => {
    const docs = devDocuments(20);
    const xml = ['<Documents>', ...docs.slice(0, 10), doc('bad', 'Bahn & Co <kaputt'), ...docs.slice(10), '</Documents>'].join('\n');
    const file = write('ge_mid.xml', xml);
    const badLine = xml.split('\n').findIndex((l) => l.includes('id="bad"')) + 1;
    expect(() => readReplayFile(file, 'germeval')).toThrow(new RegExp(`ge_mid\\.xml:${badLine}:\\d+: malformed XML: char '&' is not expected`));
  });

  it('refuses a file cut off inside a document, saying which tags stay open', () => {
    const file = write('cut.xml', '<Documents>\n<Document id="x"><text>abgeschnit');
    expect(() => readReplayFile(file, 'germeval')).toThrow(/cut\.xml:2:\d+: malformed XML: the file ends with <Documents>, <Document>, <text> still open/);
  });

  it('refuses well-formed XML of another shape, naming what it found', () => {
    const file = write('sentences.xml', '<?xml version="1.0"?><sentences><sentence id="1"><text>Bahn kaputt</text></sentence></sentences>');
    expect(() => readReplayFile(file, 'germeval')).toThrow(/sentences\.xml: not a GermEval 2017 file: expected <Documents> with <Document> elements, found <sentences>/);
    expect(() => readReplayFile(write('trunc.xml', '<?xml version="1.0"?><sentences><sentence id="1"><text>Bahn kaputt'), 'germeval')).toThrow(/malformed XML/);
  });

  it('the training reader refuses malformed XML the same way', () => {
    expect(() => parseGermEval('<Documents>\n' + doc('a', 'x & y') + '</Documents>', 'train.xml')).toThrow(/train\.xml:2:\d+: malformed XML/);
  });
});

describe('replay germeval: documents that make no mention are skipped with their line and reason', () => {
  const fallbackTime = new Date('2026-01-01T00:00:00Z');

  it('skips a document with empty text instead of replaying "(empty)"', () => {
    const input = readGermEvalXml(['<Documents>', doc('a', 'Zug fällt aus'), doc('b', ''), doc('c', '  '), '</Documents>'].join('\n'), { fallbackTime });
    expect(input.mentions.map((m) => m.text)).toEqual(['Zug fällt aus']);
    expect(input.errors).toEqual([
      { line: 3, reason: 'document 2: empty text' },
      { line: 4, reason: 'document 3: empty text' },
    ]);
  });

  it('reports a second document with the same id as a duplicate, as jsonl and csv do', () => {
    const input = readGermEvalXml(['<Documents>', doc('dupl', 'erste'), doc('dupl', 'zweite'), '</Documents>'].join('\n'), { fallbackTime });
    expect(input.mentions.map((m) => m.text)).toEqual(['erste']);
    expect(input.errors).toEqual([{ line: 3, reason: 'duplicate of germeval:dupl on line 2, which is kept' }]);
  });

  it('names a skipped document by the line its tag starts on', () => {
    const input = readGermEvalXml(['<Documents>', doc('a', 'eins'), '<Document>', '<text>ohne id</text>', '</Document>', '</Documents>'].join('\n'), { fallbackTime });
    expect(input.errors).toEqual([{ line: 3, reason: expect.stringMatching(/^document 2: @_id/) }]);
  });
});
