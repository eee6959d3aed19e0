/**
 * The one retry/backoff helper (STYLE.md: "retries as a module"), for brokers, Elasticsearch and webhooks alike.
 *
 * `withRetry` wraps p-retry for "call this until it works"; `backoffDelay` is an equivalent exponential schedule for loops that
 * cannot be written as one call (a paused Kafka partition, an outbox sweep). Exponential with full jitter,
 * so many workers that failed together do not retry together.
 */
import pRetry, { AbortError } from 'p-retry';
import { childLogger, type Logger } from './log.ts';

const retryLog = childLogger('retry');

export interface BackoffPolicy {
  /** First delay (ms). */
  minDelayMs: number;
  /** Cap on one delay (ms). */
  maxDelayMs: number;
  /** Growth per attempt. */
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { minDelayMs: 200, maxDelayMs: 30_000, factor: 2 };

/**
 * Delay before retry number `attempt` (1 = first retry): a random point in [base/2, base] where
 * base = min(max, min * factor^(attempt-1)). Half-jitter keeps a floor so retries never hammer.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(policy.maxDelayMs, policy.minDelayMs * policy.factor ** exponent);
  return Math.round(base / 2 + (random() * base) / 2);
}

/** Marks an error as not worth retrying (a 4xx, a mapping error): `withRetry` rethrows it at once. */
export class PermanentError extends Error {
  constructor(
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

export interface RetryOptions extends Partial<BackoffPolicy> {
  /** What is being retried, for the log line ("bulk index", "webhook slack"). */
  what: string;
  /** Retries after the first attempt (default 5). */
  retries?: number;
  /** Give up once this much time has passed since the first attempt (ms). */
  maxElapsedMs?: number;
  /** Stops waiting and retrying; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Return false for errors that will not go away by waiting. PermanentError is never retried. */
  shouldRetry?: (error: Error) => boolean;
  /**
   * The info line when an attempt succeeds after failures ("Kafka reachable again"), followed by "after N s, M
   * retries". Default: "<what> succeeded again". Without it the log's last word on an outage was a failure.
   */
  recovered?: string;
  /** Clock for the recovered line's duration, and where the lines go (tests). */
  now?: () => number;
  log?: Pick<Logger, 'warn' | 'info'>;
  /** Told of each failure that will be retried (metrics); not of the last one, which is rethrown. */
  onRetry?: (error: Error) => void;
}

/** The recovered line's text: how long the failures lasted and how many retries it took. */
export function recoveredMessage(label: string, elapsedMs: number, retries: number): string {
  return `${label} after ${secondsText(elapsedMs)}, ${retries} ${retries === 1 ? 'retry' : 'retries'}`;
}

/** "41.5 s": how long an outage lasted, to a tenth of a second. */
export function secondsText(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Calls `fn` until it resolves, waiting `backoffDelay` between attempts; rethrows the last error. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy: BackoffPolicy = {
    minDelayMs: options.minDelayMs ?? DEFAULT_BACKOFF.minDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_BACKOFF.maxDelayMs,
    factor: options.factor ?? DEFAULT_BACKOFF.factor,
  };
  const now = options.now ?? Date.now;
  const log = options.log ?? retryLog;
  let firstFailureAt: number | undefined;
  // p-retry rethrows an AbortError's original error, so callers see the PermanentError they threw.
  return pRetry(
    async (attempt) => {
      try {
        const result = await fn(attempt);
        if (firstFailureAt !== undefined) {
          const retries = attempt - 1;
          const label = options.recovered ?? `${options.what} succeeded again`;
          log.info({ what: options.what, retries, afterMs: now() - firstFailureAt }, recoveredMessage(label, now() - firstFailureAt, retries));
        }
        return result;
      } catch (err) {
        firstFailureAt ??= now();
        // p-retry's AbortError is its "stop now" signal; our callers speak PermanentError.
        if (err instanceof PermanentError) throw new AbortError(err);
        throw err;
      }
    },
    {
      retries: options.retries ?? 5,
      factor: policy.factor,
      minTimeout: policy.minDelayMs,
      maxTimeout: policy.maxDelayMs,
      randomize: true,
      maxRetryTime: options.maxElapsedMs ?? Number.POSITIVE_INFINITY,
      signal: options.signal,
      // p-retry asks this only once retries and time are left, so "true" here means another attempt follows.
      shouldRetry: ({ error }) => {
        const again = options.shouldRetry?.(error) ?? true;
        if (again) options.onRetry?.(error);
        return again;
      },
      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
        log.warn({ what: options.what, attempt: attemptNumber, retriesLeft, err: error.message }, `${options.what} failed; retrying`);
      },
    },
  );
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Rejects with `TimeoutError(message)` when `work` has not settled within `ms`; `work` itself runs on. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
