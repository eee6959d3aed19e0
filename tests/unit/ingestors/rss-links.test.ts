import { describe, expect, it } from 'vitest';
import { feedHarness } from './feed-harness.ts';
import { collector } from './helpers.ts';

describe('rss links relative to their feed', () => {
  const h = feedHarness();

  const poll = async (path: string): Promise<ReturnType<typeof collector>> => {
    const out = collector();
    const ingestor = h.make([{ url: `${h.feeds.base}${path}` }]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    return out;
  };

  it('resolves item links and comment feeds against the feed’s own URL', async () => {
    h.feeds.routes.set('/site/feed/', {
      body: `<?xml version="1.0"?><rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>t</title>
<item><guid isPermaLink="false">p1</guid><link>/blog/post-1</link><wfw:commentRss>/blog/post-1/feed/</wfw:commentRss><pubDate>Mon, 04 May 2026 10:00:00 GMT</pubDate><description>Die Lieferung kam nie an.</description></item>
</channel></rss>`,
    });
    h.feeds.routes.set('/blog/post-1/feed/', {
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>
<item><guid isPermaLink="false">c1</guid><link>../#comment-1</link><pubDate>Mon, 04 May 2026 11:00:00 GMT</pubDate><description>Bei mir auch nicht.</description></item>
</channel></rss>`,
    });
    const out = await poll('/site/feed/');
    expect(out.mentions.map((m) => m.url)).toEqual([`${h.feeds.base}/blog/post-1`, `${h.feeds.base}/blog/post-1/#comment-1`]);
    expect(out.mentions[1]).toMatchObject({ channel: 'blog_comment', text: 'Bei mir auch nicht.' });
    expect(h.t.quarantined).toEqual([]);
  });

  it('resolves Atom links against xml:base of the feed and of the entry, and drops only a link that is not http(s)', async () => {
    h.feeds.routes.set('/atom', {
      contentType: 'application/atom+xml',
      body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.de/de/"><title>t</title><id>urn:uuid:feed</id><updated>2026-05-01T10:00:00Z</updated>
<entry><id>tag:blog.example.de,2026:1</id><title>Eins</title><link href="/blog/post-1"/><updated>2026-05-01T10:00:00Z</updated><content>Kein Rückruf.</content></entry>
<entry xml:base="https://shop.example.de/news/"><id>tag:blog.example.de,2026:2</id><title>Zwei</title><link href="post-2"/><updated>2026-05-01T11:00:00Z</updated><content>Paket verloren.</content></entry>
<entry><id>tag:blog.example.de,2026:3</id><title>Drei</title><link href="javascript:alert(1)"/><updated>2026-05-01T12:00:00Z</updated><content>Hotline besetzt.</content></entry>
</feed>`,
    });
    const out = await poll('/atom');
    expect(out.mentions.map((m) => [m.text, m.url])).toEqual([
      ['Kein Rückruf.', 'https://blog.example.de/blog/post-1'],
      ['Paket verloren.', 'https://shop.example.de/news/post-2'],
      ['Hotline besetzt.', undefined],
    ]);
  });
});
