/**
 * Platt scaling: P(y=1 | f) = 1 / (1 + exp(A f + B)), fitted on out-of-fold decision values so the
 * probability is honest on unseen posts. Newton's method with backtracking, as in Lin, Lin & Weng (2007),
 * including their smoothed targets that keep A, B finite on separable data.
 */
export interface Platt {
  a: number;
  b: number;
}

export function fitPlatt(f: ArrayLike<number>, y: ArrayLike<boolean>): Platt {
  const n = f.length;
  let pos = 0;
  for (let i = 0; i < n; i++) if (y[i]) pos++;
  const neg = n - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = y[i] ? hi : lo;
  let a = 0;
  let b = Math.log((neg + 1) / (pos + 1));
  const sigma = 1e-12;
  let fval = objective(f, t, a, b);
  for (let iter = 0; iter < 100; iter++) {
    let h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
    for (let i = 0; i < n; i++) {
      const fa = f[i] as number;
      const z = fa * a + b;
      const p = z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
      const q = 1 - p;
      const d2 = p * q;
      h11 += fa * fa * d2;
      h22 += d2;
      h21 += fa * d2;
      const d1 = (t[i] as number) - p;
      g1 += fa * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
    const det = h11 * h22 - h21 * h21;
    const da = -(h22 * g1 - h21 * g2) / det;
    const db = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * da + g2 * db;
    let step = 1;
    while (step >= 1e-10) {
      const na = a + step * da, nb = b + step * db;
      const nf = objective(f, t, na, nb);
      if (nf < fval + 1e-4 * step * gd) {
        a = na;
        b = nb;
        fval = nf;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { a, b };
}

function objective(f: ArrayLike<number>, t: Float64Array, a: number, b: number): number {
  let v = 0;
  for (let i = 0; i < f.length; i++) {
    const z = (f[i] as number) * a + b;
    const ti = t[i] as number;
    v += z >= 0 ? ti * z + Math.log1p(Math.exp(-z)) : (ti - 1) * z + Math.log1p(Math.exp(z));
  }
  return v;
}

export function plattProbability(p: Platt, f: number): number {
  const z = f * p.a + p.b;
  return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
}
