/** `kundenradar replay --time-zone`: an export written in local time, replayed at the instants its posts were made. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../src/commands/replay.ts';
import { Classified } from '../../../src/model.ts';
import { replayFileWriter } from '../../helpers/replay-files.ts';

const write = replayFileWriter('kr-replay-tz-');

// A German spreadsheet in Berlin local time: one winter post (UTC+1), two summer posts (UTC+2).
const sheet = [
  'Datum;Uhrzeit;Nutzer;Beitrag',
  '15.01.2026;11:05;anna;Mein Paket von Funkwelle ist seit Tagen nicht da',
  '04.10.2026;11:05:30;ben;Funkwelle Hotline wieder nicht erreichbar',
  '04.10.2026;23:40;cem;Funkwelle hat mir zweimal abgebucht',
].join('\n') + '\n';

async function replay(file: string, timeZone?: string): Promise<{ times: string[]; lines: string[] }> {
  const lines: string[] = [];
  const mentionsOut = write(`out-${Math.random().toString(36).slice(2)}.jsonl`, '');
  await runReplay({ file, format: 'csv', discoverBrands: false, mentionsOut, progress: (l) => lines.push(l), ...(timeZone ? { timeZone } : {}) });
  const mentions = readFileSync(mentionsOut, 'utf8').trim().split('\n').map((l) => Classified.parse(JSON.parse(l)));
  return { times: mentions.map((m) => m.createdAt).sort(), lines };
}

describe('replay command: post times written without a zone', () => {
  it('reads them as Berlin local time with --time-zone Europe/Berlin, and says how many it read so', async () => {
    const file = write('berlin.csv', sheet);
    const { times, lines } = await replay(file, 'Europe/Berlin');
    expect(times).toEqual(['2026-01-15T10:05:00.000Z', '2026-10-04T09:05:30.000Z', '2026-10-04T21:40:00.000Z']);
    expect(lines).toContain(`${file}: read 3 zone-less post times as Europe/Berlin local time`);
    expect(lines.some((l) => l.includes('were read as UTC'))).toBe(false);
  }, 60_000);

  it('reads them as UTC without a zone, and names the option that reads them as local time', async () => {
    const file = write('utc.csv', sheet);
    const { times, lines } = await replay(file);
    expect(times).toEqual(['2026-01-15T11:05:00.000Z', '2026-10-04T11:05:30.000Z', '2026-10-04T23:40:00.000Z']);
    expect(lines).toContain(
      `${file}: 3 post times carry no time zone and were read as UTC; --time-zone Europe/Berlin (or the zone the export was written in) reads them as local time`,
    );
  }, 60_000);

  it('says nothing of zones for a file whose times carry theirs, and reads them as they are', async () => {
    const file = write('zoned.csv', 'id,created_at,author,text\n1,2026-10-04T11:05:00Z,anna,Funkwelle Paket fehlt\n2,2026-10-04T13:06:00+02:00,ben,Funkwelle Hotline tot\n');
    const { times, lines } = await replay(file, 'Europe/Berlin');
    expect(times).toEqual(['2026-10-04T11:05:00.000Z', '2026-10-04T11:06:00.000Z']);
    expect(lines.some((l) => /zone-less|no time zone/.test(l))).toBe(false);
  }, 60_000);

  it('refuses an unknown time zone before reading the file', async () => {
    // The file does not exist: the zone is refused first, so no error about the file is reached.
    await expect(runReplay({ file: '/nonexistent/export.csv', timeZone: 'Mars/Base', progress: () => undefined })).rejects.toThrow(
      'unknown time zone "Mars/Base": use an IANA name such as "Europe/Berlin"',
    );
  });
});
