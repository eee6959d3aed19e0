import { describe, expect, it } from 'vitest';
import { feedHarness } from './feed-harness.ts';
import { collector } from './helpers.ts';

describe('rss items that cannot be read', () => {
  const h = feedHarness();

  const poll = async (): Promise<string[]> => {
    const out = collector();
    // A fresh ingestor each time: the memory of what was parked must survive a restart too.
    const ingestor = h.make([{ url: `${h.feeds.base}/feed` }]);
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    return out.ids();
  };

  it('are quarantined once, not again on every poll that still lists them', async () => {
    const items = (extra: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${extra}
<item><title>Ohne Kennung</title><description>Kein Rückruf.</description></item>
<item><guid isPermaLink="false">odd-1</guid><author><name>Ute</name></author><description>Text</description></item>
<item><guid isPermaLink="false">ok-1</guid><description>Gut</description></item></channel></rss>`;
    h.feeds.routes.set('/feed', { body: items('') });
    expect(await poll()).toHaveLength(1);
    expect(h.t.quarantined.map((q) => q.reason)).toEqual([expect.stringMatching(/item of unexpected shape/), expect.stringMatching(/item has neither guid, id nor link$/)]);
    expect(await poll()).toEqual([]);
    h.feeds.routes.set('/feed', { body: items('<item><guid isPermaLink="false">empty-1</guid></item>') });
    await poll();
    // Only the item that is new to the feed is parked this time.
    expect(h.t.quarantined.map((q) => q.reason).slice(2)).toEqual([expect.stringMatching(/item empty-1 has no text/)]);
    await poll();
    expect(h.t.quarantined).toHaveLength(3);
  });

  it('a feed that is not well-formed is quarantined once while it stays broken, and each poll still fails loudly', async () => {
    h.feeds.routes.set('/feed', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>a' });
    await expect(poll()).rejects.toThrow(/not well-formed RSS\/Atom/);
    await expect(poll()).rejects.toThrow(/the same body as before, quarantined then/);
    expect(h.t.quarantined).toHaveLength(1);
    // A different broken body is news, and once fixed the feed is read.
    h.feeds.routes.set('/feed', { body: '<rss><channel><item>' });
    await expect(poll()).rejects.toThrow(/not well-formed/);
    expect(h.t.quarantined).toHaveLength(2);
    h.feeds.routes.set('/feed', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid isPermaLink="false">ok-1</guid><description>Gut</description></item></channel></rss>' });
    expect(await poll()).toHaveLength(1);
  });
});
