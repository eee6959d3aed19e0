/**
 * Text analysis for the embedded store, mirroring the Elasticsearch template (see es-template.ts): text is
 * analysed twice, once through a German chain (lower case, German2 umlaut normalisation, ASCII folding, Snowball
 * German stem) and once through an English chain (possessive strip, ASCII folding, Porter stem). A query term is
 * analysed both ways and matched in the analysis of each post's language (both for a post in neither language), so
 * "Verspätung", "verspaetung" and "Verspätungen" meet in German posts and "delayed"/"delay" in English ones, while
 * "offen" no longer finds an English "offer" through its German stem.
 */
import { createRequire } from 'node:module';
import { StoreQueryError } from './errors.ts';

interface WordStemmer {
  stem(word: string): string;
}

// Deep imports on purpose: natural's index pulls in its whole NLP toolkit (~2.5 s to load); the two stemmers
// alone load in milliseconds. natural 8 ships the Snowball German algorithm as PorterStemmerDe.
const require = createRequire(import.meta.url);
const germanStemmer = require('natural/lib/natural/stemmers/porter_stemmer_de.js') as WordStemmer;
const englishStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as WordStemmer;

/**
 * Words (letters, marks and digits, with inner apostrophes as in "don't" or "geht's") and single emoji, which
 * carry meaning in complaints ("😡") and are tokens in Lucene's standard tokenizer as well.
 */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}\p{N}]+)*|\p{Extended_Pictographic}/gu;
const EMOJI = /^\p{Extended_Pictographic}$/u;
const COMBINING_MARK = /\p{Mn}/gu;

/** Splits text into raw tokens (not yet normalised). */
export function tokenize(text: string): string[] {
  return text.normalize('NFC').match(TOKEN) ?? [];
}

/** Emoji become plain alphanumeric terms ("u1f621") so FTS5's unicode61 tokenizer keeps them as one token. */
function emojiTerm(token: string): string {
  return `u${(token.codePointAt(0) ?? 0).toString(16)}`;
}

function asciiFold(word: string): string {
  return word.normalize('NFKD').replace(COMBINING_MARK, '').normalize('NFC');
}

/**
 * German2 normalisation as in Lucene's GermanNormalizationFilter: ß → ss; ä/ö/ü → a/o/u; the transliterations
 * ae/oe → a/o and ue → u unless it follows a vowel or q (keeps "Feuer", "Quelle" intact).
 */
export function germanNormalize(word: string): string {
  return word
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/(?<![aeiouyäöüq])ue/g, 'u')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u');
}

/**
 * Memoises a term function. Stemming costs ~70 µs a token (natural's stemmers are regex chains) while social
 * media vocabulary is heavily repetitive, so a bounded cache makes indexing several times faster. When full it
 * is simply emptied: cheaper than LRU bookkeeping and the hot words return within a few posts.
 */
function cached(fn: (token: string) => string, capacity = 50_000): (token: string) => string {
  const cache = new Map<string, string>();
  return (token) => {
    let term = cache.get(token);
    if (term === undefined) {
      term = fn(token);
      if (cache.size >= capacity) cache.clear();
      cache.set(token, term);
    }
    return term;
  };
}

/** Lower case, apostrophes dropped, German2 normalisation and ASCII folding: the German chain up to the stemmer. */
function foldGerman(token: string): string {
  return asciiFold(germanNormalize(token.toLowerCase().replace(/['’]/g, '')));
}

export const germanTerm = cached((token: string): string => {
  if (EMOJI.test(token)) return emojiTerm(token);
  return germanStemmer.stem(foldGerman(token));
});

/**
 * Folded but unstemmed: prefix queries (`Verspät*`) need the word as written, since a stem can be shorter than
 * the prefix ("Verspätung" stems to "verspat", which "verspätu*" would miss). Umlauts fold as in the German chain.
 */
export const foldedTerm = cached((token: string): string => (EMOJI.test(token) ? emojiTerm(token) : foldGerman(token)));

export const englishTerm = cached((token: string): string => {
  if (EMOJI.test(token)) return emojiTerm(token);
  const word = asciiFold(
    token
      .toLowerCase()
      .replace(/['’]s$/, '')
      .replace(/['’]/g, '')
      .replace(/ß/g, 'ss'),
  );
  return englishStemmer.stem(word);
});

export interface AnalysedText {
  de: string[];
  en: string[];
  /** Unstemmed folded words, for prefix queries. */
  folded: string[];
}

/** Every analysis of a text, token order kept so phrase queries work on the result. */
export function analyse(text: string): AnalysedText {
  const tokens = tokenize(text);
  // Folding can empty a token (a lone combining mark); an empty term would break phrase positions and FTS syntax.
  const terms = (analysis: (token: string) => string): string[] => tokens.map(analysis).filter(Boolean);
  return { de: terms(germanTerm), en: terms(englishTerm), folded: terms(foldedTerm) };
}


/** One searchable part of a search text: a word (`Funkwelle`), a prefix (`Funk*`) or a quoted phrase. */
export interface TextTerm {
  /** The user's text for the term, without operators; for a prefix the one word before the `*`. */
  raw: string;
  /** Quoted, or a word that splits into several tokens ("E-Mail"): its tokens must stand together, in order. */
  phrase: boolean;
  /** `word*`: matches every word that starts with `raw`, compared folded and unstemmed (see foldedTerm). */
  prefix: boolean;
}

/**
 * Search text as both adapters translate it: every group in `required` must match, a group when any of its
 * terms does (`Zug OR Bus`); a post matching any `excluded` term is left out (`-Hotline`, `NOT Hotline`). With
 * only exclusions every other post matches; with neither the text had nothing searchable and matches nothing.
 */
export interface TextQuery {
  required: TextTerm[][];
  excluded: TextTerm[];
}

type Lexeme = { kind: 'or' | 'and' | 'not'; at: number } | { kind: 'term'; at: number; term: TextTerm; negated: boolean };

// Straight quotes plus the German „…“ and English “…” typographic pairs people paste from documents; a German
// opening quote is often closed with a straight one.
const QUOTE_CLOSERS: ReadonlyMap<string, string> = new Map([['"', '"'], ['„', '“”"'], ['“', '”"']]);
const MIN_PREFIX_LENGTH = 2;
// A Map, not an object literal: "constructor" is a word someone may search for, not an inherited property.
const OPERATORS: ReadonlyMap<string, 'or' | 'and' | 'not'> = new Map([['OR', 'or'], ['AND', 'and'], ['NOT', 'not']]);

function syntaxError(text: string, at: number, reason: string): StoreQueryError {
  return new StoreQueryError(`search text: ${reason} (at character ${at + 1} of ${JSON.stringify(text)})`);
}

/** Where the quote opened at `open` closes, or -1 when there is none: an unbalanced quote is plain text. */
function closingQuote(text: string, open: number): number {
  const closers = QUOTE_CLOSERS.get(text.charAt(open));
  if (closers === undefined) return -1;
  for (let i = open + 1; i < text.length; i++) if (closers.includes(text.charAt(i))) return i;
  return -1;
}

function phraseLexeme(text: string, at: number, inner: string, negated: boolean): Lexeme | undefined {
  // A quoted "Funk*" would otherwise quietly search the plain word.
  if (inner.includes('*')) throw syntaxError(text, at, 'a * inside quotes cannot be honoured; write the prefix without quotes, as in Funk*');
  if (tokenize(inner).length === 0) return undefined;
  return { kind: 'term', at, negated, term: { raw: inner.trim(), phrase: true, prefix: false } };
}

function wordLexeme(text: string, at: number, chunk: string): Lexeme | undefined {
  // `&&` (and `&`) standing alone is AND as programmers and search engines write it: read as the operator, so a
  // dangling one is refused like a dangling AND instead of vanishing as punctuation ("H&M" stays a word).
  const operator = /^&+$/.test(chunk) ? 'and' : OPERATORS.get(chunk);
  if (operator !== undefined) return { kind: operator, at };
  const negated = chunk.startsWith('-');
  const body = negated ? chunk.slice(1) : chunk;
  // Grouping would change what OR applies to, so parentheses are refused rather than read as punctuation.
  if (/[()]/.test(body)) {
    throw syntaxError(text, at, 'parentheses are not supported: OR binds its two neighbours ("Bahn Zug OR Bus" is Bahn and either Zug or Bus); quote text to search it literally');
  }
  const tokens = tokenize(body);
  if (tokens.length === 0) return undefined; // a lone "-", "*" or punctuation
  if (!body.includes('*')) return { kind: 'term', at, negated, term: { raw: body, phrase: tokens.length > 1, prefix: false } };
  const [word] = tokens;
  if (body.indexOf('*') !== body.length - 1 || tokens.length > 1 || word === undefined) {
    throw syntaxError(text, at, `* marks a prefix at the end of a single word, as in Funk*; "${body}" cannot be honoured`);
  }
  if ([...foldedTerm(word)].length < MIN_PREFIX_LENGTH) {
    throw syntaxError(text, at, `a prefix needs at least ${MIN_PREFIX_LENGTH} letters before the *`);
  }
  return { kind: 'term', at, negated, term: { raw: word, phrase: false, prefix: true } };
}

/** Splits search text into operators and terms; quoted text is literal. */
function lex(text: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  const push = (lexeme: Lexeme | undefined): void => void (lexeme && lexemes.push(lexeme));
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '|') {
      const at = i;
      while (text.charAt(i) === '|') i++; // | and || alike
      push({ kind: 'or', at });
    } else {
      const quote = ch === '-' ? i + 1 : i;
      const close = closingQuote(text, quote);
      if (close !== -1) {
        push(phraseLexeme(text, i, text.slice(quote + 1, close), quote > i));
        i = close + 1;
        continue;
      }
      let end = quote;
      while (end < text.length && !/[\s|]/.test(text.charAt(end)) && closingQuote(text, end) === -1) end++;
      push(wordLexeme(text, i, text.slice(i, Math.max(end, i + 1))));
      i = Math.max(end, i + 1);
    }
  }
  return lexemes;
}

const EXCLUDED_IN_OR = 'OR cannot join an excluded term; write -A -B to exclude both';

/** An excluded term cannot take part in OR: "-A OR B" has no reading both adapters would agree users meant. */
function refuseOrAfterExclusion(text: string, next: Lexeme | undefined): void {
  if (next?.kind === 'or') throw syntaxError(text, next.at, EXCLUDED_IN_OR);
}

/** Reads the item starting at lexemes[i] into `query`; returns the index after it. */
function parseItem(text: string, lexemes: readonly Lexeme[], i: number, query: TextQuery): number {
  const lexeme = lexemes[i];
  if (lexeme === undefined) return i + 1;
  const next = lexemes[i + 1];
  switch (lexeme.kind) {
    case 'or':
      throw syntaxError(text, lexeme.at, 'OR needs a word or phrase on both sides');
    case 'and':
      // Spaces already mean AND; a dangling AND is refused so "Bahn AND" cannot quietly become "Bahn".
      if (lexemes[i - 1]?.kind !== 'term' || (next?.kind !== 'term' && next?.kind !== 'not')) {
        throw syntaxError(text, lexeme.at, 'AND needs a word or phrase on both sides');
      }
      return i + 1;
    case 'not':
      if (next?.kind !== 'term' || next.negated) throw syntaxError(text, lexeme.at, 'NOT needs a word or phrase after it');
      query.excluded.push(next.term);
      refuseOrAfterExclusion(text, lexemes[i + 2]);
      return i + 2;
    case 'term':
      if (lexeme.negated) {
        query.excluded.push(lexeme.term);
        refuseOrAfterExclusion(text, next);
        return i + 1;
      }
      return parseAlternatives(text, lexemes, i, query);
  }
}

/** `A OR B OR C` starting at the term lexemes[i]: one required group. */
function parseAlternatives(text: string, lexemes: readonly Lexeme[], i: number, query: TextQuery): number {
  const group: TextTerm[] = [];
  let j = i;
  for (;;) {
    const lexeme = lexemes[j];
    if (lexeme?.kind !== 'term' || lexeme.negated) {
      const excluded = lexeme?.kind === 'not' || (lexeme?.kind === 'term' && lexeme.negated);
      throw syntaxError(text, lexemes[j - 1]?.at ?? 0, excluded ? EXCLUDED_IN_OR : 'OR needs a word or phrase on both sides');
    }
    group.push(lexeme.term);
    if (lexemes[j + 1]?.kind !== 'or') break;
    j += 2;
  }
  query.required.push(group);
  return j + 1;
}

/**
 * Parses analysts' search text (`q`). Words and "quoted phrases" are required (`A AND B`, `A && B` say the same); `A OR B` (also `A | B`) needs
 * either and binds tighter than the spaces between words; `-word`, `-"phrase"` and `NOT word` exclude; `word*`
 * is a prefix. Operators are upper case, so "or" and "not" stay searchable words. A word that splits into several
 * tokens ("E-Mail") is a phrase; an unbalanced quote is plain text; parts without a searchable token are
 * dropped. Anything else that cannot be honoured (dangling OR, parentheses, `*` mid-word) is a StoreQueryError
 * rather than a silently different search.
 */
export function parseTextQuery(text: string): TextQuery {
  const lexemes = lex(text);
  const query: TextQuery = { required: [], excluded: [] };
  for (let i = 0; i < lexemes.length; ) i = parseItem(text, lexemes, i, query);
  return query;
}

/** The parsed search text of a filter, or undefined when there is none (absent or blank: no restriction). */
export function searchText(filters: { text?: string }): TextQuery | undefined {
  return filters.text === undefined || filters.text.trim() === '' ? undefined : parseTextQuery(filters.text);
}
