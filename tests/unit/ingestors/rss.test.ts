import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { rssIngestorFactory, type RssIngestor } from '../../../ingestors/rss.ts';
import { feedScope } from '../../../ingestors/rss-map.ts';
import { MAX_TEXT_CHARS } from '../../../src/model.ts';
import { feedHarness } from './feed-harness.ts';
import { brand, collector, hasLog, waitFor } from './helpers.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
const kundenwelt = brand({ id: 'kundenwelt', query: 'Kundendialog' });

describe('rss ingestor against a local feed server', () => {
  const h = feedHarness([kundenwelt]);

  const feedConfig = (path: string, extra: Record<string, unknown> = {}) => ({ url: `${h.feeds.base}${path}`, ...extra });
  /** Mention id of a non-URL guid listed by the feed at `path`. */
  const scoped = (path: string, guid: string): string => `rss:${feedScope(`${h.feeds.base}${path}`)}:${guid}`;

  function serveSeedBlog(): void {
    const comments = `${h.feeds.base}/2012/07/akquisephase/feed/`;
    h.feeds.routes.set('/feed/', { body: fixture('wordpress-seeds.xml').toString('utf8').replace('COMMENTS_URL', comments), etag: '"v1"' });
    h.feeds.routes.set('/2012/07/akquisephase/feed/', { body: fixture('wordpress-seeds-comments.xml'), lastModified: 'Tue, 17 Jul 2012 09:05:00 GMT' });
  }

  it('maps the seed blog posts and their WordPress comment feed to a thread; the owner’s comment is a brand reply', async () => {
    serveSeedBlog();
    const out = collector();
    const ingestor = h.make([feedConfig('/feed/', { brand: 'kundenwelt', ownerNames: ['Redaktion'] })]);
    const count = await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(count).toBe(4);
    const post = 'rss:http://blog.test/?p=101';
    // Oldest post first, each post before its comments.
    expect(out.ids()).toEqual(['rss:http://blog.test/?p=101', 'rss:http://blog.test/?p=202', 'rss:http://blog.test/?p=101#comment-7', 'rss:http://blog.test/?p=101#comment-8']);
    const [akquise, crm, customer, owner] = out.mentions;
    expect(akquise).toMatchObject({
      source: 'rss',
      channel: 'blog_post',
      title: 'Wenn schon in der Akquisephase alles schief geht …..',
      thread: { rootId: post },
      brandContext: ['kundenwelt'],
      // Written by the blog's owner on the brand's own blog.
      author: { name: 'Redaktion', isBrand: true },
      createdAt: '2012-07-16T10:00:00.000Z',
      langHint: 'de-DE',
      metrics: { replies: 2 },
      url: 'http://blog.test/2012/07/akquisephase/',
    });
    expect(akquise?.text).toContain('„Wenn schon in der Akquisephase alles schief geht, wie wird dies später sein, wenn ich erst einmal Kunde bin?“');
    expect(akquise?.text).toContain('zeigen Vieles über die Wertigkeit des Kunden in einer späteren Geschäftsbeziehung.');
    expect(akquise?.text).not.toMatch(/tracker|color:red|<p>/);
    expect(crm?.author).toMatchObject({ name: 'Gastautorin', isBrand: false });
    expect(crm?.text).toContain('Reaktion des Kundenservice auf beide E-Mails: null.');
    expect(customer).toMatchObject({ channel: 'blog_comment', thread: { rootId: post, parentId: post }, author: { name: 'Jörg K.', isBrand: false } });
    expect(customer?.text).toBe('Genau so ging es mir auch: drei Wochen keine Antwort auf meine E-Mail!');
    expect(owner).toMatchObject({ channel: 'blog_comment', author: { name: 'Redaktion', isBrand: true }, brandContext: ['kundenwelt'] });
  });

  it('asks conditionally the next time and does nothing on 304', async () => {
    serveSeedBlog();
    const out = collector();
    const ingestor = h.make([feedConfig('/feed/')]);
    const feed = ingestor['options'].feeds[0]!;
    await ingestor.pollOnce(feed, out.emit, h.controller.signal);
    expect(await ingestor.pollOnce(feed, out.emit, h.controller.signal)).toBe(0);
    expect(h.feeds.requestsTo('/feed/').map((r) => [r.status, r.headers['if-none-match']])).toEqual([[200, undefined], [304, '"v1"']]);
    expect(hasLog(h.t.logs, 'feed not modified (304)')).toBe(true);

    // The feed changes but the post's comment count does not: its comment feed is not asked again.
    const route = h.feeds.routes.get('/feed/')!;
    route.etag = '"v2"';
    await ingestor.pollOnce(feed, out.emit, h.controller.signal);
    expect(h.feeds.requestsTo('/2012/07/akquisephase/feed/')).toHaveLength(1);
    // The count changes: the comment feed is asked conditionally and answers 304.
    route.body = route.body.toString().replace('<slash:comments>2</slash:comments>', '<slash:comments>3</slash:comments>');
    route.etag = '"v3"';
    await ingestor.pollOnce(feed, out.emit, h.controller.signal);
    const commentRequests = h.feeds.requestsTo('/2012/07/akquisephase/feed/');
    expect(commentRequests.map((r) => [r.status, r.headers['if-modified-since']])).toEqual([[200, undefined], [304, 'Tue, 17 Jul 2012 09:05:00 GMT']]);
    expect(out.mentions).toHaveLength(4);
  });

  it('retries a failed comment feed on the next poll even though the feed itself is unchanged', async () => {
    serveSeedBlog();
    h.feeds.routes.get('/2012/07/akquisephase/feed/')!.failures = [{ status: 500 }];
    const out = collector();
    const ingestor = h.make([feedConfig('/feed/')]);
    const feed = ingestor['options'].feeds[0]!;
    await ingestor.pollOnce(feed, out.emit, h.controller.signal);
    expect(out.mentions).toHaveLength(2);
    expect(hasLog(h.t.logs, 'comment feed failed; retried next poll')).toBe(true);
    await ingestor.pollOnce(feed, out.emit, h.controller.signal);
    // No If-None-Match the second time: the ETag was held back, so the post list came again.
    expect(h.feeds.requestsTo('/feed/').map((r) => r.status)).toEqual([200, 200]);
    expect(out.ids().slice(2)).toEqual(['rss:http://blog.test/?p=101#comment-7', 'rss:http://blog.test/?p=101#comment-8']);
  });

  it('drops the comment-feed checkpoint of a post that left the feed', async () => {
    serveSeedBlog();
    const out = collector();
    const ingestor = h.make([feedConfig('/feed/')]);
    const feed = ingestor['options'].feeds[0]!;
    await ingestor.pollOnce(feed, out.emit, h.controller.signal);
    const commentKey = `comments:${h.feeds.base}/2012/07/akquisephase/feed/`;
    expect(await h.t.state.getState('checkpoint:blogs', commentKey)).toBeDefined();
    const route = h.feeds.routes.get('/feed/')!;
    route.body = route.body.toString().replace(/<item>\s*<title>Wenn schon[\s\S]*?<\/item>/, '');
    route.etag = '"v2"';
    await ingestor.pollOnce(feed, out.emit, h.controller.signal);
    expect(await h.t.state.getState('checkpoint:blogs', commentKey)).toBeUndefined();
    expect(out.mentions).toHaveLength(4);
  });

  it('decodes an ISO-8859-1 feed by its XML declaration or Content-Type charset', async () => {
    h.feeds.routes.set('/latin1-decl', { body: fixture('latin1-umlauts.xml'), contentType: 'application/xml' });
    h.feeds.routes.set('/latin1-header', { body: fixture('latin1-umlauts.xml').toString('latin1').replace(' encoding="ISO-8859-1"', ''), contentType: 'text/xml; charset=ISO-8859-1' });
    h.feeds.routes.get('/latin1-header')!.body = Buffer.from(h.feeds.routes.get('/latin1-header')!.body as string, 'latin1');
    for (const path of ['/latin1-decl', '/latin1-header']) {
      const out = collector();
      const ingestor = h.make([feedConfig(path)]);
      await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
      expect(out.mentions[0]?.title).toBe('Störung im Fernwärmenetz Süd');
      expect(out.mentions[0]?.text).toBe('Wegen einer Störung ist die Wärmeversorgung in Süd unterbrochen. Grüße, Ihre Stadtwerke - wir bitten um Geduld (ß, ä, ö, ü, Ä, Ö, Ü, «»).');
    }
  });

  it('trusts the XML declaration when the server wrongly labels an ISO-8859-1 feed as UTF-8, and logs it', async () => {
    h.feeds.routes.set('/mislabelled', { body: fixture('latin1-umlauts.xml'), contentType: 'text/xml; charset=utf-8' });
    const out = collector();
    const ingestor = h.make([feedConfig('/mislabelled')]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.mentions[0]?.title).toBe('Störung im Fernwärmenetz Süd');
    expect(h.t.logs.find((l) => l.msg === 'feed bytes did not fit their charset')?.problem).toBe('Content-Type says utf-8 but the bytes are not; decoded as ISO-8859-1 from the XML declaration');
  });

  it('reads a UTF-16 feed by its byte-order mark when the Content-Type names no charset', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>t</title><item><guid>http://utf16.test/1</guid><description>Störung über Grüße €</description></item></channel></rss>';
    h.feeds.routes.set('/utf16', { body: iconv.encode(xml, 'utf-16le', { addBOM: true }), contentType: 'application/xml' });
    const out = collector();
    const ingestor = h.make([feedConfig('/utf16')]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.mentions[0]?.text).toBe('Störung über Grüße €');
    expect(h.t.quarantined).toEqual([]);
    expect(hasLog(h.t.logs, 'feed bytes did not fit their charset')).toBe(false);
  });

  it('decodes a UTF-8 feed mislabelled ISO-8859-1 as its XML declaration says, and logs the conflict', async () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><item><guid>http://mislabel.test/1</guid><description>Störung über Grüße €</description></item></channel></rss>';
    h.feeds.routes.set('/latin1-label', { body: Buffer.from(xml), contentType: 'application/rss+xml; charset=iso-8859-1' });
    const out = collector();
    const ingestor = h.make([feedConfig('/latin1-label')]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.mentions[0]?.text).toBe('Störung über Grüße €');
    expect(h.t.logs.find((l) => l.msg === 'feed bytes did not fit their charset')).toMatchObject({
      feed: `${h.feeds.base}/latin1-label`,
      problem: 'Content-Type says iso-8859-1 but the XML declaration says utf-8 and the bytes are UTF-8; decoded as UTF-8',
    });
  });

  it('replaces invalid UTF-8 with U+FFFD and logs why', async () => {
    const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><item><guid>bad-1</guid><title>Kaputt</title><description>Gr', 'utf8'), Buffer.from([0xfc, 0xdf]), Buffer.from('e aus K\u00f6ln</description></item></channel></rss>', 'utf8')]);
    h.feeds.routes.set('/bad-utf8', { body });
    const out = collector();
    const ingestor = h.make([feedConfig('/bad-utf8')]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.mentions[0]?.text).toBe('Gr\uFFFD\uFFFDe aus Köln');
    const line = h.t.logs.find((l) => l.msg === 'feed bytes did not fit their charset');
    expect(line?.problem).toMatch(/invalid UTF-8: 2 byte sequence/);
  });

  it('quarantines a broken feed with the reason, backs off, and emits everything once the feed is fixed', async () => {
    h.feeds.routes.set('/broken', { body: fixture('broken.xml') });
    const out = collector();
    const run = h.make([feedConfig('/broken')]).run(out.emit, h.controller.signal);
    await waitFor(() => h.t.quarantined.length >= 1 && hasLog(h.t.logs, 'feed poll failed; backing off'), 'quarantine and log line');
    expect(h.t.quarantined[0]?.reason).toMatch(/is not well-formed RSS\/Atom/);
    expect(h.t.status.list()[0]?.lastError).toMatch(/not well-formed/);
    h.feeds.routes.set('/broken', { body: fixture('duplicates.xml') });
    await waitFor(() => out.mentions.length === 2, 'items after the fix');
    h.controller.abort();
    await run;
    expect(out.ids()).toEqual([scoped('/broken', 'dup-1'), scoped('/broken', 'dup-2')]);
  });

  it('emits a guid listed twice once, and never again after a restart', async () => {
    h.feeds.routes.set('/dupes', { body: fixture('duplicates.xml'), etag: '"d1"' });
    const out = collector();
    const first = h.make([feedConfig('/dupes')]);
    await first.pollOnce(first['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.ids()).toEqual([scoped('/dupes', 'dup-1'), scoped('/dupes', 'dup-2')]);
    expect(h.t.logs.find((l) => l.msg === 'feed lists the same guid more than once; emitted once')?.duplicates).toBe(1);
    // The server forgets its ETag (new deploy): the full feed comes again, the seen set keeps it quiet.
    h.feeds.routes.get('/dupes')!.etag = '"d2"';
    const restarted = h.make([feedConfig('/dupes')]);
    await restarted.pollOnce(restarted['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.mentions).toHaveLength(2);
  });

  it('parks a second copy of a guid that says something else, once, instead of dropping it unseen (QA round 6)', async () => {
    const changed = fixture('duplicates.xml').toString('utf8').replace('<description>Mein Paket ist seit zwei Wochen unterwegs.</description>', '<description>Update: Paket kam beschädigt an.</description>');
    h.feeds.routes.set('/dupes', { body: changed });
    const out = collector();
    const ingestor = h.make([feedConfig('/dupes')]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.ids()).toEqual([scoped('/dupes', 'dup-1'), scoped('/dupes', 'dup-2')]);
    expect(out.mentions[0]?.text).toContain('seit zwei Wochen unterwegs');
    expect(h.t.quarantined.map((q) => q.reason)).toEqual([expect.stringMatching(/lists rss:.* twice with different text; the copy further down the feed was kept$/)]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(h.t.quarantined).toHaveLength(1);
  });

  it('keeps apart two feeds that use the same guids, with ids that survive a restart', async () => {
    const feedBody = (name: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title>${['eins', 'zwei']
      .map((n, i) => `<item><guid isPermaLink="false">${i + 1}</guid><description>${name} Post ${n} Nordbahn</description></item>`)
      .join('')}</channel></rss>`;
    h.feeds.routes.set('/a', { body: feedBody('Feed A'), etag: '"a1"' });
    h.feeds.routes.set('/b', { body: feedBody('Feed B'), etag: '"b1"' });
    const out = collector();
    const pollAll = async (ingestor: RssIngestor) => {
      for (const feed of ingestor['options'].feeds) await ingestor.pollOnce(feed, out.emit, h.controller.signal);
    };
    await pollAll(h.make([feedConfig('/a'), feedConfig('/b')]));
    expect(new Set(out.ids()).size).toBe(4);
    expect(out.mentions.find((m) => m.id === scoped('/a', '1'))?.text).toBe('Feed A Post eins Nordbahn');
    expect(out.mentions.find((m) => m.id === scoped('/b', '1'))?.text).toBe('Feed B Post eins Nordbahn');
    // Validators forgotten: the same items come again and a restarted ingestor recognises them by id.
    h.feeds.routes.get('/a')!.etag = '"a2"';
    h.feeds.routes.get('/b')!.etag = '"b2"';
    await pollAll(h.make([feedConfig('/a'), feedConfig('/b')]));
    expect(out.mentions).toHaveLength(4);
  });

  it('does not emit again what an older version recorded under the unscoped guid id', async () => {
    await h.t.state.putState('checkpoint:blogs', `feed:${h.feeds.base}/dupes`, { seen: ['rss:dup-1', 'rss:dup-2'] });
    h.feeds.routes.set('/dupes', { body: fixture('duplicates.xml') });
    const out = collector();
    const ingestor = h.make([feedConfig('/dupes')]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.mentions).toHaveLength(0);
    const state = (await h.t.state.getState('checkpoint:blogs', `feed:${h.feeds.base}/dupes`)) as { seen: string[] };
    expect(state.seen).toEqual(expect.arrayContaining([scoped('/dupes', 'dup-1'), scoped('/dupes', 'dup-2')]));
  });

  it('does not lose items the bus refused: the checkpoint stays, the next poll emits them', async () => {
    h.feeds.routes.set('/dupes', { body: fixture('duplicates.xml'), etag: '"d1"' });
    const out = collector();
    out.failNext(1);
    const run = h.make([feedConfig('/dupes')]).run(out.emit, h.controller.signal);
    await waitFor(() => out.mentions.length === 2, 'items emitted after the bus recovered');
    expect(h.feeds.requestsTo('/dupes')[1]?.headers['if-none-match']).toBeUndefined();
    expect(hasLog(h.t.logs, 'feed poll failed; backing off')).toBe(true);
    h.controller.abort();
    await run;
  });

  it('polls many feeds without piling abort listeners onto the one stop signal', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const paths = Array.from({ length: 27 }, (_, i) => `/many-${i}`);
      for (const path of paths) h.feeds.routes.set(path, { body: fixture('duplicates.xml') });
      const out = collector();
      const run = h.make(paths.map((path) => feedConfig(path)), { intervalSeconds: 5 }).run(out.emit, h.controller.signal);
      await waitFor(() => out.mentions.length === 2 * paths.length, 'every feed polled once');
      // Node reports the leak warning on the next tick; give it a few.
      await new Promise((r) => setTimeout(r, 50));
      h.controller.abort();
      await run;
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('honours Retry-After on 429', async () => {
    h.feeds.routes.set('/limited', { body: fixture('duplicates.xml'), failures: [{ status: 429, headers: { 'retry-after': '1' } }] });
    const out = collector();
    const run = h.make([feedConfig('/limited')]).run(out.emit, h.controller.signal);
    await waitFor(() => out.mentions.length === 2, 'items after the rate limit', 5_000);
    const [limited, ok] = h.feeds.requestsTo('/limited');
    expect(limited?.status).toBe(429);
    expect(ok!.at - limited!.at).toBeGreaterThanOrEqual(1000);
    expect(h.t.logs.find((l) => l.msg === 'feed poll failed; backing off')?.waitMs).toBe(1000);
    h.controller.abort();
    await run;
  });

  // Retry-After that says "now" must not mean a retry at once: at least the feed's own backoff minimum
  // (half of backoffBaseSeconds, see backoffDelay), whichever form the header takes.
  it.each([
    ['429, Retry-After: 0 (seconds)', 429, () => '0'],
    ['503, Retry-After: an HTTP date in the past', 503, () => new Date(Date.now() - 60_000).toUTCString()],
    ['503, Retry-After: the HTTP date of right now', 503, () => new Date().toUTCString()],
  ])('backs off at least the normal minimum on %s', async (_name, status, retryAfter) => {
    h.feeds.routes.set('/limited', { body: fixture('duplicates.xml'), failures: [{ status, headers: { 'retry-after': retryAfter() } }] });
    const out = collector();
    const run = h.make([feedConfig('/limited')], { backoffBaseSeconds: 0.6, backoffMaxSeconds: 0.6 }).run(out.emit, h.controller.signal);
    await waitFor(() => out.mentions.length === 2, 'items after the rate limit', 5_000);
    const [limited, ok] = h.feeds.requestsTo('/limited');
    expect(limited?.status).toBe(status);
    expect(h.t.logs.find((l) => l.msg === 'feed poll failed; backing off')?.waitMs).toBeGreaterThanOrEqual(300);
    expect(ok!.at - limited!.at).toBeGreaterThanOrEqual(300);
    h.controller.abort();
    await run;
  });

  it('honours a Retry-After HTTP date in the future', async () => {
    // HTTP dates have whole seconds: 2.5 s ahead is at least 1.5 s after rounding down.
    const at = new Date(Date.now() + 2_500).toUTCString();
    h.feeds.routes.set('/limited', { body: fixture('duplicates.xml'), failures: [{ status: 503, headers: { 'retry-after': at } }] });
    const out = collector();
    const run = h.make([feedConfig('/limited')]).run(out.emit, h.controller.signal);
    await waitFor(() => out.mentions.length === 2, 'items after the rate limit', 6_000);
    const [limited, ok] = h.feeds.requestsTo('/limited');
    expect(limited?.status).toBe(503);
    expect(h.t.logs.find((l) => l.msg === 'feed poll failed; backing off')?.waitMs).toBeGreaterThanOrEqual(1_400);
    expect(ok!.at - limited!.at).toBeGreaterThanOrEqual(1_400);
    h.controller.abort();
    await run;
  });

  it('truncates a huge post to MAX_TEXT_CHARS with a visible marker and says so in the log', async () => {
    const huge = `<p>${'Sehr lange Beschwerde über die Hotline. '.repeat(2000)}</p>`;
    h.feeds.routes.set('/huge', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>huge-1</guid><description><![CDATA[${huge}]]></description></item></channel></rss>` });
    const out = collector();
    const ingestor = h.make([feedConfig('/huge')]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    const text = out.mentions[0]?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(text).toMatch(/\[…gekürzt: \d+ Zeichen \/ truncated: \d+ characters\]$/);
    expect(hasLog(h.t.logs, 'long feed item truncated')).toBe(true);
  });

  it('keeps a post whose link or author is too long or whose date is unreadable, and says once what it dropped', async () => {
    const link = `http://blog.test/${'x'.repeat(3000)}`;
    h.feeds.routes.set('/oversized', {
      body: `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><item><guid>big-1</guid><link>${link}</link><dc:creator>${'N'.repeat(600)}</dc:creator><pubDate>garbage date</pubDate><description>Die Hotline ist nicht erreichbar.</description></item></channel></rss>`,
      etag: '"o1"',
    });
    const out = collector();
    const before = new Date().toISOString();
    const ingestor = h.make([feedConfig('/oversized')]);
    const feed = ingestor['options'].feeds[0]!;
    await ingestor.pollOnce(feed, out.emit, h.controller.signal);
    expect(h.t.quarantined).toEqual([]);
    expect(out.mentions).toHaveLength(1);
    const [post] = out.mentions;
    expect(post?.url).toBeUndefined();
    expect(post?.text).toBe('Die Hotline ist nicht erreichbar.');
    expect(post?.author.name).toMatch(/^N+$/);
    expect(post?.author.id.length).toBeLessThanOrEqual(256);
    expect(post!.createdAt >= before).toBe(true);
    const noted = () => h.t.logs.filter((l) => l.msg === 'feed item fields dropped or cut; post kept');
    expect(noted()).toHaveLength(1);
    expect(noted()[0]).toMatchObject({ feed: `${h.feeds.base}/oversized`, id: scoped('/oversized', 'big-1') });
    expect(noted()[0]?.notes).toEqual([
      expect.stringMatching(/^author name of 600 characters cut to \d+$/),
      'pubDate "garbage date" is not a date; dated when first seen',
      expect.stringMatching(/^link of 3017 characters dropped/),
    ]);
    // Fetched again (new ETag): the post is known, so nothing more is said about it.
    h.feeds.routes.get('/oversized')!.etag = '"o2"';
    await ingestor.pollOnce(feed, out.emit, h.controller.signal);
    expect(noted()).toHaveLength(1);
  });

  it('reads Atom entries and keeps scripts out of the text', async () => {
    h.feeds.routes.set('/atom', { body: fixture('atom.xml'), contentType: 'application/atom+xml' });
    const out = collector();
    const ingestor = h.make([feedConfig('/atom', { channel: 'news' })]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.mentions[0]).toMatchObject({ id: 'rss:urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a', channel: 'news', text: 'Seit Tagen ist die Hotline nicht erreichbar.', url: 'http://atom.test/hotline' });
  });

  it("reads a review portal's feed as reviews, so the brand's review SLA applies to them", async () => {
    h.feeds.routes.set('/reviews', { body: fixture('atom.xml'), contentType: 'application/atom+xml' });
    const out = collector();
    const ingestor = h.make([feedConfig('/reviews', { channel: 'review' })]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.mentions[0]).toMatchObject({ channel: 'review', text: 'Seit Tagen ist die Hotline nicht erreichbar.' });
  });

  it('keeps the word order of Atom xhtml content and summaries', async () => {
    const xhtml = (words: string) => `<div xmlns="http://www.w3.org/1999/xhtml"><p>${words}</p></div>`;
    h.feeds.routes.set('/atom-xhtml', {
      contentType: 'application/atom+xml',
      body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:uuid:feed</id><updated>2024-05-01T10:00:00Z</updated>
<entry><id>tag:atom.test,2024:1</id><title>Eins</title><updated>2024-05-01T10:00:00Z</updated><content type="xhtml">${xhtml('Erst <b>zweitens</b> drittens &amp; <i>viertens</i> fünftens')}</content><summary type="xhtml"/></entry>
<entry><id>tag:atom.test,2024:2</id><title>Zwei</title><updated>2024-05-01T11:00:00Z</updated><summary type='xhtml'>${xhtml('Kein <em>Rückruf</em> bekommen, <a href="http://x.test">nie</a> ]]&gt; wieder')}</summary></entry>
</feed>`,
    });
    const out = collector();
    const ingestor = h.make([feedConfig('/atom-xhtml')]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.mentions.map((m) => m.text)).toEqual(['Erst zweitens drittens & viertens fünftens', 'Kein Rückruf bekommen, nie ]]> wieder']);
  });

  it('quarantines items without an id or text and starts afresh from an unreadable checkpoint', async () => {
    await h.t.state.putState('checkpoint:blogs', `feed:${h.feeds.base}/odd`, { etag: 42, seen: 'nope' });
    h.feeds.routes.set('/odd', {
      body: '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Ohne Kennung</title><description>Text</description></item><item><guid>empty-1</guid></item><item><guid>ok-1</guid><description>Gut</description></item></channel></rss>',
    });
    const out = collector();
    const ingestor = h.make([feedConfig('/odd')]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    expect(out.ids()).toEqual([scoped('/odd', 'ok-1')]);
    expect(h.t.quarantined.map((q) => q.reason)).toEqual([
      expect.stringMatching(/item empty-1 has no text/),
      expect.stringMatching(/item has neither guid, id nor link$/),
    ]);
    expect(hasLog(h.t.logs, 'checkpoint unreadable, starting this key afresh')).toBe(true);
  });

  it('rejects a feed for an unknown brand, naming the field', () => {
    expect(() => rssIngestorFactory.create({ type: 'rss', name: 'blogs', enabled: true, feeds: [{ url: 'http://x.test/feed', brand: 'nobody' }] }, h.t.context)).toThrow(/blogs\.feeds\[0\]\.brand: unknown brand "nobody"/);
  });
});
