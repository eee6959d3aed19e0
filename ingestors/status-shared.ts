/**
 * Source health across processes. In scaled mode the sources run in `worker ingest` and the dashboard in
 * `worker serve`, which had no way to see them: the sources page was empty for every source, pushes included
 * (QA ops). The ingest process writes its board to the store's state every few seconds; serve reads it back, with
 * its own board (webhook pushes) beside it. A report that stopped coming says so instead of showing old health.
 */
import { z } from 'zod';
import type { StateStore } from '../classifiers/types.ts';
import { sleep } from './backoff.ts';
import type { SourceStatus } from './types.ts';

export const SOURCE_STATUS_NAMESPACE = 'source-status';
/** How often the ingest process writes its board. */
export const SOURCE_STATUS_EVERY_MS = 15_000;
/** A report older than this means the process that wrote it stopped reporting. */
const STALE_AFTER_MS = 4 * SOURCE_STATUS_EVERY_MS;

const Reported = z.object({
  name: z.string(),
  type: z.string(),
  lastSuccessAt: z.string().optional(),
  lastErrorAt: z.string().optional(),
  lastError: z.string().optional(),
  itemsTotal: z.number().nonnegative(),
  itemsPerMinute: z.number().nonnegative(),
  quarantined: z.number().nonnegative(),
  reportedAt: z.string(),
});

export async function writeSourceStatus(state: Pick<StateStore, 'putState'>, statuses: readonly SourceStatus[], nowMs: number): Promise<void> {
  const reportedAt = new Date(nowMs).toISOString();
  for (const s of statuses) await state.putState(SOURCE_STATUS_NAMESPACE, s.name, { ...s, reportedAt });
}

/** Writes the board now and every SOURCE_STATUS_EVERY_MS until `signal` aborts; a failed write is retried next time. */
export async function publishSourceStatus(
  state: Pick<StateStore, 'putState'>,
  list: () => SourceStatus[],
  signal: AbortSignal,
  onError: (err: unknown) => void,
  now: () => number = Date.now,
  everyMs: number = SOURCE_STATUS_EVERY_MS,
): Promise<void> {
  while (!signal.aborted) {
    try {
      await writeSourceStatus(state, list(), now());
    } catch (err) {
      onError(err);
    }
    await sleep(everyMs, signal);
  }
}

/** The boards other processes wrote; a stale one keeps its figures and says since when nothing was reported. */
export async function readSourceStatus(state: Pick<StateStore, 'listState'>, nowMs: number): Promise<SourceStatus[]> {
  const out: SourceStatus[] = [];
  for (const row of await state.listState(SOURCE_STATUS_NAMESPACE)) {
    const parsed = Reported.safeParse(row.value);
    if (!parsed.success) continue;
    const { reportedAt, ...status } = parsed.data;
    const age = nowMs - Date.parse(reportedAt);
    if (age > STALE_AFTER_MS) {
      out.push({ ...status, itemsPerMinute: 0, lastErrorAt: reportedAt, lastError: `no report from the ingest process since ${reportedAt}: is \`worker ingest\` running?` });
    } else out.push(status);
  }
  return out;
}
