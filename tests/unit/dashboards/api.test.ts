/**
 * REST API over the embedded store: parameter validation, search, threads, histogram, alerts lifecycle,
 * the unanswered queue, the shitstorm radar, saved searches, sources and brands.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newBaseline } from '../../../classifiers/shitstorm-baseline.ts';
import { shitstormNamespace } from '../../../classifiers/shitstorm-state.ts';
import { createApp } from '../../../dashboards/app.ts';
import type { Alert } from '../../../src/model.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import type { Store } from '../../../src/store/port.ts';
import { demoConfig, seedDashboardStore, serve, type Served } from './fixtures.ts';

const NOW = new Date('2026-11-30T12:00:00Z');

let dir: string;
let store: Store;
let server: Served;
const acknowledged: string[] = [];

async function get(pathAndQuery: string): Promise<{ status: number; body: any }> {
  const res = await fetch(server.url + pathAndQuery);
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
}

async function send(method: string, pathAndQuery: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(server.url + pathAndQuery, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kundenradar-dash-'));
  store = await openSqliteStore(path.join(dir, 'store.db'));
  await seedDashboardStore(store, NOW);
  const base = (await import('../../../dashboards/routes/alerts.ts')).storeAlertActions(store, () => NOW);
  const app = createApp({
    store,
    config: demoConfig(),
    secrets: {},
    now: () => NOW,
    sourceStatus: () => [
      { name: 'twitter', type: 'twitter', itemsTotal: 120, itemsPerMinute: 3, quarantined: 1, lastSuccessAt: NOW.toISOString() },
      { name: 'replay', type: 'replay', itemsTotal: 40, itemsPerMinute: 0, quarantined: 0 },
    ],
    // Stands in for src/alerts: records the call, then applies the transition.
    alertActions: {
      acknowledge: async (id) => {
        acknowledged.push(id);
        return base.acknowledge(id);
      },
      resolve: (id) => base.resolve(id),
    },
  });
  server = await serve(app);
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/mentions', () => {
  it('finds German posts by full text, with facets over all matches', async () => {
    const { status, body } = await get('/api/mentions?q=Paket&facets=brands,sentiments');
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.hits.map((h: any) => h.mention.id)).toContain('twitter:100');
    expect(body.facets.brands).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'flinkpost' })]));
  });

  it('reads the search syntax: OR, -word, NOT word, word*', async () => {
    const ids = async (q: string): Promise<string[]> => {
      const { status, body } = await get(`/api/mentions?size=200&q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      return body.hits.map((h: any) => h.mention.id).sort();
    };
    const paket = await ids('Paket');
    const tarif = await ids('Tarif');
    expect(paket).toContain('twitter:300');
    expect(tarif.length).toBeGreaterThan(0);
    expect(await ids('Paket OR Tarif')).toEqual([...paket, ...tarif].sort());
    expect(await ids('Paket -Hotline')).toEqual(paket.filter((id) => id !== 'twitter:300'));
    const all = (await get('/api/mentions?size=1')).body.total;
    expect((await get('/api/mentions?q=NOT%20Paket')).body.total).toBe(all - paket.length);
    expect(await ids('Glasfaser*')).toEqual(['blogs:501']);
  });

  it('answers search text it cannot honour with 400 naming q, also when saving a search', async () => {
    const { status, body } = await get('/api/mentions?q=Paket%20OR');
    expect(status).toBe(400);
    expect(body.issues.join('\n')).toMatch(/^q: .*OR needs a word or phrase on both sides/);
    const saved = await send('POST', '/api/saved-searches', { name: 'kaputt', params: { q: 'Fu*k' } });
    expect(saved.status).toBe(400);
  });

  it('filters by brand (repeated or comma-separated), complaint and language', async () => {
    const english = await get('/api/mentions?lang=en&complaint=true');
    expect(english.body.hits.map((h: any) => h.mention.id)).toEqual(['twitter:200']);
    const both = await get('/api/mentions?brand=flinkpost,netzwerk-nord&size=200');
    const repeated = await get('/api/mentions?brand=flinkpost&brand=netzwerk-nord&size=200');
    expect(both.body.total).toBe(repeated.body.total);
    const nord = await get('/api/mentions?brand=netzwerk-nord&size=200');
    expect(nord.body.hits.every((h: any) => h.mention.brands.includes('netzwerk-nord'))).toBe(true);
    expect(nord.body.total).toBeLessThan(both.body.total);
  });

  it('pages through results and sorts oldest first on request', async () => {
    const first = await get('/api/mentions?size=5&page=0&sort=oldest');
    const second = await get('/api/mentions?size=5&page=1&sort=oldest');
    expect(first.body.hits).toHaveLength(5);
    const times = [...first.body.hits, ...second.body.hits].map((h: any) => h.mention.createdAt);
    expect([...times].sort()).toEqual(times);
    expect(new Set([...first.body.hits, ...second.body.hits].map((h: any) => h.mention.id)).size).toBe(10);
  });

  it.each([
    ['size=0', 'size'],
    ['size=500', 'size'],
    ['size=0x10', 'size'],
    ['size=1e2', 'size'],
    ['size=2.0', 'size'],
    ['page=-1', 'page'],
    ['sort=random', 'sort'],
    ['lang=fr', 'lang'],
    ['complaint=yes', 'complaint'],
    ['sentiment=angry', 'sentiment'],
    ['intent=refund', 'intent'],
    ['from=yesterday', 'from'],
    // Shaped like a date but not one: must be a 400, not a RangeError from toISOString (500).
    ['from=2026-13-45', 'from'],
    ['to=2026-02-31', 'to'],
    ['from=2026-11-30&to=2026-11-01', 'to'],
    ['facets=authors', 'facets'],
    ['brnad=flinkpost', 'brnad'],
    ['q=a&q=b', 'q'],
  ])('rejects %s with 400 naming the parameter', async (query, field) => {
    const { status, body } = await get(`/api/mentions?${query}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(/invalid query parameters/);
    expect(body.issues.join(' ')).toContain(field);
  });

  it('accepts plain dates and ISO timestamps as bounds', async () => {
    const byDate = await get('/api/mentions?from=2026-11-30&to=2026-12-01&size=200');
    const byTime = await get('/api/mentions?from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00%2B00:00&size=200');
    expect(byDate.status).toBe(200);
    expect(byDate.body.total).toBe(byTime.body.total);
    expect(byDate.body.hits.every((h: any) => h.mention.createdAt >= '2026-11-30')).toBe(true);
  });
});

describe('mentions and threads by id', () => {
  it('returns one mention by its id, ":" and all', async () => {
    const { status, body } = await get(`/api/mentions/${encodeURIComponent('twitter:200')}`);
    expect(status).toBe(200);
    expect(body.author.handle).toBe('anna_uk');
  });

  it('answers 404 for unknown mentions and threads', async () => {
    expect((await get('/api/mentions/twitter:nope')).status).toBe(404);
    expect((await get('/api/threads/twitter:nope')).status).toBe(404);
  });

  it('returns a thread oldest first, brand replies included', async () => {
    const { body } = await get('/api/threads/twitter:100');
    expect(body.posts.map((m: any) => m.id)).toEqual(['twitter:100', 'twitter:101']);
    expect(body.posts[1].replyKind).toBe('auto_reply');
  });
});

describe('GET /api/stats/histogram', () => {
  it('counts posts, complaints and negatives per bucket within the range', async () => {
    const { status, body } = await get('/api/stats/histogram?interval=1h&brand=flinkpost&from=2026-11-30T09:00:00Z&to=2026-11-30T12:00:00Z');
    expect(status).toBe(200);
    expect(body.buckets.map((b: any) => b.start)).toEqual(['2026-11-30T09:00:00.000Z', '2026-11-30T10:00:00.000Z', '2026-11-30T11:00:00.000Z']);
    const last = body.buckets[2];
    expect(last.count).toBeGreaterThanOrEqual(8);
    expect(last.complaints).toBe(last.negative);
  });

  it('rejects unknown intervals and ranges the store cannot bucket', async () => {
    expect((await get('/api/stats/histogram?interval=1y')).status).toBe(400);
    const tooMany = await get('/api/stats/histogram?interval=5m&from=2000-01-01&to=2026-01-01');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatch(/buckets/);
  });
});

describe('alerts', () => {
  it('lists alerts filtered by kind, status and brand', async () => {
    const { body } = await get('/api/alerts?kind=unanswered&status=open&brand=flinkpost');
    expect(body.alerts.map((a: Alert) => a.id).sort()).toEqual(['unanswered:flinkpost:twitter:100', 'unanswered:flinkpost:twitter:200']);
    expect((await get('/api/alerts?status=closed')).status).toBe(400);
    expect((await get('/api/alerts?limit=0')).status).toBe(400);
  });

  it('pages on with after=<updatedAt>|<id> of the last alert shown, and refuses a malformed cursor', async () => {
    const all = (await get('/api/alerts?limit=500')).body.alerts as Alert[];
    expect(all.length).toBeGreaterThan(2);
    const first = (await get('/api/alerts?limit=2')).body.alerts as Alert[];
    const last = first.at(-1)!;
    const next = (await get(`/api/alerts?limit=2&after=${encodeURIComponent(`${last.updatedAt}|${last.id}`)}`)).body.alerts as Alert[];
    expect([...first, ...next].map((a) => a.id)).toEqual(all.slice(0, first.length + next.length).map((a) => a.id));
    const bad = await get('/api/alerts?after=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.issues.join(' ')).toContain('after: the last alert of the page before');
  });

  it('acknowledges through the injected lifecycle, idempotently', async () => {
    const id = encodeURIComponent('unanswered:flinkpost:twitter:200');
    const first = await send('POST', `/api/alerts/${id}/ack`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'acknowledged', acknowledgedAt: NOW.toISOString() });
    const again = await send('POST', `/api/alerts/${id}/ack`);
    expect(again.body.status).toBe('acknowledged');
    expect(acknowledged).toEqual(['unanswered:flinkpost:twitter:200']);
    expect((await get(`/api/alerts/${id}`)).body.status).toBe('acknowledged');
  });

  it('resolves, and refuses to acknowledge a resolved alert', async () => {
    const id = encodeURIComponent('complaint:netzwerk-nord:old');
    expect((await send('POST', `/api/alerts/${id}/ack`)).status).toBe(409);
    const shitstorm = encodeURIComponent('shitstorm:flinkpost:1');
    const resolved = await send('POST', `/api/alerts/${shitstorm}/resolve`);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedAt: NOW.toISOString() });
    expect(resolved.body.revision).toBe(1);
  });

  it('answers 404 for unknown alerts', async () => {
    expect((await send('POST', '/api/alerts/nope/ack')).status).toBe(404);
    expect((await send('POST', '/api/alerts/nope/resolve')).status).toBe(404);
    expect((await get('/api/alerts/nope')).status).toBe(404);
  });
});

describe('GET /api/unanswered', () => {
  it('sorts open unanswered alerts by SLA breach, with waited time and brand reply kinds', async () => {
    const { body } = await get('/api/unanswered');
    // twitter:200 was acknowledged above, so it has left the queue.
    expect(body.items.map((i: any) => i.alertId)).toEqual(['unanswered:flinkpost:twitter:100', 'unanswered:netzwerk-nord:twitter:300']);
    const [worst, fresh] = body.items;
    expect(worst).toMatchObject({ waitedMinutes: 180, slaMinutes: 60, overdueMinutes: 120, rootId: 'twitter:100' });
    expect(worst.brandReplies.map((r: any) => r.kind)).toEqual(['auto_reply']);
    expect(worst.threadUrl).toBe('https://example.org/twitter/100');
    // No evidence on this one: root, SLA (config twitter: 60) and waiting time come from the thread.
    expect(fresh).toMatchObject({ rootId: 'twitter:300', waitedMinutes: 20, slaMinutes: 60, overdueMinutes: -40, brandReplies: [] });
    expect(fresh.waiting.text).toContain('Hotline nicht erreichbar');
  });

  it('measures waiting on the data clock when detectors run on event time (replays)', async () => {
    const config = demoConfig();
    config.detect = { ...config.detect, clock: 'event' };
    // The wall clock is a year later: only the newest post (5 minutes before NOW) may count as "now".
    const replay = await serve(createApp({ store, config, secrets: {}, now: () => new Date('2027-11-30T12:00:00Z') }));
    try {
      const body = (await (await fetch(`${replay.url}/api/unanswered`)).json()) as { now: string; items: Array<{ alertId: string; waitedMinutes: number }> };
      expect(body.now).toBe('2026-11-30T11:55:00.000Z');
      expect(body.items[0]).toMatchObject({ alertId: 'unanswered:flinkpost:twitter:100', waitedMinutes: 175 });
    } finally {
      await replay.close();
    }
  });

  it('answers 503 with Retry-After, not 500, while the store cannot be reached', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9200'), { name: 'ConnectionError' });
    const unreachable = Object.assign(Object.create(store) as typeof store, { search: async () => Promise.reject(down) });
    const served = await serve(createApp({ store: unreachable, config: demoConfig(), secrets: {} }));
    try {
      const res = await fetch(`${served.url}/api/mentions?size=1`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('10');
    } finally {
      await served.close();
    }
  });

  it('refuses an unknown brand id with the ids there are, instead of answering "0 found"', async () => {
    for (const path of ['/api/unanswered?brand=Netzwerk-Nord', '/api/mentions?brand=netzwerk-nord,nobody']) {
      const { status, body } = await get(path);
      expect(status, path).toBe(400);
      expect((body as { issues: string[] }).issues[0]).toMatch(/^brand: unknown brand id "(Netzwerk-Nord|nobody)"; brand ids are .*netzwerk-nord/);
    }
  });

  it('filters by brand', async () => {
    const { body } = await get('/api/unanswered?brand=netzwerk-nord');
    expect(body.items.map((i: any) => i.brand)).toEqual(['netzwerk-nord']);
  });
});

describe('GET /api/shitstorm', () => {
  it('shows the burst against its expected volume, with negativity and the alert evidence', async () => {
    const { status, body } = await get('/api/shitstorm?interval=1h&brand=flinkpost');
    expect(status).toBe(200);
    const [brand] = body.brands;
    expect(brand.name).toBe('Flinkpost');
    // The range ends with the current, still open hour (12:00, empty at exactly NOW); the burst filled 11:00.
    expect(brand.points.at(-1).start).toBe('2026-11-30T12:00:00.000Z');
    const last = brand.points.find((p: any) => p.start === '2026-11-30T11:00:00.000Z');
    expect(last.count).toBeGreaterThan(last.expected * 3);
    expect(last.negativeShare).toBeGreaterThan(0.8);
    expect(brand.alerts[0]).toMatchObject({ id: 'shitstorm:flinkpost:1', evidence: { count: 14 } });
  });

  it.each([
    ['/api/shitstorm?from=2026-11-30T12:00:00Z&to=2026-11-30T10:00:00Z', 'to: must be after from'],
    ['/api/shitstorm?interval=5m&from=2026-11-30T10:00:00Z&to=2026-11-30T10:00:00Z', 'to: must be after from'],
    // Offsets count: 12:00+01:00 is 11:00Z, after 10:30Z.
    ['/api/shitstorm?from=2026-11-30T12:00:00%2B01:00&to=2026-11-30T10:30:00Z', 'to: must be after from'],
    ['/api/stats/histogram?from=2026-11-30T12:00:00Z&to=2026-11-30T10:00:00Z', 'to: must be after from'],
    ['/api/mentions?from=2026-11-30T12:00:00Z&to=2026-11-30T10:00:00Z', 'to: must be after from'],
    // Only `from`, past the default end of the range (the end of the current hour): not an empty chart.
    ['/api/shitstorm?from=2026-12-05', 'from: must be before to (to defaults to the end of the current interval, 2026-11-30T13:00:00.000Z)'],
  ])('rejects a reversed or empty range with 400: %s', async (url, issue) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.error).toMatch(/^invalid query parameters/);
    expect(body.issues).toEqual([issue]);
  });

  it("draws the detector's baseline as the expectation where the detector has one, else the trailing mean, said so", async () => {
    // A baseline that has learned 10 posts for every hour of the week (what shitstorm-state.ts stores).
    const flat = { ...newBaseline(), hoursSeen: 200, level: 10, hod: new Array<number>(24).fill(10), hodN: new Array<number>(24).fill(5) };
    const baseline = { ...flat, how: new Array<number>(168).fill(10), howN: new Array<number>(168).fill(3) };
    await store.putState(shitstormNamespace('flinkpost'), 'baseline', { baseline, firstAt: 0 });
    try {
      const { body } = await get('/api/shitstorm?interval=1h');
      const [flinkpost, nord] = body.brands;
      expect(flinkpost.expectation).toBe('detector');
      // The burst hour against what the detector expected of it, not against a mean that already holds the burst.
      const burst = flinkpost.points.find((p: any) => p.start === '2026-11-30T11:00:00.000Z');
      expect(burst.baseline).toBe(10);
      expect(flinkpost.points.every((p: any) => p.baseline === 10)).toBe(true);
      const days = await get('/api/shitstorm?interval=1d&brand=flinkpost');
      expect(days.body.brands[0].points[0].baseline).toBe(240);
      expect(nord.expectation).toBe('trailing');
      expect(nord.points.every((p: any) => p.baseline === null && typeof p.expected === 'number')).toBe(true);
    } finally {
      await store.deleteState(shitstormNamespace('flinkpost'), 'baseline');
    }
  });

  it('covers every configured brand by default', async () => {
    const { body } = await get('/api/shitstorm');
    expect(body.brands.map((b: any) => b.brand)).toEqual(['flinkpost', 'netzwerk-nord']);
    expect(body.brands[0].points).toHaveLength(168);
  });
});

describe('saved searches', () => {
  it('saves, lists and deletes searches in the store state', async () => {
    const created = await send('POST', '/api/saved-searches', { name: 'Lieferprobleme', params: { q: 'Paket', complaint: 'true', brand: ['flinkpost'] } });
    expect(created.status).toBe(201);
    expect(await store.getState('saved-search', created.body.id)).toMatchObject({ name: 'Lieferprobleme' });
    const listed = await get('/api/saved-searches');
    expect(listed.body.savedSearches.map((s: any) => s.name)).toContain('Lieferprobleme');
    expect((await send('DELETE', `/api/saved-searches/${created.body.id}`)).status).toBe(204);
    expect((await send('DELETE', `/api/saved-searches/${created.body.id}`)).status).toBe(404);
    expect((await get('/api/saved-searches')).body.savedSearches).toEqual([]);
  });

  it('takes JSON true and numbers as the query string would say them', async () => {
    const created = await send('POST', '/api/saved-searches', { name: 'Beschwerden', params: { complaint: true, size: 50 } });
    expect(created.status).toBe(201);
    expect(created.body.params).toEqual({ complaint: 'true', size: '50' });
    expect((await send('DELETE', `/api/saved-searches/${created.body.id}`)).status).toBe(204);
  });

  it('rejects a search the search API would reject, and malformed JSON', async () => {
    const bad = await send('POST', '/api/saved-searches', { name: 'kaputt', params: { size: '9999' } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.join(' ')).toContain('size');
    expect((await send('POST', '/api/saved-searches', { params: {} })).status).toBe(400);
    const res = await fetch(`${server.url}/api/saved-searches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(res.status).toBe(400);
  });

  it('refuses a brand name where the search API wants an id, listing the ids, as GET /api/mentions does', async () => {
    for (const brand of ['Flinkpost', ['flinkpost', 'Netzwerk Nord'], 'flinkpost,nordbahn']) {
      const bad = await send('POST', '/api/saved-searches', { name: 'Bahn', params: { brand } });
      expect(bad.status, JSON.stringify(brand)).toBe(400);
      expect(bad.body.issues.join(' ')).toMatch(/brand: unknown brand id ".+"; brand ids are flinkpost, netzwerk-nord/);
    }
    expect((await get('/api/mentions?brand=Flinkpost')).status).toBe(400);
    expect((await get('/api/saved-searches')).body.savedSearches).toEqual([]);
  });

  it('refuses a second search of the same name (ignoring case) with 409 and keeps the first', async () => {
    const first = await send('POST', '/api/saved-searches', { name: 'Hotline-Suche', params: { q: 'Hotline' } });
    expect(first.status).toBe(201);
    for (const name of ['Hotline-Suche', ' hotline-suche ']) {
      const again = await send('POST', '/api/saved-searches', { name, params: { q: 'Warteschleife' } });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatch(/a saved search named "Hotline-Suche" exists/);
    }
    expect((await get('/api/saved-searches')).body.savedSearches).toEqual([expect.objectContaining({ name: 'Hotline-Suche', params: { q: 'Hotline' } })]);
    expect((await send('DELETE', `/api/saved-searches/${first.body.id}`)).status).toBe(204);
  });

  it('refuses a body that is not UTF-8 (400) or not JSON at all (415), instead of storing U+FFFD or misreporting', async () => {
    const invalid = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff]), Buffer.from('","params":{}}')]);
    const res = await fetch(`${server.url}/api/saved-searches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: invalid });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'body is not valid UTF-8' });
    const plain = await fetch(`${server.url}/api/saved-searches`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"name":"x","params":{}}' });
    expect(plain.status).toBe(415);
    expect((await get('/api/saved-searches')).body.savedSearches).toEqual([]);
  });
});

describe('sources and brands', () => {
  it('lists configured sources with live status and reporting-only sources', async () => {
    const { body } = await get('/api/sources');
    expect(body.sources.map((s: any) => [s.name, s.configured])).toEqual([
      ['twitter', true],
      ['blogs', true],
      ['replay', false],
    ]);
    expect(body.sources[0].status.itemsTotal).toBe(120);
    expect(body.sources[1].status).toBeUndefined();
  });

  it('lists brands with their effective SLAs', async () => {
    const { body } = await get('/api/brands');
    expect(body.brands.map((b: any) => b.id)).toEqual(['flinkpost', 'netzwerk-nord']);
    expect(body.brands[0].slaMinutes.twitter).toBe(60);
    expect(body.brands[1].slaMinutes.rss).toBe(1440);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const { status, body } = await get('/api/nothing');
    expect(status).toBe(404);
    expect(body.error).toContain('/api/nothing');
  });
});

describe('metrics and static files', () => {
  it('serves Prometheus metrics on /metrics', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toContain('process_cpu_user_seconds_total');
  });

  it('answers a missing static file with 404 and no path on disk', async () => {
    const { status, body } = await get('/static/nope.js');
    expect(status).toBe(404);
    expect(JSON.stringify(body)).not.toMatch(/ENOENT|dashboards/);
  });
});
