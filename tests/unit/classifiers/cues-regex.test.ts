import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileAlternation, matchPrefixes, requiredLiteral, requiredLiterals, scanTokens, toRegexSource } from '../../../classifiers/cues-regex.ts';
import { DE_CUES } from '../../../classifiers/cues-de.ts';
import { EN_CUES } from '../../../classifiers/cues-en.ts';
import { prepare } from '../../../classifiers/text.ts';
import { INTENT_PATTERNS } from '../../../classifiers/intents.ts';
import { PROBLEM_PATTERNS } from '../../../classifiers/intent-problems.ts';

describe('cue pattern syntax', () => {
  it('turns spaces into whitespace-or-hyphen, * into a word ending, and accepts both umlaut spellings', () => {
    const re = new RegExp(`^(?:${toRegexSource('kündig* sofort')})$`, 'u');
    for (const s of ['kündige sofort', 'kuendigung sofort', 'kündigen-sofort']) expect(re.test(s)).toBe(true);
    expect(re.test('kündigesofort')).toBe(false);
  });
});

describe('every shipped cue pattern', () => {
  // Alternatives are compiled on first use (cues-regex.ts), so a broken one would only fail on a post that reaches
  // it, and that post would be dead-lettered ("hassle[- ]free" once was).
  it.each([...DE_CUES, ...EN_CUES].map((c) => [c.label, c.pattern] as const))('compiles: %s', (_label, pattern) => {
    expect(() => new RegExp(toRegexSource(pattern), 'u')).not.toThrow();
  });
});

describe('matchPrefixes', () => {
  it.each([
    ['keine antwort', ['kei']],
    ['(?:ich|wir) warte*', ['ich', 'wir']],
    ['ärger*', ['ä', 'a']],
    ['mahnung*|inkasso', ['mah', 'ink']],
    ['\\d+ min', ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']],
    ['\\?!|!!+', ['?', '!']],
    ['fees?', ['fee']],
  ])('%s → %j', (pattern, expected) => expect([...(matchPrefixes(pattern) ?? [])].sort()).toEqual([...expected].sort()));

  it('gives up (null: try everywhere) when a pattern starts with an optional group or a character class', () => {
    expect(matchPrefixes('(?:sehr )?schlecht')).toBeNull();
    expect(matchPrefixes('[a-z]+x')).toBeNull();
  });
});

// The prefix filter is an optimisation only: on real text it must find exactly what the bare regex finds.
const demoTexts = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'demo', 'demo.jsonl'), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => (JSON.parse(line) as { text: string }).text);
const extra = ['Ärger über die Rückmeldung', 'aerger ueber die rueckmeldung', 'Seit 3 Tagen 😡 ?! #fail', "I've been on hold for 2 hours, can't reach anyone :(", 'Danke für nichts 🙄'];

/** Scans every text with the indexed matcher and with the bare alternation, expects the same matches; returns how many. */
function agreeingMatches(patterns: string[], texts: string[]): number {
  const fast = compileAlternation(patterns);
  const plain = compileAlternation(patterns, { prefilter: false });
  let matches = 0;
  for (const text of texts) {
    const p = prepare(text);
    const a: number[][] = [];
    const b: number[][] = [];
    scanTokens(fast, p, (i, s, e) => a.push([i, s, e]));
    scanTokens(plain, p, (i, s, e) => b.push([i, s, e]));
    expect(a).toEqual(b);
    matches += a.length;
  }
  return matches;
}

describe('prefix filter', () => {
  it.each([
    ['German cues', DE_CUES.map((c) => c.pattern)],
    ['English cues', EN_CUES.map((c) => c.pattern)],
    // Also proves every intent pattern compiles: the indexed matcher builds an alternative's regex only when a text needs it.
    ['intent topics', INTENT_PATTERNS.map(([, p]) => p)],
    ['intent failure phrases', PROBLEM_PATTERNS.map(([, p]) => p)],
  ])('%s: filtered and unfiltered scans agree on the demo data', (_name, patterns) => {
    expect(agreeingMatches(patterns, [...demoTexts, ...extra])).toBeGreaterThan(50);
  });
});

describe('requiredLiteral: letters every match of a head-less alternative contains', () => {
  it.each([
    ['(?:(?:\\d+|ein|zwei) )?(?:minute|minuten) (?:lang )?(?:auf (?:[\\p{L}]+ ){0,2})?gewartet', 'gewartet'],
    ['(?:einfach )?vor die (?:haus)?tür gestellt', 'gestellt'],
    ['(?:ich )?will mein geld', 'will'],
    // Either spelling of ä/ö/ü/ß may be in the text: "aerger" also matches "ärger", so neither "ae" letter counts.
    ['aerger', 'rger'],
    ['strasse', 'stra'],
    ['abc?de', 'ab'],
    ['kündig*', 'ndi'],
    ["can't x{2}yz", "can't"],
    ['(?:a|b)', ''],
  ])('%s → %s', (alt, literal) => expect(requiredLiteral(alt)).toBe(literal));

  it.each([
    ['(?:preis|[\\p{L}]+gebühr) (?:[\\p{L}]+ ){0,5}(?:erhöht|teurer)', [['preis', 'geb'], ['erh', 'teurer']]],
    ['(?:preis|preise|gebühr|grundgebühr) x', [['x'], ['preis', 'geb']]],
    ['(?:ich )?will mein geld', [['will']]],
    ['(?:(?:mein|das) )?(?:geld|betrag) (?:nicht|nie) zurück', [['zur'], ['geld', 'betrag'], ['nicht', 'nie']]],
    // A branch with no literal ("any letters") makes its group require nothing.
    ['(?:a|[\\p{L}]+) x', [['x']]],
  ])('requiredLiterals %s → %j', (alt, lists) => expect(requiredLiterals(alt as string)).toEqual(lists));

  it('skipping head-less alternatives whose literal is missing finds what the bare alternation finds', () => {
    const patterns = ['(?:sehr )?schlecht', '(?:ich )?will mein geld', '(?:einfach )?vor die (?:haus)?tür gestellt', 'warte*'];
    const texts = ['Ich will mein Geld zurück', 'will mein geld', 'Paket einfach vor die Haustuer gestellt, sehr schlecht', 'Wir warten', 'nichts davon', 'will mein', 'ich will mein geld'];
    expect(agreeingMatches(patterns, texts)).toBe(6);
  });
});
