/**
 * The unanswered tracker's state handling as QA round 6 found it wanting: a customer reporting their matter solved, a
 * chaser at top severity, giveaway posts and comments to other people, and brand comments that reach only some.
 */
import { describe, expect, it } from 'vitest';
import { createUnansweredTracker } from '../../../classifiers/unanswered.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Alert, Brand } from '../../../src/model.ts';
import { feedTracker, MemoryState, pageComment, type PostSpec } from './helpers.ts';

const lindenau: Brand = { id: 'lindenau', name: 'Stadtwerke Lindenau', query: '"Stadtwerke Lindenau"', accounts: ['SWLindenau_hilft'], language: 'de' };
const skylane: Brand = { id: 'skylane', name: 'Skylane', query: '@SkylaneHelp', accounts: ['SkylaneHelp'], language: 'en', sla: { twitter: 30 } };
const config = AppConfig.parse({ brands: [lindenau, skylane] });
const T0 = Date.parse('2026-06-16T09:00:00Z'); // a Tuesday
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

type Step = Omit<PostSpec, 'at'> & { minute: number };

async function run(steps: Step[], endMinute: number): Promise<{ emitted: Alert[]; last: Map<string, Alert> }> {
  const emitted = await feedTracker(createUnansweredTracker({ brands: [lindenau, skylane], config, state: new MemoryState() }), steps, at, endMinute);
  return { emitted, last: new Map(emitted.map((a) => [a.id, a])) };
}

/** A tweet of `author` to Stadtwerke Lindenau (`lang: 'en'`: to Skylane), in the thread of `rootId`. */
const tweet = (id: string, minute: number, author: string, text: string, extra: Partial<PostSpec> = {}): Step => ({
  id,
  minute,
  author,
  text,
  brandContext: [extra.lang === 'en' ? 'skylane' : 'lindenau'],
  ...extra,
});

describe('a customer reporting their matter solved settles it (QA6 defect 1)', () => {
  it('before the SLA ran out: no alert at all (de, stadtwerke sw-s21)', async () => {
    const { emitted } = await run(
      [
        tweet('s1', 0, 'ute_b', '@SWLindenau_hilft Mein Login im Kundenportal geht nicht mehr.', { complaint: true }),
        tweet('s2', 20, 'ute_b', '@SWLindenau_hilft Hat sich erledigt, ging nach dem Passwort-Reset wieder. Danke!', { rootId: 's1', parentId: 's1' }),
      ],
      8 * 60,
    );
    expect(emitted).toEqual([]);
  });

  it('after the alert: it resolves, saying the customer reports it solved', async () => {
    const { emitted } = await run(
      [
        tweet('s1', 0, 'ute_b', '@SWLindenau_hilft Mein Login im Kundenportal geht nicht mehr.', { complaint: true }),
        tweet('s2', 90, 'ute_b', '@SWLindenau_hilft Hat sich erledigt, ging nach dem Passwort-Reset wieder. Danke!', { rootId: 's1', parentId: 's1' }),
      ],
      8 * 60,
    );
    const resolved = emitted.at(-1);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: iso(90) });
    expect(resolved?.evidence).toMatchObject({ resolution: 'customer reports it solved', customer: '@ute_b' });
    expect(resolved?.title).toMatch(/^Beschwerde von @ute_b .* – geschlossen: laut Kunde erledigt$/u);
  });

  it('a separate tweet settles the customer\'s latest open matter (en, skylane thread 21)', async () => {
    const { emitted } = await run(
      [
        tweet('m1', 0, 'molly_r', '@SkylaneHelp where do I find my boarding pass?', { lang: 'en' }),
        tweet('m2', 15, 'molly_r', '@SkylaneHelp nvm, found it in the app, thanks!', { lang: 'en' }),
      ],
      8 * 60,
    );
    expect(emitted).toEqual([]);
  });

  it('"Danke, aber …" / "thanks but still broken" keeps the case open', async () => {
    const { emitted } = await run(
      [
        tweet('e1', 0, 'eva_r', '@SWLindenau_hilft Mein Zähler zeigt seit gestern nichts mehr an.', { complaint: true }),
        tweet('e2', 20, 'eva_r', '@SWLindenau_hilft Danke, aber es geht immer noch nicht.', { rootId: 'e1', parentId: 'e1' }),
        tweet('w1', 0, 'will_t', '@SkylaneHelp my app login fails', { lang: 'en', complaint: true }),
        tweet('w2', 20, 'will_t', '@SkylaneHelp thanks but still broken', { lang: 'en', rootId: 'w1', parentId: 'w1' }),
      ],
      8 * 60,
    );
    expect(new Set(emitted.filter((a) => a.status === 'open').map((a) => a.evidence.threadRootId))).toEqual(new Set(['twitter:e1', 'twitter:w1']));
  });

  it('under a page post it settles the writer alone; the others still wait', async () => {
    const page = { rootId: 'p1', parentId: 'p1', source: 'facebook', channel: 'page_comment' as const, brandContext: ['lindenau'], handle: null };
    const { last } = await run(
      [
        tweet('c1', 0, 'fb-1', 'Mein Login im Kundenportal geht nicht mehr.', { ...page, name: 'Ute Berg', complaint: true }),
        tweet('c2', 5, 'fb-2', 'Meine Abschlagszahlung ist doppelt abgebucht worden!', { ...page, name: 'Karl Esser', complaint: true }),
        tweet('c3', 90, 'fb-1', 'Hat sich erledigt, ging nach dem Passwort-Reset wieder. Danke!', { ...page, name: 'Ute Berg' }),
      ],
      8 * 60,
    );
    const [alert] = [...last.values()];
    expect(alert?.status).toBe('open');
    expect(alert?.evidence).toMatchObject({ unansweredIds: ['facebook:c2'], customer: 'Karl Esser' });
  });
});

describe('a chaser at top severity is shown, deferred not dropped (QA6 defect 2)', () => {
  it('"still waiting" ten minutes after the escalation shows once the 30 minutes are over (chaser-throttle.jsonl)', async () => {
    const { emitted } = await run(
      [
        tweet('t1', 0, 'tom_b', "@SkylaneHelp I've been on hold for 2 hours trying to change my name on a ticket. Terrible.", { lang: 'en', complaint: true }),
        tweet('t2', 130, 'tom_b', '@SkylaneHelp still waiting for any kind of response.', { lang: 'en', rootId: 't1', parentId: 't1', complaint: true }),
      ],
      24 * 60,
    );
    expect(emitted.map((a) => [a.severity, a.updatedAt, a.evidence.followUps])).toEqual([
      ['warning', iso(30), 0],
      ['critical', iso(120), 0],
      ['critical', iso(150), 1],
    ]);
    expect(emitted.at(-1)?.examples.map((e) => e.id)).toEqual(['twitter:t1', 'twitter:t2']);
  });

  it('writing again in one\'s own thread is a follow-up the alert shows, without a chasing phrase (stadtwerke sw-s06-3)', async () => {
    const { emitted } = await run(
      [
        tweet('a1', 0, 'anke_m', '@SWLindenau_hilft Seit Freitag kein Gas, Heizung kalt, Entstörungsdienst nicht erreichbar!', { complaint: true }),
        tweet('a2', 300, 'anke_m', '@SWLindenau_hilft Eure DM hab ich gestern sofort beantwortet, seitdem kommt nichts. Immer noch keine Heizung.', { rootId: 'a1', parentId: 'a1', complaint: true }),
      ],
      8 * 60,
    );
    expect(emitted.map((a) => [a.severity, a.updatedAt, a.evidence.followUps])).toEqual([
      ['warning', iso(60), 0],
      ['critical', iso(240), 0],
      ['critical', iso(300), 1],
    ]);
  });
});

describe('a standalone post continuing a case is its follow-up, not a case of its own (QA6)', () => {
  it('chasers tweeted on their own ("hello?? anyone there?") join the waiting case: one alert, follow-ups counted', async () => {
    const { emitted, last } = await run(
      [
        tweet('l1', 0, 'loud_larry', '@SkylaneHelp my flight got cancelled and the app shows nothing. Useless.', { lang: 'en', complaint: true }),
        tweet('l2', 20, 'loud_larry', '@SkylaneHelp hello?? anyone there?', { lang: 'en' }),
        tweet('l3', 45, 'loud_larry', '@SkylaneHelp 45 minutes and not a single reply. Typical.', { lang: 'en', complaint: true }),
      ],
      3 * 60,
    );
    expect([...last.keys()]).toHaveLength(1);
    expect(emitted.at(-1)?.examples.map((e) => e.id).sort()).toEqual(['twitter:l1', 'twitter:l2', 'twitter:l3']);
    expect(emitted.at(-1)?.evidence.followUps).toBe(2);
  });

  it('a new complaint of the same customer is still its own case (up to the per-customer cap)', async () => {
    const { last } = await run(
      [
        tweet('k1', 0, 'kai_w', '@SkylaneHelp my flight got cancelled and the app shows nothing.', { lang: 'en', complaint: true }),
        tweet('k2', 20, 'kai_w', '@SkylaneHelp also charged twice for my seat, refund please', { lang: 'en', complaint: true }),
      ],
      3 * 60,
    );
    expect(last.size).toBe(2);
  });

  it('details the brand asked for, sent as a new post, hand the case back to the brand (pixelkiste px016–px018)', async () => {
    const { emitted, last } = await run(
      [
        tweet('g1', 0, 'anja_m', '@SWLindenau_hilft Mein Gutschein-Code wird im Portal nicht akzeptiert.'),
        tweet('g2', 15, 'SWLindenau_hilft', '@anja_m Schick uns bitte den Code und deine Kundennummer per DM, dann prüfen wir das.', { isBrand: true, rootId: 'g1', parentId: 'g1', replyKind: 'request_info' }),
        tweet('g3', 30, 'anja_m', '@SWLindenau_hilft Hab euch beides per DM geschickt.'),
      ],
      8 * 60,
    );
    expect(last.size).toBe(1);
    expect(emitted.at(-1)).toMatchObject({ status: 'open', evidence: { threadRootId: 'twitter:g1', state: 'awaiting_brand', unansweredIds: ['twitter:g3'] } });
    expect(emitted.at(-1)?.examples.map((e) => e.id)).toContain('twitter:g3');
  });
});

describe('giveaways and comments to other people expect no answer (QA6 defect 3)', () => {
  const fb = { source: 'facebook', channel: 'page_comment' as const, brandContext: ['lindenau'], handle: null };
  const comment = pageComment({ rootId: 'g1', parentId: 'g1', ...fb });
  const giveaway: Step = {
    id: 'g1',
    minute: 0,
    author: 'SWLindenau_hilft',
    isBrand: true,
    text: 'Gewinnspiel 🎉 Wohin geht euer nächster Ausflug? Schreibt es in die Kommentare – unter allen Kommentaren verlosen wir 3 Picknickkörbe!',
    ...fb,
  };

  it('entries under the brand\'s giveaway post open nothing, even flagged as complaints; a complaint or a question there does', async () => {
    const { last } = await run(
      [
        giveaway,
        comment('e1', 5, 'Maren Holt', 'An die Ostsee 🌊'),
        comment('e2', 10, 'Gaby Sommer', 'Lüneburger Heide, Daumen sind gedrückt', { complaint: true }),
        comment('e3', 15, 'Nils Krause', 'Nach Sylt, wie jedes Jahr', { complaint: true }),
        comment('e4', 20, 'Werner Pohl', 'Statt Gewinnspiele zu machen solltet ihr lieber mal meinen Schaden bearbeiten. Seit Januar warte ich auf mein Geld!', { complaint: true }),
        comment('e5', 25, 'Rita Koch', 'Wann wird denn ausgelost?'),
      ],
      8 * 60,
    );
    const [alert] = [...last.values()];
    expect(last.size).toBe(1);
    expect(alert?.evidence.unansweredIds).toEqual(['facebook:e4', 'facebook:e5']);
    expect(alert?.title).toMatch(/^Beschwerde von Werner Pohl und 1 weiteren seit/u);
  });

  it('replies to a giveaway tweet are entries too (stadtwerke sw-s32)', async () => {
    const { emitted } = await run(
      [
        { id: 's1', minute: 0, author: 'SWLindenau_hilft', isBrand: true, text: 'Gewinnspiel! 🎉 Verratet uns euren Lieblingsort in Lindenau und gewinnt 1 von 3 Jahreskarten fürs Freibad 🏊' },
        tweet('s2', 10, 'anna_k', '@SWLindenau_hilft Der Stadtpark im Frühling 🌷', { rootId: 's1', parentId: 's1' }),
        tweet('s3', 14, 'oma_hilde', '@SWLindenau_hilft Die Eisdiele am Markt, seit 40 Jahren!', { rootId: 's1', parentId: 's1', complaint: true }),
      ],
      8 * 60,
    );
    expect(emitted).toEqual([]);
  });

  it('a friend tag, an @name and a question to the crowd under an ordinary page post open nothing', async () => {
    const product = { rootId: 'h1', parentId: 'h1' };
    const { last } = await run(
      [
        comment('f1', 5, 'Jonas Koch', 'Was kostet das für 40 qm in Hamburg? Der Rechner auf der Seite lädt nicht.', product),
        comment('f2', 10, 'Marie Lenz', 'Tom Weber wär das nicht was für deine neue Bude?', { ...product, complaint: true }),
        comment('f3', 15, 'Monika Peters', '@Jonas Koch das kenne ich, bei mir auch ewig gedauert.', product),
        comment('f4', 20, 'Erik Sommer', 'Hat jemand den Sturm am Montag auch so heftig mitbekommen? Bei uns lagen überall Äste.', product),
      ],
      8 * 60,
    );
    expect([...last.values()].map((a) => a.evidence.unansweredIds)).toEqual([['facebook:f1']]);
  });
});

describe('brand comments reach whom they address (QA6 defects 5 and 6)', () => {
  const fb = { source: 'facebook', channel: 'page_comment' as const, brandContext: ['lindenau'], handle: null, rootId: 'p3', parentId: 'p3' };
  const comment = (id: string, minute: number, name: string, text: string, extra: Partial<PostSpec> = {}): Step => ({ id, minute, author: `fb-${name}`, name, text, ...fb, ...extra });
  const page = (id: string, minute: number, text: string, parentId = 'p3'): Step => ({ id, minute, author: 'SWLindenau_hilft', isBrand: true, text, ...fb, parentId });

  it('a customer who starts waiting under an alerted post shows in the alert once their own SLA ran out, not when everyone is answered (QA7 rheinhoehe 1195_7704, QA8)', async () => {
    const { emitted } = await run(
      [
        comment('w1', 0, 'Gisela Pohl', 'Ich warte seit drei Wochen auf eine Antwort zu meiner Haushaltshilfe!', { complaint: true }),
        comment('w2', 300, 'Dieter Lang', 'Mein Heil- und Kostenplan liegt seit drei Wochen bei euch. Der Zahnarzt wartet auch.', { complaint: true }),
      ],
      10 * 60,
    );
    const last = emitted.at(-1);
    // Dieter's own four hours run out at 540; until then the alert shows Gisela alone.
    expect(emitted.map((a) => a.updatedAt)).toEqual([iso(240), iso(540)]);
    expect(last?.updatedAt).toBe(iso(540));
    expect(last?.evidence.unansweredIds).toEqual(['facebook:w1', 'facebook:w2']);
    expect(last?.title).toMatch(/^Beschwerde von Gisela Pohl und 1 weiteren seit/u);
  });

  it('an auto-reply under one comment is no part of another commenter\'s alert', async () => {
    const { last } = await run(
      [
        comment('k1', 0, 'Jonas Koch', 'Was kostet der Ökotarif für 2 Personen?'),
        comment('k2', 10, 'Paula Reich', 'Ich habe letzte Woche gewechselt, aber noch keine Bestätigung bekommen. Ist das normal?'),
        page('r1', 20, 'Hallo Paula, das tut uns leid! Wir prüfen das und melden uns.', 'k2'),
        page('r2', 400, 'Hallo Paula, deine Bestätigung ist heute per Post rausgegangen.', 'k2'),
      ],
      8 * 60,
    );
    const [alert] = [...last.values()];
    expect(alert?.evidence).toMatchObject({ unansweredIds: ['facebook:k1'], brandReplies: [] });
  });

  it('a top-level note greeting every customer is a holding note: nobody is settled by it (hanseatica post 100)', async () => {
    const { last } = await run(
      [
        comment('k1', 0, 'Murat Yilmaz', 'Dach abgedeckt, seit 3 Tagen versuche ich eure Schadenhotline zu erreichen. Dauerbesetzt!', { complaint: true }),
        comment('k2', 10, 'Jens Berger', 'Keller voll Wasser und keiner geht ran. Wie soll man da einen Schaden melden?', { complaint: true }),
        page('n1', 30, 'Liebe Kundinnen und Kunden, wegen des Sturms erreichen uns aktuell sehr viele Schadenmeldungen. Wir bearbeiten alle der Reihe nach.', 'p3'),
      ],
      8 * 60,
    );
    const [alert] = [...last.values()];
    expect(alert?.evidence).toMatchObject({ unansweredIds: ['facebook:k1', 'facebook:k2'], brandReplies: ['auto_reply'] });
  });
});

describe('the alert title names the clearest complaint (QA6 defect 4)', () => {
  it('a complaint flag on praise does not lead the title', async () => {
    const fb = { source: 'facebook', channel: 'page_comment' as const, brandContext: ['lindenau'], handle: null, rootId: 'p4', parentId: 'p4' };
    const { last } = await run(
      [
        { id: 'c1', minute: 0, author: 'fb-silke', name: 'Silke Harms', text: 'Glückwunsch! Bin seit 20 Jahren Kundin und immer zufrieden.', complaint: true, ...fb },
        { id: 'c2', minute: 10, author: 'fb-gerd', name: 'Gerd Albers', text: 'Arbeitgeber des Jahres, aber Kunden lässt man 8 Wochen auf die Regulierung warten.', complaint: true, ...fb },
      ],
      8 * 60,
    );
    expect([...last.values()][0]?.title).toMatch(/^Beschwerde von Gerd Albers und 1 weiteren seit/u);
  });
});
