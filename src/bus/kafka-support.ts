/** Small kafkajs-facing helpers of the Kafka bus: lazy connections, request sizing, error triage. */
import { chunksBySize } from '../chunks.ts';
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

/**
 * Members of `groupId` in an admin describeGroups answer. A group the broker does not know (never joined, or
 * expired) is described as Dead with no members: 0 as well, which is what an operator needs to see.
 */
export function groupMemberCount(described: { groups: Array<{ groupId: string; state: string; members: unknown[] }> }, groupId: string): number {
  const group = described.groups.find((g) => g.groupId === groupId);
  if (!group || group.state === 'Dead' || group.state === 'Empty') return 0;
  return group.members.length;
}

export function byteChunks<M extends { key: string; value: string }>(messages: M[], maxBytes: number): Generator<M[]> {
  return chunksBySize(messages, (m) => Buffer.byteLength(m.value) + Buffer.byteLength(m.key) + 64 /* record overhead */, { maxBytes });
}
