/**
 * Prometheus metrics (prom-client), one registry for the process, served on /metrics. Every metric a Kundenradar
 * process can export is listed in README.md ("Metrics"); the modules beside the code that counts define them
 * (bus/metrics.ts, store/metrics.ts, alerts/metrics.ts, ../ingestors/metrics.ts, consumer-watch.ts).
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

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

/**
 * Exports every combination of `values` at 0: a counter that only appears on its first increment makes
 * `rate()` and `increase()` blind to that first event, and an absent series looks like a broken scrape.
 */
export function startAtZero<L extends string>(counter: Counter<L>, label: L, values: readonly string[]): void {
  for (const value of values) counter.inc({ [label]: value } as Partial<Record<L, string>>, 0);
}

export type GaugeSample<L extends string> = { labels: Partial<Record<L, string | number>>; value: number };

/**
 * A gauge read when Prometheus scrapes, from whatever running service provides it (several services may share a
 * process in tests). `provide` returns the function that withdraws the provider when its service stops. A
 * provider that fails is left out of that scrape: /metrics must answer, and /readyz names the failure.
 */
export function scrapedGauge<L extends string>(options: { name: string; help: string; labelNames: readonly L[] }) {
  const providers = new Set<() => Promise<Array<GaugeSample<L>>>>();
  new Gauge<L>({
    ...options,
    registers: [registry],
    async collect() {
      this.reset();
      for (const read of providers) {
        const samples = await read().catch(() => []);
        for (const s of samples) this.set(s.labels, s.value);
      }
    },
  });
  return {
    provide(read: () => Promise<Array<GaugeSample<L>>>): () => void {
      providers.add(read);
      return () => void providers.delete(read);
    },
  };
}
