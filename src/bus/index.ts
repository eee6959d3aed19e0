/** Picks the Bus adapter: Kafka when KAFKA_BROKERS is set, the in-process bus otherwise. */
import type { LoadedConfig } from '../config.ts';
import type { Bus, Topic } from './port.ts';
import path from 'node:path';
import { createMemoryBus } from './memory.ts';
import { openBusJournal } from './journal.ts';

const DEFAULT_KAFKA_PARTITIONS: Record<Topic, number> = { mentions: 6, classified: 6, alerts: 3, deadletter: 1 };

export async function openBus(loaded: LoadedConfig, options: { clientId?: string } = {}): Promise<Bus> {
  const { config, env } = loaded;
  if (env.kafkaBrokers) {
    // Loaded lazily so the embedded path never touches kafkajs.
    const { createKafkaBus } = await import('./kafka.ts');
    return createKafkaBus({
      brokers: env.kafkaBrokers,
      clientId: options.clientId ?? config.bus.clientId,
      topicPrefix: config.bus.topicPrefix,
      packRecords: config.bus.packRecords,
      partitions: { ...DEFAULT_KAFKA_PARTITIONS, ...(config.bus.partitions as Partial<Record<Topic, number>>) },
    });
  }
  // Embedded: the journal sits beside the store, so one data directory holds everything a restart needs.
  const dataDir = env.dataDir ? path.resolve(env.dataDir) : path.dirname(path.resolve(loaded.baseDir, config.store.path));
  return createMemoryBus({
    capacity: config.bus.memoryCapacity,
    partitions: config.bus.partitions as Partial<Record<Topic, number>>,
    journal: openBusJournal(path.join(dataDir, 'bus-journal.db')),
  });
}
