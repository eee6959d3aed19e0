/**
 * The delivery loop: sends due outbox entries, one at a time per route and in creation order (a message that
 * failed is retried before anything newer of its route, and the whole route pauses for its backoff or
 * Retry-After), at most `concurrency` routes at once, applies each route's per-minute limit (the last message a
 * minute allows carries everything else due, as a digest), retries with backoff, and dead-letters on
 * permanent errors or after the delivery deadline (what an outcome does to its entry: delivery-outcome.ts).
 */
import { EventEmitter, once } from 'node:events';
import type { Bus } from '../bus/port.ts';
import { childLogger } from '../log.ts';
import type { Alert } from '../model.ts';
import type { TargetPolicy } from './address-guard.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { Clock } from './clock.ts';
import { formatPayload } from './formats/index.ts';
import { recordOutcome } from './delivery-outcome.ts';
import { reportOutboxPending } from './metrics.ts';
import { postJson, type DeliveryOutcome } from './http.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import type { Route } from './routes.ts';
import { signatureHeaders } from './signing.ts';
import type { AlertView } from './wording.ts';

const log = childLogger('alerts.dispatcher');
const MINUTE = 60_000;

export interface DispatcherOptions {
  outbox: Outbox;
  routes: Route[];
  policy: TargetPolicy;
  clock: Clock;
  /** Turns a route's alerts into message views (language, dashboard links, brand names). */
  view: (route: Route, alerts: Alert[]) => AlertView[];
  deadlineMs: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Routes sending at the same time. */
  concurrency?: number;
  timeoutMs?: number;
  /** Longest sleep between passes, to pick up entries written by other instances. */
  pollMs?: number;
  /**
   * Where a message the outbox gives up on is also parked (the bus `deadletter` topic, listed on
   * GET /api/quarantine), besides the outbox's own dead entry.
   */
  deadLetters?: Pick<Bus, 'publish'>;
}

/** Which alerts' messages this instance sends: by brand, the key of the `alerts` topic. */
export type AlertOwnership = (brand: string) => boolean;

/**
 * Until when a route waits: the latest retry time (backoff, Retry-After, lease) of its attempted, still pending
 * messages; 0 when none is waiting. `entries` are one route's pending entries.
 */
function routePausedUntil(entries: OutboxEntry[]): number {
  return entries.reduce((until, e) => (e.attempts > 0 ? Math.max(until, Date.parse(e.nextAttemptAt)) : until), 0);
}

export class Dispatcher {
  private readonly events = new EventEmitter();
  private readonly sending = new Map<string, Promise<void>>();
  private readonly sentAt = new Map<string, number[]>();
  private readonly routes: Map<string, Route>;
  private wakeRequested = false;
  private started = 0;
  private owns: AlertOwnership = () => true;

  constructor(private readonly o: DispatcherOptions) {
    this.routes = new Map(o.routes.map((r) => [r.name, r]));
    this.events.setMaxListeners(0);
  }

  /**
   * Several notify instances share one outbox in the store, and its lease is only a write, not a lock: two
   * instances that both found a message due sent it twice (QA: the same webhook-id 7 ms apart after an outage).
   * Each instance therefore sends only the messages of the brands whose `alerts` partitions it reads, as the
   * consumer group assigned them; a digest belongs to the brand of its first alert.
   */
  setOwnership(owns: AlertOwnership): void {
    this.owns = owns;
    this.wake();
  }

  private ownsEntry(entry: OutboxEntry): boolean {
    const first = entry.alerts[0];
    return first !== undefined && this.owns(first.brand);
  }

  /** Asks the loop for a pass now (new entry enqueued). */
  wake(): void {
    this.wakeRequested = true;
    this.events.emit('wake');
  }

  /** Resolves when a send finished (any outcome): the pending count may have dropped. */
  progress(signal?: AbortSignal): Promise<unknown> {
    return once(this.events, 'progress', signal ? { signal } : {}).catch(() => undefined);
  }

  /** One pass: dead-letters expired entries, starts sends that are due; returns when the next pass is due. */
  async pass(): Promise<number> {
    const now = this.o.clock.now();
    let next = now + (this.o.pollMs ?? 30_000);
    const all = await this.o.outbox.list();
    if (this.sentAt.size === 0) this.seedThrottle(all, now);
    const pending = all.filter((e) => e.status === 'pending');
    reportOutboxPending(this.routes.keys(), pending.filter((e) => this.ownsEntry(e)));
    const byRoute = new Map<string, OutboxEntry[]>();
    for (const entry of pending) {
      if (this.o.outbox.inflight.has(entry.id) || !this.ownsEntry(entry)) continue;
      if (now - Date.parse(entry.createdAt) > this.o.deadlineMs) {
        await recordOutcome(this.o, entry.id, { kind: 'dead', reason: `not delivered within ${Math.round(this.o.deadlineMs / MINUTE)} minutes` }, true);
        continue;
      }
      if (!this.routes.has(entry.route)) continue; // a route removed from config: kept for the UI, not sent
      const list = byRoute.get(entry.route) ?? [];
      list.push(entry);
      byRoute.set(entry.route, list);
    }
    for (const [name, entries] of byRoute) {
      const route = this.routes.get(name);
      if (!route || this.sending.has(name)) continue;
      if (this.sending.size >= (this.o.concurrency ?? 4)) break;
      // A route whose last attempt failed (or is leased by another instance) pauses as a whole until its backoff
      // or Retry-After is over: a rate-limited or failing receiver is not hit by the other messages meanwhile.
      const pausedUntil = routePausedUntil(entries);
      if (pausedUntil > now) {
        next = Math.min(next, pausedUntil);
        continue;
      }
      const candidates: OutboxEntry[] = [];
      // An update never overtakes an earlier revision of the same alert that is still pending (retrying).
      const oldest = new Map<string, number>();
      for (const e of entries) for (const a of e.alerts) oldest.set(a.id, Math.min(oldest.get(a.id) ?? a.revision, a.revision));
      for (const e of entries) {
        if (e.alerts.some((a) => (oldest.get(a.id) ?? a.revision) < a.revision)) continue;
        const dueMs = Math.max(Date.parse(e.dueAt), Date.parse(e.nextAttemptAt));
        if (dueMs > now) next = Math.min(next, dueMs);
        else candidates.push(e);
        // Head of line: nothing newer goes before an attempted message that is still pending (it is retried first).
        if (e.attempts > 0) break;
      }
      const first = candidates[0];
      if (!first) continue;
      const window = (this.sentAt.get(name) ?? []).filter((t) => t > now - MINUTE);
      this.sentAt.set(name, window);
      const budget = route.maxPerMinute - window.length;
      if (budget <= 0) {
        next = Math.min(next, (window[0] ?? now) + MINUTE);
        continue;
      }
      const fresh = candidates.filter((e) => e.attempts === 0 && e.members.length === 0);
      if (budget === 1 && fresh.length >= 2 && fresh[0] === first) {
        const digest = await this.o.outbox.exclusive(() => this.o.outbox.groupIntoDigest(name, fresh));
        if (digest) log.info({ route: name, alerts: digest.alerts.length }, 'throttled: grouped due alerts into one message');
        this.start(route, digest?.id ?? first.id);
      } else {
        this.start(route, first.id);
      }
    }
    return next;
  }

  /** After a restart, the last minute's attempts still count against each route's limit. */
  private seedThrottle(entries: OutboxEntry[], now: number): void {
    for (const route of this.routes.keys()) this.sentAt.set(route, []);
    for (const e of entries) {
      const at = e.lastAttemptAt ? Date.parse(e.lastAttemptAt) : undefined;
      if (at !== undefined && at > now - MINUTE) this.sentAt.get(e.route)?.push(at);
    }
    for (const times of this.sentAt.values()) times.sort((a, b) => a - b);
  }

  private start(route: Route, id: string): void {
    this.started++;
    const work = this.send(route, id)
      .catch((err: Error) => log.error({ err, route: route.name, id }, 'delivery bookkeeping failed'))
      .finally(() => {
        this.sending.delete(route.name);
        this.events.emit('progress');
        this.wake();
      });
    this.sending.set(route.name, work);
  }

  private async send(route: Route, id: string): Promise<void> {
    const { outbox, clock } = this.o;
    const entry = await outbox.exclusive(async () => {
      const e = await outbox.get(id);
      if (!e || e.status !== 'pending') return undefined;
      const nowMs = clock.now();
      // Leased or backed off since this pass listed it (another instance, before a rebalance moved the brand).
      if (e.attempts > 0 && Date.parse(e.nextAttemptAt) > nowMs) return undefined;
      e.attempts += 1;
      e.lastAttemptAt = new Date(nowMs).toISOString();
      // A lease: if this process dies mid-send, the entry becomes due again once the request surely ended.
      e.nextAttemptAt = new Date(nowMs + (this.o.timeoutMs ?? 15_000) + 5_000).toISOString();
      await outbox.put(e);
      outbox.inflight.add(e.id);
      return e;
    });
    if (!entry) return;
    try {
      const window = this.sentAt.get(route.name) ?? [];
      window.push(clock.now());
      this.sentAt.set(route.name, window);
      let outcome: DeliveryOutcome;
      try {
        const body = JSON.stringify(formatPayload(route.target, this.o.view(route, entry.alerts), route.name, entry.createdAt));
        const headers: Record<string, string> = { 'idempotency-key': entry.id };
        if (route.signingKey) Object.assign(headers, signatureHeaders(route.signingKey, entry.id, clock.now() / 1000, body));
        outcome = await postJson(route.url, body, headers, { policy: this.o.policy, timeoutMs: this.o.timeoutMs, now: () => clock.now() });
      } catch (err) {
        outcome = { kind: 'dead', reason: `cannot format the message: ${(err as Error).message}` };
      }
      await recordOutcome(this.o, entry.id, outcome, false);
    } finally {
      outbox.inflight.delete(entry.id);
    }
  }

  /** Resolves when every send started so far has finished. */
  async idle(): Promise<void> {
    while (this.sending.size > 0) await Promise.all([...this.sending.values()]);
  }

  /** Sends everything due now, pass after pass, until a pass starts nothing; returns the sends started. */
  async deliverDue(): Promise<number> {
    const before = this.started;
    for (;;) {
      const mark = this.started;
      await this.pass();
      await this.idle();
      if (this.started === mark) return this.started - before;
    }
  }

  /** Runs passes until `signal` aborts, then lets sends in flight finish (they are short: bounded by timeout). */
  async run(signal: AbortSignal): Promise<void> {
    let lastPrune = 0;
    while (!signal.aborted) {
      this.wakeRequested = false;
      let next: number;
      try {
        next = await this.pass();
        const now = this.o.clock.now();
        if (now - lastPrune > 3_600_000) {
          lastPrune = now;
          await this.o.outbox.prune(now - Math.max(7 * 24 * 3_600_000, 2 * this.o.deadlineMs));
        }
      } catch (err) {
        // The store being unavailable is an infrastructure failure; keep trying, the entries are safe there.
        log.error({ err }, 'outbox pass failed');
        next = this.o.clock.now() + 5_000;
      }
      if (this.wakeRequested || signal.aborted) continue;
      const stop = new AbortController();
      const onAbort = (): void => stop.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      await Promise.race([this.o.clock.sleep(next - this.o.clock.now(), stop.signal), once(this.events, 'wake', { signal: stop.signal }).catch(() => undefined)]);
      stop.abort();
      signal.removeEventListener('abort', onAbort);
    }
    await this.idle();
  }

  /** Pending entries right now (for backpressure). */
  async pendingCount(): Promise<number> {
    return (await this.o.outbox.list()).filter((e) => e.status === 'pending' && this.ownsEntry(e)).length;
  }
}
