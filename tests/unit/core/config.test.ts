import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, readEnvironment, slaMinutesFor } from '../../../src/config.ts';

describe('config', () => {
  it('fills defaults for an empty file', () => {
    const config = parseConfig('', 'k.yaml');
    expect(config.server.port).toBe(8080);
    expect(config.server.host).toBe('127.0.0.1');
    expect(config.classifier.model).toBe('learned');
    expect(config.brands).toEqual([]);
  });

  it('names the file, the path inside it and what is expected', () => {
    const text = ['server:', '  port: "achtzig"', 'brands:', '  - id: Deutsche Bahn', '    name: DB', '    query: bahn'].join('\n');
    try {
      parseConfig(text, '/etc/kundenradar.yaml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain('/etc/kundenradar.yaml');
      expect(message).toMatch(/server\.port: .*number/);
      expect(message).toMatch(/brands\[0\]\.id: a lower-case id/);
    }
  });

  it('rejects unknown fields instead of ignoring a typo', () => {
    expect(() => parseConfig('sever:\n  port: 1\n', 'k.yaml')).toThrow(/unknown field\(s\) sever/);
    expect(() => parseConfig('detect:\n  clok: wall\n  tickSecnds: 5\n', 'k.yaml')).toThrow(/detect: unknown field\(s\) clok, tickSecnds/);
  });

  it('refuses an alert route for a brand that is not configured (it could never match)', () => {
    const text = "brands:\n  - { id: a, name: A, query: 'A' }\nalerts:\n  routes:\n    - { name: x, target: slack, url: 'https://hooks.example.com/x', brands: [Funkwelle] }\n";
    expect(() => parseConfig(text, 'k.yaml')).toThrow(/k\.yaml:\n {2}- alerts\.routes\[0\]\.brands: unknown brand "Funkwelle" \(brand ids: a\)/);
  });

  it('reports a bad alert route before anything starts, naming the file', async () => {
    const { checkAlertRoutes } = await import('../../../src/stages/notify.ts');
    const config = parseConfig("alerts:\n  routes:\n    - { name: x, target: slack, url: 'http://127.0.0.1:1/x' }\n", 'k.yaml');
    expect(() => checkAlertRoutes({ file: 'k.yaml', baseDir: '.', config, env: {}, secrets: {} }, {})).toThrow(/^Invalid configuration in k\.yaml:\n {2}- alerts\.routes\[0\]\.url: must use https/);
  });

  it('reports YAML syntax errors', () => {
    expect(() => parseConfig('brands: [\n', 'k.yaml')).toThrow(/YAML syntax/);
  });

  it('rejects duplicate brand ids', () => {
    const text = 'brands:\n  - {id: a, name: A, query: a}\n  - {id: a, name: B, query: b}\n';
    expect(() => parseConfig(text, 'k.yaml')).toThrow(/brands\[1\]\.id: duplicate/);
  });

  it('takes secrets only from the environment and checks their shape', () => {
    const { env, secrets } = readEnvironment({ KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093', KUNDENRADAR_API_TOKEN: 'x'.repeat(20) });
    expect(env.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(secrets.apiToken).toBe('x'.repeat(20));
    expect(() => readEnvironment({ KUNDENRADAR_API_TOKEN: 'short' })).toThrow(/KUNDENRADAR_API_TOKEN: use at least 16 characters/);
  });

  it('chooses the SLA from brand override, config, then defaults', () => {
    const config = parseConfig('sla:\n  facebook: 120\n', 'k.yaml');
    const brand = { id: 'b', name: 'B', query: 'b', accounts: [], language: 'de' as const, sla: { twitter: 30 } };
    expect(slaMinutesFor(config, brand, 'twitter', 'reply')).toBe(30);
    expect(slaMinutesFor(config, brand, 'facebook', 'page_comment')).toBe(120);
    expect(slaMinutesFor(config, undefined, 'rss', 'blog_comment')).toBe(1440);
    expect(slaMinutesFor(config, undefined, 'twitter', 'post')).toBe(60);
  });
});

import { Mention, Timestamp } from '../../../src/model.ts';

describe('Mention schema at the boundary', () => {
  const base = { id: 'webhook:1', source: 'webhook', author: { id: 'u' }, text: 'Paket kommt nicht', createdAt: '2026-11-01T10:00:00Z', thread: { rootId: 'webhook:1' }, channel: 'post' };
  it('accepts http(s) links and refuses script or data URLs', () => {
    expect(Mention.safeParse({ ...base, url: 'https://social.example/p/1' }).success).toBe(true);
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JAVASCRIPT:alert(1)']) {
      expect(Mention.safeParse({ ...base, url }).success, url).toBe(false);
    }
  });
  it('refuses unknown fields and over-long text with a reason', () => {
    expect(Mention.safeParse({ ...base, surprise: 1 }).success).toBe(false);
    const long = Mention.safeParse({ ...base, text: 'x'.repeat(50_001) });
    expect(long.success).toBe(false);
    expect(JSON.stringify(long.error?.issues)).toContain('text longer than 50000 characters');
  });
  it('normalises timestamps to UTC Z form, passing ones already in it through unchanged, and refuses impossible days', () => {
    const cases = ['2026-11-01T10:00:00Z', '2026-11-01T11:00:00+01:00', '2026-11-01T10:00:00.5Z', '2026-11-01T10:00:00.000Z', '2024-02-29T23:59:59.999Z', '2026-12-31T23:30:00-01:00'];
    for (const s of cases) expect(Timestamp.parse(s), s).toBe(new Date(s).toISOString());
    for (const s of ['2026-02-29T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-11-01 10:00:00', 'yesterday']) expect(Timestamp.safeParse(s).success, s).toBe(false);
  });
});
