import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refuseWrittenSources, sourcesRefusedByWebhook } from '../../../ingestors/source-names.ts';
import { createIngestRouter } from '../../../ingestors/webhook.ts';
import { AppConfig } from '../../../src/config.ts';
import { collector, hasLog, makeContext, type TestContext } from './helpers.ts';

const TOKEN = 'ingest-token-0123456789';
const mention = (id: string, extra: Record<string, unknown> = {}) => ({
  id: `review:${id}`,
  source: 'review',
  author: { id: 'u1', name: 'Ömer' },
  text: 'Lieferung kam nie an, Hotline nicht erreichbar.',
  createdAt: '2026-11-30T08:00:00+01:00',
  thread: { rootId: `review:${id}` },
  channel: 'review',
  ...extra,
});

describe('POST /api/ingest', () => {
  let server: Server;
  let url: string;
  let t: TestContext;
  let out: ReturnType<typeof collector>;
  let parked: Array<{ reason: string; raw: unknown }>;

  async function start(token: string | undefined): Promise<void> {
    t = makeContext();
    out = collector();
    parked = [];
    const app = express();
    app.use(createIngestRouter({ emit: out.emit, token, maxBodyBytes: 4096, maxItems: 5, quarantine: async (reason, raw) => void parked.push({ reason, raw }), log: t.context.log }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ingest`;
  }
  beforeEach(() => start(TOKEN));
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const send = (body: unknown, token: string | null = TOKEN, contentType = 'application/json') =>
    fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('accepts one mention and acknowledges it after emit', async () => {
    const res = await send(mention('1'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, rejected: [] });
    expect(out.mentions[0]).toMatchObject({ id: 'review:1', createdAt: '2026-11-30T07:00:00.000Z', author: { isBrand: false }, metrics: { likes: 0, shares: 0, replies: 0 } });
  });

  it('reports per-item errors with 207 when mixed; unknown fields are rejected per item and parked', async () => {
    const res = await send([mention('1'), mention('2', { colour: 'red' }), { ...mention('3'), text: '' }, mention('4')]);
    expect(res.status).toBe(207);
    const body = (await res.json()) as { accepted: number; rejected: Array<{ index: number; errors: string[] }> };
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 2]);
    expect(body.rejected[0]?.errors).toEqual(['(root): unknown field(s) colour']);
    expect(body.rejected[1]?.errors.join()).toMatch(/^text:/);
    expect(out.ids()).toEqual(['review:1', 'review:4']);
    expect(parked.map((p) => p.reason)).toEqual([expect.stringMatching(/^ingest item 1 rejected: .*colour/), expect.stringMatching(/^ingest item 2 rejected: text:/)]);
    expect(hasLog(t.logs, 'POST /api/ingest rejected items')).toBe(true);
  });

  it('takes each id once per request and refuses blank text, so "accepted" counts what is stored', async () => {
    const res = await send([mention('1'), { ...mention('1'), text: 'zweite Fassung' }, { ...mention('2'), text: '   ' }, { ...mention('3'), text: '\u200b\u200b' }]);
    expect(res.status).toBe(207);
    const body = (await res.json()) as { accepted: number; rejected: Array<{ index: number; errors: string[] }> };
    expect(body.accepted).toBe(1);
    expect(body.rejected).toEqual([
      { index: 1, errors: ['id: same id as item 0; send each post once'] },
      { index: 2, errors: ['text: text is blank (only spaces or invisible characters)'] },
      { index: 3, errors: ['text: text is blank (only spaces or invisible characters)'] },
    ]);
    expect(out.ids()).toEqual(['review:1']);
  });

  it('stores text without control and bidi-override characters, and a lone surrogate as U+FFFD', async () => {
    // QA live run: U+202E reversed the rest of a chat alert's example, and a NUL was stored as given.
    const text = 'Stadtwerke \u202eknalb\u202c ABZOCKE\u0000 \ud800 ok \u0007 👍';
    const res = await send([mention('1', { text }), mention('2', { text: '\u0000\u202e ' })]);
    expect(res.status).toBe(207);
    expect(out.mentions.map((m) => m.text)).toEqual(['Stadtwerke knalb ABZOCKE \ufffd ok  👍']);
    const body = (await res.json()) as { rejected: Array<{ index: number; errors: string[] }> };
    expect(body.rejected).toEqual([{ index: 1, errors: ['text: text is blank (only spaces or invisible characters)'] }]);
  });

  it('cleans author fields as text, and drops soft hyphens and zero-width spaces, which hid "Funkwelle" from brand and search (QA round 6)', async () => {
    const res = await send([
      mention('1', { author: { id: 'u\u0000-1', handle: 'evil\u202eliam', name: 'Eve\u001b[31m' }, text: 'Funk\u00adwelle und Funk\u200bwelle: kein Netz \ufeff👨\u200d👩\u200d👧' }),
      mention('2', { author: { id: '\u0000\u202e' } }),
    ]);
    expect(res.status).toBe(207);
    expect(out.mentions.map((m) => [m.author, m.text])).toEqual([
      [{ id: 'u-1', handle: 'evilliam', name: 'Eve[31m', isBrand: false }, 'Funkwelle und Funkwelle: kein Netz 👨\u200d👩\u200d👧'],
    ]);
    const body = (await res.json()) as { rejected: Array<{ index: number; errors: string[] }> };
    expect(body.rejected).toEqual([{ index: 1, errors: ['author.id: an id with visible characters'] }]);
  });

  it('refuses times no post can have: far in the future (it would move the event clock) or before 1990', async () => {
    const res = await send([mention('1', { createdAt: '9999-11-29T11:30:00Z' }), mention('2', { createdAt: '1970-01-01T00:00:00Z' }), mention('3')]);
    expect(res.status).toBe(207);
    const body = (await res.json()) as { accepted: number; rejected: Array<{ index: number; errors: string[] }> };
    expect(body.rejected).toEqual([
      { index: 0, errors: ['createdAt: 9999-11-29T11:30:00.000Z lies more than a day in the future'] },
      { index: 1, errors: ['createdAt: 1970-01-01T00:00:00.000Z is before 1990, most likely a misread date'] },
    ]);
    expect(out.ids()).toEqual(['review:3']);
  });

  it("refuses a post whose id names another source, so a push cannot overwrite that source's posts", async () => {
    const res = await send([mention('1', { id: 'demo:1' }), mention('2')]);
    expect(res.status).toBe(207);
    const body = (await res.json()) as { rejected: Array<{ index: number; errors: string[] }> };
    expect(body.rejected).toEqual([{ index: 0, errors: ['id: must start with "review:" (its source), got "demo:1"'] }]);
    expect(out.ids()).toEqual(['review:2']);
  });

  it("refuses a post that names another ingestor's source in both id and source (QA: demo:1 and X posts were rewritten), and parks it with the reason", async () => {
    const foreign = ['demo', 'twitter', 'facebook', 'rss', 'csv', 'germeval'].map((source) => mention('1', { id: `${source}:1`, source, thread: { rootId: `${source}:1` } }));
    const res = await send([...foreign.slice(0, 4), mention('2')]);
    expect(res.status).toBe(207);
    const body = (await res.json()) as { rejected: Array<{ index: number; errors: string[] }> };
    expect(body.rejected.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(body.rejected[0]?.errors).toEqual(['source: "demo" is written by an ingestor of this server; a push may not replace its posts (choose another source name, or list it in ingest.webhookSources)']);
    expect(out.ids()).toEqual(['review:2']);
    expect(parked.map((p) => p.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/^ingest item 1 rejected: source: "twitter" is written by an ingestor/)]));
    expect((await send(foreign.slice(4))).status).toBe(422);
  });

  it('refuses a post from a month the store\'s retention deletes, instead of answering "accepted" and dropping it later (QA ops)', async () => {
    const app = express();
    app.use(createIngestRouter({ emit: out.emit, token: TOKEN, quarantine: async () => undefined, log: t.context.log, retentionDays: 365 }));
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
    const res = await postTo(app, [mention('1', { createdAt: old }), mention('2')]);
    expect(res.status).toBe(207);
    const body = (await res.json()) as { rejected: Array<{ index: number; errors: string[] }> };
    expect(body.rejected).toEqual([{ index: 0, errors: [expect.stringMatching(/in a month that store.retentionDays \(365\) deletes/)] }]);
    expect(out.ids()).toEqual(['review:2']);
    // Without a retention (the embedded store keeps everything) the same post is taken.
    expect((await send(mention('3', { createdAt: old }))).status).toBe(200);
  });

  it('refuses the sources a configuration names and takes those it allows in ingest.webhookSources', async () => {
    const config = AppConfig.parse({ sources: [{ type: 'replay', name: 'history' }], ingest: { webhookSources: ['twitter'] } });
    const refused = sourcesRefusedByWebhook(config);
    expect([...refused].sort()).toEqual(['csv', 'demo', 'facebook', 'germeval', 'history', 'json', 'replay', 'rss']);
    const app = express();
    app.use(createIngestRouter({ emit: out.emit, token: TOKEN, quarantine: async () => undefined, log: t.context.log, refusedSources: refused }));
    const post = (source: string) => mention('5', { id: `${source}:5`, source, thread: { rootId: `${source}:5` } });
    const res = await postTo(app, [post('twitter'), post('history'), post('review')]);
    expect(res.status).toBe(207);
    expect(((await res.json()) as { rejected: Array<{ index: number }> }).rejected.map((r) => r.index)).toEqual([1]);
    expect(out.ids()).toEqual(['twitter:5', 'review:5']);
  });

  it('refuses the sources the ingestors have written since, such as the own `source` of replayed mention lines (QA round 6)', async () => {
    const config = AppConfig.parse({ sources: [{ type: 'replay', name: 'history' }], ingest: { webhookSources: ['shop'] } });
    const refused = sourcesRefusedByWebhook(config);
    const noteWritten = refuseWrittenSources(refused, config);
    const app = express();
    app.use(createIngestRouter({ emit: out.emit, token: TOKEN, quarantine: async () => undefined, log: t.context.log, refusedSources: refused }));
    const post = (source: string) => mention('7', { id: `${source}:7`, source, thread: { rootId: `${source}:7` } });
    expect((await postTo(app, [post('replayqa')])).status).toBe(200);
    noteWritten([{ source: 'replayqa' }, { source: 'shop' }]);
    const res = await postTo(app, [post('replayqa'), post('shop'), post('review')]);
    expect(res.status).toBe(207);
    expect(((await res.json()) as { rejected: Array<{ index: number; errors: string[] }> }).rejected).toEqual([
      { index: 0, errors: [expect.stringMatching(/^source: "replayqa" is written by an ingestor of this server/)] },
    ]);
  });

  it("refuses a pushed post in another source's thread or in the space of an unknown brand, and stamps its own ingestedAt (QA round 6)", async () => {
    const app = express();
    app.use(createIngestRouter({ emit: out.emit, token: TOKEN, quarantine: async () => undefined, log: t.context.log, brandIds: new Set(['funkwelle']) }));
    const res = await postTo(app, [
      mention('1', { author: { id: 'care', isBrand: true }, thread: { rootId: 'twitter:99', parentId: 'twitter:99' } }),
      mention('2', { thread: { rootId: 'review:1', parentId: 'rss:5' } }),
      mention('3', { brandContext: ['<script>', 'funkwelle'] }),
      mention('4', { brandContext: ['funkwelle'], ingestedAt: '1970-01-02T00:00:00Z' }),
    ]);
    expect(res.status).toBe(207);
    expect(((await res.json()) as { rejected: Array<{ index: number; errors: string[] }> }).rejected).toEqual([
      { index: 0, errors: ['thread.rootId: must be a post of the same source ("review:…"), got "twitter:99"', 'thread.parentId: must be a post of the same source ("review:…"), got "twitter:99"'] },
      { index: 1, errors: ['thread.parentId: must be a post of the same source ("review:…"), got "rss:5"'] },
      { index: 2, errors: ['brandContext: "<script>" is no configured brand id'] },
    ]);
    expect(out.ids()).toEqual(['review:4']);
    expect(Date.parse(out.mentions[0]?.ingestedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers 400 "empty body" for a JSON request without a body, not 415 (QA round 6)', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'empty body: send a Mention or an array of Mentions as JSON' });
    expect((await send('  ', TOKEN, 'application/json; charset=utf-8')).status).toBe(400);
  });

  it('answers 400 for JSON nested far deeper than a post, before anything tries to read it recursively', async () => {
    const deep = `{"id":"hook:dd","extra":${'['.repeat(1500)}${']'.repeat(1500)}}`;
    const res = await send(deep);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'JSON nested deeper than 32 levels' });
    expect(parked).toHaveLength(0);
    expect(out.mentions).toHaveLength(0);
  });

  it('answers 422 when every item is rejected', async () => {
    const res = await send([{ id: 'nope' }]);
    expect(res.status).toBe(422);
    expect(out.mentions).toHaveLength(0);
  });

  it('refuses a missing or wrong token with 401, compared in constant time', async () => {
    expect((await send(mention('1'), null)).status).toBe(401);
    expect((await send(mention('1'), 'wrong-token-0123456789')).status).toBe(401);
    expect((await send(mention('1'), TOKEN.slice(0, -1))).status).toBe(401);
    expect(out.mentions).toHaveLength(0);
    expect(hasLog(t.logs, 'POST /api/ingest with a missing or wrong bearer token')).toBe(true);
  });

  it('answers 400 with the parser message for broken JSON, 413 for a large body, 415 for other types, 400 for too many items', async () => {
    const broken = await send('{"id": "review:1", ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).toMatch(/^invalid JSON: /);
    const large = await send([{ ...mention('1'), text: 'ä'.repeat(5000) }]);
    expect(large.status).toBe(413);
    expect(hasLog(t.logs, 'POST /api/ingest body too large')).toBe(true);
    expect((await send('id=1', TOKEN, 'application/x-www-form-urlencoded')).status).toBe(415);
    // ISO-8859-1 bytes sent as JSON: "Ö" becomes the lone byte 0xD6, which is not UTF-8.
    const latin1 = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: Buffer.from(JSON.stringify(mention('1')), 'latin1') });
    expect(latin1.status).toBe(400);
    expect(((await latin1.json()) as { error: string }).error).toBe('body is not valid UTF-8');
    expect((await send(Array.from({ length: 6 }, (_, i) => mention(String(i))))).status).toBe(400);
    expect(out.mentions).toHaveLength(0);
  });

  it('acknowledges nothing when the bus refuses; the resend is accepted', async () => {
    out.failNext(1);
    const refused = await send([mention('1'), mention('2')]);
    expect(refused.status).toBe(503);
    expect(hasLog(t.logs, 'POST /api/ingest could not hand items to the bus')).toBe(true);
    expect((await send([mention('1'), mention('2')])).status).toBe(200);
    expect(out.ids()).toEqual(['review:1', 'review:2']);
  });

  /** POSTs `body` to /api/ingest of `app` on a port of its own, closed afterwards. */
  async function postTo(app: express.Express, body: unknown): Promise<Response> {
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      return await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      }).then(async (res) => new Response(await res.text(), { status: res.status, headers: res.headers }));
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  it('answers 503 with Retry-After when the bus does not take the items in time (Kafka down), instead of hanging', async () => {
    const app = express();
    app.use(createIngestRouter({ emit: () => new Promise(() => undefined), token: TOKEN, quarantine: async () => undefined, log: t.context.log, handoffTimeoutMs: 200 }));
    const res = await postTo(app, [mention('8')]);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(((await res.json()) as { error: string }).error).toContain('within 0.2 s');
  });

  it('also works behind a JSON body parser mounted before it', async () => {
    const app = express();
    app.use(express.json());
    app.use(createIngestRouter({ emit: out.emit, token: TOKEN, quarantine: async () => undefined, log: t.context.log }));
    const res = await postTo(app, [mention('9')]);
    expect(res.status).toBe(200);
    expect(out.ids()).toEqual(['review:9']);
  });

  it('stays closed when no token is configured', async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await start(undefined);
    const res = await send(mention('1'), 'anything-at-all-12345');
    expect(res.status).toBe(503);
    expect(out.mentions).toHaveLength(0);
  });
});
