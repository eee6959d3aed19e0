import { describe, expect, it } from 'vitest';
import { fold, prepare, tokenize, umlautFlexible } from '../../../classifiers/text.ts';

describe('fold: umlaut- and accent-insensitive matching form', () => {
  it.each([
    ['müller', 'mueller'],
    ['straße', 'strasse'],
    ['ärger über öffis', 'aerger ueber oeffis'],
    ['café', 'cafe'],
    ['plain ascii', 'plain ascii'],
  ])('%s → %s', (input, folded) => expect(fold(input)).toBe(folded));
});

describe('prepare', () => {
  it('lower-cases, keeps umlauts in `lower` and folds them in tokens', () => {
    const p = prepare('Die Deutsche Bahn ÄRGERT mich');
    expect(p.lower).toBe('die deutsche bahn ärgert mich');
    expect(p.tokens.map((t) => t.folded)).toEqual(['die', 'deutsche', 'bahn', 'aergert', 'mich']);
  });

  it('collapses elongations and maps offsets back to the original text', () => {
    const text = 'Sooooo schlecht!!! Neeeein';
    const p = prepare(text);
    expect(p.lower).toBe('soo schlecht!!! neein');
    const at = p.lower.indexOf('schlecht');
    expect(text.slice(p.toOriginal(at), p.toOriginal(at + 'schlecht'.length))).toBe('schlecht');
    const neein = p.lower.indexOf('neein');
    expect(text.slice(p.toOriginal(neein), p.toOriginal(neein + 5))).toBe('Neeeein');
  });

  it('leaves links alone when collapsing elongations: "www." stays a link, with its words kept out of `lower`', () => {
    const text = 'Sooo schlecht, siehe www.keine-antwort.de und https://zzzshop.de neeein';
    const p = prepare(text);
    expect(p.tokens.filter((t) => t.kind === 'url').map((t) => t.text)).toEqual(['www.keine-antwort.de', 'https://zzzshop.de']);
    expect(p.lower).not.toContain('keine-antwort');
    const neein = p.lower.indexOf('neein');
    expect(text.slice(p.toOriginal(neein), p.toOriginal(neein + 5))).toBe('neeein');
  });

  it('recognises urls, @mentions, #hashtags, emoji and emoticons as their own tokens', () => {
    const kinds = tokenize('@DB_Bahn #fail 😡 :( https://example.com/x?y=1 Zug').map((t) => [t.kind, t.text]);
    expect(kinds).toEqual([
      ['mention', '@db_bahn'],
      ['hashtag', '#fail'],
      ['emoji', '😡'],
      ['emoji', ':('],
      ['url', 'https://example.com/x?y=1'],
      ['word', 'zug'],
    ]);
  });

  it('blanks URLs out of `lower` without shifting offsets, so cues never match inside a link', () => {
    const text = 'Siehe https://example.com/keine-antwort bitte';
    const p = prepare(text);
    expect(p.lower).toHaveLength(text.length);
    expect(p.lower).not.toContain('keine-antwort');
    expect(p.lower.endsWith('bitte')).toBe(true);
  });

  it('keeps hyphenated and apostrophe words together and normalises typographic apostrophes', () => {
    expect(tokenize('E-Mail don’t 0800-er').map((t) => t.text)).toEqual(['e-mail', "don't", '0800-er']);
  });

  it('marks capitalised words and sentence starts (German noun signal, not ALL CAPS)', () => {
    const t = tokenize('Heute kein Zug. Wieder NICHTS');
    expect(t.map((x) => [x.text, x.capitalised, x.sentenceStart])).toEqual([
      ['heute', true, true],
      ['kein', false, false],
      ['zug', true, false],
      ['.', false, false],
      ['wieder', true, true],
      ['nichts', false, false],
    ]);
  });

  it('composes decomposed umlauts (NFC) before matching', () => {
    expect(prepare('Mu\u0308ller').tokens[0]?.folded).toBe('mueller');
  });
});

describe('umlautFlexible', () => {
  it('accepts both spellings of umlauts and ß in cue patterns', () => {
    const re = new RegExp(`^${umlautFlexible('rückmeldung schließen')}$`, 'u');
    for (const s of ['rückmeldung schließen', 'rueckmeldung schliessen', 'rückmeldung schliessen']) expect(re.test(s)).toBe(true);
    expect(re.test('ruckmeldung schliesen')).toBe(false);
  });
});

describe('fold: the char-code loop gives what the umlaut replace and Unicode decomposition gave', () => {
  const reference = (lowered: string): string => {
    const umlautsDone = lowered.replace(/[äöüßẞ]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ẞ: 'ss' })[c] ?? c);
    return /[^\x00-\x7f]/.test(umlautsDone) ? umlautsDone.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC') : umlautsDone;
  };
  it.each([
    'müller', 'straße', 'großstraße', 'ẞ', 'äöüß', 'café', 'crème brûlée über alles', 'fünf😡sterne', 'zwj👩‍👩‍👧ä',
    'bad\ud800surrogate ü', 'ü\udc00', 'ñandú', 'ø', 'u\u0308ber', 'plain ascii', '',
  ])('%s', (text) => expect(fold(text)).toBe(reference(text)));
});
