import { describe, expect, it } from 'vitest';
import { createUnansweredTracker, unansweredNamespace } from '../../../classifiers/unanswered.ts';
import { unansweredAlertId } from '../../../classifiers/unanswered-thread.ts';
import type { OpenStorm } from '../../../classifiers/types.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Alert, Brand, Classified } from '../../../src/model.ts';
import { MemoryState, post, type PostSpec } from './helpers.ts';

const bahn: Brand = {
  id: 'bahn',
  name: 'Deutsche Bahn',
  query: '"Deutsche Bahn" OR @DB_Bahn',
  accounts: ['DB_Bahn'],
  language: 'de',
};
const acme: Brand = { id: 'acme', name: 'Acme', query: '@AcmeHelp', accounts: ['AcmeHelp'], language: 'en' };
const office: Brand = {
  ...bahn,
  id: 'buero',
  accounts: ['BueroService'],
  businessHours: { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
};
const config = AppConfig.parse({ brands: [bahn, acme, office] });

const T0 = Date.parse('2026-06-16T09:00:00Z'); // a Tuesday
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

type Step = Omit<PostSpec, 'at'> & { minute: number };

/** Feeds posts in order with the event clock and returns every alert emitted, in order. */
async function run(posts: Step[], endMinute: number, brands = [bahn, acme], state = new MemoryState()) {
  const tracker = createUnansweredTracker({ brands, config, state });
  await tracker.restore();
  const emitted: Alert[] = [];
  // Event clock: the clock ticks every 5 minutes between posts, the way the detect stage advances it.
  let next = 0;
  for (let minute = 0; minute <= endMinute; minute += 5) {
    for (; next < posts.length && (posts[next]?.minute ?? Infinity) < minute + 5; next++) {
      const p = posts[next];
      if (!p) continue;
      const now = at(p.minute);
      emitted.push(...(await tracker.advance(now)), ...(await tracker.observe(post({ ...p, at: now }), now)));
    }
    emitted.push(...(await tracker.advance(at(minute + 5))));
  }
  await tracker.flush();
  return { emitted, last: new Map(emitted.map((a) => [a.id, a])), state, tracker };
}

const customer = (id: string, minute: number, text: string, extra: Partial<PostSpec> = {}): Step => ({
  id,
  minute,
  text,
  author: 'kundin42',
  rootId: 'c1',
  ...(id === 'c1' ? {} : { parentId: 'c1' }),
  brandContext: [extra.lang === 'en' ? 'acme' : 'bahn'],
  ...extra,
});
const brandReply = (id: string, minute: number, text: string, lang: 'de' | 'en' = 'de', parentId = 'c1'): Step => ({
  id,
  minute,
  text,
  author: lang === 'de' ? 'DB_Bahn' : 'AcmeHelp',
  isBrand: true,
  rootId: 'c1',
  parentId,
  lang,
});

describe('unanswered tracker: reply kinds', () => {
  it('an answer within the SLA closes the thread without an alert (de)', async () => {
    const { emitted } = await run(
      [customer('c1', 0, '@DB_Bahn Mein Zug ICE 598 fällt aus, was nun?', { complaint: true }), brandReply('b1', 30, 'Der Zug wurde ersetzt, Ersatzzug fährt um 10:15 ab Gleis 7.')],
      300,
    );
    expect(emitted).toEqual([]);
  });

  it('an overdue complaint alerts once with SLA, waited time and priority, and resolves on the answer (en)', async () => {
    const { emitted } = await run(
      [
        customer('c1', 0, '@AcmeHelp my order never arrived, this is ridiculous', { complaint: true, lang: 'en' }),
        brandReply('b1', 150, 'Your refund has been processed and should arrive in 3-5 days.', 'en'),
      ],
      300,
      [acme],
    );
    expect(emitted.map((a) => [a.revision, a.status, a.severity])).toEqual([
      [0, 'open', 'warning'],
      [1, 'resolved', 'warning'],
    ]);
    const [opened, resolved] = emitted;
    expect(opened?.openedAt).toBe(at(60).toISOString());
    expect(opened?.evidence).toMatchObject({ slaMinutes: 60, waitedMinutes: 60, priority: 'high', brandReplies: [], state: 'awaiting_brand' });
    expect(opened?.mentions).toEqual(['twitter:c1']);
    expect(opened?.examples[0]?.text).toMatch(/never arrived/);
    expect(resolved?.resolvedAt).toBe(at(150).toISOString());
    expect(resolved?.evidence).toMatchObject({ brandReplies: ['answer'], waitedMinutes: 150 });
    expect(opened?.dedupeKey).toBe(resolved?.dedupeKey);
  });

  it('an auto-reply does not stop the clock (de: "Wir melden uns schnellstmöglich")', async () => {
    const { last } = await run(
      [customer('c1', 0, '@DB_Bahn Wo bleibt meine Erstattung?'), brandReply('b1', 5, 'Vielen Dank für Ihre Nachricht. Wir melden uns schnellstmöglich bei Ihnen.')],
      120,
    );
    const [alert] = [...last.values()];
    expect(alert?.status).toBe('open');
    expect(alert?.evidence).toMatchObject({ brandReplies: ['auto_reply'], autoReplies: 1, priority: 'normal' });
    expect(alert?.severity).toBe('watch');
  });

  it('an auto-reply does not stop the clock (en: "experiencing high volumes")', async () => {
    const { last } = await run(
      [
        customer('c1', 0, '@AcmeHelp how do I change my delivery address?', { lang: 'en' }),
        brandReply('b1', 2, "We are experiencing high volumes right now. We'll get back to you as soon as possible.", 'en'),
      ],
      120,
      [acme],
    );
    expect([...last.values()][0]?.evidence.brandReplies).toEqual(['auto_reply']);
  });

  // QA round 6: the tool cannot read DMs, so a case moved there is still publicly unanswered, in both languages.
  it.each([
    ['de', '@DB_Bahn Mein Zug ICE 598 fällt aus und keiner sagt was!', 'Wir haben dir eine DM geschickt.'],
    ['en', '@AcmeHelp my order never arrived, this is ridiculous', "We've sent you a DM."],
  ] as const)('"DM sent" keeps the clock running and alerts as a redirect (%s)', async (lang, complaint, reply) => {
    const { last } = await run([customer('c1', 0, complaint, { complaint: true, lang }), brandReply('b1', 10, reply, lang)], 120, [bahn, acme]);
    expect([...last.values()][0]?.evidence).toMatchObject({ brandReplies: ['deflection'], deflections: 1, state: 'awaiting_brand' });
  });

  it('an out-of-hours holding reply keeps the clock running until the real answer (en, QA round 6)', async () => {
    const { emitted } = await run(
      [
        customer('c1', 0, '@AcmeHelp my flight was cancelled and nobody is at the desk', { complaint: true, lang: 'en' }),
        brandReply('b1', 1, "Hi there, our social team is available 8am-8pm. We'll get to your message first thing tomorrow.", 'en'),
        brandReply('b2', 180, "Hi Zoe, you're rebooked on SK331 at 10:40 today and we'll refund your hotel receipt.", 'en'),
      ],
      240,
      [acme],
    );
    expect(emitted.map((a) => a.status)).toEqual(['open', 'resolved']);
    expect(emitted.at(-1)?.evidence).toMatchObject({ brandReplies: ['auto_reply', 'answer'] });
  });

  it('channel ping-pong: repeated deflections escalate to critical (seed 000, de)', async () => {
    const { emitted, last } = await run(
      [
        customer('c1', 0, 'Seit drei Tagen keine Rückmeldung auf meine Anfrage per Mail. @DB_Bahn', { complaint: true }),
        brandReply('b1', 20, 'Das tut uns leid! Bitte nutzen Sie unseren Rückrufservice.'),
        customer('c2', 200, 'Rückruf gebucht, es ist wieder nichts passiert.', { complaint: true }),
        brandReply('b2', 230, 'Probier doch mal unseren Chat aus: https://example.de/chat', 'de', 'c2'),
      ],
      300,
    );
    const alert = [...last.values()][0];
    expect(alert?.evidence).toMatchObject({ deflections: 2, brandReplies: ['deflection', 'deflection'], state: 'awaiting_brand' });
    expect(alert?.severity).toBe('critical');
    expect(alert?.status).toBe('open');
    // Opened once, then updated: one id, growing revisions, never a second alert.
    expect(new Set(emitted.map((a) => a.id)).size).toBe(1);
    expect(emitted.map((a) => a.revision)).toEqual(emitted.map((_, i) => i));
  });

  it('a deflection in English ("please DM us", "call 0800") keeps the clock running', async () => {
    const { last } = await run(
      [customer('c1', 0, '@AcmeHelp still charged twice for my subscription!', { lang: 'en', complaint: true }), brandReply('b1', 10, 'Please call 0800 123 4567 and our team will help.', 'en')],
      90,
      [acme],
    );
    expect([...last.values()][0]?.evidence).toMatchObject({ brandReplies: ['deflection'], deflections: 1, state: 'awaiting_brand' });
  });

  it('"schreib uns im Chat" is a deflection: the complaint stays unanswered and alerts (de, QA ua2 a1)', async () => {
    const { last } = await run(
      [
        customer('c1', 0, '@DB_Bahn Seit gestern kein WLAN im ICE, und niemand kann helfen.', { complaint: true }),
        brandReply('b1', 90, 'Schreib uns gerne im Chat auf unserer Website, da können wir das besser klären.'),
      ],
      150,
    );
    const alert = [...last.values()][0];
    expect(alert?.status).toBe('open');
    expect(alert?.evidence).toMatchObject({ brandReplies: ['deflection'], deflections: 1, state: 'awaiting_brand' });
  });

  it('a holding reply ("we\'re looking into it") does not resolve an open alert; the real answer does (en)', async () => {
    const { emitted } = await run(
      [
        customer('c1', 0, '@AcmeHelp my broadband has been down since this morning', { lang: 'en', complaint: true }),
        brandReply('b1', 70, "Sorry to hear that! We're looking into it.", 'en'),
        brandReply('b2', 130, 'The fault in your street was repaired at 11:40, your line should be back up now.', 'en'),
      ],
      200,
      [acme],
    );
    expect(emitted.map((a) => [a.revision, a.status, a.evidence.brandReplies])).toEqual([
      [0, 'open', []],
      [1, 'open', ['auto_reply']],
      [2, 'resolved', ['auto_reply', 'answer']],
    ]);
  });

  it('sympathy alone ("Das tut uns leid!") keeps the clock running; the complaint alerts (de)', async () => {
    const { last } = await run(
      [customer('c1', 0, '@DB_Bahn Zug ausgefallen, keine Durchsage, nichts.', { complaint: true }), brandReply('b1', 20, 'Oh je, das tut uns sehr leid 😔')],
      150,
    );
    const alert = [...last.values()][0];
    expect(alert?.status).toBe('open');
    expect(alert?.evidence).toMatchObject({ brandReplies: ['auto_reply'], autoReplies: 1, state: 'awaiting_brand' });
  });

  it('request_info hands the ball to the customer; the answer after their reply closes the thread (de)', async () => {
    const { emitted } = await run(
      [
        customer('c1', 0, '@DB_Bahn Meine Bahncard ist nicht angekommen.'),
        brandReply('b1', 20, 'Schick uns bitte eine PN mit deiner Auftragsnummer, damit wir das prüfen können.'),
        customer('c2', 600, 'Auftragsnummer ist 12345', { parentId: 'b1' }),
        brandReply('b2', 640, 'Die Bahncard wurde heute neu versandt und ist in 2 Tagen bei dir.', 'de', 'c2'),
      ],
      900,
    );
    expect(emitted).toEqual([]);
  });

  it('request_info on an overdue thread turns the alert to info until the customer writes again (en)', async () => {
    const { emitted } = await run(
      [
        customer('c1', 0, '@AcmeHelp app crashes on start', { lang: 'en', complaint: true }),
        brandReply('b1', 90, 'Which version of the app are you on? Let us know in DM.', 'en'),
        customer('c2', 100, 'version 4.2.1 on Android 14', { lang: 'en', parentId: 'b1' }),
      ],
      200,
      [acme],
    );
    expect(emitted.map((a) => [a.revision, a.severity, a.evidence.state, a.updatedAt])).toEqual([
      [0, 'warning', 'awaiting_brand', at(60).toISOString()],
      [1, 'info', 'awaiting_customer', at(90).toISOString()],
      // The customer sent the details 10 min later: the alert says so at once (no longer "waiting for the
      // customer"), and the brand's clock restarts at their reply: due again at 160.
      [2, 'info', 'awaiting_brand', at(100).toISOString()],
      [3, 'warning', 'awaiting_brand', at(160).toISOString()],
    ]);
    expect(emitted[1]?.title).toMatch(/waiting for the customer/);
    expect(emitted[2]?.title).not.toMatch(/waiting for the customer/);
    expect(emitted[2]?.title).toMatch(/^Complaint from @kundin42 unanswered for 0 min/);
    expect(emitted[2]?.evidence).toMatchObject({ waitingSince: at(100).toISOString(), dueAt: at(160).toISOString(), waitedMinutes: 0 });
    expect(emitted[3]?.evidence).toMatchObject({ followUps: 0, priority: 'high', unansweredIds: ['twitter:c2'], brandReplies: ['request_info'], waitedMinutes: 60 });
    // What the details are for is shown before them: the version number alone does not say what the customer waits for.
    expect(emitted[1]?.examples.map((e) => e.text)).toEqual(['@AcmeHelp app crashes on start']);
    expect(emitted[3]?.examples.map((e) => e.text)).toEqual(['@AcmeHelp app crashes on start', 'version 4.2.1 on Android 14']);
  });

  it('the customer\'s details after request_info put the thread back to awaiting the brand at once (de, QA ua2 f1)', async () => {
    const { emitted } = await run(
      [
        { id: 'f1', minute: 0, text: '@DB_Bahn Ihr habt meine Reservierung storniert, ohne Grund!', author: 'kundin42', complaint: true },
        brandReply('f1r', 90, 'Oh nein! Kannst du uns deine Auftragsnummer per DM schicken?', 'de', 'f1'),
        customer('f1c', 95, '@DB_Bahn Hab sie euch per DM geschickt.', { rootId: 'f1', parentId: 'f1r' }),
      ],
      120,
    );
    const last = emitted.at(-1);
    expect(last).toMatchObject({ severity: 'info', updatedAt: at(95).toISOString(), evidence: { state: 'awaiting_brand', waitingSince: at(95).toISOString() } });
    expect(last?.title).toMatch(/^Beschwerde von @kundin42 seit 0 min unbeantwortet/);
    expect(last?.examples.map((e) => e.text)).toEqual(['@DB_Bahn Ihr habt meine Reservierung storniert, ohne Grund!', '@DB_Bahn Hab sie euch per DM geschickt.']);
  });

  it('once the brand has answered, the matter it had asked details about is history: the next complaint shows alone (de)', async () => {
    const { emitted } = await run(
      [
        { id: 'g1', minute: 0, text: '@DB_Bahn Ihr habt meine Reservierung storniert, ohne Grund!', author: 'kundin42', complaint: true },
        brandReply('g1r', 90, 'Oh nein! Kannst du uns deine Auftragsnummer per DM schicken?', 'de', 'g1'),
        customer('g1c', 95, '@DB_Bahn Hab sie euch per DM geschickt.', { rootId: 'g1', parentId: 'g1r' }),
        brandReply('g1a', 100, 'Danke! Wir haben die Reservierung wiederhergestellt und dir 10 Euro gutgeschrieben.', 'de', 'g1c'),
        { id: 'g2', minute: 300, text: '@DB_Bahn Und jetzt ist mein Sitzplatz doppelt vergeben!', author: 'kundin42', complaint: true, rootId: 'g1', parentId: 'g1a' },
      ],
      420,
    );
    const last = emitted.at(-1);
    expect(last?.status).toBe('open');
    expect(last?.examples.map((e) => e.text)).toEqual(['@DB_Bahn Und jetzt ist mein Sitzplatz doppelt vergeben!']);
  });

  it('a follow-up ("immer noch keine Antwort") raises the priority of an overdue thread at once', async () => {
    const { emitted } = await run(
      [customer('c1', 0, '@DB_Bahn Wie kann ich meine Sitzplatzreservierung stornieren?'), customer('c2', 90, '@DB_Bahn Immer noch keine Antwort?!')],
      95,
    );
    expect(emitted.map((a) => [a.revision, a.severity, a.evidence.priority])).toEqual([
      [0, 'watch', 'normal'],
      [1, 'warning', 'high'],
    ]);
    expect(emitted[1]?.updatedAt).toBe(at(90).toISOString());
  });

  it('a chaser on an alert already at its top severity still updates it, at most every 30 minutes, deferred not dropped (QA unanswered2 D34, QA6)', async () => {
    const { emitted } = await run(
      [
        customer('c1', 0, '@DB_Bahn Seit drei Tagen kein Internet, das ist eine Frechheit!', { complaint: true }),
        customer('c2', 250, '@DB_Bahn Und? Immer noch keine Antwort?!', { complaint: true }),
        customer('c3', 280, '@DB_Bahn Hallo??? Immer noch nichts', { complaint: true }),
        customer('c4', 290, '@DB_Bahn Ich warte immer noch auf eine Antwort!', { complaint: true }),
      ],
      305,
    );
    // 250: ten minutes after the escalation, shown once 30 minutes have passed since it (270); 280 and 290: too soon
    // after that revision, both shown at 300.
    expect(emitted.map((a) => [a.severity, a.updatedAt, a.evidence.followUps])).toEqual([
      ['warning', at(60).toISOString(), 0],
      ['critical', at(240).toISOString(), 0],
      ['critical', at(270).toISOString(), 1],
      ['critical', at(300).toISOString(), 3],
    ]);
  });

  it('escalates once more when the wait reaches four times the SLA', async () => {
    const { emitted } = await run([customer('c1', 0, '@DB_Bahn Gibt es WLAN im ICE 4?')], 245);
    expect(emitted.map((a) => [a.severity, a.updatedAt])).toEqual([
      ['watch', at(60).toISOString()],
      ['warning', at(240).toISOString()],
    ]);
  });

  it('does not open threads for thank-you notes, praise, or posts that merely name the brand', async () => {
    const { emitted } = await run(
      [
        { id: 'x1', minute: 0, text: 'Danke @DB_Bahn, hat geklappt!', author: 'fan' },
        { id: 'x2', minute: 1, text: 'Die Deutsche Bahn ist heute wieder pünktlich, Wahnsinn', author: 'fan2', brands: ['bahn'] },
        { id: 'x3', minute: 2, text: 'Schönes Foto, weiter so! @DB_Bahn', author: 'fan3', sentiment: 'positive' },
        { id: 'x4', minute: 3, text: '@AcmeHelp love the new app, great job', author: 'fan4', sentiment: 'positive', lang: 'en' },
      ],
      300,
    );
    expect(emitted).toEqual([]);
  });

  // QA firestorm round 5: "Beschwerde von Lea Schmidt und 5 weiteren" showed a question about a dress as its example.
  it('on a page post, the complaint leads the alert: first example and the customer named', async () => {
    const page = { rootId: 'page1', parentId: 'page1', brandContext: ['bahn'], source: 'facebook', channel: 'page_comment' as const };
    const { last } = await run(
      [
        { id: 'k1', minute: 0, text: 'Gibt es die Bahncard auch als App?', author: 'lea', ...page },
        { id: 'k2', minute: 5, text: 'Meine Erstattung ist seit drei Wochen nicht da. Frechheit!', author: 'ben', complaint: true, ...page },
      ],
      600,
    );
    const alert = [...last.values()].at(-1);
    expect(alert?.examples?.map((e) => e.id)).toEqual(['facebook:k2', 'facebook:k1']);
    expect(alert?.title).toMatch(/^Beschwerde von ben und 1 weiteren/u);
  });

  it('on a page post, answering one commenter leaves the other waiting', async () => {
    const page = { rootId: 'page1', parentId: 'page1', brandContext: ['bahn'], source: 'facebook', channel: 'page_comment' as const };
    const { last } = await run(
      [
        { id: 'k1', minute: 0, text: 'Mein Koffer ist weg, wer hilft?', author: 'anna', ...page },
        { id: 'k2', minute: 5, text: 'Warum kostet die Reservierung jetzt mehr?', author: 'ben', ...page },
        { id: 'r1', minute: 30, text: 'Der Koffer wurde gefunden und wird dir morgen zugestellt.', author: 'DB_Bahn', isBrand: true, rootId: 'page1', parentId: 'k1', source: 'facebook' },
      ],
      300,
    );
    const alert = [...last.values()][0];
    expect(alert?.evidence).toMatchObject({ unansweredIds: ['facebook:k2'], slaMinutes: 240, state: 'awaiting_brand' });
    // The answer went to Anna: Ben's alert lists no brand reply (QA unanswered2 D10).
    expect(alert?.evidence.brandReplies).toEqual([]);
  });
});

describe('unanswered tracker: clocks', () => {
  it('raises the same alerts with the wall clock (posts arriving 90 s late) as with the event clock', async () => {
    const steps: Step[] = [
      customer('c1', 0, 'Seit drei Tagen keine Rückmeldung. @DB_Bahn', { complaint: true }),
      brandReply('b1', 20, 'Bitte nutzen Sie unseren Rückrufservice.'),
      customer('c2', 200, 'Immer noch keine Antwort!', { complaint: true }),
      brandReply('b2', 230, 'Die Erstattung wurde heute veranlasst, sorry für die Wartezeit.', 'de', 'c2'),
    ];
    const event = await run(steps, 300);
    const tracker = createUnansweredTracker({ brands: [bahn], config, state: new MemoryState() });
    await tracker.restore();
    const wall: Alert[] = [];
    for (let minute = 0; minute <= 300; minute++) {
      const now = new Date(T0 + minute * 60_000 + 90_000);
      for (const p of steps.filter((x) => x.minute === minute)) wall.push(...(await tracker.observe(post({ ...p, at: at(p.minute) }), now)));
      wall.push(...(await tracker.advance(now)));
    }
    const shape = (alerts: Alert[]) => alerts.map((a) => [a.id, a.status, a.severity, a.openedAt, a.evidence.brandReplies]);
    expect(shape(wall)).toEqual(shape(event.emitted));
    expect(event.emitted.at(-1)?.status).toBe('resolved');
  });
});

describe('unanswered tracker: business hours', () => {
  it('a Friday 17:30 complaint with a 1 h SLA is due Monday 08:30 (Europe/Berlin)', async () => {
    const state = new MemoryState();
    const tracker = createUnansweredTracker({ brands: [office], config, state });
    await tracker.restore();
    const friday = new Date('2026-06-12T15:30:00Z');
    await tracker.observe(post({ id: 'f1', at: friday, author: 'kunde', text: '@BueroService Rechnung doppelt abgebucht!', brandContext: ['buero'], complaint: true }), friday);
    expect(await tracker.advance(new Date('2026-06-15T06:29:00Z'))).toEqual([]);
    const [alert] = await tracker.advance(new Date('2026-06-15T06:31:00Z'));
    expect(alert?.openedAt).toBe('2026-06-15T06:30:00.000Z');
    expect(alert?.evidence).toMatchObject({ slaMinutes: 60, waitedMinutes: 61, businessHours: '08:00-18:00 Europe/Berlin' });
    expect(alert?.title).toMatch(/Beschwerde .* unbeantwortet/);
  });
});

describe('unanswered tracker: durability and bounds', () => {
  it('flush writes only changed threads and a restored tracker does not repeat alerts', async () => {
    const state = new MemoryState();
    const tracker = createUnansweredTracker({ brands: [bahn], config, state });
    await tracker.restore();
    const mk = (id: string, minute: number): Classified => post({ id, at: at(minute), author: `k${id}`, text: '@DB_Bahn Wo ist mein Gepäck?', brandContext: ['bahn'] });
    await tracker.observe(mk('a', 0), at(0));
    await tracker.observe(mk('b', 1), at(1));
    await tracker.flush();
    expect(state.writes).toBe(2);
    await tracker.flush();
    expect(state.writes).toBe(2);
    expect((await tracker.advance(at(60))).map((a) => a.id)).toEqual([`unanswered:bahn:twitter:a:0@${at(0).toISOString()}`]);
    await tracker.flush();
    expect(state.writes).toBe(3);

    const restarted = createUnansweredTracker({ brands: [bahn], config, state });
    await restarted.restore();
    const after = await restarted.advance(at(62));
    // "a" was already alerted (not repeated); "b" becomes due at 61 and is raised now.
    expect(after.map((a) => [a.id, a.revision])).toEqual([[`unanswered:bahn:twitter:b:0@${at(1).toISOString()}`, 0]]);
  });

  it('a due check at an earlier time than the last (a post fed again after a restart) never downgrades an open alert', async () => {
    const state = new MemoryState();
    const tracker = createUnansweredTracker({ brands: [bahn], config, state });
    await tracker.restore();
    const complaint = post({ id: 'a', at: at(0), author: 'ka', text: '@DB_Bahn Gepäck verloren, unverschämt!', brandContext: ['bahn'], complaint: true });
    // Another customer's post, after the SLA ran out and before the alert escalated.
    const later = post({ id: 'b', at: at(120), author: 'kb', text: '@DB_Bahn Wo finde ich das Fundbüro?', brandContext: ['bahn'] });
    await tracker.observe(complaint, at(0));
    const opened = await tracker.advance(at(61));
    await tracker.observe(later, at(120));
    const escalated = await tracker.advance(at(24 * 60));
    expect([...opened, ...escalated].filter((a) => a.id.includes(':a:')).map((a) => a.severity)).toEqual(['warning', 'critical']);
    await tracker.flush();

    const restarted = createUnansweredTracker({ brands: [bahn], config, state });
    await restarted.restore();
    // Both posts again, under the clock of the first run's end: timers are checked at each post's own time first.
    expect(await restarted.observe(complaint, at(24 * 60))).toEqual([]);
    expect(await restarted.observe(later, at(24 * 60))).toEqual([]);
    expect(await restarted.advance(at(24 * 60 + 5))).toEqual([]);
  });

  it('counts a redelivered mention once (at-least-once delivery)', async () => {
    const once = [customer('c1', 0, '@DB_Bahn Zug fällt aus, was nun?'), brandReply('b1', 10, 'Bitte nutzen Sie unseren Rückrufservice.')];
    const { last } = await run([...once, ...once.map((p) => ({ ...p, minute: p.minute + 1 }))], 90);
    expect([...last.values()][0]?.evidence).toMatchObject({ deflections: 1, followUps: 0, brandReplies: ['deflection'] });
  });

  it('a batch redelivered after the next cycle began neither reopens the old question nor closes the new one', async () => {
    // State was flushed after c1 → b1 (answer) → c2 (new question), but the bus offsets were not committed:
    // after the restart the whole batch comes again. The new question is still owed an answer.
    const batch = [
      customer('c1', 0, '@DB_Bahn Mein Zug ICE 598 fällt aus, was nun?'),
      brandReply('b1', 10, 'Der Zug wurde ersetzt, Ersatzzug fährt um 10:15 ab Gleis 7.'),
      customer('c2', 20, '@DB_Bahn Und wo bekomme ich jetzt meine Erstattung?'),
    ];
    const { last } = await run([...batch, ...batch.map((p) => ({ ...p, minute: p.minute + 25 }))], 300);
    expect([...last.values()].map((a) => [a.id, a.status])).toEqual([[`unanswered:bahn:twitter:c1:1@${at(0).toISOString()}`, 'open']]);
    expect(last.get(`unanswered:bahn:twitter:c1:1@${at(0).toISOString()}`)?.evidence).toMatchObject({ waitingSince: at(20).toISOString() });
  });

  it('skips unreadable state entries instead of failing the restore', async () => {
    const state = new MemoryState();
    await state.putState(unansweredNamespace('bahn'), 'broken', { v: 99 });
    const tracker = createUnansweredTracker({ brands: [bahn], config, state });
    await expect(tracker.restore()).resolves.toBeUndefined();
  });

  const DAY = 24 * 60;
  const question = (id: string, minute: number, extra: Partial<PostSpec> = {}): Classified =>
    post({ id, at: at(minute), author: `k${id}`, text: '@DB_Bahn Wo ist mein Gepäck?', brandContext: ['bahn'], complaint: true, ...extra });

  it('a thread that comes back after it was dropped gets a new alert, not the closed one\'s id', async () => {
    const state = new MemoryState();
    const tracker = createUnansweredTracker({ brands: [bahn], config, state });
    await tracker.restore();
    await tracker.observe(question('a', 0), at(0));
    const [first] = await tracker.advance(at(60));
    const expired = (await tracker.advance(at(14 * DAY + 30))).at(-1);
    expect(expired).toMatchObject({ id: first?.id, status: 'resolved' });
    // Three weeks later the customer writes in the same conversation again.
    await tracker.observe(question('a2', 21 * DAY, { rootId: 'a', parentId: 'a' }), at(21 * DAY));
    const [revived] = await tracker.advance(at(21 * DAY + 60));
    expect(revived).toMatchObject({ status: 'open', revision: 0, evidence: { threadRootId: 'twitter:a' } });
    expect(revived?.id).not.toBe(first?.id);
  });

  it('keeps alert ids within the schema\'s 256 characters when the thread root is a long URL', () => {
    const rootId = `rss:https://blog.example.com/${'sehr-langer-artikel-ueber-den-kundenservice-'.repeat(8)}`;
    const id = unansweredAlertId({ brand: 'bahn', rootId, cycle: 3, since: '2026-06-16T09:00:00.000Z' });
    expect(id.length).toBeLessThanOrEqual(256);
    expect(id).toMatch(/^unanswered:bahn:#[0-9a-f]{32}:3@2026-06-16T09:00:00.000Z$/);
    expect(unansweredAlertId({ brand: 'bahn', rootId, cycle: 3, since: '2026-06-16T09:00:00.000Z' })).toBe(id);
    expect(unansweredAlertId({ brand: 'bahn', rootId: 'twitter:1', cycle: 0 })).toBe('unanswered:bahn:twitter:1:0'); // state from before `since`
  });

  it('resolves the open alert of a thread dropped after 14 idle days, saying it expired unanswered (de)', async () => {
    const state = new MemoryState();
    const tracker = createUnansweredTracker({ brands: [bahn], config, state });
    await tracker.restore();
    await tracker.observe(question('a', 0), at(0));
    const opened = await tracker.advance(at(60));
    expect(opened.map((a) => [a.id, a.status])).toEqual([[`unanswered:bahn:twitter:a:0@${at(0).toISOString()}`, 'open']]);
    const escalated = await tracker.advance(at(5 * 60)); // long overdue (4 × SLA)
    await tracker.flush();
    expect(escalated.map((a) => a.revision)).toEqual([1]);
    expect(await tracker.advance(at(13 * DAY))).toEqual([]);

    const closed = await tracker.advance(at(14 * DAY + 30));
    expect(closed).toHaveLength(1);
    const [alert] = closed;
    expect(alert).toMatchObject({
      id: `unanswered:bahn:twitter:a:0@${at(0).toISOString()}`,
      status: 'resolved',
      revision: 2,
      // The instant the retention ran out, not whenever the hourly pass noticed it.
      resolvedAt: at(14 * DAY).toISOString(),
      updatedAt: at(14 * DAY).toISOString(),
      evidence: { resolution: 'expired: no brand answer within 14 days', state: 'awaiting_brand', waitedMinutes: 14 * DAY },
    });
    expect(alert?.title).toMatch(/unbeantwortet .* – geschlossen: keine Antwort der Marke binnen 14 Tagen$/u);
    await tracker.flush();
    expect(await state.listState(unansweredNamespace('bahn'))).toEqual([]);
    // Gone for good: nothing more to say about it.
    expect(await tracker.advance(at(20 * DAY))).toEqual([]);
  });

  it('says so in English, and an info alert waiting for the customer expires as "no customer reply"', async () => {
    const state = new MemoryState();
    const tracker = createUnansweredTracker({ brands: [bahn, acme], config, state });
    await tracker.restore();
    const c1 = customer('c1', 0, '@AcmeHelp My order never arrived, where is it?', { lang: 'en', complaint: true });
    await tracker.observe(post({ ...c1, at: at(0) }), at(0));
    await tracker.advance(at(60));
    const b1 = brandReply('b1', 90, 'Could you send us your order number so we can check?', 'en');
    const asked = await tracker.observe(post({ ...b1, at: at(90) }), at(90));
    expect(asked.map((a) => [a.status, a.severity])).toEqual([['open', 'info']]);
    const closed = await tracker.advance(at(15 * DAY));
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ status: 'resolved', resolvedAt: at(90 + 14 * DAY).toISOString(), evidence: { resolution: 'expired: no customer reply within 14 days' } });
    expect(closed[0]?.title).toMatch(/– closed: no customer reply within 14 days$/u);
  });

  it('an expiry repeated after a crash before the flush is the same revision, and none after it', async () => {
    const state = new MemoryState();
    const first = createUnansweredTracker({ brands: [bahn], config, state });
    await first.restore();
    await first.observe(question('a', 0), at(0));
    await first.advance(at(60));
    await first.advance(at(5 * 60));
    await first.flush();
    const closed = await first.advance(at(14 * DAY + 30));
    expect(closed.map((a) => [a.status, a.revision])).toEqual([['resolved', 2]]);
    // Crash: the resolved alert went to the bus, the state write did not happen.
    const second = createUnansweredTracker({ brands: [bahn], config, state });
    await second.restore();
    const again = await second.advance(at(14 * DAY + 95));
    // Identical id, revision and update time: the outbox and the alert store take it as the same update.
    expect(again).toEqual(closed);
    await second.flush();
    const third = createUnansweredTracker({ brands: [bahn], config, state });
    await third.restore();
    expect(await third.advance(at(15 * DAY))).toEqual([]);
    expect(await state.listState(unansweredNamespace('bahn'))).toEqual([]);
  });

  it('reads thread state written before alerts had a resolution', async () => {
    const state = new MemoryState();
    const first = createUnansweredTracker({ brands: [bahn], config, state });
    await first.restore();
    await first.observe(question('a', 0), at(0));
    await first.advance(at(60));
    await first.flush();
    const stored = (await state.listState(unansweredNamespace('bahn')))[0]?.value as { alert: Record<string, unknown> };
    expect(stored.alert).not.toHaveProperty('resolution');
    const restarted = createUnansweredTracker({ brands: [bahn], config, state });
    await restarted.restore();
    const later = await restarted.advance(at(15 * DAY));
    expect(later.at(-1)).toMatchObject({ id: `unanswered:bahn:twitter:a:0@${at(0).toISOString()}`, status: 'resolved', evidence: { resolution: 'expired: no brand answer within 14 days' } });
  });

  it('evicting an alerted thread over the cap resolves its alert with the reason', async () => {
    const state = new MemoryState();
    const tracker = createUnansweredTracker({ brands: [bahn], config, state, options: { maxThreadsPerBrand: 3 } });
    await tracker.restore();
    const emitted: Alert[] = [];
    for (let i = 0; i < 3; i++) emitted.push(...(await tracker.observe(question(`q${i}`, i), at(i))));
    emitted.push(...(await tracker.advance(at(90))));
    expect(emitted.filter((a) => a.status === 'open')).toHaveLength(3);
    const out = await tracker.observe(question('q3', 100), at(100));
    expect(out.map((a) => [a.id, a.status, a.evidence.resolution])).toEqual([
      [`unanswered:bahn:twitter:q0:0@${at(0).toISOString()}`, 'resolved', 'evicted: more than 3 threads tracked for this brand, oldest dropped'],
    ]);
    await tracker.flush();
    expect((await state.listState(unansweredNamespace('bahn'))).map((e) => e.key).sort()).toEqual(['twitter:q1', 'twitter:q2', 'twitter:q3']);
  });

  it('keeps at most maxThreadsPerBrand threads, evicting answered ones first', async () => {
    const state = new MemoryState();
    const tracker = createUnansweredTracker({ brands: [bahn], config, state, options: { maxThreadsPerBrand: 10 } });
    await tracker.restore();
    for (let i = 0; i < 30; i++) {
      const q = post({ id: `q${i}`, at: at(i), author: `k${i}`, text: '@DB_Bahn Frage zur Bahncard?', brandContext: ['bahn'] });
      await tracker.observe(q, at(i));
      if (i < 25) {
        const a = post({ id: `a${i}`, at: at(i), author: 'DB_Bahn', isBrand: true, rootId: `q${i}`, parentId: `q${i}`, text: 'Die Bahncard wurde verschickt.' });
        await tracker.observe(a, at(i));
      }
    }
    await tracker.flush();
    const kept = (await state.listState(unansweredNamespace('bahn'))).map((e) => e.key).sort();
    expect(kept.length).toBe(10);
    // The five unanswered threads survive the eviction.
    for (let i = 25; i < 30; i++) expect(kept).toContain(`twitter:q${i}`);
  });
});

// QA storm report defect 2: during a storm, 326 quote tweets ("lol no" over a quoted "This is how @Vantair treats
// people") each raised an SLA alert, because the quoted author's @handle counted as the quoter addressing the brand.
describe('quote tweets: only the writer\'s own words address a brand', () => {
  it('a handle inside the quoted post opens no thread; one in the writer\'s own words does', async () => {
    const quote = (id: string, minute: number, text: string): Step => ({ id, minute, text, author: `q${id}`, rootId: id, brandContext: [], lang: 'en' });
    const { emitted } = await run(
      [
        quote('q1', 0, 'lol no\n\nQT @jenna_travels: This is how @AcmeHelp treats a paying customer?! Never again.'),
        quote('q2', 5, '@AcmeHelp explain this please\n\nQT @jenna_travels: This is how @AcmeHelp treats a paying customer?!'),
      ],
      200,
      [acme],
    );
    expect([...new Set(emitted.map((a) => a.evidence.threadRootId))]).toEqual(['twitter:q2']);
  });
});

// QA storm report defect 2: a storm's posts each raised their own SLA alert, 455 of them critical, beside the one
// shitstorm alert. Opened while the brand's storm is open, a negative post's thread is filed under the storm.
describe('unanswered threads opened during a shitstorm', () => {
  async function during(
    storm: string | undefined,
    steps: Array<{ id: string; minute: number; text: string; author: string; parentId?: string; rootId?: string; complaint?: boolean; isBrand?: boolean }>,
    severity: OpenStorm['severity'] = 'watch',
  ) {
    const tracker = createUnansweredTracker({ brands: [acme], config, state: new MemoryState(), stormOf: () => (storm === undefined ? undefined : { id: storm, severity }) });
    await tracker.restore();
    const out: Alert[] = [];
    for (const s of steps) {
      const now = at(s.minute);
      out.push(...(await tracker.advance(now)));
      const brandPart = s.isBrand ? { isBrand: true, complaint: false } : { complaint: s.complaint ?? true };
      out.push(...(await tracker.observe(post({ id: s.id, at: now, text: s.text, author: s.author, rootId: s.rootId ?? 'o1', ...(s.parentId ? { parentId: s.parentId } : {}), brandContext: ['acme'], lang: 'en', ...brandPart }), now)));
    }
    out.push(...(await tracker.advance(at(600))));
    return new Map(out.map((a) => [a.id, a]));
  }

  it('alerts at watch with the storm named, instead of critical', async () => {
    const angry = [{ id: 'o1', minute: 0, text: '@AcmeHelp absolutely disgraceful, shame on you, I want my money back', author: 'angry1' }];
    const calm = [...(await during(undefined, angry)).values()][0];
    expect(calm?.severity).not.toBe('watch');
    const storm = [...(await during('shitstorm:acme:2026-03-02T08:00:00.000Z', angry)).values()][0];
    expect(storm).toMatchObject({ severity: 'watch', evidence: { duringShitstorm: 'shitstorm:acme:2026-03-02T08:00:00.000Z' } });
  });

  it('once the storm is confirmed, a post the classifier does not read as negative is filed under it too', async () => {
    // QA firestorm replays: sarcasm ("Stellar PR work today @MeridianAir. Just stellar.") opened ordinary threads that
    // escalated on their own, 470 warning or critical alerts beside the one storm alert.
    const sarcasm = [{ id: 'o1', minute: 0, text: '@AcmeHelp stellar PR work today. Just stellar. Any comment?', author: 'wit1', complaint: false }];
    const inWatch = [...(await during('shitstorm:acme:w', sarcasm, 'watch')).values()].at(-1);
    expect(inWatch?.evidence.duringShitstorm).toBeUndefined();
    const confirmed = [...(await during('shitstorm:acme:c', sarcasm, 'critical')).values()].at(-1);
    expect(confirmed).toMatchObject({ severity: 'watch', evidence: { duringShitstorm: 'shitstorm:acme:c' } });
  });

  it('a storm post\'s writer posting again in a thread of their own is the storm, not a customer chasing', async () => {
    const alerts = await during('shitstorm:acme:c', [
      { id: 'o1', minute: 0, text: '@AcmeHelp disgraceful video, shame on you', author: 'outraged' },
      { id: 'o2', minute: 3, text: '@AcmeHelp how is this allowed? Boycott!', author: 'outraged', rootId: 'o2' },
    ], 'critical');
    expect([...alerts.values()].map((a) => a.severity)).toEqual(['watch', 'watch']);
  });

  // QA firestorm round 4: the brand's canned "please DM us" under every storm post made each a customer case again,
  // 7 critical and 22 warning alerts during the storm and more after it.
  it('one canned redirect to DMs leaves a storm post in the storm; being sent around twice does not', async () => {
    const angry = { id: 'o1', minute: 0, text: '@AcmeHelp disgraceful, shame on you. #BoycottAcme', author: 'outraged' };
    const dm = (id: string, minute: number) => ({ id, minute, text: '@outraged Please DM us.', author: 'AcmeHelp', parentId: 'o1', isBrand: true });
    const once = await during('shitstorm:acme:c', [angry, dm('r1', 2)], 'critical');
    expect([...once.values()][0]).toMatchObject({ severity: 'watch', evidence: { deflections: 1, duringShitstorm: 'shitstorm:acme:c' } });
    const twice = await during('shitstorm:acme:c', [angry, dm('r1', 2), { ...angry, id: 'o2', minute: 20, parentId: 'r1', text: '@AcmeHelp No. Answer in public.' }, dm('r2', 25)], 'critical');
    expect([...twice.values()][0]?.severity).not.toBe('watch');
  });

  it('a customer who chases is a customer case again', async () => {
    const alerts = await during('shitstorm:acme:x', [
      { id: 'o1', minute: 0, text: '@AcmeHelp my refund never arrived, disgraceful', author: 'kim' },
      { id: 'o2', minute: 200, text: '@AcmeHelp still no answer?!', author: 'kim', parentId: 'o1' },
    ]);
    expect([...alerts.values()][0]?.severity).not.toBe('watch');
  });
});

describe('an alert an analyst resolved on the dashboard', () => {
  it('is not escalated any more, and the customer chasing again opens a new alert once that is overdue', async () => {
    const statuses = new Map<string, string>();
    const tracker = createUnansweredTracker({ brands: [bahn], config, state: new MemoryState(), alertStatus: async (id) => statuses.get(id) });
    await tracker.restore();
    const emitted: Alert[] = [];
    const feed = async (step: Step) => emitted.push(...(await tracker.observe(post({ ...step, at: at(step.minute) }), at(step.minute))));
    const tick = async (minute: number) => emitted.push(...(await tracker.advance(at(minute))));

    await feed(customer('c1', 0, '@DB_Bahn Mein Internet, äh, mein WLAN im ICE ist seit Stunden tot und niemand meldet sich. Frechheit!', { complaint: true }));
    for (let m = 5; m <= 90; m += 5) await tick(m);
    const first = emitted.at(-1);
    expect(first?.status).toBe('open');
    statuses.set(first!.id, 'resolved'); // POST /api/alerts/:id/resolve
    const before = emitted.length;
    for (let m = 95; m <= 300; m += 5) await tick(m); // past the long-overdue escalation (4 × SLA)
    expect(emitted.slice(before)).toEqual([]);

    await feed(customer('c2', 305, '@DB_Bahn Immer noch keine Antwort! Ich schreibe zum zweiten Mal.', { complaint: true }));
    for (let m = 310; m <= 400; m += 5) await tick(m);
    const later = emitted.slice(before);
    expect(later.every((a) => a.id !== first!.id)).toBe(true);
    expect(later.at(-1)).toMatchObject({ status: 'open', kind: 'unanswered' });
    expect(later.at(-1)?.mentions).toContain('twitter:c2');
  });
});

describe('brand replies without a parent id, addressed by @handle (exports without reply ids)', () => {
  /** A customer's own post to the brand: a thread of its own, no parent. */
  const asks = (id: string, minute: number, text: string, author = 'kundin42', lang: 'de' | 'en' = 'de'): Step => ({
    id,
    minute,
    text,
    author,
    rootId: id,
    brandContext: [lang === 'en' ? 'acme' : 'bahn'],
    complaint: true,
    lang,
  });
  /** A brand post as such exports hold it: no parent, its own root. */
  const unthreaded = (id: string, minute: number, text: string, lang: 'de' | 'en' = 'de'): Step => ({
    id,
    minute,
    text,
    author: lang === 'de' ? 'DB_Bahn' : 'AcmeHelp',
    isBrand: true,
    lang,
  });
  const byRoot = (last: Map<string, Alert>) => new Map([...last.values()].map((a) => [a.evidence.threadRootId, a]));

  it('"@kunde Hallo! …" closes the customer\'s open thread as an answer, and resolves its overdue alert', async () => {
    const { emitted } = await run(
      [asks('c1', 0, '@DB_Bahn Techniker kam nicht, ich habe extra Urlaub genommen!'), unthreaded('b1', 90, '@kundin42 Hallo! Der Techniker kommt morgen zwischen 8 und 12 Uhr, der Termin ist bestätigt.')],
      300,
    );
    expect(emitted.map((a) => [a.revision, a.status])).toEqual([
      [0, 'open'],
      [1, 'resolved'],
    ]);
    expect(emitted[1]?.resolvedAt).toBe(at(90).toISOString());
    expect(emitted[1]?.evidence).toMatchObject({ brandReplies: ['answer'], waitedMinutes: 90 });
  });

  it('within the SLA it prevents the alert altogether', async () => {
    const { emitted } = await run(
      [asks('c1', 0, '@DB_Bahn Techniker kam nicht!'), unthreaded('b1', 20, '@kundin42 Hallo! Der Techniker kommt morgen zwischen 8 und 12 Uhr.')],
      300,
    );
    expect(emitted).toEqual([]);
  });

  it('an auto-reply or a deflection addressed this way is recorded and does not close the thread', async () => {
    const auto = await run(
      [asks('c1', 0, '@DB_Bahn Wo bleibt meine Erstattung?'), unthreaded('b1', 5, '@kundin42 Vielen Dank für Ihre Nachricht. Wir melden uns schnellstmöglich bei Ihnen.')],
      120,
    );
    expect([...auto.last.values()][0]).toMatchObject({ status: 'open', evidence: { brandReplies: ['auto_reply'], autoReplies: 1 } });
    const deflected = await run(
      [asks('c1', 0, '@DB_Bahn Seit drei Tagen kein Internet!'), unthreaded('b1', 10, '@kundin42 Bitte nutzen Sie unsere Hotline 0800 123 456.')],
      120,
    );
    expect([...deflected.last.values()][0]).toMatchObject({ status: 'open', evidence: { brandReplies: ['deflection'], deflections: 1, state: 'awaiting_brand' } });
  });

  it('a request for details hands the ball to the customer, as a reply to their post would', async () => {
    const { last } = await run(
      [asks('c1', 0, '@DB_Bahn Meine Rechnung ist doppelt abgebucht!'), unthreaded('b1', 90, '@kundin42 Das klären wir. Schreib uns bitte per DM deine Kundennummer.')],
      300,
    );
    expect([...last.values()][0]).toMatchObject({ status: 'open', severity: 'info', evidence: { brandReplies: ['request_info'], state: 'awaiting_customer' } });
  });

  it('places the post for the detect stage too: the brand of the waiting customer\'s thread', async () => {
    const { tracker } = await run([asks('c1', 0, '@DB_Bahn Techniker kam nicht!')], 10);
    expect(tracker.threadBrands(post({ ...unthreaded('b1', 20, '@kundin42 Der Techniker kommt morgen.'), at: at(20) }))).toEqual(['bahn']);
    expect(tracker.threadBrands(post({ ...unthreaded('b2', 20, '@jemand Der Techniker kommt morgen.'), at: at(20) }))).toEqual([]);
  });

  it('a brand post naming the handle in mid-text, not as its reply prefix, closes nothing', async () => {
    const { last } = await run(
      [asks('c1', 0, '@DB_Bahn Techniker kam nicht!'), unthreaded('b1', 30, 'Die Störung in Leipzig ist behoben, danke @kundin42 und allen anderen für die Geduld.')],
      120,
    );
    expect([...last.values()][0]).toMatchObject({ status: 'open', evidence: { brandReplies: [] } });
  });

  it('a post with a real parent id is placed by it, as before: a reply in a conversation we do not track closes nothing', async () => {
    const { last } = await run(
      [asks('c1', 0, '@DB_Bahn Techniker kam nicht!'), { ...unthreaded('b1', 30, '@kundin42 Der Techniker kommt morgen um 8 Uhr.'), rootId: 'x1', parentId: 'x1' }],
      120,
    );
    expect([...last.values()][0]).toMatchObject({ status: 'open', evidence: { brandReplies: [] } });
  });

  it('"@a @b …" answers both customers, each in their own thread', async () => {
    const { last } = await run(
      [
        asks('c1', 0, '@DB_Bahn Kein Netz in Leipzig!'),
        asks('d1', 10, '@DB_Bahn Bei mir auch kein Netz!', 'kunde7'),
        asks('e1', 20, '@DB_Bahn Und hier auch nicht!', 'dritte_kundin'),
        unthreaded('b1', 100, '@kundin42 @Kunde7 Die Störung ist seit 10:30 behoben, das Netz läuft wieder.'),
      ],
      200,
    );
    const alerts = byRoot(last);
    expect(alerts.get('twitter:c1')).toMatchObject({ status: 'resolved', evidence: { brandReplies: ['answer'] } });
    expect(alerts.get('twitter:d1')).toMatchObject({ status: 'resolved', evidence: { brandReplies: ['answer'] } });
    expect(alerts.get('twitter:e1')).toMatchObject({ status: 'open', evidence: { brandReplies: [] } });
  });

  it('goes to the customer\'s latest open thread, and not to a thread already answered', async () => {
    const steps = [
      asks('c1', 0, '@DB_Bahn Techniker kam nicht!'),
      asks('c2', 30, '@DB_Bahn Und die Rechnung stimmt auch nicht!'),
      unthreaded('b1', 100, '@kundin42 Die Gutschrift über 20 € ist gebucht, sie steht auf der nächsten Rechnung.'),
    ];
    const latest = byRoot((await run(steps, 105)).last);
    expect(latest.get('twitter:c2')).toMatchObject({ status: 'resolved', evidence: { brandReplies: ['answer'] } });
    expect(latest.get('twitter:c1')).toMatchObject({ status: 'open', evidence: { brandReplies: [] } });

    const { last, state } = await run(
      [...steps, unthreaded('b2', 110, '@kundin42 Der Techniker kommt morgen um 8 Uhr.'), unthreaded('b3', 120, '@kundin42 Danke für deine Geduld, der Termin steht.')],
      200,
    );
    expect(byRoot(last).get('twitter:c1')).toMatchObject({ status: 'resolved', evidence: { brandReplies: ['answer'] } });
    // Both threads answered: the third post has no open thread to go to and is recorded in neither.
    const stored = [...(state.data.get(unansweredNamespace('bahn'))?.values() ?? [])].map((v) => JSON.parse(v) as { rootId: string; replies: Array<{ id: string }> });
    expect(stored.map((t) => [t.rootId, t.replies.map((r) => r.id)]).sort()).toEqual([
      ['twitter:c1', ['twitter:b2']],
      ['twitter:c2', ['twitter:b1']],
    ]);
  });

  it('not days later: a customer silent for longer than four days is not answered by a bare "@kunde"', async () => {
    const { last } = await run(
      [asks('c1', 0, '@DB_Bahn Techniker kam nicht!'), unthreaded('b1', 5 * 24 * 60, '@kundin42 Der Techniker kommt morgen um 8 Uhr.')],
      5 * 24 * 60 + 10,
    );
    expect([...last.values()][0]).toMatchObject({ status: 'open', evidence: { brandReplies: [] } });
  });

  it('another brand\'s thread of the same customer stays open', async () => {
    const { last } = await run(
      [
        asks('c1', 0, '@AcmeHelp my order never arrived, this is ridiculous', 'kundin42', 'en'),
        asks('d1', 5, '@DB_Bahn Techniker kam nicht!'),
        unthreaded('b1', 90, '@kundin42 Hallo! Der Techniker kommt morgen um 8 Uhr.'),
      ],
      200,
    );
    const alerts = byRoot(last);
    expect(alerts.get('twitter:d1')).toMatchObject({ brand: 'bahn', status: 'resolved' });
    expect(alerts.get('twitter:c1')).toMatchObject({ brand: 'acme', status: 'open', evidence: { brandReplies: [] } });
  });

  it('after a restart the reply is neither forgotten nor applied twice when its post is delivered again', async () => {
    const steps = [asks('c1', 0, '@DB_Bahn Wo bleibt meine Erstattung?'), unthreaded('b1', 5, '@kundin42 Vielen Dank für Ihre Nachricht. Wir melden uns schnellstmöglich bei Ihnen.')];
    const first = await run(steps, 30);
    const again = await run([steps[1]!], 120, [bahn, acme], first.state);
    expect([...again.last.values()][0]).toMatchObject({ status: 'open', evidence: { brandReplies: ['auto_reply'], autoReplies: 1 } });
    // The restored index still finds the waiting customer: a real answer now closes the thread.
    const answered = await run([unthreaded('b2', 125, '@kundin42 Die Erstattung ist heute überwiesen worden.')], 130, [bahn, acme], first.state);
    expect([...answered.last.values()][0]).toMatchObject({ status: 'resolved', evidence: { brandReplies: ['auto_reply', 'answer'] } });
  });
});
