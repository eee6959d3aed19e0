import { describe, expect, it } from 'vitest';
import { StoreQueryError } from '../../../src/store/errors.ts';
import { bucketRange, bucketStart, fillBuckets, resolvePaging } from '../../../src/store/query.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('histogram buckets', () => {
  it('align to UTC clock boundaries', () => {
    const t = Date.parse('2026-03-04T13:47:12.345Z'); // a Wednesday
    expect(iso(bucketStart(t, '5m'))).toBe('2026-03-04T13:45:00.000Z');
    expect(iso(bucketStart(t, '1h'))).toBe('2026-03-04T13:00:00.000Z');
    expect(iso(bucketStart(t, '1d'))).toBe('2026-03-04T00:00:00.000Z');
    expect(iso(bucketStart(t, '1w'))).toBe('2026-03-02T00:00:00.000Z');
  });

  it('weeks start on Monday, also for Sunday night and before 1970', () => {
    expect(iso(bucketStart(Date.parse('2026-03-08T23:59:59.999Z'), '1w'))).toBe('2026-03-02T00:00:00.000Z');
    expect(iso(bucketStart(Date.parse('2026-03-09T00:00:00Z'), '1w'))).toBe('2026-03-09T00:00:00.000Z');
    expect(iso(bucketStart(Date.parse('1969-12-31T23:00:00Z'), '1d'))).toBe('1969-12-31T00:00:00.000Z');
    expect(iso(bucketStart(Date.parse('1969-12-31T23:00:00Z'), '1w'))).toBe('1969-12-29T00:00:00.000Z');
  });

  it('range: from/to override the data; to is exclusive', () => {
    const range = bucketRange('1h', { from: '2026-03-02T08:30:00Z', to: '2026-03-02T11:00:00Z' }, undefined, undefined);
    expect(fillBuckets('1h', range, new Map()).map((b) => b.start)).toEqual([
      '2026-03-02T08:00:00.000Z',
      '2026-03-02T09:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ]);
    expect(bucketRange('1h', {}, undefined, undefined)).toBeUndefined();
    expect(bucketRange('1h', { from: '2026-03-02T08:00:00Z', to: '2026-03-02T08:00:00Z' })).toBeUndefined();
  });

  it('refuses ranges with too many buckets', () => {
    expect(() => bucketRange('5m', { from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toThrow(StoreQueryError);
  });
});

describe('paging', () => {
  it('defaults: page 0, 20 per page, relevance with text, newest without', () => {
    expect(resolvePaging({}, false)).toEqual({ page: 0, size: 20, offset: 0, sort: 'newest' });
    expect(resolvePaging({}, true).sort).toBe('relevance');
    expect(resolvePaging({ sort: 'relevance' }, false).sort).toBe('newest');
    expect(resolvePaging({ page: 3, size: 50, sort: 'oldest' }, true)).toEqual({ page: 3, size: 50, offset: 150, sort: 'oldest' });
  });

  it('refuses fractional, negative, oversized and too deep pages', () => {
    for (const q of [{ page: 1.5 }, { page: -1 }, { size: 0 }, { size: 201 }, { page: 50, size: 200 }]) {
      expect(() => resolvePaging(q, false)).toThrow(StoreQueryError);
    }
  });
});
