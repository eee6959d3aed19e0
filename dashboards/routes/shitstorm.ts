/**
 * Shitstorm radar: per brand, post volume against what was expected and the share of negative posts over
 * time, with the detector's shitstorm alerts (and their evidence) alongside. The series comes from the
 * store's histogram; "expected" is the mean volume of the preceding window (see BASELINE_BUCKETS), which an
 * analyst can verify by eye on the same chart.
 */
import express, { type Router } from 'express';
import type { AppConfig } from '../../src/config.ts';
import type { Bucket, Store } from '../../src/store/port.ts';
import { BadRequestError, ShitstormParams, parseQuery } from '../params.ts';
import { dataClock } from './clock.ts';

type Interval = '5m' | '1h' | '1d';
const INTERVAL_MS: Record<Interval, number> = { '5m': 5 * 60_000, '1h': 3_600_000, '1d': 86_400_000 };
/** Default range shown per interval: half a day of 5-minute buckets, a week of hours, a quarter of days. */
const DEFAULT_RANGE_BUCKETS: Record<Interval, number> = { '5m': 144, '1h': 168, '1d': 90 };
/** Baseline window: the previous hour (5m), day (1h) or week (1d). A day of hours smooths out lunch-time dips. */
export const BASELINE_BUCKETS: Record<Interval, number> = { '5m': 12, '1h': 24, '1d': 7 };
/** Brands drawn when none are configured or asked for: the busiest ones. */
const MAX_BRANDS = 12;

export interface RadarPoint {
  start: string;
  count: number;
  negative: number;
  complaints: number;
  /** Mean count of the BASELINE_BUCKETS buckets before this one. */
  expected: number;
  /** negative / count; null for an empty bucket (no posts is not "0 % negative"). */
  negativeShare: number | null;
}

/** Fills the gaps the store leaves (it only returns buckets between its first and last match). */
export function fillBuckets(buckets: Bucket[], fromMs: number, toMs: number, stepMs: number): Bucket[] {
  const byStart = new Map(buckets.map((b) => [Date.parse(b.start), b]));
  const out: Bucket[] = [];
  for (let t = Math.floor(fromMs / stepMs) * stepMs; t < toMs; t += stepMs) {
    out.push(byStart.get(t) ?? { start: new Date(t).toISOString(), count: 0, complaints: 0, negative: 0 });
  }
  return out;
}

/** `series` includes `window` buckets of history before the first point returned. */
export function radarSeries(series: Bucket[], window: number): RadarPoint[] {
  const points: RadarPoint[] = [];
  for (let i = window; i < series.length; i++) {
    const b = series[i]!;
    const prior = series.slice(i - window, i);
    const expected = prior.reduce((sum, p) => sum + p.count, 0) / window;
    points.push({
      start: b.start,
      count: b.count,
      negative: b.negative,
      complaints: b.complaints,
      expected: Math.round(expected * 100) / 100,
      negativeShare: b.count > 0 ? Math.round((b.negative / b.count) * 1000) / 1000 : null,
    });
  }
  return points;
}

export function shitstormRouter(store: Store, config: AppConfig, now: () => Date): Router {
  const router = express.Router();
  const clock = dataClock(store, config, now);

  router.get('/shitstorm', async (req, res) => {
    const p = parseQuery(ShitstormParams, req);
    const step = INTERVAL_MS[p.interval];
    const window = BASELINE_BUCKETS[p.interval];
    const toMs = p.to ? Date.parse(p.to) : (Math.floor((await clock()).getTime() / step) + 1) * step;
    const fromMs = p.from ? Date.parse(p.from) : toMs - DEFAULT_RANGE_BUCKETS[p.interval] * step;
    // The schema rejects from ≥ to when both are given; a lone `from` can still lie past the default end.
    if (fromMs >= toMs) {
      throw new BadRequestError('invalid query parameters', [`from: must be before to (to defaults to the end of the current interval, ${new Date(toMs).toISOString()})`]);
    }
    if ((toMs - fromMs) / step > 2000) {
      throw new BadRequestError('invalid query parameters', ['from: range too long for this interval (at most 2000 buckets)']);
    }
    const historyFromMs = Math.floor(fromMs / step) * step - window * step;

    let brands = p.brand ?? config.brands.map((b) => b.id);
    if (brands.length === 0) {
      const page = await store.search({ size: 1, facets: ['brands'] });
      brands = (page.facets.brands ?? []).slice(0, MAX_BRANDS).map((f) => f.value);
    }

    const radar = await Promise.all(
      brands.map(async (brand) => {
        const buckets = await store.histogram({
          brands: [brand],
          interval: p.interval,
          from: new Date(historyFromMs).toISOString(),
          to: new Date(toMs).toISOString(),
        });
        const points = radarSeries(fillBuckets(buckets, historyFromMs, toMs, step), window);
        const alerts = await store.alerts({ kinds: ['shitstorm'], brands: [brand], since: new Date(fromMs).toISOString(), limit: 20 });
        return {
          brand,
          name: config.brands.find((b) => b.id === brand)?.name ?? brand,
          total: points.reduce((s, x) => s + x.count, 0),
          negative: points.reduce((s, x) => s + x.negative, 0),
          points,
          alerts: alerts.map((a) => ({
            id: a.id,
            status: a.status,
            severity: a.severity,
            title: a.title,
            openedAt: a.openedAt,
            updatedAt: a.updatedAt,
            evidence: a.evidence,
          })),
        };
      }),
    );
    res.json({
      interval: p.interval,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      baselineBuckets: window,
      brands: radar,
    });
  });
  return router;
}
