/**
 * Compiles hand-written cue patterns (see cues-types.ts for their small syntax) into sticky regexes and scans
 * prepared text with them at token starts only.
 *
 * Order matters: inside the alternation the first listed pattern that matches wins (longer phrases first).
 */
import { alternativeHeads, closingParen, headCodes, headEndIn, HeadKind, isDigit, isSeparator, literalMatchEnd, SPECIAL, splitTopLevel } from './cues-heads.ts';
import { umlautFlexible, WB_END, type PreparedText } from './text.ts';

export function toRegexSource(pattern: string): string {
  // Wildcards first: the whitespace classes inserted next contain a `*` of their own.
  const body = pattern
    .replace(/\*/g, '[\\p{L}\\p{N}]*')
    .replace(/ \?/g, '[\\s\\-]*')
    .replace(/ /g, '[\\s\\-]+');
  return umlautFlexible(body);
}

// German spellings: a cue written "ärger" also matches "aerger" and vice versa (see umlautFlexible), so a
// literal prefix stops before any letter that has two spellings.
const TWO_SPELLINGS = /^(?:ä|ö|ü|ß|ae|oe|ue|ss)/;
const SPELLING_VARIANTS: Record<string, string[]> = { ä: ['ä', 'a'], ö: ['ö', 'o'], ü: ['ü', 'u'], ß: ['ß', 's'] };
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
 * be told from the pattern text. A coarser form of cues-heads.ts `alternativeHeads`, kept as the documented
 * reading of the cue syntax (tests); the matcher uses the heads.
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
 * Compiles patterns (non-capturing groups `(?:…)` only). The reference semantics are one sticky alternation
 * `(?:(P0)|(P1)|…)` + word end: at a position, the first listed pattern (and within it the first listed
 * alternative) that matches wins. Running that alternation at every other token was the cue models' main
 * cost, so each top-level alternative is indexed, in a trie, by the heads its matches must start with
 * (cues-heads.ts): a token walks the trie along its characters and tries, in listed order, only the one or
 * two alternatives whose head it starts with — fully literal ones by comparing characters, the others with
 * their own sticky regex. The first that matches is what the alternation would have matched: an alternative
 * that cannot match at the position cannot change the alternation's result.
 * `prefilter: false` keeps the single alternation, as the reference for tests.
 */
export function compileAlternation(patterns: readonly string[], options: { prefilter?: boolean } = {}): CueMatcher {
  const indexed = options.prefilter === false ? null : indexAlternatives(patterns);
  if (indexed === null) {
    const alternatives = patterns.map((p) => `(${toRegexSource(p)})`).join('|');
    const re = new RegExp(`(?:${alternatives})${WB_END}`, 'yu');
    return {
      matchAt(text, at) {
        re.lastIndex = at;
        const m = re.exec(text);
        if (m === null) return null;
        let g = 1;
        while (g < m.length && m[g] === undefined) g++;
        return { pattern: g - 1, end: at + m[0].length };
      },
    };
  }
  const { first, edges, candidates } = freeze(indexed.root);
  const { headless } = indexed;
  const digitRun = first[1] as number;
  const flat = flatten(candidates, headless);
  const { listStart, order, pattern, kind, codes, codesStart, alts } = flat;
  /**
   * Deepest index node from `node` along the text's characters from `i`: its list holds, in listed order, every
   * alternative whose head can start here. A run of separators is one step, keyed by a space (as in heads).
   */
  const walk = (node: number, text: string, i: number): number => {
    if (node === 0) return 0;
    const n = text.length;
    for (let k = 1; k < INDEX_DEPTH && i < n; k++) {
      let key = text.charCodeAt(i++);
      if (isSeparator(key)) {
        key = 32;
        while (i < n && isSeparator(text.charCodeAt(i))) i++;
      }
      const child = edges.child(node, key);
      if (child === 0) break;
      node = child;
    }
    return node;
  };
  // Per text: the head-less alternatives whose required literal the text contains (most texts: none). Recomputed
  // when another text comes in, so a token walks only its own node's list, not nine head-less ones every time.
  // As flat candidate numbers (see `flatten`), in listed order.
  let active: number[] = [];
  let activeFor: string | undefined;
  return {
    matchAt(text, at) {
      if (headless.length > 0 && text !== activeFor) {
        active = [];
        for (let h = 0; h < headless.length; h++) {
          if ((headless[h] as Candidate).required.every((anyOf) => anyOf.some((literal) => text.includes(literal)))) active.push(flat.headlessAt + h);
        }
        activeFor = text;
      }
      const node = walk(first[text.charCodeAt(at)] as number, text, at + 1);
      // A token of digits may also start a head with a digit run: the walk from that step, after the run.
      let digitNode = -1;
      if (digitRun !== 0 && isDigit(text.charCodeAt(at))) {
        let i = at + 1;
        while (i < text.length && isDigit(text.charCodeAt(i))) i++;
        digitNode = walk(digitRun, text, i);
      }
      // The three lists merged in listed order (the digit path repeats the root's few candidates: tried twice at most).
      // Candidates are numbers into flat tables (`flatten`): one array each, not an object and a head array per candidate.
      let i = listStart[node] as number;
      const iEnd = listStart[node + 1] as number;
      let k = digitNode < 0 ? 0 : (listStart[digitNode] as number);
      const kEnd = digitNode < 0 ? 0 : (listStart[digitNode + 1] as number);
      const items = flat.items;
      let tried = -1;
      for (let j = 0; i < iEnd || j < active.length || k < kEnd; ) {
        const oi = i < iEnd ? (order[items[i] as number] as number) : Infinity;
        const oj = j < active.length ? (order[active[j] as number] as number) : Infinity;
        const ok = k < kEnd ? (order[items[k] as number] as number) : Infinity;
        const c = (oi <= oj && oi <= ok ? items[i++] : oj <= ok ? active[j++] : items[k++]) as number;
        // An alternative with several heads ("ä…"/"ae…") is listed once per head: try it once.
        if (order[c] === tried) continue;
        const end = headEndIn(text, at, codes, codesStart[c] as number, codesStart[c + 1] as number);
        if (end < 0) continue;
        tried = order[c] as number;
        const headKind = kind[c] as HeadKind;
        if (headKind !== HeadKind.Prefix) {
          const matched = literalMatchEnd(text, end, headKind);
          if (matched >= 0) return { pattern: pattern[c] as number, end: matched };
          continue;
        }
        // Compiled on first use: most alternatives are matched without it and never need it.
        const alt = alts[c] as Candidate['alt'];
        const re = (alt.re ??= new RegExp(alt.source, 'yu'));
        re.lastIndex = at;
        if (re.test(text)) return { pattern: pattern[c] as number, end: re.lastIndex };
      }
      return null;
    },
  };
}

/**
 * The index's candidates as flat tables: candidate c (each node's list in turn, then the head-less ones) has its
 * `order`, `pattern`, `kind` and `alt` at c and its head codes at `codes[codesStart[c]..codesStart[c + 1])`; node n's
 * list is `items[listStart[n]..listStart[n + 1])`, candidate numbers in the list's order. Reading one node's
 * candidates so touches a few adjacent array slots instead of an object and a typed array per candidate, which the
 * cache did not hold (the head checks were a quarter of the matcher's time).
 */
function flatten(lists: readonly Candidate[][], headless: readonly Candidate[]) {
  const numbers = new Map<Candidate, number>();
  const all: Candidate[] = [];
  const number = (c: Candidate): number => {
    let n = numbers.get(c);
    if (n === undefined) {
      n = all.length;
      numbers.set(c, n);
      all.push(c);
    }
    return n;
  };
  const listStart = new Int32Array(lists.length + 1);
  const items: number[] = [];
  for (let n = 0; n < lists.length; n++) {
    listStart[n] = items.length;
    for (const c of lists[n] as Candidate[]) items.push(number(c));
  }
  listStart[lists.length] = items.length;
  const headlessAt = all.length;
  for (const c of headless) {
    numbers.set(c, all.length);
    all.push(c);
  }
  const codesStart = new Int32Array(all.length + 1);
  let total = 0;
  for (let c = 0; c < all.length; c++) {
    codesStart[c] = total;
    total += (all[c] as Candidate).codes.length;
  }
  codesStart[all.length] = total;
  const codes = new Int32Array(total);
  for (let c = 0; c < all.length; c++) codes.set((all[c] as Candidate).codes, codesStart[c] as number);
  return {
    listStart,
    items: Int32Array.from(items),
    headlessAt,
    order: Int32Array.from(all, (c) => c.order),
    pattern: Int32Array.from(all, (c) => c.pattern),
    kind: Uint8Array.from(all, (c) => c.kind),
    codes,
    codesStart,
    alts: all.map((c) => c.alt),
  };
}

/** One top-level alternative of a pattern under one of its heads. */
interface Candidate {
  /** Position of the alternative in the listed order (pattern by pattern, alternative by alternative). */
  order: number;
  pattern: number;
  /** What a match must start with (cues-heads.ts), as `headCodes`; empty when that cannot be told: tried everywhere. */
  codes: Int32Array;
  /** Exact and Wildcard heads are matched without the regex. */
  kind: HeadKind;
  /** The alternative alone, with the closing word boundary (compiled sticky as `re` when first needed). */
  alt: { source: string; re: RegExp | undefined };
  /**
   * For an alternative without heads (tried at every token): letter runs every match contains (`requiredLiterals`:
   * one of each list).
   * Checked once per text instead of running the regex at each of its tokens.
   */
  required: ReadonlyArray<readonly string[]>;
}

interface IndexNode {
  /** Children by the next UTF-16 unit. */
  next: Map<number, IndexNode> | undefined;
  /** Sorted by `order`: the candidates of this node and of all its ancestors (the root holds the head-less). */
  candidates: Candidate[];
}

/** Trie edges (node, UTF-16 unit) → child in one open-addressing integer table: no Map per node. */
class EdgeTable {
  /** Pairs (key, child) side by side, so a probe reads one cache line; key -1 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(edges: ReadonlyArray<readonly [number, number, number]>) {
    let size = 64;
    while (size < 2 * edges.length) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(2 * size).fill(-1);
    for (const [node, code, child] of edges) {
      const key = (node << 16) | code;
      let h = EdgeTable.slot(key) & this.mask;
      while (this.slots[2 * h] !== -1) h = (h + 1) & this.mask;
      this.slots[2 * h] = key;
      this.slots[2 * h + 1] = child;
    }
  }

  private static slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> 12;
  }

  /** The child of `node` by `code`, 0 when there is none (0 is the root, never a child). */
  child(node: number, code: number): number {
    const key = (node << 16) | code;
    const slots = this.slots;
    for (let h = EdgeTable.slot(key) & this.mask; ; h = (h + 1) & this.mask) {
      const k = slots[2 * h] as number;
      if (k === key) return slots[2 * h + 1] as number;
      if (k === -1) return 0;
    }
  }
}

/** Numbers the trie's nodes (root 0) into flat tables for the matcher. */
function freeze(root: IndexNode): { first: Int32Array; edges: EdgeTable; candidates: Candidate[][] } {
  const candidates: Candidate[][] = [];
  const edges: Array<[number, number, number]> = [];
  const first = new Int32Array(0x10000);
  const visit = (node: IndexNode): number => {
    const id = candidates.length;
    candidates.push(node.candidates);
    for (const [code, child] of node.next ?? []) {
      const childId = visit(child);
      if (id === 0) first[code] = childId;
      else edges.push([id, code, childId]);
    }
    return id;
  };
  visit(root);
  if (candidates.length >= 0x8000) throw new Error('cue index too large for its edge keys');
  return { first, edges: new EdgeTable(edges), candidates };
}

/** Steps of a head used as index keys (a character, or a separator run): enough to leave a candidate or two per token. */
const INDEX_DEPTH = 8;

/**
 * Splits every pattern into its top-level alternatives and indexes them in a small trie over the first
 * characters of their heads (the alternatives without heads apart, in `headless`); null when a pattern does not
 * split cleanly (then the single alternation is used).
 */
function indexAlternatives(patterns: readonly string[]): { root: IndexNode; headless: Candidate[] } | null {
  const root: IndexNode = { next: undefined, candidates: [] };
  const headless: Candidate[] = [];
  let order = 0;
  for (let pattern = 0; pattern < patterns.length; pattern++) {
    const raw = splitTopLevel(patterns[pattern] as string);
    const compiled = splitTopLevel(toRegexSource(patterns[pattern] as string));
    if (raw.length !== compiled.length) return null;
    for (let k = 0; k < raw.length; k++) {
      const source = compiled[k] as string;
      // The per-alternative regex must be exactly the alternative inside the alternation.
      if (toRegexSource(raw[k] as string) !== source) return null;
      const alone = { source: `(?:${source})${WB_END}`, re: undefined };
      const found = alternativeHeads(raw[k] as string);
      if (found === null) {
        // Tried at every token: kept out of the index, and only for texts that hold its required literals.
        headless.push({ order: order++, pattern, codes: headCodes(''), kind: HeadKind.Prefix, alt: alone, required: requiredLiterals(raw[k] as string) });
        continue;
      }
      for (const { s: head, kind } of found) {
        const candidate: Candidate = { order, pattern, codes: headCodes(head), kind, alt: alone, required: [] };
        // A head starting with a digit run is filed under its own first step (DIGIT_RUN, code 1), which the text walk
        // takes for a token of digits besides the digits themselves: filed under every digit, a year or a price in a
        // post tried some sixty "\d+ Wochen"-like alternatives one by one.
        let node = root;
        for (let d = 0; d < Math.min(INDEX_DEPTH, head.length); d++) {
          const code = head.charCodeAt(d);
          // Keys stop at runs other than a space's and at literal separators (the text walk reads
          // every separator as the start of a space's run).
          if ((code === 1 && d > 0) || code === 2 || (code !== 32 && isSeparator(code)) || (d === 0 && code === 32)) break;
          node.next ??= new Map();
          let child = node.next.get(code);
          if (!child) node.next.set(code, (child = { next: undefined, candidates: [] }));
          node = child;
        }
        node.candidates.push(candidate);
      }
      order++;
    }
  }
  const inherit = (node: IndexNode, above: Candidate[]): void => {
    node.candidates = [...above, ...node.candidates].sort((x, y) => x.order - y.order);
    for (const child of node.next?.values() ?? []) inherit(child, node.candidates);
  };
  inherit(root, []);
  return { root, headless };
}

// Letters that umlautFlexible gives a second spelling ("ae" also matches "ä"): a literal run stops before them.
const FLEXIBLE_SPELLING = /^(?:ä|ö|ü|ß|ae|oe|ue|ss)/;

/**
 * The longest run of plain characters (a-z, digits, apostrophe) at the top level of a cue alternative (cue syntax):
 * outside groups and classes, not under a quantifier, not a flexible spelling, not a space (which is a separator
 * run). Every match of the alternative contains it literally; '' when there is none.
 */
export function requiredLiteral(alt: string): string {
  let best = '';
  let run = '';
  const end = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < alt.length; i++) {
    const c = alt[i] as string;
    if (c === '(' || c === '[') {
      end();
      // Skip the group or class (and a quantifier after it): it may be optional or repeated.
      const close = c === '(' ? closingParen(alt, i) : closingBracket(alt, i);
      if (close < 0) return '';
      i = close;
      continue;
    }
    const flexible = FLEXIBLE_SPELLING.exec(alt.slice(i));
    if (flexible !== null) {
      // Both letters of "ae", "ss", …: the text may hold the other spelling.
      end();
      i += flexible[0].length - 1;
      continue;
    }
    const next = alt[i + 1];
    const quantified = next === '?' || next === '*' || next === '+' || next === '{';
    if (!/[a-z0-9']/.test(c) || quantified) {
      end();
      // A quantifier's own braces ("{0,2}") are skipped with it.
      if (c === '{') {
        const close = alt.indexOf('}', i);
        if (close < 0) return '';
        i = close;
      } else if (c === '\\') i++;
      continue;
    }
    run += c;
  }
  end();
  return best;
}

/**
 * Letter runs every match of a cue alternative contains, as lists one literal of each of which the text must hold:
 * the alternative's own `requiredLiteral`, and for each group it cannot do without (not optional, not repeated from
 * zero) the literals of its branches, when every branch has one. "(?:preis|[\p{L}]+gebühr) (?:…){0,5}(?:erhöht|
 * teurer)" has no literal of its own but needs "preis" or "geb", and "erh" or "teurer". Empty: none known.
 */
export function requiredLiterals(alt: string): string[][] {
  const out: string[][] = [];
  const own = requiredLiteral(alt);
  if (own.length > 0) out.push([own]);
  for (let i = 0; i < alt.length; i++) {
    const c = alt[i] as string;
    if (c === '\\') i++;
    else if (c === '[') i = Math.max(i, closingBracket(alt, i));
    else if (c === '(') {
      const close = closingParen(alt, i);
      if (close < 0) return out;
      const quantifier = alt[close + 1];
      if (alt.startsWith('(?:', i) && quantifier !== '?' && quantifier !== '*' && quantifier !== '{') {
        const anyOf = branchLiterals(alt.slice(i + 3, close));
        if (anyOf !== null) out.push(anyOf);
      }
      i = close;
    }
  }
  return out;
}

/** One literal per branch of a group's inside (its longest required one), or null when a branch has none. */
function branchLiterals(inside: string): string[] | null {
  const out: string[] = [];
  for (const branch of splitTopLevel(inside)) {
    const own = requiredLiteral(branch);
    if (own.length > 0) {
      out.push(own);
      continue;
    }
    // A branch that is itself a group ("(?:a|b) c" has "c"; "(?:a|b)" alone has "a" or "b"): any of its literals.
    const nested = requiredLiterals(branch)[0];
    if (nested === undefined) return null;
    out.push(...nested);
  }
  // A text holding "preise" holds "preis": only the literals that contain no other one are worth a look.
  return [...new Set(out)].filter((literal, _, all) => !all.some((other) => other !== literal && literal.includes(other)));
}

/** Index of the `]` closing the class opened at `open`. */
function closingBracket(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return -1;
}

/**
 * Calls `onMatch(index of the pattern, start, end)` for each match that begins at a token (so a cue never starts inside
 * a word); offsets are in `p.lower`. A match hides the tokens it covers from further patterns, unless `reopens(pattern)`:
 * scanning then goes on at the next token (a frame such as "unseren Flug" must not hide "Flug … gestrichen").
 */
export function scanTokens(
  matcher: CueMatcher,
  p: PreparedText,
  onMatch: (pattern: number, start: number, end: number) => void,
  reopens?: (pattern: number) => boolean,
): void {
  let after = 0;
  for (const t of p.tokens) {
    if (t.start < after || t.kind === 'url') continue;
    const m = matcher.matchAt(p.lower, t.start);
    if (m === null || m.pattern < 0) continue;
    after = reopens?.(m.pattern) === true ? t.start + 1 : m.end;
    onMatch(m.pattern, t.start, m.end);
  }
}
