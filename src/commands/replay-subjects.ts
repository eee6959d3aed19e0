/**
 * What a replay file's posts are about, counted in one pass with bounded memory: per candidate subject term
 * the number of posts that contain it (document frequency), how often it occurs as a @handle or #hashtag,
 * who wrote posts (to tell a brand's own accounts), and a fixed-size random sample of the posts for what a
 * count cannot answer (spelling, language, which terms occur together). replay-brands.ts decides from it.
 */
import { createRequire } from 'node:module';
import { foldAccount } from '../../classifiers/brand-assignment.ts';
import { isFunctionWord } from '../../classifiers/language.ts';
import { prepare, type PreparedText } from '../../classifiers/text.ts';
import type { Mention } from '../model.ts';
import { mulberry32 } from '../datasets/folds.ts';

// natural's English stopword list (deep import: its index loads the whole toolkit) adds what language.ts does
// not need for telling languages apart but what is no subject either ("during", "make", "said", "way").
const englishStopwords: ReadonlySet<string> = new Set((createRequire(import.meta.url)('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);

/**
 * Distinct terms counted. A stream of millions of posts has millions of distinct words (typos, handles of
 * every author); after this many no new term is admitted, while the admitted ones go on being counted. A file's
 * subject occurs in a fifth of its posts or more, so it is admitted in its first posts, long before the table
 * is full; what is left out is the long tail of rare words.
 */
export const MAX_TERMS = 200_000;
/** Distinct post authors remembered (to recognise a brand's own accounts); same reasoning as MAX_TERMS. */
export const MAX_AUTHORS = 200_000;
/**
 * Posts kept as a uniform random sample (reservoir sampling). Spelling, language and co-occurrence are shares,
 * and 20 000 posts estimate a share within ±0.7 percentage points (95 %); a smaller file is read in full.
 */
export const SAMPLE_SIZE = 20_000;

const HAS_LETTER = /\p{L}/u;
/**
 * A link written without its scheme, a host with a path: "pic.twitter.com/AbCd" (old scrapers such as twint put
 * one in the text of every tweet with a picture), "bit.ly/3xYz", "t.co/…", "www.spiegel.de/artikel.html". The
 * tokenizer reads its parts as words, and in a dump full of pictures "com" or "twitter" would outnumber the
 * subject. A bare domain ("faz.net") has no path and stays words: it may well be the subject.
 */
const SCHEMELESS_LINK = /(?<![\p{L}\p{N}@#])(?:[\p{L}\p{N}_-]+\.)+\p{L}{2,}\/\S*/gu;

/** Offsets in `lower` covered by schemeless links, as [start, end) pairs. */
function linkSpans(lower: string): Array<[number, number]> {
  if (!lower.includes('/')) return [];
  return [...lower.matchAll(SCHEMELESS_LINK)].map((m) => [m.index, m.index + m[0].length]);
}

/** A retweet's prefix and whom it reshares (lower case). */
const RESHARED = /^rt @([\p{L}\p{N}_]+):/u;
/** The prefix is at the post's start: a handle token beyond this is not the reshared one. */
const RESHARE_PREFIX_CHARS = 24;

/** How a term occurred in a post: as a word, a @handle, a #hashtag (bits, several may be set). */
export const AS_WORD = 1;
export const AS_HANDLE = 2;
export const AS_HASHTAG = 4;

/**
 * The post's candidate subject terms in folded form, with how each occurred: words of three or more characters
 * that are neither numbers nor function words, and handles and hashtags without their @/# (so "Aerolux",
 * "#aerolux" and "@aerolux" are one term).
 */
export function subjectTerms(prepared: PreparedText): Map<string, number> {
  const terms = new Map<string, number>();
  const links = linkSpans(prepared.lower);
  // Whom a retweet reshares ("RT @foodie_jaso8626: …") is not what the post is about: a private user's viral reply
  // became a tracked "brand" with a critical storm alert (QA firestorm round 2).
  const reshared = RESHARED.exec(prepared.lower)?.[1];
  for (const t of prepared.tokens) {
    if (links.length > 0 && links.some(([start, end]) => t.start >= start && t.end <= end)) continue;
    if (reshared !== undefined && t.kind === 'mention' && t.start < RESHARE_PREFIX_CHARS && t.folded.slice(1) === reshared) continue;
    let form: number;
    let key: string;
    let plain: string;
    if (t.kind === 'word') {
      form = AS_WORD;
      key = t.folded;
      plain = t.text;
    } else if (t.kind === 'mention' || t.kind === 'hashtag') {
      form = t.kind === 'mention' ? AS_HANDLE : AS_HASHTAG;
      key = t.folded.slice(1);
      plain = t.text.slice(1);
    } else continue;
    if (key.length < 3 || !HAS_LETTER.test(key) || isFunctionWord(plain) || englishStopwords.has(plain)) continue;
    terms.set(key, (terms.get(key) ?? 0) | form);
  }
  return terms;
}

/** The text searched for subjects, as the brand matcher searches it: the title (blog posts, news) and the body. */
export function postText(mention: Mention): string {
  return mention.title ? `${mention.title}\n${mention.text}` : mention.text;
}

export class SubjectTally {
  posts = 0;
  /** Posts per term. */
  readonly postsWith = new Map<string, number>();
  /** Posts per term that had it as a @handle / as a #hashtag. */
  readonly asHandle = new Map<string, number>();
  readonly asHashtag = new Map<string, number>();
  /** Folded handles and ids of the posts' authors. */
  readonly authors = new Set<string>();
  /** Texts of a uniform sample of the posts (at most `sampleSize`). */
  readonly sample: string[] = [];
  /** True once MAX_TERMS was reached and new terms were no longer admitted. */
  termsCapped = false;
  private readonly random = mulberry32(0x6b72);

  constructor(private readonly sampleSize: number = SAMPLE_SIZE) {}

  add(mention: Mention, prepared: PreparedText = prepare(postText(mention))): void {
    const index = this.posts++;
    for (const [key, form] of subjectTerms(prepared)) {
      const had = this.postsWith.get(key);
      if (had === undefined && this.postsWith.size >= MAX_TERMS) {
        this.termsCapped = true;
        continue;
      }
      this.postsWith.set(key, (had ?? 0) + 1);
      if (form & AS_HANDLE) this.asHandle.set(key, (this.asHandle.get(key) ?? 0) + 1);
      if (form & AS_HASHTAG) this.asHashtag.set(key, (this.asHashtag.get(key) ?? 0) + 1);
    }
    if (this.authors.size < MAX_AUTHORS) {
      this.authors.add(foldAccount(mention.author.id));
      if (mention.author.handle) this.authors.add(foldAccount(mention.author.handle));
      // Facebook records carry the page's name, not a handle: a page named like the subject ("Telekom") is its account.
      if (mention.author.name) this.authors.add(foldAccount(mention.author.name));
    }
    // Algorithm R: post number i replaces a random sample slot with probability size / (i + 1).
    if (index < this.sampleSize) this.sample.push(prepared.original);
    else {
      const slot = Math.floor(this.random() * (index + 1));
      if (slot < this.sampleSize) this.sample[slot] = prepared.original;
    }
  }
}
