/**
 * Brand queries → X filtered-stream rules, and the difference between the rules X has and the ones we want.
 *
 * Brand query language: "phrases", words, @handles, #hashtags, AND / OR / NOT (upper case), `-term`, and
 * parentheses; juxtaposition means AND, NOT binds tightest, then AND, then OR. X rule syntax differs: AND is a
 * space, negation is a `-` prefix, and X gives AND precedence over OR as well, so groups are emitted with
 * parentheses wherever a child binds looser than its parent.
 */
import type { Brand } from '../src/model.ts';

export type QueryNode =
  | { kind: 'term'; value: string }
  | { kind: 'phrase'; value: string }
  | { kind: 'not'; child: QueryNode }
  | { kind: 'and' | 'or'; children: QueryNode[] };

export class QuerySyntaxError extends Error {
  constructor(message: string, readonly query: string) {
    super(`${message} in query ${JSON.stringify(query)}`);
    this.name = 'QuerySyntaxError';
  }
}

type Token = { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' } | { kind: 'term' | 'phrase'; value: string };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i] as string;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '(') { tokens.push({ kind: 'lparen' }); i++; continue; }
    if (ch === ')') { tokens.push({ kind: 'rparen' }); i++; continue; }
    if (ch === '"' || ch === '“' || ch === '„') {
      // German keyboards and copy-paste bring „…“ and “…”: treat them as phrase quotes too.
      const close = query.slice(i + 1).search(/["“”]/);
      if (close < 0) throw new QuerySyntaxError('unterminated phrase', query);
      const value = query.slice(i + 1, i + 1 + close).trim();
      if (value) tokens.push({ kind: 'phrase', value });
      i += close + 2;
      continue;
    }
    if (ch === '-' && i + 1 < query.length && !/\s/.test(query[i + 1] as string)) {
      tokens.push({ kind: 'minus' });
      i++;
      continue;
    }
    const match = /^[^\s()"“„”]+/.exec(query.slice(i));
    const word = (match as RegExpExecArray)[0];
    i += word.length;
    if (word === 'AND') tokens.push({ kind: 'and' });
    else if (word === 'OR') tokens.push({ kind: 'or' });
    else if (word === 'NOT') tokens.push({ kind: 'not' });
    else tokens.push({ kind: 'term', value: word });
  }
  return tokens;
}

export function parseBrandQuery(query: string): QueryNode {
  const tokens = tokenize(query);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];

  const parseOr = (): QueryNode => {
    const children = [parseAnd()];
    while (peek()?.kind === 'or') { pos++; children.push(parseAnd()); }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'or', children };
  };
  const parseAnd = (): QueryNode => {
    const children = [parseNot()];
    for (;;) {
      const next = peek();
      if (!next || next.kind === 'or' || next.kind === 'rparen') break;
      if (next.kind === 'and') pos++;
      children.push(parseNot());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'and', children };
  };
  const parseNot = (): QueryNode => {
    const next = peek();
    if (next?.kind === 'not' || next?.kind === 'minus') { pos++; return { kind: 'not', child: parseNot() }; }
    return parsePrimary();
  };
  const parsePrimary = (): QueryNode => {
    const next = tokens[pos++];
    if (!next) throw new QuerySyntaxError('unexpected end', query);
    if (next.kind === 'lparen') {
      const inner = parseOr();
      if (tokens[pos++]?.kind !== 'rparen') throw new QuerySyntaxError('missing ")"', query);
      return inner;
    }
    if (next.kind === 'term' || next.kind === 'phrase') return { kind: next.kind, value: next.value };
    throw new QuerySyntaxError(`unexpected ${next.kind.toUpperCase()}`, query);
  };

  const tree = parseOr();
  if (pos < tokens.length) throw new QuerySyntaxError(`unexpected ${(tokens[pos] as Token).kind}`, query);
  return tree;
}

/** True when the node can match without any positive term (X rejects such rules). */
function onlyNegative(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term': case 'phrase': return false;
    case 'not': return true;
    case 'and': return node.children.every(onlyNegative);
    case 'or': return node.children.some(onlyNegative);
  }
}

const PRECEDENCE = { or: 1, and: 2, not: 3, term: 4, phrase: 4 } as const;

function render(node: QueryNode, parent: number): string {
  let out: string;
  switch (node.kind) {
    case 'term':
      // X reads `word:value` as an operator; a brand term with a colon is meant literally.
      out = node.value.includes(':') ? JSON.stringify(node.value) : node.value;
      break;
    case 'phrase':
      out = JSON.stringify(node.value);
      break;
    case 'not': {
      const child = render(node.child, PRECEDENCE.not);
      out = `-${child}`;
      break;
    }
    case 'and':
      out = node.children.map((c) => render(c, PRECEDENCE.and)).join(' ');
      break;
    case 'or':
      out = node.children.map((c) => render(c, PRECEDENCE.or)).join(' OR ');
      break;
  }
  return PRECEDENCE[node.kind] < parent ? `(${out})` : out;
}

/** X rule text for a brand query; throws QuerySyntaxError for queries X cannot express. */
export function toXRule(query: string): string {
  const tree = parseBrandQuery(query);
  if (onlyNegative(tree)) throw new QuerySyntaxError('a rule needs at least one positive term (X rejects pure negations)', query);
  return render(tree, 0);
}

export interface StreamRule {
  value: string;
  tag: string;
}

/** Tags of rules this service owns; rules with other tags belong to someone else and are never touched. */
export const RULE_TAG_PREFIX = 'kundenradar:';

/** `@handle`/numeric id → X operands; the account rule catches mentions of and posts by the brand. */
export function accountRule(accounts: string[]): string | undefined {
  const parts: string[] = [];
  for (const account of accounts) {
    const bare = account.replace(/^@/, '');
    if (/^\d+$/.test(bare)) parts.push(`from:${bare}`, `to:${bare}`);
    else if (/^\w{1,15}$/.test(bare)) parts.push(`@${bare}`, `from:${bare}`);
  }
  return parts.length > 0 ? parts.join(' OR ') : undefined;
}

export interface DesiredRules {
  rules: StreamRule[];
  /** Brands whose query could not become a rule, with the reason (logged and shown as a source error). */
  errors: Array<{ brand: string; reason: string }>;
}

export function rulesForBrands(brands: Brand[], options: { maxRuleLength: number; includeRetweets: boolean }): DesiredRules {
  const rules: StreamRule[] = [];
  const errors: DesiredRules['errors'] = [];
  const push = (brand: string, tag: string, value: string): void => {
    const full = options.includeRetweets ? value : `(${value}) -is:retweet`;
    if (full.length > options.maxRuleLength) errors.push({ brand, reason: `rule for ${tag} is ${full.length} characters, X allows ${options.maxRuleLength}` });
    else rules.push({ tag, value: full });
  };
  for (const brand of brands) {
    try {
      push(brand.id, `${RULE_TAG_PREFIX}${brand.id}`, toXRule(brand.query));
    } catch (err) {
      errors.push({ brand: brand.id, reason: (err as Error).message });
    }
    const accounts = accountRule(brand.accounts);
    if (accounts) push(brand.id, `${RULE_TAG_PREFIX}${brand.id}:accounts`, accounts);
  }
  return { rules, errors };
}

export interface RuleDiff {
  add: StreamRule[];
  deleteIds: string[];
}

/** Only the difference: unchanged rules stay (X keeps their ids and no matching gap opens). */
export function diffRules(existing: Array<StreamRule & { id: string }>, desired: StreamRule[]): RuleDiff {
  const key = (r: StreamRule): string => `${r.tag}\u0000${r.value}`;
  const want = new Set(desired.map(key));
  const have = new Set(existing.map(key));
  return {
    add: desired.filter((r) => !have.has(key(r))),
    deleteIds: existing.filter((r) => r.tag.startsWith(RULE_TAG_PREFIX) && !want.has(key(r))).map((r) => r.id),
  };
}
