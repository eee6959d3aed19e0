/**
 * index: classified → store, and alerts → store. Offsets are committed only after the store write resolved
 * (the bus adapter does that once the handler returns), and writes are idempotent by id.
 */
import { acknowledged } from '../alerts/analyst-marks.ts';
import type { Bus } from '../bus/port.ts';
import { Alert, Classified } from '../model.ts';
import type { Store } from '../store/port.ts';
import { deadLetter, validBatch } from './deadletter.ts';
import { BulkWriteError } from '../store/errors.ts';
import { stageMetrics } from '../metrics.ts';

export const INDEX_GROUP = 'index';
export const ALERT_INDEX_GROUP = 'index-alerts';
/** Documents per store write: bulk requests of this size keep Elasticsearch near its bulk-ingest ceiling. */
export const INDEX_BATCH = 500;

export async function runIndexStage(deps: { bus: Bus; store: Store; signal: AbortSignal }): Promise<void> {
  const { bus, store, signal } = deps;
  const metrics = stageMetrics('index');
  await bus.consume(
    'classified',
    INDEX_GROUP,
    async (batch) => {
      const valid = await validBatch(bus, 'index', batch, Classified);
      // One post about several brands arrives once per brand: write it once.
      const byId = new Map(valid.map(({ value: { lane: _lane, ...doc } }) => [doc.id, doc]));
      if (byId.size > 0) {
        try {
          await store.upsertMentions([...byId.values()]);
        } catch (err) {
          // Documents the store refused for good are parked with the reason; anything else (overload, outage,
          // retries exhausted) fails the batch so the bus delivers it again.
          if (!(err instanceof BulkWriteError) || err.exhausted.length > 0) throw err;
          for (const rejected of err.rejected) {
            const message = valid.find(({ value }) => value.id === rejected.id)?.message;
            // The letter's key is the partition key (the brand): the post's id goes into the reason, to be found by it.
            if (message) await deadLetter(bus, 'index', message, `store refused the document ${rejected.id}: ${rejected.reason}`);
          }
        }
      }
      metrics.processed(batch.length);
    },
    signal,
    { maxBatch: INDEX_BATCH },
  );
}

/**
 * A detector's update must not undo what an analyst did: an acknowledged alert stays acknowledged while the
 * incident goes on, and keeps its acknowledgement time.
 */
export function mergeAlert(existing: Alert | undefined, incoming: Alert): Alert {
  if (!existing) return incoming;
  if (existing.revision > incoming.revision) return existing;
  // Resolved on the dashboard: the tracker's updates of the same alert do not reopen it (its customer's next
  // message opens a new alert; classifiers/unanswered.ts takeAnalystResolution).
  if (existing.kind === 'unanswered' && existing.status === 'resolved' && incoming.status !== 'resolved') return existing;
  if (existing.status === 'acknowledged' && incoming.status === 'open') {
    const by = existing.evidence.acknowledgedBy;
    return acknowledged(incoming, { ...(existing.acknowledgedAt ? { at: existing.acknowledgedAt } : {}), ...(typeof by === 'string' ? { by } : {}) });
  }
  return { ...incoming, acknowledgedAt: incoming.acknowledgedAt ?? existing.acknowledgedAt };
}

export async function runAlertIndexStage(deps: { bus: Bus; store: Store; signal: AbortSignal }): Promise<void> {
  const { bus, store, signal } = deps;
  const metrics = stageMetrics('index-alerts');
  await bus.consume(
    'alerts',
    ALERT_INDEX_GROUP,
    async (batch) => {
      for (const { value } of await validBatch(bus, 'index-alerts', batch, Alert)) {
        await store.upsertAlert(mergeAlert(await store.getAlert(value.id), value));
      }
      metrics.processed(batch.length);
    },
    signal,
  );
}
