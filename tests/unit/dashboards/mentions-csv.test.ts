/**
 * Filters by complaint severity and channel on /api/mentions, and the CSV export /api/mentions.csv: the same
 * filters and search text, RFC 4180 quoting, a byte order mark for Excel, formula cells defused, 10,000 rows at most.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../dashboards/app.ts';
import { MentionSearchParams, parseInput, searchQueryFrom } from '../../../dashboards/params.ts';
import { csvCell, mentionsCsv } from '../../../src/mentions-csv.ts';
import { Classified } from '../../../src/model.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import { dashboardHarness } from './harness.ts';
import { demoConfig, post, serve } from './fixtures.ts';

const harness = dashboardHarness('kundenradar-csv-');

const HEADER = 'id,createdAt,source,channel,brands,author,lang,complaint,severity,sentiment,intents,text,url';

/** A post as the harness's fixtures write it, with its own severity and channel. */
function classified(spec: Parameters<typeof post>[0], extra: { severity?: number; channel?: Classified['channel'] } = {}): Classified {
  const m = post(spec, new Date());
  return Classified.parse({
    ...m,
    ...(extra.channel ? { channel: extra.channel } : {}),
    complaint: { ...m.complaint, severity: extra.severity ?? m.complaint.severity },
  });
}

async function seedTrickyPosts(): Promise<void> {
  await harness.store.upsertMentions([
    classified(
      { id: 'csv-quote', brand: 'flinkpost', minutesAgo: 7, text: 'Paket "zugestellt", sagt ihr?\nBei mir: nichts. Größte Frechheit!', cues: ['Frechheit'], intents: ['delivery'] },
      { severity: 3, channel: 'page_comment' },
    ),
    classified({ id: 'csv-formula', brand: 'flinkpost', minutesAgo: 8, text: '=HYPERLINK("http://evil.example","Paket")', cues: ['Paket'] }, { severity: 4, channel: 'review' }),
    classified({ id: 'csv-at', brand: 'flinkpost', minutesAgo: 9, author: '@kathi', text: '@flinkpost -5 € Gutschrift? +1 für die Idee', cues: ['Gutschrift'] }, { severity: 1 }),
  ]);
}

async function getCsv(url: string, query: string): Promise<{ status: number; headers: Headers; bytes: Buffer; text: string; rows: string[] }> {
  const res = await fetch(`${url}/api/mentions.csv?${query}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  // Rows end in CRLF; a line break inside a quoted cell is a bare LF (the post's own).
  return { status: res.status, headers: res.headers, bytes, text, rows: text.replace(/^\uFEFF/, '').split('\r\n').slice(0, -1) };
}

describe('severity and channel filters on /api/mentions', () => {
  it('filters by severity (repeated or comma list) and channel, and counts both as facets', async () => {
    await seedTrickyPosts();
    const { url } = await harness.start();
    const res = await fetch(`${url}/api/mentions?severity=3,4&channel=page_comment&channel=review&facets=severities,channels`);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.hits.map((h: { mention: { id: string } }) => h.mention.id).sort()).toEqual(['twitter:csv-formula', 'twitter:csv-quote']);
    expect(body.facets.severities).toEqual([{ value: '3', count: 1 }, { value: '4', count: 1 }]);
    expect(body.facets.channels).toEqual([{ value: 'page_comment', count: 1 }, { value: 'review', count: 1 }]);
    const none = await (await fetch(`${url}/api/mentions?severity=0&complaint=true`)).json();
    expect(none.total).toBe(0);
  });

  it.each([
    ['severity=5', /^severity\[0\]: complaint severities 0 to 4 \(0 = no complaint/],
    ['severity=high', /^severity\[0\]: complaint severities 0 to 4/],
    ['severity=2,-1', /^severity\[1\]: complaint severities 0 to 4/],
    ['channel=tweet', /^channel\[0\]: channels: post, reply, page_comment, blog_post, blog_comment, review, news/],
    ['facets=severity', /^facets\[0\]: /],
  ])('answers %s with 400 naming the parameter and the values it takes, on the search and on the CSV', async (query, issue) => {
    const { url } = await harness.start();
    for (const path of ['/api/mentions', '/api/mentions.csv', '/api/stats/histogram']) {
      if (path !== '/api/mentions' && query.startsWith('facets')) continue;
      const res = await fetch(`${url}${path}?${query}`);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.issues.join('\n')).toMatch(issue);
    }
  });

  it('reads severity and channel into the store query; saved searches keep them', async () => {
    const query = searchQueryFrom(parseInput(MentionSearchParams, { severity: ['3', '4'], channel: 'reply,review' }));
    expect([query.severities, query.channels]).toEqual([[3, 4], ['reply', 'review']]);
    const { url } = await harness.start();
    const saved = await fetch(`${url}/api/saved-searches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Anschuldigungen', params: { severity: '3,4', channel: 'page_comment' } }),
    });
    expect(saved.status).toBe(201);
    const wrong = await fetch(`${url}/api/saved-searches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'kaputt', params: { severity: '9' } }),
    });
    expect(wrong.status).toBe(400);
  });
});

describe('GET /api/mentions.csv', () => {
  it('starts with a UTF-8 byte order mark and the header, one CRLF row per match, as an attachment', async () => {
    const { url } = await harness.start();
    const all = await (await fetch(`${url}/api/mentions?size=1`)).json();
    const csv = await getCsv(url, '');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="kundenradar-\d{4}-\d\d-\d\d\.csv"$/);
    expect(csv.headers.get('x-kundenradar-truncated')).toBeNull();
    expect(csv.headers.get('x-kundenradar-total')).toBe(String(all.total));
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.rows[0]).toBe(HEADER);
    expect(csv.rows).toHaveLength(all.total + 1);
    expect(csv.text).toContain('Lieferung von Flinkpost heute super pünktlich');
  });

  it('quotes cells with quotes, commas and line breaks (RFC 4180) and keeps umlauts', async () => {
    await seedTrickyPosts();
    const { url } = await harness.start();
    const csv = await getCsv(url, 'severity=3&channel=page_comment');
    expect(csv.rows).toHaveLength(2);
    const [id, createdAt, ...rest] = (csv.rows[1] ?? '').split(',');
    expect(id).toBe('twitter:csv-quote');
    expect(Date.parse(createdAt ?? '')).not.toBeNaN();
    expect(rest.join(',')).toBe(
      'twitter,page_comment,flinkpost,kunde_csv-quote,de,true,3,negative,delivery,"Paket ""zugestellt"", sagt ihr?\nBei mir: nichts. Größte Frechheit!",https://example.org/twitter/csv-quote',
    );
  });

  it('defuses cells a spreadsheet would run as a formula (= + - @) with a leading single quote', async () => {
    await seedTrickyPosts();
    const { url } = await harness.start();
    const formula = await getCsv(url, 'severity=4');
    expect(formula.rows[1]).toContain(`,"'=HYPERLINK(""http://evil.example"",""Paket"")",`);
    const at = await getCsv(url, 'severity=1');
    // The author handle and the text both start with @; the - and + inside the text are left alone.
    expect(at.rows[1]).toContain(",'@kathi,");
    expect(at.rows[1]).toContain(",'@flinkpost -5 € Gutschrift? +1 für die Idee,");
    expect(['=1+2', '+49 170', '-5', '@SUM(A1)', '\tx', 'a=b', 'x,y'].map(csvCell)).toEqual(["'=1+2", "'+49 170", "'-5", "'@SUM(A1)", "'\tx", 'a=b', '"x,y"']);
  });

  it('applies the search text, the filters and the order of the search', async () => {
    const { url } = await harness.start();
    const search = await (await fetch(`${url}/api/mentions?q=Paket&brand=flinkpost&complaint=true&sort=oldest&size=200`)).json();
    const csv = await getCsv(url, 'q=Paket&brand=flinkpost&complaint=true&sort=oldest');
    expect(csv.rows.slice(1).map((r) => r.slice(0, r.indexOf(',')))).toEqual(search.hits.map((h: { mention: { id: string } }) => h.mention.id));
    expect(search.total).toBeGreaterThan(0);
    const refused = await fetch(`${url}/api/mentions.csv?q=Paket%20OR`);
    expect(refused.status).toBe(400);
    const unknownBrand = await fetch(`${url}/api/mentions.csv?brand=nosuch`);
    expect(unknownBrand.status).toBe(400);
    const paged = await fetch(`${url}/api/mentions.csv?page=2`);
    expect(((await paged.json()) as { issues: string[] }).issues.join()).toMatch(/unknown field\(s\) page/);
  });

  it('holds 10,000 rows at most and says so in X-Kundenradar-Truncated', async () => {
    const store = await openSqliteStore(':memory:');
    const now = new Date();
    const posts = Array.from({ length: 10_003 }, (_, i) => post({ id: `bulk-${i}`, brand: 'flinkpost', minutesAgo: i, text: `Beitrag ${i}` }, now));
    await store.upsertMentions(posts);
    const served = await serve(createApp({ store, config: demoConfig(), secrets: {} }));
    try {
      const capped = await getCsv(served.url, '');
      expect(capped.headers.get('x-kundenradar-truncated')).toBe('true');
      expect(capped.headers.get('x-kundenradar-total')).toBe('10003');
      expect(capped.rows).toHaveLength(10_001);
      const ids = capped.rows.slice(1).map((r) => r.slice(0, r.indexOf(',')));
      expect(new Set(ids).size).toBe(10_000);
      expect(ids[0]).toBe('twitter:bulk-0');
      expect(ids.at(-1)).toBe('twitter:bulk-9999');
      const under = await getCsv(served.url, 'q=42');
      expect(under.headers.get('x-kundenradar-truncated')).toBeNull();
    } finally {
      await served.close();
      await store.close();
    }
  }, 60_000);

  it('an export with a small limit stops at it and still reads every page before that', async () => {
    const csv = await mentionsCsv(harness.store, { brands: ['flinkpost'], sort: 'oldest' }, 3);
    let text = '';
    for await (const chunk of csv.chunks) text += chunk;
    expect(csv.truncated).toBe(true);
    expect(text.split('\r\n').filter((l) => l.length > 0)).toHaveLength(4);
  });
});
