import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { Dispatcher } from '../../../src/alerts/dispatcher.ts';
import { listOutbox, Outbox, OutboxEntryError, requeueOutboxEntry, type OutboxEntry } from '../../../src/alerts/outbox.ts';
import { resolveRoutes, type Route } from '../../../src/alerts/routes.ts';
import { viewAlert } from '../../../src/alerts/wording.ts';
import { AppConfig } from '../../../src/config.ts';
import type { DeadLetter } from '../../../src/bus/port.ts';
import type { Alert } from '../../../src/model.ts';
import { ManualClock, makeAlert, memoryState, Receiver } from './helpers.ts';
import { metricValue } from '../../helpers/metrics.ts';

const SECRET = `whsec_${Buffer.from('kundenradar-test-signing-key-32b').toString('base64')}`;
const MINUTE = 60_000;

let receiver: Receiver;
beforeEach(async () => {
  receiver = new Receiver();
  await receiver.start();
});
afterEach(async () => {
  await receiver.stop();
});

interface Setup {
  state: ReturnType<typeof memoryState>;
  clock: ManualClock;
  routes: Route[];
  outbox: Outbox;
  dispatcher: Dispatcher;
  /** What the dispatcher published to the bus `deadletter` topic. */
  deadLetters: DeadLetter[];
  enqueue(alert: Alert, route?: string): Promise<string>;
  entries(): Promise<OutboxEntry[]>;
  /** A fresh outbox and dispatcher over the same state and clock: a restarted process. */
  restart(): Setup;
}

function setup(routeConfigs: Array<Record<string, unknown>>, deadlineMinutes = 60, existing?: { state: ReturnType<typeof memoryState>; clock: ManualClock }): Setup {
  const state = existing?.state ?? memoryState();
  // Near real time, because standardwebhooks rejects signatures older than five minutes.
  const clock = existing?.clock ?? new ManualClock(Date.now());
  const alerts = AppConfig.parse({ alerts: { routes: routeConfigs, allowHttp: true, allowPrivateTargets: true, deliveryDeadlineMinutes: deadlineMinutes } }).alerts;
  const routes = resolveRoutes(alerts, { KUNDENRADAR_WEBHOOK_SECRET: SECRET });
  const outbox = new Outbox(state, clock);
  const deadLetters: DeadLetter[] = [];
  const dispatcher = new Dispatcher({
    outbox,
    routes,
    policy: { allowHttp: true, allowPrivateTargets: true },
    clock,
    view: (route, list) => list.map((a) => viewAlert(a, { lang: route.language, publicUrl: 'https://radar.example.com' })),
    deadlineMs: deadlineMinutes * MINUTE,
    backoff: { minDelayMs: 1000, maxDelayMs: 60_000, factor: 2 },
    random: () => 1,
    timeoutMs: 5000,
    deadLetters: { publish: async (topic, messages) => void (topic === 'deadletter' && deadLetters.push(...messages.map((m) => m.value as DeadLetter))) },
  });
  const self: Setup = {
    state,
    clock,
    routes,
    outbox,
    dispatcher,
    deadLetters,
    enqueue: (alert, name) => outbox.enqueue(routes.find((r) => r.name === (name ?? routes[0]!.name))!, alert),
    entries: () => outbox.list(),
    restart: () => setup(routeConfigs, deadlineMinutes, { state, clock }),
  };
  return self;
}

const keyOf = (r: { headers: Record<string, string | string[] | undefined> }) => String(r.headers['idempotency-key']);

describe('delivery', () => {
  it('posts each target format with an Idempotency-Key; the generic one verifies with the standardwebhooks package', async () => {
    const targets = ['slack', 'teams', 'mattermost', 'discord', 'generic'];
    const s = setup(targets.map((t) => ({ name: t, target: t, url: receiver.url(`/${t}`) })));
    for (const t of targets) expect(await s.enqueue(makeAlert(), t)).toBe('created');
    expect(await s.dispatcher.deliverDue()).toBe(5);
    expect(receiver.accepted.map((r) => r.path).sort()).toEqual(targets.map((t) => `/${t}`).sort());
    for (const r of receiver.accepted) expect(keyOf(r)).toMatch(/^msg_[A-Za-z0-9_-]{32}$/);

    const generic = receiver.accepted.find((r) => r.path === '/generic')!;
    const headers = { 'webhook-id': String(generic.headers['webhook-id']), 'webhook-timestamp': String(generic.headers['webhook-timestamp']), 'webhook-signature': String(generic.headers['webhook-signature']) };
    expect(headers['webhook-id']).toBe(keyOf(generic));
    const verified = new Webhook(SECRET).verify(generic.body, headers) as { type: string; data: { alerts: Array<{ alert: Alert }> } };
    expect(verified.type).toBe('alert.opened');
    expect(verified.data.alerts[0]?.alert.id).toBe('unanswered:db:twitter:1001');
    expect(() => new Webhook(SECRET).verify(generic.body.replace('unanswered', 'Unanswered'), headers)).toThrow();

    expect((receiver.accepted.find((r) => r.path === '/slack')!.json as { blocks: unknown[] }).blocks.length).toBeGreaterThan(2);
    expect((await s.entries()).every((e) => e.status === 'delivered' && e.attempts === 1)).toBe(true);
  });

  it('exports the messages waiting per route as a gauge, back to 0 once delivered (an outbox backing up is alertable)', async () => {
    const s = setup([{ name: 'pending-gauge', target: 'generic', url: receiver.url('/pending') }]);
    await s.enqueue(makeAlert({ id: 'unanswered:a' }));
    await s.enqueue(makeAlert({ id: 'unanswered:b' }));
    await s.dispatcher.pass();
    expect(await metricValue('kundenradar_outbox_pending', { route: 'pending-gauge' })).toBe(2);
    // The route's grouping window holds the second message back a while.
    for (let minute = 0; (await s.entries()).some((e) => e.status === 'pending') && minute < 10; minute++) {
      await s.dispatcher.deliverDue();
      s.clock.advance(60_000);
    }
    await s.dispatcher.pass();
    expect(receiver.accepted.length).toBeGreaterThan(0);
    expect(await metricValue('kundenradar_outbox_pending', { route: 'pending-gauge' })).toBe(0);
  });

  it('after an outage (refused, 503, 429 with Retry-After) every alert arrives exactly once, in order', async () => {
    const s = setup([{ name: 'chat', target: 'mattermost', url: receiver.url() }]);
    const alerts = [1, 2, 3].map((n) => makeAlert({ id: `unanswered:db:twitter:${n}` }));
    const port = receiver.port;
    await receiver.stop(); // connections refused
    for (const a of alerts) {
      await s.enqueue(a);
      s.clock.advance(1); // distinct creation times
    }
    await s.dispatcher.deliverDue();
    // Only the oldest message is tried while the route fails; the others wait behind it.
    const afterRefused = await s.entries();
    expect(afterRefused.map((e) => e.attempts)).toEqual([1, 0, 0]);
    expect(/network error: ECONNREFUSED/.test(afterRefused[0]?.lastError ?? '')).toBe(true);

    await receiver.start(port);
    receiver.respond = () => ({ status: 503, body: 'maintenance' });
    s.clock.advance(1000); // with random() = 1 the first retry comes after exactly minDelayMs
    await s.dispatcher.deliverDue();
    expect(receiver.requests).toHaveLength(1);
    expect((await s.entries()).map((e) => [e.attempts, e.lastStatus])).toEqual([[2, 503], [0, undefined], [0, undefined]]);

    receiver.respond = () => ({ status: 429, headers: { 'retry-after': '120' }, body: '' });
    s.clock.advance(2000);
    await s.dispatcher.deliverDue();
    expect(receiver.requests).toHaveLength(2);
    receiver.respond = () => ({ status: 200, body: 'ok' });
    s.clock.advance(119_000);
    expect(await s.dispatcher.deliverDue()).toBe(0); // Retry-After honoured: not a second early
    s.clock.advance(1000);
    expect(await s.dispatcher.deliverDue()).toBe(3);

    const keys = receiver.accepted.map(keyOf);
    expect(keys).toEqual(afterRefused.map((e) => e.id));
    expect(receiver.accepted.map((r) => JSON.stringify(r.json).match(/twitter%3A(\d)/)?.[1])).toEqual(['1', '2', '3']);
    const delivered = await listOutbox(s.state, { status: ['delivered'] });
    expect(delivered.map((e) => e.attempts).reverse()).toEqual([4, 1, 1]);
  });

  it('delivers a backlog in creation order: newer messages wait behind a failing older one; other routes go on', async () => {
    const s = setup([
      { name: 'gen', target: 'generic', url: receiver.url('/gen'), groupWindowSeconds: 0 },
      { name: 'other', target: 'generic', url: receiver.url('/other'), groupWindowSeconds: 0 },
    ]);
    let down = true;
    receiver.respond = (r) => (down && r.path === '/gen' ? { status: 500 } : { status: 200 });
    const idOf = (r: { json: unknown }) => (r.json as { data: { alerts: Array<{ alert: Alert }> } }).data.alerts[0]!.alert.id;
    await s.enqueue(makeAlert({ id: 'qa:2', status: 'acknowledged', revision: 1 }), 'gen');
    await s.dispatcher.deliverDue();
    s.clock.advance(3000);
    await s.enqueue(makeAlert({ id: 'qa:3', status: 'acknowledged', revision: 1 }), 'gen');
    await s.enqueue(makeAlert({ id: 'qa:3', status: 'acknowledged', revision: 1 }), 'other');
    await s.dispatcher.deliverDue();
    s.clock.advance(3000);
    await s.enqueue(makeAlert({ id: 'qa:1', status: 'resolved', revision: 1 }), 'gen');
    await s.dispatcher.deliverDue();
    // The other route is not held up by the failing one.
    expect(receiver.accepted.map((r) => [r.path, idOf(r)])).toEqual([['/other', 'qa:3']]);
    // Only the oldest message of the failing route was tried.
    expect(new Set(receiver.requests.filter((r) => r.path === '/gen').map(idOf))).toEqual(new Set(['qa:2']));
    s.clock.advance(6000);
    down = false;
    for (let i = 0; i < 5; i++) {
      await s.dispatcher.deliverDue();
      s.clock.advance(2000);
    }
    expect(receiver.accepted.filter((r) => r.path === '/gen').map(idOf)).toEqual(['qa:2', 'qa:3', 'qa:1']);
  });

  it('pauses the whole route for Retry-After, then resumes with the oldest message', async () => {
    const s = setup([{ name: 'chat', target: 'slack', url: receiver.url() }]);
    receiver.respond = () => ({ status: 429, headers: { 'retry-after': '30' }, body: 'rate_limited' });
    for (let n = 1; n <= 6; n++) {
      await s.enqueue(makeAlert({ id: `unanswered:db:${n}` }));
      s.clock.advance(1);
    }
    const created = (await s.entries()).map((e) => e.id);
    await s.dispatcher.deliverDue();
    expect(receiver.requests.map(keyOf)).toEqual([created[0]]);
    s.clock.advance(29_000);
    expect(await s.dispatcher.deliverDue()).toBe(0);
    s.clock.advance(1_000);
    await s.dispatcher.deliverDue(); // still limited: one more request, for the oldest message again
    expect(receiver.requests.map(keyOf)).toEqual([created[0], created[0]]);

    receiver.respond = () => ({ status: 200, body: 'ok' });
    s.clock.advance(30_000);
    expect(await s.dispatcher.deliverDue()).toBe(6);
    expect(receiver.accepted.map(keyOf)).toEqual(created);
  });

  it('pauses the route after a 5xx without Retry-After for its backoff', async () => {
    const s = setup([{ name: 'chat', target: 'teams', url: receiver.url() }]);
    receiver.respond = () => ({ status: 502 });
    await s.enqueue(makeAlert({ id: 'a' }));
    await s.dispatcher.deliverDue();
    s.clock.advance(1);
    await s.enqueue(makeAlert({ id: 'b' }));
    await s.dispatcher.deliverDue();
    expect(receiver.requests).toHaveLength(1); // 'b' is not sent into the failing receiver
    s.clock.advance(999); // backoff: minDelayMs with random() = 1
    await s.dispatcher.deliverDue();
    expect(receiver.requests).toHaveLength(2);
    expect(keyOf(receiver.requests[1]!)).toBe(keyOf(receiver.requests[0]!));
  });

  it('a restart in the middle of retrying loses nothing and keeps the idempotency key', async () => {
    const first = setup([{ name: 'generic', target: 'generic', url: receiver.url() }]);
    receiver.respond = () => ({ status: 500 });
    await first.enqueue(makeAlert());
    await first.dispatcher.deliverDue();
    expect((await first.entries())[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 });

    const second = first.restart();
    receiver.respond = () => ({ status: 204 });
    second.clock.advance(1000);
    expect(await second.dispatcher.deliverDue()).toBe(1);
    expect(receiver.requests.map(keyOf)).toEqual([keyOf(receiver.requests[0]!), keyOf(receiver.requests[0]!)]);
    expect(receiver.requests[0]!.body).toBe(receiver.requests[1]!.body);
    expect(receiver.accepted).toHaveLength(1);
    expect((await second.entries())[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('an attempt cut off by a crash is retried after its lease', async () => {
    const s = setup([{ name: 'chat', target: 'slack', url: receiver.url() }]);
    await s.enqueue(makeAlert());
    // What a crash mid-request leaves behind: the attempt is recorded, the outcome is not.
    const [entry] = await s.entries();
    await s.outbox.put({ ...entry!, attempts: 1, lastAttemptAt: new Date(s.clock.now()).toISOString(), nextAttemptAt: new Date(s.clock.now() + 10_000).toISOString() });
    const restarted = s.restart();
    expect(await restarted.dispatcher.deliverDue()).toBe(0);
    s.clock.advance(10_000);
    expect(await restarted.dispatcher.deliverDue()).toBe(1);
    expect(receiver.accepted).toHaveLength(1);
  });

  it('dead-letters a 4xx at once with the reason, but retries 408', async () => {
    const s = setup([
      { name: 'gone', target: 'slack', url: receiver.url('/gone') },
      { name: 'slow', target: 'slack', url: receiver.url('/slow') },
    ]);
    receiver.respond = (r) => (r.path === '/gone' ? { status: 404, body: 'no_service' } : { status: 408 });
    await s.enqueue(makeAlert(), 'gone');
    await s.enqueue(makeAlert(), 'slow');
    await s.dispatcher.deliverDue();
    const byRoute = new Map((await s.entries()).map((e) => [e.route, e]));
    expect(byRoute.get('gone')).toMatchObject({ status: 'dead', deadReason: 'HTTP 404: no_service', lastStatus: 404 });
    expect(byRoute.get('slow')).toMatchObject({ status: 'pending', lastStatus: 408 });
    s.clock.advance(60 * MINUTE);
    await s.dispatcher.deliverDue();
    expect(receiver.requests.filter((r) => r.path === '/gone')).toHaveLength(1);
  });

  it('publishes every message it gives up on (permanent error, deadline) to the deadletter topic, once', async () => {
    const s = setup(
      [
        { name: 'gone', target: 'slack', url: receiver.url('/gone') },
        { name: 'down', target: 'generic', url: receiver.url('/down') },
      ],
      5,
    );
    receiver.respond = (r) => (r.path === '/gone' ? { status: 403, body: 'invalid_token' } : { status: 503 });
    await s.enqueue(makeAlert(), 'gone');
    await s.enqueue(makeAlert(), 'down');
    for (let i = 0; i < 20; i++) {
      await s.dispatcher.deliverDue();
      s.clock.advance(30_000);
    }
    const byRoute = new Map((await s.entries()).map((e) => [e.route, e]));
    expect(s.deadLetters.map((d) => d.stage).sort()).toEqual(['notify:down', 'notify:gone']);
    const gone = s.deadLetters.find((d) => d.stage === 'notify:gone')!;
    expect(gone).toMatchObject({ topic: 'alerts', key: byRoute.get('gone')!.id, at: byRoute.get('gone')!.deadAt });
    expect(gone.reason).toBe('alert message to route "gone" dead after 1 attempt, last HTTP status 403: HTTP 403: invalid_token');
    const down = s.deadLetters.find((d) => d.stage === 'notify:down')!;
    expect(down.reason).toMatch(new RegExp(`^alert message to route "down" dead after ${byRoute.get('down')!.attempts} attempts, last HTTP status 503: .*HTTP 503`));
    expect(down.value).toMatchObject({ outboxId: byRoute.get('down')!.id, route: 'down', lastStatus: 503, alerts: [{ id: 'unanswered:db:twitter:1001', revision: 0 }] });
    // The outbox keeps its own record of both.
    expect([...byRoute.values()].every((e) => e.status === 'dead')).toBe(true);
  });

  it('dead-letters after the delivery deadline with the last error', async () => {
    const s = setup([{ name: 'chat', target: 'teams', url: receiver.url() }], 5);
    receiver.respond = () => ({ status: 502, body: 'bad gateway' });
    await s.enqueue(makeAlert());
    for (let i = 0; i < 20; i++) {
      await s.dispatcher.deliverDue();
      s.clock.advance(30_000);
    }
    const [entry] = await s.entries();
    expect(entry?.status).toBe('dead');
    expect(entry?.deadReason).toMatch(/HTTP 502: bad gateway.*deadline|not delivered within 5 minutes/);
    const attempts = receiver.requests.length;
    s.clock.advance(60 * MINUTE);
    await s.dispatcher.deliverDue();
    expect(receiver.requests).toHaveLength(attempts);
    expect(await listOutbox(s.state, { status: ['dead'] })).toHaveLength(1);

    // After the receiver is fixed, an analyst retries it from the UI: same key, delivered once.
    receiver.respond = () => ({ status: 200 });
    await expect(requeueOutboxEntry(s.state, entry!.id, new Date(s.clock.now()))).resolves.toMatchObject({ status: 'pending', id: entry!.id });
    await expect(requeueOutboxEntry(s.state, entry!.id)).rejects.toBeInstanceOf(OutboxEntryError);
    expect(await s.dispatcher.deliverDue()).toBe(1);
    expect(receiver.accepted.map(keyOf)).toEqual([entry!.id]);
  });
});

describe('grouping and throttling', () => {
  it('treats a repeated or older revision as a duplicate', async () => {
    const s = setup([{ name: 'chat', target: 'slack', url: receiver.url() }]);
    expect(await s.enqueue(makeAlert({ revision: 2 }))).toBe('created');
    expect(await s.enqueue(makeAlert({ revision: 2 }))).toBe('duplicate');
    expect(await s.enqueue(makeAlert({ revision: 1 }))).toBe('duplicate');
    expect(await s.entries()).toHaveLength(1);
  });

  it("merges an alert's updates within the window into one message", async () => {
    const s = setup([{ name: 'chat', target: 'generic', url: receiver.url(), groupWindowSeconds: 60 }]);
    await s.enqueue(makeAlert({ revision: 0 }));
    expect(await s.enqueue(makeAlert({ revision: 1, evidence: { waitedMinutes: 125, slaMinutes: 60 } }))).toBe('merged');
    await s.dispatcher.deliverDue();
    expect(receiver.accepted).toHaveLength(1);
    const revisionOf = (i: number) => (receiver.accepted[i]!.json as { data: { alerts: Array<{ alert: Alert }> } }).data.alerts[0]!.alert.revision;
    expect(revisionOf(0)).toBe(1);

    s.clock.advance(10_000);
    expect(await s.enqueue(makeAlert({ revision: 2 }))).toBe('created');
    s.clock.advance(10_000);
    expect(await s.enqueue(makeAlert({ revision: 3 }))).toBe('merged');
    expect(await s.dispatcher.deliverDue()).toBe(0); // the window after the last message is still open
    s.clock.advance(40_000);
    expect(await s.dispatcher.deliverDue()).toBe(1);
    expect(receiver.accepted).toHaveLength(2);
    expect(revisionOf(1)).toBe(3);
  });

  it('sends a rise in severity at once, without waiting for the window', async () => {
    const s = setup([{ name: 'chat', target: 'slack', url: receiver.url(), groupWindowSeconds: 600 }]);
    await s.enqueue(makeAlert({ revision: 0, severity: 'watch' }));
    await s.dispatcher.deliverDue();
    s.clock.advance(5000);
    await s.enqueue(makeAlert({ revision: 1, severity: 'critical' }));
    expect(await s.dispatcher.deliverDue()).toBe(1);
    expect((receiver.accepted[1]!.json as { text: string }).text).toMatch(/^Kritisch/);
  });

  it('sends at most maxPerMinute messages; the last one a minute allows carries the rest as a digest', async () => {
    const s = setup([{ name: 'chat', target: 'discord', url: receiver.url(), maxPerMinute: 3 }]);
    for (let n = 1; n <= 7; n++) await s.enqueue(makeAlert({ id: `complaint:db:${n}`, kind: 'complaint' }));
    expect(await s.dispatcher.deliverDue()).toBe(3);
    const embeds = receiver.accepted.map((r) => (r.json as { embeds: unknown[] }).embeds.length);
    expect(embeds).toEqual([1, 1, 5]);
    expect((receiver.accepted[2]!.json as { content: string }).content).toContain('5 Alarme');

    await s.enqueue(makeAlert({ id: 'complaint:db:8', kind: 'complaint' }));
    expect(await s.dispatcher.deliverDue()).toBe(0);
    s.clock.advance(MINUTE);
    expect(await s.dispatcher.deliverDue()).toBe(1);
    const ids = receiver.accepted.flatMap((r) => (r.json as { embeds: Array<{ footer: { text: string } }> }).embeds).length;
    expect(ids).toBe(8);
    // A later update of a digested alert is still recognised as news, not as a duplicate.
    expect(await s.enqueue(makeAlert({ id: 'complaint:db:5', kind: 'complaint', revision: 1 }))).toBe('created');
    expect(await s.enqueue(makeAlert({ id: 'complaint:db:5', kind: 'complaint', revision: 0 }))).toBe('duplicate');
  });

  it('keeps counting the last minute against the limit after a restart', async () => {
    const s = setup([{ name: 'chat', target: 'slack', url: receiver.url(), maxPerMinute: 2 }]);
    await s.enqueue(makeAlert({ id: 'a' }));
    await s.dispatcher.deliverDue();
    s.clock.advance(30_000);
    await s.enqueue(makeAlert({ id: 'b' }));
    await s.dispatcher.deliverDue();
    const restarted = s.restart();
    await restarted.enqueue(makeAlert({ id: 'c' }));
    expect(await restarted.dispatcher.deliverDue()).toBe(0);
    s.clock.advance(30_000); // the first message leaves the window
    expect(await restarted.dispatcher.deliverDue()).toBe(1);
    expect(receiver.accepted).toHaveLength(3);
  });

  it('builds a digest from the stored entries, not from copies that missed a merge', async () => {
    const s = setup([{ name: 'chat', target: 'slack', url: receiver.url(), maxPerMinute: 1 }]);
    await s.enqueue(makeAlert({ id: 'a', revision: 0 }));
    await s.enqueue(makeAlert({ id: 'b', revision: 0 }));
    const stale = await s.entries();
    expect(await s.enqueue(makeAlert({ id: 'a', revision: 1, severity: 'critical' }))).toBe('merged');
    const digest = await s.outbox.exclusive(() => s.outbox.groupIntoDigest('chat', stale));
    expect(digest?.alerts.map((a) => [a.id, a.revision]).sort()).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
    expect((await s.entries()).map((e) => e.id)).toEqual([digest!.id]);
    expect(await s.enqueue(makeAlert({ id: 'a', revision: 1 }))).toBe('duplicate');
  });

  it('never lets an update overtake an earlier message of the same alert that is still retrying', async () => {
    const s = setup([{ name: 'chat', target: 'generic', url: receiver.url(), groupWindowSeconds: 0 }]);
    receiver.respond = () => ({ status: 503 });
    await s.enqueue(makeAlert({ revision: 0 }));
    await s.dispatcher.deliverDue();
    await s.enqueue(makeAlert({ revision: 1, status: 'resolved' }));
    receiver.respond = () => ({ status: 200 });
    expect(await s.dispatcher.deliverDue()).toBe(0);
    s.clock.advance(1000);
    await s.dispatcher.deliverDue();
    const types = receiver.accepted.map((r) => (r.json as { type: string }).type);
    expect(types).toEqual(['alert.opened', 'alert.resolved']);
  });
});
