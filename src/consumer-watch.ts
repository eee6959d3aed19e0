/**
 * Consumer-group lag and members, read once for /readyz and /metrics alike. Reading it on Kafka costs two admin requests per
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
  /** Bus.lag, in `Bus.lagUnit`: messages on the embedded bus, records (packed batches of posts) on Kafka. */
  lag: number;
  /** Consumers in the group now: 0 means no worker reads the topic for this stage. */
  members: number;
}

const lagGauge = scrapedGauge({
  name: 'kundenradar_consumer_lag',
  help: 'Published but not yet committed by the consumer group; unit="records" on Kafka (a record packs many posts), "messages" on the embedded bus',
  labelNames: ['topic', 'group', 'unit'],
});

const membersGauge = scrapedGauge({
  name: 'kundenradar_consumer_group_members',
  help: 'Consumers in the group now (0: no worker of that stage is running)',
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
    for (const c of consumers) states.push({ topic: c.topic, group: c.group, lag: await bus.lag(c.topic, c.group), members: await bus.members(c.topic, c.group) });
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

  const scraped = () => withTimeout(snapshot(), SCRAPE_TIMEOUT_MS, 'consumer groups not read in time');
  const withdraw = [
    lagGauge.provide(async () => (await scraped()).map((s) => ({ labels: { topic: s.topic, group: s.group, unit: bus.lagUnit }, value: s.lag }))),
    membersGauge.provide(async () => (await scraped()).map((s) => ({ labels: { topic: s.topic, group: s.group }, value: s.members }))),
  ];
  return { snapshot, close: () => withdraw.forEach((w) => w()) };
}
