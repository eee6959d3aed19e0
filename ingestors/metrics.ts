/**
 * Metrics of POST /api/ingest, exported by the process that serves it (`worker serve`, or `start`): whether pushes
 * are taken, refused, or answered 503 because the bus did not take them.
 */
import { Counter } from 'prom-client';
import { registry, startAtZero } from '../src/metrics.ts';

export type IngestOutcome = 'accepted' | 'rejected' | 'unavailable';

const requests = new Counter({
  name: 'kundenradar_ingest_requests_total',
  help: 'POST /api/ingest requests by HTTP status (401: wrong token, 503: bus unavailable or no token configured)',
  labelNames: ['status'],
  registers: [registry],
});

const posts = new Counter({
  name: 'kundenradar_ingest_posts_total',
  help: 'Posts pushed to POST /api/ingest: accepted (on the bus), rejected (invalid, quarantined), unavailable (answered 503, to be resent)',
  labelNames: ['outcome'],
  registers: [registry],
});

/** Called when the router is built: only a process that serves the endpoint exports its series. */
export function exportIngestMetrics(): void {
  startAtZero(posts, 'outcome', ['accepted', 'rejected', 'unavailable'] satisfies IngestOutcome[]);
  startAtZero(requests, 'status', ['200', '503']);
}

export function countIngestRequest(status: number): void {
  requests.inc({ status: String(status) });
}

export function countIngestPosts(outcome: IngestOutcome, n: number): void {
  if (n > 0) posts.inc({ outcome }, n);
}
