/**
 * QA round 11 (a municipal utility's Facebook page, an airline with two handles on X): spam to the page's readers and a
 * Christmas thank-you for help with a move waited for an answer; on X a customer answering another's question with a
 * grumble opened a matter of their own, the asker's thanks to them settled nothing because the learned model flags the
 * question as a complaint, and "Sorted it at the airport desk in the end, no thanks to you." did not settle the case.
 */
import { describe, expect, it } from 'vitest';
import { createUnansweredTracker } from '../../../classifiers/unanswered.ts';
import { expectsAnswer } from '../../../classifiers/unanswered-cues.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Alert, Brand } from '../../../src/model.ts';
import { feedTracker, MemoryState, pageComment, post, type TrackerStep } from './helpers.ts';

const skyvale: Brand = { id: 'skyvale', name: 'Skyvale Airways', query: '@SkyvaleAir OR @SkyvaleHelp', accounts: ['SkyvaleAir', 'SkyvaleHelp'], language: 'en', sla: { twitter: 60 } };
const lindenau: Brand = { id: 'lindenau', name: 'Stadtwerke Lindenau', query: '"Stadtwerke Lindenau"', accounts: ['3300555', 'Stadtwerke Lindenau'], language: 'de', sla: { facebook: 240, page_comment: 240 } };
const config = AppConfig.parse({ brands: [skyvale, lindenau] });
const T0 = Date.parse('2026-12-15T10:00:00Z'); // a Tuesday
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const run = (brand: Brand, steps: TrackerStep[], endMinute = 8 * 60): Promise<Alert[]> =>
  feedTracker(createUnansweredTracker({ brands: [brand], config, state: new MemoryState() }), steps, at, endMinute);
const waiting = (alerts: readonly Alert[]) => [...new Set(alerts.flatMap((a) => a.evidence.unansweredIds ?? []))];

/** A tweet in the thread of `rootId` (its own id when it starts one), by a customer whose handle is their id. */
const tweet = (id: string, minute: number, author: string, text: string, extra: Partial<TrackerStep> = {}): TrackerStep => ({ id, minute, author, text, lang: 'en', ...extra });

describe('on X, one customer answers another\'s question', () => {
  // The learned model flags the question (0.54, "drop-off") and the answer ("for 10 minutes now") as complaints.
  const question = tweet('q1', 0, '5125', '@SkyvaleAir Is the drop-off zone at Gatwick North still free?', { brandContext: ['skyvale'], complaint: true });
  const answer = (text: string) => tweet('q2', 20, '5126', text, { rootId: 'q1', parentId: 'q1', brandContext: ['skyvale'], complaint: true });
  const grumble = answer("@5125 @SkyvaleAir No, it's £7 for 10 minutes now, learnt that the hard way");
  const thanks = tweet('q3', 30, '5125', '@5126 ah, thanks for the heads up!', { rootId: 'q1', parentId: 'q2' });

  it('a grumble in the answer is part of it: the answer waits for nothing, the question does', async () => {
    expect(waiting(await run(skyvale, [question, grumble]))).toEqual(['twitter:q1']);
  });

  it('an answer that speaks of the writer\'s own matter waits too', async () => {
    const own = answer('@5125 @SkyvaleAir No, and they charged me £7 for 10 minutes, disgraceful');
    expect(waiting(await run(skyvale, [question, own])).sort()).toEqual(['twitter:q1', 'twitter:q2']);
  });

  it('the asker thanking them, without the brand\'s handle, settles the question: no alert', async () => {
    expect(await run(skyvale, [question, grumble, thanks])).toEqual([]);
  });

  it('a complaint the crowd cannot settle still waits after the thanks', async () => {
    const lost = tweet('q1', 0, '5125', '@SkyvaleAir My bag never arrived at Gatwick, this is a disgrace. Where is it?', { brandContext: ['skyvale'], complaint: true });
    const tip = tweet('q2', 20, '5126', '@5125 try the baggage desk in arrivals', { rootId: 'q1', parentId: 'q1' });
    expect(waiting(await run(skyvale, [lost, tip, thanks]))).toEqual(['twitter:q1']);
  });
});

describe('on X, the customer sorts it out themselves and grumbles', () => {
  const onHold = tweet('h1', 0, '5121', '@SkyvaleAir Been on hold for 50 minutes trying to change a name on my booking. Is anyone actually answering the phones?', {
    brandContext: ['skyvale'],
    complaint: true,
  });
  const later = (text: string) => tweet('h2', 90, '5121', text, { rootId: 'h1', parentId: 'h1', brandContext: ['skyvale'] });

  it('"Sorted it at the airport desk in the end, no thanks to you." resolves the alert as solved by the customer', async () => {
    const emitted = await run(skyvale, [onHold, later('@SkyvaleAir Sorted it at the airport desk in the end, no thanks to you.')]);
    expect(emitted.at(-1)).toMatchObject({ status: 'resolved', resolvedAt: at(90).toISOString() });
    expect(emitted.at(-1)?.evidence).toMatchObject({ resolution: 'customer reports it solved' });
  });

  it.each([
    '@SkyvaleAir no thanks to you, still not sorted',
    '@SkyvaleAir No thanks to you.',
  ])('spite without the matter solved still waits: %s', async (text) => {
    expect((await run(skyvale, [onHold, later(text)])).at(-1)).toMatchObject({ status: 'open' });
  });
});

describe('under the brand\'s page post: spam and thanks ask nothing of the brand', () => {
  const comment = pageComment({ rootId: 'p1', parentId: 'p1', source: 'facebook', channel: 'page_comment', brandContext: ['lindenau'], handle: null, lang: 'de' });
  const pagePost = comment('p1', 0, 'Stadtwerke Lindenau', 'Frohe Feiertage! Unsere Servicezeiten zwischen den Jahren im Überblick.', { isBrand: true, author: '3300555', parentId: undefined });

  it('an advert to the readers and a Christmas thank-you naming the move they helped with open no thread; a complaint beside them does', async () => {
    const alerts = await run(lindenau, [
      pagePost,
      comment('c1', 10, 'Lara Sunshine', '💰💰 Verdiene 5000€ im Monat von zuhause!! Schreib mir eine PN 👉 bit.ly/rich-fast'),
      comment('c2', 20, 'Bernd Ziegler', 'Frohe Weihnachten an das ganze Team, und danke für die Hilfe beim Umzug, lief alles problemlos! 🎅', { sentiment: 'positive' }),
      comment('c3', 30, 'Heike Sommer', 'Seit gestern kein Warmwasser, wann kommt endlich jemand?', { complaint: true }),
    ], 3 * 24 * 60);
    expect(waiting(alerts)).toEqual(['facebook:c3']);
  });
});

describe('expectsAnswer: spam to the readers (QA round 11)', () => {
  const onX = (text: string, complaint = false, lang: 'de' | 'en' = 'en') =>
    post({ id: 's1', text, at: '2026-12-15T10:00:00Z', author: 'kunde', brandContext: ['skyvale'], lang, complaint });

  it.each([
    ['💰💰 Verdiene 5000€ im Monat von zuhause!! Schreib mir eine PN 👉 bit.ly/rich-fast', 'de'],
    ['Earn £500 a day working from home 🔥 DM me for details', 'en'],
    ['Passives Einkommen mit Krypto, Infos in meiner Bio 🚀', 'de'],
  ] as const)('a pitch of money with a way to reach the writer waits for nothing: %s', (text, lang) => {
    expect(expectsAnswer(onX(text, false, lang), { brandNames: ['skyvaleair', 'skyvale airways', 'skyvale'] })).toBe(false);
  });

  it.each([
    ['@SkyvaleAir please DM me, my booking shows the wrong name', false],
    ['@SkyvaleAir I earn 1500 € a month and you charged me £300 twice for one flight. DM me.', true],
  ] as const)('a customer asking to be written to, or naming their own money, still waits: %s', (text, complaint) => {
    expect(expectsAnswer(onX(text, complaint), { brandNames: ['skyvaleair', 'skyvale airways', 'skyvale'] })).toBe(true);
  });
});

describe('expectsAnswer: help thanked for is none asked for (QA round 11)', () => {
  const comment = (text: string, lang: 'de' | 'en') => post({ id: 'c1', text, at: '2026-12-21T07:30:00Z', author: 'kunde', brandContext: ['lindenau'], lang, sentiment: 'positive' });

  it.each([
    ['Frohe Weihnachten an das ganze Team, und danke für die Hilfe beim Umzug, lief alles problemlos! 🎅', 'de', false],
    ['Merry Christmas to the whole team, and thanks for all your help with my move, everything went smoothly! 🎄', 'en', false],
    ['Mein Zähler zeigt seit dem Umzug nichts mehr an. Danke im Voraus für eure Hilfe', 'de', true],
    ['Ich brauche Hilfe beim Umzug meines Vertrags, danke!', 'de', true],
  ] as const)('%s → %s', (text, lang, expected) => {
    expect(expectsAnswer(comment(text, lang), { brandNames: ['stadtwerke lindenau', 'stadtwerke'] })).toBe(expected);
  });
});
