/**
 * Without KUNDENRADAR_API_TOKEN (the default on loopback), other web pages must not change anything through the
 * analyst's browser (cross-site form POSTs, no-cors fetches) nor read the API through a DNS-rebinding name.
 * Requests go through node:http because fetch does not let a test choose the Host header.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createProbeApp } from '../../../dashboards/probe-app.ts';
import { demoConfig, serve } from './fixtures.ts';
import { dashboardHarness } from './harness.ts';

const TOKEN = 'test-token-0123456789abcdef';
const ALERT = 'unanswered:flinkpost:twitter:100';
const ACK = `/api/alerts/${encodeURIComponent(ALERT)}/ack`;
// Each test may acknowledge or resolve the seeded alert, so each gets its own store.
const harness = dashboardHarness('kundenradar-xsite-', { freshStorePerTest: true });
const start = harness.start;

interface Reply {
  status: number;
  body: any;
}

/** One raw HTTP request; `host` replaces the Host header the client would send. */
function call(url: string, method: string, pathAndQuery: string, headers: Record<string, string> = {}, body = ''): Promise<Reply> {
  const target = new URL(pathAndQuery, url);
  return new Promise((resolve, reject) => {
    const req = request(target, { method, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function alertStatus(): Promise<string | undefined> {
  return (await harness.store.getAlert(ALERT))?.status;
}

describe('state-changing requests without a token', () => {
  it('refuses another origin, as the QA repro sent it, and leaves the alert open', async () => {
    const { url } = await start();
    const reply = await call(url, 'POST', `/api/alerts/${encodeURIComponent(ALERT)}/resolve`, { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatch(/cross-site request refused/);
    expect(await alertStatus()).toBe('open');
  });

  it('refuses an empty form-style POST from another origin (an auto-submitted <form>)', async () => {
    const { url } = await start();
    const reply = await call(url, 'POST', ACK, { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' });
    expect(reply.status).toBe(403);
    expect(await alertStatus()).toBe('open');
  });

  it('refuses an empty form-style POST even without Origin, by its content type', async () => {
    const { url } = await start();
    const reply = await call(url, 'POST', ACK, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(reply.status).toBe(415);
    expect(await alertStatus()).toBe('open');
  });

  it('refuses Sec-Fetch-Site cross-site or same-site even without Origin, another local port, and Origin null', async () => {
    const { url } = await start();
    const crossSite: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'http://127.0.0.1:1' }, { origin: 'null' }];
    for (const headers of crossSite) {
      expect((await call(url, 'POST', ACK, headers)).status).toBe(403);
    }
    const saved = await call(url, 'POST', '/api/saved-searches', { origin: 'http://evil.example', 'content-type': 'application/json' }, JSON.stringify({ name: 'x', params: {} }));
    expect(saved.status).toBe(403);
    expect(await alertStatus()).toBe('open');
  });

  it('accepts the dashboard own same-origin fetch (Origin equal to the host) and clients without Origin', async () => {
    const { url } = await start();
    const own = await call(url, 'POST', ACK, { origin: url, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('acknowledged');
    const curl = await call(url, 'POST', `/api/alerts/${encodeURIComponent(ALERT)}/resolve`);
    expect(curl.status).toBe(200);
    const json = await call(url, 'POST', '/api/saved-searches', { origin: url, 'content-type': 'application/json' }, JSON.stringify({ name: 'Pakete', params: { q: 'Paket' } }));
    expect(json.status).toBe(201);
  });

  it('accepts the origin of server.publicUrl', async () => {
    const { url } = await start({ config: demoConfig({ publicUrl: 'https://radar.example.com' }) });
    expect((await call(url, 'POST', ACK, { origin: 'https://radar.example.com' })).status).toBe(200);
  });

  it('leaves the checks to the token when one is set (a proxy may rename the host)', async () => {
    const { url } = await start({ secrets: { apiToken: TOKEN } });
    const reply = await call(url, 'POST', ACK, { authorization: `Bearer ${TOKEN}`, origin: 'https://radar.internal', host: 'radar.internal' });
    expect(reply.status).toBe(200);
  });
});

describe('Host names without a token (DNS rebinding)', () => {
  it('answers loopback names and refuses any other, on reads too', async () => {
    const { url } = await start();
    const port = new URL(url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      expect((await call(url, 'GET', '/api/alerts', { host })).status, host).toBe(200);
    }
    const rebound = await call(url, 'GET', '/api/alerts', { host: `evil.example:${port}` });
    expect(rebound.status).toBe(421);
    expect(rebound.body.error).toMatch(/evil\.example.*KUNDENRADAR_API_TOKEN/);
    expect(rebound.body.alerts).toBeUndefined();
    expect((await call(url, 'GET', '/alerts', { host: 'evil.example' })).status).toBe(421);
    expect((await call(url, 'GET', '/metrics', { host: '127.0.0.1.evil.example' })).status).toBe(421);
  });

  it('also answers the host of server.publicUrl', async () => {
    const { url } = await start({ config: demoConfig({ publicUrl: 'https://radar.example.com/' }) });
    expect((await call(url, 'GET', '/api/alerts', { host: 'radar.example.com' })).status).toBe(200);
    expect((await call(url, 'GET', '/api/alerts', { host: 'other.example.com' })).status).toBe(421);
  });

  it('keeps the probes open and guards the metrics of a worker', async () => {
    const served = harness.track(await serve(createProbeApp({ config: demoConfig(), secrets: {} })));
    expect((await call(served.url, 'GET', '/healthz', { host: 'evil.example' })).status).toBe(200);
    expect((await call(served.url, 'GET', '/metrics', { host: 'evil.example' })).status).toBe(421);
    expect((await call(served.url, 'GET', '/metrics')).status).toBe(200);
  });
});
