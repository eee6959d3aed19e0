/**
 * Text preparation shared by every rule classifier: normalise once, tokenise once, then each classifier reads
 * the same `PreparedText`. Two normal forms exist on purpose:
 *  - `lower`: NFC, lower-cased, letter runs of 3+ collapsed to 2 ("sooooo" → "soo"), URLs blanked out. Umlauts
 *    stay, because they are evidence for the language detector; cue regexes accept both spellings (see
 *    `umlautFlexible`). `toOriginal` maps its offsets back to the caller's text for cue spans.
 *  - `Token.folded`: umlauts and ß folded (ä→ae, ß→ss, é→e) for matching that must not care how a user typed
 *    "Müller"/"Mueller" (brand queries, lexicon look-ups).
 */

export type TokenKind = 'word' | 'number' | 'mention' | 'hashtag' | 'url' | 'emoji' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Lower-cased surface form (elongations collapsed); mentions and hashtags keep their `@`/`#`. */
  text: string;
  /** `text` with umlauts/ß/accents folded: the form used for matching. */
  folded: string;
  /** Offsets in `PreparedText.lower`. */
  start: number;
  end: number;
  /** The surface form is Capitalised (not ALL CAPS): German nouns, a language signal. */
  capitalised: boolean;
  /** First token after a sentence boundary (its capital says nothing about the language). */
  sentenceStart: boolean;
}

export interface PreparedText {
  /** The caller's text, untouched. */
  original: string;
  lower: string;
  tokens: Token[];
  /** Maps an offset in `lower` to an offset in `original` (identity unless the text changed length). */
  toOriginal(offset: number): number;
}

// One alternation, tried left to right: URLs before words (so "https" is not a word), handles and hashtags
// before words, then words (letters/digits with inner hyphens and apostrophes: "e-mail", "don't", "0800-er"),
// emoticons, pictographic emoji (with modifiers/ZWJ sequences), any other punctuation.
const TOKEN_RE =
  /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*|[:;=]-?[()DPp/\\|]|<3|\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*|[^\s\p{L}\p{N}]/gu;
const WORD_START_RE = /[\p{L}\p{N}\p{M}]/u;
const PICTOGRAPHIC_RE = /\p{Extended_Pictographic}/u;

/**
 * The kind of a token the regex matched, from its first characters. The regex has no capture groups on purpose:
 * building a result array with a slot per alternative for every token cost more than these checks.
 */
function kindOf(text: string): TokenKind {
  const c = text.charCodeAt(0);
  if (c === 64 /* @ */ || c === 35 /* # */) return text.length > 1 ? (c === 64 ? 'mention' : 'hashtag') : 'punct';
  if (c < 128) {
    if (isDigit(c)) return DIGITS_RE.test(text) ? 'number' : 'word';
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      if ((c === 104 || c === 119) && (text.startsWith('http://') || text.startsWith('https://') || text.startsWith('www.'))) return 'url';
      return 'word';
    }
    return text.length > 1 ? 'emoji' : 'punct'; // ":(", ";-)", "<3" — or a single punctuation mark
  }
  const first = String.fromCodePoint(text.codePointAt(0) ?? c);
  if (WORD_START_RE.test(first)) return DIGITS_RE.test(text) ? 'number' : 'word';
  return PICTOGRAPHIC_RE.test(first) ? 'emoji' : 'punct';
}

const URL_RE = /https?:\/\/\S+|www\.\S+/gu;
/**
 * Whether the text holds a letter three times in a row (the test of `ELONGATION_G`'s run, without the regex: its
 * back-reference was tried at every position). Latin letters only: a Unicode-property back-reference scan cost twice as
 * much per post, and elongation is a Latin-script habit in our languages ("sooo", "neeein", "nööö").
 */
function hasElongation(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === text.charCodeAt(i - 1) && c === text.charCodeAt(i - 2) && ((c >= 97 && c <= 122) || c === 0xe4 || c === 0xf6 || c === 0xfc || c === 0xdf)) return true;
  }
  return false;
}
// Links are matched first and left as they are: "www." is no elongation, and a collapsed "ww." was no longer a link.
const ELONGATION_G = /(?:https?:\/\/|www\.)\S+|([a-zäöüß])\1{2,}/g;
const DIGITS_RE = /^\p{N}+$/u;
const LETTER_RE = /\p{L}/u;
const SENTENCE_END = new Set(['.', '!', '?', '…', '\n', ':']);

const NON_ASCII_RE = /[^\x00-\x7f]/;
const COMBINING_MARK_RE = /[\u0300-\u036f]/;
// Full-width Latin letters, digits and punctuation ("Ｆｕｎｋｗｅｌｌｅ", styled posts): one UTF-16 unit each, as their ASCII
// forms are, so they are read as those with every offset unchanged (QA round 6: such a post matched no brand).
const FULL_WIDTH_RE = /[\uff01-\uff5e]/;
const foldFullWidth = (text: string): string => text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const COMBINING_RE = /\p{M}+/gu;

/** Char-code loop: faster than a regex test on the short strings tokens are. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c >= 97 && c <= 122) || (c > 127 && LETTER_RE.test(text[at] ?? ''));
}

/** Folds umlauts, ß and accents: "Müller" → "mueller", "Straße" → "strasse", "café" → "cafe". Input lower-case. */
export function fold(lowered: string): string {
  if (isAscii(lowered)) return lowered;
  // One char-code loop for the umlauts and ß (a replace with a callback cost a call per match); any other
  // non-ASCII character (accents) leaves it to the Unicode decomposition below.
  let umlautsDone = '';
  let otherNonAscii = false;
  let last = 0;
  for (let i = 0; i < lowered.length; i++) {
    const c = lowered.charCodeAt(i);
    if (c < 128) continue;
    const folded = c === 0xe4 ? 'ae' : c === 0xf6 ? 'oe' : c === 0xfc ? 'ue' : c === 0xdf || c === 0x1e9e ? 'ss' : undefined;
    if (folded === undefined) {
      otherNonAscii = true;
      continue;
    }
    umlautsDone += lowered.slice(last, i) + folded;
    last = i + 1;
  }
  umlautsDone = last === 0 ? lowered : umlautsDone + lowered.slice(last);
  if (!otherNonAscii) return umlautsDone;
  return umlautsDone.normalize('NFD').replace(COMBINING_RE, '').normalize('NFC');
}

/** Lower-cases without changing the length (a few characters such as "İ" grow under toLowerCase). */
function lowerSameLength(text: string): string {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Collapses letter runs of 3+ to 2 ("soooo" → "soo", "neeeein" → "neein") and records where characters came from. */
function collapseElongations(text: string): { text: string; map: Int32Array | null } {
  if (!hasElongation(text)) return { text, map: null };
  const map = new Int32Array(text.length + 1);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(ELONGATION_G)) {
    if (m[1] === undefined) continue;
    const at = m.index ?? 0;
    for (let i = last; i < at + 2; i++) {
      map[out.length] = i;
      out += text[i];
    }
    last = at + m[0].length;
  }
  for (let i = last; i < text.length; i++) {
    map[out.length] = i;
    out += text[i];
  }
  map[out.length] = text.length;
  return { text: out, map: map.subarray(0, out.length + 1) };
}

/** Normalises and tokenises a post's text once for all rule classifiers. */
export function prepare(original: string): PreparedText {
  // NFC only shortens decomposed input; offsets then refer to the NFC form, which is what the UI shows anyway.
  // Pure ASCII (most English posts) is already in NFC: skip the call on the hot path.
  // Combining marks (U+0300–U+036F: "u" + "̈") are what NFC composes in Latin text; only then is the call needed.
  const composed = COMBINING_MARK_RE.test(original) ? original.normalize('NFC') : original;
  const cased = FULL_WIDTH_RE.test(composed) ? foldFullWidth(composed) : composed;
  const lowered0 = lowerSameLength(cased);
  const { text: collapsed, map } = collapseElongations(lowered0);
  const casedCollapsed = map ? Array.from(map.subarray(0, collapsed.length), (i) => cased[i] ?? '').join('') : cased;
  // Typographic apostrophes become ASCII (same length) so "don’t" and "don't" match the same cues.
  const plain = collapsed.includes('’') ? collapsed.replace(/’/g, "'") : collapsed;
  const lower = plain.includes('http') || plain.includes('www.') ? plain.replace(URL_RE, (u) => ' '.repeat(u.length)) : plain;
  const tokens = tokenizeLowered(plain, casedCollapsed, NON_ASCII_RE.test(plain));
  return {
    original,
    lower,
    tokens,
    toOriginal: map ? (offset) => map[Math.min(offset, map.length - 1)] ?? original.length : (offset) => offset,
  };
}

function tokenizeLowered(lowered: string, cased: string, nonAscii: boolean): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(lowered); m !== null; m = TOKEN_RE.exec(lowered)) {
    const text = m[0];
    const start = m.index;
    const kind = kindOf(text);
    // Capitalised = first character changed under lower-casing and the second did not ("Zug", not "ZUG");
    // comparing char codes avoids a slice and a regex per token on the hot path.
    const capitalised =
      kind === 'word' &&
      cased.charCodeAt(start) !== lowered.charCodeAt(start) &&
      text.length > 1 &&
      cased.charCodeAt(start + 1) === lowered.charCodeAt(start + 1) &&
      isLetter(lowered, start + 1);
    tokens.push({ kind, text, folded: kind === 'url' || !nonAscii ? text : fold(text), start, end: start + text.length, capitalised, sentenceStart });
    if (kind === 'punct') sentenceStart = SENTENCE_END.has(text) || (sentenceStart && (text === '"' || text === '„' || text === '“'));
    else if (kind === 'word' || kind === 'number') sentenceStart = false;
  }
  // Line breaks end sentences too (headlines, list items): the tokenizer skips whitespace, so mark them here.
  if (lowered.includes('\n')) {
    let t = 0;
    for (let i = lowered.indexOf('\n'); i !== -1; i = lowered.indexOf('\n', i + 1)) {
      while (t < tokens.length && (tokens[t]?.start ?? 0) < i) t++;
      const next = tokens[t];
      if (next) next.sentenceStart = true;
    }
  }
  return tokens;
}

/** Tokenises a short string (a query term) the same way post text is tokenised. */
export function tokenize(text: string): Token[] {
  return prepare(text).tokens;
}

const UMLAUT_ALTERNATIVES: Array<[RegExp, string]> = [
  [/ae|ä/g, '(?:ä|ae)'],
  [/oe|ö/g, '(?:ö|oe)'],
  [/ue|ü/g, '(?:ü|ue)'],
  [/ss|ß/g, '(?:ß|ss)'],
];

/**
 * Turns a lower-case cue written in either spelling into a regex source that accepts both ("rückmeldung"
 * matches "rueckmeldung" and vice versa, "schluss" matches "schluß"). Regex syntax in the cue is kept.
 */
export function umlautFlexible(source: string): string {
  let out = source;
  for (const [re, alt] of UMLAUT_ALTERNATIVES) out = out.replace(re, alt);
  return out;
}

/** Unicode-aware word boundaries (`\b` in JS regexes only knows ASCII letters). */
export const WB_START = '(?<![\\p{L}\\p{N}])';
export const WB_END = '(?![\\p{L}\\p{N}])';
