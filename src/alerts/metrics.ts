/** Delivery metrics per route: what the outbox sends, retries and gives up on (served on /metrics). */
import { Counter } from 'prom-client';
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
