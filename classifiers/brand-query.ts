/**
 * The brand query language, as used in `kundenradar.yaml`:
 *
 *   "Deutsche Bahn" OR @DB_Bahn OR #dbfail OR (Bahn AND (verspät* OR Zugausfall)) NOT Modellbahn
 *
 * - terms are words; a term that tokenises into several tokens ("e-mail" is one, "1&1" is two) is a phrase;
 * - "quoted phrases" (also „German“ and “curly” quotes) match consecutive tokens;
 * - AND, OR, NOT (upper case, so "not" stays a searchable word), a leading `-` as NOT, implicit AND between
 *   neighbours, parentheses; precedence NOT > AND > OR;
 * - @handle matches a mention of that handle, #tag a hashtag; a plain term also matches a hashtag's body
 *   ("Bahn" finds "#bahn"), as social-listening users expect; a one-word term or #tag also finds the storm hashtags
 *   built on it ("#FrischkaufBoykott", "#bahnchaos", "#DeleteUber", "#BoycottNike": STORM_SUFFIXES, STORM_PREFIXES);
 * - an English possessive matches its word: "Brightwatt" finds "Brightwatt's" and "Brightwatt’s" (not after
 *   "it", "here", "what" and the like, whose 's is "is"); a German genitive without apostrophe ("Telekoms") needs `Telekom*`;
 * - `verspät*` is a prefix wildcard on the last word of a term or phrase (`"Kranich Versa*"`);
 * - case-, umlaut- and ß-insensitive: everything is compared in `fold`ed form ("Müller" = "Mueller").
 * Parse errors are `BrandQueryError`s carrying the character position, for config validation messages.
 * Which brands a mention concerns (queries, brand context, own accounts) is brand-assignment.ts.
 */
import { tokenize, type Token } from './text.ts';

export class BrandQueryError extends Error {
  override readonly name = 'BrandQueryError';
  constructor(
    readonly query: string,
    /** 0-based character offset of the problem in `query`. */
    readonly position: number,
    readonly reason: string,
  ) {
    super(`${reason} at position ${position + 1} of query ${JSON.stringify(query)}`);
  }
}

export interface BrandQueryMatch {
  matched: boolean;
  /** The positive terms that were found, as written in the query (explains why a post was assigned). */
  terms: string[];
}

export type BrandQueryMatcher = (normalisedText: string, tokens: readonly Token[]) => BrandQueryMatch;

type Piece = { kind: 'word' | 'mention' | 'hashtag'; value: string };
type Node =
  | { type: 'term'; label: string; pieces: Piece[]; prefix: boolean; hyphenated?: Piece[]; hashtagged?: Piece[] }
  | { type: 'and' | 'or'; children: Node[] }
  | { type: 'not'; child: Node };

type Lexeme =
  | { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not'; pos: number }
  | { type: 'term'; pos: number; text: string; quoted: boolean };

const OPEN_QUOTES: Record<string, string> = { '"': '"', '„': '“', '“': '”', '”': '”' };
const MIN_PREFIX = 2;
/** Parser and matcher recurse per NOT and parenthesis: a bound turns a runaway query into a typed error. */
const MAX_DEPTH = 100;

function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      out.push({ type: ch === '(' ? 'lparen' : 'rparen', pos: i });
      i++;
    } else if (ch in OPEN_QUOTES) {
      const close = OPEN_QUOTES[ch] as string;
      let end = query.indexOf(close, i + 1);
      // Users mix quote styles („…" is common in German keyboards): accept a plain " as closer too.
      if (end === -1 && close !== '"') end = query.indexOf('"', i + 1);
      if (end === -1) throw new BrandQueryError(query, i, 'unterminated quoted phrase');
      out.push({ type: 'term', pos: i, text: query.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else if (ch === '-' && (i === 0 || /[\s(]/.test(query[i - 1] ?? ' ')) && /[^\s)]/.test(query[i + 1] ?? ' ')) {
      out.push({ type: 'not', pos: i });
      i++;
    } else {
      let end = i;
      while (end < query.length && !/[\s()"„“”]/.test(query[end] as string)) end++;
      const text = query.slice(i, end);
      if (text === 'AND' || text === '&&') out.push({ type: 'and', pos: i });
      else if (text === 'OR' || text === '||') out.push({ type: 'or', pos: i });
      else if (text === 'NOT') out.push({ type: 'not', pos: i });
      else out.push({ type: 'term', pos: i, text, quoted: false });
      i = end;
    }
  }
  return out;
}

function termNode(query: string, lx: Extract<Lexeme, { type: 'term' }>): Node {
  let text = lx.text.trim();
  let prefix = false;
  if (text.endsWith('*')) {
    prefix = true;
    text = text.slice(0, -1);
  }
  const starAt = text.indexOf('*');
  if (starAt !== -1) throw new BrandQueryError(query, lx.pos + starAt + (lx.quoted ? 1 : 0), 'a wildcard * is only allowed at the end of a term');
  const pieces: Piece[] = [];
  for (const t of tokenize(text)) {
    if (t.kind === 'word' || t.kind === 'number') pieces.push({ kind: 'word', value: t.folded });
    else if (t.kind === 'mention' || t.kind === 'hashtag') pieces.push({ kind: t.kind, value: t.folded });
  }
  if (pieces.length === 0) throw new BrandQueryError(query, lx.pos, lx.quoted ? 'empty phrase' : `term "${lx.text}" contains no word`);
  const last = pieces[pieces.length - 1] as Piece;
  if (prefix && (last.kind !== 'word' || last.value.length < MIN_PREFIX)) {
    throw new BrandQueryError(query, lx.pos, `a wildcard needs at least ${MIN_PREFIX} letters before the *`);
  }
  // "Deutsche Bahn" should also find the hyphenated spelling "Deutsche-Bahn", which tokenises as one word.
  const hyphenated: Piece[] | undefined =
    pieces.length > 1 && pieces.every((p) => p.kind === 'word') ? [{ kind: 'word', value: pieces.map((p) => p.value).join('-') }] : undefined;
  // …and its hashtag, written in one word: "#DeutscheBahn", and the storm tags on it ("#DeutscheBahnChaos").
  const hashtagged: Piece[] | undefined = hyphenated && !prefix ? [{ kind: 'hashtag', value: `#${pieces.map((p) => p.value).join('')}` }] : undefined;
  return { type: 'term', label: lx.quoted ? `"${text}"` : lx.text, pieces, prefix, hyphenated, hashtagged };
}

function parse(query: string): Node {
  const lexemes = lex(query);
  let k = 0;
  let depth = 0;
  const peek = (): Lexeme | undefined => lexemes[k];
  const posOf = (lx: Lexeme | undefined): number => (lx ? lx.pos : query.length);

  function parseOr(): Node {
    const children = [parseAnd()];
    while (peek()?.type === 'or') {
      k++;
      children.push(parseAnd());
    }
    return children.length === 1 ? (children[0] as Node) : { type: 'or', children };
  }
  function parseAnd(): Node {
    const children = [parseUnary()];
    for (;;) {
      const next = peek();
      if (next?.type === 'and') {
        k++;
        children.push(parseUnary());
      } else if (next && (next.type === 'term' || next.type === 'not' || next.type === 'lparen')) {
        children.push(parseUnary()); // implicit AND
      } else break;
    }
    return children.length === 1 ? (children[0] as Node) : { type: 'and', children };
  }
  function parseUnary(): Node {
    const lx = peek();
    if (!lx) throw new BrandQueryError(query, query.length, 'query ends where a term was expected');
    if (depth >= MAX_DEPTH) throw new BrandQueryError(query, lx.pos, `query nested too deeply (more than ${MAX_DEPTH} levels of NOT or parentheses)`);
    depth++;
    try {
      return parseUnaryAt(lx);
    } finally {
      depth--;
    }
  }
  function parseUnaryAt(lx: Lexeme): Node {
    if (lx.type === 'not') {
      k++;
      return { type: 'not', child: parseUnary() };
    }
    if (lx.type === 'lparen') {
      k++;
      if (peek()?.type === 'rparen') throw new BrandQueryError(query, posOf(peek()), 'empty parentheses');
      const inner = parseOr();
      const close = peek();
      if (close?.type !== 'rparen') throw new BrandQueryError(query, lx.pos, 'unclosed parenthesis');
      k++;
      return inner;
    }
    if (lx.type === 'term') {
      k++;
      return termNode(query, lx);
    }
    throw new BrandQueryError(query, lx.pos, `unexpected ${lx.type === 'rparen' ? '")"' : lx.type.toUpperCase()} where a term was expected`);
  }

  if (lexemes.length === 0) throw new BrandQueryError(query, 0, 'empty query');
  const root = parseOr();
  const rest = peek();
  if (rest) throw new BrandQueryError(query, rest.pos, rest.type === 'rparen' ? 'unmatched ")"' : 'unexpected input');
  return root;
}

/**
 * Words whose "'s" is mostly "is", "has" or "us", not a possessive: "Here's the thing" is no post about a brand named
 * Here, "What's up" none about What.
 */
const CONTRACTED = new Set(['he', 'here', 'how', 'it', 'let', 'one', 'she', 'that', 'there', 'this', 'what', 'when', 'where', 'who', 'why']);

/**
 * An English possessive names the term: "Brightwatt's app", "Brightwatt’s app" (QA finding 6). The tokenizer keeps
 * the apostrophe inside the word, as the cue model and the learned classifiers read "don't" and "it's" as words (their
 * figures rest on it), so the query strips the "'s" here instead. German genitives without an apostrophe
 * ("Telekoms") are not read this way: "Posts", "Apps" and "Bahns" would be plurals or other words as often.
 */
function isPossessiveOf(folded: string, term: string): boolean {
  if (folded.length !== term.length + 2 || !folded.startsWith(term) || folded.charCodeAt(folded.length - 1) !== 115 /* s */) return false;
  const apostrophe = folded.charCodeAt(term.length);
  return (apostrophe === 39 /* ' */ || apostrophe === 0x2019) /* ’ */ && !CONTRACTED.has(term);
}

/** Which part of a hyphenated compound a piece may be: any (a one-word term), its first or its last part (phrase ends). */
const enum CompoundPart {
  Any,
  First,
  Last,
  None,
}

/**
 * A German compound written with a hyphen names its parts: "Talbahn-App", "Wattwerk-Hotline", "Deutsche Bahn-App"
 * (QA round 3: 12 of 100 German posts named their brand only so and were assigned to none). The tokenizer keeps
 * such a compound as one word, as the classifiers read it.
 */
function compoundPartMatches(folded: string, value: string, part: CompoundPart, prefix: boolean): boolean {
  if (part === CompoundPart.None || folded.length <= value.length || folded.indexOf('-') < 0) return false;
  // On hyphen boundaries, so a hyphenated term ("deutsche-bahn") is found in "Deutsche-Bahn-Chaos" too.
  const first = folded.startsWith(prefix ? value : `${value}-`);
  if (part === CompoundPart.First) return first;
  const last = !prefix && folded.endsWith(`-${value}`);
  if (part === CompoundPart.Last) return last;
  return first || last || folded.includes(prefix ? `-${value}` : `-${value}-`);
}

/**
 * What a storm hashtag adds to a brand's name: "#FrischkaufBoykott", "#telekomstörung", "#DBfail" / "#DeleteUber",
 * "#BoykottFrischkauf". A firestorm gathers under such a tag, and many of its posts name the brand nowhere else: a
 * query for the name alone missed them. Only these words, not any compound: "#Telekommunikation" is no Telekom post.
 * Written folded (text.ts `fold`: "störung" as "stoerung"), as hashtags are compared.
 */
const STORM_SUFFIXES: ReadonlySet<string> = new Set(
  [
    'fail', 'fails', 'epicfail', 'boykott', 'boycott', 'gate', 'skandal', 'scandal', 'chaos', 'shitstorm', 'desaster', 'disaster', 'sucks',
    'stoerung', 'ausfall', 'outage', 'down', 'streik', 'strike', 'leak', 'hack', 'pleite', 'luege', 'luegen', 'lies', 'protest', 'kritik', 'aerger', 'frust',
    'drama', 'debakel', 'fiasko', 'fiasco', 'betrug', 'scam', 'abzocke', 'wut', 'schande', 'shame', 'niewieder', 'nevermore', 'nomore', 'mustgo',
  ],
);
const STORM_PREFIXES: ReadonlySet<string> = new Set(
  ['boykott', 'boycott', 'boykottiert', 'delete', 'stop', 'stopp', 'nie', 'niewieder', 'nomore', 'never', 'bye', 'byebye', 'ciao', 'tschuess', 'shameon', 'fuck', 'screw', 'ban', 'quit', 'leave', 'anti', 'kein', 'keine', 'no'],
);

/** `folded` (a hashtag, with its #) is the brand word `value` joined to a storm word: see STORM_SUFFIXES. */
function isStormTag(folded: string, value: string): boolean {
  const body = folded.length - 1;
  if (body <= value.length) return false;
  if (folded.startsWith(value, 1) && STORM_SUFFIXES.has(folded.slice(1 + value.length))) return true;
  return folded.endsWith(value) && STORM_PREFIXES.has(folded.slice(1, folded.length - value.length));
}

function pieceMatches(p: Piece, t: Token, prefix: boolean, part: CompoundPart = CompoundPart.None): boolean {
  if (p.kind === 'word') {
    if (t.kind === 'word' || t.kind === 'number') {
      return (prefix ? t.folded.startsWith(p.value) : t.folded === p.value || isPossessiveOf(t.folded, p.value)) || compoundPartMatches(t.folded, p.value, part, prefix);
    }
    // A plain word also finds the hashtag of that word: "Bahn" matches "#bahn"; a one-word term its storm tags.
    if (t.kind === 'hashtag') {
      if (prefix) return t.folded.startsWith(p.value, 1);
      return (t.folded.length === p.value.length + 1 && t.folded.endsWith(p.value)) || (part === CompoundPart.Any && isStormTag(t.folded, p.value));
    }
    return false;
  }
  if (p.kind === 'hashtag' && t.kind === 'hashtag' && t.folded !== p.value) return part === CompoundPart.Any && isStormTag(t.folded, p.value.slice(1));
  return t.kind === p.kind && t.folded === p.value;
}

function sequenceMatches(pieces: readonly Piece[], prefix: boolean, tokens: readonly Token[]): boolean {
  const n = pieces.length;
  // Phrase words must be adjacent tokens: punctuation between them ("Deutsche, Bahn") breaks the phrase.
  outer: for (let i = 0; i + n <= tokens.length; i++) {
    for (let j = 0; j < n; j++) {
      const part = n === 1 ? CompoundPart.Any : j === n - 1 ? CompoundPart.First : j === 0 ? CompoundPart.Last : CompoundPart.None;
      if (!pieceMatches(pieces[j] as Piece, tokens[i + j] as Token, prefix && j === n - 1, part)) continue outer;
    }
    return true;
  }
  return false;
}

// No per-post Set of folded tokens as a pre-check: building it (a string hash per token) cost more than the
// scans it saved, and the scan alone finds exactly the same terms.
function termMatches(node: Extract<Node, { type: 'term' }>, tokens: readonly Token[]): boolean {
  return (
    sequenceMatches(node.pieces, node.prefix, tokens) ||
    (node.hyphenated !== undefined && sequenceMatches(node.hyphenated, node.prefix, tokens)) ||
    (node.hashtagged !== undefined && sequenceMatches(node.hashtagged, false, tokens))
  );
}

function evaluate(node: Node, tokens: readonly Token[], found: string[]): boolean {
  switch (node.type) {
    case 'term': {
      const hit = termMatches(node, tokens);
      if (hit) found.push(node.label);
      return hit;
    }
    case 'or': {
      // No short-circuit: every matching alternative is reported to the analyst.
      let any = false;
      for (const c of node.children) any = evaluate(c, tokens, found) || any;
      return any;
    }
    case 'and': {
      const mark = found.length;
      for (const c of node.children) {
        if (!evaluate(c, tokens, found)) {
          found.length = mark;
          return false;
        }
      }
      return true;
    }
    case 'not':
      return !evaluate(node.child, tokens, []);
  }
}

/** Compiles a query once; the matcher is then a cheap walk over the post's tokens. */
export function compileBrandQuery(query: string): BrandQueryMatcher {
  const root = parse(query);
  // A query that matches a post with no words at all (e.g. "NOT Modellbahn") would claim every post.
  if (evaluate(root, [], [])) throw new BrandQueryError(query, 0, 'the query matches every post; add at least one term it requires');
  return (_normalisedText, tokens) => {
    const terms: string[] = [];
    const matched = evaluate(root, tokens, terms);
    return { matched, terms: matched ? [...new Set(terms)] : [] };
  };
}

/** Validates a query without keeping the matcher: `null` when fine, else the error (for config validation). */
export function checkBrandQuery(query: string): BrandQueryError | null {
  try {
    compileBrandQuery(query);
    return null;
  } catch (err) {
    if (err instanceof BrandQueryError) return err;
    throw err;
  }
}

/**
 * The @handles a query asks for, outside any NOT, folded and with their @. A replay takes them as the brand's
 * accounts: whoever writes `--brand 'Aerolux=Aerolux OR @aerolux_hilft'` has said which handle the brand answers from.
 */
export function queryHandles(query: string): string[] {
  const out = new Set<string>();
  const walk = (node: Node): void => {
    if (node.type === 'term') {
      for (const p of node.pieces) if (p.kind === 'mention') out.add(p.value);
    } else if (node.type !== 'not') node.children.forEach(walk);
  };
  walk(parse(query));
  return [...out];
}
