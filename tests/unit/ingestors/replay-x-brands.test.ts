import { describe, expect, it } from 'vitest';
import { assignBrands } from '../../../classifiers/brand-assignment.ts';
import { readJsonl } from '../../../ingestors/replay-formats.ts';
import { Brand } from '../../../src/model.ts';

// The query names the brand in words only; the account is configured apart, as most kundenradar.yaml files do it.
const bahn = Brand.parse({ id: 'deutsche-bahn', name: 'Deutsche Bahn', query: '"Deutsche Bahn" OR verspät*', accounts: ['@DB_Bahn'], language: 'de' });
const tweet = (id: string, text: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, text, author_id: '77', created_at: '2026-10-04T09:00:00.000Z', conversation_id: id, ...extra });

function brandsOf(lines: string[]): string[][] {
  const input = readJsonl(lines.join('\n'));
  expect(input.errors).toEqual([]);
  return input.mentions.map((m) => assignBrands(m, [bahn]).brands);
}

describe('a replayed tweet addressed to a brand account belongs to that brand, as the live source has it', () => {
  it('mentioning the account, in any case, without a word of the query', () => {
    expect(brandsOf([
      tweet('1', '@db_bahn ICE 574 fällt aus, wie komme ich nach Köln?'),
      tweet('2', 'Danke für nichts, @DB_BAHN!'),
      tweet('3', 'Hey @DB_Bahn, my train to Munich is cancelled again'),
    ])).toEqual([['deutsche-bahn'], ['deutsche-bahn'], ['deutsche-bahn']]);
  });

  it('replying to the account (X puts the replied-to handle at the start of the reply text)', () => {
    expect(brandsOf([tweet('4', '@DB_Bahn @kerstin_k Gleiches Problem hier in Fulda', {
      conversation_id: '1', in_reply_to_user_id: '5', referenced_tweets: [{ type: 'replied_to', id: '1' }],
    })])).toEqual([['deutsche-bahn']]);
  });

  it('not for another account that starts like it, and the query still matches by prefix', () => {
    expect(brandsOf([
      tweet('5', '@DB_Bahnhofsmission Danke für den Tee!'),
      tweet('6', 'Wieder 40 Minuten Verspätung in Hannover'),
      tweet('7', 'Heute alles pünktlich'),
    ])).toEqual([[], ['deutsche-bahn'], []]);
  });
});
