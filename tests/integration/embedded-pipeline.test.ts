/**
 * The embedded pipeline end to end, as a new user meets it: replay files through every stage, run the whole
 * service with its API on the bundled demo, stop it, start it again.
 */
import { writeSourceStatus } from '../../ingestors/status-shared.ts';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../src/commands/replay.ts';
import { loadConfig, type LoadedConfig } from '../../src/config.ts';
import { startService } from '../../src/pipeline.ts';
import { Alert, Classified } from '../../src/model.ts';
import { waitFor } from '../helpers/wait.ts';

const root = path.resolve(__dirname, '../..');
const seedsDir = path.resolve(root, '../shared/seeds');
const demoConfig = path.join(root, 'demo/kundenradar.yaml');

function tmp(name: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `kr-${name}-`));
}

function readLines<T>(file: string, parse: (v: unknown) => T): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => parse(JSON.parse(line)));
}

/** The demo config, with its store moved to a fresh directory so tests never touch a user's data. */
function demoWithStoreIn(dir: string): LoadedConfig {
  const loaded = loadConfig(demoConfig, { ...process.env, KAFKA_BROKERS: '', ELASTICSEARCH_URL: '' });
  loaded.config.store.path = path.join(dir, 'kundenradar.db');
  loaded.env = {};
  loaded.config.alerts.routes = [];
  return loaded;
}

describe('embedded pipeline', () => {
  it('replays the five seeds: 000–003 are complaints, 004 is not a customer complaint', async () => {
    const dir = tmp('seeds');
    const input = path.join(dir, 'seeds.jsonl');
    const lines = readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((file, i) => {
        const id = `seed:${file.slice(0, 3)}`;
        return JSON.stringify({
          id,
          source: 'seed',
          author: { id: 'blogger' },
          text: readFileSync(path.join(seedsDir, file), 'utf8').trim(),
          createdAt: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
          thread: { rootId: id },
          channel: 'blog_post',
        });
      });
    writeFileSync(input, lines.join('\n') + '\n');
    const out = path.join(dir, 'mentions.jsonl');
    const summary = await runReplay({ file: input, format: 'jsonl', mentionsOut: out, progress: () => undefined });
    expect(summary.mentions).toBe(5);
    const byId = new Map(readLines(out, (v) => Classified.parse(v)).map((m) => [m.id, m]));
    for (const id of ['seed:000', 'seed:001', 'seed:002', 'seed:003']) {
      expect(byId.get(id)?.complaint.isComplaint, id).toBe(true);
      expect(byId.get(id)?.complaint.cues.length, `${id} explains itself`).toBeGreaterThan(0);
      expect(byId.get(id)?.lang).toBe('de');
    }
    expect(byId.get('seed:004')?.complaint.isComplaint).toBe(false);
  });

  it('replays the demo set with event time: complaints, unanswered threads and a shitstorm come out', async () => {
    const dir = tmp('demo');
    const mentionsOut = path.join(dir, 'm.jsonl');
    const alertsOut = path.join(dir, 'a.jsonl');
    const summary = await runReplay({ file: path.join(root, 'demo/demo.jsonl'), format: 'jsonl', configFile: demoConfig, clock: 'event', mentionsOut, alertsOut, progress: () => undefined });
    const mentions = readLines(mentionsOut, (v) => Classified.parse(v));
    const alerts = readLines(alertsOut, (v) => Alert.parse(v));
    expect(mentions.length).toBe(summary.mentions);
    expect(summary.skipped).toBe(0);
    expect(mentions.filter((m) => m.complaint.isComplaint).length).toBeGreaterThan(20);
    expect(mentions.filter((m) => m.lang === 'en').length).toBeGreaterThan(10);
    expect(mentions.some((m) => m.replyKind === 'deflection')).toBe(true);
    expect(mentions.some((m) => m.replyKind === 'auto_reply')).toBe(true);
    expect(alerts.filter((a) => a.kind === 'unanswered').length).toBeGreaterThan(0);
    expect(alerts.filter((a) => a.kind === 'shitstorm').length).toBeGreaterThan(0);
    // Determinism: the same file gives the same classifications.
    const again = path.join(dir, 'm2.jsonl');
    await runReplay({ file: path.join(root, 'demo/demo.jsonl'), format: 'jsonl', configFile: demoConfig, mentionsOut: again, progress: () => undefined });
    const strip = (m: Classified) => ({ ...m, classifiedAt: '' });
    expect(readLines(again, (v) => Classified.parse(v)).map(strip).sort((a, b) => a.id.localeCompare(b.id))).toEqual(mentions.map(strip).sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('runs the whole service: demo data searchable over HTTP, kept across a restart, fed once, no duplicates when fed again', async () => {
    const dir = tmp('service');
    const demoCount = readFileSync(path.join(root, 'demo/demo.jsonl'), 'utf8').split('\n').filter(Boolean).length;

    const first = await startService(demoWithStoreIn(dir), { port: 0 });
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await waitFor(async () => first.sources().find((s) => s.name === 'demo')?.itemsTotal === demoCount && (await first.drained()), { timeoutMs: 60_000, what: 'demo replayed' });
      expect((await first.store.search({ size: 1 })).total).toBe(demoCount);
      const health = await fetch(`${first.url}/healthz`);
      expect(health.status).toBe(200);
      const res = await fetch(`${first.url}/api/mentions?q=Mahnung&complaint=true`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { total: number; hits: Array<{ mention: { text: string } }> };
      expect(page.total).toBeGreaterThan(0);
      const home = await fetch(`${first.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).not.toContain('<script>alert(1)</script>');
    } finally {
      await first.stop();
    }
    const alertsBefore = await (async () => {
      const again = await startService(demoWithStoreIn(dir), { stages: ['serve'], port: 0 });
      try {
        expect((await again.store.search({ size: 1 })).total).toBe(demoCount);
        // Serve alone: the sources run elsewhere, so their status is said to live elsewhere, not shown as idle.
        expect(((await (await fetch(`${again.url}/api/sources`)).json()) as { statusAvailable: boolean }).statusAvailable).toBe(false);
        // Once the ingest process (scaled mode: `worker ingest`) reported to the store, serve shows that health.
        await writeSourceStatus(again.store, [{ name: 'demo', type: 'replay', itemsTotal: 7, itemsPerMinute: 0, quarantined: 0, lastSuccessAt: new Date().toISOString() }], Date.now());
        const shared = (await (await fetch(`${again.url}/api/sources`)).json()) as { statusAvailable: boolean; sources: Array<{ name: string; status?: { itemsTotal: number } }> };
        expect(shared.statusAvailable).toBe(true);
        expect(shared.sources.find((x) => x.name === 'demo')?.status?.itemsTotal).toBe(7);
        const ready = await fetch(`${again.url}/readyz`);
        expect(ready.status).toBe(200);
        const alerts = (await again.store.alerts({ limit: 10_000 })).map((a) => `${a.id} r${a.revision}`).sort();
        // A store that no longer answers makes the probe say so (QA scaled run: "ready" with Elasticsearch stopped).
        const getAlert = again.store.getAlert.bind(again.store);
        again.store.getAlert = async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9200'));
        const notReady = await fetch(`${again.url}/readyz`);
        expect(notReady.status).toBe(503);
        expect(JSON.stringify(await notReady.json())).toContain('the store failed: connect ECONNREFUSED');
        again.store.getAlert = getAlert;
        return alerts;
      } finally {
        await again.stop();
      }
    })();

    // Start the whole service again: the demo file was fed completely, so it is not fed again, and no alert
    // changes (a second pass had given every open unanswered alert two new revisions, and chat two messages).
    const second = await startService(demoWithStoreIn(dir), { port: 0 });
    try {
      const settled = () => second.sources().find((s) => s.name === 'demo')?.lastSuccessAt !== undefined;
      await waitFor(async () => settled() && (await second.drained()), { timeoutMs: 60_000, what: 'second start settled' });
      expect(second.sources().find((s) => s.name === 'demo')?.itemsTotal).toBe(0);
      const res = await fetch(`${second.url}/api/mentions?size=1`);
      expect(((await res.json()) as { total: number }).total).toBe(demoCount);
      expect((await second.store.alerts({ limit: 10_000 })).map((a) => `${a.id} r${a.revision}`).sort()).toEqual(alertsBefore);
    } finally {
      await second.stop();
    }
    // Fed again on purpose (once: false): writes stay idempotent and no open alert is walked back and forth.
    const loadedAgain = demoWithStoreIn(dir);
    loadedAgain.config.sources = loadedAgain.config.sources.map((s) => ({ ...s, once: false }));
    const third = await startService(loadedAgain, { port: 0 });
    try {
      const replayed = () => third.sources().find((s) => s.name === 'demo')?.itemsTotal === demoCount;
      await waitFor(async () => replayed() && (await third.drained()), { timeoutMs: 60_000, what: 'third replay settled' });
      expect((await third.store.search({ size: 1 })).total).toBe(demoCount);
      expect((await third.store.alerts({ limit: 10_000 })).map((a) => a.id).sort()).toEqual(alertsBefore.map((a) => a.split(' ')[0]).sort());
    } finally {
      await third.stop();
    }
  }, 180_000);

  it('a worker without the dashboard serves its own probes and metrics on --metrics-port, and nothing else', async () => {
    const loaded = demoWithStoreIn(tmp('probes'));
    loaded.config.sources = [];
    const worker = await startService(loaded, { stages: ['classify'], metricsPort: 0 });
    try {
      // No dashboard URL: the CLI printed it as "Kundenradar dashboard: …", and it answers 404 (QA operations finding 6).
      expect(worker.url).toBeUndefined();
      const probes = worker.probeUrl!;
      expect(probes).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${probes}/healthz`)).status).toBe(200);
      const ready = (await (await fetch(`${probes}/readyz`)).json()) as { ready: boolean; details: { consumers: Record<string, { lagMessages: number; members: number }> } };
      expect(ready.ready).toBe(true);
      expect(ready.details.consumers).toEqual({ 'mentions/classify': { lagMessages: 0, members: 1 } });
      const metrics = await (await fetch(`${probes}/metrics`)).text();
      expect(metrics).toContain('process_cpu_seconds_total');
      expect((await fetch(`${probes}/api/mentions`)).status).toBe(404);
    } finally {
      await worker.stop();
    }
  });

  it('the serve stage alone runs until stopped: `done` does not settle at start (the CLI then said every stage had finished)', async () => {
    const loaded = demoWithStoreIn(tmp('serve-only'));
    loaded.config.sources = [];
    const serve = await startService(loaded, { stages: ['serve'], port: 0 });
    const settled = serve.done.then(() => 'settled');
    try {
      expect(serve.probeUrl).toBeUndefined();
      expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
      // Everything already settled has run by the next macrotask; `done` must still be pending.
      expect(await Promise.race([settled, new Promise((resolve) => setImmediate(() => resolve('pending')))])).toBe('pending');
    } finally {
      await serve.stop();
    }
    expect(await settled).toBe('settled');
  });

  it('refuses to start on a port another process holds, instead of claiming to listen', async () => {
    const { createServer } = await import('node:http');
    const other = createServer((_req, res) => res.end('other'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as { port: number }).port;
    try {
      const loaded = demoWithStoreIn(tmp('port'));
      loaded.config.sources = [];
      await expect(startService(loaded, { stages: ['serve'], port })).rejects.toThrow(`127.0.0.1:${port} is already in use`);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it('serve alone on the embedded bus refuses pushes with 503 instead of answering "accepted" and losing them', async () => {
    const loaded = demoWithStoreIn(tmp('serve-push'));
    loaded.config.sources = [];
    loaded.secrets = { ...loaded.secrets, ingestToken: 'ingest-token-0123456789' };
    const serve = await startService(loaded, { stages: ['serve'], port: 0 });
    try {
      const post = { id: 'shop:w1', source: 'shop', author: { id: 'a' }, text: 'Paket nie angekommen', createdAt: new Date().toISOString(), thread: { rootId: 'shop:w1' }, channel: 'post' };
      const res = await fetch(`${serve.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ingest-token-0123456789' }, body: JSON.stringify(post) });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toMatch(/no stage in this process takes pushed posts/);
    } finally {
      await serve.stop();
    }
  });

  it('counts pushed posts on /api/sources and lists what was refused on /api/quarantine, also after a restart', async () => {
    const dir = tmp('quarantine');
    const pushing = (): LoadedConfig => {
      const loaded = demoWithStoreIn(dir);
      loaded.config.sources = [];
      loaded.secrets = { ...loaded.secrets, ingestToken: 'ingest-token-0123456789' };
      return loaded;
    };
    const post = (id: string, extra: Record<string, unknown> = {}) => ({
      id,
      source: 'review',
      author: { id: 'u1' },
      text: 'Lieferung kam nie an, Hotline nicht erreichbar.',
      createdAt: '2026-11-30T08:00:00Z',
      thread: { rootId: id },
      channel: 'review',
      ...extra,
    });
    const first = await startService(pushing(), { port: 0 });
    try {
      const res = await fetch(`${first.url}/api/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ingest-token-0123456789' },
        body: JSON.stringify([post('review:1'), post('review:2', { colour: 'red' }), post('review:3')]),
      });
      expect(res.status).toBe(207);
      await waitFor(async () => (await first.drained()) && (await first.store.listState('quarantine')).length === 1, { timeoutMs: 30_000, what: 'pushed and quarantined' });
      const sources = (await (await fetch(`${first.url}/api/sources`)).json()) as { sources: Array<{ name: string; status?: { itemsTotal: number; quarantined: number } }> };
      expect(sources.sources.find((s) => s.name === 'webhook')?.status).toMatchObject({ itemsTotal: 2, quarantined: 1 });
    } finally {
      await first.stop();
    }
    const again = await startService(pushing(), { stages: ['serve'], port: 0 });
    try {
      const res = await fetch(`${again.url}/api/quarantine?limit=10`);
      expect(res.status).toBe(200);
      const list = (await res.json()) as { total: number; records: Array<{ stage: string; reason: string; preview: string }> };
      expect(list.total).toBe(1);
      expect(list.records[0]).toMatchObject({ stage: 'ingest:webhook', reason: expect.stringMatching(/^ingest item 1 rejected: .*colour/) });
      expect(list.records[0]?.preview).toContain('review:2');
      expect((await fetch(`${again.url}/api/quarantine?limit=0`)).status).toBe(400);
    } finally {
      await again.stop();
    }
  }, 60_000);
});
