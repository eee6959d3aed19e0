/**
 * Token auth (on/off, bearer, login cookie), open probes, security headers and escaping of everything the
 * server renders into HTML.
 */
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../dashboards/app.ts';
import { isLoopbackHost, issueSession, safeNext, verifySession } from '../../../dashboards/auth.ts';
import { escapeHtml, html, jsonDataBlock } from '../../../dashboards/html.ts';
import { ConfigError } from '../../../src/config.ts';
import { demoConfig, XSS_TEXT } from './fixtures.ts';
import { dashboardHarness } from './harness.ts';

const TOKEN = 'test-token-0123456789abcdef';
const harness = dashboardHarness('kundenradar-sec-');
const start = harness.start;

describe('auth defaults', () => {
  it('is off on loopback without a token', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/api/alerts`)).status).toBe(200);
    expect((await fetch(`${url}/complaints`)).status).toBe(200);
  });

  it('answers an unknown page with a plain-text 404 of its own, the path inert (QA round 6: Express\'s "Cannot GET")', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/no-such-page%3Cscript%3E`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toMatch(/^not found: GET \/no-such-page/);
  });

  it('refuses to start on a public interface without a token, saying what to set', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'dashboard.example.org']) {
      expect(() => createApp({ store: harness.store, config: demoConfig({ host }), secrets: {} })).toThrow(ConfigError);
    }
    expect(() => createApp({ store: harness.store, config: demoConfig({ host: '0.0.0.0' }), secrets: {} })).toThrow(/KUNDENRADAR_API_TOKEN: required .* 0\.0\.0\.0/);
    expect(() => createApp({ store: harness.store, config: demoConfig({ host: '0.0.0.0' }), secrets: { apiToken: TOKEN } })).not.toThrow();
  });

  it('treats only loopback names and addresses as local', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', 'example.org', '127.0.0.1.example.org'].some(isLoopbackHost)).toBe(false);
  });
});

describe('with a token', () => {
  it('rejects API calls without or with a wrong bearer token, accepts the right one', async () => {
    const { url } = await start({ secrets: { apiToken: TOKEN } });
    const none = await fetch(`${url}/api/mentions`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(`${url}/api/mentions`, { headers: { authorization: 'Bearer wrong-token-0123456789ab' } })).status).toBe(401);
    expect((await fetch(`${url}/api/mentions`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${url}/api/mentions`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('answers 429 after 30 refused tokens from one address (API, login form, ingest alike); requests that pass never count (QA round 6)', async () => {
    const ingest = express.Router();
    ingest.post('/api/ingest', (_req, res) => void res.status(401).json({ error: 'missing or wrong bearer token' }));
    const { url } = await start({ secrets: { apiToken: TOKEN }, extraRouters: [ingest] });
    const good = { headers: { authorization: `Bearer ${TOKEN}` } };
    for (let i = 0; i < 40; i++) expect((await fetch(`${url}/api/alerts`, good)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await fetch(`${url}/api/mentions`, { headers: { authorization: 'Bearer wrong-token-0123456789ab' } })).status).toBe(401);
    for (let i = 0; i < 10; i++) {
      const wrong = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token: `guess-${i}` }) });
      expect(wrong.headers.get('location')).toMatch(/^\/login\?failed=1/);
    }
    for (let i = 0; i < 10; i++) expect((await fetch(`${url}/api/ingest`, { method: 'POST' })).status).toBe(401);
    const limited = await fetch(`${url}/api/mentions`, { headers: { authorization: 'Bearer wrong-token-0123456789ab' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({ error: expect.stringMatching(/^too many refused tokens from this address/) });
    expect((await fetch(`${url}/api/alerts`, good)).status).toBe(429);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('keeps /healthz and /readyz open, and static files too', async () => {
    const { url } = await start({ secrets: { apiToken: TOKEN } });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect((await fetch(`${url}/static/common.js`)).status).toBe(200);
  });

  it('leaves extra routers (the ingest webhook) to their own auth', async () => {
    const ingest = express.Router();
    ingest.post('/ingest/webhook', (req, res) => void res.status(req.headers['x-ingest-token'] === 'ingest-secret' ? 202 : 401).end());
    const { url } = await start({ secrets: { apiToken: TOKEN }, extraRouters: [ingest] });
    expect((await fetch(`${url}/ingest/webhook`, { method: 'POST', headers: { 'x-ingest-token': 'ingest-secret' } })).status).toBe(202);
    expect((await fetch(`${url}/ingest/webhook`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${url}/api/alerts`)).status).toBe(401);
  });

  it('sends pages to the login form and logs in with an HttpOnly SameSite=Strict session cookie', async () => {
    const { url } = await start({ secrets: { apiToken: TOKEN } });
    const page = await fetch(`${url}/alerts?status=open`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/alerts?status=open')}`);

    const wrong = await fetch(`${url}/login`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ token: 'nope', next: '/alerts' }),
    });
    expect(wrong.headers.get('location')).toBe('/login?failed=1&next=%2Falerts');
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const login = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token: TOKEN, next: '/alerts' }) });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/alerts');
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0]!;
    expect((await fetch(`${url}/api/alerts`, { headers: { cookie: session } })).status).toBe(200);
    expect((await fetch(`${url}/alerts`, { headers: { cookie: session }, redirect: 'manual' })).status).toBe(200);

    const logout = await fetch(`${url}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: session } });
    expect(logout.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  it('marks the cookie Secure when the dashboard is published over https', async () => {
    const { url } = await start({ secrets: { apiToken: TOKEN }, config: demoConfig({ publicUrl: 'https://radar.example.org' }) });
    const login = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token: TOKEN }) });
    expect(login.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('rejects forged, expired and foreign-token sessions', () => {
    const now = Date.now();
    const good = issueSession(TOKEN, now);
    expect(verifySession(TOKEN, good, now)).toBe(true);
    expect(verifySession(TOKEN, good, now + 13 * 3600_000)).toBe(false);
    expect(verifySession('another-token-0123456789', good, now)).toBe(false);
    const [expires] = good.split('.');
    expect(verifySession(TOKEN, `${Number(expires) + 3600}.${good.split('.')[1]}`, now)).toBe(false);
    expect(verifySession(TOKEN, 'garbage', now)).toBe(false);
  });

  it('never redirects off-site after login', () => {
    expect(safeNext('/search?q=x')).toBe('/search?q=x');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', undefined]) {
      expect(safeNext(bad)).toBe('/');
    }
  });
});

describe('readiness', () => {
  it('answers 503 with details until ready, then 200', async () => {
    let state = { ready: false, details: { consumerLag: { classify: 1200 } } as Record<string, unknown> };
    const { url } = await start({ readiness: async () => state });
    const notReady = await fetch(`${url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ ready: false, details: { consumerLag: { classify: 1200 } } });
    state = { ready: true, details: { consumerLag: { classify: 0 } } };
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('reports a failing check as not ready instead of crashing', async () => {
    const { url } = await start({ readiness: async () => { throw new Error('store closed'); } });
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { details: { error: string } }).details.error).toBe('store closed');
  });
});

describe('headers and escaping', () => {
  it('sends a strict CSP without inline script, nosniff and frame protection', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/complaints`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('serves post text only as JSON, never inside HTML', async () => {
    const { url } = await start();
    const api = await fetch(`${url}/api/mentions?q=Paket&size=50`);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.stringify(await api.json())).toContain('<script>window.__xss=2');
    for (const page of ['/complaints', '/search?q=%3Cscript%3E', '/alerts', '/thread?root=twitter:666']) {
      const body = await (await fetch(url + page)).text();
      expect(body).not.toContain(XSS_TEXT);
      expect(body).not.toContain('<script>');
      expect(body).not.toMatch(/<script(?![^>]*(?:src="\/|type="application\/json"))/);
    }
  });

  it('escapes reflected values in the login page', async () => {
    const { url } = await start({ secrets: { apiToken: TOKEN } });
    const body = await (await fetch(`${url}/login?next=${encodeURIComponent('/x"><script>alert(1)</script>')}`)).text();
    expect(body).toContain('value="/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('escapes brand names from the config in page shells', async () => {
    const config = demoConfig();
    config.brands[0]!.name = '<img src=x onerror=alert(1)>';
    const { url } = await start({ config });
    const body = await (await fetch(`${url}/complaints`)).text();
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toContain('<img src=x');
  });

  it('the template escapes values and JSON blocks cannot be closed from inside', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
    expect(html`<p title="${'"><script>'}">${'<b>'}</p>`.value).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;</p>');
    const block = jsonDataBlock({ text: '</script><script>alert(1)</script>' }).value;
    expect(block).not.toContain('</script>');
    expect(JSON.parse(block)).toEqual({ text: '</script><script>alert(1)</script>' });
  });
});

describe('language', () => {
  it('switches by ?lang=, remembers it, and otherwise follows Accept-Language', async () => {
    const { url } = await start();
    const en = await fetch(`${url}/alerts?lang=en`);
    const enBody = await en.text();
    expect(enBody).toContain('<html lang="en">');
    expect(enBody).toContain('>Alerts<');
    expect(en.headers.get('set-cookie')).toMatch(/kundenradar_lang=en/);
    const remembered = await (await fetch(`${url}/alerts`, { headers: { cookie: 'kundenradar_lang=en' } })).text();
    expect(remembered).toContain('<html lang="en">');
    const browser = await (await fetch(`${url}/alerts`, { headers: { 'accept-language': 'fr-FR, en;q=0.8, de;q=0.5' } })).text();
    expect(browser).toContain('<html lang="en">');
    const german = await (await fetch(`${url}/alerts`)).text();
    expect(german).toContain('<html lang="de">');
    expect(german).toContain('>Alarme<');
  });
});
