/** Splitting a sequence into requests that stay under a byte (and item) limit: one place for Kafka and Elasticsearch. */

export interface ChunkLimits {
  maxBytes: number;
  maxItems?: number;
}

/**
 * Consecutive chunks of `items`, in order, each within `limits`; an item larger than `maxBytes` travels alone
 * rather than being dropped.
 */
export function* chunksBySize<T>(items: Iterable<T>, sizeOf: (item: T) => number, limits: ChunkLimits): Generator<T[]> {
  const maxItems = limits.maxItems ?? Number.POSITIVE_INFINITY;
  let chunk: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (chunk.length > 0 && (chunk.length >= maxItems || bytes + size > limits.maxBytes)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}
