/**
 * What an operator alerts on (QA ops finding 2): ingest pushes, handler failures, dead letters, Elasticsearch bulk
 * retries and refusals, publish retries, consumer lag, open storms. Read from the registry /metrics serves.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createIngestRouter } from '../../../ingestors/webhook.ts';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import type { Bus } from '../../../src/bus/port.ts';
import { deadLetter } from '../../../src/stages/deadletter.ts';
import { bulkIndex } from '../../../src/store/es-bulk.ts';
import { BulkWriteError } from '../../../src/store/errors.ts';
import { withRetry } from '../../../src/retry.ts';
import { registry } from '../../../src/metrics.ts';
import { watchConsumers } from '../../../src/consumer-watch.ts';
import { exportOpenStorms } from '../../../src/stages/detect-metrics.ts';
import type { StreamDetector } from '../../../classifiers/types.ts';
import { increaseOf, metricValue } from '../../helpers/metrics.ts';
import { waitFor } from '../../helpers/wait.ts';
import { loadConfig } from '../../../src/config.ts';
import { startService } from '../../../src/pipeline.ts';

const TOKEN = 'ingest-token-0123456789';
const post = (id: string, text = 'Die Lieferung kam nie an. / The parcel never arrived.') => ({
  id: `review:${id}`,
  source: 'review',
  author: { id: 'u1', name: 'Ömer' },
  text,
  createdAt: '2026-11-30T08:00:00+01:00',
  thread: { rootId: `review:${id}` },
  channel: 'review',
});

describe('POST /api/ingest metrics', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function serve(emit: () => Promise<void>): Promise<string> {
    const app = express();
    app.use(createIngestRouter({ emit, token: TOKEN, handoffTimeoutMs: 200, quarantine: async () => undefined }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ingest`;
  }
  const push = (url: string, body: unknown, token = TOKEN) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

  it('counts accepted and rejected posts, and requests by status', async () => {
    const url = await serve(async () => undefined);
    const accepted = increaseOf('kundenradar_ingest_posts_total', { outcome: 'accepted' }, async () => {
      const rejected = await increaseOf('kundenradar_ingest_posts_total', { outcome: 'rejected' }, async () => {
        expect((await push(url, [post('1'), { ...post('2'), text: '' }, post('3')])).status).toBe(207);
      });
      expect(rejected).toBe(1);
    });
    expect(await accepted).toBe(2);
    expect(await increaseOf('kundenradar_ingest_requests_total', { status: '401' }, () => push(url, post('4'), 'wrong-token-0123456789'))).toBe(1);
  });

  it('counts posts answered 503 when the bus does not take them', async () => {
    const url = await serve(() => new Promise(() => undefined)); // a bus that never answers
    const unavailable = await increaseOf('kundenradar_ingest_posts_total', { outcome: 'unavailable' }, async () => {
      const requests = await increaseOf('kundenradar_ingest_requests_total', { status: '503' }, async () => {
        expect((await push(url, [post('5'), post('6')])).status).toBe(503);
      });
      expect(requests).toBe(1);
    });
    expect(unavailable).toBe(2);
  });
});

describe('worker serve', () => {
  it('exports the ingest series on its /metrics from the start (QA: serve exported no Kundenradar metric)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-metrics-'));
    const loaded = loadConfig(path.resolve(__dirname, '../../../demo/kundenradar.yaml'), { KUNDENRADAR_INGEST_TOKEN: TOKEN });
    loaded.config.store.path = path.join(dir, 'kundenradar.db');
    loaded.config.sources = [];
    loaded.config.alerts.routes = [];
    const serve = await startService(loaded, { stages: ['serve'], port: 0, bus: createMemoryBus() });
    try {
      const metrics = await (await fetch(`${serve.url}/metrics`)).text();
      expect(metrics).toMatch(/^kundenradar_ingest_posts_total\{outcome="accepted"\} \d+$/m);
      expect(metrics).toMatch(/^kundenradar_ingest_requests_total\{status="503"\} \d+$/m);
    } finally {
      await serve.stop();
    }
  });
});

describe('bus metrics (embedded bus; the Kafka adapter counts at the same points)', () => {
  it('counts a failed handler per group: the batch is delivered again', async () => {
    const bus = createMemoryBus();
    const controller = new AbortController();
    let calls = 0;
    const failures = await increaseOf('kundenradar_handler_failures_total', { group: 'metrics-flaky' }, async () => {
      await bus.publish('mentions', [{ key: 'k', value: { n: 1 } }]);
      const consuming = bus.consume('mentions', 'metrics-flaky', async () => {
        calls++;
        if (calls === 1) throw new Error('Elasticsearch unavailable / Elasticsearch nicht erreichbar');
      }, controller.signal);
      await waitFor(async () => calls >= 2 && (await bus.lag('mentions', 'metrics-flaky')) === 0, { what: 'redelivered and committed' });
      controller.abort();
      await consuming;
    });
    expect(failures).toBe(1);
    await bus.close();
  });

  it('counts dead letters by the stage that parked them and the topic they came from', async () => {
    const bus = createMemoryBus();
    const message = { topic: 'classified' as const, key: 'brand', value: { nope: true }, partition: 0, offset: 0 };
    const parked = await increaseOf('kundenradar_deadletters_total', { stage: 'index', topic: 'classified' }, () => deadLetter(bus, 'index', message, 'invalid classified message'));
    expect(parked).toBe(1);
    await bus.close();
  });
});

describe('Elasticsearch bulk metrics', () => {
  it('counts a bulk retry for a 429 item and a refused document for a mapping error', async () => {
    const answers = [
      { errors: true, items: [{ index: { status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } }, { index: { status: 400, error: { type: 'mapper_parsing_exception', reason: 'bad date' } } }] },
      { errors: false, items: [{ index: { status: 201 } }] },
    ];
    const client = { transport: { request: async () => answers.shift() } };
    const docs = [{ index: 'm', id: 'a', document: {} }, { index: 'm', id: 'b', document: {} }];
    let thrown: unknown;
    const retries = await increaseOf('kundenradar_es_bulk_retries_total', {}, async () => {
      const refused = await increaseOf('kundenradar_es_rejected_documents_total', { reason: 'refused' }, () => bulkIndex(client as never, docs, { minTimeoutMs: 1, maxTimeoutMs: 2 }).catch((err: unknown) => (thrown = err)));
      expect(refused).toBe(1);
    });
    expect(retries).toBe(1);
    expect(thrown).toBeInstanceOf(BulkWriteError);
  });

  it('the retry helper reports each retried failure, not the final one (Kafka publish retries count through it)', async () => {
    const retried: string[] = [];
    await expect(withRetry(async (n) => Promise.reject(new Error(`attempt ${n}`)), { what: 'test', retries: 2, minDelayMs: 1, maxDelayMs: 1, onRetry: (e) => retried.push(e.message) })).rejects.toThrow('attempt 3');
    expect(retried).toEqual(['attempt 1', 'attempt 2']);
  });
});

describe('gauges read when scraped', () => {
  it('exports consumer lag per topic and group, and shares one bus reading between /readyz and a scrape', async () => {
    const inner = createMemoryBus();
    let reads = 0;
    const bus: Bus = { ...inner, lag: (topic, group) => (reads++, inner.lag(topic, group)) };
    await inner.publish('mentions', [1, 2, 3].map((n) => ({ key: `k${n}`, value: n })));
    const watch = watchConsumers(bus, [{ topic: 'mentions', group: 'metrics-lag' }]);
    try {
      expect(await watch.snapshot()).toEqual([{ topic: 'mentions', group: 'metrics-lag', lag: 3, members: 0 }]);
      expect(await registry.metrics()).toContain('kundenradar_consumer_lag{topic="mentions",group="metrics-lag",unit="messages"} 3');
      expect(await registry.metrics()).toContain('kundenradar_consumer_group_members{topic="mentions",group="metrics-lag"} 0');
      expect(reads).toBe(1);
    } finally {
      watch.close();
      await inner.close();
    }
    expect(await registry.metrics()).not.toContain('group="metrics-lag"');
  });

  it('exports the number of open shitstorm incidents while the detect stage runs', async () => {
    const storming = new Set(['kranich']);
    const shitstorm = { name: 'shitstorm', openIncident: (brand: string) => (storming.has(brand) ? { id: `storm:${brand}`, severity: 'critical' } : undefined) } as unknown as StreamDetector;
    const withdraw = exportOpenStorms([shitstorm], ['kranich', 'nordbahn', 'funkwelle']);
    try {
      expect(await metricValue('kundenradar_shitstorm_open_incidents')).toBe(1);
      storming.add('nordbahn');
      expect(await metricValue('kundenradar_shitstorm_open_incidents')).toBe(2);
    } finally {
      withdraw();
    }
  });
});
