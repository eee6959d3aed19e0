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

const TOKEN_RE =
  /(https?:\/\/\S+|www\.\S+)|(@\w+)|#([\p{L}\p{N}_]+)|(\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*)|(\p{N}+(?:[.,:]\p{N}+)*)|([:;=8][-^']?[()\[\]DPpOo\/\\|*3]|<3)|(\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|\uFE0F)*)|([.,;:!?]+)/gu;

const ELONGATION_RE = /(\p{L})\1{2,}/gu;

// Emoji and emoticons whose sentiment is stable across German and English social media.
const POSITIVE = new Set([':)', ':-)', ':d', ';)', ';-)', '=)', ':p', '<3', '😀', '😃', '😄', '😁', '😊', '🙂', '😍', '🥰', '😘', '👍', '👏', '🙏', '❤', '❤️', '💪', '🎉', '✅', '😉', '😎', '🤗', '💚', '💙']);
const NEGATIVE = new Set([':(', ':-(', ':/', ':-/', ":'(", '😠', '😡', '🤬', '😤', '😞', '😢', '😭', '😩', '😫', '🙄', '😒', '👎', '💩', '😖', '😣', '🤮', '🤢', '😑', '😐', '😕', '🙁', '☹', '☹️', '😬', '🤦', '🤦‍♂️', '🤦‍♀️']);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const surface = m[0];
    const start = m.index;
    const end = start + surface.length;
    let kind: Token['kind'];
    let norm: string;
    let polarity = 0;
    let elongated = false;
    let shouted = false;
    if (m[1] !== undefined) {
      kind = 'url';
      norm = '<url>';
    } else if (m[2] !== undefined) {
      kind = 'user';
      norm = '<user>';
    } else if (m[3] !== undefined || m[4] !== undefined) {
      kind = 'word';
      const w = m[3] ?? (m[4] as string);
      // Shouting needs three letters so "DB" or "ICE" are not mistaken for anger.
      shouted = w.length >= 3 && w === w.toUpperCase() && w !== w.toLowerCase() && /\p{Lu}{3}/u.test(w);
      norm = w.toLowerCase().replace(/’/g, "'");
      if (ELONGATION_RE.test(norm)) {
        elongated = true;
        ELONGATION_RE.lastIndex = 0;
        norm = norm.replace(ELONGATION_RE, '$1$1');
      }
      ELONGATION_RE.lastIndex = 0;
    } else if (m[5] !== undefined) {
      kind = 'num';
      norm = '<num>';
    } else if (m[6] !== undefined || m[7] !== undefined) {
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
