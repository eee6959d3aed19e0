/**
 * The model's weights, looked up by hashed feature index without a dense 2^bits × classes array.
 *
 * Why: a dense Float32Array over 2^18 buckets × 3 classes is 3 MB, and a post's few hundred features land on
 * random buckets, so nearly every lookup was a cache miss — profiling showed inference bound by memory, not
 * arithmetic. Only a fraction of the buckets are in the model (about 68k of 262k for German), so a presence
 * bitset answers "not in the model" from cache, and for the rest a rank (a per-word prefix count, stored next
 * to the bits, plus a popcount) gives the row in a packed weight array. Values are the same Float32 weights,
 * so scores are bit-identical to the dense lookup.
 */
export class SparseWeights {
  /** Classes per row. */
  readonly k: number;
  /**
   * Per 32-bucket word: the presence bits at 2w and the rows before it at 2w + 1. Side by side so a lookup
   * touches one cache line, not one in each of two 32 KB tables.
   */
  private readonly meta: Int32Array;
  private readonly packed: Float32Array;
  /** Scratch for `accumulate`: (row offset, feature position) pairs of the features the model knows. */
  private rows = new Int32Array(2048);

  /** `index[i]` is the bucket of row i of `weights` (row-major, `k` per row); a later duplicate wins, as before. */
  constructor(bits: number, k: number, index: Int32Array, weights: Float32Array) {
    this.k = k;
    const words = (1 << bits) >>> 5;
    const meta = new Int32Array(2 * words);
    for (const f of index) meta[2 * (f >>> 5)] = (meta[2 * (f >>> 5)] as number) | (1 << (f & 31));
    let rows = 0;
    for (let w = 0; w < words; w++) {
      meta[2 * w + 1] = rows;
      rows += popcount(meta[2 * w] as number);
    }
    this.meta = meta;
    this.packed = new Float32Array(rows * k);
    index.forEach((f, i) => {
      const r = this.row(f);
      for (let c = 0; c < k; c++) this.packed[r * k + c] = weights[i * k + c] as number;
    });
  }

  /** Row of bucket `f` in the packed array, or -1 when the model has no weights for it (all zero). */
  row(f: number): number {
    const w2 = (f >>> 5) << 1;
    const word = this.meta[w2] as number;
    const bit = 1 << (f & 31);
    if ((word & bit) === 0) return -1;
    return (this.meta[w2 + 1] as number) + popcount(word & (bit - 1));
  }

  /** Weight of bucket `f` for class `c` (0 when absent, like the untouched cells of a dense array). */
  weight(f: number, c: number): number {
    const r = this.row(f);
    return r < 0 ? 0 : (this.packed[r * this.k + c] as number);
  }

  /**
   * Adds Σ weight(idx[i]) · val[i] to `s`, in feature order (the order of the float additions is kept so the
   * sums equal the dense loop's; skipped absent buckets added exactly 0 there).
   *
   * Two passes: the first resolves rows (cheap, the bitset and counts stay in L1/L2), the second only loads
   * weights and multiplies. With short iterations the CPU keeps many of those cache-missing loads in flight at
   * once instead of waiting for each behind the rank arithmetic.
   *
   * `record`: when given, `record.out[i]` receives `weight(idx[i], record.column)` for every i < n, read from the row
   * this loop loads anyway, so a caller naming the strongest features (the complaint cues) does not look them up
   * a second time.
   */
  accumulate(s: Float64Array, idx: Int32Array, val: Float32Array, n: number, record?: { column: number; out: Float32Array }): void {
    const m = this.resolveRows(idx, n);
    this.sum(s, val, m);
    if (record === undefined) return;
    // The rows were just loaded: these reads hit the cache.
    const rows = this.rows, packed = this.packed, out = record.out, column = record.column;
    out.fill(0, 0, n);
    for (let j = 0; j < m; j += 2) out[rows[j + 1] as number] = packed[(rows[j] as number) + column] as number;
  }

  /** First pass: (row offset, feature position) pairs in `rows` for the features the model knows; returns 2 × their count. */
  private resolveRows(idx: Int32Array, n: number): number {
    const k = this.k, meta = this.meta;
    if (this.rows.length < 2 * n) this.rows = new Int32Array(Math.max(2 * n, 2 * this.rows.length));
    const rows = this.rows;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const f = idx[i] as number;
      const w2 = (f >>> 5) << 1;
      const word = meta[w2] as number;
      const bit = 1 << (f & 31);
      if ((word & bit) === 0) continue;
      rows[m++] = (((meta[w2 + 1] as number) + popcount(word & (bit - 1))) * k) | 0;
      rows[m++] = i;
    }
    return m;
  }

  /** Second pass: adds the resolved rows' weights times the features' values to `s`, in feature order. */
  private sum(s: Float64Array, val: Float32Array, m: number): void {
    const k = this.k, packed = this.packed, rows = this.rows;
    if (k === 1) {
      let s0 = s[0] as number;
      for (let j = 0; j < m; j += 2) s0 += (packed[rows[j] as number] as number) * (val[rows[j + 1] as number] as number);
      s[0] = s0;
      return;
    }
    if (k === 3) {
      let s0 = s[0] as number, s1 = s[1] as number, s2 = s[2] as number;
      for (let j = 0; j < m; j += 2) {
        const base = rows[j] as number, v = val[rows[j + 1] as number] as number;
        s0 += (packed[base] as number) * v;
        s1 += (packed[base + 1] as number) * v;
        s2 += (packed[base + 2] as number) * v;
      }
      s[0] = s0;
      s[1] = s1;
      s[2] = s2;
      return;
    }
    for (let j = 0; j < m; j += 2) {
      const base = rows[j] as number, v = val[rows[j + 1] as number] as number;
      for (let c = 0; c < k; c++) s[c] = (s[c] as number) + (packed[base + c] as number) * v;
    }
  }
}

/** Set bits of a 32-bit integer (SWAR; JavaScript has no popcount intrinsic). */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
