/**
 * Which brands a mention concerns: a brand's query matches the post (title included), the source placed it in
 * the brand's context, one of the brand's own accounts wrote it, or the post @mentions one of them. The query
 * language itself is brand-query.ts.
 */
import type { Brand, Mention } from '../src/model.ts';
import { compileBrandQuery, type BrandQueryMatcher } from './brand-query.ts';
import { fold, prepare, type PreparedText } from './text.ts';

/** Folds an account name for comparison: case- and umlaut-insensitive, a leading @ ignored. */
export function foldAccount(account: string): string {
  const trimmed = account.trim();
  return fold((trimmed.startsWith('@') ? trimmed.slice(1) : trimmed).toLowerCase());
}

export interface BrandAssignment {
  /** Brand ids the mention concerns: by query, by the source's brand context, or because a brand wrote it. */
  brands: string[];
  /** Brand id whose own account wrote the mention, if any. */
  authorBrand?: string;
  /** Brand id whose own account's post this one reshares ("RT @Mobilix: …"), if any: the brand's words, not a customer's. */
  resharedBrand?: string;
  /** Query terms that matched, per brand id. */
  terms: Record<string, string[]>;
}

interface CompiledBrand {
  id: string;
  matcher: BrandQueryMatcher;
  accounts: Set<string>;
}

/**
 * The accounts a post @mentions, folded as accounts are. Read here, not left to the ingestors' brand context: a
 * replayed dump is read before its brands are known (they may come from the file or the command line), and an
 * X reply starts with the replied-to handle, so this also finds replies to a brand account. Whole tokens only:
 * @DB_Bahn is not @DB_Bahnhofsmission. Taken from the lower-cased text, not the token, whose letter runs are
 * collapsed for matching words ("sooo").
 */
function mentionedAccounts(prepared: PreparedText): Set<string> {
  const out = new Set<string>();
  for (const t of prepared.tokens) if (t.kind === 'mention') out.add(foldAccount(prepared.lower.slice(t.start, t.end)));
  return out;
}

const compiledCache = new WeakMap<Brand, CompiledBrand>();

function compileBrand(brand: Brand): CompiledBrand {
  let c = compiledCache.get(brand);
  if (!c) {
    c = { id: brand.id, matcher: compileBrandQuery(brand.query), accounts: new Set(brand.accounts.map(foldAccount)) };
    compiledCache.set(brand, c);
  }
  return c;
}

/** The author's id, handle and display name in account form, computed once per mention. */
function authorKeys(author: Mention['author']): string[] {
  const keys = [foldAccount(author.id)];
  if (author.handle !== undefined) keys.push(foldAccount(author.handle));
  if (author.name !== undefined) keys.push(foldAccount(author.name));
  return keys;
}

/**
 * Assigns brands to a mention. Queries compile once per Brand object (cached), so calling this per post is
 * cheap; pass the mention's prepared text when you have it to avoid tokenising twice.
 */
export function assignBrands(mention: Mention, brands: readonly Brand[], prepared: PreparedText = prepare(mention.text)): BrandAssignment {
  const ids: string[] = [];
  const terms: Record<string, string[]> = {};
  let authorBrand: string | undefined;
  const keys = authorKeys(mention.author);
  const mentioned = mentionedAccounts(prepared);
  // The title is searched too (blog posts, news): it often names the brand when the body does not.
  const tokens = mention.title ? [...prepare(mention.title).tokens, ...prepared.tokens] : prepared.tokens;
  const reshared = RESHARE_OF.exec(mention.text)?.[1];
  const resharedKey = reshared === undefined ? undefined : foldAccount(reshared);
  let resharedBrand: string | undefined;
  for (const brand of brands) {
    const c = compileBrand(brand);
    const byAuthor = c.accounts.size > 0 && keys.some((k) => c.accounts.has(k));
    if (byAuthor && authorBrand === undefined) authorBrand = c.id;
    if (resharedKey !== undefined && resharedBrand === undefined && c.accounts.has(resharedKey)) resharedBrand = c.id;
    const q = c.matcher(prepared.lower, tokens);
    if (q.matched) terms[c.id] = q.terms;
    const addressed = mentioned.size > 0 && [...mentioned].some((a) => c.accounts.has(a));
    if (q.matched || byAuthor || addressed || mention.brandContext.includes(c.id)) ids.push(c.id);
  }
  return { brands: ids, terms, ...(authorBrand !== undefined ? { authorBrand } : {}), ...(resharedBrand !== undefined ? { resharedBrand } : {}) };
}

// A reshare as the ingestors write it (classifiers/shitstorm-window.ts RESHARE): "RT @author: text". Longer than an X
// handle may be (Mastodon, test accounts): only handles of the brands' own accounts are looked up.
const RESHARE_OF = /^RT @(\w{1,30}):/u;

/** Brand ids a mention concerns (by query, by `brandContext`, because one of the brand's accounts wrote it or is @mentioned). */
export function matchBrands(mention: Mention, brands: readonly Brand[]): string[] {
  return assignBrands(mention, brands).brands;
}
