/** Per-test setup for the feed tests: a local feed server, a fresh ingestor context and a stop signal. */
import { afterEach, beforeEach } from 'vitest';
import type { Brand } from '../../../src/model.ts';
import { RssIngestor, RssOptions } from '../../../ingestors/rss.ts';
import { makeContext, type TestContext } from './helpers.ts';
import { FakeFeeds } from './fake-feeds.ts';

export interface FeedHarness {
  feeds: FakeFeeds;
  t: TestContext;
  controller: AbortController;
  /** An rss ingestor over these feeds, polling fast and backing off briefly. */
  make(feedList: Array<Record<string, unknown>>, extra?: Record<string, unknown>): RssIngestor;
}

/** Registers beforeEach/afterEach; the returned harness is filled anew for every test. */
export function feedHarness(brands: Brand[] = []): FeedHarness {
  const h = {} as FeedHarness;
  beforeEach(async () => {
    h.feeds = new FakeFeeds();
    await h.feeds.start();
    h.t = makeContext({ brands });
    h.controller = new AbortController();
    h.make = (feedList, extra = {}) =>
      new RssIngestor(RssOptions.parse({ type: 'rss', name: 'blogs', feeds: feedList, intervalSeconds: 0.05, backoffBaseSeconds: 0.05, backoffMaxSeconds: 0.2, ...extra }), h.t.context);
  });
  afterEach(async () => {
    h.controller.abort();
    await h.feeds.stop();
  });
  return h;
}
