/**
 * QA round 12 (an Austrian internet provider's review site as Mention JSONL, an energy supplier on X as twarc2 pages):
 * review-site boilerplate ("Ihre Zufriedenheit liegt uns sehr am Herzen") closed questions, a yes with its condition
 * and the way there was read as a portal redirect, a bare policy link closed a question about lost credit, "Managed
 * to sort it through the website in the end, no thanks to you." did not settle the case, and a prospect asking the
 * crowd about the brand's exit fees opened a thread.
 */
import { describe, expect, it } from 'vitest';
import { formatBusinessTime } from '../../../classifiers/alert-format.ts';
import { classifyReply } from '../../../classifiers/reply-kind.ts';
import { expectsAnswer } from '../../../classifiers/unanswered-cues.ts';
import { createUnansweredTracker } from '../../../classifiers/unanswered.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Alert, Brand } from '../../../src/model.ts';
import { feedTracker, MemoryState, post, type TrackerStep } from './helpers.ts';

const voltwise: Brand = { id: 'voltwise', name: 'Voltwise Energy', query: '@VoltwiseEnergy OR @VoltwiseHelp', accounts: ['VoltwiseEnergy', 'VoltwiseHelp'], language: 'en', sla: { twitter: 60 } };
const config = AppConfig.parse({ brands: [voltwise] });
const T0 = Date.parse('2026-12-15T10:00:00Z'); // a Tuesday
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const run = (steps: TrackerStep[], endMinute = 8 * 60): Promise<Alert[]> =>
  feedTracker(createUnansweredTracker({ brands: [voltwise], config, state: new MemoryState() }), steps, at, endMinute);
const tweet = (id: string, minute: number, author: string, text: string, extra: Partial<TrackerStep> = {}): TrackerStep => ({ id, minute, author, text, lang: 'en', ...extra });

describe('review replies that say nothing of the case are no answer', () => {
  it.each([
    'Liebe Kundin, lieber Kunde, vielen Dank für Ihre Bewertung! Ihre Zufriedenheit liegt uns sehr am Herzen. Ihr Donaunetz-Team',
    'Liebe Frau Steiner, danke für Ihr Feedback. Es tut uns leid, dass Sie nicht zufrieden sind. Wir bemühen uns stets um den besten Service.',
    'Dear customer, thank you for your review. Your satisfaction is our top priority. The Voltwise team',
  ])('courtesy only: %s', (text) => {
    expect(classifyReply(text, 'de').kind).toBe('auto_reply');
  });

  it('a yes with its condition and the way there answers, though it ends in the portal', () => {
    const reply = 'Lieber Herr Berger, danke für Ihre Frage! Ja, Ihr Vertrag zieht kostenlos mit, sofern an der neuen Adresse Glasfaser verfügbar ist. Melden Sie den Umzug einfach 4 Wochen vorher im Kundenportal unter „Umzug“.';
    expect(classifyReply(reply, 'de').kind).toBe('answer');
  });

  it.each(['Ja, bitte melde dich im Chat.', 'No, sorry. Please call our hotline.'])('a yes or no before a redirect alone stays a redirect: %s', (text) => {
    expect(classifyReply(text, 'de').kind).toBe('deflection');
  });
});

describe('a bare policy link is a redirect, a link beside an answer is not', () => {
  it.each(['@nat_v voltwise.example/refunds', '@nat_v https://voltwise.example/refunds', 'Hi Nat, https://voltwise.example/refunds'])('%s', (text) => {
    expect(classifyReply(text, 'en').kind).toBe('deflection');
  });

  it('the refund on its way, with the link', () => {
    expect(classifyReply('Hi Nat, the refund is on its way: https://voltwise.example/refunds', 'en').kind).toBe('answer');
  });

  it('the bare link leaves the question about lost credit waiting', async () => {
    const alerts = await run([
      tweet('c1', 0, 'nat_v', "@VoltwiseEnergy You closed my account without telling me and I've lost my £90 credit. Will I get it back?", { brandContext: ['voltwise'], complaint: true }),
      tweet('c2', 10, 'VoltwiseHelp', '@nat_v voltwise.example/refunds', { rootId: 'c1', parentId: 'c1', isBrand: true }),
    ]);
    expect(alerts.at(-1)).toMatchObject({ status: 'open' });
    expect(alerts.at(-1)?.evidence.unansweredIds).toEqual(['twitter:c1']);
  });
});

describe('on X, the customer sorts it out themselves, however they word it', () => {
  const suspended = tweet('s1', 0, 'mo_r', "@VoltwiseHelp App says my account is suspended and I can't top up. What's going on?", { brandContext: ['voltwise'], complaint: true });
  const later = (text: string) => tweet('s2', 90, 'mo_r', text, { rootId: 's1', parentId: 's1', brandContext: ['voltwise'], complaint: true });

  it.each([
    '@VoltwiseHelp Managed to sort it through the website in the end, no thanks to you.',
    '@VoltwiseHelp Got it sorted at the post office in the end, no thanks to you.',
    '@VoltwiseHelp Fixed it myself, no thanks to you.',
    '@VoltwiseHelp was able to fix it through the app, no help from you',
  ])('%s resolves the alert as solved by the customer, not as a follow-up', async (text) => {
    const emitted = await run([suspended, later(text)]);
    expect(emitted.at(-1)).toMatchObject({ status: 'resolved', resolvedAt: at(90).toISOString() });
    expect(emitted.at(-1)?.evidence).toMatchObject({ resolution: 'customer reports it solved' });
    expect(emitted.some((a) => Number(a.evidence.followUps ?? 0) > 0)).toBe(false);
  });

  it.each(["@VoltwiseHelp you still haven't fixed it, no thanks to you", '@VoltwiseHelp I need to get it sorted today'])('not solved: %s', async (text) => {
    expect((await run([suspended, later(text)])).at(-1)).toMatchObject({ status: 'open' });
  });
});

describe('a prospect asking the crowd about the brand expects no answer of it', () => {
  const m = (text: string, complaint: boolean) =>
    ({ ...post({ id: 'p1', at: at(0), author: 'leo_k', text, lang: 'en', complaint, brandContext: ['voltwise'] }), intents: complaint ? (['billing', 'cancellation_threat', 'question'] as const).slice() : (['question'] as const).slice() });
  const ctx = { brandNames: ['Voltwise Energy', 'Voltwise'] };

  it('"Does anyone know if @VoltwiseEnergy charge exit fees …? Thinking of switching to them", even flagged as a churn threat', () => {
    expect(expectsAnswer(m('Does anyone know if @VoltwiseEnergy charge exit fees on the Flex tariff? Thinking of switching to them', true), ctx)).toBe(false);
  });

  it.each([
    'Does anyone know if @VoltwiseEnergy ever refund my exit fees? Mine were £60',
    "Does anyone know if @VoltwiseEnergy charge exit fees? They've cut off my gas for 3 days, I'm leaving",
  ])('the writer\'s own matter still waits: %s', (text) => {
    expect(expectsAnswer(m(text, true), ctx)).toBe(true);
  });
});

describe('on a review site, the asker thanks another reviewer by name', () => {
  const donaunetz: Brand = { id: 'donaunetz', name: 'Donaunetz', query: 'Donaunetz', accounts: ['dn-care', 'Donaunetz Kundenservice'], language: 'de', sla: { review: 240, reply: 240 } };
  const runReviews = (steps: TrackerStep[]) =>
    feedTracker(createUnansweredTracker({ brands: [donaunetz], config: AppConfig.parse({ brands: [donaunetz] }), state: new MemoryState() }), steps, at, 8 * 60);
  const review = (id: string, minute: number, name: string, text: string, extra: Partial<TrackerStep> = {}): TrackerStep => ({
    id, minute, author: `u-${name.toLowerCase().replace(' ', '-')}`, name, handle: null, source: 'rss', channel: 'review', text, lang: 'de', brandContext: ['donaunetz'], ...extra,
  });
  const question = review('r1', 0, 'Sandra Lang', '★★★★★ Tolles Service, immer erreichbar! Gibt es das Gigabit-Upgrade eigentlich auch für Bestandskunden?', { complaint: true });
  const answer = review('r2', 30, 'Markus Eder', 'Ja, gibt es, hab ich letzte Woche gemacht, im Portal unter „Tarif ändern“, kostet 10 € mehr im Monat.', { channel: 'reply', rootId: 'r1', parentId: 'r1' });

  it('"Danke Markus, gefunden!" settles the question: no alert', async () => {
    const thanks = review('r3', 60, 'Sandra Lang', 'Danke Markus, gefunden!', { channel: 'reply', rootId: 'r1', parentId: 'r2' });
    const waiting = (await runReviews([question, answer, thanks])).flatMap((a) => (a.status === 'open' ? (a.evidence.unansweredIds ?? []) : []));
    expect(waiting).not.toContain('rss:r1');
  });

  it('"Danke Markus, aber …" still waits', async () => {
    const but = review('r3', 60, 'Sandra Lang', 'Danke Markus, aber was kostet das für Bestandskunden genau?', { channel: 'reply', rootId: 'r1', parentId: 'r2' });
    const waiting = (await runReviews([question, answer, but])).flatMap((a) => (a.status === 'open' ? (a.evidence.unansweredIds ?? []) : []));
    expect(waiting).toContain('rss:r1');
  });
  it("another reviewer's answer under the question, told from their own experience, waits for nothing", async () => {
    const waiting = (await runReviews([question, answer])).flatMap((a) => (a.status === 'open' ? (a.evidence.unansweredIds ?? []) : []));
    expect(waiting).not.toContain('rss:r2');
    const advice = review('r4', 40, 'Petra Lechner', 'Bei mir kam der Ersatzrouter nach zwei Tagen per Post, einfach im Kundenportal unter „Geräte“ anfordern.', { channel: 'reply', rootId: 'r1', parentId: 'r1' });
    const withAdvice = (await runReviews([question, advice])).flatMap((a) => (a.status === 'open' ? (a.evidence.unansweredIds ?? []) : []));
    expect(withAdvice).not.toContain('rss:r4');
  });

  it('a reply under the question that reports its own failure still waits', async () => {
    const own = review('r4', 40, 'Petra Lechner', 'Bei mir ist seit Montag das Internet komplett weg, niemand meldet sich.', { channel: 'reply', rootId: 'r1', parentId: 'r1', complaint: true });
    const waiting = (await runReviews([question, own])).flatMap((a) => (a.status === 'open' ? (a.evidence.unansweredIds ?? []) : []));
    expect(waiting).toContain('rss:r4');
  });
});

describe('alert titles', () => {
  const hours = { timeZone: 'Europe/Vienna', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

  it('a wait of days in business time is whole working days and the hours beyond, one rule', () => {
    expect(formatBusinessTime(25 * 60, hours, 'de')).toBe('3 Arbeitstage und 1 h');
    expect(formatBusinessTime(28 * 60, hours, 'de')).toBe('3 Arbeitstage und 4 h');
    expect(formatBusinessTime(24 * 60, hours, 'de', 'dative')).toBe('3 Arbeitstagen');
    expect(formatBusinessTime(28 * 60, hours, 'en')).toBe('3 business days and 4 h');
    expect(formatBusinessTime(31 * 60 + 45, hours, 'en')).toBe('4 business days');
  });

  it('a complaint answered late stays a complaint in the title while another customer waits; a review is named as one, not by its feed', async () => {
    const donaunetz: Brand = { id: 'donaunetz', name: 'Donaunetz', query: 'Donaunetz', accounts: ['dn-care'], language: 'de', sla: { review: 60, reply: 60 } };
    const tracker = createUnansweredTracker({ brands: [donaunetz], config: AppConfig.parse({ brands: [donaunetz] }), state: new MemoryState() });
    const review = { author: 'u-julia', name: 'Julia Steiner', handle: null, source: 'rss', lang: 'de' as const, brandContext: ['donaunetz'] };
    const alerts = await feedTracker(
      tracker,
      [
        { ...review, id: 'g2', minute: 0, channel: 'review', text: '★☆☆☆☆ Router seit einer Woche kaputt, niemand meldet sich. Unmöglich!', complaint: true },
        { ...review, author: 'u-petra', name: 'Petra Lechner', id: 'g2p', minute: 30, channel: 'reply', rootId: 'g2', parentId: 'g2', text: 'Wie lange dauert bei euch eigentlich ein Routertausch?' },
        { id: 'g2r', minute: 80, author: 'dn-care', isBrand: true, source: 'rss', channel: 'reply', rootId: 'g2', parentId: 'g2', text: 'Liebe Frau Steiner, der Ersatzrouter ist heute an Sie verschickt worden.', lang: 'de' },
      ],
      at,
      4 * 60,
    );
    expect(alerts[0]?.title).toBe('Beschwerde von Julia Steiner seit 1 h unbeantwortet (Bewertung, SLA 1 h) · 1 weitere warten, noch innerhalb der SLA');
    // Julia answered late, Petra within her SLA: the title tells of the answer, as the complaint it was.
    expect(alerts[1]).toMatchObject({ status: 'open', updatedAt: at(80).toISOString() });
    expect(alerts[1]?.title).toMatch(/^Beschwerde von Julia Steiner nach 1 h 20 min beantwortet \(Bewertung, SLA 1 h\)/u);
    // Once Petra's own SLA ran out, the title says what she waits with.
    expect(alerts.at(-1)?.title).toMatch(/^Anfrage von Petra Lechner seit /u);
  });
});

describe('the end of a replay\'s data', () => {
  const day = 24 * 60;
  const steps = [
    tweet('w1', 0, 'amy', '@VoltwiseEnergy my meter reading has been wrong for a month, nobody answers', { brandContext: ['voltwise'], complaint: true }),
    tweet('w2', 13 * day, 'ben', '@VoltwiseEnergy is the Flex tariff still open to new customers?', { brandContext: ['voltwise'] }),
  ];

  it('no thread expires after the last record: at the clock\'s end both are open, unanswered, their waits as of that one instant', async () => {
    const tracker = createUnansweredTracker({ brands: [voltwise], config, state: new MemoryState() });
    const emitted = await feedTracker(tracker, steps, at, 13 * day);
    tracker.endOfData(at(13 * day));
    const end = at(20 * day);
    emitted.push(...(await tracker.catchUp(end)), ...tracker.waitsAsOf(end));
    const last = new Map(emitted.map((a) => [a.id, a]));
    expect([...last.values()].map((a) => a.status)).toEqual(['open', 'open']);
    expect([...last.values()].every((a) => a.updatedAt === end.toISOString() && a.evidence.resolution === undefined)).toBe(true);
    expect([...last.values()].map((a) => a.title)).toEqual([
      'Complaint from @amy unanswered for 20 days (twitter, SLA 1 h)',
      'Request from @ben unanswered for 7 days (twitter, SLA 1 h)',
    ]);
  });

  it('without it, an idle thread still closes after 14 days', async () => {
    const tracker = createUnansweredTracker({ brands: [voltwise], config, state: new MemoryState() });
    const emitted = await feedTracker(tracker, steps, at, 20 * day);
    expect(emitted.filter((a) => a.status === 'resolved').map((a) => a.evidence.resolution)).toEqual(['expired: no brand answer within 14 days']);
  });
});
