/** Pure pieces behind the dashboard: the shitstorm radar's series and the UI language negotiation. */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, negotiateLang } from '../../../dashboards/i18n.ts';
import { fillBuckets, radarSeries } from '../../../dashboards/routes/shitstorm.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-30T00:00:00Z');
const bucket = (h: number, count: number, negative = 0) => ({ start: new Date(T0 + h * HOUR).toISOString(), count, negative, complaints: negative });

describe('shitstorm radar series', () => {
  it('fills the hours the store left out with zeros', () => {
    const filled = fillBuckets([bucket(1, 3), bucket(4, 1)], T0, T0 + 6 * HOUR, HOUR);
    expect(filled.map((b) => b.count)).toEqual([0, 3, 0, 0, 1, 0]);
    expect(filled[0]!.start).toBe('2026-11-30T00:00:00.000Z');
  });

  it('expects the mean of the preceding window and flags a burst against it', () => {
    const series = [bucket(0, 2), bucket(1, 4), bucket(2, 3), bucket(3, 30, 27), bucket(4, 0)];
    const points = radarSeries(series, 3);
    expect(points.map((p) => p.start)).toEqual([bucket(3, 0).start, bucket(4, 0).start]);
    expect(points[0]).toMatchObject({ count: 30, expected: 3, negativeShare: 0.9 });
    // An empty hour has no negativity share rather than 0 %.
    expect(points[1]).toMatchObject({ count: 0, expected: 12.33, negativeShare: null });
  });
});

describe('UI language', () => {
  it.each([
    [undefined, 'de'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR, en;q=0.8, de;q=0.5', 'en'],
    ['de;q=0.2, en;q=0.9', 'en'],
    ['fr, es', 'de'],
    ['en;q=0, de;q=0.1', 'de'],
  ])('Accept-Language %s → %s', (header, lang) => {
    expect(negotiateLang(header)).toBe(lang);
  });

  it('has every message in both languages, none empty', () => {
    const keys = Object.keys(CATALOGUE.de);
    expect(Object.keys(CATALOGUE.en).sort()).toEqual([...keys].sort());
    for (const lang of ['de', 'en'] as const) {
      expect(Object.entries(CATALOGUE[lang]).filter(([, v]) => v.trim() === '')).toEqual([]);
    }
  });
});
