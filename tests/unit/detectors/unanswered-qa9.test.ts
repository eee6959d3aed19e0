/**
 * Tracker scenarios from QA round 9 (a Swiss online shop on X, a UK telco's Facebook page): customers agreeing with or
 * answering another customer under that customer's comment, a solved note that says what it was, and a customer who
 * settles their matter only after their SLA ran out under a page post whose alert stays open for others.
 */
import { describe, expect, it } from 'vitest';
import { expectsAnswer, reportsSolved } from '../../../classifiers/unanswered-cues.ts';
import { createUnansweredTracker } from '../../../classifiers/unanswered.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Alert, Brand } from '../../../src/model.ts';
import { feedTracker, MemoryState, pageComment, post, type TrackerStep } from './helpers.ts';

const brightwave: Brand = { id: 'brightwave', name: 'Brightwave Mobile', query: 'Brightwave', accounts: ['Brightwave Mobile'], language: 'en' };
const sonnwerk: Brand = { id: 'sonnwerk', name: 'Sonnwerk Energie', query: 'Sonnwerk', accounts: ['Sonnwerk Energie'], language: 'de' };
const config = AppConfig.parse({ brands: [brightwave, sonnwerk], sla: { facebook: 120 } });
const T0 = Date.parse('2026-11-24T10:00:00Z'); // a Tuesday
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

const run = (steps: TrackerStep[], endMinute: number): Promise<Alert[]> =>
  feedTracker(createUnansweredTracker({ brands: [brightwave, sonnwerk], config, state: new MemoryState() }), steps, at, endMinute);

const en = pageComment({ rootId: 'p1', parentId: 'p1', source: 'facebook', channel: 'page_comment', brandContext: ['brightwave'], lang: 'en', handle: null });
const de = pageComment({ rootId: 'p2', parentId: 'p2', source: 'facebook', channel: 'page_comment', brandContext: ['sonnwerk'], lang: 'de', handle: null });
const enPage = en('p1', 0, 'Brightwave Mobile', "We're upgrading our network in Leeds this week.", { isBrand: true, parentId: undefined });
const dePage = de('p2', 0, 'Sonnwerk Energie', 'Ab Januar gibt es unseren neuen Ökostromtarif.', { isBrand: true, parentId: undefined });
const unanswered = (emitted: Alert[]) => (emitted.at(-1)?.evidence as { unansweredIds?: string[] } | undefined)?.unansweredIds ?? [];

describe('a reply under another customer\'s comment', () => {
  it('agreeing ("Same here in Ancoats", "Bei mir auch, seit Montag") joins that customer\'s matter; with a question it waits on its own', async () => {
    const emitted = await run(
      [
        enPage,
        en('c1', 10, 'Nathan Brooks', "My phone shows 'SOS only' since 2pm. Is there an outage?", { complaint: true }),
        en('c2', 12, 'Amy Stone', 'Same here in Ancoats', { parentId: 'c1' }),
        en('c3', 14, 'Dan Morley', 'Same in Kirkstall, absolutely useless.', { parentId: 'c1', complaint: true }),
        en('c4', 16, 'Lee Park', 'Same here, when will this be fixed?', { parentId: 'c1', complaint: true }),
        dePage,
        de('d1', 20, 'Hanna Berger', 'Seit heute früh kein Strom in der Südstadt. Wann geht es wieder?', { complaint: true }),
        de('d2', 22, 'Uwe Kern', 'Bei mir auch, seit Montag', { parentId: 'd1' }),
        de('d3', 24, 'Eva Lang', 'Bei uns auch, wann kommt der Techniker?', { parentId: 'd1', complaint: true }),
      ],
      6 * 60,
    );
    const ids = emitted.flatMap((a) => unanswered([a]));
    expect(new Set(ids)).toEqual(new Set(['facebook:c1', 'facebook:c4', 'facebook:d1', 'facebook:d3']));
  });

  it('opening with that customer\'s name, comma or not ("Kev they\'re not that bad", "Kelly Nguyen yes it does"), talks to them', async () => {
    const emitted = await run(
      [
        enPage,
        en('c1', 10, 'Kelly Nguyen', 'Can you tell me if Wi-Fi calling works on iPhone 12?'),
        en('c2', 15, 'Sam Patel', 'Kelly Nguyen yes it does, turn it on in Settings > Phone', { parentId: 'c1' }),
        en('c3', 20, 'Kev Barker', 'Worst network in the UK. Leaving as soon as my contract is up.', { complaint: true }),
        en('c4', 25, 'Linda Park', "Kev they're not that bad, EE was worse for me", { parentId: 'c3' }),
        dePage,
        de('d1', 30, 'Renate Vogl', 'Lohnt sich der Ökostromtarif für eine Wohnung mit Wärmepumpe?'),
        de('d2', 35, 'Jonas Bauer', 'Renate wir haben ihn seit März, rechnet sich bei uns', { parentId: 'd1' }),
      ],
      6 * 60,
    );
    const ids = new Set(emitted.flatMap((a) => unanswered([a])));
    expect(ids).toEqual(new Set(['facebook:c1', 'facebook:c3', 'facebook:d1']));
  });

  it('a first name that is also a word ("Will this affect Bradford too?") or a name not of the comment above still asks the brand', () => {
    const ctx = { brandNames: ['brightwave mobile', 'brightwave'], tagsAreNames: true, fellows: ['will carter', 'kev barker'], repliesToFellow: 'will carter' };
    const m = (text: string) => post({ id: 'x', text, at: iso(0), author: 'fb-a', name: 'A', handle: null, source: 'facebook', channel: 'page_comment', lang: 'en' });
    expect(expectsAnswer(m('Will this affect Bradford too?'), ctx)).toBe(true);
    expect(expectsAnswer(m('Will, yes it does'), ctx)).toBe(false);
    expect(expectsAnswer(m('Kev is it the same for broadband customers?'), ctx)).toBe(true);
    // "This is ridiculous" agrees with nobody: only "this" alone or "100% this" does.
    expect(expectsAnswer(m('This is ridiculous, my bill doubled again'), { ...ctx, repliesToFellow: 'kev barker' })).toBe(true);
    expect(expectsAnswer(m('100% this'), { ...ctx, repliesToFellow: 'kev barker' })).toBe(false);
    // Agreeing, but about something of their own: a bill is the writer's alone.
    expect(expectsAnswer(m('Same here, my bill is £40 too high as well'), { ...ctx, repliesToFellow: 'kev barker' })).toBe(true);
    const deM = (text: string) => post({ id: 'y', text, at: iso(0), author: 'fb-b', name: 'B', handle: null, source: 'facebook', channel: 'page_comment', lang: 'de' });
    expect(expectsAnswer(deM('Bei uns auch, meine Abschlagszahlung wurde doppelt abgebucht'), { ...ctx, repliesToFellow: 'kev barker' })).toBe(true);
    expect(expectsAnswer(deM('Geht mir genauso, seit Montag'), { ...ctx, repliesToFellow: 'kev barker' })).toBe(false);
  });
});

describe('a comment under the brand\'s own post that asks and reports nothing', () => {
  it('waits for no answer ("Applied! Fingers crossed 🤞" under a hiring post); a case of the writer\'s own, or a word from a customer already waiting, still does', async () => {
    const emitted = await run(
      [
        enPage,
        en('c1', 10, 'Ian Moss', 'Applied! Fingers crossed 🤞'),
        en('c2', 12, 'Dave Wilson', 'I was promised a callback on Monday about my broken router. Nobody called. Ref 551902.', { complaint: true }),
        en('c3', 40, 'Dave Wilson', 'My neighbour has the same router.'),
        dePage,
        de('d1', 20, 'Uwe Kern', 'Wir waren letzten Sommer dort, wunderschöne Gegend'),
        de('d2', 22, 'Eva Lang', 'Ich warte noch auf den Rückruf wegen meines Zählers'),
      ],
      6 * 60,
    );
    expect(new Set(emitted.flatMap((a) => unanswered([a])))).toEqual(new Set(['facebook:c2', 'facebook:c3', 'facebook:d2']));
  });
});

describe('details sent after a request for them (QA9: "Sent." under the brand\'s DM request, nothing more)', () => {
  it('the alert names the message the brand asked about beside the hand-back it waits on', async () => {
    const emitted = await run(
      [
        enPage,
        en('c1', 10, 'Sandra Okafor', 'Third time this month my data has just stopped working in Bradford city centre.', { complaint: true }),
        en('r1', 30, 'Brightwave Mobile', 'Hi Sandra, could you please send us a DM with your postcode so we can check the local mast? - Tom', { isBrand: true, parentId: 'c1' }),
        en('c2', 50, 'Sandra Okafor', 'Sent.', { parentId: 'c1' }),
      ],
      6 * 60,
    );
    const evidence = emitted.at(-1)?.evidence as { unansweredIds?: string[]; askedAboutIds?: string[] } | undefined;
    expect(evidence?.unansweredIds).toEqual(['facebook:c2']);
    expect(evidence?.askedAboutIds).toEqual(['facebook:c1']);
  });
});

describe('a solved note that says what it was', () => {
  const m = (text: string, lang: 'de' | 'en', complaint = false) => post({ id: 'x', text, at: iso(0), author: 'fb-a', name: 'A', handle: null, source: 'facebook', channel: 'page_comment', lang, complaint });

  it('closes the matter in English and German, though longer than a plain thank-you', () => {
    const mark = m("All sorted over DM, it was a premium SMS charge and it's been refunded. Thanks Jess!", 'en', true);
    expect(expectsAnswer(mark)).toBe(false);
    expect(reportsSolved(mark)).toBe(true);
    const de1 = m('Hat sich erledigt, war ein Fehler bei der Abbuchung und das Geld ist schon wieder auf meinem Konto. Danke euch!', 'de', true);
    expect(reportsSolved(de1)).toBe(true);
    expect(expectsAnswer(m('Just wanted to say Tom sorted my issue in 5 minutes on chat yesterday. Top service!', 'en', true))).toBe(false);
  });

  it('does not when more failures follow, something is still wanted, or the fix is still to come', () => {
    expect(reportsSolved(m('Hat sich erledigt mit der Rechnung, dafür bin ich seit drei Wochen ohne Internet und der Techniker ist zweimal nicht gekommen', 'de', true))).toBe(false);
    expect(expectsAnswer(m("Get this sorted, I've been charged twice for the same month and the phone line just rings out", 'en', true))).toBe(true);
    expect(expectsAnswer(m("Billing part is sorted now thanks, but the router keeps dropping every evening since Monday", 'en', true))).toBe(true);
  });
});

/** Under each page post one customer complains and waits throughout; a second asks and later settles it themselves. */
const enWaiters = (...then: TrackerStep[]): TrackerStep[] => [
  enPage,
  en('c1', 10, 'Becky Hall', 'How about fixing the signal for existing customers instead of bribing new ones?', { complaint: true }),
  en('c2', 20, 'Sophie Turner', "Ordered a new phone on Friday, it still says 'processing'. Any update?"),
  ...then,
];
const deWaiters = (...then: TrackerStep[]): TrackerStep[] => [
  dePage,
  de('d1', 10, 'Karl Huber', 'Eure Abschlagszahlung wurde doppelt abgebucht, das ist eine Frechheit!', { complaint: true }),
  de('d2', 20, 'Ute Brandl', 'Wann kommt denn die Jahresabrechnung?'),
  ...then,
];

describe('a customer who settles only after their SLA ran out', () => {
  it('stays in the page post\'s open alert as solved by themselves, in English and German', async () => {
    const last = (
      await run(
        enWaiters(
          en('b1', 30, 'Brightwave Mobile', "Hi Sophie, we're sorry about the wait. We've sent you a DM.", { isBrand: true, parentId: 'c2' }),
          en('c3', 200, 'Sophie Turner', "Got your DM and it's all sorted now, phone arrives tomorrow. Thanks!", { parentId: 'c2' }),
        ),
        6 * 60,
      )
    ).at(-1);
    expect(last?.status).toBe('open');
    expect(last?.evidence).toMatchObject({ unansweredIds: ['facebook:c1'], answeredLateIds: ['facebook:c2'] });
    expect((last?.evidence as { answeredLate: string[] }).answeredLate[0]).toMatch(/^sophie turner: solved it themselves after 3 h/iu);

    const german = (await run(deWaiters(de('d3', 200, 'Ute Brandl', 'Hat sich erledigt, ist heute gekommen. Danke!', { parentId: 'd2' })), 6 * 60)).at(-1);
    expect(german?.evidence).toMatchObject({ unansweredIds: ['facebook:d1'], answeredLateIds: ['facebook:d2'] });
    expect((german?.evidence as { answeredLate: string[] }).answeredLate[0]).toMatch(/selbst gelöst/u);
  });

  const inTime: Array<[string, TrackerStep[], string]> = [
    ['English', enWaiters(en('c3', 60, 'Sophie Turner', "Never mind, it's all sorted now. Thanks!", { parentId: 'c2' })), 'facebook:c1'],
    ['German', deWaiters(de('d3', 60, 'Ute Brandl', 'Vergesst meine Frage, hab sie im Kundenportal gefunden. Danke!', { parentId: 'd2' })), 'facebook:d1'],
  ];
  it.each(inTime)('settling within the SLA leaves no trace in the alert (%s; "Never mind" leaves nothing open)', async (_lang, steps, waiting) => {
    const evidence = (await run(steps, 6 * 60)).at(-1)?.evidence;
    expect(evidence).toMatchObject({ unansweredIds: [waiting] });
    expect(evidence).not.toHaveProperty('answeredLateIds');
  });
});
