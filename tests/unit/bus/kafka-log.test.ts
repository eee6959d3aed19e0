/** kafkajs' log lines bridged into pino: expected outcomes it calls errors become debug lines, real errors stay errors. */
import { Writable } from 'node:stream';
import { logLevel } from 'kafkajs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { kafkajsLog } from '../../../src/bus/kafka-support.ts';

function capture() {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l) as { level: number; msg: string });
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink), lines };
}

const entry = (level: logLevel, message: string, error?: string) => ({
  namespace: 'Connection',
  level,
  label: 'ERROR',
  log: { timestamp: '2026-11-30T00:00:00.000Z', logger: 'kafkajs', message, ...(error ? { error } : {}) },
});

describe('kafkajs log bridge', () => {
  it('logs a topic another worker created first, and a rebalance notice, at debug', async () => {
    const { log, lines } = capture();
    kafkajsLog(log, entry(logLevel.ERROR, 'Response CreateTopics(key: 19, version: 3)', 'Topic creation errors'));
    kafkajsLog(log, entry(logLevel.ERROR, 'Response Heartbeat(key: 12, version: 3)', 'The group is rebalancing, so a rejoin is needed'));
    kafkajsLog(log, entry(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092', 'connect ECONNREFUSED'));
    kafkajsLog(log, entry(logLevel.WARN, 'retrying'));
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.level)).toEqual([20, 20, 50, 40]);
  });
});
