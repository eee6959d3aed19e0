/**
 * Date histogram on Elasticsearch with the embedded store's bucket rules (query.ts): UTC-aligned, weeks from
 * Monday, empty buckets included, from/to widening the range (extended_bounds) when given.
 */
import type { estypes } from '@elastic/elasticsearch';
import { z } from 'zod';
import type { Bucket, HistogramQuery } from './port.ts';
import { bucketRange, bucketStart, type BucketCounts, dataBounds, fillBuckets, intervalMs, parseInstant } from './query.ts';

export function histogramAggregation(query: HistogramQuery): estypes.AggregationsAggregationContainer {
  intervalMs(query.interval); // validates the interval before Elasticsearch sees it
  // Both bounds known: refuse an oversized range here, before Elasticsearch builds the buckets.
  if (query.from !== undefined && query.to !== undefined) bucketRange(query.interval, query);
  const extended: { min?: number; max?: number } = {};
  const tz = query.timeZone ?? 'UTC';
  const local = tz !== 'UTC' && (query.interval === '1d' || query.interval === '1w');
  if (query.from !== undefined) extended.min = bucketStart(parseInstant(query.from, 'from'), query.interval, tz);
  if (query.to !== undefined) extended.max = bucketStart(parseInstant(query.to, 'to') - 1, query.interval, tz);
  return {
    date_histogram: {
      field: 'createdAt',
      // Calendar weeks start on Monday; fixed intervals are aligned to the epoch, which is right for the rest. Local
      // days are calendar days in the zone (23 or 25 hours across a DST switch), as query.ts bucketStart.
      ...(query.interval === '1w' ? { calendar_interval: '1w' as const } : local ? { calendar_interval: '1d' as const } : { fixed_interval: query.interval }),
      time_zone: local ? tz : 'UTC',
      min_doc_count: 0,
      ...(extended.min !== undefined && extended.max !== undefined && extended.max >= extended.min ? { extended_bounds: extended } : {}),
    },
    aggs: {
      complaints: { filter: { term: { 'complaint.isComplaint': true } } },
      negative: { filter: { term: { 'sentiment.label': 'negative' } } },
    },
  };
}

const Count = z.object({ doc_count: z.number() });
/** The part of Elasticsearch's date_histogram answer we read; checked rather than trusted. */
const HistogramAggregate = z.object({
  buckets: z.array(Count.extend({ key: z.number(), complaints: Count, negative: Count })),
});

/** Turns the aggregation (absent when nothing can match or no index exists yet) into the full bucket list. */
export function histogramBuckets(query: HistogramQuery, aggregate: unknown): Bucket[] {
  const found = new Map<number, BucketCounts>();
  const buckets = aggregate === undefined ? [] : HistogramAggregate.parse(aggregate).buckets;
  for (const b of buckets) {
    if (b.doc_count === 0) continue;
    found.set(b.key, { count: b.doc_count, complaints: b.complaints.doc_count, negative: b.negative.doc_count });
  }
  const range = bucketRange(query.interval, query, ...dataBounds(found.keys()));
  return fillBuckets(query.interval, range, found, query.timeZone);
}
