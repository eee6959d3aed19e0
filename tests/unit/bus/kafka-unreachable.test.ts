/**
 * Stopping while Kafka cannot be reached at all (a worker started before its broker, or pointed at the wrong one):
 * kafkajs retries connects for minutes, and a stage stopped by SIGTERM waited them out (QA scaled run: 111 s, and 187 s
 * in topic creation; compose's stop_grace_period of 30 s ends in SIGKILL). Nothing listens on 127.0.0.1:1.
 */
import { describe, expect, it } from 'vitest';
import { createKafkaBus } from '../../../src/bus/kafka.ts';

describe('Kafka bus with an unreachable broker', () => {
  it('a consumer stopped by its signal returns at once, and closing the bus takes seconds, not minutes', async () => {
    const bus = createKafkaBus({ brokers: ['127.0.0.1:1'], clientId: 'unreachable-test', topicPrefix: 'unreachable.', partitions: {} });
    const controller = new AbortController();
    const consuming = bus.consume('mentions', 'classify', async () => undefined, controller.signal);
    await new Promise((r) => setTimeout(r, 500));
    const started = Date.now();
    controller.abort();
    await consuming;
    expect(Date.now() - started).toBeLessThan(2_000);
    await bus.close();
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 20_000);
});
