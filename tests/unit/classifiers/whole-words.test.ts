import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startChars } from '../../../classifiers/phrase-starts.ts';
import { BLAME_LISTS } from '../../../classifiers/severity-blame.ts';
import { phraseLists, phrases, preceded } from '../../../classifiers/whole-words.ts';

const starts = (source: string): string | null => {
  const set = startChars(source);
  return set === null ? null : [...set].map((c) => String.fromCharCode(c)).sort().join('');
};

describe('startChars: what a match of a phrase can start with', () => {
  it.each([
    ['abc', 'a'],
    ['(a|b)c', 'ab'],
    ['x?y', 'xy'],
    ['(?:ab)?c', 'ac'],
    ['[üu]ber', 'uü'],
    ['\\d+ ?mg', '0123456789'],
    ['h(m)+', 'h'],
    ['a{0,2}b', 'ab'],
    ['witz(?<!kein witz)', 'w'],
    ['(?<!x)ab', 'a'],
    ['\\.x', '.'],
    ['(statt|anstatt) (der )?\\d+', 'as'],
  ])('%s starts with one of "%s"', (source, chars) => expect(starts(source)).toBe(chars));

  it('reads a preceded() phrase by its word, the context standing in a lookbehind', () => {
    expect(starts(preceded("(i'?m|i am) ", 'done'))).toBe('d');
  });

  it.each(['\\p{L}+x', '(?:[\\p{L}]+ ){0,2}z', '[a-z]x', '.x', '[^a]b', '(a)?'])('%s may start with anything', (source) => {
    expect(starts(source)).toBeNull();
  });
});

describe('phraseLists: several phrase lists in one pass', () => {
  const lists = {
    outrage: ['frechheit', 'unversch[äa]mt(heit)?', 'joke(?<!no joke|not a joke)', String.raw`skandal\p{L}*`],
    money: [String.raw`(konto|card) ([\p{L}]+ ){0,2}(gesperrt|blocked)`, String.raw`\d+ ?(mg|ml) (statt|instead of) \d+`],
    done: [preceded("(i'?m|i am) ", 'done'), 'nie wieder'],
    anyStart: [String.raw`[\p{L}]+gebühr`, '😡|🤬'],
  };
  const together = phraseLists(lists);
  const oneByOne = (lower: string): string[] => Object.entries(lists).filter(([, list]) => phrases(list).test(lower)).map(([name]) => name);

  it.each([
    'das ist eine frechheit!',
    'so eine unverschämtheit und ein skandalöser service',
    'this is not a joke, a joke it is not',
    'what a joke',
    'mein konto wurde einfach gesperrt',
    'karte gesperrt',
    '5 mg statt 10 mg bekommen',
    "i'm done with you, i am done",
    'done. nie wieder!',
    'undone',
    'die versandgebühr ist neu 😡',
    'frechheit_ und frechheitx',
    '𝐀frechheit and ✨frechheit',
    'xyz',
    '',
  ])('%s: the same lists as testing each alone', (text) => {
    expect([...together(text)].sort()).toEqual(oneByOne(text).sort());
  });

  it('agrees with testing each list alone on the German and English corpora, with the blame lists too', () => {
    const all = { ...lists, ...BLAME_LISTS };
    const allTogether = phraseLists(all);
    const allOneByOne = Object.entries(all).map(([name, list]) => [name, phrases(list)] as const);
    const data = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
    const texts = [
      ...readFileSync(path.join(data, 'germeval2017', 'test_dia.xml'), 'utf8').split('\n'),
      ...readFileSync(path.join(data, 'complaints-en', 'complaints.csv'), 'utf8').split('\n'),
    ].map((line) => line.toLowerCase());
    let found = 0;
    for (const text of texts) {
      const expected = allOneByOne.filter(([, list]) => list.test(text)).map(([name]) => name).sort();
      expect([...allTogether(text)].sort(), text).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(40);
  });
});
