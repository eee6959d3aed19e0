import { describe, expect, it } from 'vitest';
import { analyse, englishTerm, foldedTerm, germanNormalize, germanTerm, parseTextQuery, tokenize, type TextQuery, type TextTerm } from '../../../src/store/analysis.ts';
import { StoreQueryError } from '../../../src/store/errors.ts';

describe('text analysis', () => {
  it('German2 normalisation folds umlauts and their transliterations, but not in "Feuer" or "Quelle"', () => {
    expect(germanNormalize('verspätung')).toBe('verspatung');
    expect(germanNormalize('verspaetung')).toBe('verspatung');
    expect(germanNormalize('grösse')).toBe(germanNormalize('groesse'));
    expect(germanNormalize('müller')).toBe(germanNormalize('mueller'));
    expect(germanNormalize('straße')).toBe('strasse');
    expect(germanNormalize('feuer')).toBe('feuer');
    expect(germanNormalize('quelle')).toBe('quelle');
  });

  it('German terms meet across spelling and inflection; English terms across inflection', () => {
    const de = ['Verspätung', 'verspaetung', 'Verspätungen', 'VERSPÄTUNG'].map(germanTerm);
    expect(new Set(de).size).toBe(1);
    expect(germanTerm('Kündigung')).toBe(germanTerm('kündigen'));
    const en = ['delayed', 'delay', 'delays', 'Delaying'].map(englishTerm);
    expect(new Set(en).size).toBe(1);
    expect(englishTerm("customer's")).toBe(englishTerm('customer'));
  });

  it('tokenizes words, inner apostrophes and single emoji; drops punctuation and lone marks', () => {
    expect(tokenize('Zug fällt aus😡 – geht\'s noch? ✈️ #bahn @DB_Bahn')).toEqual(['Zug', 'fällt', 'aus', '😡', "geht's", 'noch', '✈', 'bahn', 'DB', 'Bahn']);
    expect(tokenize('!!! … ???')).toEqual([]);
  });

  it('emoji become alphanumeric terms the FTS tokenizer keeps whole', () => {
    const { de, en } = analyse('Ärger 😡');
    expect(de[1]).toMatch(/^u[0-9a-f]+$/);
    expect(de[1]).toBe(en[1]);
  });

  it('keeps token order so phrases can match', () => {
    expect(analyse('keine Antwort').de).toEqual([germanTerm('keine'), germanTerm('Antwort')]);
  });
});

describe('search text parsing', () => {
  const word = (raw: string): TextTerm => ({ raw, phrase: false, prefix: false });
  const phrase = (raw: string): TextTerm => ({ raw, phrase: true, prefix: false });
  const prefix = (raw: string): TextTerm => ({ raw, phrase: false, prefix: true });
  const parse = (text: string): TextQuery => parseTextQuery(text);

  it('splits words and quoted phrases in straight, German and English quotes, all required', () => {
    expect(parse('Mahnung "keine Antwort" „seit drei Tagen“ “still waiting”').required).toEqual([
      [word('Mahnung')],
      [phrase('keine Antwort')],
      [phrase('seit drei Tagen')],
      [phrase('still waiting')],
    ]);
  });

  it('treats a word that splits into several tokens as a phrase: "E-Mail"', () => {
    expect(parse('E-Mail')).toEqual({ required: [[phrase('E-Mail')]], excluded: [] });
  });

  it('an unbalanced quote is plain text; empty phrases, punctuation, a lone - or * vanish', () => {
    expect(parse('"keine Antwort').required).toEqual([[word('"keine')], [word('Antwort')]]);
    expect(parse('"" ... - * -""')).toEqual({ required: [], excluded: [] });
  });

  it('OR and | join alternatives and bind tighter than the spaces between words', () => {
    expect(parse('Bahn Zug OR Bus').required).toEqual([[word('Bahn')], [word('Zug'), word('Bus')]]);
    expect(parse('Zug | Bus|"E-Mail" || Fax').required).toEqual([[word('Zug'), word('Bus'), phrase('E-Mail'), word('Fax')]]);
  });

  it('AND, && and & are accepted between terms and change nothing (QA: "Zug AND Bus", "Zug && Bus")', () => {
    for (const text of ['Zug AND Bus', 'Zug && Bus', 'Zug & Bus', 'Zug &&  -Hotline Bus']) {
      expect(parse(text).required, text).toEqual(parse('Zug Bus').required);
    }
    expect(parse('Bahn && Zug OR Bus')).toEqual(parse('Bahn Zug OR Bus'));
    expect(parse('H&M').required).toEqual([[phrase('H&M')]]);
  });

  it('-word, -"phrase" and NOT word are excluded; a hyphen inside a word is not', () => {
    expect(parse('Funkwelle -Hotline -"keine Antwort" NOT Kranich E-Mail')).toEqual({
      required: [[word('Funkwelle')], [phrase('E-Mail')]],
      excluded: [word('Hotline'), phrase('keine Antwort'), word('Kranich')],
    });
    expect(parse('NOT Funkwelle')).toEqual({ required: [], excluded: [word('Funkwelle')] });
  });

  it('word* is a prefix on the word before the *', () => {
    expect(parse('Funk* -Verspät* #bahn*')).toEqual({ required: [[prefix('Funk')], [prefix('bahn')]], excluded: [prefix('Verspät')] });
  });

  it('lower-case or/not and mixed-case operators are plain words', () => {
    expect(parse('Funkwelle or not Kranich').required).toEqual([[word('Funkwelle')], [word('or')], [word('not')], [word('Kranich')]]);
    expect(parse('Or Not constructor').required).toEqual([[word('Or')], [word('Not')], [word('constructor')]]);
  });

  it('operators inside quotes are literal', () => {
    expect(parse('"Bahn OR Bus" "NOT -x"').required).toEqual([[phrase('Bahn OR Bus')], [phrase('NOT -x')]]);
  });

  it.each([
    ['Bahn OR', 'OR needs a word or phrase on both sides'],
    ['OR Bahn', 'OR needs a word or phrase on both sides'],
    ['Bahn OR OR Bus', 'OR needs a word or phrase on both sides'],
    ['Bahn OR -Bus', 'OR cannot join an excluded term'],
    ['Bahn OR NOT Bus', 'OR cannot join an excluded term'],
    ['-Bahn OR Bus', 'OR cannot join an excluded term'],
    ['NOT', 'NOT needs a word or phrase after it'],
    ['NOT -Bahn', 'NOT needs a word or phrase after it'],
    ['AND Bahn', 'AND needs a word or phrase on both sides'],
    ['Bahn AND OR Bus', 'AND needs a word or phrase on both sides'],
    ['Zug &&', 'AND needs a word or phrase on both sides'],
    ['&& Bus', 'AND needs a word or phrase on both sides'],
    ['Zug & OR Bus', 'AND needs a word or phrase on both sides'],
    ['(Bahn Zug) OR Bus', 'parentheses are not supported'],
    ['Bahn :(', 'parentheses are not supported'],
    ['F*', 'at least 2 letters'],
    ['Fu*k', '* marks a prefix at the end of a single word'],
    ['*Funk', '* marks a prefix at the end of a single word'],
    ['E-Mai*', '* marks a prefix at the end of a single word'],
    ['"Funk*"', '* inside quotes'],
  ])('refuses %s: %s', (text, reason) => {
    expect(() => parse(text)).toThrow(StoreQueryError);
    expect(() => parse(text)).toThrow(reason);
  });

  it('names the position of the problem', () => {
    expect(() => parse('Bahn Zug OR')).toThrow('at character 10 of "Bahn Zug OR"');
  });
});

describe('folded terms (prefix matching)', () => {
  it('fold case, umlauts, transliterations and ß like the German chain, without stemming', () => {
    expect(['Verspätung', 'VERSPAETUNG', 'verspatung'].map(foldedTerm)).toEqual(['verspatung', 'verspatung', 'verspatung']);
    expect(foldedTerm('Straße')).toBe('strasse');
    expect(analyse('Die Verspätungen').folded).toEqual(['die', 'verspatungen']);
  });
});
