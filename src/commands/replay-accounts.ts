/**
 * A replayed brand's accounts, when no config names them. The unanswered detector opens a thread only for a post
 * addressed to the brand (an @mention of one of its accounts, or the source's brand context), and counts only its
 * accounts' posts as replies. A brand named on the command line or discovered from the file has no configured
 * accounts, so a file in which the brand never replies opened no thread at all: "0 alerts" for the brand that
 * ignored everyone (QA finding 1). Handles that hold the brand's name are taken as its accounts, whether they
 * wrote posts of the file or customers only @mention them; replay prints what it assumed.
 */
import { queryHandles } from '../../classifiers/brand-query.ts';
import { ownText } from '../../classifiers/quote-tweet.ts';
import { nameKey } from '../../ingestors/replay-graph-comments.ts';
import type { Mention } from '../model.ts';

/** Posts a page must write under a longer name starting with the brand's before it is taken as the brand's page. */
const PAGE_NAME_POSTS = 3;

/** Accounts taken per brand: a dump has a handful of care and regional handles, not dozens. */
export const MAX_ASSUMED_ACCOUNTS = 10;

/** An @handle written in a post (not inside an e-mail address: "service@aerolux.de" addresses nobody). */
const HANDLE = /(?<![\p{L}\p{N}_.])@([\p{L}\p{N}_]+)/gu;

/** The words of a handle, split at separators and case changes: "DB_Bahn" → db, bahn; "AeroluxHelp" → aerolux, help. */
function handleWords(handle: string): string[] {
  const spaced = handle.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
  return spaced.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).map((w) => w.toLowerCase());
}

/**
 * Whether a handle looks like the brand's: it holds the name, case and separators ignored ("@aerolux_hilft",
 * "@AeroluxHelp" for "Aerolux"; "@DB_Bahn" for "Bahn"). A name under three letters ("DB") would be inside too
 * many handles ("@dbrown"), so it must be one of the handle's words; one of three or four letters must start the
 * handle or be one of its words ("@ING_Deutschland", "@ingdiba", not "@Josh_King": QA firestorm round 2).
 */
export function looksLikeBrand(handle: string, name: string): boolean {
  return spellings(nameKey(name)).some((key) => handleHolds(handle, key));
}

/** A name as handles spell it: umlauts as written, as ae/oe/ue/ss, or plain ("Röstgut" → @roestgut_hh, QA firestorm round 3). */
function spellings(key: string): string[] {
  if (!/[äöüß]/u.test(key)) return [key];
  const expanded = key.replace(/ä/gu, 'ae').replace(/ö/gu, 'oe').replace(/ü/gu, 'ue').replace(/ß/gu, 'ss');
  const plain = key.replace(/ä/gu, 'a').replace(/ö/gu, 'o').replace(/ü/gu, 'u').replace(/ß/gu, 'ss');
  return [key, expanded, plain];
}

function handleHolds(handle: string, key: string): boolean {
  if (key.length === 0) return false;
  if (key.length >= 5) return nameKey(handle).includes(key);
  if (handleWords(handle).includes(key)) return true;
  return key.length >= 3 && nameKey(handle).startsWith(key);
}

export interface AssumedAccount {
  /** As first written in the file (an author's handle preferred), with its @. */
  account: string;
  /** Posts the handle wrote, and posts that @mention it. */
  wrote: number;
  mentioned: number;
  /** Named in the brand's query (`--brand NAME=QUERY`): taken whatever the file holds. */
  fromQuery: boolean;
}

/**
 * The brand's accounts: the @handles of the query the user wrote (`query`; not the one made from a bare name, whose
 * `@Name` is a guess), then the file's authors and @mentioned handles that look like its name, most posts first
 * (at most MAX_ASSUMED_ACCOUNTS of those). One read of the file.
 */
export async function accountsNamedLike(mentions: AsyncIterable<{ author: Pick<Mention['author'], 'handle' | 'name'>; text: string }>, name: string, query?: string): Promise<AssumedAccount[]> {
  const found = new Map<string, AssumedAccount>();
  const entry = (handle: string, fromQuery = false): AssumedAccount => {
    const key = handle.toLowerCase();
    let a = found.get(key);
    if (!a) found.set(key, (a = { account: `@${handle}`, wrote: 0, mentioned: 0, fromQuery }));
    return a;
  };
  for (const h of query === undefined ? [] : queryHandles(query)) entry(h.slice(1), true);
  const brandKey = nameKey(name);
  for await (const m of mentions) {
    // A Facebook page answers under its name and has no handle ("EDEKA" replying under its own post, QA firestorm
    // round 2: its 198 replies counted as customers' comments).
    const shown = m.author.name?.trim();
    // Or under its full name ("Lindhoff Modehaus" for --brand Lindhoff, QA firestorm round 5: "no accounts assumed",
    // then "the page answers there"): a name that starts with the brand's, once it wrote a few posts (PAGE_NAME_POSTS).
    const shownKey = shown ? nameKey(shown) : '';
    if (!m.author.handle && shown && brandKey.length > 0 && (shownKey === brandKey || (brandKey.length >= 4 && shownKey.startsWith(brandKey)))) {
      const key = `name:${shownKey}`;
      const a = found.get(key) ?? { account: shown, wrote: 0, mentioned: 0, fromQuery: false };
      found.set(key, a);
      a.wrote++;
    }
    const author = m.author.handle?.replace(/^@/u, '');
    if (author && (found.has(author.toLowerCase()) || looksLikeBrand(author, name))) {
      const a = entry(author);
      // The author's own spelling beats a customer's way of typing the handle.
      if (a.wrote++ === 0 && !a.fromQuery) a.account = `@${author}`;
    }
    if (!m.text.includes('@')) continue;
    const seen = new Set<string>();
    for (const [, handle] of ownText(m.text).matchAll(HANDLE)) {
      const key = handle!.toLowerCase();
      if (seen.has(key) || !(found.has(key) || looksLikeBrand(handle!, name))) continue;
      seen.add(key);
      entry(handle!).mentioned++;
    }
  }
  const all = [...found.entries()].filter(([key, a]) => !key.startsWith('name:') || key === `name:${brandKey}` || a.wrote >= PAGE_NAME_POSTS).map(([, a]) => a);
  const named = all.filter((a) => !a.fromQuery).sort((a, b) => b.wrote + b.mentioned - (a.wrote + a.mentioned));
  return [...all.filter((a) => a.fromQuery), ...named.slice(0, MAX_ASSUMED_ACCOUNTS)];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The progress line saying which accounts replay assumed for a brand, and on what evidence. */
export function describeAccounts(brandId: string, accounts: readonly AssumedAccount[]): string {
  if (accounts.length === 0) {
    return `replay: brand ${brandId}: no accounts assumed (no author, page name or @mentioned handle of the file holds its name): its replies are not recognised and posts are addressed to it only by their source; name its handle in the query (--brand 'NAME=NAME OR @handle') or use a config file`;
  }
  const evidence = accounts.map((a) => {
    const why = [a.fromQuery ? 'in the query' : '', a.wrote > 0 ? `wrote ${plural(a.wrote, 'post')}` : '', a.mentioned > 0 ? `@mentioned in ${plural(a.mentioned, 'post')}` : ''];
    return `${a.account} (${why.filter(Boolean).join(', ') || 'not in the file'})`;
  });
  return `replay: brand ${brandId}: accounts assumed ${evidence.join(', ')}: their posts count as brand replies, posts to them as addressed to the brand (a config file chooses otherwise)`;
}
