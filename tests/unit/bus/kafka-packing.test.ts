/** Packed Kafka records (src/bus/kafka-packing.ts): placement as kafkajs' own partitioner, order, size cap, reading back. */
import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { isPacked, packRecords, partitionerFor, PACKED_HEADER, unpackRecord } from '../../../src/bus/kafka-packing.ts';

describe('packed Kafka records', () => {
  it('places every key on the partition kafkajs (Java murmur2) would', () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: 6 }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0 }));
    const ours = partitionerFor(6);
    for (const key of ['funkwelle', 'x:123', 'rss:https://blog.example/p?id=1', 'Ümlaut', '~unbranded', '']) {
      expect(ours(key)).toBe(kafkajs({ topic: 't', partitionMetadata, message: { key, value: null } }));
    }
  });

  it('agrees with kafkajs on keys of every length, script and partition count', () => {
    const partitionMetadata = (n: number) => Array.from({ length: n }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0 }));
    const alphabet = ['a', 'Z', '9', ':', '/', 'ä', 'ß', '„', '😀', '\ud800', '\u0000', ' '];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    // Lengths around every remainder mod 4 and past the reused 1 KB key buffer.
    const keys = Array.from({ length: 400 }, (_, n) => Array.from({ length: n < 300 ? n % 23 : 330 + (n % 40) * 3 }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    for (const partitions of [1, 2, 3, 6, 7]) {
      const kafkajs = Partitioners.DefaultPartitioner();
      const ours = partitionerFor(partitions);
      const metadata = partitionMetadata(partitions);
      for (const key of keys) expect(ours(key), JSON.stringify(key)).toBe(kafkajs({ topic: 't', partitionMetadata: metadata, message: { key, value: null } }));
    }
  });

  it('keeps one partition per record and the publish order within it', () => {
    const partitionOf = partitionerFor(3);
    const messages = Array.from({ length: 40 }, (_, n) => ({ key: `k${n % 7}`, json: JSON.stringify({ n }) }));
    const records = packRecords(messages, partitionOf, 1 << 20);
    expect(records.length).toBeLessThanOrEqual(3);
    const back = records.flatMap((r) => unpackRecord(r.value).map((m) => ({ ...m, partition: r.partition })));
    expect(back).toHaveLength(40);
    for (const m of back) expect(m.partition).toBe(partitionOf(m.key));
    for (const r of records) {
      expect(r.headers[PACKED_HEADER]).toBe('1');
      const ns = unpackRecord(r.value).map((m) => (m.value as { n: number }).n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
  });

  it('splits records at the byte cap without reordering, and gives an oversized message a record of its own', () => {
    const big = 'x'.repeat(5000);
    const messages = [
      ...Array.from({ length: 10 }, (_, n) => ({ key: 'same', json: JSON.stringify({ n, pad: 'y'.repeat(300) }) })),
      { key: 'same', json: JSON.stringify({ n: 10, big }) },
    ];
    const records = packRecords(messages, () => 0, 1000);
    expect(records.length).toBeGreaterThan(3);
    for (const r of records.slice(0, -1)) expect(Buffer.byteLength(r.value)).toBeLessThanOrEqual(1000);
    // Counted per message with its separating comma, so a record's count may exceed its value by that one byte.
    for (const r of records) expect(r.bytes - Buffer.byteLength(r.value)).toBeOneOf([0, 1]);
    expect(records.flatMap((r) => unpackRecord(r.value).map((m) => (m.value as { n: number }).n))).toEqual(Array.from({ length: 11 }, (_, n) => n));
  });

  it('refuses values that are not a packed array, with the reason', () => {
    expect(() => unpackRecord('{"key":"a","value":1}')).toThrow(/not a JSON array/);
    expect(() => unpackRecord('[]')).toThrow(/holds no messages/);
    expect(() => unpackRecord('[{"value":1}]')).toThrow(/item 0 is not/);
    expect(() => unpackRecord('[{"key":"a"}]')).toThrow(/item 0 is not/);
    expect(() => unpackRecord('[{"key":"a","value":')).toThrow();
  });

  it('reads the header as kafkajs delivers it (Buffer) or as written (string)', () => {
    expect(isPacked({ [PACKED_HEADER]: Buffer.from('1') })).toBe(true);
    expect(isPacked({ [PACKED_HEADER]: '1' })).toBe(true);
    expect(isPacked({ other: '1' })).toBe(false);
    expect(isPacked(undefined)).toBe(false);
  });
});
