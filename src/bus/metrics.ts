/**
 * Bus metrics, counted by both adapters alike (memory.ts, kafka.ts) so embedded and scaled mode export the same
 * series. Labels are bounded: groups and topics are the pipeline's fixed ones, dead-letter stages are stage names,
 * `bus:<group>` or `ingest:<configured source>`; never message keys or ids.
 */
import { Counter } from 'prom-client';
import { registry } from '../metrics.ts';
import type { OutgoingMessage, Topic } from './port.ts';

const handlerFailures = new Counter({
  name: 'kundenradar_handler_failures_total',
  help: 'Batches whose stage handler failed (store or receiver down): not committed, delivered again after a backoff; by consumer group',
  labelNames: ['group'],
  registers: [registry],
});

const publishRetries = new Counter({
  name: 'kundenradar_bus_publish_retries_total',
  help: 'Kafka produce requests retried after the broker did not take them (kafkajs gave up on its own retries)',
  labelNames: ['topic'],
  registers: [registry],
});

const deadLetters = new Counter({
  name: 'kundenradar_deadletters_total',
  help: 'Messages parked on the dead-letter topic, by the stage that parked them and the topic they came from',
  labelNames: ['stage', 'topic'],
  registers: [registry],
});

export function countHandlerFailure(group: string): void {
  handlerFailures.inc({ group });
}

export function countPublishRetry(topic: Topic): void {
  publishRetries.inc({ topic });
}

/**
 * Counts what a publish to the dead-letter topic carried. Counted where every parked message passes (the bus),
 * not at each of the places that park one (stages, ingestors, the outbox, the Kafka decoder).
 */
export function countPublished(topic: Topic, messages: readonly OutgoingMessage[]): void {
  if (topic !== 'deadletter') return;
  for (const m of messages) {
    const letter = (m.value ?? {}) as { stage?: unknown; topic?: unknown };
    deadLetters.inc({ stage: typeof letter.stage === 'string' ? letter.stage : 'unknown', topic: typeof letter.topic === 'string' ? letter.topic : 'unknown' });
  }
}
