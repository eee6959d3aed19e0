/**
 * The cue matcher's index (cues-heads.ts, cues-regex.ts) is an optimisation only: at every position it must
 * find exactly what the single alternation finds — the same pattern, the same end (issue 4, bench:classify).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alternativeHeads, headCodes, headEnd, HeadKind, splitTopLevel } from '../../../classifiers/cues-heads.ts';
import { compileAlternation } from '../../../classifiers/cues-regex.ts';
import { DE_CUES } from '../../../classifiers/cues-de.ts';
import { EN_CUES } from '../../../classifiers/cues-en.ts';
import { prepare } from '../../../classifiers/text.ts';
import { mulberry32 } from '../../../src/datasets/folds.ts';

describe('alternativeHeads', () => {
  const heads = (alt: string): Array<[string, HeadKind]> | null => alternativeHeads(alt)?.map((h) => [h.s, h.kind]) ?? null;

  it('expands spellings and groups and follows words across spaces', () => {
    expect(heads("doesn't")).toEqual([["dösn't", HeadKind.Exact], ["doesn't", HeadKind.Exact]]);
    expect(heads('(?:is|are) down')).toEqual([['is down', HeadKind.Exact], ['are down', HeadKind.Exact]]);
    expect(heads('kündig*')).toEqual([['kündig', HeadKind.Wildcard], ['kuendig', HeadKind.Wildcard]]);
  });

  it('keeps regex-only alternatives as prefixes', () => {
    expect(heads('fees?')).toEqual([['fee', HeadKind.Prefix], ['fees', HeadKind.Prefix]]);
    expect(heads('no-?reply')).toEqual([['noreply', HeadKind.Prefix], ['no-reply', HeadKind.Prefix]]);
    expect(heads('(?:\\d+|\\+\\d+) ?min')?.map(([s]) => s)).toEqual(['\u0001\u0002min', '+\u0001\u0002min']);
  });

  it('follows an optional group that ends in a word and its space into what comes after it', () => {
    expect(heads('(?:zum )?(?:zweiten|dritten) ?mal')?.map(([s]) => s)).toEqual(['zweiten\u0002mal', 'dritten\u0002mal', 'zum zweiten\u0002mal', 'zum dritten\u0002mal']);
    expect(heads('(?:my |the )?parcel was lost')?.map(([s]) => s)).toEqual(['parcel was lost', 'my parcel was lost', 'the parcel was lost']);
    // At the top level a trailing space is a separator run before the word boundary: no literal head to end on.
    expect(heads('abc ')?.map(([s]) => s)).toEqual(['abc']);
  });

  it('gives up where a match may start anywhere', () => {
    expect(heads('[a-z]+x')).toBeNull();
    expect(heads(' ?x')).toBeNull();
  });

  it('reads a space as a run of separators', () => {
    const codes = headCodes('a joke');
    expect(headEnd('a - \tjoke!', 0, codes)).toBe(9);
    expect(headEnd('ajoke', 0, codes)).toBe(-1);
  });
});

const demoTexts = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'demo', 'demo.jsonl'), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => (JSON.parse(line) as { text: string }).text);

/** Texts built from the patterns' own heads, with varied separators, cases and neighbours. */
function stressTexts(patterns: readonly string[]): string[] {
  const rand = mulberry32(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const seps = [' ', '  ', '-', ' - ', '\n', '\u00a0', '\t'];
  const before = ['', ' ', 'x', '#', '"'];
  const after = ['', 'x', 'en', '1', ' ', 'ä', '😡', '-', '!', '?', "'s"];
  const out: string[] = [];
  for (const p of patterns) {
    for (const alt of splitTopLevel(p)) {
      for (const h of alternativeHeads(alt) ?? []) {
        const body = h.s.replace(/\u0001/g, '12').replace(/\u0002/g, '').replace(/ /g, () => pick(seps));
        out.push(`${pick(before)}${body}${pick(after)} ${body}`);
      }
    }
  }
  return out;
}

describe('indexed cue matcher', () => {
  it.each([
    ['German cues', DE_CUES.map((c) => c.pattern)],
    ['English cues', EN_CUES.map((c) => c.pattern)],
  ])('%s: the same match as the single alternation at every code point', async (_name, patterns) => {
    const fast = compileAlternation(patterns);
    const plain = compileAlternation(patterns, { prefilter: false });
    let matches = 0;
    const differences: string[] = [];
    const texts = [...demoTexts.map((t) => prepare(t).lower), ...stressTexts(patterns)];
    for (const [i, text] of texts.entries()) {
      for (let at = 0; at < text.length; at++) {
        const unit = text.charCodeAt(at);
        if (unit >= 0xdc00 && unit <= 0xdfff) continue; // inside a surrogate pair: never a token start
        const expected = plain.matchAt(text, at);
        const got = fast.matchAt(text, at);
        // Compared by hand: an expect() per code point cost most of the test's time.
        if (got?.pattern !== expected?.pattern || got?.end !== expected?.end) differences.push(`${JSON.stringify(text)} at ${at}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
        if (expected) matches++;
      }
      // Yield now and then: a worker busy for a minute misses vitest's own 60-second RPC deadline ("Timeout calling
      // onTaskUpdate"), which fails the run though every test passed.
      if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(differences.slice(0, 5)).toEqual([]);
    expect(matches).toBeGreaterThan(500);
    // Every code point of a few thousand texts against the plain alternation: about a minute alone (German), three on a
    // machine shared with a CI run.
  }, 420_000);
});
