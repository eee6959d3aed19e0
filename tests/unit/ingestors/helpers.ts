/** Test doubles for the ingestor seam: an in-memory state store, a capturing log, and await-with-deadline. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { StateStore } from '../../../classifiers/types.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Brand, Mention } from '../../../src/model.ts';
import { Brand as BrandSchema } from '../../../src/model.ts';
import { SourceStatusBoard } from '../../../ingestors/status.ts';
import type { IngestorContext } from '../../../ingestors/types.ts';
import type { Secrets } from '../../../src/config.ts';

export class MemoryState implements StateStore {
  readonly data = new Map<string, unknown>();
  async getState(namespace: string, key: string): Promise<unknown> {
    const v = this.data.get(`${namespace}\u0000${key}`);
    return v === undefined ? undefined : structuredClone(v);
  }
  async putState(namespace: string, key: string, value: unknown): Promise<void> {
    this.data.set(`${namespace}\u0000${key}`, structuredClone(value));
  }
  async deleteState(namespace: string, key: string): Promise<void> {
    this.data.delete(`${namespace}\u0000${key}`);
  }
  async listState(namespace: string): Promise<Array<{ key: string; value: unknown }>> {
    return [...this.data.entries()]
      .filter(([k]) => k.startsWith(`${namespace}\u0000`))
      .map(([k, value]) => ({ key: k.slice(namespace.length + 1), value: structuredClone(value) }));
  }
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface TestContext {
  context: IngestorContext;
  state: MemoryState;
  status: SourceStatusBoard;
  quarantined: Array<{ source: string; reason: string; raw: unknown }>;
  logs: LogLine[];
}

export function brand(input: Partial<Brand> & { id: string; query: string }): Brand {
  return BrandSchema.parse({ name: input.id, ...input });
}

export function makeContext(options: { brands?: Brand[]; secrets?: Secrets; state?: MemoryState } = {}): TestContext {
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const log = pino({ level: 'debug' }, sink);
  const state = options.state ?? new MemoryState();
  const status = new SourceStatusBoard();
  const quarantined: TestContext['quarantined'] = [];
  const context: IngestorContext = {
    config: AppConfig.parse({}),
    brands: options.brands ?? [],
    secrets: options.secrets ?? {},
    state,
    status,
    async quarantine(source, reason, raw) {
      quarantined.push({ source, reason, raw });
      status.quarantined(source, 1);
    },
    log,
    baseDir: process.cwd(),
  };
  return { context, state, status, quarantined, logs };
}

/** Collects emitted mentions; `fail` makes the next emits reject (a bus that is down). */
export function collector() {
  const mentions: Mention[] = [];
  let failures = 0;
  return {
    mentions,
    ids: () => mentions.map((m) => m.id),
    failNext(n: number) {
      failures = n;
    },
    emit: async (batch: Mention[]): Promise<void> => {
      if (failures > 0) {
        failures--;
        throw new Error('bus unavailable');
      }
      mentions.push(...batch);
    },
  };
}

/** Polls `check` until it returns true or the deadline passes (then throws with `what`). */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

export function hasLog(logs: LogLine[], msg: string | RegExp): boolean {
  return logs.some((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(l.msg)));
}
