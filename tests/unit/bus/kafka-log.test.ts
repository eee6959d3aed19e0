/**
 * kafkajs' log lines bridged into pino: expected outcomes it calls errors become debug lines, transient broker
 * states (a refused connection, a coordinator or leader not there yet) are warnings, one per message per window,
 * and what did not heal by itself stays an error.
 */
import { Writable } from 'node:stream';
import { logLevel } from 'kafkajs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createKafkajsLog, TRANSIENT_WINDOW_MS } from '../../../src/bus/kafka-log.ts';

type Line = { level: number; msg: string; repeated?: number; transient?: boolean };

function capture() {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Line);
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink), lines, flushed: () => new Promise((r) => setImmediate(r)) };
}

const entry = (level: logLevel, message: string, error?: string) => ({
  namespace: 'Connection',
  level,
  label: 'ERROR',
  log: { timestamp: '2026-11-30T00:00:00.000Z', logger: 'kafkajs', message, ...(error ? { error } : {}) },
});

const DEBUG = 20;
const WARN = 40;
const ERROR = 50;

describe('kafkajs log bridge', () => {
  /** The lines the bridge writes for these kafkajs entries: [level, transient]. */
  async function bridged(...entries: Array<ReturnType<typeof entry>>): Promise<Array<[number, boolean | undefined]>> {
    const { log, lines, flushed } = capture();
    const bridge = createKafkajsLog(log);
    for (const e of entries) bridge(e);
    await flushed();
    return lines.map((l) => [l.level, l.transient]);
  }

  it('logs a topic another worker created first, a rebalance notice and the bounded-retries notice of the idempotent producer at debug', async () => {
    expect(
      await bridged(
        entry(logLevel.ERROR, 'Response CreateTopics(key: 19, version: 3)', 'Topic creation errors'),
        entry(logLevel.ERROR, 'Response Heartbeat(key: 12, version: 3)', 'The group is rebalancing, so a rejoin is needed'),
        entry(logLevel.WARN, 'Limiting retries for the idempotent producer may invalidate EoS guarantees'),
      ),
    ).toEqual([[DEBUG, undefined], [DEBUG, undefined], [DEBUG, undefined]]);
  });

  it('logs transient broker states at warn: refused connections, and a coordinator or leader that is not there yet (every clean start)', async () => {
    expect(
      await bridged(
        entry(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092'),
        entry(logLevel.ERROR, 'Failed to connect to seed broker, trying another broker from the list: Connection error: connect ECONNREFUSED 127.0.0.1:9092'),
        entry(logLevel.ERROR, 'Response GroupCoordinator(key: 10, version: 2)', 'The group coordinator is not available'),
        entry(logLevel.ERROR, 'Response Metadata(key: 3, version: 6)', 'There is no leader for this topic-partition as we are in the middle of a leadership election'),
        entry(logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded: Connection error: connect ECONNREFUSED 127.0.0.1:9092'),
      ),
    ).toEqual(Array.from({ length: 5 }, () => [WARN, true]));
  });

  it('keeps errors that do not heal by waiting at error, and other warnings at warn', async () => {
    expect(
      await bridged(
        entry(logLevel.ERROR, 'Response Produce(key: 0, version: 7)', 'The request included a message larger than the max message size the server will accept'),
        entry(logLevel.ERROR, 'Response SaslAuthenticate(key: 36, version: 1)', 'Request is not valid given the current SASL state'),
        entry(logLevel.WARN, 'something else kafkajs warns about'),
      ),
    ).toEqual([[ERROR, undefined], [ERROR, undefined], [WARN, undefined]]);
  });

  it('writes one line per distinct transient message per 30 s, and the next one says how often it came meanwhile', async () => {
    const { log, lines, flushed } = capture();
    let now = 0;
    const bridge = createKafkajsLog(log, { now: () => now });
    const refused = entry(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092');
    const coordinator = entry(logLevel.ERROR, 'Response GroupCoordinator(key: 10, version: 2)', 'The group coordinator is not available');
    for (let i = 0; i < 10; i++, now += 2_000) bridge(refused); // 0 … 18 s
    bridge(coordinator); // another message has its own line
    now = TRANSIENT_WINDOW_MS - 1;
    bridge(refused); // still inside the first window
    now = TRANSIENT_WINDOW_MS;
    bridge(refused);
    await flushed();
    expect(lines.map((l) => [l.msg, l.repeated])).toEqual([
      ['Connection error: connect ECONNREFUSED 127.0.0.1:9092', undefined],
      ['Response GroupCoordinator(key: 10, version: 2)', undefined],
      ['Connection error: connect ECONNREFUSED 127.0.0.1:9092', 10],
    ]);
  });

  it('never rate-limits an error that is not transient', async () => {
    const { log, lines, flushed } = capture();
    const bridge = createKafkajsLog(log, { now: () => 0 });
    for (let i = 0; i < 3; i++) bridge(entry(logLevel.ERROR, 'Response Produce(key: 0, version: 7)', 'The request included a message larger than the max message size the server will accept'));
    await flushed();
    expect(lines).toHaveLength(3);
  });

  it('says once that Kafka is reachable again when a heartbeat goes through after transient lines, and only then', async () => {
    const { log, lines, flushed } = capture();
    let now = 0;
    const bridge = createKafkajsLog(log, { now: () => now });
    bridge.healthy(); // nothing was wrong: no line
    bridge(entry(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092'));
    now = 33_000;
    bridge(entry(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092'));
    now = 41_500;
    bridge.healthy();
    bridge.healthy();
    await flushed();
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [WARN, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092'],
      [WARN, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092'],
      [30, 'Kafka reachable again after 41.5 s'],
    ]);
  });
});
