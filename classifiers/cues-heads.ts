/**
 * What a cue alternative's matches must start with ("heads"), read from the cue syntax of cues-types.ts, so the
 * matcher (cues-regex.ts) can skip, with a few character comparisons, the alternatives that cannot match at a
 * token — and match fully literal alternatives without running a regex at all.
 *
 * A head is a string in which a space stands for a run of one or more separators (`[\s\-]`, what a space in a
 * cue means). Heads are necessary conditions: every match of the alternative starts with one of them.
 */

import { unitClass } from './unit-class.ts';

/** Splits at top-level `|` (outside groups and character classes). */
export function splitTopLevel(source: string): string[] {
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
export function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

export const SPECIAL = new Set(['(', ')', '[', ']', '\\', '*', '?', '+', '{', '}', '|', '.', ' ', '^', '$']);

const MAX_HEAD = 24;
/** In a head: a run of one or more ASCII digits (`\d+`). */
export const DIGIT_RUN = '\u0001';
/** In a head: zero or more separators (" ?"). */
export const OPTIONAL_SEPARATORS = '\u0002';
const RUN_DIGITS = -2;
const RUN_OPTIONAL = -3;
const MAX_VARIANTS = 64;
/** The two spellings `umlautFlexible` accepts for each of these (it rewrites them left to right). */
const SPELLINGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ä', ['ä', 'ae']], ['ae', ['ä', 'ae']], ['ö', ['ö', 'oe']], ['oe', ['ö', 'oe']],
  ['ü', ['ü', 'ue']], ['ue', ['ü', 'ue']], ['ß', ['ß', 'ss']], ['ss', ['ß', 'ss']],
];
const SPELLING_STARTS = new Set(SPELLINGS.map(([spelling]) => spelling[0] as string));
const ESCAPED_LITERAL = /[?+()./*|[\]{}^$#\-\\]/;
const DIGITS = '0123456789';
const SEPARATOR_RE = /[\s\-]/;
const LETTER_OR_NUMBER_RE = /[\p{L}\p{N}]/u;

/** True for the characters of `[\s\-]`, the class a space in a cue stands for. */
export const isSeparator = unitClass(SEPARATOR_RE);

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `[\p{L}\p{N}]` at `at` (a whole code point, as the regexes' `u` flag reads it); false at the end. */
function letterOrNumberAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // A surrogate is read as its whole code point by the regex; any other unit is looked up (umlauts in "rückerstattung").
  if (c >= 0xd800 && c <= 0xdfff) return LETTER_OR_NUMBER_RE.test(String.fromCodePoint(text.codePointAt(at) as number));
  return isLetterOrNumberUnit(c);
}

const isLetterOrNumberUnit = unitClass(LETTER_OR_NUMBER_RE);

/** How a head relates to the alternative's whole match. */
export const enum HeadKind {
  /** The match starts with the head; more may follow (the alternative's regex decides). */
  Prefix = 0,
  /** The match is exactly the head. */
  Exact = 1,
  /** The match is the head followed by the longest run of letters/digits (a trailing `*` wildcard). */
  Wildcard = 2,
}

export interface Head {
  s: string;
  kind: HeadKind;
}

/**
 * Heads (up to 24 characters) one of which every match of one top-level alternative (cue syntax) starts with;
 * null when that cannot be told. Spelling variants and groups are expanded and words are followed across
 * spaces, so "doesn't" needs "doesn't" or "dösn't", and "a joke" needs "a", a separator, "joke".
 *
 * When every head is Exact or Wildcard, none is a prefix of another and none contains a literal separator,
 * at most one head can fit the text at a position, and the alternative matches there exactly when that head
 * fits and no letter or digit follows it (the closing word boundary): the matcher then needs no regex.
 */
export function alternativeHeads(alt: string): Head[] | null {
  const heads = sequenceHeads(alt, true);
  if (heads === null) return null;
  const out: Head[] = [];
  const seen = new Set<string>();
  for (const h of heads) {
    // One-or-more separators next to zero-or-more are one-or-more.
    const merged = h.s.replace(/[ \u0002]{2,}/g, (run) => (run.includes(' ') ? ' ' : OPTIONAL_SEPARATORS));
    const s = usableHead(merged);
    if (s.length === 0) return null;
    const complete = s === h.s && s.length < MAX_HEAD && !s.includes(DIGIT_RUN) && !s.includes(OPTIONAL_SEPARATORS);
    const kind = complete ? (h.wild ? HeadKind.Wildcard : h.open ? HeadKind.Exact : HeadKind.Prefix) : HeadKind.Prefix;
    if (!seen.has(s)) out.push({ s, kind });
    seen.add(s);
  }
  if (out.some((h) => h.kind === HeadKind.Prefix) || !literalOnly(out)) return out.map((h) => ({ s: h.s, kind: HeadKind.Prefix }));
  return out;
}

/** No head is a prefix of another and none has a separator character other than a space's run. */
function literalOnly(heads: readonly Head[]): boolean {
  for (const h of heads) {
    for (let k = 0; k < h.s.length; k++) {
      const c = h.s.charCodeAt(k);
      if (c !== 32 && isSeparator(c)) return false;
    }
    for (const other of heads) if (other !== h && other.s.startsWith(h.s)) return false;
  }
  return true;
}

/**
 * Cuts a head before a run that starts it or that is followed by what the run itself could take (a separator
 * after a separator run, a digit after a digit run): runs are skipped greedily, which is exact only without
 * that. A head may start with a digit run (it is indexed under every digit), not with a separator run.
 */
function usableHead(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const run = c === 32 || c === 2 ? 'sep' : c === 1 ? 'digit' : undefined;
    if (run === undefined) continue;
    if (k === 0 && run === 'sep') return '';
    let j = k + 1;
    // After a digit run, optional separators may come first: what matters is the next required character.
    if (run === 'digit') while (s.charCodeAt(j) === 2) j++;
    if (j >= s.length) continue;
    const next = s.charCodeAt(j);
    const bad = run === 'sep' ? next === 32 || next === 2 || isSeparator(next) : next === 1 || isDigit(next);
    if (bad) return s.slice(0, k);
  }
  return s;
}

interface RawHead {
  s: string;
  /** The whole match along this path is `s` (more of an enclosing sequence may follow). */
  open: boolean;
  /** `s` then a trailing `*` wildcard, at the very end of a top-level alternative. */
  wild: boolean;
}

/** Heads of every top-level alternative of `source`; null when one of them has none. */
function alternativesHeads(source: string): RawHead[] | null {
  const all: RawHead[] = [];
  for (const part of splitTopLevel(source)) {
    const heads = sequenceHeads(part, false);
    if (heads === null) return null;
    all.push(...heads);
  }
  return all.length > MAX_VARIANTS ? null : all;
}

function sequenceHeads(source: string, topLevel: boolean): RawHead[] | null {
  const out: RawHead[] = [];
  let ok = true;
  const close = (s: string): void => {
    if (s.length === 0) ok = false;
    else out.push({ s: s.slice(0, MAX_HEAD), open: false, wild: false });
  };
  // A letter before `*` is required (the cue wildcard is "any word ending"); at the very end of a top-level
  // alternative the head is then complete up to that ending.
  const wildcard = (s: string, after: number): void => {
    if (topLevel && after === source.length && s.length < MAX_HEAD) out.push({ s, open: false, wild: true });
    else close(s);
  };
  const walk = (at: number, sofar: string): void => {
    if (!ok) return;
    if (sofar.length >= MAX_HEAD || out.length >= MAX_VARIANTS) return close(sofar);
    if (at >= source.length) {
      out.push({ s: sofar, open: true, wild: false });
      return;
    }
    const c = source[at] as string;
    if (c === ' ') {
      // " " is one or more separators, " ?" zero or more.
      const next = source[at + 1];
      // A group's last word with its space ("(?:zum )?mal"): the separator run leads into what follows the group.
      if (next === undefined) return topLevel ? close(sofar) : walk(at + 1, `${sofar} `);
      if (next === '?') return walk(at + 2, sofar + OPTIONAL_SEPARATORS);
      return walk(at + 1, `${sofar} `);
    }
    if (c === '(') {
      // A plain group (?:…) that is neither optional nor repeated: each branch, then what follows it.
      if (!source.startsWith('(?:', at)) return close(sofar);
      const end = closingParen(source, at);
      if (end === -1) return close(sofar);
      const q = source[end + 1];
      if (q === '*' || q === '{') return close(sofar);
      const inner = alternativesHeads(source.slice(at + 3, end));
      if (inner === null) return close(sofar);
      if (q === '?') {
        // An optional group: without it, or with each of its branches.
        if (inner.some((h) => !h.open)) return close(sofar);
        walk(end + 2, sofar);
        for (const h of inner) walk(end + 2, sofar + h.s);
        return;
      }
      for (const h of inner) {
        if (h.open && q !== '+') walk(end + 1, sofar + h.s);
        else close(sofar + h.s);
      }
      return;
    }
    if (c === '\\') {
      const e = source[at + 1];
      if (e === 'd') {
        // `\d+`: a run of digits (\d is ASCII 0-9 even with the u flag).
        if (source[at + 2] === '+') return walk(at + 3, sofar + DIGIT_RUN);
        if (source[at + 2] === '?' || source[at + 2] === '*' || source[at + 2] === '{') return close(sofar);
        for (const d of DIGITS) close(sofar + d);
        return;
      }
      if (e === undefined || !ESCAPED_LITERAL.test(e)) return close(sofar);
      const q = source[at + 2];
      if (q === '?' || q === '*' || q === '{') return close(sofar);
      if (q === '+') return close(sofar + e);
      return walk(at + 2, sofar + e);
    }
    if (SPECIAL.has(c)) return close(sofar);
    for (const [spelling, variants] of SPELLING_STARTS.has(c) ? SPELLINGS : []) {
      if (!source.startsWith(spelling, at)) continue;
      const q = source[at + spelling.length];
      if (q === '?' || q === '{') return close(sofar);
      if (q === '*') {
        for (const v of variants) wildcard(sofar + v, at + spelling.length + 1);
        return;
      }
      if (q === '+') {
        for (const v of variants) close(sofar + v);
        return;
      }
      for (const v of variants) walk(at + spelling.length, sofar + v);
      return;
    }
    const q = source[at + 1];
    if (q === '{') return close(sofar);
    if (q === '?') {
      // An optional character: without it, or with it ("no-?reply": "noreply", "no-reply").
      walk(at + 2, sofar);
      walk(at + 2, sofar + c);
      return;
    }
    if (q === '*') return wildcard(sofar + c, at + 2);
    if (q === '+') return close(sofar + c);
    return walk(at + 1, sofar + c);
  };
  walk(0, '');
  return ok ? out : null;
}

/** A head as UTF-16 units, -1 standing for the separator run of a space. */
export function headCodes(head: string): Int32Array {
  const codes = new Int32Array(head.length);
  for (let k = 0; k < head.length; k++) {
    const c = head.charCodeAt(k);
    codes[k] = c === 32 ? -1 : c === 1 ? RUN_DIGITS : c === 2 ? RUN_OPTIONAL : c;
  }
  return codes;
}

/**
 * Where the head (as `headCodes`) ends when it occurs in `text` at `at`, else -1: its characters literally,
 * each -1 as one or more separators. Runs are skipped greedily, which is exact because a head never has a
 * separator right after a space. (Heads are arrays, not strings: strings built by concatenation are ropes,
 * whose characters cost far more to read.)
 */
export function headEnd(text: string, at: number, codes: Int32Array): number {
  return headEndIn(text, at, codes, 0, codes.length);
}

/** `headEnd` for the codes `codes[from..to)`: the matcher keeps all heads' codes in one array. */
export function headEndIn(text: string, at: number, codes: Int32Array, from: number, to: number): number {
  const n = text.length;
  let i = at;
  for (let k = from; k < to; k++) {
    const c = codes[k] as number;
    if (c === RUN_OPTIONAL) {
      while (i < n && isSeparator(text.charCodeAt(i))) i++;
      continue;
    }
    if (i >= n) return -1;
    if (c === -1) {
      if (!isSeparator(text.charCodeAt(i))) return -1;
      i++;
      while (i < n && isSeparator(text.charCodeAt(i))) i++;
    } else if (c === RUN_DIGITS) {
      if (!isDigit(text.charCodeAt(i))) return -1;
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    } else if (text.charCodeAt(i) !== c) return -1;
    else i++;
  }
  return i;
}

/**
 * End of an Exact or Wildcard head's match that starts at `at` and whose head ends at `headEnd`: the
 * wildcard's letters/digits, then the closing word boundary; -1 when a letter or digit follows.
 */
export function literalMatchEnd(text: string, end: number, kind: HeadKind): number {
  let i = end;
  if (kind === HeadKind.Wildcard) {
    while (letterOrNumberAt(text, i)) i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
    return i;
  }
  return letterOrNumberAt(text, i) ? -1 : i;
}
