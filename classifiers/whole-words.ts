/**
 * Phrase lists matched as whole words in lower-cased text, for the severity rules (learned/severity.ts,
 * severity-blame.ts), which run on every complaint and test a dozen lists each.
 */

/** A set of phrases, tested as whole words in lower-cased text. */
export interface Phrases {
  test(lower: string): boolean;
  /** The exact pattern, for callers that need a RegExp of their own (replace, flags). */
  readonly source: string;
}

/**
 * Whole-word alternation over lower-cased text; `\b` is ASCII-only in JavaScript and would miss "ärgerlich", hence the
 * lookarounds. The leading lookbehind, checked at every position, cost about five times the rest (1.3 µs against 0.25
 * per pattern on the cross-domain posts), so a text is first tested without it, and the severity rules, which run on
 * every complaint, pay for it only where a phrase occurs. Without the `i` flag for the same reason: callers lower-case
 * the text once.
 */
export function phrases(alternatives: string[]): Phrases {
  const body = `(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`;
  const quick = new RegExp(body, 'u');
  const exact = new RegExp(`(?<![\\p{L}\\p{N}_])${body}`, 'u');
  return { test: (lower) => quick.test(lower) && exact.test(lower), source: exact.source };
}

/**
 * `word` where `context` (with its own trailing space) stands right before it. Written with the distinctive word first:
 * a pattern that starts with "i", "on" or "am" is tried at nearly every position of a text, one that starts with
 * "handy" or "fest" at few, and the context is checked only there.
 */
export function preceded(context: string, word: string): string {
  return `(?:${word})(?<=(?<![\\p{L}\\p{N}_])(?:${context})(?:${word}))`;
}
