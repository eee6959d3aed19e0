/**
 * What the brand's complaints are usually about, to see when many of them suddenly share one new topic. A
 * firestorm has a trigger (a price rise, a data leak, an advert), and its posts name it: "abzocke", "datenleck",
 * "#boykott". The brand's everyday negatives are about many things, mostly things it hears about every week
 * (delays, refunds, the app). So before volume alone is significant, a window whose negatives crowd around a term
 * the brand rarely hears in complaints is a storm taking shape (bursty-keyword detection), not chance: at a bakery
 * hearing ten posts an hour, four angry posts in half an hour are noise, four angry posts about "schimmel" are not.
 *
 * The history is a decayed count, per term, of the negative posts containing it (each author once per five-minute
 * bucket, reshares once, like the buckets' terms in shitstorm-window.ts), learned when a bucket leaves the
 * recent-hour ring (the window being tested never vouches for itself) and not during an incident (a storm's words
 * must not become next week's normal). Bounded: a fixed sketch of counters, whatever the vocabulary.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { binomialSurprise } from './shitstorm-baseline.ts';
import { fnv1a } from '../src/fnv1a.ts';

/** Memory in five-minute buckets: about a week (a weekly topic such as a Monday delivery stays known). */
const DECAY = 1 / (7 * 288);
/**
 * Counters, one per hashed term. A brand's week of real complaints holds a few thousand distinct terms (bench:detect
 * --texts real: 2,000 at a bakery); with 16,384 counters a rare term shares its counter with another about a fifth of
 * the time. A collision only makes a term look more common than it is, never rarer: the test can be weakened by a
 * crowded sketch, never fooled. (Keeping only the most frequent terms was not safe: a word heard a few times a week,
 * "service", dropped from the list and came back as "new", and raised storms in the bench.)
 */
const SLOTS = 1 << 14;
/** A decayed count below this is forgotten (a term seen once is forgotten after about three weeks). */
const FORGET_BELOW = 0.05;
/**
 * A topic needs this many posts (each author once per bucket) and at least this share of the window's negative
 * posts: two people using the same word is a coincidence, and a term in 3 of 40 negatives is not what they are about.
 */
const MIN_TOPIC_POSTS = 3;
const MIN_TOPIC_SHARE = 1 / 3;

/**
 * Snapshot (key `topics`), written at most hourly: `counts` is base64 of the deflated float32 counters; `through` the
 * start of the last bucket it has learned. Buckets retired after it are kept in the store and learned again at
 * restore (shitstorm-state.ts), so a restored detector holds exactly the history of one that ran through.
 */
export const TopicsState = z.object({
  neg: z.number().nonnegative(),
  counts: z.string(),
  through: z.number(),
  at: z.number(),
});
export type TopicsState = z.infer<typeof TopicsState>;

export interface Topics {
  /** Decayed count of negative posts learned (the denominator of every term's rate). */
  neg: number;
  /** Decayed count, per hashed term, of the negative posts containing it. */
  counts: Float32Array;
}

export const newTopics = (): Topics => ({ neg: 0, counts: new Float32Array(SLOTS) });

export function topicsToState(t: Topics, through: number, at: number): TopicsState {
  return { neg: t.neg, counts: deflateRawSync(Buffer.from(t.counts.buffer, t.counts.byteOffset, t.counts.byteLength)).toString('base64'), through, at };
}

export function topicsFromState(s: TopicsState): Topics | undefined {
  let raw: Buffer;
  try {
    raw = inflateRawSync(Buffer.from(s.counts, 'base64'));
  } catch {
    return undefined;
  }
  if (raw.byteLength !== SLOTS * 4) return undefined;
  const counts = new Float32Array(SLOTS);
  new Uint8Array(counts.buffer).set(raw);
  return { neg: s.neg, counts };
}

function slot(term: string): number {
  return (fnv1a(term) >>> 0) & (SLOTS - 1);
}

/**
 * A bucket leaving the recent-hour ring: its negative posts' terms join the history. `posts` is the number of
 * negative posts whose terms were counted (shitstorm-window.ts `termPosts`).
 */
export function learnTopics(t: Topics, terms: Readonly<Record<string, number>>, posts: number): void {
  const keep = 1 - DECAY;
  t.neg = t.neg * keep + posts;
  const c = t.counts;
  for (let i = 0; i < c.length; i++) {
    const v = c[i] ?? 0;
    if (v === 0) continue;
    const next = v * keep;
    c[i] = next < FORGET_BELOW ? 0 : next;
  }
  for (const term in terms) {
    const i = slot(term);
    c[i] = (c[i] ?? 0) + (terms[term] ?? 0);
  }
}

/** How often the brand's negative posts usually contain `term` (decayed count; shared counters only raise it). */
export function usualCount(t: Topics, term: string): number {
  return t.counts[slot(term)] ?? 0;
}

/** The term a window's negatives crowd around most surprisingly, given the brand's history. */
export interface TopicBurst {
  term: string;
  /** Negative posts in the window containing it (each author once per bucket). */
  posts: number;
  /** Negative posts in the window whose terms were counted. */
  of: number;
  /** Share of the brand's negative posts that usually contain it. */
  usualRate: number;
  /**
   * −log10 of the binomial tail of `posts` among `of` at the usual rate, less log10 of the terms in the window
   * (each was a candidate: Bonferroni over them).
   */
  surprise: number;
}

/**
 * The usual rate of a term: (count + ½) / (negatives + 1), so an unknown term at a brand with a long history is
 * rare, while a young history (few negatives learned) makes every term look common and the test stays quiet.
 */
function usualRate(t: Topics, term: string): number {
  return Math.min(1, (usualCount(t, term) + 0.5) / (t.neg + 1));
}

/** The window's strongest topic burst, if any term qualifies. */
export function topicBurst(t: Topics, windowTerms: ReadonlyMap<string, number>, posts: number): TopicBurst | undefined {
  if (posts < MIN_TOPIC_POSTS || windowTerms.size === 0) return undefined;
  const multiplicity = Math.log10(windowTerms.size);
  let best: TopicBurst | undefined;
  for (const [term, c] of windowTerms) {
    if (c < MIN_TOPIC_POSTS || c < posts * MIN_TOPIC_SHARE) continue;
    const rate = usualRate(t, term);
    const surprise = binomialSurprise(Math.min(c, posts), posts, rate) - multiplicity;
    if (!best || surprise > best.surprise) best = { term, posts: c, of: posts, usualRate: rate, surprise };
  }
  return best;
}
