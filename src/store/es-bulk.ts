/**
 * Bulk indexing that checks every item. A bulk call "succeeds" while items inside it fail, so each item's status
 * is read: 429 (queue full) and 5xx are retried with the project's backoff (src/retry.ts), anything else (mapping
 * failures, bad values) can never succeed and is reported by id with Elasticsearch's reason.
 */
import { errors, type Client, type estypes } from '@elastic/elasticsearch';
import { chunksBySize } from '../chunks.ts';
import { withRetry } from '../retry.ts';
import { BulkWriteError, type RejectedDocument } from './errors.ts';
import { countBulkRetry, countRejectedDocuments } from './metrics.ts';

export interface BulkDocument {
  index: string;
  id: string;
  document: unknown;
}

export interface BulkRetryOptions {
  /** Retries after the first attempt (default 6: about 10 s of backoff in total). */
  retries?: number;
  minTimeoutMs?: number;
  maxTimeoutMs?: number;
  /** Called after every attempt that left items with a retryable status (instrumentation; tests use it to heal). */
  onRetryableFailures?: (failures: readonly RejectedDocument[]) => void | Promise<void>;
}

/** Documents per bulk request and a soft size cap: Elastic's guidance is a few MB per request. */
const MAX_DOCS_PER_REQUEST = 1_000;
const MAX_BYTES_PER_REQUEST = 5 * 1024 * 1024;
/** Elasticsearch's limit on a document _id. */
const MAX_ID_BYTES = 512;

/**
 * The parts of a bulk response that are read: every item keeps its status, so items stay aligned with the request's
 * documents. Without the filter Elasticsearch wrote, and the client parsed, about 170 bytes per document (index,
 * id, version, shards, sequence number) that nothing looks at.
 */
const BULK_RESPONSE_FIELDS = 'errors,items.*.status,items.*.error';

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Whole-request failures worth retrying: overload, server errors, timeouts, dropped connections. */
export function isTransientError(error: unknown): boolean {
  if (error instanceof errors.ResponseError) return isRetryableStatus(error.statusCode ?? 0);
  return error instanceof errors.ConnectionError || error instanceof errors.TimeoutError || error instanceof errors.NoLivingConnectionsError;
}

function describeError(error: estypes.ErrorCause | undefined): string {
  if (error === undefined) return 'unknown error';
  const cause = error.caused_by ? ` (caused by ${error.caused_by.type}: ${error.caused_by.reason ?? ''})` : '';
  return `${error.type}: ${error.reason ?? ''}${cause}`;
}

/** Thrown inside the retry loop while some items still wait for another attempt. */
class RetryableItems extends Error {
  constructor(readonly failures: RejectedDocument[]) {
    super(`${failures.length} bulk item(s) failed with a retryable status, e.g. ${failures[0]?.reason ?? ''}`);
    this.name = 'RetryableItems';
  }
}

/** A document with its two NDJSON lines, serialised once: sizing the request and sending it use the same text. */
interface SerializedDocument {
  doc: BulkDocument;
  lines: string;
}

function serialize(doc: BulkDocument): SerializedDocument {
  return { doc, lines: `${JSON.stringify({ index: { _index: doc.index, _id: doc.id } })}\n${JSON.stringify(doc.document)}\n` };
}

function serializedChunks(docs: readonly BulkDocument[], maxDocs: number, maxBytes: number): Generator<SerializedDocument[]> {
  return chunksBySize(docs.map(serialize), (s) => s.lines.length, { maxBytes, maxItems: maxDocs });
}

/** Splits a batch into bulk requests by document count and approximate size (a huge post travels alone). */
export function* chunks(docs: readonly BulkDocument[], maxDocs = MAX_DOCS_PER_REQUEST, maxBytes = MAX_BYTES_PER_REQUEST): Generator<BulkDocument[]> {
  for (const chunk of serializedChunks(docs, maxDocs, maxBytes)) yield chunk.map((c) => c.doc);
}

/** Later duplicates of an id win, as in a sequence of single writes; one request never carries an id twice. */
export function lastWriteWins(docs: readonly BulkDocument[]): BulkDocument[] {
  const byKey = new Map<string, BulkDocument>();
  for (const doc of docs) {
    const key = `${doc.index}\u0000${doc.id}`;
    byKey.delete(key);
    byKey.set(key, doc);
  }
  return [...byKey.values()];
}

/**
 * Indexes documents (create or replace by id). Throws BulkWriteError naming every document that was refused or
 * still failing after the retries; everything else is written. Request-level failures that persist (node down,
 * authentication) are rethrown as the client's error.
 */
export async function bulkIndex(client: Client, docs: readonly BulkDocument[], options: BulkRetryOptions = {}): Promise<void> {
  const rejected: RejectedDocument[] = [];
  const exhausted: RejectedDocument[] = [];
  // Elasticsearch validates ids before it looks at items: one _id over 512 bytes fails the whole request (400),
  // so such a document is refused here, by id, and the rest of the batch is written.
  const writable = lastWriteWins(docs).filter((d) => {
    if (Buffer.byteLength(d.id, 'utf8') <= MAX_ID_BYTES) return true;
    rejected.push({ id: d.id, index: d.index, status: 400, reason: `id is longer than Elasticsearch's limit of ${MAX_ID_BYTES} bytes (UTF-8)` });
    return false;
  });
  for (const chunk of serializedChunks(writable, MAX_DOCS_PER_REQUEST, MAX_BYTES_PER_REQUEST)) {
    let pending = chunk;
    try {
      await withRetry(
        async () => {
          // The NDJSON is built here, once per document, instead of by the client on every attempt, and sent as
          // bytes: given a string, the client counts its UTF-8 bytes for Content-Length and the socket then encodes
          // it again. Only what is read below comes back (BULK_RESPONSE_FIELDS).
          const response = await client.transport.request<estypes.BulkResponse>({
            method: 'POST',
            path: '/_bulk',
            querystring: { filter_path: BULK_RESPONSE_FIELDS },
            bulkBody: Buffer.from(pending.map((s) => s.lines).join('')),
          });
          if (!response.errors) {
            pending = [];
            return;
          }
          const retry: SerializedDocument[] = [];
          const failures: RejectedDocument[] = [];
          response.items.forEach((item, i) => {
            const result = item.index;
            const serialized = pending[i];
            if (result === undefined || serialized === undefined || result.status < 300) return;
            const { doc } = serialized;
            const failure = { id: doc.id, index: doc.index, status: result.status, reason: describeError(result.error) };
            if (isRetryableStatus(result.status)) {
              retry.push(serialized);
              failures.push(failure);
            } else {
              rejected.push(failure);
            }
          });
          pending = retry;
          if (retry.length > 0) {
            await options.onRetryableFailures?.(failures);
            throw new RetryableItems(failures);
          }
        },
        {
          what: 'Elasticsearch bulk write',
          recovered: 'Elasticsearch writes resumed',
          retries: options.retries ?? 6,
          minDelayMs: options.minTimeoutMs ?? 100,
          maxDelayMs: options.maxTimeoutMs ?? 5_000,
          // Only the failed items go again; whole-request failures only when they are transient.
          shouldRetry: (error) => error instanceof RetryableItems || isTransientError(error),
          onRetry: countBulkRetry,
        },
      );
    } catch (err) {
      if (!(err instanceof RetryableItems)) throw err;
      exhausted.push(...err.failures);
    }
  }
  countRejectedDocuments('refused', rejected.length);
  countRejectedDocuments('exhausted', exhausted.length);
  if (rejected.length > 0 || exhausted.length > 0) throw new BulkWriteError(rejected, exhausted);
}
