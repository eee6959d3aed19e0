/**
 * Elasticsearch stores for tests on a real node (ELASTICSEARCH_URL): each on its own random index prefix, so
 * suites running side by side never see each other's indices and cleanup can only touch their own.
 */
import { randomUUID } from 'node:crypto';
import type { BulkRetryOptions } from '../../src/store/es-bulk.ts';
import { openElasticsearchStore, type ElasticsearchStore } from '../../src/store/elasticsearch.ts';
import { elasticsearchUrl } from '../integration/services.ts';

export interface TestStoreOptions {
  retentionDays?: number;
  indexPrefix?: string;
  retentionEveryMs?: number;
  retry?: BulkRetryOptions;
}

export async function openTestStore(options: TestStoreOptions = {}): Promise<ElasticsearchStore> {
  return openElasticsearchStore({
    url: elasticsearchUrl(),
    username: process.env.ELASTICSEARCH_USERNAME,
    password: process.env.ELASTICSEARCH_PASSWORD,
    indexPrefix: options.indexPrefix ?? `krtest-${randomUUID().slice(0, 8)}`,
    retentionDays: options.retentionDays ?? 365,
    retry: options.retry ?? { retries: 2, minTimeoutMs: 20, maxTimeoutMs: 100 },
    // Retention specs call applyRetention themselves; a background sweep would race them.
    retentionEveryMs: options.retentionEveryMs ?? 0,
  });
}

/** Deletes the store's indices, then closes its client (also when the delete fails). */
export async function dispose(store: ElasticsearchStore): Promise<void> {
  try {
    await store.destroy();
  } finally {
    await store.close();
  }
}

/** A fresh, empty store and its cleanup, in the shape the shared suites (storeContract, ...) take. */
export async function makeTestStore(): Promise<{ store: ElasticsearchStore; cleanup(): Promise<void> }> {
  const store = await openTestStore();
  return { store, cleanup: () => dispose(store) };
}
