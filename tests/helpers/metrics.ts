/** Reads one series of the process registry, as a scrape of /metrics would see it (0 when not exported). */
import { registry } from '../../src/metrics.ts';

export async function metricValue(name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return undefined;
  const { values } = await metric.get();
  return values.find((v) => Object.entries(labels).every(([k, want]) => String(v.labels[k as keyof typeof v.labels]) === want))?.value;
}

/** How much a counter rose while `work` ran (counters are process-wide, so tests compare before and after). */
export async function increaseOf(name: string, labels: Record<string, string>, work: () => Promise<unknown>): Promise<number> {
  const before = (await metricValue(name, labels)) ?? 0;
  await work();
  return ((await metricValue(name, labels)) ?? 0) - before;
}
