/**
 * What a delivery attempt's outcome does to its outbox entry: delivered, retried after the receiver's
 * Retry-After or the shared backoff, or dead (a permanent error, or a next attempt past the delivery deadline),
 * a dead message also parked on the bus `deadletter` topic. The dispatcher (dispatcher.ts) decides what to send
 * and when.
 */
import type { Bus, DeadLetter } from '../bus/port.ts';
import { childLogger } from '../log.ts';
import { retryDelayMs, WEBHOOK_BACKOFF, type BackoffPolicy } from './backoff.ts';
import type { Clock } from './clock.ts';
import type { DeliveryOutcome } from './http.ts';
import { countDelivery } from './metrics.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';

const log = childLogger('alerts.dispatcher');

/** The dispatcher's options an outcome needs (see DispatcherOptions). */
export interface OutcomeOptions {
  outbox: Outbox;
  clock: Clock;
  deadlineMs: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  deadLetters?: Pick<Bus, 'publish'>;
}

/** Records `outcome` on pending entry `id`; `expired`: the delivery deadline passed before it went out (the reason quotes the last error). */
export async function recordOutcome(o: OutcomeOptions, id: string, outcome: DeliveryOutcome, expired: boolean): Promise<void> {
  const { outbox, clock } = o;
  const died = await outbox.exclusive(async (): Promise<OutboxEntry | undefined> => {
    const e = await outbox.get(id);
    if (!e || e.status !== 'pending') return undefined;
    const nowMs = clock.now();
    const now = new Date(nowMs).toISOString();
    if ('status' in outcome && outcome.status !== undefined) e.lastStatus = outcome.status;
    const delay = outcome.kind === 'retry' ? retryDelay(o, e, outcome) : 0;
    const dies = outcome.kind === 'dead' || (outcome.kind === 'retry' && nowMs + delay > Date.parse(e.createdAt) + o.deadlineMs);
    countDelivery(e.route, outcome.kind === 'delivered' ? 'delivered' : dies ? 'dead' : 'retry');
    if (outcome.kind === 'delivered') {
      e.status = 'delivered';
      e.deliveredAt = now;
      delete e.lastError;
    } else {
      const reason = expired && e.lastError ? `${outcome.reason}; last error: ${e.lastError}` : outcome.reason;
      e.lastError = outcome.reason;
      if (dies) {
        e.status = 'dead';
        e.deadAt = now;
        e.deadReason = outcome.kind === 'dead' ? reason : `${reason}; next attempt would be after the delivery deadline`;
        log.warn({ route: e.route, id: e.id, reason: e.deadReason, attempts: e.attempts }, 'alert message dead-lettered');
      } else {
        e.nextAttemptAt = new Date(nowMs + delay).toISOString();
        log.info({ route: e.route, id: e.id, reason: outcome.reason, attempts: e.attempts, retryInMs: delay }, 'alert message will be retried');
      }
    }
    await outbox.put(e);
    return e.status === 'dead' ? e : undefined;
  });
  if (died) await publishDeadLetter(o, died);
}

/**
 * Parks a dead message on the bus `deadletter` topic too, so it is listed with every other dead letter. After
 * the outbox marked it dead: a failing bus is logged and leaves the outbox entry (never a resend) as the record.
 */
async function publishDeadLetter(o: OutcomeOptions, e: OutboxEntry): Promise<void> {
  if (!o.deadLetters) return;
  const status = e.lastStatus !== undefined ? `, last HTTP status ${e.lastStatus}` : '';
  const letter: DeadLetter = {
    stage: `notify:${e.route}`,
    topic: 'alerts',
    key: e.id,
    reason: `alert message to route "${e.route}" dead after ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}${status}: ${e.deadReason ?? 'unknown reason'}`,
    value: {
      outboxId: e.id,
      route: e.route,
      attempts: e.attempts,
      ...(e.lastStatus !== undefined ? { lastStatus: e.lastStatus } : {}),
      createdAt: e.createdAt,
      alerts: e.alerts.map((a) => ({ id: a.id, revision: a.revision, severity: a.severity, status: a.status })),
    },
    at: e.deadAt ?? new Date(o.clock.now()).toISOString(),
  };
  try {
    await o.deadLetters.publish('deadletter', [{ key: e.id, value: letter }]);
  } catch (err) {
    log.error({ err, route: e.route, id: e.id }, 'dead alert message could not be published to the deadletter topic; it stays in the outbox as dead');
  }
}

/** Retry-After when the receiver gave one (floored so a "0" cannot spin), else the shared backoff. */
function retryDelay(o: OutcomeOptions, e: OutboxEntry, outcome: Extract<DeliveryOutcome, { kind: 'retry' }>): number {
  if (outcome.retryAfterMs !== undefined) return Math.max(outcome.retryAfterMs, 500);
  return retryDelayMs(e.attempts, o.backoff ?? WEBHOOK_BACKOFF, o.random);
}
