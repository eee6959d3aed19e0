/**
 * /readyz of a Kundenradar process: whether the store and the bus answer, and per consumer group how far it is behind
 * and how many consumers it has (consumer-watch.ts, the same reading /metrics exports). The lag's key names its unit:
 * `lagRecords` on Kafka, where a record packs many posts (QA: 18 records were ~2,000 posts), `lagMessages` otherwise.
 * A group without members does not make this process unready: serve is ready without a classify worker, but the
 * operator sees `members: 0`.
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
    const groups: Record<string, { members: number } & Partial<Record<'lagRecords' | 'lagMessages', number>>> = {};
    const lagKey = bus.lagUnit === 'records' ? 'lagRecords' : 'lagMessages';
    const problems: string[] = [];
    try {
      await probe(store.getAlert('~readiness-probe'), 'the store');
    } catch (err) {
      problems.push((err as Error).message);
    }
    try {
      for (const c of await probe(consumers.snapshot(), 'the bus')) groups[`${c.topic}/${c.group}`] = { [lagKey]: c.lag, members: c.members };
    } catch (err) {
      problems.push((err as Error).message);
    }
    return { ready: !signal.aborted && problems.length === 0, details: { bus: bus.kind, store: store.kind, consumers: groups, ...(problems.length > 0 ? { problems } : {}) } };
  };
}
