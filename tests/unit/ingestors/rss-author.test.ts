import { describe, expect, it } from 'vitest';
import { readFeedAuthor } from '../../../ingestors/rss-author.ts';
import { feedHarness } from './feed-harness.ts';
import { brand, collector } from './helpers.ts';

const item = (guid: string, author: string): string =>
  `<item><guid isPermaLink="false">${guid}</guid><author>${author}</author><pubDate>Mon, 04 May 2026 10:00:00 GMT</pubDate><description>Seit Wochen keine Antwort.</description></item>`;

describe('rss authors given as e-mail addresses (RSS 2.0 <author>)', () => {
  const h = feedHarness([brand({ id: 'kundenwelt', query: 'Kundendialog' })]);

  it('shows the name, never the address, and does not build the author id from the address', async () => {
    h.feeds.routes.set('/feed', {
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
${item('a1', 'jane@example.com (Jane Doe)')}${item('a2', 'Max Muster &lt;max@example.de&gt;')}${item('a3', 'kunde@example.de')}${item('a4', 'KUNDE@example.de')}${item('a5', 'Redaktion')}
</channel></rss>`,
    });
    const out = collector();
    const ingestor = h.make([{ url: `${h.feeds.base}/feed`, brand: 'kundenwelt', ownerNames: ['Jane Doe'] }]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    const host = new URL(h.feeds.base).host;
    const [jane, max, bare, upper, plain] = ['a1', 'a2', 'a3', 'a4', 'a5'].map((guid) => out.mentions.find((m) => m.id.endsWith(`:${guid}`))?.author);
    expect(jane).toEqual({ id: `${host}:Jane Doe`, name: 'Jane Doe', isBrand: true });
    expect(max).toEqual({ id: `${host}:Max Muster`, name: 'Max Muster', isBrand: false });
    // A bare address: no name to show; the id is a hash, stable for the same address in any letter case.
    expect(bare?.name).toBeUndefined();
    expect(bare?.id).toMatch(new RegExp(`^${host}:mail-[0-9a-f]{12}$`));
    expect(upper?.id).toBe(bare?.id);
    expect(plain).toEqual({ id: `${host}:Redaktion`, name: 'Redaktion', isBrand: false });
    expect(JSON.stringify(out.mentions.map((m) => m.author))).not.toMatch(/@/);
  });
});

describe('readFeedAuthor', () => {
  it('takes the name from every common way of writing it beside an address', () => {
    expect(readFeedAuthor('"Jörg K." <joerg@example.de>')).toEqual({ name: 'Jörg K.' });
    expect(readFeedAuthor('Jane Doe (jane@example.com)')).toEqual({ name: 'Jane Doe' });
    expect(readFeedAuthor('jane@example.com ()').anonymousKey).toBe(readFeedAuthor('mailto:Jane@Example.com').anonymousKey);
    expect(readFeedAuthor('Team @ Kundenwelt')).toEqual({ name: 'Team @ Kundenwelt' });
    expect(readFeedAuthor('  ')).toEqual({});
  });
});
