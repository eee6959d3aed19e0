/**
 * Packed records: many bus messages bound for one partition travel as one Kafka record.
 *
 * Why: kafkajs encodes and decodes every record in JavaScript (varints, CRC, per-record objects), and the pipeline
 * moves every post through two topics. `npm run bench:bus` compares both ways through this adapter.
 *
 * Order and placement are unchanged: a packed record goes to the partition that kafkajs' default (Java murmur2)
 * partitioner gives each of its messages' keys, messages stay in publish order inside it, and a record holds
 * only messages of one partition. Consumers unpack it (header `kundenradar-packed: 1`, value = JSON array of
 * `{ key, value }`); a record without the header is one plain JSON message, so other producers can still write
 * to our topics. Set `bus.packRecords: false` when other systems consume the topics and expect one message per
 * record.
 */
import { chunksBySize } from '../chunks.ts';

export const PACKED_HEADER = 'kundenradar-packed';

export interface EncodedMessage {
  key: string;
  /** The message value as JSON text. */
  json: string;
}

export interface PackedRecord {
  partition: number;
  /** The first message's key: the record hashes to its own partition, for tools that look at keys. */
  key: string;
  value: string;
  headers: Record<string, string>;
  bytes: number;
}

/**
 * The partition kafkajs' default partitioner (and Java's) picks for `key` on a topic with `partitions` partitions:
 * murmur2 of the key's UTF-8 bytes, sign bit cleared, modulo the count. Computed here in 32-bit integer arithmetic
 * because kafkajs' own murmur2 multiplies through its BigInt-backed Long: 2 µs and 2 KB of garbage per key, and
 * every message of every publish is placed (tests/unit/bus/kafka-packing.test.ts checks both agree).
 */
export function partitionerFor(partitions: number): (key: string) => number {
  return (key) => (murmur2(key) & 0x7fffffff) % partitions;
}

const MURMUR2_SEED = 0x9747b28c;
const MURMUR2_M = 0x5bd1e995;
/** Reused for the UTF-8 bytes of keys that fit; longer keys get a buffer of their own. */
const keyScratch = Buffer.alloc(1024);

/** Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2) of the UTF-8 bytes of `key`, as a signed 32-bit int. */
export function murmur2(key: string): number {
  const fits = key.length * 3 <= keyScratch.length;
  const data = fits ? keyScratch : Buffer.from(key, 'utf8');
  const length = fits ? keyScratch.write(key, 0, 'utf8') : data.length;
  let h = MURMUR2_SEED ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, MURMUR2_M);
    k ^= k >>> 24;
    k = Math.imul(k, MURMUR2_M);
    h = Math.imul(h, MURMUR2_M) ^ k;
  }
  switch (length & 3) {
    case 3:
      h ^= data[whole + 2]! << 16;
    // falls through
    case 2:
      h ^= data[whole + 1]! << 8;
    // falls through
    case 1:
      h ^= data[whole]!;
      h = Math.imul(h, MURMUR2_M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, MURMUR2_M);
  h ^= h >>> 15;
  return h | 0;
}

/** `{"key":`, `,"value":` and `}` around a packed message, plus the comma that separates it from the next. */
const PART_FRAME_BYTES = 18;

/**
 * Groups messages by partition (keeping their order) into records of at most `maxBytes` of JSON each; a single
 * message larger than that gets a record of its own.
 */
export function packRecords(messages: readonly EncodedMessage[], partitionOf: (key: string) => number, maxBytes: number): PackedRecord[] {
  const byPartition = new Map<number, Array<{ key: string; part: string; size: number }>>();
  for (const m of messages) {
    const partition = partitionOf(m.key);
    const keyJson = JSON.stringify(m.key);
    const part = `{"key":${keyJson},"value":${m.json}}`;
    let parts = byPartition.get(partition);
    if (!parts) byPartition.set(partition, (parts = []));
    // Measured piecewise: measuring `part` itself would flatten it into a copy that the join below makes again.
    parts.push({ key: m.key, part, size: Buffer.byteLength(keyJson) + Buffer.byteLength(m.json) + PART_FRAME_BYTES });
  }
  const records: PackedRecord[] = [];
  for (const [partition, parts] of byPartition) {
    // - 2 for the array's brackets
    for (const chunk of chunksBySize(parts, (p) => p.size, { maxBytes: maxBytes - 2 })) {
      records.push({
        partition,
        key: chunk[0]!.key,
        value: `[${chunk.map((p) => p.part).join(',')}]`,
        headers: { [PACKED_HEADER]: '1' },
        bytes: chunk.reduce((sum, p) => sum + p.size, 2),
      });
    }
  }
  return records;
}

/** The messages of a packed record; throws with a reason when the value is not a packed array. */
export function unpackRecord(raw: string): Array<{ key: string; value: unknown }> {
  const parsed: unknown = JSON.parse(raw);
  if (!Array.isArray(parsed)) throw new Error('packed record is not a JSON array');
  // An empty pack would leave its offset with nothing to commit it (the consumer commits after a record's last
  // message), so it is refused and dead-lettered like any other unreadable record.
  if (parsed.length === 0) throw new Error('packed record holds no messages');
  return parsed.map((item: unknown, i) => {
    const { key, value } = (typeof item === 'object' && item !== null ? item : {}) as { key?: unknown; value?: unknown };
    if (typeof key !== 'string' || value === undefined) throw new Error(`packed record item ${i} is not { key, value }`);
    return { key, value };
  });
}

/** True when a record's headers mark it as packed. */
export function isPacked(headers: Record<string, unknown> | undefined): boolean {
  const h = headers?.[PACKED_HEADER];
  if (h === undefined) return false;
  const text = Buffer.isBuffer(h) ? h.toString('utf8') : String(h);
  return text === '1';
}
