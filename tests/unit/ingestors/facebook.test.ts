import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FacebookIngestor, FacebookOptions, facebookIngestorFactory } from '../../../ingestors/facebook.ts';
import { GraphApiError, graphTime as toIsoTime } from '../../../ingestors/facebook-graph.ts';
import { brand, collector, hasLog, makeContext, type TestContext } from './helpers.ts';
import { FakeGraph, graphTime } from './fake-graph.ts';

const PAGE = '1000';
const acme = brand({ id: 'acme', query: 'acme' });
const secrets = { facebookAccessToken: 'page-token', facebookAppSecret: 'app-secret', facebookVerifyToken: 'verify-me' };
const ago = (minutes: number): string => graphTime(new Date(Date.now() - minutes * 60_000));

describe('facebook ingestor against a local Graph API', () => {
  let graph: FakeGraph;
  let t: TestContext;
  let controller: AbortController;

  beforeEach(async () => {
    graph = new FakeGraph();
    await graph.start();
    t = makeContext({ brands: [acme], secrets });
    controller = new AbortController();
    graph.posts = [
      { id: `${PAGE}_1`, message: 'Unser neuer Tarif ist da!', created_time: ago(120), from: { id: PAGE, name: 'Acme' }, permalink_url: 'https://www.facebook.com/acme/posts/1' },
      { id: `${PAGE}_2`, created_time: ago(60), from: { id: PAGE, name: 'Acme' } }, // a photo without text
      { id: `${PAGE}_3`, message: 'Ich warte seit Wochen auf meine Gutschrift!', created_time: ago(20), from: { id: '88', name: 'Besucher' } },
    ];
    graph.comments = [
      { id: '1_c1', postId: `${PAGE}_1`, message: 'Seit 3 Tagen kein Internet, niemand antwortet!', created_time: ago(50), from: { id: '77', name: 'Kerstin' } },
      { id: '1_c2', postId: `${PAGE}_1`, message: 'Das tut uns leid, Kerstin – bitte schreib uns eine PN.', created_time: ago(40), from: { id: PAGE, name: 'Acme' }, parent: { id: '1_c1' } },
      { id: '1_c3', postId: `${PAGE}_1`, message: 'Same here, no service since Monday.', created_time: ago(30) },
    ];
  });
  afterEach(async () => {
    controller.abort();
    await graph.stop();
  });

  const make = (extra: Record<string, unknown> = {}) =>
    new FacebookIngestor(FacebookOptions.parse({ type: 'facebook', name: 'fb', graphBaseUrl: graph.base, pages: [{ id: PAGE, brand: 'acme' }], pageSize: 2, ...extra }), t.context);
  const page = { pageId: PAGE, brand: 'acme' };

  it('polls page posts and their comments across pages; the page’s own comments are brand replies', async () => {
    const out = collector();
    expect(await make().pollOnce(page, out.emit, controller.signal)).toBe(5);
    expect(out.ids()).toEqual(['facebook:1000_1', 'facebook:1000_3', 'facebook:1_c1', 'facebook:1_c2', 'facebook:1_c3']);
    const [post, visitor, question, reply, anonymous] = out.mentions;
    // A visitor's post on the page (the `feed` edge) is a customer voice in the brand's space.
    expect(visitor).toMatchObject({ channel: 'post', author: { id: '88', isBrand: false }, brandContext: ['acme'], thread: { rootId: 'facebook:1000_3' } });
    expect(post).toMatchObject({ channel: 'post', author: { id: PAGE, isBrand: true }, brandContext: ['acme'], metrics: { likes: 3, replies: 3 }, url: 'https://www.facebook.com/acme/posts/1' });
    expect(question).toMatchObject({ channel: 'page_comment', author: { id: '77', name: 'Kerstin', isBrand: false }, thread: { rootId: 'facebook:1000_1', parentId: 'facebook:1000_1' }, brandContext: ['acme'] });
    expect(reply).toMatchObject({ author: { id: PAGE, isBrand: true }, thread: { rootId: 'facebook:1000_1', parentId: 'facebook:1_c1' } });
    expect(anonymous?.author).toEqual({ id: 'unknown', isBrand: false });
    // Paging followed (pageSize 2, three comments), token and appsecret_proof on every call.
    const commentCalls = graph.requests.filter((u) => u.pathname.endsWith('/comments'));
    expect(commentCalls.map((u) => u.searchParams.get('after'))).toEqual([null, '2']);
    const proof = createHmac('sha256', 'app-secret').update('page-token').digest('hex');
    expect(graph.requests.every((u) => u.searchParams.get('access_token') === 'page-token' && u.searchParams.get('appsecret_proof') === proof)).toBe(true);
    expect(hasLog(t.logs, 'posts/comments without text (photos, stickers) skipped')).toBe(true);
  });

  it('keeps a post and a comment whose permalink is no http(s) link, without the link (QA round 6: the post was quarantined whole)', async () => {
    graph.posts[2] = { ...graph.posts[2]!, permalink_url: 'javascript:alert(1)' };
    graph.comments[0] = { ...graph.comments[0]!, permalink_url: 'data:text/html,<script>alert(1)</script>' };
    const out = collector();
    expect(await make().pollOnce(page, out.emit, controller.signal)).toBe(5);
    const visitor = out.mentions.find((m) => m.id === 'facebook:1000_3');
    expect(visitor?.text).toBe('Ich warte seit Wochen auf meine Gutschrift!');
    expect(visitor?.url).toBeUndefined();
    expect(out.mentions.find((m) => m.id === 'facebook:1_c1')?.url).toBeUndefined();
  });

  it('asks for comments only when a post’s count changed, since the newest one seen; a restart re-emits nothing', async () => {
    const out = collector();
    await make().pollOnce(page, out.emit, controller.signal);
    graph.requests = [];
    await make().pollOnce(page, out.emit, controller.signal);
    expect(graph.requests.filter((u) => u.pathname.endsWith('/comments'))).toHaveLength(0);
    graph.comments.push({ id: '1_c4', postId: `${PAGE}_1`, message: 'Immer noch kaputt.', created_time: ago(1), from: { id: '77', name: 'Kerstin' } });
    await make().pollOnce(page, out.emit, controller.signal);
    const since = Number(graph.requests.find((u) => u.pathname.endsWith('/comments'))?.searchParams.get('since'));
    expect(since).toBe(Math.floor(Date.parse(graph.comments[2]!.created_time.replace('+0000', 'Z')) / 1000));
    expect(out.ids().slice(5)).toEqual(['facebook:1_c4']);
  });

  it('a busy page\'s comments do not push its listed posts out of the seen set: no post is emitted twice', async () => {
    const out = collector();
    const ingestor = () => make({ seenLimit: 100, pageSize: 100, maxPages: 5 });
    await ingestor().pollOnce(page, out.emit, controller.signal);
    for (let i = 0; i < 150; i++) {
      graph.comments.push({ id: `1_n${i}`, postId: `${PAGE}_1`, message: `Kommentar ${i}: immer noch kein Netz`, created_time: ago(10 - i / 100), from: { id: `u${i}`, name: `Leser ${i}` } });
    }
    await ingestor().pollOnce(page, out.emit, controller.signal);
    await ingestor().pollOnce(page, out.emit, controller.signal);
    const ids = out.ids();
    expect(ids).toHaveLength(new Set(ids).size);
    expect(ids.filter((id) => id === 'facebook:1000_1')).toHaveLength(1);
  });

  it('a new reply to a comment (no new top-level comment) is fetched on the next poll as a reply in the post’s thread', async () => {
    const out = collector();
    await make().pollOnce(page, out.emit, controller.signal);
    // Graph's default comment count is top level only: a reply alone leaves it unchanged.
    graph.comments.push({ id: '1_c6', postId: `${PAGE}_1`, message: 'Bei mir auch, seit Montag kein Netz.', created_time: ago(1), from: { id: '78', name: 'Jonas' }, parent: { id: '1_c1' } });
    await make().pollOnce(page, out.emit, controller.signal);
    expect(out.ids().slice(5)).toEqual(['facebook:1_c6']);
    expect(out.mentions[5]).toMatchObject({ channel: 'page_comment', thread: { rootId: 'facebook:1000_1', parentId: 'facebook:1_c1' } });
  });

  it('a post with more comments than maxPages fetches in one poll gets the rest on the next poll', async () => {
    graph.posts = graph.posts.slice(0, 1);
    const out = collector();
    // pageSize 2 × maxPages 1: the first poll sees c1 and c2 of the three comments.
    await make({ maxPages: 1 }).pollOnce(page, out.emit, controller.signal);
    expect(out.ids()).toEqual(['facebook:1000_1', 'facebook:1_c1', 'facebook:1_c2']);
    // No new comment since (the count is unchanged), yet c3 was never fetched: it must not be lost.
    await make({ maxPages: 1 }).pollOnce(page, out.emit, controller.signal);
    expect(out.ids()).toEqual(['facebook:1000_1', 'facebook:1_c1', 'facebook:1_c2', 'facebook:1_c3']);
  });

  it('a comment dated far in the future is refused and does not move the next poll past the real comments', async () => {
    graph.comments.push({ id: '1_c9', postId: `${PAGE}_1`, message: 'Aus der Zukunft.', created_time: '5000-01-01T00:00:00+0000', from: { id: '77', name: 'Kerstin' } });
    const out = collector();
    await make().pollOnce(page, out.emit, controller.signal);
    expect(out.ids()).not.toContain('facebook:1_c9');
    expect(t.quarantined.map((q) => q.reason)).toEqual([expect.stringMatching(/1_c9: createdAt: 5000-01-01.* lies more than a day in the future/)]);
    graph.comments.push({ id: '1_c10', postId: `${PAGE}_1`, message: 'Immer noch kaputt.', created_time: ago(1), from: { id: '77', name: 'Kerstin' } });
    await make().pollOnce(page, out.emit, controller.signal);
    expect(out.ids()).toContain('facebook:1_c10');
  });

  it('quarantines a polled comment whose created_time is no time, naming the field, and emits the others', async () => {
    graph.comments.push({ id: '1_c5', postId: `${PAGE}_1`, message: 'Kaputt.', created_time: '2026-02-30T99:00:00+0000' });
    const out = collector();
    await make().pollOnce(page, out.emit, controller.signal);
    expect(out.ids()).toEqual(['facebook:1000_1', 'facebook:1000_3', 'facebook:1_c1', 'facebook:1_c2', 'facebook:1_c3']);
    expect(t.quarantined.map((q) => q.reason)).toEqual([expect.stringMatching(/comments: unexpected item: created_time: not a valid time: 2026-02-30T99/)]);
  });

  it('quarantines a malformed post once, not again on every poll that still lists it', async () => {
    graph.posts.push({ id: `${PAGE}_4`, message: 'Kaputt.', created_time: 'gestern', from: { id: '88', name: 'Besucher' } });
    const out = collector();
    await make().pollOnce(page, out.emit, controller.signal);
    await make().pollOnce(page, out.emit, controller.signal);
    expect(t.quarantined.map((q) => q.reason)).toEqual([expect.stringMatching(/feed: unexpected item: created_time: not a valid time: gestern/)]);
  });

  it('backs off at least its own minimum when Graph says it can be called again at once', async () => {
    graph.failures.push({
      status: 403,
      body: { error: { message: 'User request limit reached', code: 17, type: 'OAuthException' } },
      headers: { 'x-business-use-case-usage': JSON.stringify({ [PAGE]: [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 0 }] }) },
    });
    const run = make({ backoffBaseSeconds: 0.6, backoffMaxSeconds: 0.6 }).run(collector().emit, controller.signal);
    const deadline = Date.now() + 5_000;
    while (!t.logs.some((l) => l.msg === 'Graph API poll failed; backing off') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // backoffDelay's floor is half the base: 300 ms, not the 0 ms the header implies.
    expect(t.logs.find((l) => l.msg === 'Graph API poll failed; backing off')?.waitMs).toBeGreaterThanOrEqual(300);
    controller.abort();
    await run;
  });

  it('turns Graph throttling into a wait from X-Business-Use-Case-Usage', async () => {
    graph.failures.push({
      status: 403,
      body: { error: { message: 'User request limit reached', code: 17, type: 'OAuthException' } },
      headers: { 'x-business-use-case-usage': JSON.stringify({ [PAGE]: [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 3 }] }) },
    });
    const error = await make().pollOnce(page, collector().emit, controller.signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect((error as GraphApiError).retryAfterMs).toBe(180_000);
    expect((error as GraphApiError).message).toMatch(/code 17.*User request limit reached/);
  });

  it('refuses to follow paging.next to another origin with the token', async () => {
    graph.nextOrigin = 'http://127.0.0.2:9';
    const out = collector();
    await expect(make({ postsEdge: 'posts' }).pollOnce(page, out.emit, controller.signal)).rejects.toThrow(/another origin/);
    expect(graph.requests[0]?.pathname).toBe(`/v21.0/${PAGE}/posts`);
  });

  it('validates options and names the field', () => {
    expect(() => facebookIngestorFactory.create({ type: 'facebook', name: 'fb', enabled: true, pages: [{ id: 'acme-page' }] }, t.context)).toThrow(/fb\.pages\[0\]\.id: a numeric page id/);
    expect(() => facebookIngestorFactory.create({ type: 'facebook', name: 'fb', enabled: true, pages: [{ id: '1', brand: 'x' }] }, t.context)).toThrow(/fb\.pages\[0\]\.brand: unknown brand "x"/);
  });
});

describe('facebook page webhook', () => {
  let server: Server;
  let url: string;
  let t: TestContext;
  let out: ReturnType<typeof collector>;

  beforeEach(async () => {
    t = makeContext({ brands: [acme], secrets });
    out = collector();
    const ingestor = new FacebookIngestor(FacebookOptions.parse({ type: 'facebook', name: 'fb', pages: [{ id: PAGE, brand: 'acme' }] }), t.context);
    const app = express();
    app.use(ingestor.webhookRouter(out.emit));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/facebook`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const withChanges = (changes: unknown[]) => JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: 1764489600, changes }] });
  const notification = (value: Record<string, unknown>) => withChanges([{ field: 'feed', value }]);
  const newComment = (id: string, extra: Record<string, unknown> = {}) =>
    ({ item: 'comment', verb: 'add', comment_id: id, post_id: `${PAGE}_1`, message: 'Seit gestern kein Netz!', created_time: 1764489600, from: { id: '77', name: 'Kerstin' }, ...extra });
  const sign = (body: string | Buffer, secret = 'app-secret') => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const post = (body: string | Buffer, signature: string | undefined) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) }, body: typeof body === 'string' ? body : new Uint8Array(body) });

  it('answers the verification challenge only with the right verify token', async () => {
    const good = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('1158201444');
    const bad = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`);
    expect(bad.status).toBe(403);
    expect(hasLog(t.logs, 'facebook webhook verification refused: wrong or missing hub.verify_token')).toBe(true);
  });

  it('emits a signed comment before answering 200; the page’s own reply is a brand reply', async () => {
    const comment = notification({ item: 'comment', verb: 'add', comment_id: '1_c9', post_id: `${PAGE}_1`, parent_id: `${PAGE}_1`, message: 'Wann kommt endlich mein Paket?', created_time: 1764489600, from: { id: '77', name: 'Kerstin' } });
    const res = await post(comment, sign(comment));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 1, ignored: 0, quarantined: 0 });
    expect(out.mentions[0]).toMatchObject({ id: 'facebook:1_c9', channel: 'page_comment', createdAt: '2025-11-30T08:00:00.000Z', author: { id: '77', isBrand: false }, thread: { rootId: 'facebook:1000_1', parentId: 'facebook:1000_1' }, brandContext: ['acme'] });

    const reply = notification({ item: 'comment', verb: 'add', comment_id: '1_c10', post_id: `${PAGE}_1`, parent_id: '1_c9', message: 'Wir kümmern uns!', created_time: 1764489700, from: { id: PAGE, name: 'Acme' } });
    expect((await post(reply, sign(reply))).status).toBe(200);
    expect(out.mentions[1]).toMatchObject({ author: { id: PAGE, isBrand: true }, thread: { rootId: 'facebook:1000_1', parentId: 'facebook:1_c9' } });
  });

  it('rejects a wrong or missing signature and emits nothing', async () => {
    const comment = notification({ item: 'comment', verb: 'add', comment_id: '1_c9', post_id: `${PAGE}_1`, message: 'x', created_time: 1764489600 });
    expect((await post(comment, sign(comment, 'wrong-secret'))).status).toBe(401);
    expect((await post(comment, undefined)).status).toBe(401);
    expect((await post(comment.replace('"x"', '"y"'), sign(comment))).status).toBe(401);
    expect(out.mentions).toHaveLength(0);
    expect(hasLog(t.logs, 'facebook webhook refused: X-Hub-Signature-256 missing or wrong')).toBe(true);
  });

  it('answers 500 when the comment cannot be emitted, so Meta delivers it again', async () => {
    const comment = notification({ item: 'comment', verb: 'add', comment_id: '1_c9', post_id: `${PAGE}_1`, message: 'Hallo?', created_time: 1764489600 });
    out.failNext(1);
    expect((await post(comment, sign(comment))).status).toBe(500);
    expect((await post(comment, sign(comment))).status).toBe(200);
    expect(out.ids()).toEqual(['facebook:1_c9']);
  });

  it('quarantines a signed but unreadable body and ignores likes', async () => {
    const garbage = '{"object":"page","entry":[';
    expect((await post(garbage, sign(garbage))).status).toBe(200);
    expect(t.quarantined[0]?.reason).toMatch(/facebook webhook body unreadable/);
    const like = notification({ item: 'reaction', verb: 'add', reaction_type: 'like', post_id: `${PAGE}_1`, created_time: 1764489600 });
    expect(await (await post(like, sign(like))).json()).toEqual({ received: 0, ignored: 1, quarantined: 0 });
    expect(out.mentions).toHaveLength(0);
  });

  it('quarantines a signed body that is not UTF-8, and counts the changes of a page not configured as ignored (QA round 6)', async () => {
    const comment = notification({ item: 'comment', verb: 'add', comment_id: '1_c9', post_id: `${PAGE}_1`, message: 'Öffnungszeiten?', created_time: 1764489600 });
    const latin1 = Buffer.from(comment, 'latin1');
    expect((await post(latin1, sign(latin1))).status).toBe(200);
    expect(t.quarantined[0]?.reason).toMatch(/facebook webhook body unreadable: .*encoded data was not valid/);
    expect(out.mentions).toHaveLength(0);
    const elsewhere = comment.replace(`"id":"${PAGE}","time"`, '"id":"9999","time"');
    expect(elsewhere).not.toBe(comment);
    expect(await (await post(elsewhere, sign(elsewhere))).json()).toEqual({ received: 0, ignored: 1, quarantined: 0 });
  });

  it('quarantines a comment whose created_time is no time, stores the other comments and answers 200', async () => {
    const body = withChanges([{ field: 'feed', value: newComment('p1_c20') }, { field: 'feed', value: newComment('p1_c21', { created_time: 1e13 }) }]);
    const res = await post(body, sign(body));
    expect(res.status).toBe(200);
    expect(out.ids()).toEqual(['facebook:p1_c20']);
    expect(t.quarantined.map((q) => q.reason)).toEqual([expect.stringMatching(/change 2 of 2 \(comment p1_c21\).*created_time: not a valid time: 10000000000000/)]);
    expect(t.status.list()[0]?.quarantined).toBe(1);
  });

  it('quarantines every malformed change with its reason, ignores what is not a comment, and says how many of each', async () => {
    const body = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: PAGE,
          changes: [
            { field: 'feed', value: newComment('1_c30') },
            { field: 'feed', value: newComment('1_c31', { from: { id: 999 } }) },
            { field: 'feed', value: newComment('1_c32', { message: 12345 }) },
            { field: 'feed', value: newComment('1_c33', { comment_id: null }) },
            { field: 'feed' },
            { field: 'feed', value: { item: 'reaction', verb: 'add', reaction_type: 'like', post_id: `${PAGE}_1`, created_time: 1764489600 } },
            { field: 'feed', value: newComment('1_c34', { verb: 'remove' }) },
            { field: 'ratings', value: { review_text: 'gut' } },
          ],
        },
        { changes: [{ field: 'feed', value: newComment('1_c35') }] },
      ],
    });
    const res = await post(body, sign(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 1, ignored: 3, quarantined: 5 });
    expect(out.ids()).toEqual(['facebook:1_c30']);
    expect(t.quarantined.map((q) => q.reason)).toEqual([
      expect.stringMatching(/change 2 of 8 \(comment 1_c31\): value\.from\.id: /),
      expect.stringMatching(/change 3 of 8 \(comment 1_c32\): value\.message: /),
      expect.stringMatching(/change 4 of 8: value\.comment_id: /),
      expect.stringMatching(/change 5 of 8: value: /),
      expect.stringMatching(/entry 2 of 2: id: /),
    ]);
    expect(t.status.list()[0]?.quarantined).toBe(5);
    expect(t.logs.filter((l) => l.msg === 'input quarantined')).toHaveLength(5);
    expect(t.logs.filter((l) => l.msg === 'facebook webhook change ignored (not a comment)').map((l) => l.level)).toEqual([20, 20, 20]);
  });
});

describe('facebook Graph times', () => {
  it('turn into ISO UTC, and anything that is no time into undefined, never an exception', () => {
    expect(toIsoTime('2026-11-30T08:00:00+0000')).toBe('2026-11-30T08:00:00.000Z');
    expect(toIsoTime(1764489600)).toBe('2025-11-30T08:00:00.000Z');
    expect(toIsoTime(1e13)).toBeUndefined();
    expect(toIsoTime('gestern')).toBeUndefined();
  });
});
