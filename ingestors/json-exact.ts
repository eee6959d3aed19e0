/**
 * JSON.parse that keeps integers beyond 2^53 exact, as strings. Tweet and Facebook ids are 64-bit integers, and
 * scrapers such as snscrape write them as JSON numbers ({"id": 1360000000000000001, "conversationId": …}), which
 * JSON.parse rounds: every post of such a file would lose its id. Those tokens (outside strings) are quoted before
 * parsing; everything else parses exactly as JSON.parse would.
 */

// A run of 16 digits somewhere: below that every integer is exact, and the scan below is skipped.
const LONG_DIGITS = /\d{16}/;
const INTEGER = /^-?\d+$/;

export function parseJsonExact(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  return JSON.parse(quoteLongIntegers(text));
}

/** `text` with every integer token outside string literals that is not exactly representable written as a string. */
export function quoteLongIntegers(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string literal: skip to its closing quote, past escapes.
      i++;
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < text.length && /[0-9.eE+-]/.test(text[end] as string)) end++;
      const token = text.slice(i, end);
      if (INTEGER.test(token) && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(copied, i)}"${token}"`;
        copied = end;
      }
      i = end;
    } else {
      i++;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}
