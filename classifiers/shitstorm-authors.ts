/**
 * Who is new: storms bring outsiders, while a loud regular, a fan base cheering a launch or the usual
 * complainers are people the brand has heard from before. A fixed-size sketch remembers, per hashed author,
 * the last day they were heard from (authors enter it only when their bucket leaves the recent-hour ring, so
 * the window being tested never vouches for itself). An author is "new" when their slot holds no day within the
 * last `SEEN_DAYS` days. Collisions only ever make a new author look known: the signal can be weakened by a
 * crowded sketch, never inflated.
 *
 * The brand's usual share of negatives from new authors is learned as a slow decayed sum (not during
 * incidents), so the window test compares new-author negatives with what that brand normally gets.
 * Persisted with the baseline (base64, ~175 KB per brand); bounded whatever the number of authors.
 */
import { z } from 'zod';

/** 128 KB, one byte per slot: ~40 000 authors heard from in four weeks fill a quarter of it (collisions ~25 %). */
const SLOTS = 1 << 17;
export const SEEN_DAYS = 28;
/** Memory of the learned share, in five-minute buckets (~3 days). */
const DECAY = 1 / (3 * 288);
/** Prior: half of a brand's negatives come from authors it has not heard from in four weeks. */
const PRIOR_SHARE = 0.5;
const PRIOR_WEIGHT = 20;

export const AuthorsState = z.object({
  /** Base64 of the byte sketch: (day index mod 255) + 1 of the last post per slot, 0 = never. */
  seen: z.string(),
  /** Decayed sums of capped negatives, and of those from new authors, over learned buckets. */
  neg: z.number().nonnegative(),
  newNeg: z.number().nonnegative(),
});
export type AuthorsState = z.infer<typeof AuthorsState>;

export interface Authors {
  seen: Uint8Array;
  neg: number;
  newNeg: number;
}

export const newAuthors = (): Authors => ({ seen: new Uint8Array(SLOTS), neg: 0, newNeg: 0 });

export function authorsToState(a: Authors): AuthorsState {
  return { seen: Buffer.from(a.seen.buffer, a.seen.byteOffset, a.seen.byteLength).toString('base64'), neg: a.neg, newNeg: a.newNeg };
}

export function authorsFromState(s: AuthorsState): Authors | undefined {
  const buf = Buffer.from(s.seen, 'base64');
  if (buf.byteLength !== SLOTS) return undefined;
  return { seen: new Uint8Array(buf), neg: s.neg, newNeg: s.newNeg };
}

function slot(author: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < author.length; i++) {
    h ^= author.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (SLOTS - 1);
}

const dayCode = (at: number) => (Math.floor(at / 86_400_000) % 255) + 1;

/** True when `author` was not heard from in the `SEEN_DAYS` days before `at`. */
export function isNewAuthor(a: Authors, author: string, at: number): boolean {
  const v = a.seen[slot(author)] ?? 0;
  if (v === 0) return true;
  const age = (dayCode(at) - v + 255) % 255;
  return age > SEEN_DAYS;
}

/**
 * A bucket leaving the recent-hour ring: learn the share of its (capped) negatives that came from new
 * authors, unless `learn` is false (an incident), then remember all its authors.
 */
export function retireBucket(a: Authors, authors: Readonly<Record<string, number>>, negAuthors: Readonly<Record<string, number>>, at: number, cap: number, learn: boolean): void {
  if (learn) {
    let neg = 0;
    let fresh = 0;
    for (const author in negAuthors) {
      const c = Math.min(negAuthors[author] ?? 0, cap);
      neg += c;
      if (isNewAuthor(a, author, at)) fresh += c;
    }
    a.neg = a.neg * (1 - DECAY) + neg;
    a.newNeg = a.newNeg * (1 - DECAY) + fresh;
  }
  const code = dayCode(at);
  for (const author in authors) a.seen[slot(author)] = code;
}

/** The brand's usual share of negatives from new authors, pulled towards the prior while little is known. */
export function newShare(a: Authors): number {
  return (a.newNeg + PRIOR_SHARE * PRIOR_WEIGHT) / (a.neg + PRIOR_WEIGHT);
}
