/**
 * Compiles hand-written cue patterns (see cues-types.ts for their small syntax) into sticky regexes and scans
 * prepared text with them at token starts only.
 *
 * Order matters: inside the alternation the first listed pattern that matches wins (longer phrases first).
 */
import { umlautFlexible, WB_END, type PreparedText } from './text.ts';

export function toRegexSource(pattern: string): string {
  // Wildcards first: the whitespace classes inserted next contain a `*` of their own.
  const body = pattern
    .replace(/\*/g, '[\\p{L}\\p{N}]*')
    .replace(/ \?/g, '[\\s\\-]*')
    .replace(/ /g, '[\\s\\-]+');
  return umlautFlexible(body);
}

/** Splits at top-level `|` (outside groups and character classes). */
function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let last = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(source.slice(last));
  return parts;
}

/** Index of the `)` closing the group opened at `open`. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

// German spellings: a cue written "ärger" also matches "aerger" and vice versa (see umlautFlexible), so a
// literal prefix stops before any letter that has two spellings.
const TWO_SPELLINGS = /^(?:ä|ö|ü|ß|ae|oe|ue|ss)/;
const SPELLING_VARIANTS: Record<string, string[]> = { ä: ['ä', 'a'], ö: ['ö', 'o'], ü: ['ü', 'u'], ß: ['ß', 's'] };
const SPECIAL = new Set(['(', ')', '[', ']', '\\', '*', '?', '+', '{', '}', '|', '.', ' ', '^', '$']);
const MAX_PREFIX = 3;

/** Letters (up to 3) every match of `alt` must start with; '' when the alternative starts with a construct. */
function literalPrefix(alt: string): string {
  let out = '';
  for (let i = 0; i < alt.length && out.length < MAX_PREFIX; i++) {
    const c = alt[i] as string;
    if (SPECIAL.has(c) || TWO_SPELLINGS.test(alt.slice(i))) break;
    // A quantifier after this character makes it optional or repeatable: it is not a fixed prefix letter.
    const next = alt[i + 1];
    if (next === '?' || next === '*' || next === '+' || next === '{') break;
    out += c;
  }
  return out;
}

/**
 * Prefixes (1–3 characters) one of which every match of the pattern starts with, or `null` when that cannot
 * be told from the pattern text (then the pattern is tried at every token).
 */
export function matchPrefixes(pattern: string): Set<string> | null {
  const out = new Set<string>();
  for (const alt of splitTopLevel(pattern)) {
    const literal = literalPrefix(alt);
    if (literal.length > 0) {
      out.add(literal);
      continue;
    }
    const c = alt[0];
    if (alt.startsWith('(?:')) {
      const close = closingParen(alt, 0);
      const quantifier = alt[close + 1];
      if (close === -1 || quantifier === '?' || quantifier === '*') return null;
      const inner = matchPrefixes(alt.slice(3, close));
      if (!inner) return null;
      for (const x of inner) out.add(x);
    } else if (c !== undefined && SPELLING_VARIANTS[c]) {
      for (const v of SPELLING_VARIANTS[c]) out.add(v);
    } else if (alt.startsWith('ae') || alt.startsWith('oe') || alt.startsWith('ue')) {
      out.add(alt[0] as string);
      out.add(({ a: 'ä', o: 'ö', u: 'ü' } as Record<string, string>)[alt[0] as string] as string);
    } else if (alt.startsWith('ss')) {
      out.add('s');
      out.add('ß');
    } else if (alt.startsWith('\\d')) {
      for (const d of '0123456789') out.add(d);
    } else if (c === '\\' && alt[1] !== undefined && /[?+()./*|[\]{}^$#-]/.test(alt[1])) {
      out.add(alt[1]);
    } else return null;
  }
  return out;
}

export interface CueMatcher {
  /** Tries the patterns at `at` in `text`; the first listed pattern that matches wins. */
  matchAt(text: string, at: number): { pattern: number; end: number } | null;
}

/**
 * Compiles patterns (non-capturing groups `(?:…)` only) into one sticky alternation with a group per pattern,
 * behind a prefix filter: most tokens ("der", "und", "the") start no cue and cost three Set look-ups instead of
 * a regex run (which is ~1 µs per token for a hundred alternatives).
 */
export function compileAlternation(patterns: readonly string[], options: { prefilter?: boolean } = {}): CueMatcher {
  const alternatives = patterns.map((p) => `(${toRegexSource(p)})`).join('|');
  const re = new RegExp(`(?:${alternatives})${WB_END}`, 'yu');
  let prefixes: Set<string> | null = options.prefilter === false ? null : new Set<string>();
  for (const p of prefixes ? patterns : []) {
    const ps = matchPrefixes(p);
    if (ps === null || prefixes === null) {
      prefixes = null;
      break;
    }
    for (const x of ps) prefixes.add(x);
  }
  // Prefixes grouped by their first UTF-16 unit: a token costs one Map look-up and a few startsWith calls,
  // with no substring allocated.
  const byFirst = new Map<number, string[]>();
  for (const x of prefixes ?? []) byFirst.set(x.charCodeAt(0), [...(byFirst.get(x.charCodeAt(0)) ?? []), x]);
  const filtered = prefixes !== null;
  const passes = (text: string, at: number): boolean => {
    const candidates = byFirst.get(text.charCodeAt(at));
    if (!candidates) return false;
    for (const x of candidates) if (text.startsWith(x, at)) return true;
    return false;
  };
  return {
    matchAt(text, at) {
      if (filtered && !passes(text, at)) return null;
      re.lastIndex = at;
      const m = re.exec(text);
      if (m === null) return null;
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      return { pattern: g - 1, end: at + m[0].length };
    },
  };
}

/**
 * Calls `onMatch(index of the pattern, start, end)` for each non-overlapping match that begins at a token
 * (so a cue never starts inside a word); offsets are in `p.lower`.
 */
export function scanTokens(matcher: CueMatcher, p: PreparedText, onMatch: (pattern: number, start: number, end: number) => void): void {
  let after = 0;
  for (const t of p.tokens) {
    if (t.start < after || t.kind === 'url') continue;
    const m = matcher.matchAt(p.lower, t.start);
    if (m === null || m.pattern < 0) continue;
    after = m.end;
    onMatch(m.pattern, t.start, m.end);
  }
}
