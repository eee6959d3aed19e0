import { afterEach, describe, expect, it } from 'vitest';
import { DayMonthVote, joinDateTime, parseExportDate, slashDateOrder } from '../../../ingestors/replay-dates.ts';

const iso = (value: string, order?: 'day-first' | 'month-first') => {
  const parsed = parseExportDate(value, order);
  return 'iso' in parsed ? parsed.iso : parsed.reason;
};

describe('timestamps as exports write them', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('reads IFTTT and spreadsheet layouts: a leading weekday, "at"/"um" before the time, "Uhr" after it', () => {
    expect(iso('April 10, 2017 at 02:03PM')).toBe('2017-04-10T14:03:00.000Z'); // IFTTT → Google Sheets
    expect(iso('Friday, April 14, 2017 at 9:05 AM')).toBe('2017-04-14T09:05:00.000Z');
    expect(iso('Montag, 10.04.2017 um 14:03 Uhr')).toBe('2017-04-10T14:03:00.000Z');
    expect(iso('10.04.2017 14:03 Uhr')).toBe('2017-04-10T14:03:00.000Z');
    expect(iso('Mo, 10. Apr. 2017 14:03')).toBe('2017-04-10T14:03:00.000Z');
    expect(iso('Mon Apr 10 14:03:12 +0000 2017')).toBe('2017-04-10T14:03:12.000Z'); // v1.1 created_at, as before
    expect(iso('Montag 14:03')).toMatch(/^unreadable date/);
  });

  it('reads the layouts of listening tools, German locales and the X APIs', () => {
    expect(iso('2026-10-04 11:05:00')).toBe('2026-10-04T11:05:00.000Z');
    expect(iso('2026-10-04 11:05:00.0')).toBe('2026-10-04T11:05:00.000Z'); // Brandwatch
    expect(iso('2026-10-04T11:05:00.000+0000')).toBe('2026-10-04T11:05:00.000Z'); // Talkwalker
    expect(iso('2026-10-04T13:05:00+02:00')).toBe('2026-10-04T11:05:00.000Z');
    expect(iso('04.10.2026 11:05')).toBe('2026-10-04T11:05:00.000Z');
    expect(iso('04.10.2026 11:05:33')).toBe('2026-10-04T11:05:33.000Z');
    expect(iso('4.10.2026')).toBe('2026-10-04T00:00:00.000Z');
    expect(iso('04-Oct-2026 11:05AM')).toBe('2026-10-04T11:05:00.000Z'); // Meltwater
    expect(iso('Oct 4, 2026 11:05 PM')).toBe('2026-10-04T23:05:00.000Z');
    expect(iso('4. Okt. 2026 11:05')).toBe('2026-10-04T11:05:00.000Z');
    expect(iso('Wed Oct 10 20:19:24 +0000 2018')).toBe('2018-10-10T20:19:24.000Z'); // API v1.1
    expect(iso('Wed, 10 Oct 2018 20:19:24 GMT')).toBe('2018-10-10T20:19:24.000Z');
    expect(iso('1539202764')).toBe('2018-10-10T20:19:24.000Z');
    expect(iso('1539202764000')).toBe('2018-10-10T20:19:24.000Z');
  });

  it('takes a timestamp without a zone as UTC, whatever zone the machine runs in', () => {
    process.env.TZ = 'Europe/Berlin';
    // Date.parse would read it in the machine's zone: this test means something only if it does.
    expect(new Date(Date.parse('2026-10-04T11:05:00')).toISOString()).toBe('2026-10-04T09:05:00.000Z');
    expect(iso('2026-10-04T11:05:00')).toBe('2026-10-04T11:05:00.000Z');
    expect(iso('04.10.2026 11:05')).toBe('2026-10-04T11:05:00.000Z');
  });

  it('refuses what is not a date, or a day that does not exist', () => {
    expect(iso('gestern Abend')).toBe('unreadable date "gestern Abend"');
    expect(iso('31.04.2026 10:00')).toBe('unreadable date "31.04.2026 10:00"');
    expect(iso('2026-10-04 25:00')).toBe('unreadable date "2026-10-04 25:00"');
    expect(iso('13/13/2026')).toBe('unreadable date "13/13/2026"');
    expect(iso('2026')).toBe('unreadable date "2026"');
  });

  it('reads a slash date one way when its numbers allow only one, and refuses 10/04/2026 unless the file settles it', () => {
    expect(iso('13/10/2026 11:05')).toBe('2026-10-13T11:05:00.000Z');
    expect(iso('10/13/2026 11:05')).toBe('2026-10-13T11:05:00.000Z');
    expect(iso('04/04/2026')).toBe('2026-04-04T00:00:00.000Z');
    expect(iso('10/04/2026 11:05')).toMatch(/^ambiguous date "10\/04\/2026 11:05": 10\/4 can be day\/month or month\/day.*YYYY-MM-DD/);
    expect(iso('10/04/2026 11:05', 'day-first')).toBe('2026-04-10T11:05:00.000Z');
    expect(iso('10/04/2026 11:05', 'month-first')).toBe('2026-10-04T11:05:00.000Z');
    expect(slashDateOrder('31/12/2026')).toBe('day-first');
    expect(slashDateOrder('12/31/2026')).toBe('month-first');
    expect(slashDateOrder('10/04/2026')).toBeUndefined();
  });

  it('lets a file settle its slash dates only when its unambiguous ones agree', () => {
    const vote = (...values: string[]) => {
      const v = new DayMonthVote();
      for (const value of values) v.see(value);
      return v;
    };
    expect(vote('10/04/2026', '13/04/2026').order).toBe('day-first');
    expect(vote('10/04/2026', '10/13/2026').order).toBe('month-first');
    expect(vote('10/04/2026', '11/04/2026').order).toBeUndefined();
    expect(vote('13/04/2026', '04/13/2026').order).toBeUndefined();
    expect(vote('10/04/2026', '2026-10-04', '04/04/2026').ambiguous).toBe(1);
  });

  it('joins a separate date and time column (Meltwater), keeping a date that has its own time', () => {
    expect(joinDateTime('04.10.2026', '11:05')).toBe('04.10.2026 11:05');
    expect(iso(joinDateTime('04-Oct-2026', '11:05 AM')!)).toBe('2026-10-04T11:05:00.000Z');
    expect(joinDateTime('2026-10-04 11:05:00', '11:05')).toBe('2026-10-04 11:05:00');
    expect(joinDateTime('04.10.2026', undefined)).toBe('04.10.2026');
  });
});
