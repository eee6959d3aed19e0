/** Small kafkajs-facing helpers of the Kafka bus: lazy connections, request sizing, error triage, log bridging. */
import { logLevel, type LogEntry } from 'kafkajs';
import { chunksBySize } from '../chunks.ts';
import type { Logger } from '../log.ts';
import { sleep } from '../retry.ts';

/** Connects a kafkajs client on first use; a failed connect is retried on the next use. */
export function lazyConnect<T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(make: () => T) {
  let connecting: Promise<T> | undefined;
  let client: T | undefined;
  let connected = false;
  return {
    get(): Promise<T> {
      if (!connecting) {
        const made = make();
        client = made;
        connected = false;
        connecting = made.connect().then(
          () => {
            connected = true;
            return made;
          },
          (err: unknown) => {
            connecting = undefined;
            throw err;
          },
        );
      }
      return connecting;
    },
    async disconnect(): Promise<void> {
      const pending = connecting;
      const made = client;
      connecting = undefined;
      client = undefined;
      if (!pending || !made) return;
      if (connected) return made.disconnect();
      // Still connecting to an unreachable broker: kafkajs retries for minutes, and closing waited them out (QA:
      // SIGTERM took minutes). Ask it to stop and wait a few seconds at most.
      pending.catch(() => undefined);
      await Promise.race([made.disconnect().catch(() => undefined), sleep(5_000)]);
    },
  };
}

const TRANSIENT_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSLockTimeout',
]);

/** Connection loss, timeouts and retriable protocol errors: worth waiting for. Too-large messages etc. are not. */
export function isTransient(error: Error): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    if ((e as Error & { retriable?: boolean }).retriable === true) return true;
    if (TRANSIENT_ERRORS.has(e.name)) return true;
  }
  return false;
}

export function byteChunks<M extends { key: string; value: string }>(messages: M[], maxBytes: number): Generator<M[]> {
  return chunksBySize(messages, (m) => Buffer.byteLength(m.value) + Buffer.byteLength(m.key) + 64 /* record overhead */, { maxBytes });
}

/**
 * kafkajs logs some expected outcomes as errors: a CreateTopics answer naming a topic another worker created first,
 * and the heartbeat answer that announces a rebalance (it rejoins by itself). They are debug lines here, so an
 * error in the log means something an operator should look at.
 */
const EXPECTED_ERRORS = new Set(['Topic creation errors', 'The group is rebalancing, so a rejoin is needed']);

export function kafkajsLog(log: Logger, { level, log: entry }: LogEntry): void {
  const { message, ...fields } = entry;
  const line = { kafkajs: fields };
  if (typeof fields.error === 'string' && EXPECTED_ERRORS.has(fields.error)) log.debug(line, message);
  else if (level === logLevel.ERROR) log.error(line, message);
  else if (level === logLevel.WARN) log.warn(line, message);
  else if (level === logLevel.INFO) log.info(line, message);
  else log.debug(line, message);
}
