/**
 * The burst score: a window is a shitstorm candidate only when several independent signals agree.
 *
 * - Negative volume over expected: the excess of negative/complaint mentions (each author capped) over the
 *   baseline's expected negatives, as a negative-binomial z-score and as a ratio. Testing negatives rather
 *   than all mentions is what makes a slow ramp visible early (the extra posts of a storm are mostly
 *   negative, so negatives rise several times faster than total volume) and keeps praise spikes out.
 * - Negativity share up: the window's negative share clearly above the brand's usual share, so a launch
 *   spike that lifts everything proportionally does not qualify.
 * - Many distinct authors: a minimum of different people posting negatively (the cap already limits what
 *   one author contributes).
 * - Spread: negative posts in several threads or more than one source (one viral post alone is one thread).
 */
import { nbSd } from './shitstorm-baseline.ts';
import type { WindowStats } from './shitstorm-window.ts';

export interface BurstThresholds {
  /** Negative-binomial z of capped negatives over expected; 4.5 keeps chance exceedances around 1 in 10^5 windows. */
  minZ: number;
  /** Capped negatives at least this multiple of expected negatives. */
  minRatio: number;
  /** Absolute floor of capped negatives in the window (a handful of posts is never a storm). */
  minNegatives: number;
  /** Different authors posting negatively in the window. */
  minNegAuthors: number;
  /** Window negative share must exceed the baseline share by this much. */
  minShareLift: number;
  /** Negative posts must span this many threads, unless they come from 2+ sources. */
  minThreads: number;
  /** Overdispersion of counts (negative binomial): real mention counts vary more than Poisson. */
  phi: number;
}

export const DEFAULT_THRESHOLDS: BurstThresholds = {
  minZ: 4.5,
  minRatio: 3,
  minNegatives: 10,
  minNegAuthors: 8,
  minShareLift: 0.12,
  minThreads: 3,
  phi: 0.05,
};

export interface WindowScore {
  stats: WindowStats;
  expectedNegatives: number;
  z: number;
  ratio: number;
  share: number;
  baselineShare: number;
  passes: boolean;
  /** Which gates failed, for debugging and the bench. */
  failed: string[];
}

/** Expected negatives never drop below this per window: guards z against near-empty night slots. */
const MIN_EXPECTED_NEG = 0.5;

export function scoreWindow(stats: WindowStats, baselineShare: number, t: BurstThresholds): WindowScore {
  const expectedNegatives = Math.max(MIN_EXPECTED_NEG, stats.expected * baselineShare);
  const observed = stats.negativesCapped;
  const z = (observed - expectedNegatives) / nbSd(expectedNegatives, t.phi);
  const ratio = observed / expectedNegatives;
  const share = stats.countCapped > 0 ? observed / stats.countCapped : 0;
  const failed: string[] = [];
  if (z < t.minZ) failed.push('z');
  if (ratio < t.minRatio) failed.push('ratio');
  if (observed < t.minNegatives) failed.push('negatives');
  if (stats.negAuthors < t.minNegAuthors) failed.push('authors');
  if (share < baselineShare + t.minShareLift) failed.push('share');
  if (stats.negThreads < t.minThreads && stats.sources.length < 2) failed.push('spread');
  return { stats, expectedNegatives, z, ratio, share, baselineShare, passes: failed.length === 0, failed };
}

/** Severity from the size of the excess: relative (ratio) and absolute (extra negative posts per hour). */
export function severityFor(best: WindowScore): 'watch' | 'warning' | 'critical' {
  const excessPerHour = ((best.stats.negativesCapped - best.expectedNegatives) * 60) / best.stats.minutes;
  if (best.ratio >= 12 && excessPerHour >= 150) return 'critical';
  if (best.ratio >= 6 && excessPerHour >= 40) return 'warning';
  return 'watch';
}

/** Back to baseline: the last hour's capped negatives within ~2 sd of expected, or under 2× expected. */
export function isQuiet(hour: WindowScore): boolean {
  return hour.z < 2 || hour.ratio < 2;
}
