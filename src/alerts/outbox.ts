/**
 * The durable outbox: one entry per message to send, kept in the store's state KV (namespace `outbox`), so a
 * message survives restarts until it is delivered or dead-lettered. An entry's id is its idempotency key
 * (`Idempotency-Key`, Standard Webhooks `webhook-id`): derived from route + alert id + revision, hence the
 * same alert revision enqueued twice (bus redelivery) lands on the same entry.
 *
 * Grouping: a new revision of an alert whose message has not been attempted yet replaces the alert snapshot in
 * that entry; once a message went out, updates within the route's window wait for the window to end and merge
 * there. Entries are frozen once attempted, so a retried message is byte-for-byte the one the receiver may
 * already have seen under the same key.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { StateStore } from '../../classifiers/types.ts';
import { childLogger } from '../log.ts';
import { Alert, alertSeverityRank } from '../model.ts';
import type { Clock } from './clock.ts';
import type { Route } from './routes.ts';

const log = childLogger('alerts.outbox');

export const OUTBOX_NAMESPACE = 'outbox';
/** Latest revision enqueued per route and alert, and the entry holding it. */
export const CURSOR_NAMESPACE = 'outbox-cursor';

export const OutboxStatus = z.enum(['pending', 'delivered', 'dead']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const OutboxEntry = z.object({
  id: z.string().min(1),
  route: z.string().min(1),
  /** Alert snapshots this message reports: one normally, several for a throttled digest. */
  alerts: z.array(Alert).min(1),
  /** Entries merged into this digest (their ids), empty for a single-alert message. */
  members: z.array(z.string()).default([]),
  status: OutboxStatus,
  createdAt: z.string(),
  /** Not before: end of the grouping window. */
  dueAt: z.string(),
  /** Not before: backoff, Retry-After, or the lease of an attempt in flight. */
  nextAttemptAt: z.string(),
  attempts: z.number().int().nonnegative(),
  lastAttemptAt: z.string().optional(),
  lastStatus: z.number().int().optional(),
  lastError: z.string().optional(),
  deliveredAt: z.string().optional(),
  deadAt: z.string().optional(),
  deadReason: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/**
 * `alertUpdatedAt` tells two different updates with the same revision apart: an analyst's acknowledgement and the
 * detector's next update can both be revision r+1 (each side counts on its own), while a bus redelivery repeats
 * revision and update time alike.
 */
const Cursor = z.object({ revision: z.number().int(), entryId: z.string(), updatedAt: z.string(), alertUpdatedAt: z.string().optional() });
type Cursor = z.infer<typeof Cursor>;

/** All entries, oldest first; an entry that no longer parses is logged and skipped, never fatal. */
async function readEntries(state: StateStore): Promise<OutboxEntry[]> {
  const entries: OutboxEntry[] = [];
  for (const row of await state.listState(OUTBOX_NAMESPACE)) {
    const parsed = OutboxEntry.safeParse(row.value);
    if (parsed.success) entries.push(parsed.data);
    else log.error({ id: row.key }, 'unreadable outbox entry ignored');
  }
  return entries.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

function hashId(...parts: Array<string | number>): string {
  return `msg_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32)}`;
}

/** The idempotency key of the message announcing one update (revision and update time) of an alert on a route. */
export function messageId(route: string, alertId: string, revision: number, alertUpdatedAt: string): string {
  return hashId(route, alertId, revision, alertUpdatedAt);
}

function isSameOrOlder(cursor: Cursor, alert: Alert): boolean {
  if (cursor.revision !== alert.revision) return cursor.revision > alert.revision;
  return cursor.alertUpdatedAt === undefined || cursor.alertUpdatedAt === alert.updatedAt;
}

function cursorKey(route: string, alertId: string): string {
  return `${route}/${alertId}`;
}

export type EnqueueResult = 'created' | 'merged' | 'duplicate';

export class Outbox {
  private chain: Promise<unknown> = Promise.resolve();
  /** Entries being sent by this process right now: never merged into or regrouped. */
  readonly inflight = new Set<string>();

  constructor(
    private readonly state: StateStore,
    private readonly clock: Clock,
  ) {}

  /** Serialises read-modify-write of entries between the consumer and the delivery loop of this process. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const raw = await this.state.getState(OUTBOX_NAMESPACE, id);
    if (raw === undefined || raw === null) return undefined;
    const parsed = OutboxEntry.safeParse(raw);
    if (!parsed.success) {
      log.error({ id, issues: parsed.error.issues.slice(0, 3) }, 'unreadable outbox entry ignored');
      return undefined;
    }
    return parsed.data;
  }

  put(entry: OutboxEntry): Promise<void> {
    return this.state.putState(OUTBOX_NAMESPACE, entry.id, entry);
  }

  list(): Promise<OutboxEntry[]> {
    return readEntries(this.state);
  }

  /** Whether a route was ever given this alert: its later updates (resolved, downgraded) still go there. */
  async wasRouted(route: string, alertId: string): Promise<boolean> {
    return (await this.cursor(route, alertId)) !== undefined;
  }

  private async cursor(route: string, alertId: string): Promise<Cursor | undefined> {
    const parsed = Cursor.safeParse(await this.state.getState(CURSOR_NAMESPACE, cursorKey(route, alertId)));
    return parsed.success ? parsed.data : undefined;
  }

  private setCursor(route: string, alertId: string, revision: number, entryId: string, alertUpdatedAt?: string): Promise<void> {
    const cursor: Cursor = { revision, entryId, updatedAt: new Date(this.clock.now()).toISOString(), ...(alertUpdatedAt ? { alertUpdatedAt } : {}) };
    return this.state.putState(CURSOR_NAMESPACE, cursorKey(route, alertId), cursor);
  }

  /** Adds an alert revision for a route: a new entry, merged into an unsent one, or a duplicate/stale no-op. */
  enqueue(route: Pick<Route, 'name' | 'groupWindowMs'>, alert: Alert): Promise<EnqueueResult> {
    return this.exclusive(async () => {
      const nowMs = this.clock.now();
      const now = new Date(nowMs).toISOString();
      const cursor = await this.cursor(route.name, alert.id);
      if (cursor && isSameOrOlder(cursor, alert)) return 'duplicate';
      const last = cursor ? await this.get(cursor.entryId) : undefined;
      const previous = last?.alerts.find((a) => a.id === alert.id);
      // A rise in severity is news the team must not wait a grouping window for.
      const escalated = previous !== undefined && alertSeverityRank(alert.severity) > alertSeverityRank(previous.severity);
      if (last && last.status === 'pending' && last.attempts === 0 && last.members.length === 0 && !this.inflight.has(last.id)) {
        last.alerts = [alert];
        if (escalated) last.dueAt = now < last.dueAt ? now : last.dueAt;
        await this.put(last);
        await this.setCursor(route.name, alert.id, alert.revision, last.id, alert.updatedAt);
        return 'merged';
      }
      const id = messageId(route.name, alert.id, alert.revision, alert.updatedAt);
      if (await this.get(id)) {
        await this.setCursor(route.name, alert.id, alert.revision, id, alert.updatedAt);
        return 'duplicate';
      }
      const lastSentMs = last ? Date.parse(last.lastAttemptAt ?? last.createdAt) : undefined;
      const dueMs = lastSentMs !== undefined && !escalated ? Math.max(nowMs, lastSentMs + route.groupWindowMs) : nowMs;
      const due = new Date(dueMs).toISOString();
      await this.put({ id, route: route.name, alerts: [alert], members: [], status: 'pending', createdAt: now, dueAt: due, nextAttemptAt: due, attempts: 0 });
      await this.setCursor(route.name, alert.id, alert.revision, id, alert.updatedAt);
      return 'created';
    });
  }

  /**
   * Replaces unsent single-alert entries by one digest entry (throttling). Call inside `exclusive`. The digest
   * id derives from its members, so redoing this after a crash yields the same entry.
   */
  async groupIntoDigest(route: string, candidates: OutboxEntry[]): Promise<OutboxEntry | undefined> {
    const now = new Date(this.clock.now()).toISOString();
    // Re-read: the caller's copies may predate a merge of a newer revision into them.
    const members: OutboxEntry[] = [];
    for (const c of candidates) {
      const m = await this.get(c.id);
      if (m && m.status === 'pending' && m.attempts === 0 && m.members.length === 0 && !this.inflight.has(m.id)) members.push(m);
    }
    if (members.length < 2) return undefined;
    const ids = members.map((m) => m.id).sort();
    const digest: OutboxEntry = {
      id: hashId('digest', route, ...ids),
      route,
      alerts: members.flatMap((m) => m.alerts),
      members: ids,
      status: 'pending',
      createdAt: members.reduce((min, m) => (m.createdAt < min ? m.createdAt : min), now),
      dueAt: now,
      nextAttemptAt: now,
      attempts: 0,
    };
    await this.put(digest);
    for (const m of members) {
      for (const a of m.alerts) {
        const c = await this.cursor(route, a.id);
        if (c?.entryId === m.id) await this.setCursor(route, a.id, c.revision, digest.id, c.alertUpdatedAt);
      }
      await this.state.deleteState(OUTBOX_NAMESPACE, m.id);
    }
    return digest;
  }

  /** Drops delivered/dead entries finished before `beforeMs`, and cursors not touched since then. */
  async prune(beforeMs: number): Promise<number> {
    return this.exclusive(async () => {
      const before = new Date(beforeMs).toISOString();
      let removed = 0;
      for (const e of await this.list()) {
        const finished = e.deliveredAt ?? e.deadAt;
        if (e.status !== 'pending' && finished !== undefined && finished < before) {
          await this.state.deleteState(OUTBOX_NAMESPACE, e.id);
          removed++;
        }
      }
      for (const row of await this.state.listState(CURSOR_NAMESPACE)) {
        const c = Cursor.safeParse(row.value);
        if (!c.success || c.data.updatedAt < before) await this.state.deleteState(CURSOR_NAMESPACE, row.key);
      }
      return removed;
    });
  }
}

export interface OutboxQuery {
  status?: OutboxStatus[];
  route?: string;
  alertId?: string;
  /** Newest first; default 200. */
  limit?: number;
}

/** Outbox entries for the UI and API (newest first): what was sent where, what is retrying, what died and why. */
export async function listOutbox(state: StateStore, query: OutboxQuery = {}): Promise<OutboxEntry[]> {
  return (await readEntries(state))
    .filter((e) => (!query.status || query.status.includes(e.status)) && (!query.route || e.route === query.route) && (!query.alertId || e.alerts.some((a) => a.id === query.alertId)))
    .reverse()
    .slice(0, query.limit ?? 200);
}

/**
 * Puts a dead entry back in line (UI "retry" after fixing the receiver): same id and body, so a receiver that
 * did get it before still sees one message; the delivery deadline counts from now.
 */
export async function requeueOutboxEntry(state: StateStore, id: string, now: Date = new Date()): Promise<OutboxEntry> {
  const outbox = new Outbox(state, { now: () => now.getTime(), sleep: async () => undefined });
  const entry = await outbox.get(id);
  if (!entry) throw new OutboxEntryError(id, 'does not exist');
  if (entry.status !== 'dead') throw new OutboxEntryError(id, `is ${entry.status}; only dead entries can be retried`);
  const at = now.toISOString();
  const { deadAt: _deadAt, deadReason: _deadReason, ...rest } = entry;
  const requeued: OutboxEntry = { ...rest, status: 'pending', createdAt: at, dueAt: at, nextAttemptAt: at };
  await outbox.put(requeued);
  return requeued;
}

export class OutboxEntryError extends Error {
  constructor(
    readonly entryId: string,
    problem: string,
  ) {
    super(`outbox entry "${entryId}" ${problem}`);
    this.name = 'OutboxEntryError';
  }
}
