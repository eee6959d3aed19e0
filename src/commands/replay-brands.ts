/**
 * Brands for a replay that names none. The shitstorm and unanswered detectors work per brand, and a collected
 * dump (a firestorm, a search export) is usually about one subject that nobody configured: replaying it without
 * `--brand` used to end in "0 alerts" and no hint why. When no brand comes from the command line and no brand
 * of the config or the file matches a single post, the file's subjects are found from its posts (one extra
 * read of the file) and tracked as brands, each announced on the progress line with how to choose otherwise.
 */
import { assignBrands } from '../../classifiers/brand-assignment.ts';
import { detectLanguage } from '../../classifiers/language.ts';
import { prepare, type PreparedText } from '../../classifiers/text.ts';
import { slugify } from '../../ingestors/replay-formats.ts';
import type { Brand, Mention } from '../model.ts';
import { looksLikeBrand, MAX_ASSUMED_ACCOUNTS } from './replay-accounts.ts';
import { postText, subjectTerms, SubjectTally } from './replay-subjects.ts';

/**
 * A subject is in at least this share of the posts. A file collected for a brand names it in most posts;
 * replies and retweets without the name bring that down, but a term below a fifth of the posts is not what
 * the file was collected for (in a firestorm dump the next words, "Flug", "heute", stay well below the brand).
 */
const MIN_SUBJECT_SHARE = 0.2;
/** …and in at least this many posts: the shitstorm detector's lowest bars need 15 to 30 negatives in an hour. */
const MIN_SUBJECT_POSTS = 20;
/**
 * A further subject must not sit mostly (over this share of its posts) in posts that already name a chosen
 * one: "Flug" in an airline storm is part of that storm, a competitor named in posts of its own is not.
 */
const MAX_SHARED_WITH_CHOSEN = 0.6;
const MAX_SUBJECTS = 3;
/** A @handle or #hashtag containing the subject joins its query from this share of the posts ("@aerolux_hilft"). */
const MIN_VARIANT_SHARE = 0.01;
/** Alternatives in a discovered query: the word, its hashtag and handle, and up to three variants. */
const MAX_ALTERNATIVES = 6;

export interface DiscoveredBrand {
  brand: Brand;
  /** Posts containing the subject term, and their share of all posts. */
  posts: number;
  share: number;
  /** Share of the posts its query matches (the term, its hashtag, handle and variants), from the sample. */
  coverage: number;
}

export type BrandDiscovery =
  /** A brand from the config or the file matches posts: nothing to discover. */
  | { kind: 'known-brands-match' }
  | { kind: 'found'; brands: DiscoveredBrand[]; posts: number; knownUnmatched: readonly Brand[] }
  | { kind: 'none'; posts: number; top?: { name: string; share: number }; knownUnmatched: readonly Brand[] };

interface SampledPost {
  prepared: PreparedText;
  terms: Map<string, number>;
}

/** The commonest spelling of `key` in the posts, preferring how it is written as a word over tag forms. */
function commonSpelling(key: string, posts: readonly SampledPost[]): string {
  const words = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const p of posts) {
    for (const t of p.prepared.tokens) {
      const isTag = t.kind === 'mention' || t.kind === 'hashtag';
      if ((t.kind !== 'word' && !isTag) || (isTag ? t.folded.slice(1) : t.folded) !== key) continue;
      const surface = p.prepared.original.slice(p.prepared.toOriginal(t.start) + (isTag ? 1 : 0), p.prepared.toOriginal(t.end));
      const counts = isTag ? tags : words;
      counts.set(surface, (counts.get(surface) ?? 0) + 1);
    }
  }
  const ranked = [...(words.size > 0 ? words : tags)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[0] ?? key;
}

/** German or English, whichever more of the posts are written in (German on a tie or no evidence). */
export function majorityLanguage(posts: Iterable<Pick<SampledPost, 'prepared'>>): Brand['language'] {
  let de = 0;
  let en = 0;
  for (const p of posts) {
    const { lang } = detectLanguage(p.prepared.tokens, p.prepared.lower);
    if (lang === 'de') de++;
    else if (lang === 'en') en++;
  }
  // German first: a tie (or no evidence) keeps the schema's default.
  return en > de ? 'en' : 'de';
}

/** A spelling that the query language would read as an operator is quoted. */
function queryWord(spelling: string): string {
  return spelling === 'AND' || spelling === 'OR' || spelling === 'NOT' ? `"${spelling}"` : spelling;
}

/** Handles and hashtags that contain `key` (not `key` itself), commonest first, in at least `minPosts` posts. */
function variants(key: string, tally: SubjectTally, minPosts: number): { alternative: string; key: string; handle: boolean }[] {
  const found: { alternative: string; key: string; handle: boolean; posts: number }[] = [];
  for (const [forms, prefix, handle] of [[tally.asHandle, '@', true], [tally.asHashtag, '#', false]] as const) {
    for (const [k, n] of forms) if (k !== key && k.includes(key) && n >= minPosts) found.push({ alternative: prefix + k, key: k, handle, posts: n });
  }
  return found.sort((a, b) => b.posts - a.posts || (a.alternative < b.alternative ? -1 : 1));
}

function subjectBrand(key: string, tally: SubjectTally, sample: readonly SampledPost[], takenIds: ReadonlySet<string>): { brand: Brand; keys: string[] } {
  const containing = sample.filter((p) => p.terms.has(key));
  const name = commonSpelling(key, containing);
  const extra = variants(key, tally, Math.max(1, Math.ceil(tally.posts * MIN_VARIANT_SHARE))).slice(0, MAX_ALTERNATIVES - 3);
  const query = [queryWord(name), `#${key}`, `@${key}`, ...extra.map((v) => v.alternative)].join(' OR ');
  // The brand's handles that also wrote posts of the file are its accounts: their posts are brand replies. So are
  // the handles holding the subject that customers @mention: a brand that never answers in the file must still be
  // addressed, or none of its ignored complaints opens an unanswered thread (replay-accounts.ts).
  const authored = [key, ...extra.filter((v) => v.handle).map((v) => v.key)].filter((h) => tally.authors.has(h));
  const addressed = [...tally.asHandle].filter(([h]) => looksLikeBrand(h, key)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const accounts = [...new Set([...authored, ...addressed.map(([h]) => h)])].slice(0, MAX_ASSUMED_ACCOUNTS).map((h) => `@${h}`);
  // Room for a "-2" suffix within the 64 characters a brand id may have; a name of no Latin letters has no slug.
  const base = (slugify(name) || slugify(key) || 'subject').slice(0, 60);
  let id = base;
  for (let n = 2; takenIds.has(id); n++) id = `${base}-${n}`;
  return { brand: { id, name, query, accounts, language: majorityLanguage(containing) }, keys: [key, ...extra.map((v) => v.key)] };
}

/** Share of the posts a brand word must be in to stand for the support handle that holds it (brandWordOf). */
const MIN_BRAND_WORD_SHARE = 0.05;

/**
 * The brand's own word for a subject that is mostly a support handle: "@MediaMarkt_DE", "@Telekom_hilft" are
 * @mentioned in most complaints, and taking the handle as the subject left out every post that names the brand
 * without it (QA firestorm round 2: no storm alert at all for one file, 38 minutes late for another). The word the
 * handle starts with ("mediamarkt", "telekom"), when posts use it too, becomes the subject, the handle its variant.
 */
function brandWordOf(key: string, tally: SubjectTally, ranked: ReadonlyArray<readonly [string, number]>): string {
  const asHandle = tally.asHandle.get(key) ?? 0;
  if (asHandle * 2 < (tally.postsWith.get(key) ?? 0)) return key;
  const minPosts = Math.max(MIN_SUBJECT_POSTS / 2, MIN_BRAND_WORD_SHARE * tally.posts);
  for (const [word, n] of ranked) {
    if (n < minPosts) break;
    if (word !== key && word.length >= 3 && key.startsWith(word) && (tally.asHandle.get(word) ?? 0) * 2 < n) return word;
  }
  return key;
}

/** Picks up to three subjects from the tally (see the constants for why each bar is where it is). */
export function chooseSubjects(tally: SubjectTally, takenIds: ReadonlySet<string> = new Set()): { brands: DiscoveredBrand[]; top?: { name: string; share: number } } {
  const posts = Math.max(1, tally.posts);
  const ranked = [...tally.postsWith].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (ranked.length === 0) return { brands: [] };
  const sample: SampledPost[] = tally.sample.map((text) => {
    const prepared = prepare(text);
    return { prepared, terms: subjectTerms(prepared) };
  });
  const [topKey, topPosts] = ranked[0]!;
  const top = { name: commonSpelling(topKey, sample.filter((p) => p.terms.has(topKey))), share: topPosts / posts };
  const minPosts = Math.max(MIN_SUBJECT_POSTS, Math.ceil(MIN_SUBJECT_SHARE * tally.posts));
  const chosen: DiscoveredBrand[] = [];
  const chosenKeys: string[] = [];
  const ids = new Set(takenIds);
  for (const [ranking, n] of ranked) {
    if (n < minPosts || chosen.length >= MAX_SUBJECTS) break;
    const key = brandWordOf(ranking, tally, ranked);
    // "@aerolux_hilft" or "#aeroluxfail" next to a chosen "aerolux" is that brand, not another one.
    if (chosenKeys.some((k) => key.includes(k) || k.includes(key))) continue;
    if (chosen.length > 0) {
      // A further subject must look like a name: a handle, a hashtag, or a word mostly written capitalised. "overbooked"
      // in 29 % of an airline storm's posts is what the storm is about, not a second company (QA firestorm round 2).
      const mostlyTag = ((tally.asHandle.get(key) ?? 0) + (tally.asHashtag.get(key) ?? 0)) * 2 >= n;
      if (!mostlyTag && !/\p{Lu}/u.test(commonSpelling(key, sample.filter((p) => p.terms.has(key))))) continue;
      const withKey = sample.filter((p) => p.terms.has(key));
      const shared = withKey.filter((p) => chosenKeys.some((k) => p.terms.has(k))).length;
      // Not in the sample at all (a tiny sample): nothing shows it stands apart, so it is not taken.
      if (withKey.length === 0 || shared > MAX_SHARED_WITH_CHOSEN * withKey.length) continue;
    }
    const { brand, keys } = subjectBrand(key, tally, sample, ids);
    ids.add(brand.id);
    chosenKeys.push(...keys);
    const covered = sample.filter((p) => keys.some((k) => p.terms.has(k))).length;
    chosen.push({ brand, posts: n, share: n / posts, coverage: covered / Math.max(1, sample.length) });
  }
  return { brands: chosen, top };
}

/**
 * Reads the posts once. When a known brand (config or file) matches one of them, stops there: the replay has
 * its brands. Otherwise returns the subjects found, or why there are none.
 */
export async function discoverBrands(mentions: AsyncIterable<Mention>, known: readonly Brand[], sampleSize?: number): Promise<BrandDiscovery> {
  const tally = new SubjectTally(sampleSize);
  for await (const mention of mentions) {
    const prepared = prepare(postText(mention));
    if (known.length > 0 && assignBrands(mention, known, prepared).brands.length > 0) return { kind: 'known-brands-match' };
    tally.add(mention, prepared);
  }
  const { brands, top } = chooseSubjects(tally, new Set(known.map((b) => b.id)));
  if (brands.length > 0) return { kind: 'found', brands, posts: tally.posts, knownUnmatched: known };
  return top ? { kind: 'none', posts: tally.posts, top, knownUnmatched: known } : { kind: 'none', posts: tally.posts, knownUnmatched: known };
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** The progress lines that tell the user what was discovered and how to choose instead. */
export function describeDiscovery(discovery: BrandDiscovery): string[] {
  if (discovery.kind === 'known-brands-match') return [];
  const lines: string[] = [];
  if (discovery.knownUnmatched.length > 0) {
    const ids = discovery.knownUnmatched.map((b) => b.id).join(', ');
    lines.push(`replay: the brands of the config and the file (${ids}) match no post of the file; looking for what the posts are about instead`);
  }
  if (discovery.kind === 'none') {
    const why = discovery.top ? `top term "${discovery.top.name}" in ${percent(discovery.top.share)} of ${discovery.posts} posts` : 'the file has no words to go by';
    lines.push(`replay: no brand given and no subject stands out (${why}): shitstorm and unanswered detection need a brand; pass --brand NAME[=QUERY]`);
    return lines;
  }
  discovery.brands.forEach(({ brand, share, coverage }, i) => {
    const about = i === 0 ? 'the posts are mostly about' : 'the posts are also about';
    // The name alone may be in fewer posts than the query finds: storm posts often carry only "#aeroluxfail".
    const byName = percent(share) === percent(coverage) ? '' : `, ${percent(share)} by that name`;
    const accounts = brand.accounts.length > 0 ? `; accounts ${brand.accounts.join(', ')}` : '';
    lines.push(
      `replay: no brand given; ${about} "${brand.name}" (${percent(coverage)} of them${byName}): tracking it as brand ${brand.id} (${brand.query}${accounts}; language ${brand.language}). Pass --brand NAME[=QUERY] to choose.`,
    );
  });
  return lines;
}
