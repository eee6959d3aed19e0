import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../src/alerts/dispatcher.ts';
import { listOutbox } from '../../../src/alerts/outbox.ts';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import type { Bus, BusMessage, DeadLetter } from '../../../src/bus/port.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Alert } from '../../../src/model.ts';
import { acknowledgeAlert, AlertNotFoundError, AlertTransitionError, NOTIFY_GROUP, resolveAlert, runNotifyStage } from '../../../src/stages/notify.ts';
import { listQuarantined, runQuarantineStage } from '../../../src/stages/quarantine.ts';
import type { Store } from '../../../src/store/port.ts';
import { eventually, ManualClock, makeAlert, memoryState, Receiver } from './helpers.ts';

let receiver: Receiver;
let bus: Bus;
beforeEach(async () => {
  receiver = new Receiver();
  await receiver.start();
  bus = createMemoryBus();
});
afterEach(async () => {
  await bus.close();
  await receiver.stop();
});

function config(routes: Array<Record<string, unknown>>): AppConfig {
  return AppConfig.parse({
    server: { publicUrl: 'https://radar.example.com' },
    brands: [{ id: 'db', name: 'Deutsche Bahn', query: '"Deutsche Bahn"' }],
    alerts: { routes, allowHttp: true, allowPrivateTargets: true },
  });
}

function start(state: ReturnType<typeof memoryState>, clock: ManualClock, cfg: AppConfig, extra: { maxPending?: number; maxBatch?: number } = {}) {
  const controller = new AbortController();
  let dispatcher: Dispatcher | undefined;
  const secrets = { webhookSigningSecret: `whsec_${Buffer.alloc(32, 1).toString('base64')}` };
  const done = runNotifyStage({ bus, store: state, config: cfg, secrets, signal: controller.signal, clock, random: () => 1, ...extra, onStart: (d) => (dispatcher = d) });
  return {
    done,
    dispatcher: () => dispatcher!,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

const publishAlerts = (alerts: unknown[]) => bus.publish('alerts', alerts.map((a) => ({ key: 'db', value: a })));

describe('notify stage', () => {
  it('routes alerts from the bus to the matching webhooks, once per revision, and dead-letters invalid messages', async () => {
    const state = memoryState();
    const clock = new ManualClock();
    const stage = start(
      state,
      clock,
      config([
        { name: 'shitstorms-en', target: 'slack', url: receiver.url('/slack'), kinds: ['shitstorm'], language: 'en' },
        { name: 'all-de', target: 'teams', url: receiver.url('/teams'), minSeverity: 'warning' },
      ]),
    );
    const storm = makeAlert({ id: 'shitstorm:db:1', kind: 'shitstorm', severity: 'critical', evidence: { observed: 80, expected: 10 } });
    const quiet = makeAlert({ id: 'unanswered:db:9', severity: 'watch' });
    await publishAlerts([storm, { ...storm }, { id: 'broken', kind: 'gossip' }, quiet]);
    await receiver.waitForRequests(2);
    await eventually(async () => (await bus.lag('alerts', NOTIFY_GROUP)) === 0, 5000, 'alerts consumed');

    expect(receiver.accepted.map((r) => r.path).sort()).toEqual(['/slack', '/teams']);
    const slack = receiver.accepted.find((r) => r.path === '/slack')!.json as { text: string };
    expect(slack.text).toBe('Critical · Shitstorm: Deutsche Bahn: 80 posts where 10 were expected.');
    const teams = JSON.stringify(receiver.accepted.find((r) => r.path === '/teams')!.json);
    expect(teams).toContain('Kritisch · Shitstorm: Deutsche Bahn');
    expect(teams).toContain('https://radar.example.com/alerts/shitstorm%3Adb%3A1');

    const dead: BusMessage[] = [];
    const readDead = new AbortController();
    const reading = bus.consume('deadletter', 'test', async (batch) => {
      dead.push(...batch);
      readDead.abort();
    }, readDead.signal);
    await reading;
    const letter = dead[0]?.value as DeadLetter;
    expect(letter).toMatchObject({ stage: 'notify', topic: 'alerts', key: 'db' });
    expect(letter.reason).toMatch(/^invalid alerts message: .*kind/);

    // The same revision again (bus redelivery) sends nothing new.
    await publishAlerts([storm]);
    await eventually(async () => (await bus.lag('alerts', NOTIFY_GROUP)) === 0, 5000, 'redelivery consumed');
    await stage.dispatcher().idle();
    expect(receiver.requests).toHaveLength(2);
    await stage.stop();
  });

  it('tells a route how an alert it received ends, even below its minimum severity', async () => {
    const state = memoryState();
    const clock = new ManualClock();
    const stage = start(state, clock, config([{ name: 'gen', target: 'generic', url: receiver.url(), minSeverity: 'warning', groupWindowSeconds: 0 }]));
    await publishAlerts([makeAlert({ severity: 'warning' })]);
    await receiver.waitForRequests(1);
    await publishAlerts([makeAlert({ severity: 'info', status: 'resolved', revision: 1 }), makeAlert({ id: 'unanswered:other', severity: 'info' })]);
    await receiver.waitForRequests(2);
    await eventually(async () => (await bus.lag('alerts', NOTIFY_GROUP)) === 0, 5000, 'consumed');
    await stage.dispatcher().idle();
    expect(receiver.accepted.map((r) => (r.json as { type: string }).type)).toEqual(['alert.opened', 'alert.resolved']);
    await stage.stop();
  });

  it('an acknowledged alert the detector escalates is announced as acknowledged, by whom, until it is resolved', async () => {
    const state = memoryState();
    const clock = new ManualClock();
    const stage = start(state, clock, config([{ name: 'gen', target: 'generic', url: receiver.url(), groupWindowSeconds: 0 }]));
    const sentStatus = () => receiver.accepted.map((r) => (r.json as { data: { alerts: Array<{ alert: Alert }> } }).data.alerts[0]!.alert);
    await publishAlerts([makeAlert({ severity: 'warning', revision: 1 })]);
    await receiver.waitForRequests(1);
    await publishAlerts([makeAlert({ severity: 'warning', status: 'acknowledged', revision: 2, acknowledgedAt: '2026-03-02T09:10:00Z', updatedAt: '2026-03-02T09:10:00Z', evidence: { acknowledgedBy: 'lena' } })]);
    await receiver.waitForRequests(2);
    // The detector's next revision knows nothing of the acknowledgement.
    await publishAlerts([makeAlert({ severity: 'critical', revision: 2, updatedAt: '2026-03-02T09:20:00Z', evidence: { waitedMinutes: 200, slaMinutes: 60 } })]);
    await receiver.waitForRequests(3);
    await publishAlerts([makeAlert({ severity: 'critical', status: 'resolved', revision: 3, updatedAt: '2026-03-02T09:30:00Z' })]);
    await receiver.waitForRequests(4);
    await publishAlerts([makeAlert({ id: 'unanswered:db:twitter:1001', severity: 'warning', revision: 4, updatedAt: '2026-03-02T09:40:00Z' })]);
    await receiver.waitForRequests(5);
    const sent = sentStatus();
    expect(sent.map((a) => a.status)).toEqual(['open', 'acknowledged', 'acknowledged', 'resolved', 'open']);
    expect(sent[2]).toMatchObject({ severity: 'critical', acknowledgedAt: '2026-03-02T09:10:00.000Z', evidence: { acknowledgedBy: 'lena', waitedMinutes: 200 } });
    await stage.stop();
  });

  it('sends no alert revision older than alerts.maxAgeMinutes: replayed history and old backlog stay on the dashboard', async () => {
    const state = memoryState();
    // Two days after the alerts of a week of history replayed on the event clock (QA live run: 199 stale alerts in 8 s).
    const clock = new ManualClock(Date.parse('2026-03-04T09:00:00Z'));
    const routes = [{ name: 'gen', target: 'generic', url: receiver.url(), groupWindowSeconds: 0 }];
    const stage = start(state, clock, config(routes));
    const old = makeAlert({ id: 'unanswered:db:old', updatedAt: '2026-03-02T09:00:00Z' });
    const fresh = makeAlert({ id: 'unanswered:db:fresh', openedAt: '2026-03-04T08:30:00Z', updatedAt: '2026-03-04T08:50:00Z' });
    await publishAlerts([old, fresh]);
    await receiver.waitForRequests(1);
    await eventually(async () => (await bus.lag('alerts', NOTIFY_GROUP)) === 0, 5000, 'consumed');
    await stage.dispatcher().idle();
    const sent = (r: { json: unknown }) => (r.json as { data: { alerts: Array<{ alert: { id: string } }> } }).data.alerts.map((a) => a.alert.id);
    expect(receiver.accepted.flatMap(sent)).toEqual(['unanswered:db:fresh']);
    await stage.stop();

    // 0 sends everything, for backtests that check the messages a replay would have sent.
    const everything = start(memoryState(), clock, AppConfig.parse({ ...config(routes), alerts: { ...config(routes).alerts, maxAgeMinutes: 0 } }));
    await publishAlerts([makeAlert({ id: 'unanswered:db:old2', updatedAt: '2026-03-02T09:00:00Z' })]);
    await receiver.waitForRequests(2);
    expect(receiver.accepted.flatMap(sent)).toEqual(['unanswered:db:fresh', 'unanswered:db:old2']);
    await everything.stop();
  });

  it('a slow webhook pauses consumption; after recovery and a restart everything arrives exactly once', async () => {
    const state = memoryState();
    const clock = new ManualClock();
    const cfg = config([{ name: 'chat', target: 'discord', url: receiver.url(), maxPerMinute: 100 }]);
    receiver.respond = () => ({ status: 503, body: 'down' });
    const first = start(state, clock, cfg, { maxPending: 2, maxBatch: 1 });
    await publishAlerts([1, 2, 3, 4, 5].map((n) => makeAlert({ id: `unanswered:db:${n}` })));
    await receiver.waitForRequests(1); // the second message waits behind the first, failing one
    await eventually(async () => (await listOutbox(state)).length === 2, 5000, 'two entries');
    // Consumption stopped at the limit: the rest waits on the bus, not in memory.
    expect(await bus.lag('alerts', NOTIFY_GROUP)).toBeGreaterThanOrEqual(2);
    expect((await listOutbox(state)).every((e) => e.status === 'pending')).toBe(true);
    await first.stop();

    receiver.respond = () => ({ status: 204 });
    const second = start(state, clock, cfg, { maxPending: 2, maxBatch: 1 });
    clock.advance(2000); // default backoff: 2 s before the first retry (random() = 1)
    await eventually(async () => (await bus.lag('alerts', NOTIFY_GROUP)) === 0 && (await listOutbox(state, { status: ['delivered'] })).length === 5, 5000, 'all delivered');
    await second.dispatcher().idle();
    const keys = receiver.accepted.map((r) => String(r.headers['idempotency-key']));
    expect(keys).toHaveLength(5);
    expect(new Set(keys).size).toBe(5);
    await second.stop();
  });

  it('two notify instances sharing one outbox send each message once after an outage (each sends only its partitions\' brands)', async () => {
    bus = createMemoryBus({ partitions: { alerts: 2 } });
    const state = memoryState();
    const clock = new ManualClock();
    const cfg = AppConfig.parse({
      brands: [
        { id: 'db', name: 'Deutsche Bahn', query: '"Deutsche Bahn"' },
        { id: 'telko', name: 'Telko', query: 'Telko' },
      ],
      alerts: { routes: [{ name: 'chat', target: 'generic', url: receiver.url(), maxPerMinute: 100 }], allowHttp: true, allowPrivateTargets: true },
    });
    receiver.respond = () => ({ status: 503, body: 'down' });
    const one = start(state, clock, cfg);
    const two = start(state, clock, cfg);
    const alerts = ['db', 'telko'].flatMap((brand) => [1, 2].map((n) => makeAlert({ id: `unanswered:${brand}:${n}`, brand })));
    await bus.publish('alerts', alerts.map((a) => ({ key: a.brand, value: a })));
    await eventually(async () => (await bus.lag('alerts', NOTIFY_GROUP)) === 0 && (await listOutbox(state)).length === 4, 5000, 'four entries');
    await receiver.waitForRequests(2); // the first message of each brand failed once; the rest waits behind it
    receiver.respond = () => ({ status: 204 });
    for (let i = 0; i < 10; i++) {
      clock.advance(30_000);
      await Promise.all([one.dispatcher().deliverDue(), two.dispatcher().deliverDue()]);
    }
    await eventually(async () => (await listOutbox(state, { status: ['delivered'] })).length === 4, 5000, 'all delivered');
    const keys = receiver.accepted.map((r) => String(r.headers['idempotency-key']));
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    await Promise.all([one.stop(), two.stop()]);
  });

  it('a message the outbox gives up on is also a dead letter, listed in the quarantine with route, status and attempts', async () => {
    const state = memoryState();
    const clock = new ManualClock();
    receiver.respond = () => ({ status: 400, body: 'invalid_payload' });
    const stage = start(state, clock, config([{ name: 'discord', target: 'discord', url: receiver.url() }]));
    const quarantine = new AbortController();
    // The quarantine only lists state entries; the JSON state double is enough of a store for it.
    const quarantining = runQuarantineStage({ bus, store: state as unknown as Store, signal: quarantine.signal });
    await publishAlerts([makeAlert({ status: 'acknowledged', revision: 1 })]);
    await receiver.waitForRequests(1);
    await eventually(async () => (await listOutbox(state, { status: ['dead'] })).length === 1, 5000, 'dead entry');
    await eventually(async () => (await listQuarantined(state as unknown as Store, 10)).total === 1, 5000, 'quarantined record');
    const [record] = (await listQuarantined(state as unknown as Store, 10)).records;
    const [dead] = await listOutbox(state, { status: ['dead'] });
    expect(dead).toMatchObject({ deadReason: 'HTTP 400: invalid_payload', attempts: 1, lastStatus: 400 });
    expect(record).toMatchObject({ stage: 'notify:discord', topic: 'alerts', key: dead!.id });
    expect(record!.reason).toBe('alert message to route "discord" dead after 1 attempt, last HTTP status 400: HTTP 400: invalid_payload');
    expect(JSON.parse(record!.preview)).toMatchObject({ outboxId: dead!.id, route: 'discord', attempts: 1, alerts: [{ id: 'unanswered:db:twitter:1001', revision: 1, status: 'acknowledged' }] });
    quarantine.abort();
    await quarantining;
    await stage.stop();
  });

  it('stops with a config error naming the route field', async () => {
    const controller = new AbortController();
    await expect(
      runNotifyStage({ bus, store: memoryState(), config: AppConfig.parse({ alerts: { routes: [{ name: 'x', target: 'slack', url: 'https://169.254.169.254/' }] } }), secrets: {}, signal: controller.signal }),
    ).rejects.toThrow(/alerts\.routes\[0\]\.url: points to a loopback, link-local, private or metadata address/);
  });
});

describe('alert lifecycle', () => {
  function alertStore(initial: Alert) {
    const alerts = new Map([[initial.id, initial]]);
    return { getAlert: async (id: string) => alerts.get(id), upsertAlert: async (a: Alert) => void alerts.set(a.id, a), alerts };
  }
  const now = () => new Date('2026-03-02T10:00:00Z');

  it('moves open → acknowledged → resolved with timestamps and a new revision each time', async () => {
    const store = alertStore(makeAlert({ revision: 4 }));
    const published: unknown[] = [];
    const acked = await acknowledgeAlert(store, 'unanswered:db:twitter:1001', 'lena', { now, bus: { publish: async (_t, m) => void published.push(...m) } });
    expect(acked).toMatchObject({ status: 'acknowledged', revision: 5, acknowledgedAt: '2026-03-02T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z' });
    expect(acked.evidence.acknowledgedBy).toBe('lena');
    expect(published).toEqual([{ key: 'db', value: acked }]);
    const resolved = await resolveAlert(store, acked.id, undefined, { now });
    expect(resolved).toMatchObject({ status: 'resolved', revision: 6, resolvedAt: '2026-03-02T10:00:00.000Z' });
    expect(store.alerts.get(acked.id)?.status).toBe('resolved');
  });

  it('refuses invalid transitions and unknown alerts with typed errors', async () => {
    const store = alertStore(makeAlert({ status: 'resolved' }));
    await expect(acknowledgeAlert(store, 'unanswered:db:twitter:1001')).rejects.toBeInstanceOf(AlertTransitionError);
    await expect(resolveAlert(store, 'unanswered:db:twitter:1001')).rejects.toThrow(/is resolved and cannot become resolved/);
    await expect(resolveAlert(store, 'nope')).rejects.toBeInstanceOf(AlertNotFoundError);
    const open = alertStore(makeAlert());
    expect((await resolveAlert(open, 'unanswered:db:twitter:1001')).status).toBe('resolved');
  });
});
