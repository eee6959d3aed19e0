/** Files with a few bad rows: each is skipped with its line and reason, the rest replayed; or one clear error. */
import { describe, expect, it } from 'vitest';
import { readCsv, readJsonl } from '../../../ingestors/replay-formats.ts';
import { parseExportDate } from '../../../ingestors/replay-dates.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import { allMentions, replayFileWriter } from '../../helpers/replay-files.ts';

const write = replayFileWriter('kr-bad-input-');
const fallbackTime = new Date('2026-01-01T00:00:00Z');
const jsonLine = (i: number, text = `Funkwelle ${i} kaputt`) => JSON.stringify({ text, date: `2026-11-16T10:00:0${i}Z`, user: `u${i}` });
const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('replay: a bad byte or quote costs its row, not the file', () => {
  it('jsonl: a line with invalid UTF-8 is skipped with its line and reason, the other lines replayed', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => Buffer.from(jsonLine(i) + '\n'));
    lines[4] = Buffer.concat([latin1(jsonLine(4, 'Zug fällt aus')), Buffer.from('\n')]);
    const file = write('one-bad.jsonl', Buffer.concat(lines));
    const source = await openReplayFile(file, 'jsonl');
    const at = Buffer.concat(lines.slice(0, 4)).length + latin1(jsonLine(4, 'Zug fällt aus')).indexOf(0xe4);
    expect(source.errors).toEqual([{ line: 5, reason: `invalid UTF-8 near byte ${at}` }]);
    expect(source.count).toBe(9);
    expect((await allMentions(source)).length).toBe(9);
  });

  it('jsonl: a file whose lines are mostly not UTF-8 is refused, saying how to convert it', async () => {
    const file = write('latin1.jsonl', latin1(Array.from({ length: 10 }, (_, i) => jsonLine(i, `Zug ${i} fällt aus`)).join('\n')));
    await expect(openReplayFile(file, 'jsonl')).rejects.toThrow(/latin1\.jsonl: invalid UTF-8 near byte \d+; convert the file to UTF-8 first \(e\.g\. iconv -f latin1 -t utf-8\)/);
  });

  const csvRow = (i: number, text = `Funkwelle ${i} kaputt`, second = i) => `${i},u${i},${text},2026-11-16T10:00:${String(second).padStart(2, '0')}Z\n`;
  const csvFile = (name: string, rows: Buffer[]) => write(name, Buffer.concat([Buffer.from('id,author,text,date\n'), ...rows]));
  const offsetOf = (rows: Buffer[], index: number, byte: number) => 'id,author,text,date\n'.length + Buffer.concat(rows.slice(0, index)).length + rows[index]!.indexOf(byte);

  it('csv: a row with invalid UTF-8 is skipped with its line and reason, the other rows replayed, as in jsonl', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => Buffer.from(csvRow(i)));
    rows[4] = latin1(csvRow(4, 'Zug fällt aus'));
    const source = await openReplayFile(csvFile('one-bad.csv', rows), 'csv', { fallbackTime });
    expect(source.errors).toEqual([{ line: 6, reason: `invalid UTF-8 near byte ${offsetOf(rows, 4, 0xe4)}` }]);
    expect(source.count).toBe(9);
    expect((await allMentions(source)).map((m) => m.id)).toEqual(['csv:0', 'csv:1', 'csv:2', 'csv:3', 'csv:5', 'csv:6', 'csv:7', 'csv:8', 'csv:9']);
  });

  it('csv: the bad byte costs the whole row it sits in, a quoted cell over several lines too, and the file out of order alike', async () => {
    // Out of event-time order: read by the whole-file reader. Row 3's text spans lines 4 and 5, the bad byte on line 4.
    const rows = [0, 1, 2, 3, 4, 5].map((i) => Buffer.from(csvRow(i, `Funkwelle ${i}`, 50 - i)));
    rows[3] = Buffer.concat([Buffer.from('3,u3,"Grüße '), latin1('aus Köln\n'), Buffer.from('zweite Zeile",2026-11-16T10:00:47Z\n')]);
    const source = await openReplayFile(csvFile('spans.csv', rows), 'csv', { fallbackTime });
    expect(source.mode).toBe('in-memory');
    expect(source.errors).toEqual([{ line: 6, reason: `invalid UTF-8 near byte ${offsetOf(rows, 3, 0xf6)}` }]);
    expect((await allMentions(source)).map((m) => m.id)).toEqual(['csv:5', 'csv:4', 'csv:2', 'csv:1', 'csv:0']);
  });

  it('csv: a file whose rows are mostly not UTF-8 is refused, saying how to convert it', async () => {
    const file = csvFile('latin1.csv', Array.from({ length: 10 }, (_, i) => latin1(csvRow(i, `Zug ${i} fällt aus`))));
    await expect(openReplayFile(file, 'csv', { fallbackTime })).rejects.toThrow(/latin1\.csv: invalid UTF-8 near byte \d+; convert the file to UTF-8 first \(e\.g\. iconv -f latin1 -t utf-8\)/);
  });

  it('csv: an unclosed quote is an error naming the line the quote opened on', async () => {
    const rows = ['id,author,text,date', ...Array.from({ length: 3 }, (_, i) => `${i},a,Funkwelle ${i},2026-11-16T10:00:0${i}Z`), '', '99,bob,"this quote never closes,2026-11-16T10:00:09Z', '5,a,x,2026-11-16T10:00:05Z'];
    await expect(openReplayFile(write('quote.csv', rows.join('\n')), 'csv', { fallbackTime })).rejects.toThrow(/quote\.csv: unreadable CSV: the quote opened on line 6 never closes/);
  });

  it('csv: a quote inside an unquoted cell (an inch mark) is part of the text', async () => {
    const file = write('inch.csv', 'id,author,text,date\n1,a,Er sagte 5" Display kaputt Funkwelle,2026-11-16T10:00:00Z\n2,b,"zitiert ""so""",2026-11-16T10:00:01Z\n');
    const source = await openReplayFile(file, 'csv', { fallbackTime });
    expect(source.errors).toEqual([]);
    expect((await allMentions(source)).map((m) => m.text)).toEqual(['Er sagte 5" Display kaputt Funkwelle', 'zitiert "so"']);
  });
});

describe('replay csv: a stray quote inside a quoted cell still stops the file, never merges rows', () => {
  it('refuses the file, naming the line the bad row starts on, in either reader', async () => {
    const text = 'id,text,date\n1,"kaputt,2026-11-16T10:00:00Z\n2,"zweite",2026-11-16T10:00:01Z\n3,5" Display,2026-11-16T10:00:02Z\n';
    const file = write('merged.csv', text);
    await expect(openReplayFile(file, 'csv', { fallbackTime })).rejects.toThrow(/merged\.csv: unreadable CSV near line 3: .*row starting on line 2/);
    expect(() => readCsv(text)).toThrow(/Invalid Closing Quote/);
  });

  it('the whole-file reader reads an inch mark too', () => {
    expect(readCsv('id,text,date\n1,5" Display kaputt,2026-11-16T10:00:00Z\n').mentions.map((m) => m.text)).toEqual(['5" Display kaputt']);
  });
});

describe('replay csv: CR-only line ends (classic Mac, some Excel exports)', () => {
  const rows = ['id,author,text,date', ...Array.from({ length: 4 }, (_, i) => `${i},u,Funkwelle ${i},2026-11-16T10:00:0${i}Z`)];

  it('are read as lines by the streamed and the whole-file reader alike', async () => {
    const text = rows.join('\r') + '\r';
    const source = await openReplayFile(write('mac.csv', text), 'csv', { fallbackTime });
    expect(source.errors).toEqual([]);
    expect((await allMentions(source)).map((m) => m.text)).toEqual(['Funkwelle 0', 'Funkwelle 1', 'Funkwelle 2', 'Funkwelle 3']);
    expect(readCsv(text).mentions.map((m) => m.id)).toEqual(['csv:0', 'csv:1', 'csv:2', 'csv:3']);
  });

  it('name a bad row by its line', async () => {
    const text = [...rows.slice(0, 3), '9,u,,2026-11-16T10:00:09Z', ...rows.slice(3)].join('\r');
    const source = await openReplayFile(write('mac-bad.csv', text), 'csv', { fallbackTime });
    expect(source.errors).toEqual([{ line: 4, reason: 'empty text' }]);
    expect(readCsv(text).errors).toEqual([{ line: 4, reason: 'empty text' }]);
  });
});

describe('replay: dates no post can have are skipped with a reason', () => {
  it('JSON records: year 0 is out of range (not 1900), and a huge number is no date or epoch', () => {
    const input = readJsonl(['{"text":"year 0","date":"0000-01-01T00:00:00Z","user":"k"}', '{"text":"huge","date":1e20,"user":"k"}', '{"text":"fine","date":"2026-01-01T00:00:00Z","user":"k"}'].join('\n'));
    expect(input.errors).toEqual([
      { line: 1, reason: 'date out of range "0000-01-01T00:00:00Z": years 1970 to 2199 are read' },
      { line: 2, reason: '"date" is a number too large for a date or epoch (seconds or milliseconds)' },
    ]);
    expect(input.mentions.map((m) => m.text)).toEqual(['fine']);
  });

  it('every date layout refuses years outside 1970 to 2199', () => {
    for (const raw of ['0099-05-01', '01.05.1899', 'Mon, 01 Jan 1900 00:00:00 GMT', '2400-01-01T00:00:00Z']) {
      expect(parseExportDate(raw)).toEqual({ reason: expect.stringMatching(/^date out of range/) });
    }
    expect(parseExportDate('1970-01-01T00:00:00Z')).toEqual({ iso: '1970-01-01T00:00:00.000Z' });
  });
});

describe('replay: a text over the length limit is skipped with the same reason in every format', () => {
  it('a CSV cell, a JSON record and a Mention line alike', async () => {
    const huge = 'x'.repeat(60_000);
    const csv = await openReplayFile(write('huge.csv', `id,author,text,date\n1,a,${huge},2026-11-16T10:00:00Z\n2,a,kurz,2026-11-16T10:00:01Z\n`), 'csv', { fallbackTime });
    expect(csv.errors).toEqual([{ line: 2, reason: 'text: text longer than 50000 characters' }]);
    expect(csv.count).toBe(1);
    const mention = JSON.stringify({ id: 'demo:1', source: 'demo', author: { id: 'u' }, text: huge, createdAt: '2026-01-01T00:00:00Z', thread: { rootId: 'demo:1' }, channel: 'post' });
    const json = readJsonl([JSON.stringify({ text: huge, date: '2026-01-01T00:00:00Z', user: 'k' }), mention].join('\n'));
    expect(json.errors).toEqual([
      { line: 1, reason: 'text: text longer than 50000 characters' },
      { line: 2, reason: 'text: text longer than 50000 characters' },
    ]);
  });
});
