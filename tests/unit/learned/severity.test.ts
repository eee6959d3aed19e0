import { describe, expect, it } from 'vitest';
import { ruleSeverity } from '../../../classifiers/learned/severity.ts';

describe('severity rules (X-CI scale: 1 no reproach, 2 disapproval, 3 accusation, 4 blame)', () => {
  it.each([
    ['Mein Zug hat 20 Minuten Verspätung', 'de', 1],
    ['my parcel has not arrived yet', 'en', 1],
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
    expect(ruleSeverity('Schlechtwetterfront über Hamburg', 'de')).toBe(1);
    expect(ruleSeverity('badminton tonight', 'en')).toBe(1);
    expect(ruleSeverity('ärgerlich', 'de')).toBe(2);
  });
});
