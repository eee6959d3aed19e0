import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeenSet } from '../../../ingestors/seen.ts';
import { TwitterIngestor, TwitterOptions } from '../../../ingestors/twitter.ts';
import { brand, collector, hasLog, makeContext, waitFor, type TestContext } from './helpers.ts';
import { FakeX, openStream, snowflake, type FakeTweet } from './fake-x.ts';

const acme = brand({ id: 'acme', query: '"Acme Bahn" OR (acme AND (verspätung OR delay)) -gewinnspiel', accounts: ['@AcmeHilft'] });

function tweet(id: string, text: string, author = '1', extra: Partial<FakeTweet> = {}): FakeTweet {
  return { id, text, author_id: author, created_at: new Date().toISOString(), conversation_id: id, lang: 'de', ...extra };
}

describe('twitter ingestor against a local X API', () => {
  let x: FakeX;
  let base: string;
  let t: TestContext;
  let controller: AbortController;

  beforeEach(async () => {
    x = new FakeX();
    x.users = [{ id: '1', username: 'kunde', name: 'Kundin Müller' }, { id: '99', username: 'AcmeHilft', name: 'Acme Service' }];
    base = await x.start();
    t = makeContext({ brands: [acme], secrets: { twitterBearerToken: 'test-bearer' } });
    controller = new AbortController();
  });
  afterEach(async () => {
    controller.abort();
    await x.stop();
  });

  const ingestor = (extra: Record<string, unknown> = {}) =>
    new TwitterIngestor(
      TwitterOptions.parse({ type: 'twitter', name: 'x', apiBaseUrl: base, initialBackfillMinutes: 0, reconnectBaseMs: 20, reconnectMaxMs: 200, keepAliveTimeoutMs: 10_000, ...extra }),
      t.context,
    );

  it('syncs rules by difference: keeps unchanged ones, replaces changed ones, never touches foreign rules', async () => {
    x.rules = [
      { id: '1', value: 'altes produkt', tag: 'kundenradar:acme' },
      { id: '2', value: '(@AcmeHilft OR from:AcmeHilft) -is:retweet', tag: 'kundenradar:acme:accounts' },
      { id: '3', value: 'cats', tag: 'marketing-team' },
    ];
    await ingestor().syncRules();
    expect(x.ruleWrites).toEqual([
      { delete: { ids: ['1'] } },
      { add: [{ tag: 'kundenradar:acme', value: '("Acme Bahn" OR acme (verspätung OR delay) -gewinnspiel) -is:retweet' }] },
    ]);
    expect(x.rules.map((r) => r.tag).sort()).toEqual(['kundenradar:acme', 'kundenradar:acme:accounts', 'marketing-team']);
    expect(x.authHeaders.every((h) => h === 'Bearer test-bearer')).toBe(true);
    // A second sync with the same brands changes nothing.
    x.ruleWrites = [];
    await ingestor().syncRules();
    expect(x.ruleWrites).toEqual([]);
  });

  it('on a config change adds and deletes only the rules of brands that changed', async () => {
    const source = ingestor();
    await source.syncRules();
    const before = new Map(x.rules.map((r) => [r.tag, r.id]));
    x.ruleWrites = [];
    await source.updateBrands([acme, brand({ id: 'bahn', query: '"Deutsche Bahn" störung' })]);
    expect(x.ruleWrites).toEqual([{ add: [{ tag: 'kundenradar:bahn', value: '("Deutsche Bahn" störung) -is:retweet' }] }]);
    x.ruleWrites = [];
    await source.updateBrands([brand({ id: 'bahn', query: '"Deutsche Bahn" störung' })]);
    expect(x.ruleWrites).toEqual([{ delete: { ids: [before.get('kundenradar:acme'), before.get('kundenradar:acme:accounts')] } }]);
    expect(x.rules.map((r) => r.tag)).toEqual(['kundenradar:bahn']);
  });

  it('reconnects after a disconnect mid-message; backfill since the checkpoint fills the gap without duplicates', async () => {
    const [id1, id2, id3] = [snowflake(3000, 1), snowflake(2000, 2), snowflake(1000, 3)] as [string, string, string];
    const t1 = tweet(id1, 'Acme Bahn: wieder 40 Minuten Verspätung &amp; kein WLAN');
    const t2 = tweet(id2, 'Der Zug von Acme Bahn fällt aus 😡');
    const t3 = tweet(id3, 'Danke für die Info', '99', { conversation_id: id2, referenced_tweets: [{ type: 'replied_to', id: id2 }], in_reply_to_user_id: '1' });
    x.archive = [t1, t2, t3];
    x.streamScripts = [
      (res, fx) => {
        openStream(res);
        res.write(`${fx.message(t1)}\r\n`);
        const second = fx.message(t2);
        // Half a message, then the connection dies.
        res.write(second.slice(0, Math.floor(second.length / 2)), () => setTimeout(() => res.destroy(), 20));
      },
      (res, fx) => {
        openStream(res);
        res.write(`${fx.message(t2)}\r\n${fx.message(t3)}\r\n`);
      },
    ];
    const out = collector();
    const run = ingestor().run(out.emit, controller.signal);
    await waitFor(() => out.mentions.length >= 3 && x.connections.length === 2, 'three tweets and a second connection');
    // The second connection repeats t2 and t3, which the backfill already emitted.
    await waitFor(() => t.logs.filter((l) => l.msg === 'duplicate tweet skipped').length === 2, 'repeated tweets skipped');
    expect(out.ids()).toEqual([`twitter:${id1}`, `twitter:${id2}`, `twitter:${id3}`]);
    expect(x.connections.length).toBe(2);
    expect(x.searches.some((s) => s.get('since_id') === id1)).toBe(true);
    expect(hasLog(t.logs, 'stream disconnected; backfilling and reconnecting')).toBe(true);

    const [first, , reply] = out.mentions;
    expect(first?.text).toBe('Acme Bahn: wieder 40 Minuten Verspätung & kein WLAN');
    expect(first?.author).toEqual({ id: '1', handle: 'kunde', name: 'Kundin Müller', isBrand: false });
    expect(first?.channel).toBe('post');
    expect(first?.langHint).toBe('de');
    expect(reply?.author.isBrand).toBe(true);
    expect(reply?.brandContext).toEqual(['acme']);
    expect(reply?.channel).toBe('reply');
    expect(reply?.thread).toEqual({ rootId: `twitter:${id2}`, parentId: `twitter:${id2}` });
    expect(reply?.url).toBe(`https://x.com/AcmeHilft/status/${id3}`);

    // Nothing extra arrives later (the duplicate of t2 on the second connection was skipped).
    controller.abort();
    await run;
    expect(out.mentions.length).toBe(3);
    const saved = await t.state.getState('checkpoint:x', 'stream');
    expect(saved).toMatchObject({ sinceId: id3 });
  });

  it('restarts from the checkpoint: tweets emitted before are not emitted again', async () => {
    const [id1, id2] = [snowflake(2000, 1), snowflake(1000, 2)] as [string, string];
    await t.state.putState('checkpoint:x', 'stream', { sinceId: id1, seen: [`twitter:${id1}`] });
    x.archive = [tweet(id1, 'Acme Bahn alt'), tweet(id2, 'Acme Bahn neu')];
    x.streamScripts = [(res, fx) => { openStream(res); res.write(`${fx.message(x.archive[0] as FakeTweet)}\r\n`); }];
    const out = collector();
    const run = ingestor().run(out.emit, controller.signal);
    await waitFor(() => x.connections.length === 1 && out.mentions.length === 1, 'backfill then connect');
    await waitFor(() => hasLog(t.logs, 'duplicate tweet skipped'), 'replayed tweet skipped');
    expect(out.ids()).toEqual([`twitter:${id2}`]);
    controller.abort();
    await run;
  });

  it('on 429 waits until x-rate-limit-reset before connecting again', async () => {
    let reset = 0;
    x.streamScripts = [
      (res) => {
        reset = Math.ceil(Date.now() / 1000) + 1;
        res.writeHead(429, { 'content-type': 'application/json', 'x-rate-limit-limit': '50', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) });
        res.end(JSON.stringify({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }));
      },
    ];
    const out = collector();
    const run = ingestor({ reconnectBaseMs: 1 }).run(out.emit, controller.signal);
    await waitFor(() => x.connections.length === 2, 'second connection', 5_000);
    expect(x.connections[1]).toBeGreaterThanOrEqual(reset * 1000);
    const line = t.logs.find((l) => l.msg === 'X API failed; retrying');
    expect(line?.err).toMatch(/429/);
    expect(t.status.list()[0]?.lastError).toMatch(/429/);
    controller.abort();
    await run;
  });

  it('keeps a tweet the bus refused: the stream drops, backfill emits it once the bus is back', async () => {
    const id1 = snowflake(1000, 1);
    x.archive = [tweet(id1, 'Acme Bahn kaputt')];
    x.streamScripts = [(res, fx) => { openStream(res); res.write(`${fx.message(x.archive[0] as FakeTweet)}\r\n`); }];
    const out = collector();
    out.failNext(1);
    const run = ingestor().run(out.emit, controller.signal);
    await waitFor(() => out.mentions.length === 1, 'tweet emitted after bus recovered');
    expect(out.ids()).toEqual([`twitter:${id1}`]);
    expect(hasLog(t.logs, 'X API failed; retrying')).toBe(true);
    controller.abort();
    await run;
  });

  it('keeps umlauts intact when a network chunk ends inside a multi-byte character', async () => {
    const id1 = snowflake(1000, 1);
    const t1 = tweet(id1, 'Acme Bahn: Zugausfall in Köln, schöne Grüße 🙄');
    x.archive = [t1];
    x.streamScripts = [
      (res, fx) => {
        openStream(res);
        const bytes = Buffer.from(`${fx.message(t1)}\r\n`, 'utf8');
        const cut = bytes.indexOf(Buffer.from('ö', 'utf8')) + 1; // between the two bytes of "ö"
        res.write(bytes.subarray(0, cut), () => setTimeout(() => res.write(bytes.subarray(cut)), 20));
      },
    ];
    const out = collector();
    const run = ingestor().run(out.emit, controller.signal);
    await waitFor(() => out.mentions.length === 1, 'tweet emitted');
    expect(out.mentions[0]?.text).toBe('Acme Bahn: Zugausfall in Köln, schöne Grüße 🙄');
    controller.abort();
    await run;
  });

  it('pauses reading while the bus is slow and still delivers every tweet once, in order', async () => {
    const tweets = Array.from({ length: 600 }, (_, i) => tweet(snowflake(10_000 - i, i), `Acme Bahn Meldung ${i}`));
    x.streamScripts = [(res, fx) => { openStream(res); res.write(tweets.map((tw) => `${fx.message(tw)}\r\n`).join('')); }];
    const out = collector();
    const slowEmit = async (batch: Parameters<typeof out.emit>[0]) => {
      await new Promise((r) => setImmediate(r));
      await out.emit(batch);
    };
    const run = ingestor().run(slowEmit, controller.signal);
    await waitFor(() => out.mentions.length === 600, 'all 600 tweets', 20_000);
    expect(out.ids()).toEqual(tweets.map((tw) => `twitter:${tw.id}`));
    expect(x.connections).toHaveLength(1);
    controller.abort();
    await run;
  });

  it('says so when the backfill stops at its page limit', async () => {
    const [id0, ...rest] = Array.from({ length: 6 }, (_, i) => snowflake(6000 - i * 500, i));
    await t.state.putState('checkpoint:x', 'stream', { sinceId: id0, seen: [] });
    x.archive = rest.map((id) => tweet(id, `Acme Bahn ${id}`));
    const out = collector();
    const run = ingestor({ backfillMaxPages: 1 }).run(out.emit, controller.signal);
    await waitFor(() => x.connections.length === 1, 'connected after backfill');
    // Two per page: the two newest arrive, and the gap is reported.
    expect(out.ids()).toEqual(rest.slice(-2).map((id) => `twitter:${id}`));
    expect(hasLog(t.logs, 'backfill hit backfillMaxPages; the oldest tweets of the gap were not fetched')).toBe(true);
    controller.abort();
    await run;
  });

  it('quarantines a stream message without a usable tweet and logs X error messages', async () => {
    const id1 = snowflake(1000, 1);
    x.streamScripts = [
      (res, fx) => {
        openStream(res);
        res.write(`${JSON.stringify({ data: { id: 'not-a-number', text: 'x' } })}\r\n`);
        res.write(`${JSON.stringify({ errors: [{ title: 'operational-disconnect', detail: 'This stream has been disconnected for operational reasons.' }] })}\r\n`);
        res.write(`${fx.message(tweet(id1, 'Acme Bahn ok'))}\r\n`);
      },
    ];
    const out = collector();
    const run = ingestor().run(out.emit, controller.signal);
    await waitFor(() => out.mentions.length === 1, 'the valid tweet');
    expect(t.quarantined.map((q) => q.reason)).toEqual([expect.stringMatching(/^stream message without a usable tweet/)]);
    expect(hasLog(t.logs, 'X sent an error message on the stream')).toBe(true);
    controller.abort();
    await run;
  });

  it('quarantines a malformed tweet or include of a search page alone; the rest is ingested and the stream connects', async () => {
    const [id1, id3] = [snowflake(3000, 1), snowflake(1000, 3)] as [string, string];
    x.searchAnswer = {
      data: [tweet(id1, 'Acme Bahn: Zug fällt aus'), { id: '2002x', text: 'malformed id' }, tweet(id3, 'Acme Bahn wieder zu spät')],
      includes: { users: [{ id: 7, username: 'broken' }, ...x.users], tweets: [{ id: null, text: 42 }] },
      meta: { result_count: 3 },
    };
    const out = collector();
    const run = ingestor({ initialBackfillMinutes: 60 }).run(out.emit, controller.signal);
    await waitFor(() => x.connections.length === 1, 'stream connected after the backfill');
    expect(out.ids()).toEqual([`twitter:${id1}`, `twitter:${id3}`]);
    expect(out.mentions[0]?.author.handle).toBe('kunde');
    // Both brand rules find the same page: each bad record is quarantined once, with its place and id.
    expect(t.quarantined.map((q) => q.reason)).toEqual([
      expect.stringMatching(/^recent search: tweet 2 of 3 \(id 2002x\): .*id/),
      expect.stringMatching(/^recent search: includes\.users 1 of 3 \(id 7\): .*id/),
    ]);
    expect(t.quarantined[0]?.raw).toEqual({ id: '2002x', text: 'malformed id' });
    expect(t.status.list()[0]?.quarantined).toBe(2);
    expect(hasLog(t.logs, 'X API failed; retrying')).toBe(false);
    controller.abort();
    await run;
  });

  it('quarantines a malformed tweet once per process, however often reconnects and backfills bring it again', async () => {
    const [id1, id2] = [snowflake(3000, 1), snowflake(1000, 2)] as [string, string];
    // A tweet whose id X itself sends wrong: never emitted, so no checkpoint ever moves past it.
    const bad = { id: `${id2}x`, text: 'Acme Bahn: kaputt' };
    x.searchAnswer = { data: [tweet(id1, 'Acme Bahn: Zug fällt aus'), bad], includes: { users: x.users }, meta: { result_count: 2 } };
    const dropAfter = (message: string) => (res: Parameters<typeof openStream>[0]) => {
      openStream(res);
      res.write(`${message}\r\n`, () => setTimeout(() => res.destroy(), 20));
    };
    // Each connection carries the same malformed message and then drops: a backfill runs before every reconnect.
    x.streamScripts = [1, 2, 3].map(() => dropAfter(JSON.stringify({ data: bad })));
    const out = collector();
    const run = ingestor({ initialBackfillMinutes: 60 }).run(out.emit, controller.signal);
    await waitFor(() => x.connections.length >= 4 && x.searches.length >= 4 * 2, 'four connections, each after a backfill');
    controller.abort();
    await run;
    expect(out.ids()).toEqual([`twitter:${id1}`]);
    expect(t.quarantined.map((q) => q.reason)).toEqual([expect.stringMatching(/^recent search: tweet 2 of 2 \(id \d+x\)/)]);
    expect(t.logs.filter((l) => l.msg === 'malformed record already quarantined; skipped').length).toBeGreaterThanOrEqual(3);
  });

  it('delivers a stream tweet whose expanded author is malformed, and quarantines only that user', async () => {
    const message = { data: tweet(snowflake(1000, 1), 'Acme Bahn ohne WLAN'), includes: { users: [{ id: '1', username: ['kunde'] }] } };
    x.streamScripts = [(res) => { openStream(res); res.write(`${JSON.stringify(message)}\r\n`); }];
    const out = collector();
    const run = ingestor().run(out.emit, controller.signal);
    await waitFor(() => out.mentions.length === 1, 'the tweet');
    expect(out.mentions[0]?.author).toEqual({ id: '1', isBrand: false });
    expect(t.quarantined.map((q) => q.reason)).toEqual([expect.stringMatching(/^stream message: includes\.users 1 of 1 \(id 1\): username/)]);
    controller.abort();
    await run;
  });

  it('refuses to start without a bearer token', () => {
    const bare = makeContext({ brands: [acme] });
    expect(() => new TwitterIngestor(TwitterOptions.parse({ type: 'twitter', name: 'x' }), bare.context)).toThrow(/TWITTER_BEARER_TOKEN/);
  });
});

describe('the memory of quarantined records', () => {
  it('is bounded: past its limit the longest-unseen keys fall out, a key seen again stays', () => {
    const remembered = new SeenSet(3, ['tweet:id 1', 'tweet:id 2', 'tweet:id 3']);
    remembered.add('tweet:id 1');
    remembered.add('tweet:id 4');
    expect(remembered.size).toBe(3);
    expect(remembered.toJSON()).toEqual(['tweet:id 3', 'tweet:id 1', 'tweet:id 4']);
  });
});

describe('X tweet → mention mapping', () => {
  it("gives a retweet none of the original's counts, and keeps an original's own", async () => {
    const { tweetToCandidate, brandAccounts } = await import('../../../ingestors/twitter-map.ts');
    const accounts = brandAccounts([]);
    const metrics = { like_count: 0, retweet_count: 950, quote_count: 3, reply_count: 0 };
    const retweet = tweetToCandidate({ id: '11', text: 'RT @kerstin: Flug gestrichen', author_id: '301', referenced_tweets: [{ type: 'retweeted', id: '1' }], public_metrics: metrics }, { users: [], tweets: [] }, accounts);
    expect(retweet.mention.metrics).toEqual({ likes: 0, shares: 0, replies: 0 });
    const own = tweetToCandidate({ id: '1', text: 'Flug gestrichen', author_id: '77', public_metrics: { ...metrics, like_count: 20 } }, { users: [], tweets: [] }, accounts);
    expect(own.mention.metrics).toEqual({ likes: 20, shares: 953, replies: 0 });
  });
});
