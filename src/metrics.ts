/** Prometheus metrics (prom-client), one registry for the process, served on /metrics. */
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const processed = new Counter({
  name: 'kundenradar_stage_messages_total',
  help: 'Messages handled by each pipeline stage',
  labelNames: ['stage'],
  registers: [registry],
});

export function stageMetrics(stage: string): { processed(n: number): void } {
  const counter = processed.labels(stage);
  return { processed: (n) => counter.inc(n) };
}
