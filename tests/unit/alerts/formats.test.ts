import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeSlack } from '../../../src/alerts/escape.ts';
import { DISCORD_LIMITS, formatDiscord } from '../../../src/alerts/formats/discord.ts';
import { formatGeneric } from '../../../src/alerts/formats/generic.ts';
import { formatMattermost } from '../../../src/alerts/formats/mattermost.ts';
import { formatSlack } from '../../../src/alerts/formats/slack.ts';
import { formatTeams } from '../../../src/alerts/formats/teams.ts';
import { viewAlert } from '../../../src/alerts/wording.ts';
import { makeAlert } from './helpers.ts';

const hostile = makeAlert({
  id: 'shitstorm:db:2026-03-02',
  kind: 'shitstorm',
  severity: 'critical',
  evidence: { windowMinutes: 60, observed: 412, expected: 35.5, observedNegative: 300, expectedNegative: 12.5, negativityShare: 0.82, topTerms: ['verspätung', 'ice'], windowStart: '2026-03-02T08:00:00.000Z' },
  examples: [
    { id: 'twitter:1', text: '@channel <!here> @everyone *fett* [Hier klicken](https://evil.example) <https://evil.example|db.de>\n# Überschrift', url: 'https://x.com/a/status/1', author: '@a', createdAt: '2026-03-02T08:00:00Z' },
    { id: 'twitter:2', text: 'Schon wieder Verspätung 😡 #bahnchaos', url: 'https://x.com/b/status/2', createdAt: '2026-03-02T08:01:00Z' },
    { id: 'twitter:3', text: 'Third', url: 'https://x.com/c/status/3', createdAt: '2026-03-02T08:02:00Z' },
    { id: 'twitter:4', text: 'Fourth is never shown', createdAt: '2026-03-02T08:03:00Z' },
  ],
});
// The model refuses non-http(s) links at the boundary; the formats must still neutralise one that reaches them
// some other way, so it is planted after validation.
hostile.examples[1]!.url = 'javascript:alert(1)';
const de = viewAlert(hostile, { lang: 'de', publicUrl: 'https://radar.example.com/', brandName: 'Deutsche Bahn' });
const en = viewAlert(makeAlert(), { lang: 'en', publicUrl: 'https://radar.example.com', brandName: 'Deutsche Bahn' });

describe('message wording', () => {
  it('says what happened, for which brand, how severe, with the numbers, in German and English', () => {
    expect(de.headline).toBe('Kritisch · Shitstorm: Deutsche Bahn');
    // Below critical it is a suspicion.
    expect(viewAlert(makeAlert({ kind: 'shitstorm', severity: 'warning' }), { lang: 'de', brandName: 'Deutsche Bahn' }).headline).toBe('Warnung · Shitstorm-Verdacht: Deutsche Bahn');
    expect(viewAlert(makeAlert({ kind: 'shitstorm', severity: 'watch' }), { lang: 'en', brandName: 'Deutsche Bahn' }).headline).toBe('Watch · Possible shitstorm: Deutsche Bahn');
    expect(de.summary).toBe('300 negative Beiträge in 60 Minuten, erwartet waren 12,5.');
    expect(de.facts).toEqual(
      expect.arrayContaining([
        { label: 'Anteil negativ', value: '0,82' },
        { label: 'Marke', value: 'Deutsche Bahn' },
        { label: 'Beiträge (beobachtet)', value: '412' },
        { label: 'Häufige Begriffe', value: 'verspätung, ice' },
      ]),
    );
    expect(de.facts.length).toBeLessThanOrEqual(10);
    expect(de.facts.map((f) => f.value)).not.toContain('2026-03-02T08:00:00.000Z'); // internal fields stay out
    expect(en.headline).toBe('Warning · Unanswered complaint: Deutsche Bahn');
    expect(en.summary).toBe('Waiting 2 h for a reply (SLA 1 h).');
    expect(en.dashboardUrl).toBe('https://radar.example.com/alerts/unanswered%3Adb%3Atwitter%3A1001');
  });

  it('a storm message with every figure the detector writes keeps what it is about, who, since when, and who is on it', () => {
    // The evidence keys of classifiers/shitstorm-alert.ts windowEvidence: the 10-field cap used to cut top terms,
    // authors and onset in favour of figures the summary already states.
    const storm = makeAlert({
      id: 'shitstorm:db:2026-03-02',
      kind: 'shitstorm',
      severity: 'critical',
      status: 'acknowledged',
      evidence: {
        windowMinutes: 60, windowStart: '2026-03-02T08:00:00.000Z', onsetAt: '2026-03-02T08:05:00.000Z', observed: 412, expected: 35.5,
        observedNegative: 300, observedNegativeSpread: 280, topThreadNegatives: 20, expectedNegative: 12.5, ratio: 24, score: 41.2, peakRatio: 24,
        negativityShare: 0.82, baselineNegativityShare: 0.3, distinctAuthors: 250, negativeAuthors: 230, topAuthorShare: 0.02, threads: 40,
        sources: ['twitter', 'facebook'], reshares: 12, shareCount: 80, topTerms: ['verspätung', 'ice'], newAuthorNegatives: 150,
        expectedNewAuthorNegatives: 4, newAuthorScore: 30, trigger: 'all', acknowledgedBy: 'lena',
      },
    });
    const view = viewAlert(storm, { lang: 'de', brandName: 'Deutsche Bahn', timeZone: 'Europe/Berlin' });
    const labels = view.facts.map((f) => f.label);
    expect(view.facts.length).toBeLessThanOrEqual(10);
    expect(view.facts).toEqual(
      expect.arrayContaining([
        { label: 'Häufige Begriffe', value: 'verspätung, ice' },
        { label: 'Verschiedene Autor:innen', value: '250' },
        { label: 'Beginn', value: '02.03.26, 09:05 MEZ' },
        { label: 'Bestätigt von', value: 'lena' },
        { label: 'Status', value: 'bestätigt' },
      ]),
    );
    // Stated by the summary, not repeated.
    expect(view.summary).toBe('300 negative Beiträge in 60 Minuten, erwartet waren 12,5.');
    expect(labels).not.toContain('Negativ (beobachtet)');
    expect(labels).not.toContain('Zeitfenster (Min.)');
    expect(viewAlert(storm, { lang: 'en' }).facts).toEqual(expect.arrayContaining([{ label: 'Started', value: '02/03/2026, 08:05 UTC' }]));
  });

  it('keeps 1 to 3 example posts and drops links that are not http(s)', () => {
    expect(de.examples).toHaveLength(3);
    expect(de.examples[1]?.url).toBeUndefined();
    expect(de.examples[0]?.url).toBe('https://x.com/a/status/1');
  });

  it('says a storm judged without a baseline has none, instead of quoting an expectation', () => {
    const noBaseline = makeAlert({
      id: 'shitstorm:db:2026-03-02',
      kind: 'shitstorm',
      severity: 'watch',
      title: 'Shitstorm-Verdacht: Deutsche Bahn: 42 negative Erwähnungen von 40 Personen in 30 min, 70 % negativ (noch keine Vergleichswerte)',
      evidence: { windowMinutes: 30, observed: 60, observedNegative: 42, negativityShare: 0.7, baselineHours: 0 },
    });
    const view = viewAlert(noBaseline, { lang: 'de', brandName: 'Deutsche Bahn' });
    expect(view.summary).toBe('42 negative Beiträge in 30 Minuten; für diese Marke gibt es noch keine Vergleichswerte.');
    expect(view.facts.map((f) => f.label)).not.toContain('Erwartung aus erst (Std.)');
    expect(viewAlert(noBaseline, { lang: 'en' }).summary).toBe('42 negative posts in 30 minutes; there is no baseline for this brand yet.');
    // A young baseline of a few hours is still named with its age.
    const young = viewAlert(makeAlert({ kind: 'shitstorm', evidence: { windowMinutes: 30, observedNegative: 42, expectedNegative: 3, baselineHours: 5 } }), { lang: 'en' });
    expect(young.facts).toEqual(expect.arrayContaining([{ label: 'Expectation from only (h)', value: '5' }]));
  });

  it('says an unanswered wait in calendar time, business time beside it, and "answered after" once answered', () => {
    const open = makeAlert({ evidence: { waitedMinutes: 1200, waitedCalendarMinutes: 20160, slaMinutes: 480, state: 'awaiting_brand' } });
    expect(viewAlert(open, { lang: 'de' }).summary).toBe('Wartet seit 14 Tagen auf eine Antwort (SLA 8 h; 20 h davon in Geschäftszeiten).');
    expect(viewAlert(open, { lang: 'en' }).summary).toBe('Waiting 14 days for a reply (SLA 8 h; 20 h of it in business hours).');
    const answered = makeAlert({ status: 'resolved', evidence: { waitedMinutes: 90, slaMinutes: 60, state: 'answered' } });
    expect(viewAlert(answered, { lang: 'de' }).summary).toBe('Nach 1 h 30 min beantwortet (SLA 1 h).');
    expect(viewAlert(answered, { lang: 'en' }).summary).toBe('Answered after 1 h 30 min (SLA 1 h).');
    // Closed without an answer (the thread expired): no "waiting" and no "answered", the title says what happened.
    const expired = makeAlert({ status: 'resolved', title: 'Beschwerde von @kundin seit 14 Tagen unbeantwortet (twitter, SLA 1 h)', evidence: { waitedMinutes: 20160, slaMinutes: 60, state: 'awaiting_brand', resolution: 'expired' } });
    expect(viewAlert(expired, { lang: 'de' }).summary).toBe('Beschwerde von @kundin seit 14 Tagen unbeantwortet (twitter, SLA 1 h)');
  });

  it('marks acknowledged and resolved updates', () => {
    expect(viewAlert(makeAlert({ status: 'resolved' }), { lang: 'de' }).headline).toBe('Erledigt · Warnung · Unbeantwortete Beschwerde: db');
    expect(viewAlert(makeAlert({ status: 'acknowledged' }), { lang: 'en' }).headline).toBe('Acknowledged · Warning · Unanswered complaint: db');
  });
});

describe('escaping', () => {
  it('Slack: &, < and > become entities, so <!channel> and <url|label> lose their meaning', () => {
    expect(escapeSlack('<!channel> & <https://evil|ok>')).toBe('&lt;!channel&gt; &amp; &lt;https://evil|ok&gt;');
  });
  it('Markdown: links, emphasis, headings are escaped and @everyone/@here/@channel/@all defused', () => {
    const out = escapeMarkdown('[x](https://evil) *b* @everyone @Here\n# h\n- item');
    expect(out).toBe('\\[x\\]\\(https://evil\\) \\*b\\* @\u200Beveryone @\u200BHere\n\\# h\n\\- item');
    expect(escapeMarkdown('1. Punkt\n12.5 Euro\nE-Mail #1')).toBe('1\\. Punkt\n12.5 Euro\nE-Mail #1');
  });
});

describe('Slack Block Kit', () => {
  const payload = formatSlack([de]);
  it('has a text fallback and header/section/context blocks within limits', () => {
    expect(payload.text).toContain('Kritisch · Shitstorm: Deutsche Bahn');
    expect(payload.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: de.headline, emoji: true } });
    for (const b of payload.blocks) expect(['header', 'section', 'context', 'divider']).toContain(b.type);
    const section = payload.blocks[1];
    expect(section?.type === 'section' && section.fields?.length).toBeLessThanOrEqual(10);
    expect(payload.blocks.length).toBeLessThanOrEqual(50);
  });
  it('puts post text only into plain_text and links posts with our own label', () => {
    const json = JSON.stringify(payload);
    const postBlocks = payload.blocks.filter((b) => b.type === 'section' && b.text.text.includes('@channel'));
    expect(postBlocks).toHaveLength(1);
    expect(postBlocks[0]?.type === 'section' && postBlocks[0].text.type).toBe('plain_text');
    expect(json).toContain('<https://x.com/a/status/1|Beitrag öffnen>');
    expect(json).toContain('<https://radar.example.com/alerts/shitstorm%3Adb%3A2026-03-02|Im Dashboard öffnen>');
    expect(json).not.toContain('javascript:');
    expect(payload.text).not.toMatch(/<!/);
  });
  it('groups several alerts into one digest message', () => {
    const digest = formatSlack([de, viewAlert(makeAlert(), { lang: 'de' })]);
    expect(digest.blocks[0]).toMatchObject({ type: 'header', text: { text: '2 Alarme' } });
    expect(digest.blocks.filter((b) => b.type === 'divider')).toHaveLength(1);
  });
});

describe('Teams Adaptive Card', () => {
  const payload = formatTeams([de]);
  it('is a Workflows message with one Adaptive Card attachment', () => {
    expect(payload.type).toBe('message');
    expect(payload.attachments).toHaveLength(1);
    const card = payload.attachments[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(card.content.body.map((e) => e.type)).toEqual(expect.arrayContaining(['RichTextBlock', 'FactSet', 'Container']));
    expect(card.content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Im Dashboard öffnen', url: de.dashboardUrl }]);
  });
  it('carries post text only in TextRuns (no markdown) and opens posts via Action.OpenUrl', () => {
    const containers = payload.attachments[0]!.content.body.filter((e) => e.type === 'Container');
    expect(containers).toHaveLength(3);
    const first = containers[0] as unknown as { items: Array<{ type: string; inlines?: Array<{ type: string; text: string }>; actions?: unknown[] }> };
    expect(first.items[0]?.type).toBe('RichTextBlock');
    expect(first.items[0]?.inlines?.[0]).toMatchObject({ type: 'TextRun' });
    expect(first.items[0]?.inlines?.[0]?.text).toContain('[Hier klicken](https://evil.example)');
    expect(first.items[1]).toEqual({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Beitrag öffnen', url: 'https://x.com/a/status/1' }] });
    const textBlocks = JSON.stringify(payload.attachments[0]!.content.body.filter((e) => e.type === 'TextBlock'));
    expect(textBlocks).not.toContain('evil');
  });
});

describe('Mattermost', () => {
  const payload = formatMattermost([de]);
  it('sends markdown text and Slack-style attachments with colour and fields', () => {
    expect(payload.text.startsWith('#### ')).toBe(true);
    const a = payload.attachments[0]!;
    expect(a).toMatchObject({ color: '#d40e0d', title_link: de.dashboardUrl });
    expect(a.fields.length).toBeGreaterThan(2);
    expect(a.fields.every((f) => typeof f.title === 'string' && typeof f.value === 'string' && f.short)).toBe(true);
  });
  it('quotes and escapes post text: no pings, no foreign links, no headings', () => {
    const text = payload.attachments[0]!.text;
    expect(text).toContain('> @\u200Bchannel');
    expect(text).toContain('@\u200Beveryone');
    expect(text).toContain('\\[Hier klicken\\]\\(https://evil.example\\)');
    expect(text).toContain('> \\# Überschrift');
    expect(text).toContain('[Beitrag öffnen](https://x.com/a/status/1)');
    expect(text).not.toMatch(/(^|[^\\])\[Hier/);
  });
  it('pings no user named in a post, its author or the title, but leaves link targets intact', () => {
    const view = viewAlert(
      makeAlert({
        status: 'resolved',
        title: 'Beschwerde von @kundin seit 14 Tagen unbeantwortet',
        evidence: { waitedMinutes: 20160, slaMinutes: 60, resolution: 'expired' },
        examples: [{ id: 'mastodon:1', text: '@lena.m und @DB_Bahn: immer noch nichts', author: '@kundin', url: 'https://social.example/@kundin/1', createdAt: '2026-03-02T07:00:00Z' }],
      }),
      { lang: 'de' },
    );
    const a = formatMattermost([view]).attachments[0]!;
    const shown = [a.text.replace(/\]\([^)]*\)/g, ']'), a.title, a.fallback, ...a.fields.map((f) => f.value)].join('\n');
    expect(shown).not.toMatch(/@[\p{L}\p{N}_.-]/u);
    expect(a.text).toContain('@\u200Blena.m und @\u200BDB\\_Bahn');
    expect(a.text).toContain('— @\u200Bkundin');
    expect(a.text).toContain('(https://social.example/@kundin/1)');
    expect(a.fallback).toContain('Beschwerde von @\u200Bkundin');
  });
  it('keeps the notification fallback plain text: no markdown escapes, but no pings either', () => {
    const view = viewAlert(makeAlert({ severity: 'critical', evidence: { waitedMinutes: 310, slaMinutes: 60 } }), { lang: 'de', brandName: '@channel *DB* (Fernverkehr)' });
    const fallback = formatMattermost([view]).attachments[0]!.fallback;
    expect(fallback).toBe('Kritisch · Unbeantwortete Beschwerde: @\u200Bchannel *DB* (Fernverkehr): Wartet seit 5 h 10 min auf eine Antwort (SLA 1 h).');
    expect(fallback).not.toContain('\\');
  });
});

describe('Discord', () => {
  it('sends content and embeds, with every mention disabled', () => {
    const p = formatDiscord([de]);
    expect(p.allowed_mentions).toEqual({ parse: [] });
    expect(p.embeds).toHaveLength(1);
    expect(p.embeds[0]).toMatchObject({ url: de.dashboardUrl, color: 0xd40e0d });
    expect(p.embeds[0]!.description).toContain('\\[Hier klicken\\]');
    expect(p.embeds[0]!.description).toContain('[Beitrag öffnen](https://x.com/a/status/1)');
  });

  it('stays within Discord limits for a large digest of long posts', () => {
    const long = 'Wörter '.repeat(285); // the model keeps example texts at 2000 characters
    const views = Array.from({ length: 14 }, (_, i) =>
      viewAlert(makeAlert({ id: `a${i}`, title: 'T'.repeat(400), examples: [1, 2, 3].map((n) => ({ id: `twitter:${i}${n}`, text: long, createdAt: '2026-03-02T08:00:00Z' })) }), { lang: 'de' }),
    );
    const p = formatDiscord(views);
    expect(formatDiscord([views[0]!]).embeds[0]!.description.length).toBeLessThanOrEqual(4096);
    expect(p.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
    expect(p.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    let total = 0;
    for (const e of p.embeds) {
      expect(e.title.length).toBeLessThanOrEqual(256);
      expect(e.description.length).toBeLessThanOrEqual(4096);
      expect(e.fields.length).toBeLessThanOrEqual(25);
      for (const f of e.fields) {
        expect(f.name.length).toBeLessThanOrEqual(256);
        expect(f.value.length).toBeLessThanOrEqual(1024);
      }
      total += e.title.length + e.description.length + e.footer.text.length + e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    }
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.total);
    expect(p.content).toMatch(/weitere/);
  });
});

describe('generic JSON', () => {
  it('uses the Standard Webhooks payload shape with the full alert', () => {
    const p = formatGeneric([en], 'siem', '2026-03-02T09:00:00.000Z');
    expect(p).toMatchObject({ type: 'alert.opened', timestamp: '2026-03-02T09:00:00.000Z', data: { route: 'siem', language: 'en' } });
    expect(p.data.alerts[0]?.alert.id).toBe('unanswered:db:twitter:1001');
    expect(formatGeneric([viewAlert(makeAlert({ revision: 3, status: 'resolved' }), { lang: 'en' })], 's', 'x').type).toBe('alert.resolved');
    expect(formatGeneric([en, de], 's', 'x').type).toBe('alert.digest');
  });
});

describe('digests', () => {
  // The QA case: 20 alerts, the critical ones enqueued last (a digest keeps creation order).
  const severities = [...Array<'watch'>(6).fill('watch'), ...Array<'warning'>(10).fill('warning'), ...Array<'critical'>(4).fill('critical')];
  const alerts = severities.map((severity, i) => makeAlert({ id: `complaint:db:${i}`, kind: i % 2 ? 'complaint' : 'unanswered', severity }));
  const views = (publicUrl?: string) => alerts.map((a) => viewAlert(a, { lang: 'de', brandName: 'Deutsche Bahn', ...(publicUrl ? { publicUrl } : {}) }));
  const linked = views('https://radar.example.com/');
  const list = 'https://radar.example.com/alerts?brand=db';

  /** "… und N weitere (a kritisch, b Warnung, c Beobachten)": N, and the counts, which must add up to N. */
  function counted(line: string): { hidden: number; counts: Record<string, number> } {
    const m = /… und (\d+) weitere \\?\(([^)\\]*)\\?\)/.exec(line);
    if (!m) throw new Error(`no "more" line in ${line}`);
    const counts = Object.fromEntries(m[2]!.split(', ').map((part) => [part.split(' ')[1]!, Number(part.split(' ')[0])]));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(Number(m[1]));
    return { hidden: Number(m[1]), counts };
  }

  it('Slack names the critical alerts first and links the rest to the alert list, counted by severity', () => {
    const p = formatSlack(linked);
    const headlines = p.blocks.filter((b) => b.type === 'section' && b.text.type === 'mrkdwn').map((b) => (b.type === 'section' ? b.text.text : ''));
    expect(headlines.slice(0, 4).every((h) => h.startsWith('*Kritisch'))).toBe(true);
    expect(p.blocks.length).toBeLessThanOrEqual(50);
    const last = JSON.stringify(p.blocks.at(-1));
    expect(last).toContain(`<${list}|… und`);
    const { hidden } = counted(last);
    expect(hidden + headlines.length).toBe(20);
    expect(p.text.indexOf('Kritisch')).toBeLessThan(p.text.indexOf('Warnung'));
  });

  it('Teams shows the most severe ten and a linked, counted line for the rest', () => {
    const body = formatTeams(linked).attachments[0]!.content.body;
    const shown = body.filter((e) => e.type === 'Container').map((c) => JSON.stringify(c));
    expect(shown).toHaveLength(10);
    expect(shown.slice(0, 4).every((c) => c.includes('Kritisch ·'))).toBe(true);
    expect(shown.slice(4).every((c) => c.includes('Warnung ·'))).toBe(true);
    const more = body.at(-1) as unknown as { text: string };
    expect(more.text).toBe(`[… und 10 weitere (4 Warnung, 6 Beobachten)](${list})`);
  });

  it('Discord and Mattermost put the critical alerts first and count every left-out alert', () => {
    const d = formatDiscord(linked);
    expect(d.embeds.slice(0, 4).every((e) => e.title.startsWith('Kritisch'))).toBe(true);
    const line = d.content.split('\n')[1]!;
    expect(line).toMatch(new RegExp(`^\\[… und \\d+ weitere .*\\]\\(${list.replace(/[.?]/g, '\\$&')}\\)$`));
    expect(counted(line).hidden + d.embeds.length).toBe(20);

    const many = [...views('https://radar.example.com'), ...views('https://radar.example.com').map((v) => ({ ...v, alert: { ...v.alert, id: `${v.alert.id}x` } }))];
    const m = formatMattermost(many);
    expect(m.attachments).toHaveLength(20);
    expect(m.attachments.slice(0, 8).every((a) => a.fallback.startsWith('Kritisch'))).toBe(true);
    expect(counted(m.text).counts).toEqual({ Warnung: 8, Beobachten: 12 });
    expect(m.text).toContain(`](${list})`);
  });

  it('filters the link by kind too when every alert shares it, and has no link without publicUrl', () => {
    const sameKind = alerts.map((a) => viewAlert({ ...a, kind: 'complaint' }, { lang: 'en', publicUrl: 'https://radar.example.com' }));
    expect(JSON.stringify(formatTeams(sameKind).attachments[0]!.content.body.at(-1))).toContain('](https://radar.example.com/alerts?brand=db&kind=complaint)');
    expect((formatTeams(sameKind).attachments[0]!.content.body.at(-1) as unknown as { text: string }).text).toMatch(/^\[… and 10 more \(4 warning, 6 watch\)\]/);
    const bare = formatTeams(views()).attachments[0]!.content.body.at(-1) as unknown as { text: string };
    expect(bare.text).toBe('… und 10 weitere (4 Warnung, 6 Beobachten)');
  });
});
