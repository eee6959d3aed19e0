/** The outbox and alert actions on the embedded store: what a real process restart leaves on disk. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../../../src/alerts/outbox.ts';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import { AppConfig } from '../../../src/config.ts';
import { acknowledgeAlert, NOTIFY_GROUP, resolveAlert, runNotifyStage } from '../../../src/stages/notify.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import { eventually, ManualClock, makeAlert, Receiver } from './helpers.ts';

let dir: string;
let receiver: Receiver;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kundenradar-outbox-'));
  receiver = new Receiver();
  await receiver.start();
});
afterEach(async () => {
  await receiver.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('outbox on the embedded store', () => {
  it('keeps a message that is still being retried across a restart of the process', async () => {
    const file = path.join(dir, 'kundenradar.db');
    const config = AppConfig.parse({ alerts: { routes: [{ name: 'chat', target: 'slack', url: receiver.url() }], allowHttp: true, allowPrivateTargets: true } });
    const clock = new ManualClock();
    receiver.respond = () => ({ status: 429, headers: { 'retry-after': '30' } });

    const bus = createMemoryBus();
    let store = await openSqliteStore(file);
    let controller = new AbortController();
    let stage = runNotifyStage({ bus, store, config, secrets: {}, signal: controller.signal, clock });
    await bus.publish('alerts', [{ key: 'db', value: makeAlert() }]);
    await receiver.waitForRequests(1);
    await eventually(async () => (await listOutbox(store))[0]?.lastStatus === 429, 5000, 'the 429 recorded');
    controller.abort();
    await stage;
    await store.close();

    receiver.respond = () => ({ status: 200 });
    store = await openSqliteStore(file);
    const [kept] = await listOutbox(store, { status: ['pending'] });
    expect(kept).toMatchObject({ route: 'chat', attempts: 1, lastStatus: 429 });
    expect(Date.parse(kept!.nextAttemptAt) - clock.now()).toBe(30_000);
    controller = new AbortController();
    stage = runNotifyStage({ bus, store, config, secrets: {}, signal: controller.signal, clock });
    clock.advance(30_000);
    await receiver.waitForRequests(2);
    await eventually(async () => (await listOutbox(store, { status: ['delivered'] })).length === 1, 5000, 'delivered');
    expect(await bus.lag('alerts', NOTIFY_GROUP)).toBe(0);
    expect(receiver.accepted).toHaveLength(1);
    expect(receiver.requests.map((r) => r.headers['idempotency-key'])).toEqual([kept!.id, kept!.id]);
    controller.abort();
    await stage;
    await store.close();
    await bus.close();
  });

  it('acknowledges and resolves alerts stored in the embedded store', async () => {
    const store = await openSqliteStore(path.join(dir, 'alerts.db'));
    try {
      await store.upsertAlert(makeAlert());
      await acknowledgeAlert(store, 'unanswered:db:twitter:1001', 'lena');
      await resolveAlert(store, 'unanswered:db:twitter:1001');
      const stored = await store.getAlert('unanswered:db:twitter:1001');
      expect(stored).toMatchObject({ status: 'resolved', revision: 2 });
      expect(stored?.acknowledgedAt).toBeDefined();
      expect(stored?.resolvedAt).toBeDefined();
    } finally {
      await store.close();
    }
  });
});
