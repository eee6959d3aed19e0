/**
 * QA finding 5: a CSV row with an unquoted separator inside its text has more cells than the header. It was read
 * with its text cut at the separator and the rest pushed into the next columns, and counted as read ("0 rows
 * skipped"). Such a row is skipped with its line and reason; a row with fewer cells is read unless its text is missing.
 */
import { describe, expect, it } from 'vitest';
import { readCsv, readTwcs } from '../../../ingestors/replay-formats.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import { allMentions, replayFileWriter } from '../../helpers/replay-files.ts';

const write = replayFileWriter('kr-csv-cells-');
const fallbackTime = new Date('2026-01-01T00:00:00Z');

/** Both readers: streamed (rows in time order) and the whole-file one (used for files out of order). */
async function readBoth(name: string, text: string) {
  const streamed = await openReplayFile(write(name, text), 'csv', { fallbackTime });
  const whole = readCsv(text, { fallbackTime });
  return [
    { errors: streamed.errors, mentions: await allMentions(streamed) },
    { errors: whole.errors, mentions: whole.mentions },
  ];
}

const TOO_MANY = (cells: number, header: number) =>
  `${cells} cells where the header has ${header}, likely a separator inside an unquoted text: not read, as its cells cannot be placed (quote such a cell: "a, b")`;

/** Both readers skip exactly `errors` ([line, reason]) and read exactly `texts`; returns what they read. */
async function expectRead(name: string, text: string, errors: Array<[number, string]>, texts: string[]) {
  const reads = await readBoth(name, text);
  for (const read of reads) {
    expect(read.errors.map((e) => [e.line, e.reason])).toEqual(errors);
    expect(read.mentions.map((m) => m.text)).toEqual(texts);
  }
  return reads;
}

describe('csv: a row whose cells do not fit the header', () => {
  it('more cells (an unquoted comma in the text) is skipped with its line and reason, never read cut', async () => {
    const text =
      'id,date,author,text\n' +
      '1,2026-12-01 10:00,@kunde_x,"@aerolux_hilft Koffer weg, niemand meldet sich"\n' +
      '2,2026-12-01 10:05,@kunde_y,@aerolux_hilft Koffer weg, niemand meldet sich, Hotline tot\n' +
      '3,2026-12-01 10:10,@customer_z,"@aerolux_help bag lost, nobody answers"\n';
    await expectRead('comma.csv', text, [[3, TOO_MANY(6, 4)]], ['@aerolux_hilft Koffer weg, niemand meldet sich', '@aerolux_help bag lost, nobody answers']);
  });

  it('a ";" in the text of a ";" file does not become the parent id', async () => {
    const text =
      'id;Datum;Autor;Text;parent_id\n' +
      '5;01.12.2026 09:30;@kunde_d;@aerolux_hilft Sitz kaputt, Hotline nicht erreichbar.;\n' +
      '6;01.12.2026 09:45;@aerolux_hilft;@kunde_d We are sorry; the seat has been reported to maintenance.;5\n';
    const reads = await expectRead('semicolon.csv', text, [[3, TOO_MANY(6, 5)]], ['@aerolux_hilft Sitz kaputt, Hotline nicht erreichbar.']);
    for (const read of reads) expect(read.mentions.map((m) => m.thread.parentId)).toEqual([undefined]);
  });

  it('extra cells that are all empty (a trailing separator) lose nothing: the row is read', async () => {
    const text = 'id,date,author,text\n1,2026-12-01 10:00,@kunde_x,Koffer weg,,\n2,2026-12-01 10:05,@kunde_y,bag lost,\n';
    await expectRead('trailing.csv', text, [], ['Koffer weg', 'bag lost']);
  });

  it('fewer cells: missing optional columns are read as empty, a row that ends before its text is skipped', async () => {
    const text =
      'id,date,author,text,parent_id,lang\n' +
      '1,2026-12-01 10:00,@kunde_x,Koffer weg und keiner hilft\n' +
      '2,2026-12-01 10:05,@kunde_y\n' +
      '3,2026-12-01 10:10,@customer_z,my bag is lost,1\n';
    const reads = await expectRead('short.csv', text, [[3, '3 cells where the header has 6: the row ends before its text column "text"']], ['Koffer weg und keiner hilft', 'my bag is lost']);
    for (const read of reads) expect(read.mentions.map((m) => m.thread.parentId)).toEqual([undefined, 'csv:1']);
  });

  it('the twcs reader skips such a row too, with its line, and reads the rest', () => {
    const text =
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n' +
      '1,115712,True,Tue Oct 31 22:10:47 +0000 2017,"@sprintcare my phone is broken, again",2,\n' +
      '2,sprintcare,False,Tue Oct 31 22:11:45 +0000 2017,@115712 Please DM us, we will help,,1\n';
    const input = readTwcs(text);
    expect(input.mentions.map((m) => m.text)).toEqual(['@sprintcare my phone is broken, again']);
    expect(input.errors).toEqual([{ line: 3, reason: expect.stringMatching(/^8 cells where the header has 7/) }]);
  });
});
