/** Delivery metrics per route: what the outbox sends, retries and gives up on, and what waits (served on /metrics). */
import { Counter, Gauge } from 'prom-client';
import { registry } from '../metrics.ts';

const attempts = new Counter({
  name: 'kundenradar_alert_deliveries_total',
  help: 'Webhook delivery attempts by route and outcome (delivered, retry, dead)',
  labelNames: ['route', 'outcome'],
  registers: [registry],
});

export function countDelivery(route: string, outcome: 'delivered' | 'retry' | 'dead'): void {
  attempts.labels(route, outcome).inc();
}

const pending = new Gauge({
  name: 'kundenradar_outbox_pending',
  help: 'Outbox messages not yet delivered or given up, by route, as this notify instance last counted them (its share of the outbox)',
  labelNames: ['route'],
  registers: [registry],
});

/**
 * Set on every dispatcher pass from the entries the pass reads anyway (no extra store read). Routes with nothing
 * waiting report 0, so a drained route does not keep its last value.
 */
export function reportOutboxPending(routes: Iterable<string>, waiting: ReadonlyArray<{ route: string }>): void {
  const counts = new Map<string, number>();
  for (const route of routes) counts.set(route, 0);
  for (const e of waiting) counts.set(e.route, (counts.get(e.route) ?? 0) + 1);
  for (const [route, n] of counts) pending.set({ route }, n);
}
