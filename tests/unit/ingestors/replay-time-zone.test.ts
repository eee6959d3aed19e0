/** Timestamps written without a zone, read as local time of the zone the export was written in (`--time-zone`). */
import { describe, expect, it } from 'vitest';
import { joinDateTime, parseExportDate } from '../../../ingestors/replay-dates.ts';
import { readCsv } from '../../../ingestors/replay-formats.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import { zonedTimeToFirstInstant } from '../../../src/time-zone.ts';
import { allMentions, replayFileWriter } from '../../helpers/replay-files.ts';
import { replayIngestorFactory } from '../../../ingestors/replay.ts';
import { SourceConfig } from '../../../src/config.ts';
import { collector, makeContext } from './helpers.ts';

const write = replayFileWriter('kr-time-zone-');
const BERLIN = 'Europe/Berlin';

const iso = (value: string, timeZone?: string) => {
  const parsed = parseExportDate(value, undefined, timeZone);
  return 'iso' in parsed ? parsed.iso : parsed.reason;
};

describe('a timestamp without a zone, read in a named time zone', () => {
  it('reads German dotted dates as Berlin local time: +1 h in winter, +2 h in summer', () => {
    expect(iso('15.01.2026 11:05', BERLIN)).toBe('2026-01-15T10:05:00.000Z');
    expect(iso('04.10.2026 11:05', BERLIN)).toBe('2026-10-04T09:05:00.000Z');
    expect(iso('04.10.2026 11:05:33', BERLIN)).toBe('2026-10-04T09:05:33.000Z');
    expect(iso('Sonntag, 04.10.2026 um 11:05 Uhr', BERLIN)).toBe('2026-10-04T09:05:00.000Z');
  });

  it('reads ISO without a zone as Berlin local time, seconds and milliseconds kept', () => {
    expect(iso('2026-01-15 11:05:00', BERLIN)).toBe('2026-01-15T10:05:00.000Z');
    expect(iso('2026-10-04 11:05:00.0', BERLIN)).toBe('2026-10-04T09:05:00.000Z'); // Brandwatch
    expect(iso('2026-10-04T11:05:07.250', BERLIN)).toBe('2026-10-04T09:05:07.250Z');
    expect(iso('04-Oct-2026 11:05PM', BERLIN)).toBe('2026-10-04T21:05:00.000Z'); // Meltwater
  });

  it('reads a split Datum and Uhrzeit as one Berlin local time', () => {
    expect(iso(joinDateTime('15.01.2026', '08:30')!, BERLIN)).toBe('2026-01-15T07:30:00.000Z');
    expect(iso(joinDateTime('04.10.2026', '08:30')!, BERLIN)).toBe('2026-10-04T06:30:00.000Z');
  });

  it('leaves values with Z, an offset, a zone name or an epoch as they are', () => {
    for (const value of ['2026-10-04T11:05:00Z', '2026-10-04T13:05:00+02:00', '2026-10-04T11:05:00.000+0000', '04.10.2026 11:05 UTC', '2026-10-04 11:05 GMT']) {
      expect(iso(value, BERLIN)).toBe('2026-10-04T11:05:00.000Z');
    }
    expect(iso('Wed Oct 10 20:19:24 +0000 2018', BERLIN)).toBe('2018-10-10T20:19:24.000Z');
    expect(iso('1539202764', BERLIN)).toBe('2018-10-10T20:19:24.000Z');
    expect(iso('1539202764000', BERLIN)).toBe('2018-10-10T20:19:24.000Z');
  });

  it('keeps a date without a time of day at midnight UTC: a day, not a time', () => {
    expect(iso('04.10.2026', BERLIN)).toBe('2026-10-04T00:00:00.000Z');
    expect(parseExportDate('2026-10-04', undefined, BERLIN)).toEqual({ iso: '2026-10-04T00:00:00.000Z' });
  });

  it('reads as UTC without a zone, as before', () => {
    expect(iso('04.10.2026 11:05')).toBe('2026-10-04T11:05:00.000Z');
    expect(iso('2026-01-15 11:05:00')).toBe('2026-01-15T11:05:00.000Z');
    expect(iso(joinDateTime('04.10.2026', '08:30')!)).toBe('2026-10-04T08:30:00.000Z');
  });

  it('marks a time written without a zone as zoneless, read as UTC or in the zone, and nothing else', () => {
    expect(parseExportDate('04.10.2026 11:05')).toEqual({ iso: '2026-10-04T11:05:00.000Z', zoneless: true });
    expect(parseExportDate('04.10.2026 11:05', undefined, BERLIN)).toEqual({ iso: '2026-10-04T09:05:00.000Z', zoneless: true });
    expect(parseExportDate('2026-10-04T11:05:00Z', undefined, BERLIN)).toEqual({ iso: '2026-10-04T11:05:00.000Z' });
    expect(parseExportDate('2026-10-04T11:05:00+00:00')).toEqual({ iso: '2026-10-04T11:05:00.000Z' });
    expect(parseExportDate('1539202764', undefined, BERLIN)).toEqual({ iso: '2018-10-10T20:19:24.000Z' });
  });

  it('maps a time in the spring-forward gap one offset later, and an hour repeated in autumn to its first occurrence, in any zone', () => {
    // 29 March 2026, Berlin: 02:00 CET becomes 03:00 CEST; 02:30 was shown by no clock.
    expect(iso('29.03.2026 02:30', BERLIN)).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026, Berlin: 03:00 CEST becomes 02:00 CET; 02:30 happens twice, first at 00:30Z.
    expect(iso('25.10.2026 02:30', BERLIN)).toBe('2026-10-25T00:30:00.000Z');
    expect(iso('25.10.2026 01:59', BERLIN)).toBe('2026-10-24T23:59:00.000Z');
    expect(iso('25.10.2026 03:00', BERLIN)).toBe('2026-10-25T02:00:00.000Z');
    // 1 November 2026, New York: 01:30 happens twice, first at 05:30Z (EDT), as in Berlin the first is kept.
    expect(iso('2026-11-01 01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(zonedTimeToFirstInstant(2026, 11, 1, 90, 'America/New_York')).toBe(Date.parse('2026-11-01T05:30:00Z'));
    expect(zonedTimeToFirstInstant(2026, 10, 25, 150, BERLIN)).toBe(Date.parse('2026-10-25T00:30:00Z'));
  });
});

describe('replay readers with a time zone', () => {
  const germanSheet = ['Datum;Uhrzeit;Nutzer;Beitrag', '15.01.2026;11:05;anna;Paket seit Tagen nicht da', '04.10.2026;11:05;ben;Hotline wieder nicht erreichbar'].join('\n') + '\n';

  it('reads a German spreadsheet with Datum and Uhrzeit columns as Berlin local time, whole and streamed', async () => {
    const whole = readCsv(germanSheet, { timeZone: BERLIN });
    expect(whole.mentions.map((m) => m.createdAt)).toEqual(['2026-01-15T10:05:00.000Z', '2026-10-04T09:05:00.000Z']);
    const source = await openReplayFile(write('sheet.csv', germanSheet), 'csv', { timeZone: BERLIN });
    expect(source.mode).toBe('streamed');
    expect(source.zonelessTimes).toBe(2);
    expect((await allMentions(source)).map((m) => m.createdAt)).toEqual(['2026-01-15T10:05:00.000Z', '2026-10-04T09:05:00.000Z']);
  });

  it('counts the zone-less times without a zone too, read as UTC, and none in a file whose times carry theirs', async () => {
    const source = await openReplayFile(write('sheet-utc.csv', germanSheet), 'csv');
    expect(source.zonelessTimes).toBe(2);
    expect((await allMentions(source)).map((m) => m.createdAt)).toEqual(['2026-01-15T11:05:00.000Z', '2026-10-04T11:05:00.000Z']);
    const zoned = write('zoned.csv', 'id,created_at,author,text\n1,2026-10-04T11:05:00Z,anna,Paket fehlt\n2,2026-10-04T11:06:00+02:00,ben,Hotline tot\n');
    const zonedSource = await openReplayFile(zoned, 'csv', { timeZone: BERLIN });
    expect(zonedSource.zonelessTimes).toBeUndefined();
    expect((await allMentions(zonedSource)).map((m) => m.createdAt)).toEqual(['2026-10-04T09:06:00.000Z', '2026-10-04T11:05:00.000Z']);
  });

  it('keeps the zone when a csv out of event-time order is read whole after all', async () => {
    const file = write('unsorted.csv', 'id,date,author,text\n1,04.10.2026 11:05,anna,Paket fehlt\n2,15.01.2026 11:05,ben,Hotline tot\n');
    const source = await openReplayFile(file, 'csv', { timeZone: BERLIN });
    expect(source.mode).toBe('in-memory');
    expect(source.zonelessTimes).toBe(2);
    expect((await allMentions(source)).map((m) => m.createdAt)).toEqual(['2026-01-15T10:05:00.000Z', '2026-10-04T09:05:00.000Z']);
  });

  it('reads JSON records with a time without a zone in the zone, and counts them', async () => {
    const lines = [
      { id: '1', message: 'Paket fehlt', created_time: '2026-10-04 11:05:00', from: { name: 'Anna' } },
      { id: '2', message: 'Hotline tot', created_time: '2026-10-04T11:06:00+0000', from: { name: 'Ben' } },
    ];
    const source = await openReplayFile(write('records.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n'), 'jsonl', { timeZone: BERLIN });
    expect(source.zonelessTimes).toBe(1);
    expect((await allMentions(source)).map((m) => m.createdAt)).toEqual(['2026-10-04T09:05:00.000Z', '2026-10-04T11:06:00.000Z']);
  });
});

describe('the replay source of a config: timeZone', () => {
  const csv = 'Datum;Uhrzeit;Autor;Beitrag\n15.01.2026;08:30;kunde1;Paket seit einer Woche nicht da\n';

  it('reads the file\'s zone-less times as local time of the zone named in the source', async () => {
    const file = write('source.csv', csv);
    const t = makeContext();
    const out = collector();
    const source = SourceConfig.parse({ type: 'replay', name: 'export', path: file, timeZone: BERLIN, once: false });
    await replayIngestorFactory.create(source, { ...t.context, willRun: true }).run(out.emit, new AbortController().signal);
    expect(out.mentions.map((m) => m.createdAt)).toEqual(['2026-01-15T07:30:00.000Z']);
  });

  it('quarantines posts a running service cannot be given: dated in years to come or before 1990 (QA round 6)', async () => {
    const file = write('far.csv', 'id,date,author,text\n1,2026-01-15 08:30,kunde1,Paket seit einer Woche nicht da\n2,2099-01-15 08:30,kunde2,Paket aus der Zukunft\n3,1971-01-15 08:30,kunde3,Paket von früher\n');
    const t = makeContext();
    const out = collector();
    const source = SourceConfig.parse({ type: 'replay', name: 'export', path: file, once: false });
    await replayIngestorFactory.create(source, { ...t.context, willRun: true }).run(out.emit, new AbortController().signal);
    expect(out.ids()).toEqual(['csv:1']);
    // In event-time order, as the file is fed.
    expect(t.quarantined.map((q) => q.reason)).toEqual([
      'far.csv: csv:3: createdAt: 1971-01-15T08:30:00.000Z is before 1990, most likely a misread date',
      'far.csv: csv:2: createdAt: 2099-01-15T08:30:00.000Z lies more than a day in the future',
    ]);
  });

  it('parks a refused row with the text of its line, so the quarantine shows what was refused (QA round 6)', async () => {
    const file = write('bad.jsonl', '{"id":"1","author":"kunde1","text":"Paket fehlt","created_at":"2026-01-15T08:30:00Z"}\n{"id":"2","author":"kunde2","text":"kaputt"\n');
    const t = makeContext();
    const out = collector();
    const source = SourceConfig.parse({ type: 'replay', name: 'export', path: file, once: false });
    await replayIngestorFactory.create(source, { ...t.context, willRun: true }).run(out.emit, new AbortController().signal);
    expect(out.mentions).toHaveLength(1);
    expect(t.quarantined).toEqual([{ source: 'export', reason: expect.stringMatching(/^bad\.jsonl:2: /), raw: { file, line: 2, lineText: '{"id":"2","author":"kunde2","text":"kaputt"' } }]);
  });

  it('refuses an unknown zone when the config is read', () => {
    const source = SourceConfig.parse({ type: 'replay', name: 'export', path: write('other.csv', csv), timeZone: 'Mars/Base' });
    expect(() => replayIngestorFactory.create(source, makeContext().context)).toThrow(/timeZone: unknown time zone/);
  });
});
