/**
 * Retry timing for webhook deliveries. The outbox persists the next attempt time instead of sleeping in a
 * retry loop (withRetry/p-retry), because a retry must survive a restart; so only the delay is computed, with
 * the shared schedule from src/retry.ts, plus what the receiver asks for via Retry-After.
 */
import { backoffDelay, type BackoffPolicy } from '../retry.ts';

export type { BackoffPolicy } from '../retry.ts';

/** Webhooks: first retry after ~2 s, doubling to at most 15 min (chat platforms' outages last minutes). */
export const WEBHOOK_BACKOFF: BackoffPolicy = { minDelayMs: 2_000, maxDelayMs: 15 * 60_000, factor: 2 };

/** Delay before retry number `attempt` (1 = first): the shared schedule from src/retry.ts. */
export function retryDelayMs(attempt: number, policy: BackoffPolicy = WEBHOOK_BACKOFF, random: () => number = Math.random): number {
  return backoffDelay(attempt, policy, random);
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
