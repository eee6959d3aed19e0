import { describe, expect, it } from 'vitest';
import { createIngestors, ingestorFactories, ingestorWebhookRouters, registerIngestorFactory } from '../../../ingestors/registry.ts';
import { ConfigError, SourceConfig } from '../../../src/config.ts';
import { brand, makeContext } from './helpers.ts';

const sources = (list: unknown[]) => list.map((s) => SourceConfig.parse(s));

describe('ingestor registry', () => {
  const t = makeContext({ brands: [brand({ id: 'acme', query: 'acme' })], secrets: { twitterBearerToken: 'b', facebookAccessToken: 'f' } });

  it('builds one ingestor per enabled source, by type', () => {
    const ingestors = createIngestors(
      sources([
        { type: 'twitter', name: 'x' },
        { type: 'rss', name: 'blogs', feeds: [{ url: 'https://blog.example/feed/', brand: 'acme', ownerNames: ['Redaktion'] }] },
        { type: 'facebook', name: 'fb', pages: [{ id: '123', brand: 'acme' }] },
        { type: 'rss', name: 'off', enabled: false, feeds: [] },
      ]),
      t.context,
    );
    expect(ingestors.map((i) => [i.type, i.name])).toEqual([['twitter', 'x'], ['rss', 'blogs'], ['facebook', 'fb']]);
    expect(t.status.list().map((s) => [s.name, s.type, s.itemsTotal])).toEqual([['blogs', 'rss', 0], ['fb', 'facebook', 0], ['x', 'twitter', 0]]);
    // Only the Facebook source takes webhooks.
    expect(ingestorWebhookRouters(ingestors, async () => undefined)).toHaveLength(1);
  });

  it('collects every problem with its config path in one ConfigError', () => {
    const bare = makeContext({ brands: [brand({ id: 'acme', query: 'acme' })], secrets: {} });
    let error: unknown;
    try {
      createIngestors(
        sources([
          { type: 'rss', name: 'blogs', feeds: [{ url: 'not a url' }], intervalSecs: 5 },
          { type: 'mastodon', name: 'm' },
          { type: 'twitter', name: 'x' },
          { type: 'facebook', name: 'fb', pages: [] },
          { type: 'twitter', name: 'x2', brands: ['acme', 'nobody'] },
        ]),
        bare.context,
        'kundenradar.yaml',
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues).toContain('sources[0]: unknown field(s) intervalSecs');
    expect(issues.some((i) => i.startsWith('sources[0].feeds[0].url:'))).toBe(true);
    expect(issues.find((i) => i.startsWith('sources[1].type:'))).toMatch(/^sources\[1\]\.type: unknown source type "mastodon" \(known: facebook, (.+, )?rss, twitter\)$/);
    expect(issues).toContain('sources[2]: source "x": set TWITTER_BEARER_TOKEN in the environment');
    expect(issues.some((i) => i.startsWith('sources[3].pages:'))).toBe(true);
    expect(issues).toContain('sources[4].brands[1]: unknown brand "nobody"');
    expect((error as ConfigError).message).toMatch(/^Invalid configuration in kundenradar\.yaml/);
  });

  it('accepts factories registered later (the replay source)', () => {
    registerIngestorFactory({ type: 'replay-test', create: (source) => ({ name: source.name, type: 'replay-test', run: async () => undefined }) });
    expect(createIngestors(sources([{ type: 'replay-test', name: 'demo' }]), t.context).map((i) => i.name)).toEqual(['demo']);
    delete ingestorFactories['replay-test'];
  });
});
