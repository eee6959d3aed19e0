/**
 * Tokeniser for social-media German and English: URLs, @users, #tags, words with apostrophes, numbers,
 * emoji, emoticons and punctuation (kept only to end negation scopes and bigrams). One regex pass; tokens carry
 * the original surface (for cues) and a normalised form (for features).
 */
export interface Token {
  kind: 'word' | 'num' | 'url' | 'user' | 'emoji' | 'punct';
  /** As written, for analyst-facing cues. */
  surface: string;
  /** Lower-cased, elongations shortened, URLs/users/numbers replaced by a placeholder. */
  norm: string;
  start: number;
  end: number;
  /** "suuuper", "neeein": three or more repeats of a letter. */
  elongated: boolean;
  /** All capitals and at least three letters: "NIE WIEDER". */
  shouted: boolean;
  /** For emoji and emoticons: +1 / -1 / 0. */
  polarity: number;
}

// The alternatives, in order: URL, @user, #tag, word, number, emoticon, emoji, punctuation. No capture
// groups: which alternative matched is read off the match's first character (`tokenKind`), which is cheaper
// than a match array with a slot per alternative for every token.
const TOKEN_RE =
  /https?:\/\/\S+|www\.\S+|@\w+|#[\p{L}\p{N}_]+|\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*|\p{N}+(?:[.,:]\p{N}+)*|[:;=8][-^']?[()\[\]DPpOo\/\\|*3]|<3|\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|\uFE0F)*|[.,;:!?]+/gu;
const LETTER_RE = /^\p{L}/u;
const NUMBER_RE = /^\p{N}/u;
const PUNCT_ONLY_RE = /^[.,;:!?]+$/;

const enum Alt {
  Url,
  User,
  Hashtag,
  Word,
  Num,
  Emoji,
  Punct,
}

/**
 * The alternative of TOKEN_RE that matched `surface`. Exact because the alternatives start differently: a URL
 * is the only match beginning "http://", "https://" or "www." (a word stops at ":" or "."); "@" and "#" start
 * only their own; a letter starts a word and a digit a number (both always match, and come before the
 * emoticons, so "8)" is a number); of the rest, an emoticon always has a character outside [.,;:!?].
 */
function tokenKind(surface: string): Alt {
  const c = surface.charCodeAt(0);
  if (c === 64 /* @ */) return Alt.User;
  if (c === 35 /* # */) return Alt.Hashtag;
  if ((c === 104 || c === 119) && (surface.startsWith('http://') || surface.startsWith('https://') || surface.startsWith('www.'))) return Alt.Url;
  if (c < 128) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return Alt.Word;
    if (c >= 48 && c <= 57) return Alt.Num;
    return PUNCT_ONLY_RE.test(surface) ? Alt.Punct : Alt.Emoji;
  }
  if (LETTER_RE.test(surface)) return Alt.Word;
  if (NUMBER_RE.test(surface)) return Alt.Num;
  return Alt.Emoji;
}

const ELONGATION_RE = /(\p{L})\1{2,}/gu;

// Emoji and emoticons whose sentiment is stable across German and English social media.
const POSITIVE = new Set([':)', ':-)', ':d', ';)', ';-)', '=)', ':p', '<3', '😀', '😃', '😄', '😁', '😊', '🙂', '😍', '🥰', '😘', '👍', '👏', '🙏', '❤', '❤️', '💪', '🎉', '✅', '😉', '😎', '🤗', '💚', '💙']);
const NEGATIVE = new Set([':(', ':-(', ':/', ':-/', ":'(", '😠', '😡', '🤬', '😤', '😞', '😢', '😭', '😩', '😫', '🙄', '😒', '👎', '💩', '😖', '😣', '🤮', '🤢', '😑', '😐', '😕', '🙁', '☹', '☹️', '😬', '🤦', '🤦‍♂️', '🤦‍♀️']);

const SHOUT_RE = /\p{Lu}{3}/u;

/**
 * Cheap necessary condition for ELONGATION_RE (a letter three times in a row): three equal UTF-16 units in a
 * row, or any surrogate (an astral letter repeated is "hi lo hi lo hi lo", which the unit check cannot see).
 * Skips the Unicode back-reference regex for almost every word.
 */
function mayBeElongated(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (i >= 2 && c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2)) return true;
  }
  return false;
}

/**
 * An ASCII a–z in `w`: upper-casing changes it, so `w` is not all capitals. Capitalised nouns ("Zug") are most
 * of German text's words with capitals; this turns them away before `toUpperCase` allocates a string for each.
 */
function hasAsciiLowercase(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Typographic apostrophes are rare: look for them once per post, not once per word.
  const curly = text.includes('’');
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const surface = m[0];
    const start = m.index;
    const end = start + surface.length;
    const alt = tokenKind(surface);
    let kind: Token['kind'];
    let norm: string;
    let polarity = 0;
    let elongated = false;
    let shouted = false;
    if (alt === Alt.Url) {
      kind = 'url';
      norm = '<url>';
    } else if (alt === Alt.User) {
      kind = 'user';
      norm = '<user>';
    } else if (alt === Alt.Hashtag || alt === Alt.Word) {
      kind = 'word';
      const w = alt === Alt.Hashtag ? surface.slice(1) : surface;
      const lower = w.toLowerCase();
      // Shouting needs three letters so "DB" or "ICE" are not mistaken for anger. Most words are lower-case
      // already, so `w !== lower` is tested first and the upper-casing and regex are rarely reached.
      shouted = w.length >= 3 && w !== lower && !hasAsciiLowercase(w) && w === w.toUpperCase() && SHOUT_RE.test(w);
      norm = curly && lower.includes('’') ? lower.replace(/’/g, "'") : lower;
      if (mayBeElongated(norm) && ELONGATION_RE.test(norm)) {
        elongated = true;
        ELONGATION_RE.lastIndex = 0;
        norm = norm.replace(ELONGATION_RE, '$1$1');
      }
      ELONGATION_RE.lastIndex = 0;
    } else if (alt === Alt.Num) {
      kind = 'num';
      norm = '<num>';
    } else if (alt === Alt.Emoji) {
      kind = 'emoji';
      norm = surface.toLowerCase();
      polarity = POSITIVE.has(norm) ? 1 : NEGATIVE.has(norm) ? -1 : 0;
    } else {
      // "!!" and "?" end negation scope like "." does; their presence is a surface feature, not a word.
      kind = 'punct';
      norm = surface;
    }
    out.push({ kind, surface, norm, start, end, elongated, shouted, polarity });
  }
  return out;
}
