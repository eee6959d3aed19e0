/**
 * The learned tokeniser reads a token's kind off its first character instead of from capture groups (issue 4,
 * bench:classify). Reference: the same alternation with a group per kind, as it was written before.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../classifiers/learned/tokens.ts';

const REFERENCE =
  /(https?:\/\/\S+|www\.\S+)|(@\w+)|#([\p{L}\p{N}_]+)|(\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*)|(\p{N}+(?:[.,:]\p{N}+)*)|([:;=8][-^']?[()\[\]DPpOo\/\\|*3]|<3)|(\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|\uFE0F)*)|([.,;:!?]+)/gu;
const KINDS = ['url', 'user', 'word', 'word', 'num', 'emoji', 'emoji', 'punct'] as const;

function reference(text: string): Array<[string, number, string]> {
  return [...text.matchAll(REFERENCE)].map((m) => [m[0], m.index ?? 0, KINDS[m.findIndex((g, i) => i > 0 && g !== undefined) - 1] as string]);
}

describe('learned tokenize: kinds from the first character', () => {
  it.each([
    'Zug fällt aus!!! @DB_Bahn #bahnchaos https://t.co/x www.bahn.de 8) :) :-( ;p =D <3 :: ?! …',
    '@ # #ä @x_1 #ÄÖ www. www.x http:// https://a ½ ² Ⅻ ٣ 😀‍😀 ‼️ ©️ ½x x½ don’t l’été 𝐬𝐨𝐨𝐨 Ⓐ 3.50€ 12:30',
  ])('%s', (text) => {
    expect(tokenize(text).map((t) => [t.surface, t.start, t.kind])).toEqual(reference(text));
  });

  it('agrees with the reference on every BMP character, alone and next to letters, "#" and ":"', () => {
    const lines: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      lines.push(`${ch} ${ch}a a${ch} #${ch} :${ch} 8${ch}`);
    }
    for (let i = 0; i < lines.length; i += 512) {
      const text = lines.slice(i, i + 512).join('\n');
      expect(tokenize(text).map((t) => [t.surface, t.start, t.kind])).toEqual(reference(text));
    }
  });
});
