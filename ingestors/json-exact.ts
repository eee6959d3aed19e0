/**
 * JSON.parse that keeps integers beyond 2^53 exact, as strings. Tweet and Facebook ids are 64-bit integers, and
 * scrapers such as snscrape write them as JSON numbers ({"id": 1360000000000000001, "conversationId": …}), which
 * JSON.parse rounds: every post of such a file would lose its id. Those tokens (outside strings) are quoted before
 * parsing; everything else parses exactly as JSON.parse would, and malformed JSON fails as it would.
 */

// A value of 16 or more digits after `:`, `[` or `,`: below that every integer is exact, and digits inside strings
// (`id_str`, status links) do not count. Without one the text goes to JSON.parse untouched.
const LONG_NUMBER_VALUE = /[:[,]\s*-?\d{16}/;

export function parseJsonExact(text: string): unknown {
  if (!LONG_NUMBER_VALUE.test(text)) return JSON.parse(text);
  return JSON.parse(quoteLongIntegers(text));
}

const QUOTE = 0x22, BACKSLASH = 0x5c, MINUS = 0x2d, ZERO = 0x30, NINE = 0x39, DOT = 0x2e, LOWER_E = 0x65, UPPER_E = 0x45, PLUS = 0x2b;

function isNumberChar(c: number): boolean {
  return (c >= ZERO && c <= NINE) || c === DOT || c === LOWER_E || c === UPPER_E || c === PLUS || c === MINUS;
}

/** `text` with every integer token outside string literals that is not exactly representable written as a string. */
export function quoteLongIntegers(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // A string literal: skip to its closing quote, past escapes.
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i += 2;
        else if (d === QUOTE) break;
        else i++;
      }
      i++;
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      let end = i + 1;
      let integer = true;
      while (end < n && isNumberChar(text.charCodeAt(end))) {
        const d = text.charCodeAt(end);
        if (d < ZERO || d > NINE) integer = false;
        end++;
      }
      const digitsFrom = c === MINUS ? i + 1 : i;
      // A leading zero makes the token invalid JSON: left as it is, for JSON.parse to refuse.
      const leadingZero = text.charCodeAt(digitsFrom) === ZERO && end - digitsFrom > 1;
      if (integer && !leadingZero && end - digitsFrom >= 16 && !Number.isSafeInteger(Number(text.slice(i, end)))) {
        parts.push(text.slice(copied, i), '"', text.slice(i, end), '"');
        copied = end;
      }
      i = end;
    } else {
      i++;
    }
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
