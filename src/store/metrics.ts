/**
 * Elasticsearch write metrics: what an operator alerts on when "index cannot write". A bulk call can succeed while
 * items in it fail (es-bulk.ts), so retries and refusals are counted per document, not per request.
 */
import { Counter } from 'prom-client';
import { registry, startAtZero } from '../metrics.ts';

const bulkRetries = new Counter({
  name: 'kundenradar_es_bulk_retries_total',
  help: 'Elasticsearch bulk requests sent again after a transient failure (429, 5xx, timeout, connection lost)',
  registers: [registry],
});

const rejectedDocuments = new Counter({
  name: 'kundenradar_es_rejected_documents_total',
  help: 'Documents Elasticsearch did not write: refused (mapping or value error, dead-lettered) or exhausted (still failing after the retries; the batch is delivered again)',
  labelNames: ['reason'],
  registers: [registry],
});
startAtZero(rejectedDocuments, 'reason', ['refused', 'exhausted']);

export function countBulkRetry(): void {
  bulkRetries.inc();
}

export function countRejectedDocuments(reason: 'refused' | 'exhausted', n: number): void {
  if (n > 0) rejectedDocuments.inc({ reason }, n);
}
