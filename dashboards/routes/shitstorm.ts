/**
 * Shitstorm radar: per brand, post volume against what was expected and the share of negative posts over
 * time, with the detector's shitstorm alerts (and their evidence) alongside. The series comes from the
 * store's histogram. "baseline" is what the shitstorm detector expects of the brand in each hour of the week
 * (its seasonal baseline as last stored), the figure its alerts compare with; "expected" is the mean volume of
 * the preceding window (see BASELINE_BUCKETS). The trailing mean includes a storm's own hours and stays high
 * for a day after it, so the chart draws the baseline and falls back to the mean, labelled as such, only for a
 * brand the detector has learned nothing about yet.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { localHourOfWeek } from '../../classifiers/business-hours.ts';
import { BaselineState, expectedHourly, pooledDailyShape } from '../../classifiers/shitstorm-baseline.ts';
import { shitstormNamespace } from '../../classifiers/shitstorm-state.ts';
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
  /** Posts the shitstorm detector expects in this bucket (its baseline); null when it has learned none yet. */
  baseline: number | null;
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

const HOUR_MS = 3_600_000;
/** The detector's stored baseline entry (shitstorm-state.ts); only the baseline is read. */
const StoredBaseline = z.object({ baseline: BaselineState });

/** Expected posts in a bucket as the detector sees a brand: `startMs` and the bucket's length → count. */
export type DetectorExpectation = (startMs: number, stepMs: number) => number;

/**
 * What the shitstorm detector expects of each configured brand, from its durable state: the brand's baseline in
 * the brand's time zone (the detector's, see newRuntime in shitstorm-state.ts) with the daily shape pooled over
 * all brands, as the detector pools it. A brand whose baseline has seen no hour yet has none.
 */
export async function detectorExpectations(store: Store, config: AppConfig): Promise<Map<string, DetectorExpectation>> {
  const learned: Array<{ brand: string; baseline: BaselineState; timeZone: string }> = [];
  for (const b of config.brands) {
    const stored = StoredBaseline.safeParse(await store.getState(shitstormNamespace(b.id), 'baseline'));
    if (stored.success && stored.data.baseline.hoursSeen > 0) learned.push({ brand: b.id, baseline: stored.data.baseline, timeZone: b.businessHours?.timeZone ?? 'UTC' });
  }
  const shape = pooledDailyShape(learned.map((l) => l.baseline));
  const out = new Map<string, DetectorExpectation>();
  for (const { brand, baseline, timeZone } of learned) {
    const hourly = (at: number) => expectedHourly(baseline, localHourOfWeek(at, timeZone), shape);
    out.set(brand, (startMs, stepMs) => {
      if (stepMs <= HOUR_MS) return (hourly(startMs) * stepMs) / HOUR_MS;
      let sum = 0;
      for (let at = startMs; at < startMs + stepMs; at += HOUR_MS) sum += hourly(at);
      return sum;
    });
  }
  return out;
}

/** `series` includes `window` buckets of history before the first point returned. */
export function radarSeries(series: Bucket[], window: number, baseline?: (startMs: number) => number): RadarPoint[] {
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
      baseline: baseline ? Math.round(baseline(Date.parse(b.start)) * 100) / 100 : null,
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

    const expectations = await detectorExpectations(store, config);
    const radar = await Promise.all(
      brands.map(async (brand) => {
        const expectation = expectations.get(brand);
        const buckets = await store.histogram({
          brands: [brand],
          interval: p.interval,
          from: new Date(historyFromMs).toISOString(),
          to: new Date(toMs).toISOString(),
        });
        const points = radarSeries(fillBuckets(buckets, historyFromMs, toMs, step), window, expectation && ((startMs) => expectation(startMs, step)));
        const alerts = await store.alerts({ kinds: ['shitstorm'], brands: [brand], since: new Date(fromMs).toISOString(), limit: 20 });
        return {
          brand,
          name: config.brands.find((b) => b.id === brand)?.name ?? brand,
          /** Which line the chart draws as "expected": the detector's baseline, or the trailing mean. */
          expectation: expectation ? 'detector' : 'trailing',
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
