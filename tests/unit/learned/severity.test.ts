import { describe, expect, it } from 'vitest';
import { ruleSeverity } from '../../../classifiers/learned/severity.ts';

describe('severity rules (X-CI scale: 1 no reproach, 2 disapproval, 3 accusation, 4 blame)', () => {
  it.each([
    // A plain report of a failure is disapproval: level 1 is left for a softened one (QA round 6 labelled 6 of 99
    // complaints 1, all of them hedged).
    ['Mein Zug hat 20 Minuten Verspätung', 'de', 2],
    ['my parcel has not arrived yet', 'en', 2],
    ['Schade, der Zug hat 20 Minuten Verspätung. Kann passieren.', 'de', 1],
    ['my parcel has not arrived yet, not ideal', 'en', 1],
    ['Echt ärgerlich, der Zug ist wieder zu spät', 'de', 2],
    ['this is so disappointing 👎', 'en', 2],
    ['Ihr habt mir zweimal abgebucht und keine Antwort auf meine Mail', 'de', 3],
    ['you charged me twice, this is a scam', 'en', 3],
    ['Eine Frechheit, nie wieder Bahn!', 'de', 4],
    ['shame on you, I am calling my lawyer', 'en', 4],
  ] as const)('%s → %i', (text, lang, level) => {
    expect(ruleSeverity(text, lang)).toBe(level);
  });

  it('matches whole words only, umlauts included', () => {
    // Softened posts stay 1 unless a disapproval word occurs: a word inside another must not count as one.
    expect(ruleSeverity('Schade, Schlechtwetterfront über Hamburg', 'de')).toBe(1);
    expect(ruleSeverity('oh well, badminton tonight', 'en')).toBe(1);
    expect(ruleSeverity('Schade, ärgerlich', 'de')).toBe(2);
  });
});
