import { describe, expect, it } from 'vitest';
import { feedHarness } from './feed-harness.ts';
import { collector } from './helpers.ts';

/** An RSS feed listing `guids` newest first, one hour apart. */
const feedOf = (guids: string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${guids
    .map((g, i) => `<item><guid isPermaLink="false">${g}</guid><pubDate>${new Date(Date.UTC(2026, 4, 4) - i * 3_600_000).toUTCString()}</pubDate><description>Beschwerde ${g}</description></item>`)
    .join('')}</channel></rss>`;

describe('rss seen set at its limit (seenLimit)', () => {
  const h = feedHarness();

  /** Serves `guids`, polls with a fresh ingestor (as after a restart) and returns what it emitted. */
  const pollWith = async (guids: string[]): Promise<string[]> => {
    h.feeds.routes.set('/feed', { body: feedOf(guids) });
    const out = collector();
    const ingestor = h.make([{ url: `${h.feeds.base}/feed` }], { seenLimit: 10 });
    await ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal);
    return out.mentions.map((m) => m.text);
  };

  it('does not emit again the oldest items of a feed that lists more items than the limit', async () => {
    const guids = Array.from({ length: 15 }, (_, i) => `g${15 - i}`);
    expect(await pollWith(guids)).toHaveLength(15);
    expect(await pollWith(guids)).toEqual([]);
    expect(await pollWith(['g16', ...guids])).toEqual(['Beschwerde g16']);
  });

  it('keeps an old item the feed still lists while newer items come and go', async () => {
    // A pinned post stays at the end of the feed; four new posts a poll push the others out.
    const emitted: string[] = [];
    for (let round = 0; round < 5; round++) {
      const fresh = Array.from({ length: 4 }, (_, i) => `r${round}-${4 - i}`);
      emitted.push(...(await pollWith([...fresh, 'pinned'])));
    }
    expect(emitted.filter((text) => text === 'Beschwerde pinned')).toHaveLength(1);
    expect(emitted).toHaveLength(21);
  });
});
