/**
 * Filters by complaint severity and channel on /api/mentions, and the CSV export /api/mentions.csv: the same
 * filters and search text, RFC 4180 quoting, a byte order mark for Excel, formula cells defused, 10,000 rows at most.
 * The export's HTTP specs are shared with the Elasticsearch run (mentions-csv.cases.ts); here they run on SQLite.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MentionSearchParams, parseInput, searchQueryFrom } from '../../../dashboards/params.ts';
import { csvCell, mentionsCsv } from '../../../src/mentions-csv.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import { dashboardHarness } from './harness.ts';
import { mentionsCsvSuite, trickyPosts } from './mentions-csv.cases.ts';

const harness = dashboardHarness('kundenradar-csv-');

async function seedTrickyPosts(): Promise<void> {
  await harness.store.upsertMentions(trickyPosts(new Date()));
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

mentionsCsvSuite('sqlite', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'kundenradar-csv-store-'));
  const store = await openSqliteStore(path.join(dir, 'store.db'));
  return {
    store,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('CSV cells and the export limit', () => {
  it('defuses = + - @ tab and CR at the start of a cell, and quotes commas', () => {
    expect(['=1+2', '+49 170', '-5', '@SUM(A1)', '\tx', 'a=b', 'x,y'].map(csvCell)).toEqual(["'=1+2", "'+49 170", "'-5", "'@SUM(A1)", "'\tx", 'a=b', '"x,y"']);
  });

  it('an export with a small limit stops at it and still reads every page before that', async () => {
    const csv = await mentionsCsv(harness.store, { brands: ['flinkpost'], sort: 'oldest' }, 3);
    let text = '';
    for await (const chunk of csv.chunks) text += chunk;
    expect(csv.truncated).toBe(true);
    expect(text.split('\r\n').filter((l) => l.length > 0)).toHaveLength(4);
  });
});
