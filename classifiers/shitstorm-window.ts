/**
 * Five-minute buckets of a brand's mentions and their aggregation over sliding windows (15, 30, 60 min).
 * A bucket keeps what the burst score needs and what analysts see: counts, negatives, per-author counts (so
 * one loud author can be capped), sources, threads, reshares, frequent terms and a few example posts.
 * Every collection is capped so a storm of tens of thousands of posts keeps memory bounded.
 */
import { z } from 'zod';
import type { Classified } from '../src/model.ts';
import { addExample, Example } from './shitstorm-examples.ts';
import type { TopicBurst } from './shitstorm-topics.ts';

export const BUCKET_MS = 5 * 60_000;
/** Buckets in an hour: the ring of closed buckets every window is cut from. */
export const HOUR_BUCKETS = 12;
const MAX_AUTHORS = 5000;
const MAX_TERMS = 200;
const MAX_IDS = 10;

export const Bucket = z.object({
  start: z.number(),
  /** Expected mentions in this bucket, fixed when the bucket opens (the baseline moves only hourly). */
  expected: z.number(),
  count: z.number(),
  negatives: z.number(),
  shares: z.number(),
  /** Posts that reshare another ("RT @author: …", "RT: …"); absent in state written before it was counted. */
  reshares: z.number().default(0),
  authors: z.record(z.string(), z.number()),
  negAuthors: z.record(z.string(), z.number()),
  /** Authors beyond the cap: each counted as a new distinct author (only happens in a real flood). */
  authorOverflow: z.number(),
  /** Sizes of the maps above (Object.keys on every post would be quadratic in a flood). */
  sizes: z.object({ authors: z.number(), negAuthors: z.number(), terms: z.number(), negThreads: z.number() }),
  sources: z.array(z.string()),
  /** Negative posts per thread root, to tell one viral post from a storm spreading across threads. */
  negThreads: z.record(z.string(), z.number()),
  terms: z.record(z.string(), z.number()),
  /** Negative posts whose terms were counted (each author once per bucket, a reshare once): the terms' denominator. */
  termPosts: z.number().default(0),
  examples: z.array(Example),
  negIds: z.array(z.string()),
});
export type Bucket = z.infer<typeof Bucket>;

export function newBucket(start: number, expected: number): Bucket {
  return {
    start,
    expected,
    count: 0,
    negatives: 0,
    shares: 0,
    reshares: 0,
    authors: {},
    negAuthors: {},
    authorOverflow: 0,
    sizes: { authors: 0, negAuthors: 0, terms: 0, negThreads: 0 },
    sources: [],
    negThreads: {},
    terms: {},
    termPosts: 0,
    examples: [],
    negIds: [],
  };
}

export function isNegative(m: Classified): boolean {
  return m.complaint.isComplaint || m.sentiment.label === 'negative';
}

const STOPWORDS = new Set(
  [
    'aber alle allem als also auch auf aus bei bin bis bist dann das dass dem',
    'den der des die dies diese doch dort durch ein eine einem einen einer eines für',
    'gegen habe haben hast hat hier ich ihr ihre immer ist jetzt kann kein keine man',
    'mehr mein meine mich mir mit nach nicht noch nun nur oder schon sein seit sich',
    'sie sind so über um und uns unser vom von vor war was weil wenn werden',
    'wie wieder wir wird zum zur zu',
    'euch euer eure eurem euren eurer macht machen gemacht diesem diesen dieser dieses meinem meinen meiner deinem',
    'deinen heute gerade einfach wirklich echt sowas etwas ganz alles andere anderen hatte hätte wäre würde sollte',
    'könnte müssen muss darf soll will wollen gibt geht gehen kommt kommen sagen sagt gesehen sehen',
    'about after again all also and any are because been but can cant could did does',
    'dont for from had has have here how into its just like more not now off',
    'only our out over really same should some still than that the their them then there',
    'they this too very was were what when where which who why will with would you',
    'your',
    'give gave down going gonna want wants need needs make made take took come came know knew think thought said',
    'says tell told look looks much many even ever every yeah lmao people guys today another',
    'nichts danke ohne bitte keinen',
    // The forms a storm uses to address the company ("Ihr habt …", "seid ihr …"): "habt" was a top term of a replayed storm.
    'habt seid wart warst hättet könnt wollt sollt müsst dürft werdet würdet',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Lower-cased content words (≥ 4 letters, no handles, links or stopwords) and hashtags for "top terms": a storm's
 * hashtag ("#frischkaufboykott") is often its best name. The brand's own tag is left out like its name.
 */
export function terms(text: string, exclude: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const cleaned = text.toLowerCase().replace(/https?:\/\/\S+|@[\p{L}\p{N}_]+/gu, ' ');
  // A word with its apostrophe part ("doesn't", "geht's") is taken whole and then left out: "doesn" is no term (QA).
  for (const match of cleaned.matchAll(/#[\p{L}\p{N}_]{3,}|[\p{L}][\p{L}\p{N}-]{3,}(?:['’][\p{L}]+)?/gu)) {
    const w = match[0];
    if (/['’]/u.test(w)) continue;
    if (w.startsWith('#') ? !exclude.has(w.slice(1)) : !STOPWORDS.has(w) && !exclude.has(w)) out.push(w);
  }
  return out;
}

function bump(b: Bucket, which: 'authors' | 'negAuthors' | 'terms' | 'negThreads', key: string, cap: number): boolean {
  const map = b[which];
  const had = map[key];
  if (had === undefined) {
    if (b.sizes[which] >= cap) return false;
    b.sizes[which] += 1;
  }
  map[key] = (had ?? 0) + 1;
  return true;
}

// A reshare as every ingestor writes it (replay-tweets.ts, replay-csv.ts, the live X source): "RT @author: text", or
// "RT: text" from a file that marks reshares by a flag without naming the original's author (ingestors/reshares.ts).
const RESHARE = /^RT(?: @(\w{1,15}))?:\s*/;
/** Enough of the copied text to tell two of the author's posts apart, short enough to keep a flood's keys small. */
const RESHARE_KEY_CHARS = 80;

/**
 * The cascade a negative post belongs to, for the one-viral-post test: its thread root, except for a reshare, which
 * belongs to the post it copies. Ingestors give a retweet its own thread (a dump rarely links it to the original, and
 * as a post it expects no answer), so 1,300 retweets of one angry tweet were 1,300 threads of one post each and
 * passed for a storm spreading across threads, critical within half an hour. The copy's author and text name the
 * original wherever it came from.
 */
export function cascadeOf(m: Pick<Classified, 'text' | 'thread'>): string {
  const reshare = RESHARE.exec(m.text);
  if (reshare === null) return m.thread.rootId;
  const copied = m.text.slice(reshare[0].length, reshare[0].length + RESHARE_KEY_CHARS);
  return `reshare:${(reshare[1] ?? '').toLowerCase()}:${copied}`;
}

export function addToBucket(b: Bucket, m: Classified, excludeTerms: ReadonlySet<string>): void {
  const negative = isNegative(m);
  b.count += 1;
  b.shares += m.metrics.shares;
  const reshare = RESHARE.exec(m.text);
  if (reshare !== null) b.reshares += 1;
  if (!bump(b, 'authors', m.author.id, MAX_AUTHORS)) b.authorOverflow += 1;
  if (!b.sources.includes(m.source) && b.sources.length < 20) b.sources.push(m.source);
  if (!negative) return;
  b.negatives += 1;
  // An author's words count once per bucket: one person repeating a hashtag is not a topic many people share.
  const firstFromAuthor = b.negAuthors[m.author.id] === undefined;
  bump(b, 'negAuthors', m.author.id, MAX_AUTHORS);
  const cascade = cascadeOf(m);
  // A reshare's words are its original's: counted once per bucket, or one viral post's words fill the top terms.
  const wordsCount = firstFromAuthor && (reshare === null || (b.negThreads[cascade] ?? 0) === 0);
  bump(b, 'negThreads', cascade, MAX_AUTHORS);
  if (b.negIds.length < MAX_IDS) b.negIds.push(m.id);
  if (wordsCount) {
    b.termPosts += 1;
    for (const t of new Set(terms(m.text, excludeTerms))) bump(b, 'terms', t, MAX_TERMS);
  }
  addExample(b.examples, m, reshare);
}

/** What the burst score sees over one window. */
export interface WindowStats {
  minutes: number;
  start: number;
  count: number;
  negatives: number;
  /** Counts with each author capped at `perAuthorCap` posts: one loud author cannot make a storm. */
  countCapped: number;
  negativesCapped: number;
  /** Capped negatives from authors the brand had not heard from before (see shitstorm-authors.ts). */
  newNegativesCapped: number;
  expected: number;
  authors: number;
  negAuthors: number;
  topAuthorShare: number;
  sources: string[];
  negThreads: number;
  /** Negative posts in the busiest thread: a storm confined to one thread is one viral post. */
  topThreadNegatives: number;
  topThreadId?: string;
  shares: number;
  /** Reshares ("RT @author: …", "RT: …") among the window's posts. */
  reshares: number;
  /** The term the window's negatives crowd around, when one does (shitstorm-topics.ts). */
  topic?: TopicBurst;
}

/**
 * Stats for the windows made of the last n buckets, for each n in `lengths` (ascending), in one pass from the
 * newest bucket backwards: the 60-minute window reuses the 15- and 30-minute work.
 */
export function windowStatsMulti(
  buckets: readonly Bucket[],
  lengths: readonly number[],
  perAuthorCap: number,
  isNew: (author: string) => boolean = () => false,
  topicOf?: (terms: ReadonlyMap<string, number>, posts: number) => TopicBurst | undefined,
): WindowStats[] {
  const windowTerms = new Map<string, number>();
  let termPosts = 0;
  const authors = new Map<string, number>();
  const negAuthors = new Map<string, number>();
  const sources = new Set<string>();
  const threads = new Map<string, number>();
  let count = 0;
  let negatives = 0;
  let expected = 0;
  let shares = 0;
  let reshares = 0;
  let overflow = 0;
  const out: WindowStats[] = [];
  let taken = 0;
  for (const n of lengths) {
    if (n > buckets.length) break;
    for (; taken < n; taken++) {
      const b = buckets[buckets.length - 1 - taken];
      if (!b) break;
      count += b.count;
      negatives += b.negatives;
      expected += b.expected;
      shares += b.shares;
      reshares += b.reshares;
      overflow += b.authorOverflow;
      for (const a in b.authors) authors.set(a, (authors.get(a) ?? 0) + (b.authors[a] ?? 0));
      for (const a in b.negAuthors) negAuthors.set(a, (negAuthors.get(a) ?? 0) + (b.negAuthors[a] ?? 0));
      for (const s of b.sources) sources.add(s);
      for (const t in b.negThreads) threads.set(t, (threads.get(t) ?? 0) + (b.negThreads[t] ?? 0));
      if (topicOf) {
        termPosts += b.termPosts;
        for (const t in b.terms) windowTerms.set(t, (windowTerms.get(t) ?? 0) + (b.terms[t] ?? 0));
      }
    }
    const topic = topicOf?.(windowTerms, termPosts);
    let countCapped = overflow;
    let top = 0;
    for (const c of authors.values()) {
      countCapped += Math.min(c, perAuthorCap);
      if (c > top) top = c;
    }
    let negativesCapped = 0;
    let newNegativesCapped = 0;
    for (const [a, c] of negAuthors) {
      negativesCapped += Math.min(c, perAuthorCap);
      if (isNew(a)) newNegativesCapped += Math.min(c, perAuthorCap);
    }
    let topThread = 0;
    let topThreadId: string | undefined;
    for (const [id, c] of threads) {
      if (c > topThread) {
        topThread = c;
        topThreadId = id;
      }
    }
    const first = buckets[buckets.length - n];
    out.push({
      minutes: (n * BUCKET_MS) / 60_000,
      start: first ? first.start : 0,
      count,
      negatives,
      countCapped,
      negativesCapped,
      newNegativesCapped,
      expected,
      authors: authors.size + overflow,
      negAuthors: negAuthors.size,
      topAuthorShare: count > 0 ? top / count : 0,
      sources: [...sources],
      negThreads: threads.size,
      topThreadNegatives: topThread,
      ...(topThreadId !== undefined ? { topThreadId } : {}),
      shares,
      reshares,
      ...(topic ? { topic } : {}),
    });
  }
  return out;
}

export function topTerms(buckets: readonly Bucket[], n: number): string[] {
  const all = new Map<string, number>();
  for (const b of buckets) for (const [t, c] of Object.entries(b.terms)) all.set(t, (all.get(t) ?? 0) + c);
  return [...all].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([t]) => t);
}
