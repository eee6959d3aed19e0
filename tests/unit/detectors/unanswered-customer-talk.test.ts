/**
 * Tracker scenarios of what customers write (QA8): a matter the customer closes themselves, a question another customer
 * answers, customers talking to each other under a page post, and a member of staff replying from a private account.
 */
import { describe, expect, it } from 'vitest';
import { createUnansweredTracker } from '../../../classifiers/unanswered.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Alert, Brand } from '../../../src/model.ts';
import { feedTracker, MemoryState, type TrackerStep } from './helpers.ts';

const lindenau: Brand = { id: 'lindenau', name: 'Lindenau Energie', query: '"Lindenau Energie"', accounts: ['lindenau_hilft', 'Lindenau Energie'], language: 'de' };
const config = AppConfig.parse({ brands: [lindenau] });
const T0 = Date.parse('2026-06-16T07:00:00Z'); // a Tuesday, 09:00 in Berlin
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

const run = (steps: TrackerStep[], endMinute: number): Promise<Alert[]> =>
  feedTracker(createUnansweredTracker({ brands: [lindenau], config, state: new MemoryState() }), steps, at, endMinute);

/** A tweet in the thread of `rootId` (its own id when it starts one). */
const tweet = (id: string, minute: number, author: string, text: string, extra: Partial<TrackerStep> = {}): TrackerStep => ({ id, minute, author, text, ...extra });
/** A comment under the brand's page post p1, by a commenter with a name and no handle. */
const comment = (id: string, minute: number, name: string, text: string, extra: Partial<TrackerStep> = {}): TrackerStep => ({
  id,
  minute,
  author: `fb-${name}`,
  name,
  handle: null,
  text,
  rootId: 'p1',
  parentId: 'p1',
  source: 'facebook',
  channel: 'page_comment',
  brandContext: ['lindenau'],
  ...extra,
});
const pagePost = comment('p1', 0, 'Lindenau Energie', 'Ab Juli senken wir die Strompreise um 5 %.', { isBrand: true, parentId: undefined });

describe('the customer closes the matter', () => {
  it('"Anruf kam, alles geklärt" after a promised call resolves the alert as solved by the customer', async () => {
    const emitted = await run(
      [
        tweet('t1', 0, 'ida_k', '@lindenau_hilft Meine Überweisung hängt seit gestern, was ist da los?', { complaint: true }),
        tweet('t2', 10, 'lindenau_hilft', '@ida_k Hallo Ida, die Kollegen rufen dich heute noch an.', { rootId: 't1', parentId: 't1', isBrand: true }),
        tweet('t3', 100, 'ida_k', '@lindenau_hilft Anruf kam, alles geklärt 👍', { rootId: 't1', parentId: 't2' }),
      ],
      8 * 60,
    );
    expect(emitted.at(-1)).toMatchObject({ status: 'resolved', resolvedAt: iso(100) });
    expect(emitted.at(-1)?.evidence).toMatchObject({ resolution: 'customer reports it solved', followUps: 0 });
  });

  it('"kam dann doch, lag an meinem WLAN" before the SLA is no follow-up and leaves no alert; "kam doch nicht" still waits', async () => {
    const steps = (late: string): TrackerStep[] => [
      tweet('t1', 0, 'ole_m', '@lindenau_hilft Der Bestätigungscode per SMS kommt nicht an.'),
      tweet('t2', 20, 'ole_m', `@lindenau_hilft ${late}`, { rootId: 't1', parentId: 't1' }),
    ];
    expect(await run(steps('ok, kam dann doch, lag wohl an meinem WLAN. Sorry!'), 8 * 60)).toEqual([]);
    expect((await run(steps('kam doch nicht, immer noch nichts da'), 8 * 60)).at(-1)?.evidence).toMatchObject({ followUps: 1 });
  });
});

describe('another customer answers the question', () => {
  const question = tweet('t1', 0, 'ida_k', '@lindenau_hilft Wo finde ich die Zählernummer in der App?');
  const fellow = tweet('t2', 5, 'ben_r', '@ida_k Unter Vertrag > Zähler, ganz unten.', { rootId: 't1', parentId: 't1' });
  const thanks = tweet('t3', 8, 'ida_k', '@ben_r super, gefunden, danke!', { rootId: 't1', parentId: 't2' });

  it('on X the asker thanking them settles the question: no alert', async () => {
    expect(await run([question, fellow, thanks], 8 * 60)).toEqual([]);
  });

  it('after a holding reply from the brand, thanks to a name may be for the brand\'s agent: the question still waits', async () => {
    const holding = tweet('t9', 3, 'lindenau_hilft', '@ida_k Wir schauen uns das an. ^Petra', { rootId: 't1', parentId: 't1', isBrand: true });
    const emitted = await run([question, holding, fellow, thanks], 8 * 60);
    expect(emitted.at(-1)).toMatchObject({ status: 'open' });
    expect(emitted.at(-1)?.evidence).toMatchObject({ unansweredIds: ['twitter:t1'] });
  });

  it('on a page: another commenter answers by the asker\'s first name, the asker thanks them by theirs', async () => {
    const emitted = await run(
      [
        pagePost,
        comment('c1', 10, 'Robert Aigner', 'Gilt das auch für den Wärmepumpentarif?'),
        comment('c2', 40, 'Ursula Brandl', 'Robert, bei uns stand im Brief: Wärmepumpe minus 4 %.', { parentId: 'c1', complaint: true }),
        comment('c3', 50, 'Robert Aigner', 'Ah super, danke Ursula!', { parentId: 'c1' }),
      ],
      10 * 60,
    );
    expect(emitted).toEqual([]);
  });
});

describe('customers talking to each other under a page post', () => {
  it('a friend tag and its answer, a crowd question and its answer wait for no brand answer; a complaint beside them does', async () => {
    const emitted = await run(
      [
        pagePost,
        comment('c1', 10, 'Eva Lindner', 'Martin Huber schau, bei euch auch?'),
        comment('c2', 13, 'Martin Huber', 'Ja, leider 😒', { parentId: 'c1', complaint: true }),
        comment('c3', 20, 'Hans Ebner', 'Weiß wer, ob im Nordviertel auch der Strom weg ist?', { complaint: true }),
        comment('c4', 22, 'Gabi Roth', 'Oben rechts, unter der Adresse', { parentId: 'c3' }),
        comment('c5', 30, 'Jana Kurz', 'Meine Jahresabrechnung ist seit Wochen überfällig, wann kommt sie?', { complaint: true }),
      ],
      10 * 60,
    );
    expect(emitted.at(-1)?.evidence).toMatchObject({ unansweredIds: ['facebook:c5'] });
  });
});

describe('a member of staff on a private account', () => {
  it('is the brand\'s side, not a second waiting customer', async () => {
    const emitted = await run(
      [
        tweet('t1', 0, 'steffi_m', '@lindenau_hilft Die App bucht immer noch von meiner alten Karte ab!', { complaint: true }),
        tweet('t2', 5, 'sam_lindenau', '@steffi_m Hi, I work at Lindenau – passed this on to our billing team!', { rootId: 't1', parentId: 't1', lang: 'en' }),
      ],
      4 * 60,
    );
    expect(emitted.at(-1)?.evidence).toMatchObject({ unansweredIds: ['twitter:t1'] });
  });
});
