/**
 * QA round 10 (a food-delivery brand's Facebook page, office hours in the config): a customer answered late was listed
 * once per post of theirs, and the late line gave the calendar wait only, where the title gives the business-hours wait
 * beside it.
 */
import { describe, expect, it } from 'vitest';
import { createUnansweredTracker } from '../../../classifiers/unanswered.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Brand } from '../../../src/model.ts';
import { feedTracker, MemoryState, pageComment } from './helpers.ts';

const munchly: Brand = {
  id: 'munchly',
  name: 'Munchly',
  query: 'Munchly',
  accounts: ['Munchly'],
  language: 'en',
  sla: { facebook: 60 },
  businessHours: { timeZone: 'Europe/London', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
};
const config = AppConfig.parse({ brands: [munchly] });
const T0 = Date.parse('2026-12-07T16:00:00Z'); // a Monday, an hour before closing
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const fb = { source: 'facebook', channel: 'page_comment' as const, brandContext: ['munchly'], handle: null, lang: 'en' as const };
const comment = pageComment({ rootId: 'p1', parentId: 'p1', ...fb });

describe('answered late: one line per customer, with the business-hours wait', () => {
  it('three posts of one customer answered the next morning (an hour after opening) are one line; the wait in office hours stands beside the calendar one', async () => {
    const emitted = await feedTracker(
      createUnansweredTracker({ brands: [munchly], config, state: new MemoryState() }),
      [
        comment('p1', 0, 'Munchly', 'Winter menu is here! ❄️', { isBrand: true, parentId: undefined }),
        comment('c1', 10, 'Harry Moss', 'My order #88121 never arrived and the app says delivered.', { complaint: true }),
        comment('c2', 20, 'Harry Moss', 'Still nothing, can someone look at this?', { parentId: 'c1' }),
        comment('c3', 30, 'Harry Moss', 'Hello??', { parentId: 'c1' }),
        comment('c4', 40, 'Chloe Ward', 'When does the winter menu end?'),
        comment('r1', 18 * 60 + 10, 'Munchly', 'Harry Moss Hi Harry, we have refunded order #88121 in full, it shows in 3-5 days.', { isBrand: true, parentId: 'c1' }),
      ],
      at,
      19 * 60,
    );
    const afterHarry = emitted.filter((a) => a.updatedAt === at(18 * 60 + 10).toISOString()).at(-1);
    expect(afterHarry?.evidence.answeredLate).toEqual(['Harry Moss: answered late, after 18 h (2 h in business hours)']);
    expect(afterHarry?.evidence.answeredLateIds).toEqual(['facebook:c1', 'facebook:c2', 'facebook:c3']);
  });
});
