/**
 * One consumer-group member on kafkajs: the "commit only after the work is done" loop of the Kafka bus.
 *
 * - eachBatch with autoCommit and auto-resolve off: a chunk of at most `maxBatch` messages goes to `handle`;
 *   only after it resolved is the offset of the chunk's last complete record resolved and committed (a packed
 *   record, kafka-packing.ts, may span chunks).
 * - `handle` throwing is an infrastructure failure (store or webhook down): the chunk stays unresolved, its
 *   partition is paused for a backoff and resumed, and kafkajs fetches it again from the last resolved offset.
 *   We never rethrow into kafkajs: it retries plain errors in a tight loop and crashes on others.
 * - While `handle` runs, a timer heartbeats so a slow store does not get the member thrown out of the group.
 * - kafkajs fetches the next batch for a broker only after the current one was handled, so a slow handler
 *   slows consumption instead of filling memory (backpressure, bounded by maxBytes).
 * - Abort: finish the chunk in hand, commit it, then disconnect (kafkajs waits for the batch, leaves the group).
 * - A crash (broker gone longer than the retries, or no group coordinator yet while a restarted broker loads its
 *   offsets, which kafkajs deems non-retriable and would never restart from) ends the member; `runConsumer`
 *   replaces it with a new one after a backoff, until aborted. kafkajs's own restart is off: it reuses the crashed
 *   client and, for the errors above, gives up instead.
 * - Assignment: GROUP_JOIN (emitted after every join and sync, before the new generation fetches) starts
 *   `onAssignment` at once, so a member that lost partitions forgets them even while idle; every chunk waits for
 *   it first, and a failed one is run again before the next chunk (through the handler-failure backoff).
 */
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from '../log.ts';
import { backoffDelay, sleep, type BackoffPolicy } from '../retry.ts';
import type { Assignment, BusMessage, Topic } from './port.ts';
import { isPacked, unpackRecord } from './kafka-packing.ts';
import { countHandlerFailure } from './metrics.ts';

export interface ConsumerSpec {
  kafka: Kafka;
  topic: Topic;
  /** Kafka topic name (prefixed). */
  topicName: string;
  groupId: string;
  /** The group as the pipeline names it (without the deployment's prefix): the metrics label. */
  group: string;
  handle: (batch: BusMessage[]) => Promise<void>;
  /** See ConsumeOptions.onAssignment; `partitionOf` is the producer's partitioner for this topic. */
  onAssignment?: (assignment: Assignment) => Promise<void>;
  partitionOf: (key: string) => number;
  signal: AbortSignal;
  maxBatch: number;
  fromBeginning: boolean;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** Called for a message whose value is not JSON: it can never be handled, so it is parked, not retried. */
  deadLetter: (message: { key: string; raw: string; reason: string; partition: number; offset: number }) => Promise<void>;
  log: Logger;
  /** Called on every heartbeat the broker answered (kafka-log.ts `healthy`: the "reachable again" line). */
  onHealthy?: () => void;
}

/** Handler failures back off from 250 ms to 30 s per partition. */
const HANDLER_BACKOFF = { minDelayMs: 250, maxDelayMs: 30_000, factor: 2 };
/** A crashed member is replaced after 1 s, then up to 30 s while it keeps crashing before it joins. */
const MEMBER_BACKOFF = { minDelayMs: 1_000, maxDelayMs: 30_000, factor: 2 };

/** Runs one group member after another until `signal` aborts; resolves then. */
export async function runConsumer(spec: ConsumerSpec): Promise<void> {
  await keepMemberRunning((joined) => runMember(spec, joined), { signal: spec.signal, log: spec.log, backoff: MEMBER_BACKOFF });
}

/**
 * Restarts `member` whenever it rejects, after a backoff that grows while members crash before joining their
 * group and starts over once one joined (a member that ran for a day and then lost its broker waits 1 s, not 30).
 */
export async function keepMemberRunning(
  member: (joined: () => void) => Promise<void>,
  options: { signal: AbortSignal; log: Logger; backoff: BackoffPolicy },
): Promise<void> {
  let failedBeforeJoining = 0;
  while (!options.signal.aborted) {
    try {
      await member(() => (failedBeforeJoining = 0));
      return;
    } catch (err) {
      failedBeforeJoining += 1;
      const delayMs = backoffDelay(failedBeforeJoining, options.backoff);
      options.log.error({ err, attempt: failedBeforeJoining, delayMs }, 'Kafka consumer crashed; a new member joins after a backoff');
      try {
        await sleep(delayMs, options.signal);
      } catch {
        return; // aborted while waiting
      }
    }
  }
}

async function runMember(spec: ConsumerSpec, joined: () => void): Promise<void> {
  const { kafka, signal, log } = spec;
  if (signal.aborted) return;

  const consumer: Consumer = kafka.consumer({
    groupId: spec.groupId,
    sessionTimeout: spec.sessionTimeoutMs,
    heartbeatInterval: spec.heartbeatIntervalMs,
    rebalanceTimeout: Math.max(60_000, spec.sessionTimeoutMs),
    // One fetch is what a member holds in memory: 4 MB total, 1 MB per partition.
    maxBytes: 4 * 1024 * 1024,
    maxBytesPerPartition: 1024 * 1024,
    maxWaitTimeInMs: 250,
    allowAutoTopicCreation: false,
    retry: {
      initialRetryTime: 300,
      maxRetryTime: 30_000,
      retries: 8,
      restartOnFailure: async () => false,
    },
  });

  // The newest assignment and its onAssignment run; a chunk is handled only once that run succeeded.
  let assignment: { value: Assignment; applied?: Promise<void> } | undefined;
  function applyAssignment(): Promise<void> {
    if (!assignment || !spec.onAssignment) return Promise.resolve();
    const current = assignment;
    current.applied ??= spec.onAssignment(current.value).catch((err: unknown) => {
      if (assignment === current) delete current.applied; // the next chunk tries again
      throw err;
    });
    return current.applied;
  }
  const handle = async (messages: BusMessage[]) => {
    await applyAssignment();
    await spec.handle(messages);
  };

  const failures = new Map<number, number>();
  const resumeTimers = new Set<NodeJS.Timeout>();

  const eachBatch = async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale, pause }: EachBatchPayload) => {
    // Packed records hold many messages; chunks of `maxBatch` messages may end inside one. A record's offset is
    // resolved only once its last message was handled, so a crash mid-record redelivers the whole record.
    type Entry = { message: BusMessage; lastOfRecord: boolean } | { unreadable: Exclude<Decoded, { messages: BusMessage[] }>; offset: string; lastOfRecord: true };
    const entries: Entry[] = [];
    for (const m of batch.messages) {
      const decoded = decode(spec.topic, batch.partition, m);
      if ('messages' in decoded) decoded.messages.forEach((message, i) => entries.push({ message, lastOfRecord: i === decoded.messages.length - 1 }));
      else entries.push({ unreadable: decoded, offset: m.offset, lastOfRecord: true });
    }

    for (let start = 0; start < entries.length; start += spec.maxBatch) {
      // On abort the chunk in hand was finished and committed; the rest stays for the next member.
      if (signal.aborted || !isRunning() || isStale()) return;
      const slice = entries.slice(start, start + spec.maxBatch);
      const messages: BusMessage[] = [];
      for (const e of slice) {
        if ('message' in e) messages.push(e.message);
        else await spec.deadLetter({ key: e.unreadable.key, raw: e.unreadable.raw, reason: e.unreadable.reason, partition: batch.partition, offset: Number(e.offset) });
      }

      if (messages.length > 0) {
        const beating = setInterval(() => {
          // A failed heartbeat means a rebalance started; the commit below then fails and kafkajs rejoins.
          heartbeat().catch((err: Error) => log.debug({ err: err.message }, 'heartbeat during handler failed'));
        }, spec.heartbeatIntervalMs);
        try {
          await handle(messages);
        } catch (err) {
          const attempt = (failures.get(batch.partition) ?? 0) + 1;
          failures.set(batch.partition, attempt);
          countHandlerFailure(spec.group);
          const delayMs = backoffDelay(attempt, HANDLER_BACKOFF);
          log.warn(
            { err, partition: batch.partition, offset: messages[0]!.offset, attempt, delayMs },
            'handler failed; batch not committed, redelivering after backoff',
          );
          const resume = pause();
          const timer = setTimeout(() => {
            resumeTimers.delete(timer);
            resume();
          }, delayMs);
          resumeTimers.add(timer);
          return;
        } finally {
          clearInterval(beating);
        }
        failures.delete(batch.partition);
      }

      let done: Entry | undefined;
      for (const e of slice) if (e.lastOfRecord) done = e;
      if (done) {
        const offset = 'message' in done ? String(done.message.offset) : done.offset;
        resolveOffset(offset);
        await commitOffsetsIfNecessary({
          topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: (BigInt(offset) + 1n).toString() }] }],
        });
      }
      await heartbeat();
    }
  };

  const crashed = new Promise<never>((_, reject) => {
    consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
  });
  // A crash while connecting comes before anyone awaits `crashed`; the race below still sees it.
  crashed.catch(() => undefined);
  if (spec.onHealthy) consumer.on(consumer.events.HEARTBEAT, spec.onHealthy);
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    joined();
    const partitions = [...(payload.memberAssignment[spec.topicName] ?? [])].sort((a, b) => a - b);
    const owned = new Set(partitions);
    assignment = { value: { partitions, ownsKey: (key) => owned.has(spec.partitionOf(key)) } };
    applyAssignment().catch((err: unknown) => log.warn({ err, partitions }, 'assignment handler failed; retried before the next batch'));
    log.info(
      { memberId: payload.memberId, assignment: payload.memberAssignment, durationMs: payload.duration },
      'joined consumer group',
    );
  });

  const aborted = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

  let connected = false;
  try {
    // Stopped while the broker is unreachable: kafkajs's connect retries run for minutes; do not wait them out.
    const connecting = consumer.connect().then(() => (connected = true));
    connecting.catch(() => undefined);
    await Promise.race([connecting, aborted, crashed]);
    if (!connected) return;
    await consumer.subscribe({ topic: spec.topicName, fromBeginning: spec.fromBeginning });
    // Two partitions at a time: one partition's store write or publish overlaps the next partition's fetch.
    // Order is kept where it is promised, within a partition; all per-batch state above is keyed by partition.
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, partitionsConsumedConcurrently: 2, eachBatch });
    await Promise.race([aborted, crashed]);
  } finally {
    for (const timer of resumeTimers) clearTimeout(timer);
    // Waits for the batch in hand, leaves the group, closes connections; never connected: a bounded wait only.
    const disconnecting = consumer.disconnect();
    if (connected) await disconnecting;
    else await Promise.race([disconnecting.catch(() => undefined), sleep(5_000)]);
  }
}

export type Decoded = { messages: BusMessage[] } | { key: string; raw: string; reason: string };

/** A Kafka record as the handlers see it, or why it can never be handled. */
export function decode(topic: Topic, partition: number, m: Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>): Decoded {
  const key = m.key?.toString('utf8') ?? '';
  // A null value is a tombstone (compaction's delete marker; we never write one): say so, not "not JSON: Unexpected
  // end of JSON input" (QA operations finding 6).
  if (m.value === null) return { key, raw: '', reason: 'empty value (tombstone)' };
  const raw = m.value.toString('utf8');
  const offset = Number(m.offset);
  if (isPacked(m.headers)) {
    try {
      return { messages: unpackRecord(raw).map((item) => ({ topic, key: item.key, value: item.value, partition, offset })) };
    } catch (err) {
      return { key, raw, reason: `packed record is unreadable: ${(err as Error).message}` };
    }
  }
  try {
    return { messages: [{ topic, key, value: JSON.parse(raw) as unknown, partition, offset }] };
  } catch (err) {
    return { key, raw, reason: `value is not JSON: ${(err as Error).message}` };
  }
}

/**
 * The log line of an unreadable record. One on the dead-letter topic itself is not dead-lettered again (that could
 * loop), so the line is all that is left of it, and /api/quarantine never lists it.
 */
export function unreadableRecordMessage(topic: Topic): string {
  return topic === 'deadletter'
    ? 'unreadable record on the dead-letter topic, logged only: not shown in /api/quarantine'
    : 'unreadable message dead-lettered';
}
