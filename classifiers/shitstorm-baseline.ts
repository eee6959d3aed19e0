/**
 * Seasonal baseline of a brand's hourly mention volume and negative share, robust to outliers.
 *
 * Expected volume for an hour is shrunk hierarchically: hour-of-week slot → hour-of-day slot → overall
 * level × the daily shape pooled across all brands (the "global prior" a new brand starts from). Each layer
 * is an EWMA whose weight grows with the evidence behind it (k pseudo-observations of the layer above), so a
 * brand is usable after a day and fully seasonal after a few weeks. Updates are winsorised at a high
 * quantile of the negative-binomial the detector itself assumes, and hours overlapping an incident are not
 * learned at all: a shitstorm must not become next week's normal.
 */
import { z } from 'zod';

export const HOURS_PER_WEEK = 168;

/** Memory of each layer, in updates: level ~5 days of hours, hour-of-day ~1 week, hour-of-week ~4 weeks. */
const ALPHA_LEVEL = 1 / 120;
const ALPHA_DAY = 1 / 7;
const ALPHA_WEEK = 1 / 4;
/** Pseudo-observations given to the layer above when shrinking (2 = trust own slot after ~2 updates). */
const SHRINK = 2;
/** Prior negative share before the brand's own data: roughly what brand-mention corpora show (GermEval 2017 ~ 0.3). */
const PRIOR_NEG_SHARE = 0.3;
const PRIOR_NEG_WEIGHT = 2;

export const BaselineState = z.object({
  v: z.literal(1),
  hoursSeen: z.number().nonnegative(),
  level: z.number().nonnegative(),
  negLevel: z.number().nonnegative(),
  hod: z.array(z.number()).length(24),
  hodN: z.array(z.number()).length(24),
  how: z.array(z.number()).length(HOURS_PER_WEEK),
  howN: z.array(z.number()).length(HOURS_PER_WEEK),
});
export type BaselineState = z.infer<typeof BaselineState>;

export function newBaseline(): BaselineState {
  return {
    v: 1,
    hoursSeen: 0,
    level: 0,
    negLevel: 0,
    hod: new Array<number>(24).fill(0),
    hodN: new Array<number>(24).fill(0),
    how: new Array<number>(HOURS_PER_WEEK).fill(0),
    howN: new Array<number>(HOURS_PER_WEEK).fill(0),
  };
}

/** Daily shape pooled over brands: hour-of-day mean relative to each brand's level, weighted by evidence. */
export function pooledDailyShape(baselines: Iterable<BaselineState>): number[] {
  const num = new Array<number>(24).fill(0);
  const den = new Array<number>(24).fill(0);
  for (const b of baselines) {
    if (b.level <= 0) continue;
    for (let h = 0; h < 24; h++) {
      const n = b.hodN[h] ?? 0;
      if (n <= 0) continue;
      num[h] = (num[h] ?? 0) + (n * (b.hod[h] ?? 0)) / b.level;
      den[h] = (den[h] ?? 0) + n;
    }
  }
  // One pseudo-observation of "flat" keeps the shape sane while little is known.
  return num.map((v, h) => (v + 1) / ((den[h] ?? 0) + 1));
}

/** Expected mentions in the hour-of-week slot `how`. */
export function expectedHourly(b: BaselineState, how: number, shape: readonly number[]): number {
  const hod = how % 24;
  const prior = b.level * (shape[hod] ?? 1);
  const nD = b.hodN[hod] ?? 0;
  const eDay = (nD * (b.hod[hod] ?? 0) + SHRINK * prior) / (nD + SHRINK);
  const nW = b.howN[how] ?? 0;
  return (nW * (b.how[how] ?? 0) + SHRINK * eDay) / (nW + SHRINK);
}

/** Baseline negative share, pulled towards the prior while the brand is new. */
export function negativeShare(b: BaselineState): number {
  const hours = Math.min(b.hoursSeen, 1 / ALPHA_LEVEL);
  return (b.negLevel * hours + PRIOR_NEG_SHARE * PRIOR_NEG_WEIGHT) / (b.level * hours + PRIOR_NEG_WEIGHT);
}

/** Standard deviation of a count with mean `e` under the negative binomial with overdispersion `phi`. */
export function nbSd(e: number, phi: number): number {
  return Math.sqrt(e + phi * e * e);
}

/**
 * Learns one closed hour. `clipSds`: values above expected + clipSds·sd are clipped (winsorised), so a burst
 * the detector did not flag still moves the baseline only a little.
 */
export function learnHour(
  b: BaselineState,
  how: number,
  count: number,
  negatives: number,
  shape: readonly number[],
  phi: number,
  clipSds = 4,
): void {
  const expected = expectedHourly(b, how, shape);
  const cap = b.hoursSeen < 24 ? Infinity : expected + clipSds * nbSd(expected, phi) + 2;
  const c = Math.min(count, cap);
  const neg = count > 0 ? (negatives * c) / count : 0;
  b.hoursSeen += 1;
  // Until a layer has seen 1/alpha updates it keeps the plain mean (bias-corrected EWMA start).
  const aL = Math.max(ALPHA_LEVEL, 1 / b.hoursSeen);
  b.level += aL * (c - b.level);
  b.negLevel += aL * (neg - b.negLevel);
  const hod = how % 24;
  const nD = (b.hodN[hod] ?? 0) + 1;
  b.hodN[hod] = nD;
  b.hod[hod] = (b.hod[hod] ?? 0) + Math.max(ALPHA_DAY, 1 / nD) * (c - (b.hod[hod] ?? 0));
  const nW = (b.howN[how] ?? 0) + 1;
  b.howN[how] = nW;
  b.how[how] = (b.how[how] ?? 0) + Math.max(ALPHA_WEEK, 1 / nW) * (c - (b.how[how] ?? 0));
}

/** log Γ(x) for x > 0 (Lanczos, g = 7): precise to ~1e-13, enough for tail probabilities. */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0] ?? 1;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] ?? 0) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * −log10 P(X ≥ k) for X ~ negative binomial with mean `mean` and overdispersion `phi` (variance mean +
 * phi·mean²): how surprising `k` is under the baseline. Exact summation rather than a z-score because the
 * counts that matter (a dozen posts in 15 minutes at night) are small and skewed, where a normal
 * approximation overstates significance by orders of magnitude.
 */
/** −log10 P(X ≥ k) for X ~ binomial(n, p): how surprising k negatives out of n are at the usual share p. */
export function binomialSurprise(k: number, n: number, p: number): number {
  if (k <= n * p || n <= 0) return 0;
  if (p <= 0) return Infinity;
  if (p >= 1) return 0;
  const logC = (j: number) => logGamma(n + 1) - logGamma(j + 1) - logGamma(n - j + 1);
  const first = logC(k) + k * Math.log(p) + (n - k) * Math.log(1 - p);
  let term = 1;
  let sum = 1;
  for (let j = k; j < n; j++) {
    term *= ((n - j) / (j + 1)) * (p / (1 - p));
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return Math.max(0, -(first + Math.log(sum)) / Math.LN10);
}

export function nbSurprise(k: number, mean: number, phi: number): number {
  if (k <= mean) return 0;
  const r = 1 / phi;
  const q = mean / (r + mean); // probability of a "success" step in the NB(r, 1 − q) form
  const logPmf = logGamma(k + r) - logGamma(r) - logGamma(k + 1) + r * Math.log(1 - q) + k * Math.log(q);
  let term = 1;
  let sum = 1;
  for (let j = k; j < k + 100_000; j++) {
    term *= ((j + r) / (j + 1)) * q;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return Math.max(0, -(logPmf + Math.log(sum)) / Math.LN10);
}
