import { describe, expect, it } from 'vitest';
import { feedHarness } from './feed-harness.ts';
import { collector, waitFor } from './helpers.ts';

/** A feed of `count` short items, newest first. */
const longFeed = (count: number): string => {
  const items: string[] = [];
  for (let i = count; i > 0; i--) {
    const date = new Date(Date.UTC(2026, 4, 4) - (count - i) * 1000).toUTCString();
    items.push(`<item><guid isPermaLink="false">n${i}</guid><pubDate>${date}</pubDate><description>&lt;p&gt;Paket ${i} nie angekommen&lt;/p&gt;</description></item>`);
  }
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`;
};

/**
 * Runs `work` while measuring the longest time the event loop could not run a 5 ms timer, and the whole time taken.
 * The test compares the two rather than a stall against a fixed limit, so a slow or busy machine does not fail it:
 * read in one piece, the parse is one stall as long as nearly the whole run.
 */
async function stallShare(work: () => Promise<unknown>): Promise<{ longest: number; total: number }> {
  const start = performance.now();
  let last = start;
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
    // One more tick, so a stall at the very end is measured too.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    clearInterval(timer);
  }
  const end = performance.now();
  return { longest: Math.max(longest, end - last), total: end - start };
}

describe('rss feeds too big to read at once', () => {
  const h = feedHarness();

  it('reads a feed of 20,000 items without stalling the other sources for seconds', async () => {
    h.feeds.routes.set('/long', { body: longFeed(20_000) });
    const out = collector();
    const ingestor = h.make([{ url: `${h.feeds.base}/long` }]);
    const { longest, total } = await stallShare(() => ingestor.pollOnce(ingestor['options'].feeds[0]!, out.emit, h.controller.signal));
    expect(out.mentions).toHaveLength(20_000);
    // Read in one piece, one stall took most of the run (10 s and more); read in turns, no stall comes near that.
    expect(longest / total).toBeLessThan(0.25);
  }, 120_000);

  it('refuses a feed over maxBytes with a status error that names the limit, and reads nothing of it', async () => {
    h.feeds.routes.set('/big', { body: 'x'.repeat(20 * 1024 * 1024) });
    const out = collector();
    const run = h.make([{ url: `${h.feeds.base}/big` }]).run(out.emit, h.controller.signal);
    await waitFor(() => h.t.status.list()[0]?.lastError !== undefined, 'status error');
    expect(h.t.status.list()[0]?.lastError).toMatch(/body exceeds the limit of 10485760 bytes \(maxBytes\)/);
    expect(out.mentions).toEqual([]);
    h.controller.abort();
    await run;
  });
});
