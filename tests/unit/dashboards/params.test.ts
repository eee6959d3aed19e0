/** Query parameters as the API reads them: days in the analyst's time zone (QA analyst run, defect 3). */
import { describe, expect, it } from 'vitest';
import { BadRequestError, HistogramParams, MentionSearchParams, histogramQueryFrom, parseInput, searchQueryFrom } from '../../../dashboards/params.ts';

describe('from/to and tz', () => {
  it('a plain day starts at local midnight in tz, at UTC midnight without one; timestamps stay as given', () => {
    const berlin = searchQueryFrom(parseInput(MentionSearchParams, { from: '2026-11-01', to: '2026-11-02', tz: 'Europe/Berlin' }));
    expect([berlin.from, berlin.to]).toEqual(['2026-10-31T23:00:00.000Z', '2026-11-01T23:00:00.000Z']);
    const utc = searchQueryFrom(parseInput(MentionSearchParams, { from: '2026-11-01' }));
    expect(utc.from).toBe('2026-11-01T00:00:00.000Z');
    const stamped = searchQueryFrom(parseInput(MentionSearchParams, { from: '2026-11-01T05:00:00+01:00', tz: 'Europe/Berlin' }));
    expect(stamped.from).toBe('2026-11-01T04:00:00.000Z');
  });

  it('hands the zone to the histogram, and refuses an unknown zone or a range that ends before it starts there', () => {
    expect(histogramQueryFrom(parseInput(HistogramParams, { interval: '1d', tz: 'Europe/Berlin' })).timeZone).toBe('Europe/Berlin');
    expect(() => parseInput(HistogramParams, { tz: 'Mars/Olympus' })).toThrow(BadRequestError);
    expect(() => parseInput(HistogramParams, { tz: 'Mars/Olympus' })).toThrow(/tz: an IANA time zone such as Europe\/Berlin/);
    expect(() => parseInput(MentionSearchParams, { from: '2026-11-02', to: '2026-11-01T22:30:00Z', tz: 'Europe/Berlin' })).toThrow(/to: must be after from/);
    // 2 November in Berlin starts at 23:00 UTC the day before: 23:30 UTC is after it there, before it in UTC.
    expect(() => parseInput(MentionSearchParams, { from: '2026-11-02', to: '2026-11-01T23:30:00Z', tz: 'Europe/Berlin' })).not.toThrow();
    expect(() => parseInput(MentionSearchParams, { from: '2026-11-02', to: '2026-11-01T23:30:00Z' })).toThrow(/to: must be after from/);
  });
});
