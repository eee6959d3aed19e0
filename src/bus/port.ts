/**
 * The Bus port. Two adapters implement it: `memory.ts` (in-process, default) and `kafka.ts` (kafkajs).
 * Both pass tests/contract/bus.contract.ts.
 *
 * Delivery: at least once. `consume` commits a batch's offsets only after `handle` resolved for it, so a crash
 * re-delivers and idempotent writes make the effect exactly once. Order is kept per key within a topic.
 */
export const TOPICS = ['mentions', 'classified', 'alerts', 'deadletter'] as const;
export type Topic = (typeof TOPICS)[number];

export interface OutgoingMessage {
  /** Partitioning key: thread root for `mentions`, brand for `classified` and `alerts`. */
  key: string;
  /** JSON-serialisable value. Consumers validate it with the model schemas: never trust a bus message. */
  value: unknown;
}

export interface BusMessage {
  topic: Topic;
  key: string;
  value: unknown;
  partition: number;
  offset: number;
}

export interface ConsumeOptions {
  /** Most messages handed to `handle` at once. */
  maxBatch?: number;
  /** Start from the earliest retained message when the group has no committed offset (default true). */
  fromBeginning?: boolean;
  /**
   * Told which partitions this group member reads: before the first batch and again after every rebalance
   * that changed them. No batch is handed to `handle` until the returned promise resolved; if it rejects, it is
   * called again before the next batch. A stage that keeps state per key (detect: per brand) drops what it no
   * longer owns and reloads from the store here, because another member wrote it meanwhile.
   */
  onAssignment?: (assignment: Assignment) => Promise<void>;
}

/** The partitions a consumer-group member reads, and which keys they hold (the adapter's own partitioner). */
export interface Assignment {
  partitions: number[];
  /**
   * Whether messages with this key land on one of `partitions`. Given by the bus because only the adapter knows
   * its partitioner and the topic's partition count (FNV-1a in memory, Kafka's murmur2 on Kafka).
   */
  ownsKey(key: string): boolean;
}

export interface Bus {
  readonly kind: 'memory' | 'kafka';
  /**
   * What `lag` counts: `messages` on the embedded bus and on Kafka without packing; `records` on Kafka with packing
   * (the default), where one record carries the messages of one publish per partition, often hundreds of posts.
   */
  readonly lagUnit: 'messages' | 'records';
  publish(topic: Topic, messages: OutgoingMessage[]): Promise<void>;
  /**
   * Runs until `signal` aborts, then finishes the batch in hand, commits it and returns.
   * `handle` throwing is an infrastructure failure: the batch is not committed and is delivered again;
   * per-message problems belong in the dead-letter topic, not in a throw.
   */
  consume(
    topic: Topic,
    group: string,
    handle: (batch: BusMessage[]) => Promise<void>,
    signal: AbortSignal,
    options?: ConsumeOptions,
  ): Promise<void>;
  /**
   * Published but not yet committed by `group` (consumer lag), for /readyz and metrics: messages on the embedded
   * bus, records on Kafka (where one record may carry many messages, see kafka-packing.ts). 0 means caught up.
   */
  lag(topic: Topic, group: string): Promise<number>;
  /**
   * Consumers in `group` now (all processes, for /readyz and metrics): 0 means nothing works on the topic for that
   * group, whatever its lag. Embedded: the group's consumers in this process; Kafka: the broker's member list.
   */
  members(topic: Topic, group: string): Promise<number>;
  /** Partitions the topic has (Kafka: as the broker reports once the topic exists, else as configured). */
  partitionCount?(topic: Topic): number;
  close(): Promise<void>;
}

/** A message that can never be processed, parked with the reason (dead-letter topic). */
export interface DeadLetter {
  stage: string;
  topic: Topic;
  key: string;
  reason: string;
  value: unknown;
  at: string;
}
