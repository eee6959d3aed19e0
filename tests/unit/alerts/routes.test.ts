import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, guardedLookup, isForbiddenAddress, UnsafeTargetError } from '../../../src/alerts/address-guard.ts';
import { resolveRoutes, routeMatches } from '../../../src/alerts/routes.ts';
import { AppConfig, ConfigError } from '../../../src/config.ts';
import { Receiver, makeAlert } from './helpers.ts';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

function alertsConfig(routes: unknown[], extra: Record<string, unknown> = {}): AppConfig['alerts'] {
  return AppConfig.parse({ alerts: { routes, ...extra } }).alerts;
}

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('route config', () => {
  it('resolves target options, defaults and the signing secret', () => {
    const routes = resolveRoutes(
      alertsConfig([
        { name: 'social-team', target: 'slack', url: 'https://hooks.slack.com/services/T0/B0/x', kinds: ['shitstorm'], groupWindowSeconds: 60 },
        { name: 'siem', target: 'generic', url: 'https://siem.example.com/in', language: 'en', secretEnv: 'SIEM_SECRET' },
      ]),
      { SIEM_SECRET: SECRET },
    );
    expect(routes[0]).toMatchObject({ name: 'social-team', target: 'slack', groupWindowMs: 60_000, maxPerMinute: 10, minSeverity: 'watch', language: 'de' });
    expect(routes[1]?.signingKey?.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('reads the URL from the environment when urlEnv is given', () => {
    const [route] = resolveRoutes(alertsConfig([{ name: 'd', target: 'discord', urlEnv: 'DISCORD_HOOK' }]), { DISCORD_HOOK: 'https://discord.com/api/webhooks/1/abc' });
    expect(route?.url).toBe('https://discord.com/api/webhooks/1/abc');
  });

  it('names every wrong field by its path', () => {
    const issues = issuesOf(() =>
      resolveRoutes(
        alertsConfig([
          { name: 'a', target: 'slack', url: 'http://hooks.slack.com/x' },
          { name: 'b', target: 'teams', url: 'https://x.example.com', maxPerMinute: 0 },
          { name: 'c', target: 'generic', url: 'https://x.example.com' },
          { name: 'd', target: 'mattermost', url: 'https://x.example.com', secretEnv: 'X' },
          { name: 'a', target: 'discord' },
        ]),
        {},
      ),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^alerts\.routes\[0\]\.url: must use https/),
        expect.stringMatching(/^alerts\.routes\[1\]\.maxPerMinute: /),
        expect.stringMatching(/^alerts\.routes\[2\]\.secretEnv: environment variable KUNDENRADAR_WEBHOOK_SECRET is not set/),
        expect.stringMatching(/^alerts\.routes\[3\]: unknown field\(s\) secretEnv/),
        'alerts.routes[4].name: duplicate route name "a"',
        'alerts.routes[4].url: give exactly one of url or urlEnv',
      ]),
    );
  });

  it('rejects a signing secret that is not whsec_ base64 of enough bytes', () => {
    const issues = issuesOf(() => resolveRoutes(alertsConfig([{ name: 'g', target: 'generic', url: 'https://x.example.com' }]), { KUNDENRADAR_WEBHOOK_SECRET: 'whsec_c2hvcnQ=' }));
    expect(issues[0]).toMatch(/^alerts\.routes\[0\]\.secretEnv: .*decodes to 5 bytes/);
  });

  it('refuses private targets unless allowed, and allows http only when allowed', () => {
    const config = [{ name: 'local', target: 'slack', url: 'http://127.0.0.1:9999/hook' }];
    expect(issuesOf(() => resolveRoutes(alertsConfig(config, { allowHttp: true }), {}))[0]).toMatch(/routes\[0\]\.url: points to a loopback/);
    expect(resolveRoutes(alertsConfig(config, { allowHttp: true, allowPrivateTargets: true }), {})).toHaveLength(1);
  });
});

describe('routing', () => {
  const route = { kinds: ['unanswered' as const], brands: ['db'], minSeverity: 'warning' as const };
  it('passes alerts of listed kinds and brands at or above the minimum severity', () => {
    expect(routeMatches(route, makeAlert({ severity: 'warning' }))).toBe(true);
    expect(routeMatches(route, makeAlert({ severity: 'critical' }))).toBe(true);
    expect(routeMatches(route, makeAlert({ severity: 'watch' }))).toBe(false);
    expect(routeMatches(route, makeAlert({ kind: 'shitstorm' }))).toBe(false);
    expect(routeMatches(route, makeAlert({ brand: 'telekom' }))).toBe(false);
    expect(routeMatches({ minSeverity: 'info' }, makeAlert({ brand: 'telekom', kind: 'complaint', severity: 'info' }))).toBe(true);
  });
});

describe('SSRF guard', () => {
  const strict = { allowHttp: false, allowPrivateTargets: false };
  it.each([
    'https://127.0.0.1/x',
    'https://127.8.9.10/x',
    'https://[::1]/x',
    'https://169.254.169.254/latest/meta-data/',
    'https://10.1.2.3/x',
    'https://172.16.0.1/x',
    'https://172.31.255.255/x',
    'https://192.168.178.1/x',
    'https://[fc00::1]/x',
    'https://[fd00:ec2::254]/x',
    'https://[fe80::1]/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://[::ffff:a9fe:a9fe]/x',
    'https://0.0.0.0/x',
    'https://2130706433/x', // decimal 127.0.0.1, normalised by the URL parser
    'https://0x7f.1/x',
    'https://localhost/x',
    'https://localhost./x',
    'https://metadata.google.internal/x',
    'https://intranet/x',
  ])('refuses %s', (url) => {
    expect(checkWebhookUrl(url, strict)).toMatch(/loopback, link-local, private or metadata/);
  });

  it.each(['https://hooks.slack.com/services/T/B/x', 'https://8.8.8.8/x', 'https://172.32.0.1/x', 'https://[2606:4700::1111]/x'])('accepts %s', (url) => {
    expect(checkWebhookUrl(url, strict)).toBeUndefined();
  });

  it('refuses other schemes and credentials in the URL', () => {
    expect(checkWebhookUrl('ftp://example.com/x', strict)).toMatch(/scheme ftp:/);
    expect(checkWebhookUrl('https://user:pw@example.com/x', strict)).toMatch(/credentials/);
    expect(checkWebhookUrl('not a url', strict)).toBe('not a valid URL');
  });

  it('classifies addresses, including IPv4 embedded in IPv6', () => {
    expect(isForbiddenAddress('::ffff:10.0.0.1')).toBe(true);
    expect(isForbiddenAddress('64:ff9b::169.254.169.254')).toBe(true);
    expect(isForbiddenAddress('93.184.216.34')).toBe(false);
    expect(isForbiddenAddress('2a00:1450:4001:80b::200e')).toBe(false);
  });

  it('checks the resolved address at connect time, so a public-looking name for a private address is refused', async () => {
    const receiver = new Receiver();
    await receiver.start();
    try {
      // "localhost" resolves through /etc/hosts to 127.0.0.1: the socket's lookup is what refuses it.
      const attempt = (allowPrivateTargets: boolean) =>
        new Promise<number | Error>((resolve) => {
          const req = http.request({ host: 'localhost', port: receiver.port, path: '/', method: 'POST', agent: false, lookup: guardedLookup({ allowHttp: true, allowPrivateTargets }) }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', resolve);
          req.end('{}');
        });
      const refused = await attempt(false);
      expect(refused).toBeInstanceOf(UnsafeTargetError);
      expect((refused as Error).message).toMatch(/localhost resolves to 127\.0\.0\.1/);
      expect(receiver.requests).toHaveLength(0);
      expect(await attempt(true)).toBe(200);
    } finally {
      await receiver.stop();
    }
  });
});
