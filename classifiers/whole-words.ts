/**
 * Phrase lists matched as whole words in lower-cased text, for the severity rules (learned/severity.ts,
 * severity-blame.ts), which run on every complaint and test a dozen lists each.
 */

import { startChars } from './phrase-starts.ts';
import { unitClass } from './unit-class.ts';

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
 * Several phrase lists tested in one pass over a lower-cased text: which of them occur as whole words. The severity
 * rules test half a dozen lists of hundreds of phrases on every complaint, and the regex engine tries every phrase at
 * every position of the text (about 10 µs a post). A whole word starts where no letter, digit or underscore stands
 * before, so only those positions are visited, and at each only the phrases that can start with its character
 * (phrase-starts.ts); where one of them matches, each list not yet found is tried there with its own exact pattern.
 * The answer is that of testing each list with `phrases` on its own (tests/unit/classifiers/whole-words.test.ts).
 */
export function phraseLists<K extends string>(lists: Record<K, string[]>): (lower: string) => Set<K> {
  const names = Object.keys(lists) as K[];
  const exact = names.map((k) => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${lists[k].join('|')})${WORD_END}`, 'yu'));
  const byStart = new Map<number, string[]>();
  const anywhere: string[] = [];
  for (const k of names) {
    for (const phrase of lists[k]) {
      const starts = startChars(phrase);
      if (starts === null) anywhere.push(phrase);
      else for (const c of starts) byStart.set(c, [...(byStart.get(c) ?? []), phrase]);
    }
  }
  const sticky = (alternatives: string[]): RegExp => new RegExp(`(?:${alternatives.join('|')})${WORD_END}`, 'yu');
  const tryAt = new Map<number, RegExp>([...byStart].map(([c, phrases]) => [c, sticky([...phrases, ...anywhere])]));
  const tryAnywhere = anywhere.length > 0 ? sticky(anywhere) : undefined;
  return (lower) => {
    const found = new Set<K>();
    for (let i = 0; i < lower.length && found.size < names.length; i++) {
      if (i > 0 && isWordUnit(lower.charCodeAt(i - 1))) continue;
      const candidates = tryAt.get(lower.charCodeAt(i)) ?? tryAnywhere;
      if (candidates === undefined) continue;
      candidates.lastIndex = i;
      if (!candidates.test(lower)) continue;
      for (let k = 0; k < names.length; k++) {
        const name = names[k] as K;
        if (found.has(name)) continue;
        const re = exact[k] as RegExp;
        re.lastIndex = i;
        if (re.test(lower)) found.add(name);
      }
    }
    return found;
  };
}

const WORD_END = '(?![\\p{L}\\p{N}_])';
// A surrogate reads as no letter: its position is visited, and the exact pattern, which reads whole code points, decides.
const isWordUnit = unitClass(/[\p{L}\p{N}_]/u);

/**
 * `word` where `context` (with its own trailing space) stands right before it. Written with the distinctive word first:
 * a pattern that starts with "i", "on" or "am" is tried at nearly every position of a text, one that starts with
 * "handy" or "fest" at few, and the context is checked only there.
 */
export function preceded(context: string, word: string): string {
  return `(?:${word})(?<=(?<![\\p{L}\\p{N}_])(?:${context})(?:${word}))`;
}

/**
 * A RegExp matching `source` as whole words, umlauts included (`\b` knows no umlauts), case-insensitive by default: for
 * the unanswered detector's phrase lists, which test raw post text a few times per post.
 */
export function wordsRe(source: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, flags);
}
