/** Errors the store adapters throw; each says what to change. */

/** The query itself cannot be answered (bad paging, too many histogram buckets, malformed dates). */
export class StoreQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreQueryError';
  }
}

/** One document Elasticsearch refused for good (mapping conflict, bad value): retrying cannot help. */
export interface RejectedDocument {
  id: string;
  index: string;
  status: number;
  /** Elasticsearch's error type and reason, e.g. "mapper_parsing_exception: failed to parse field [createdAt]". */
  reason: string;
}

/**
 * A bulk write left documents unwritten: either refused for good (`rejected`, e.g. mapping failures) or still
 * failing with 429/5xx after every retry (`exhausted`). Written documents stay written; the caller decides
 * whether to dead-letter the rejected ones or fail the batch.
 */
export class BulkWriteError extends Error {
  constructor(
    readonly rejected: RejectedDocument[],
    readonly exhausted: RejectedDocument[],
  ) {
    const all = [...rejected, ...exhausted];
    const sample = all
      .slice(0, 5)
      .map((r) => `${r.id} → ${r.index} (${r.status}): ${r.reason}`)
      .join('; ');
    super(
      `Elasticsearch did not store ${all.length} document(s)` +
        (rejected.length > 0 ? `, ${rejected.length} refused for good` : '') +
        (exhausted.length > 0 ? `, ${exhausted.length} still failing after retries` : '') +
        `: ${sample}${all.length > 5 ? '; …' : ''}`,
    );
    this.name = 'BulkWriteError';
  }
}
