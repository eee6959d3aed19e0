import { describe, expect, it } from 'vitest';
import { analyse, englishTerm, germanNormalize, germanTerm, parseTextQuery, tokenize } from '../../../src/store/analysis.ts';

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
  it('splits words and quoted phrases in straight, German and English quotes', () => {
    expect(parseTextQuery('Mahnung "keine Antwort" „seit drei Tagen“ “still waiting”').clauses).toEqual([
      { raw: 'keine Antwort', phrase: true },
      { raw: 'seit drei Tagen', phrase: true },
      { raw: 'still waiting', phrase: true },
      { raw: 'Mahnung', phrase: false },
    ]);
  });

  it('treats a word that splits into several tokens as a phrase: "E-Mail"', () => {
    expect(parseTextQuery('E-Mail').clauses).toEqual([{ raw: 'E-Mail', phrase: true }]);
  });

  it('an unbalanced quote is plain text; empty phrases and punctuation vanish', () => {
    expect(parseTextQuery('"keine Antwort').clauses).toEqual([
      { raw: '"keine', phrase: false },
      { raw: 'Antwort', phrase: false },
    ]);
    expect(parseTextQuery('"" ... -').clauses).toEqual([]);
  });
});
