/**
 * Consumer-group lag, read once for /readyz and /metrics alike. Reading it on Kafka costs two admin requests per
 * group; a probe every few seconds plus a Prometheus scrape per worker would double that for the same numbers, so
 * a reading younger than `maxAgeMs` is shared, and concurrent callers share one reading in flight.
 */
import type { Bus, Topic } from './bus/port.ts';
import { scrapedGauge } from './metrics.ts';
import { withTimeout } from './retry.ts';

export interface WatchedConsumer {
  topic: Topic;
  group: string;
}

export interface ConsumerState extends WatchedConsumer {
  /** Bus.lag: messages on the embedded bus, records on Kafka. */
  lag: number;
}

const lagGauge = scrapedGauge({
  name: 'kundenradar_consumer_lag',
  help: 'Published but not yet committed by the consumer group (embedded bus: messages; Kafka: records, each may pack many posts)',
  labelNames: ['topic', 'group'],
});

/** A scrape must answer even when the bus does not; /readyz says why. */
const SCRAPE_TIMEOUT_MS = 3_000;

export interface ConsumerWatch {
  /** The groups' state, at most `maxAgeMs` old. Rejects when the bus fails to answer. */
  snapshot(): Promise<ConsumerState[]>;
  /** Stops exporting this watch's gauges. */
  close(): void;
}

export function watchConsumers(bus: Bus, consumers: readonly WatchedConsumer[], options: { maxAgeMs?: number; now?: () => number } = {}): ConsumerWatch {
  const maxAgeMs = options.maxAgeMs ?? 5_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; states: ConsumerState[] } | undefined;
  let reading: Promise<ConsumerState[]> | undefined;

  async function read(): Promise<ConsumerState[]> {
    const states: ConsumerState[] = [];
    // One group after another: a probe should not fire a burst of admin requests at a struggling cluster.
    for (const c of consumers) states.push({ topic: c.topic, group: c.group, lag: await bus.lag(c.topic, c.group) });
    return states;
  }

  function snapshot(): Promise<ConsumerState[]> {
    if (cached && now() - cached.at < maxAgeMs) return Promise.resolve(cached.states);
    reading ??= read()
      .then((states) => {
        cached = { at: now(), states };
        return states;
      })
      .finally(() => (reading = undefined));
    return reading;
  }

  const withdraw = lagGauge.provide(async () => {
    const states = await withTimeout(snapshot(), SCRAPE_TIMEOUT_MS, 'consumer lag not read in time');
    return states.map((s) => ({ labels: { topic: s.topic, group: s.group }, value: s.lag }));
  });
  return { snapshot, close: withdraw };
}
