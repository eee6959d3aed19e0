/**
 * When a storm began, inside the window that raised it. The window with the most surprising excess often reaches
 * back before the storm (a 25-minute window opened by ten minutes of ramp holds fifteen of ordinary traffic), and an
 * analyst reading its start as the onset looks for a trigger in the wrong place. The onset is the bucket where the
 * negative count changes rate: the split of the window's buckets into a calm and a busy part with the largest
 * Poisson likelihood ratio, when the busy part runs at least twice the calm one's rate and the split is clear.
 */

/** Likelihood ratio (natural log) a split must reach: about p < 0.05 for one change point. */
const MIN_LOG_RATIO = 2;
/** The busy part's rate over the calm part's, at least. */
const MIN_RATE_RATIO = 2;

const xlogy = (x: number, y: number): number => (x === 0 ? 0 : x * Math.log(y));

/** Start of the bucket where the negatives change rate, or the first bucket's start when there is no clear change. */
export function onsetWithin(buckets: ReadonlyArray<{ start: number; negatives: number }>): number | undefined {
  const first = buckets[0];
  if (first === undefined) return undefined;
  const n = buckets.length;
  const total = buckets.reduce((s, b) => s + b.negatives, 0);
  const whole = xlogy(total, total / n);
  let best = { at: first.start, logRatio: MIN_LOG_RATIO };
  let before = 0;
  for (let k = 1; k < n; k++) {
    before += (buckets[k - 1] as { negatives: number }).negatives;
    const after = total - before;
    const calm = before / k;
    const busy = after / (n - k);
    if (busy < MIN_RATE_RATIO * calm) continue;
    const logRatio = xlogy(before, calm) + xlogy(after, busy) - whole;
    if (logRatio > best.logRatio) best = { at: (buckets[k] as { start: number }).start, logRatio };
  }
  return best.at;
}
