import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from '../../../src/alerts/backoff.ts';
import type { Resolver } from '../../../src/alerts/address-guard.ts';
import { postJson } from '../../../src/alerts/http.ts';

const open = { allowHttp: true, allowPrivateTargets: true };
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

describe('backoff', () => {
  it('uses the shared schedule: doubling up to the cap, half of each step jittered', () => {
    const policy = { minDelayMs: 1000, maxDelayMs: 8000, factor: 2 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
  });
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('postJson outcomes', () => {
  it('does not follow redirects: the URL has to be fixed', async () => {
    const url = await serve((_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/' }).end());
    expect(await postJson(url, '{}', {}, { policy: open })).toMatchObject({ kind: 'dead', status: 302, reason: expect.stringMatching(/redirects are not followed/) });
  });

  it("takes Discord's retry_after from the body when the header is missing", async () => {
    const url = await serve((_req, res) => res.writeHead(429, { 'content-type': 'application/json' }).end('{"message":"You are being rate limited.","retry_after":1.5,"global":false}'));
    expect(await postJson(url, '{}', {}, { policy: open })).toMatchObject({ kind: 'retry', status: 429, retryAfterMs: 1500 });
  });

  it('retries when the receiver does not answer in time', async () => {
    let arrived!: () => void;
    const seen = new Promise<void>((resolve) => (arrived = resolve));
    const url = await serve(() => arrived()); // never answers
    const outcome = await postJson(url, '{}', {}, { policy: open, timeoutMs: 200 });
    await seen;
    expect(outcome).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/no response within 200 ms/) });
  });

  it('gives up at the deadline also when the receiver trickles its answer byte by byte', async () => {
    // The socket idle timeout alone never fires while bytes keep coming: one slow receiver would hold its route
    // (one send at a time per route) and the notify stage's shutdown for ever.
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const drip = setInterval(() => res.write('.'), 20);
      res.on('close', () => clearInterval(drip));
    });
    const deadline = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 3_000).unref());
    const outcome = await Promise.race([postJson(url, '{}', {}, { policy: open, timeoutMs: 200 }), deadline]);
    expect(outcome).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/within 200 ms/) });
  });

  it('gives up when the receiver sends headers and then goes silent', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('.');
    });
    const deadline = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 3_000).unref());
    const outcome = await Promise.race([postJson(url, '{}', {}, { policy: open, timeoutMs: 200 }), deadline]);
    expect(outcome).toMatchObject({ kind: 'retry' });
  });

  it('checks where a public-looking host name resolves to when sending (DNS rebinding)', async () => {
    const url = await serve((_req, res) => res.end('ok'));
    const port = new URL(url).port;
    // A name that passed the config check but now resolves to this machine.
    const rebinding: Resolver = (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const strict = { allowHttp: true, allowPrivateTargets: false };
    expect(await postJson(`http://hooks.example.com:${port}/hook`, '{}', {}, { policy: strict, resolve: rebinding })).toEqual({
      kind: 'dead',
      reason: 'hooks.example.com resolves to 127.0.0.1, a loopback, link-local, private or metadata address',
    });
    const mapped: Resolver = (_host, _options, callback) => callback(null, [{ address: '93.184.216.34', family: 4 }, { address: '::ffff:169.254.169.254', family: 6 }]);
    expect(await postJson(`http://hooks.example.com:${port}/hook`, '{}', {}, { policy: strict, resolve: mapped })).toMatchObject({ kind: 'dead', reason: expect.stringMatching(/169\.254\.169\.254/) });
    expect(await postJson(`http://hooks.example.com:${port}/hook`, '{}', {}, { policy: open, resolve: rebinding })).toEqual({ kind: 'delivered', status: 200 });
  });

  it('refuses a private target at send time even if the config check was skipped', async () => {
    const url = await serve((_req, res) => res.end('ok'));
    expect(await postJson(url, '{}', {}, { policy: { allowHttp: true, allowPrivateTargets: false } })).toMatchObject({ kind: 'dead', reason: expect.stringMatching(/loopback/) });
  });
});
