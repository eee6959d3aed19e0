/**
 * Waiting helpers shared by every live source: exponential backoff with full jitter (so many feeds failing
 * together do not retry in lock-step) and a sleep that ends early when the source is stopped.
 */

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** Delay before retry number `attempt` (1-based): random in [base/2, min(max, base·2^(attempt-1))]. */
export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const floor = Math.min(ceiling, baseMs / 2);
  return Math.round(floor + random() * (ceiling - floor));
}

/** Resolves after `ms` or as soon as `signal` aborts (never rejects: callers check `signal.aborted`). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Milliseconds until an API's rate-limit window resets, from `x-rate-limit-reset` (epoch seconds, X) or
 * `Retry-After` (seconds or an HTTP date, RSS servers and the Graph API). Undefined when neither is usable.
 */
export function rateLimitWaitMs(headers: { get(name: string): string | null }, now: number = Date.now()): number | undefined {
  const reset = headers.get('x-rate-limit-reset');
  if (reset && /^\d+$/.test(reset.trim())) return Math.max(0, Number(reset) * 1000 - now);
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return undefined;
}
