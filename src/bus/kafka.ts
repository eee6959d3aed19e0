/**
 * Bus adapter on Apache Kafka (kafkajs). kafkajs stays inside src/bus/kafka*.ts (STYLE.md: it is barely
 * maintained; another client must be able to replace it by changing these files only).
 *
 * - Topics are `<topicPrefix><topic>` and created on first use with the configured partition count; the broker
 *   runs with auto-creation off, so a typo never creates a topic. Consumer groups get the same prefix, so two
 *   deployments (or two tests) sharing a cluster never share offsets.
 * - Messages are keyed (kafkajs' default partitioner is Java's murmur2: the same key lands on the same partition
 *   as with any other Kafka client), values are JSON text.
 * - The producer is idempotent with acks=-1: kafkajs' retries of a send are written once, and an acknowledged
 *   message is on every in-sync replica. Delivery is at least once, like the port promises.
 */
import { Kafka, Partitioners, logLevel, type Admin, type Producer } from 'kafkajs';
import { childLogger } from '../log.ts';
import { withRetry } from '../retry.ts';
import { runConsumer, unreadableRecordMessage } from './kafka-consumer.ts';
import { packRecords, partitionerFor } from './kafka-packing.ts';
import { createKafkajsLog } from './kafka-log.ts';
import { byteChunks, groupMemberCount, isTransient, lazyConnect } from './kafka-support.ts';
import { countPublishRetry, countPublished } from './metrics.ts';
import type { Bus, BusMessage, ConsumeOptions, DeadLetter, OutgoingMessage, Topic } from './port.ts';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /** Partitions per topic, used when the bus creates a topic (default 1). */
  partitions: Partial<Record<Topic, number>>;
  /** Prefix of topic names and consumer group ids (default "kundenradar."). */
  topicPrefix?: string;
  /** Replicas per created topic (default -1: the broker's default.replication.factor). */
  replicationFactor?: number;
  /** A member that has not heartbeated for this long is removed from its group (default 30 s). */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Messages per `handle` call when the consumer does not say (default 100). */
  defaultMaxBatch?: number;
  /**
   * How long `publish` keeps retrying while the cluster is unreachable before it rejects (default 5 min).
   * Waiting is the backpressure a broker outage should cause upstream; failing fast would only move the
   * retrying into every caller.
   */
  publishRetryMs?: number;
  /** Pack the messages of one publish call that share a partition into one record (default true; kafka-packing.ts). */
  packRecords?: boolean;
}

/** Most bytes of JSON per produce request: stays well under the broker's default message.max.bytes (1 MB). */
const MAX_REQUEST_BYTES = 512 * 1024;
/** Most bytes of JSON in one packed record (several records still share a request). */
const MAX_RECORD_BYTES = 256 * 1024;
/** Enough of an unreadable dead letter to tell what wrote it, without flooding the log with a 256 KB record. */
const DEAD_LETTER_PREVIEW_CHARS = 2_000;

export function createKafkaBus(options: KafkaBusOptions): Bus {
  const log = childLogger('bus.kafka');
  const prefix = options.topicPrefix ?? 'kundenradar.';
  const sessionTimeoutMs = options.sessionTimeoutMs ?? 30_000;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? Math.max(500, Math.floor(sessionTimeoutMs / 10));
  // One bridge per client: its rate limit spans the producer, admin and every consumer of this process.
  const kafkajsLog = createKafkajsLog(log);
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    // Broker unreachable: back off from 300 ms to 30 s, then give up the request (consumers restart on crash).
    retry: { initialRetryTime: 300, maxRetryTime: 30_000, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator: () => kafkajsLog,
  });

  const topicName = (topic: Topic) => `${prefix}${topic}`;
  const groupId = (group: string) => `${prefix}${group}`;

  let closed = false;
  const closing = new AbortController();
  const running = new Set<{ controller: AbortController; done: Promise<void> }>();

  const admin = lazyConnect<Admin>(() => kafka.admin());
  const producer = lazyConnect<Producer>(() =>
    kafka.producer({
      idempotent: true,
      // Idempotence keeps order with up to 5 in flight, but one is plenty: sends are awaited one by one.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    }),
  );

  const ensured = new Map<Topic, Promise<void>>();
  function ensureTopic(topic: Topic): Promise<void> {
    let done = ensured.get(topic);
    if (!done) {
      // Several workers start together and race to create the same topics; the loser may briefly see the topic
      // without a leader ("does not host this topic-partition"), which is retriable, not a reason to stop a stage.
      done = withRetry(() => createTopic(topic), {
        what: `create topic ${topicName(topic)}`,
        recovered: `Kafka reachable again: topic ${topicName(topic)} ready`,
        retries: 20,
        maxElapsedMs: 2 * 60_000,
        minDelayMs: 250,
        maxDelayMs: 5_000,
        signal: closing.signal,
        shouldRetry: isTransient,
      }).catch((err: unknown) => {
        ensured.delete(topic); // try again on the next call
        throw err;
      });
      ensured.set(topic, done);
    }
    return done;
  }

  /** Partition count per topic, read from the broker once the topic exists (packing computes placement). */
  const partitionCounts = new Map<Topic, number>();

  async function createTopic(topic: Topic): Promise<void> {
    const name = topicName(topic);
    const numPartitions = Math.max(1, options.partitions[topic] ?? 1);
    const client = await admin.get();
    const created = await client.createTopics({
      topics: [{ topic: name, numPartitions, replicationFactor: options.replicationFactor ?? -1 }],
      waitForLeaders: true,
    });
    if (created) {
      log.info({ topic: name, partitions: numPartitions }, 'created topic');
      partitionCounts.set(topic, numPartitions);
      return;
    }
    const meta = await client.fetchTopicMetadata({ topics: [name] });
    const actual = meta.topics[0]?.partitions.length ?? 0;
    if (actual < 1) throw Object.assign(new Error(`topic ${name} has no partitions yet`), { retriable: true });
    partitionCounts.set(topic, actual);
    if (actual !== numPartitions) {
      // Not changed automatically: adding partitions moves keys and breaks per-thread/per-brand order.
      log.warn({ topic: name, configured: numPartitions, actual }, 'topic exists with a different partition count; keeping it');
    }
  }

  async function publish(topic: Topic, messages: OutgoingMessage[]): Promise<void> {
    if (closed) throw new Error('bus is closed');
    if (messages.length === 0) return;
    const encoded = messages.map((m) => {
      const json = JSON.stringify(m.value);
      if (json === undefined) throw new TypeError(`message for ${topic} with key ${m.key} is not JSON-serialisable`);
      return { key: m.key, json };
    });
    const records = await toRecords(topic, encoded);
    // Sequential chunks keep per-key order and each request under the broker's size limit. kafkajs' own retries
    // are deduplicated by the idempotent producer; a chunk re-sent here after kafkajs gave up (an outage longer
    // than its retries) may be written twice, which consumers absorb: every write downstream is keyed by id.
    for (const chunk of byteChunks(records, MAX_REQUEST_BYTES)) {
      await withRetry(
        async () => {
          await ensureTopic(topic);
          const client = await producer.get();
          await client.send({ topic: topicName(topic), acks: -1, messages: chunk });
        },
        {
          what: `publish to ${topicName(topic)}`,
          recovered: `Kafka reachable again: publish to ${topicName(topic)}`,
          retries: Number.POSITIVE_INFINITY,
          maxElapsedMs: options.publishRetryMs ?? 5 * 60_000,
          minDelayMs: 500,
          maxDelayMs: 10_000,
          signal: closing.signal,
          shouldRetry: isTransient,
          onRetry: () => countPublishRetry(topic),
        },
      );
    }
    countPublished(topic, messages);
  }

  type KafkaRecord = { key: string; value: string; partition?: number; headers?: Record<string, string> };

  /** One record per message, or packed records per partition (the default). */
  async function toRecords(topic: Topic, encoded: Array<{ key: string; json: string }>): Promise<KafkaRecord[]> {
    if (options.packRecords === false) return encoded.map((m) => ({ key: m.key, value: m.json }));
    await withRetry(() => ensureTopic(topic), { what: `create topic ${topicName(topic)}`, recovered: `Kafka reachable again: topic ${topicName(topic)} ready`, retries: Number.POSITIVE_INFINITY, maxElapsedMs: options.publishRetryMs ?? 5 * 60_000, signal: closing.signal, shouldRetry: isTransient });
    const partitions = partitionCounts.get(topic) ?? 1;
    let partitionOf = partitioners.get(partitions);
    if (!partitionOf) partitioners.set(partitions, (partitionOf = partitionerFor(partitions)));
    return packRecords(encoded, partitionOf, MAX_RECORD_BYTES).map((r) => ({ key: r.key, value: r.value, partition: r.partition, headers: r.headers }));
  }
  const partitioners = new Map<number, (key: string) => number>();

  async function consume(
    topic: Topic,
    group: string,
    handle: (batch: BusMessage[]) => Promise<void>,
    signal: AbortSignal,
    consumeOptions: ConsumeOptions = {},
  ): Promise<void> {
    if (closed) throw new Error('bus is closed');
    // A stage stopped while Kafka is unreachable must not wait out topic creation's retries (QA: SIGTERM took 3 min).
    const ready = ensureTopic(topic).then(() => true);
    ready.catch(() => undefined);
    const stopped = new Promise<false>((resolve) => (signal.aborted ? resolve(false) : signal.addEventListener('abort', () => resolve(false), { once: true })));
    if (!(await Promise.race([ready, stopped]))) return;
    // close() stops every consumer too.
    const controller = new AbortController();
    const entry = {
      controller,
      done: runConsumer({
        kafka,
        topic,
        topicName: topicName(topic),
        groupId: groupId(group),
        group,
        handle,
        onAssignment: consumeOptions.onAssignment,
        partitionOf: partitionerFor(partitionCounts.get(topic) ?? 1),
        signal: AbortSignal.any([signal, controller.signal]),
        maxBatch: Math.max(1, consumeOptions.maxBatch ?? options.defaultMaxBatch ?? 100),
        fromBeginning: consumeOptions.fromBeginning ?? true,
        sessionTimeoutMs,
        heartbeatIntervalMs,
        deadLetter: (m) => deadLetter(topic, group, m),
        log: log.child({ topic: topicName(topic), group: groupId(group) }),
        onHealthy: kafkajsLog.healthy,
      }),
    };
    running.add(entry);
    try {
      await entry.done;
    } finally {
      running.delete(entry);
    }
  }

  async function deadLetter(topic: Topic, group: string, m: { key: string; raw: string; reason: string; partition: number; offset: number }) {
    const where = { topic: topicName(topic), group, partition: m.partition, offset: m.offset, reason: m.reason };
    if (topic === 'deadletter') {
      // Never loop: an unreadable dead letter is only logged, so the line carries what it held.
      log.error({ ...where, key: m.key, preview: m.raw.slice(0, DEAD_LETTER_PREVIEW_CHARS) }, unreadableRecordMessage(topic));
      return;
    }
    log.error(where, unreadableRecordMessage(topic));
    const letter: DeadLetter = { stage: `bus:${group}`, topic, key: m.key, reason: m.reason, value: m.raw, at: new Date().toISOString() };
    await publish('deadletter', [{ key: m.key, value: letter }]);
  }

  async function lag(topic: Topic, group: string): Promise<number> {
    await ensureTopic(topic);
    const client = await admin.get();
    const name = topicName(topic);
    const [ends, committed] = await Promise.all([
      client.fetchTopicOffsets(name),
      client.fetchOffsets({ groupId: groupId(group), topics: [name] }),
    ]);
    const committedByPartition = new Map<number, number>(
      (committed.find((t) => t.topic === name)?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]),
    );
    let total = 0;
    for (const p of ends) {
      const high = Number(p.high);
      const done = committedByPartition.get(p.partition) ?? -1;
      // No commit yet: everything still retained counts as lag.
      total += Math.max(0, high - (done >= 0 ? done : Number(p.low)));
    }
    return total;
  }

  async function members(_topic: Topic, group: string): Promise<number> {
    const client = await admin.get();
    // One group per topic here (a stage's group reads one topic), so the group's members are the topic's consumers.
    return groupMemberCount(await client.describeGroups([groupId(group)]), groupId(group));
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    closing.abort(new Error('bus closed'));
    for (const r of running) r.controller.abort();
    await Promise.allSettled([...running].map((r) => r.done));
    await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
  }

  const partitionCount = (topic: Topic): number => partitionCounts.get(topic) ?? Math.max(1, options.partitions[topic] ?? 1);
  // Packed records (kafka-packing.ts) are what the broker's offsets count; unpacked, a record is a message.
  const lagUnit = options.packRecords === false ? 'messages' : 'records';
  return { kind: 'kafka', lagUnit, publish, consume, lag, members, partitionCount, close };
}

/**
 * Deletes every topic and consumer group under `topicPrefix` (tests, and tearing down a staging namespace).
 * Refuses an empty prefix: that would be the whole cluster.
 */
export async function dropKafkaNamespace(options: { brokers: string[]; clientId: string; topicPrefix: string }): Promise<void> {
  if (!options.topicPrefix) throw new Error('refusing to drop an empty topic prefix (the whole cluster)');
  const kafka = new Kafka({ clientId: options.clientId, brokers: options.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Topics first: a group whose member died moments ago stays "not empty" until its session times out, and
    // its offsets go with the topics anyway; that group is left for the broker to expire.
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(options.topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(options.topicPrefix));
    if (groups.length > 0) {
      await admin.deleteGroups(groups).catch((err: unknown) => {
        const failed = (err as { groups?: Array<{ error?: { type?: string } }> }).groups ?? [];
        const expected = new Set(['NON_EMPTY_GROUP', 'GROUP_ID_NOT_FOUND']);
        if (failed.length === 0 || failed.some((g) => !expected.has(g.error?.type ?? ''))) throw err;
      });
    }
  } finally {
    await admin.disconnect();
  }
}
