/**
 * QA round 10 (a food-delivery brand's Facebook page, office hours in the config; an insurer on X): a customer answered
 * late was listed once per post of theirs, the late line gave the calendar wait only, where the title gives the
 * business-hours wait beside it, and an answer at exactly the SLA counted as late.
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

describe('an answer at exactly the SLA is in time', () => {
  const care: Brand = { id: 'care', name: 'Care', query: '@CareHelp', accounts: ['CareHelp'], language: 'en', sla: { twitter: 60 } };
  const careConfig = AppConfig.parse({ brands: [care] });
  const T1 = Date.parse('2026-12-08T10:00:00Z');
  const when = (minutes: number) => new Date(T1 + minutes * 60_000);
  const thread = (answerMinute: number, passerBy?: number) =>
    feedTracker(
      createUnansweredTracker({ brands: [care], config: careConfig, state: new MemoryState() }),
      [
        { id: 't1', minute: 0, author: 'kunde', text: '@CareHelp my claim form keeps failing to upload, can you help?', brandContext: ['care'], lang: 'en' },
        // Another customer's post at the deadline's very instant: the tracker looks at its timers then, fires none, and
        // must keep the deadline for its next look.
        ...(passerBy === undefined ? [] : [{ id: 'o1', minute: passerBy, author: 'andere', text: '@CareHelp is the app down for anyone else?', brandContext: ['care'], lang: 'en' as const }]),
        { id: 'r1', minute: answerMinute, author: 'CareHelp', isBrand: true, text: '@kunde Sorry about that, we have fixed the upload page, please try again now.', rootId: 't1', parentId: 't1', brandContext: ['care'], lang: 'en' },
      ],
      when,
      3 * 60,
    );
  const openedFor = (alerts: readonly { kind: string; mentions: readonly string[] }[]) => alerts.filter((a) => a.kind === 'unanswered' && a.mentions.includes('twitter:t1'));

  it('60 minutes on a 60-minute SLA raises nothing; 61 minutes is late', async () => {
    expect(openedFor(await thread(60))).toEqual([]);
    expect(openedFor(await thread(61)).length).toBeGreaterThan(0);
  });

  it('a look at the deadline\'s instant keeps the deadline: unanswered until minute 90, it is alerted', async () => {
    const alerts = openedFor(await thread(90, 60));
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]).toMatchObject({ openedAt: when(60).toISOString() });
  });
});
