/**
 * The characters a match of a regex (JavaScript source, `u` flag) can start with, read from its source, so that a
 * long list of phrases is tried at a position only with the phrases that can start there (whole-words.ts). A
 * necessary condition, never a guess: what the reader does not know (a `\p{…}` class, a range, `.`, an escape it
 * does not name) counts as any character, and lookarounds as nothing at all (they match no character).
 */

/** UTF-16 units a match can start with (a surrogate pair by its first unit), or null for any character. */
export type StartSet = Set<number> | null;

interface Read {
  first: StartSet;
  /** The part read can match the empty string, so what follows it can start a match too. */
  nullable: boolean;
  end: number;
}

export function startChars(source: string): StartSet {
  const read = alternation(source, 0);
  if (read.end !== source.length) return null;
  return read.nullable ? null : read.first;
}

function union(a: StartSet, b: StartSet): StartSet {
  if (a === null || b === null) return null;
  for (const c of b) a.add(c);
  return a;
}

function alternation(s: string, at: number): Read {
  let first: StartSet = new Set();
  let nullable = false;
  let i = at;
  for (;;) {
    const branch = sequence(s, i);
    first = union(first, branch.first);
    nullable ||= branch.nullable;
    i = branch.end;
    if (s[i] !== '|') return { first, nullable, end: i };
    i++;
  }
}

function sequence(s: string, at: number): Read {
  let first: StartSet = new Set();
  let nullable = true;
  let i = at;
  while (i < s.length && s[i] !== '|' && s[i] !== ')') {
    const item = atom(s, i);
    const q = quantifier(s, item.end);
    if (nullable) first = union(first, item.first);
    nullable &&= item.nullable || q.optional;
    i = q.end;
  }
  return { first, nullable, end: i };
}

/** A quantifier after an atom (with a lazy `?`): whether it allows zero repetitions. */
function quantifier(s: string, at: number): { optional: boolean; end: number } {
  const c = s[at];
  let optional = false;
  let end = at;
  if (c === '?' || c === '*') [optional, end] = [true, at + 1];
  else if (c === '+') end = at + 1;
  else if (c === '{') {
    const close = s.indexOf('}', at);
    const min = /^\{(\d+)/.exec(s.slice(at, close + 1));
    if (close < 0 || min === null) return { optional: false, end: at };
    [optional, end] = [Number(min[1]) === 0, close + 1];
  }
  if (end > at && s[end] === '?') end++;
  return { optional, end };
}

function atom(s: string, at: number): Read {
  const c = s[at] as string;
  if (c === '(') {
    const head = s.slice(at, at + 4);
    const lookaround = /^\(\?<?[=!]/.test(head);
    const bodyStart = lookaround
      ? at + (head[2] === '<' ? 4 : 3)
      : /^\(\?<[A-Za-z]/.test(head)
        ? s.indexOf('>', at) + 1
        : s.startsWith('(?:', at)
          ? at + 3
          : at + 1;
    const inner = alternation(s, bodyStart);
    const end = s[inner.end] === ')' ? inner.end + 1 : s.length;
    // A lookaround matches no character: it neither starts a match nor keeps what follows from starting one.
    if (lookaround) return { first: new Set(), nullable: true, end };
    return { first: inner.first, nullable: inner.nullable, end };
  }
  if (c === '[') return characterClass(s, at);
  if (c === '\\') {
    const e = s[at + 1] as string;
    if (e === 'p' || e === 'P') return { first: null, nullable: false, end: s.indexOf('}', at) + 1 };
    if (e === 'd') return { first: new Set(Array.from({ length: 10 }, (_, k) => 48 + k)), nullable: false, end: at + 2 };
    if (e === 'b' || e === 'B') return { first: new Set(), nullable: true, end: at + 2 };
    if (/[A-Za-z0-9]/.test(e)) return { first: null, nullable: false, end: at + 2 };
    return { first: new Set([e.charCodeAt(0)]), nullable: false, end: at + 2 };
  }
  if (c === '.') return { first: null, nullable: false, end: at + 1 };
  if (c === '^' || c === '$') return { first: new Set(), nullable: true, end: at + 1 };
  const code = s.charCodeAt(at);
  // An astral character (an emoji) is one atom: a quantifier after it applies to both units.
  const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  return { first: new Set([code]), nullable: false, end: at + width };
}

/** `[…]`: its listed characters; any character when negated or when it holds a range or a class escape. */
function characterClass(s: string, at: number): Read {
  const chars = new Set<number>();
  let any = s[at + 1] === '^';
  let i = at + 1;
  for (; i < s.length && s[i] !== ']'; i++) {
    if (s[i] === '\\') {
      const e = s[i + 1] as string;
      if (/[A-Za-z0-9]/.test(e)) any = true;
      else chars.add(e.charCodeAt(0));
      if (e === 'p' || e === 'P') i = s.indexOf('}', i);
      else i++;
    } else if (s[i] === '-' && i > at + 1 && s[i + 1] !== ']') any = true;
    else chars.add(s.charCodeAt(i));
  }
  return { first: any ? null : chars, nullable: false, end: i + 1 };
}
