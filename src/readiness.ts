/**
 * /readyz of a Kundenradar process: whether the store and the bus answer, and how far each consumer group is behind
 * (consumer-watch.ts, the same reading /metrics exports).
 */
import type { Bus } from './bus/port.ts';
import type { Store } from './store/port.ts';
import type { ConsumerWatch } from './consumer-watch.ts';
import type { Readiness } from '../dashboards/routes/health.ts';
import { withTimeout } from './retry.ts';

const READINESS_TIMEOUT_MS = 3_000;

/** `work`, or an error naming `what` when it fails or does not answer within the readiness timeout. */
function probe<T>(work: Promise<T>, what: string): Promise<T> {
  const named = work.catch((err: Error) => Promise.reject(new Error(`${what} failed: ${err.message}`)));
  named.catch(() => undefined);
  return withTimeout(named, READINESS_TIMEOUT_MS, `${what} did not answer within ${READINESS_TIMEOUT_MS / 1000} s`);
}

export function readinessCheck(deps: { bus: Bus; store: Store; consumers: ConsumerWatch; signal: AbortSignal }): () => Promise<Readiness> {
  const { bus, store, consumers, signal } = deps;
  return async () => {
    const lag: Record<string, number> = {};
    const problems: string[] = [];
    try {
      await probe(store.getAlert('~readiness-probe'), 'the store');
    } catch (err) {
      problems.push((err as Error).message);
    }
    try {
      for (const c of await probe(consumers.snapshot(), 'the bus')) lag[`${c.topic}/${c.group}`] = c.lag;
    } catch (err) {
      problems.push((err as Error).message);
    }
    return { ready: !signal.aborted && problems.length === 0, details: { bus: bus.kind, store: store.kind, lag, ...(problems.length > 0 ? { problems } : {}) } };
  };
}
