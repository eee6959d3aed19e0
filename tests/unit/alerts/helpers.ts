/** Test doubles for the alert tests: a JSON-backed state store, a hand-driven clock and a webhook receiver. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StateStore } from '../../../classifiers/types.ts';
import type { Clock } from '../../../src/alerts/clock.ts';
import type { AlertInput } from '../../../src/model.ts';
import { Alert } from '../../../src/model.ts';

/** State KV that stores JSON text, as a real store does, so nothing shares object identity with callers. */
export function memoryState(): StateStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const k = (ns: string, key: string) => `${ns}\u0000${key}`;
  return {
    data,
    async getState(ns, key) {
      const v = data.get(k(ns, key));
      return v === undefined ? undefined : JSON.parse(v);
    },
    async putState(ns, key, value) {
      data.set(k(ns, key), JSON.stringify(value));
    },
    async deleteState(ns, key) {
      data.delete(k(ns, key));
    },
    async listState(ns) {
      return [...data.entries()].filter(([key]) => key.startsWith(`${ns}\u0000`)).map(([key, v]) => ({ key: key.slice(ns.length + 1), value: JSON.parse(v) }));
    },
  };
}

/** A clock that moves only when the test says so; sleepers wake when time passes their deadline. */
export class ManualClock implements Clock {
  private sleepers: Array<{ until: number; resolve: () => void }> = [];
  constructor(private t: number = Date.parse('2026-03-02T09:00:00Z')) {}
  now(): number {
    return this.t;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted || ms <= 0) return resolve();
      const sleeper = { until: this.t + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  }
  advance(ms: number): void {
    this.t += ms;
    const due = this.sleepers.filter((s) => s.until <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.until > this.t);
    for (const s of due) s.resolve();
  }
}

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

export type Responder = (req: Received) => { status: number; headers?: Record<string, string>; body?: string };

/** A webhook receiver on 127.0.0.1 whose answer the test controls; it records what it accepted (2xx). */
export class Receiver {
  readonly requests: Received[] = [];
  readonly accepted: Received[] = [];
  respond: Responder = () => ({ status: 200, body: 'ok' });
  private server: Server | undefined;
  private waiters: Array<() => void> = [];
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const r: Received = { path: req.url ?? '', headers: req.headers, body, json: JSON.parse(body) };
        this.requests.push(r);
        const answer = this.respond(r);
        if (answer.status >= 200 && answer.status < 300) this.accepted.push(r);
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? '');
        for (const w of this.waiters.splice(0)) w();
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** Waits until `count` requests arrived, failing after `timeoutMs`. */
  async waitForRequests(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.requests.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} requests, got ${this.requests.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** Polls `check` until it holds or the deadline passes. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function makeAlert(overrides: Partial<AlertInput> = {}): Alert {
  return Alert.parse({
    id: 'unanswered:db:twitter:1001',
    kind: 'unanswered',
    brand: 'db',
    severity: 'warning',
    status: 'open',
    title: '',
    openedAt: '2026-03-02T08:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    mentions: ['twitter:1001'],
    examples: [
      {
        id: 'twitter:1001',
        text: 'Seit zwei Stunden hängt der ICE in Fulda fest und niemand sagt etwas. Ärgerlich!',
        url: 'https://x.com/anna/status/1001',
        author: '@anna',
        createdAt: '2026-03-02T07:00:00Z',
      },
    ],
    evidence: { waitedMinutes: 120, slaMinutes: 60 },
    dedupeKey: 'unanswered:twitter:1001',
    revision: 0,
    ...overrides,
  });
}
