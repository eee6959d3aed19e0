/**
 * Deterministic stratified K-fold assignment: the same labels always give the same folds, so CV figures
 * printed by `kundenradar eval --folds` are reproducible run to run.
 */
export function stratifiedFolds(labels: readonly (string | number | boolean)[], k: number, seed = 17): number[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`folds must be an integer ≥ 2, got ${k}`);
  if (k > labels.length) throw new RangeError(`folds (${k}) exceed the number of examples (${labels.length})`);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const key = String(l);
    const list = byLabel.get(key) ?? [];
    list.push(i);
    byLabel.set(key, list);
  });
  const fold = new Array<number>(labels.length).fill(0);
  const rand = mulberry32(seed);
  let offset = 0;
  // Sorted label order keeps the assignment independent of which label happens to come first in the file.
  for (const key of [...byLabel.keys()].sort()) {
    const idx = byLabel.get(key) ?? [];
    shuffleInPlace(idx, rand);
    idx.forEach((docIndex, j) => {
      fold[docIndex] = (j + offset) % k;
    });
    offset += idx.length;
  }
  return fold;
}

/** Small, well-known seeded PRNG: deterministic across platforms because it uses 32-bit integer ops only. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = a[i] as T;
    a[i] = a[j] as T;
    a[j] = tmp;
  }
}
