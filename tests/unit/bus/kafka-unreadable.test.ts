/**
 * Records a handler can never read, as the Kafka consumer reports them (the pure part: no broker needed). The
 * reason is what /api/quarantine shows, so it must say what the record was.
 */
import { describe, expect, it } from 'vitest';
import { decode, unreadableRecordMessage } from '../../../src/bus/kafka-consumer.ts';

const record = (value: string | null, key = 'funkwelle') => ({ key: Buffer.from(key), value: value === null ? null : Buffer.from(value), headers: {}, offset: '7' });

describe('reading a Kafka record', () => {
  it('hands a JSON value on as one message', () => {
    expect(decode('mentions', 2, record('{"id":"x:1"}'))).toEqual({ messages: [{ topic: 'mentions', key: 'funkwelle', value: { id: 'x:1' }, partition: 2, offset: 7 }] });
  });

  it('calls a null value (a tombstone) an empty value, not a JSON parse error', () => {
    expect(decode('mentions', 0, record(null))).toEqual({ key: 'funkwelle', raw: '', reason: 'empty value (tombstone)' });
  });

  it('names the JSON error for a value that is not JSON, an empty string included', () => {
    expect(decode('classified', 0, record('{"id": "x'))).toMatchObject({ raw: '{"id": "x', reason: expect.stringMatching(/^value is not JSON: /) });
    expect(decode('classified', 0, record(''))).toMatchObject({ raw: '', reason: expect.stringMatching(/^value is not JSON: /) });
  });
});

describe('the log line of an unreadable record', () => {
  it('says it was dead-lettered on a pipeline topic', () => {
    expect(unreadableRecordMessage('mentions')).toBe('unreadable message dead-lettered');
  });

  it('says that one on the dead-letter topic itself is only logged and will not show in /api/quarantine', () => {
    expect(unreadableRecordMessage('deadletter')).toBe('unreadable record on the dead-letter topic, logged only: not shown in /api/quarantine');
  });
});
