/**
 * What an unanswered alert says and keeps: who complained (a handle with "@", a name as it is), what they
 * wrote, how long they waited (calendar time, and business time beside it when the brand has business hours),
 * and, once answered, that it was answered and after how long.
 */
import { describe, expect, it } from 'vitest';
import { renderAlert, type CustomerMessage } from '../../../classifiers/unanswered-alert.ts';
import { newThread, type ThreadState } from '../../../classifiers/unanswered-thread.ts';
import { createUnansweredTracker } from '../../../classifiers/unanswered.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Brand } from '../../../src/model.ts';
import { MemoryState, post } from './helpers.ts';

const telvana: Brand = { id: 'telvana', name: 'Telvana', query: '@telvana_hilft', accounts: ['telvana_hilft'], language: 'de' };
const northgate: Brand = { id: 'northgate', name: 'Northgate', query: '@northgate_care', accounts: ['northgate_care'], language: 'en' };
const officeHours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' };
const lindenau: Brand = { id: 'lindenau', name: 'Stadtwerke Lindenau', query: 'Lindenau', accounts: ['lindenau'], language: 'de', businessHours: officeHours };
const lindenauEn: Brand = { ...lindenau, id: 'lindenau-en', language: 'en' };

const T0 = '2026-06-16T08:00:00.000Z';
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

function message(id: string, createdAt: string, text: string, who: { author?: string; authorName?: string }): CustomerMessage {
  return { id, authorId: who.author ?? who.authorName ?? id, ...who, text, createdAt };
}

/** A thread of one customer message, due after its SLA, with an open alert (as the tracker leaves it at the first breach). */
function overdue(brand: Brand, source: string, channel: string, m: CustomerMessage, slaMinutes = 60): ThreadState {
  const t = newThread(brand.id, m.id, source, channel, slaMinutes, m.createdAt);
  t.state = 'awaiting_brand';
  t.complaint = true;
  t.pending = [m];
  t.ids = [m.id];
  t.clockStartedAt = m.createdAt;
  t.dueAt = plus(m.createdAt, slaMinutes).toISOString();
  t.alert = { id: `unanswered:${brand.id}:${m.id}:0`, openedAt: t.dueAt, updatedAt: t.dueAt, revision: 0, severity: 'warning', status: 'open' };
  return t;
}

/** The same thread after a real answer: what the tracker does before it renders the resolution. */
function answered(t: ThreadState, answerAt: Date, waitedMinutes: number): ThreadState {
  const a = t.alert;
  if (!a) throw new Error('no alert');
  t.pending = [];
  t.state = 'answered';
  delete t.clockStartedAt;
  delete t.dueAt;
  t.replies = [{ id: 'twitter:answer', kind: 'answer', at: answerAt.toISOString() }];
  t.alert = { ...a, status: 'resolved', resolvedAt: answerAt.toISOString(), updatedAt: answerAt.toISOString(), revision: a.revision + 1, waitedMinutes };
  return t;
}

describe('unanswered alert: a resolved alert keeps who complained, what they wrote and how long they waited', () => {
  it('de: "Beschwerde von @kundin nach 1 h 30 min beantwortet", with the post as example', () => {
    const complaint = message('twitter:t10', T0, '@telvana_hilft Seit gestern kein Internet, niemand meldet sich!', { author: 'kundin' });
    const t = overdue(telvana, 'twitter', 'post', complaint);
    const resolved = renderAlert(answered(t, plus(T0, 90), 90), telvana, plus(T0, 90), { answered: [complaint] });
    expect(resolved.status).toBe('resolved');
    expect(resolved.title).toBe('Beschwerde von @kundin nach 1 h 30 min beantwortet (twitter, SLA 1 h)');
    expect(resolved.title).not.toContain('unbeantwortet');
    expect(resolved.examples).toEqual([{ id: 'twitter:t10', text: complaint.text, author: '@kundin', createdAt: T0 }]);
    expect(resolved.evidence).toMatchObject({ customer: '@kundin', waitedMinutes: 90, waitingSince: T0, brandReplies: ['answer'] });
  });

  it('en: "Complaint from @anna_uk answered after 1 h 6 min"', () => {
    const complaint = message('twitter:c2', T0, '@northgate_care broadband down since Saturday, nobody helps', { author: '@anna_uk' });
    const t = overdue(northgate, 'twitter', 'post', complaint);
    const resolved = renderAlert(answered(t, plus(T0, 66), 66), northgate, plus(T0, 66), { answered: [complaint] });
    expect(resolved.title).toBe('Complaint from @anna_uk answered after 1 h 6 min (twitter, SLA 1 h)');
    expect(resolved.examples.map((e) => e.text)).toEqual([complaint.text]);
  });

  it('through the tracker, the resolving revision says it was answered, not "unbeantwortet"', async () => {
    const config = AppConfig.parse({ brands: [telvana] });
    const tracker = createUnansweredTracker({ brands: [telvana], config, state: new MemoryState() });
    await tracker.restore();
    const at = (minutes: number) => plus(T0, minutes);
    await tracker.observe(post({ id: 't10', at: at(0), author: 'kundin', text: '@telvana_hilft Seit gestern kein Internet!', complaint: true, brandContext: ['telvana'] }), at(0));
    const [opened] = await tracker.advance(at(61));
    expect(opened?.title).toBe('Beschwerde von @kundin seit 1 h 1 min unbeantwortet (twitter, SLA 1 h)');
    const reply = post({ id: 'r1', at: at(90), author: 'telvana_hilft', isBrand: true, text: '@kundin Die Störung ist behoben.', rootId: 't10', parentId: 't10', replyKind: 'answer' });
    const [resolved] = await tracker.observe(reply, at(90));
    expect(resolved?.status).toBe('resolved');
    expect(resolved?.title).toMatch(/^Beschwerde von .+ nach 1 h 30 min beantwortet \(twitter, SLA 1 h\)$/u);
  });

  it('through the tracker, the resolving revision names @kundin and keeps the post (the messages the answer took off the list)', async () => {
    const config = AppConfig.parse({ brands: [telvana] });
    const tracker = createUnansweredTracker({ brands: [telvana], config, state: new MemoryState() });
    await tracker.restore();
    const at = (minutes: number) => plus(T0, minutes);
    await tracker.observe(post({ id: 't10', at: at(0), author: 'kundin', text: '@telvana_hilft Seit gestern kein Internet!', complaint: true, brandContext: ['telvana'] }), at(0));
    await tracker.advance(at(61));
    const reply = post({ id: 'r1', at: at(90), author: 'telvana_hilft', isBrand: true, text: '@kundin Die Störung ist behoben.', rootId: 't10', parentId: 't10', replyKind: 'answer' });
    const [resolved] = await tracker.observe(reply, at(90));
    expect(resolved?.title).toBe('Beschwerde von @kundin nach 1 h 30 min beantwortet (twitter, SLA 1 h)');
    expect(resolved?.examples.map((e) => e.text)).toEqual(['@telvana_hilft Seit gestern kein Internet!']);
  });
});

describe('unanswered alert: names and handles', () => {
  it('a Facebook commenter is named by their name (no handle), never "Kunde"', () => {
    const karin = message('facebook:c1', T0, 'Schon wieder teurer?! Stadtwerke Lindenau, bitte melden.', { authorName: 'Karin Beispiel' });
    const alert = renderAlert(overdue(telvana, 'facebook', 'page_comment', karin, 240), telvana, plus(T0, 241));
    expect(alert.title).toBe('Beschwerde von Karin Beispiel seit 4 h 1 min unbeantwortet (facebook, SLA 4 h)');
    expect(alert.examples[0]?.author).toBe('Karin Beispiel');
  });

  it('a name given as a handle gets no "@" ("Complaint from Jane Reader"), a handle on X does', () => {
    const jane = message('blog:L5', T0, 'Northgate still has not fixed the billing error. Shocking.', { author: 'Jane Reader' });
    expect(renderAlert(overdue(northgate, 'blog', 'blog_comment', jane, 1440), northgate, plus(T0, 1500)).title).toMatch(/^Complaint from Jane Reader unanswered/u);
    const onX = message('twitter:L2', T0, '@northgate_care my broadband is down', { author: 'live_ben', authorName: 'Ben Live' });
    expect(renderAlert(overdue(northgate, 'twitter', 'post', onX), northgate, plus(T0, 61)).title).toMatch(/^Complaint from @live_ben unanswered/u);
    // An id in the handle field of a page comment is shown as it is: Facebook has no @-names.
    const fbId = message('facebook:L3', T0, 'Eure Abschlagsrechnung ist falsch!', { author: 'fb_live_c' });
    expect(renderAlert(overdue(lindenau, 'facebook', 'page_comment', fbId, 240), lindenau, plus(T0, 241)).title).toMatch(/^Beschwerde von fb_live_c seit/u);
  });

  it('with nothing known about the author it still says "Kunde" / "customer"', () => {
    const anon = message('webhook:x1', T0, 'Wo bleibt meine Erstattung?', {});
    expect(renderAlert(overdue(telvana, 'webhook', 'post', { ...anon, authorId: 'x' }), telvana, plus(T0, 61)).title).toMatch(/^Beschwerde von Kunde seit/u);
  });
});

describe('unanswered alert: waiting time in calendar time, business time beside it', () => {
  // Monday 1 June 2026, 08:00 in Berlin; fourteen calendar days later it is Monday again, ten business days on.
  const monday = '2026-06-01T06:00:00.000Z';
  const later = plus(monday, 14 * 24 * 60);

  it('de: "seit 14 Tagen unbeantwortet (10 Arbeitstage; …)", not "seit 4 Tagen"', () => {
    const k1 = message('twitter:k1', monday, '@lindenau Zählerstand falsch abgerechnet', { author: 'kunde_k1' });
    const alert = renderAlert(overdue(lindenau, 'twitter', 'post', k1), lindenau, later);
    expect(alert.title).toBe('Beschwerde von @kunde_k1 seit 14 Tagen unbeantwortet (10 Arbeitstage; twitter, SLA 1 h)');
    // The SLA's clock is unchanged: business minutes, ten days of ten hours.
    expect(alert.evidence).toMatchObject({ waitedMinutes: 6000, waitedCalendarMinutes: 14 * 24 * 60, slaMinutes: 60 });
  });

  it('en: "unanswered for 14 days (10 business days; …)"', () => {
    const k1 = message('twitter:k1', monday, '@lindenau meter reading billed wrong', { author: 'kunde_k1' });
    expect(renderAlert(overdue(lindenauEn, 'twitter', 'post', k1), lindenauEn, later).title).toBe(
      'Complaint from @kunde_k1 unanswered for 14 days (10 business days; twitter, SLA 1 h)',
    );
  });

  it('under two business days the business time is given in hours, said to be business hours', () => {
    // Friday 17:30 to Monday 08:31 in Berlin: 61 business minutes, almost three calendar days.
    const friday = '2026-06-12T15:30:00.000Z';
    const f1 = message('twitter:f1', friday, '@lindenau Rechnung doppelt abgebucht!', { author: 'kunde' });
    const monday08 = new Date('2026-06-15T06:31:00Z');
    expect(renderAlert(overdue(lindenau, 'twitter', 'post', f1), lindenau, monday08).title).toBe(
      'Beschwerde von @kunde seit 3 Tagen unbeantwortet (1 h 1 min in Geschäftszeiten; twitter, SLA 1 h)',
    );
    expect(renderAlert(overdue(lindenauEn, 'twitter', 'post', f1), lindenauEn, monday08).title).toBe(
      'Complaint from @kunde unanswered for 3 days (1 h 1 min in business hours; twitter, SLA 1 h)',
    );
  });

  it('an answered alert of a brand with business hours gives both clocks; without the messages only the business one, said so', () => {
    const friday = '2026-06-12T15:30:00.000Z';
    const f1 = message('twitter:f1', friday, '@lindenau Rechnung doppelt abgebucht!', { author: 'kunde' });
    const answerAt = new Date('2026-06-15T07:00:00Z'); // Monday 09:00 in Berlin: 90 business minutes
    const withMessages = renderAlert(answered(overdue(lindenau, 'twitter', 'post', f1), answerAt, 90), lindenau, answerAt, { answered: [f1] });
    expect(withMessages.title).toBe('Beschwerde von @kunde nach 3 Tagen beantwortet (1 h 30 min in Geschäftszeiten; twitter, SLA 1 h)');
    const without = renderAlert(answered(overdue(lindenau, 'twitter', 'post', f1), answerAt, 90), lindenau, answerAt);
    expect(without.title).toBe('Beschwerde von Kunde nach 1 h 30 min in Geschäftszeiten beantwortet (twitter, SLA 1 h)');
  });

  it('an SLA of days is said in the nominative ("SLA 2 Tage")', () => {
    const b1 = message('rss:b1', T0, 'Seit Wochen keine Antwort auf meine Beschwerde.', { authorName: 'Leser' });
    expect(renderAlert(overdue(telvana, 'rss', 'blog_comment', b1, 2880), telvana, plus(T0, 3000)).title).toBe(
      'Beschwerde von Leser seit 2 Tagen unbeantwortet (Blogkommentar, SLA 2 Tage)',
    );
  });
});

describe('unanswered alert: a long wait known only in business time', () => {
  it('is said in the dative after "nach" ("nach 3 Arbeitstagen beantwortet")', () => {
    const k1 = message('twitter:k1', '2026-06-01T06:00:00.000Z', '@lindenau Zählerstand falsch', { author: 'kunde_k1' });
    const answerAt = new Date('2026-06-04T06:00:00Z');
    const t = answered(overdue(lindenau, 'twitter', 'post', k1), answerAt, 1800);
    expect(renderAlert(t, lindenau, answerAt).title).toBe('Beschwerde von Kunde nach 3 Arbeitstagen beantwortet (twitter, SLA 1 h)');
  });
});

describe('an open alert\'s title as of now', () => {
  it('says the wait until now, in both languages, and leaves other titles alone (QA: "seit 5 h 35 min" for 14 days)', async () => {
    const { titleWaitingNow } = await import('../../../classifiers/unanswered-alert.ts');
    const de = { id: 'db', name: 'DB', query: 'DB', accounts: [], language: 'de' as const };
    const en = { ...de, language: 'en' as const };
    expect(titleWaitingNow('Beschwerde von @kundin seit 5 h 35 min unbeantwortet (twitter, SLA 1 h)', 20_160, 20_160, de)).toBe('Beschwerde von @kundin seit 14 Tagen unbeantwortet (twitter, SLA 1 h)');
    expect(titleWaitingNow('Complaint from @anna unanswered for 1 h (twitter, SLA 1 h)', 180, 180, en)).toBe('Complaint from @anna unanswered for 3 h (twitter, SLA 1 h)');
    expect(titleWaitingNow('Rückfrage an @kundin gestellt, wartet auf Kunde (twitter)', 500, 500, de)).toBe('Rückfrage an @kundin gestellt, wartet auf Kunde (twitter)');
  });
});
