/**
 * quarantine: the dead-letter topic → a bounded, durable list of the newest quarantined records, so an analyst or
 * operator can see what was refused and why (GET /api/quarantine) instead of reading logs. Records parked by any
 * stage or ingestor land here: a webhook item that failed validation, an RSS item that cannot be read, a bus
 * message no schema accepts, a document the store refused.
 *
 * Kept in the store's state (namespace `quarantine`), so the list survives restarts and is the same in embedded
 * and scaled mode. Only the newest QUARANTINE_KEEP records are kept, each with a preview of its payload cut to
 * PREVIEW_CHARS: a flood of bad input must not fill the disk, and a 5 MB body is no use on screen anyway.
 */
import { z } from 'zod';
import type { Bus, BusMessage } from '../bus/port.ts';
import { TOPICS } from '../bus/port.ts';
import type { Store } from '../store/port.ts';
import { childLogger } from '../log.ts';

export const QUARANTINE_GROUP = 'quarantine';
export const QUARANTINE_NAMESPACE = 'quarantine';
export const QUARANTINE_KEEP = 500;
export const PREVIEW_CHARS = 2000;

const log = childLogger('quarantine');

const DeadLetterSchema = z.object({
  stage: z.string(),
  topic: z.enum(TOPICS),
  key: z.string(),
  reason: z.string(),
  value: z.unknown(),
  at: z.string(),
});

export const QuarantinedRecord = z.object({
  /** When it was parked (ISO time), then where it sat on the dead-letter topic: unique and sortable. */
  id: z.string(),
  at: z.string(),
  stage: z.string(),
  topic: z.string(),
  key: z.string(),
  reason: z.string(),
  /** The payload as JSON, cut to PREVIEW_CHARS (`truncated` says so). */
  preview: z.string(),
  truncated: z.boolean(),
});
export type QuarantinedRecord = z.infer<typeof QuarantinedRecord>;

/** JSON of a payload for display; a value JSON cannot write (cycles, depth beyond the stack) is said, not thrown. */
function previewOf(value: unknown): { preview: string; truncated: boolean } {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch (err) {
    json = `(payload cannot be shown: ${(err as Error).message})`;
  }
  return json.length > PREVIEW_CHARS ? { preview: json.slice(0, PREVIEW_CHARS), truncated: true } : { preview: json, truncated: false };
}

/** A dead letter as the list shows it; a letter that is itself malformed is shown with what can be read of it. */
export function toQuarantinedRecord(message: BusMessage): QuarantinedRecord {
  const where = `${message.partition}:${String(message.offset).padStart(12, '0')}`;
  const parsed = DeadLetterSchema.safeParse(message.value);
  if (!parsed.success) {
    const at = new Date().toISOString();
    return { id: `${at}/${where}`, at, stage: 'unknown', topic: 'deadletter', key: message.key, reason: 'unreadable dead letter', ...previewOf(message.value) };
  }
  const letter = parsed.data;
  return { id: `${letter.at}/${where}`, at: letter.at, stage: letter.stage, topic: letter.topic, key: letter.key, reason: letter.reason, ...previewOf(letter.value) };
}

/** Newest first, at most `limit`. */
export async function listQuarantined(store: Store, limit: number): Promise<{ total: number; records: QuarantinedRecord[] }> {
  const entries = await store.listState(QUARANTINE_NAMESPACE);
  const records = entries
    .map((e) => QuarantinedRecord.safeParse(e.value))
    .filter((r) => r.success)
    .map((r) => r.data)
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { total: records.length, records: records.slice(0, limit) };
}

export async function runQuarantineStage(deps: { bus: Bus; store: Store; signal: AbortSignal }): Promise<void> {
  const { bus, store, signal } = deps;
  await bus.consume(
    'deadletter',
    QUARANTINE_GROUP,
    async (batch) => {
      // Redelivery writes the same ids again: the list stays free of doubles.
      for (const message of batch) {
        const record = toQuarantinedRecord(message);
        await store.putState(QUARANTINE_NAMESPACE, record.id, record);
      }
      await forgetOldest(store);
    },
    signal,
  );
}

async function forgetOldest(store: Store): Promise<void> {
  const keys = (await store.listState(QUARANTINE_NAMESPACE)).map((e) => e.key).sort();
  const excess = keys.length - QUARANTINE_KEEP;
  if (excess <= 0) return;
  for (const key of keys.slice(0, excess)) await store.deleteState(QUARANTINE_NAMESPACE, key);
  log.info({ forgotten: excess, kept: QUARANTINE_KEEP }, 'quarantine list trimmed to the newest records');
}
