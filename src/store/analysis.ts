/**
 * Text analysis for the embedded store, mirroring the Elasticsearch template (see es-template.ts): every post is
 * indexed twice, once through a German chain (lower case, German2 umlaut normalisation, ASCII folding, Snowball
 * German stem) and once through an English chain (possessive strip, ASCII folding, Porter stem). A query term
 * matches when either analysis matches, so "Verspätung", "verspaetung" and "Verspätungen" meet in the German
 * column and "delayed"/"delay" in the English one, without guessing a post's language at search time.
 */
import { createRequire } from 'node:module';

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

export const germanTerm = cached((token: string): string => {
  if (EMOJI.test(token)) return emojiTerm(token);
  const word = asciiFold(germanNormalize(token.toLowerCase().replace(/['’]/g, '')));
  return germanStemmer.stem(word);
});

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
}

/** Both analyses of a text, token order kept so phrase queries work on the result. */
export function analyse(text: string): AnalysedText {
  const tokens = tokenize(text);
  // Folding can empty a token (a lone combining mark); an empty term would break phrase positions and FTS syntax.
  return { de: tokens.map(germanTerm).filter(Boolean), en: tokens.map(englishTerm).filter(Boolean) };
}

/** A search text split into the parts every match must contain. */
export interface TextQuery {
  /** Single words or quoted phrases, all required; `raw` is the user's text for that part. */
  clauses: Array<{ raw: string; phrase: boolean }>;
}

// Straight quotes plus the German „…“ and English “…” typographic pairs people paste from documents.
const QUOTED = /"([^"]*)"|„([^“”"]*)[“”"]|“([^”"]*)[”"]/g;

/**
 * Parses user search text: quoted parts are phrases, everything else is a required word. A word that splits into
 * several tokens ("E-Mail") is treated as a phrase so its pieces stay together. Parts without any searchable
 * token are dropped; callers treat a text with no clauses as matching nothing.
 */
export function parseTextQuery(text: string): TextQuery {
  const clauses: TextQuery['clauses'] = [];
  const rest = text.replace(QUOTED, (_all, a?: string, b?: string, c?: string) => {
    const phrase = (a ?? b ?? c ?? '').trim();
    if (tokenize(phrase).length > 0) clauses.push({ raw: phrase, phrase: true });
    return ' ';
  });
  for (const word of rest.split(/\s+/)) {
    const tokens = tokenize(word);
    if (tokens.length === 0) continue;
    clauses.push({ raw: word, phrase: tokens.length > 1 });
  }
  return { clauses };
}
