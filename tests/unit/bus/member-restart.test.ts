/**
 * The Kafka bus replaces a consumer-group member that crashed for good (kafkajs gives up on a group coordinator
 * that a restarted broker has not loaded yet). This is the restart loop alone, with members that are plain
 * functions; tests/contract/bus.kafka.test.ts stops and starts a real broker under a running consumer.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { keepMemberRunning } from '../../../src/bus/kafka-consumer.ts';

function capture() {
  const lines: Array<{ msg: string; attempt?: number; delayMs?: number }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l) as (typeof lines)[number]);
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink), lines };
}

const backoff = { minDelayMs: 2, maxDelayMs: 40, factor: 2 };
const coordinatorGone = () => Object.assign(new Error('Failed to find group coordinator'), { name: 'KafkaJSNonRetriableError' });

describe('keepMemberRunning', () => {
  it('starts a new member after each crash, until one runs to the end', async () => {
    const { log, lines } = capture();
    let started = 0;
    await keepMemberRunning(
      async () => {
        started += 1;
        if (started < 4) throw coordinatorGone();
      },
      { signal: new AbortController().signal, log, backoff },
    );
    expect(started).toBe(4);
    const crashes = lines.filter((l) => l.msg.includes('crashed'));
    expect(crashes.map((l) => l.attempt)).toEqual([1, 2, 3]);
    // Backoff grows while members crash before joining: [1, 2], [2, 4], [4, 8] ms.
    crashes.forEach((l, i) => expect(l.delayMs).toBeGreaterThanOrEqual(2 ** i));
  });

  it('waits the shortest backoff again once a member had joined its group', async () => {
    const { log, lines } = capture();
    let started = 0;
    await keepMemberRunning(
      async (joined) => {
        started += 1;
        if (started === 3) joined();
        if (started < 5) throw coordinatorGone();
      },
      { signal: new AbortController().signal, log, backoff },
    );
    expect(lines.filter((l) => l.msg.includes('crashed')).map((l) => l.attempt)).toEqual([1, 2, 1, 2]);
  });

  it('stops waiting and starts no new member when aborted during the backoff', async () => {
    const { log } = capture();
    const controller = new AbortController();
    let started = 0;
    const running = keepMemberRunning(
      async () => {
        started += 1;
        throw coordinatorGone();
      },
      { signal: controller.signal, log, backoff: { minDelayMs: 60_000, maxDelayMs: 60_000, factor: 1 } },
    );
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(running).resolves.toBeUndefined();
    expect(started).toBe(1);
  });
});
