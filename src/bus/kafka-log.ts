/**
 * kafkajs' log lines bridged into pino, at the level an operator should read them at.
 *
 * kafkajs logs every failed attempt of a transient broker state at ERROR: a refused connection, a group coordinator
 * or partition leader that is not there yet (every clean start), a metadata answer during a leader election. Its
 * retries and our withRetry (src/retry.ts) ride those out, so they are warnings here, and one line per distinct
 * message per window (with how often it came since that line) rather than 20–60 per worker per outage (QA operations
 * finding 5). An ERROR line is then something that did not heal by itself.
 */
import { createRequire } from 'node:module';
import { logLevel, type LogEntry } from 'kafkajs';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import { secondsText } from '../retry.ts';

/**
 * Outcomes kafkajs calls errors or warnings that are expected here, at debug:
 * - a CreateTopics answer naming a topic another worker created first;
 * - the heartbeat answer announcing a rebalance (the member rejoins by itself);
 * - "Limiting retries for the idempotent producer may invalidate EoS guarantees", on every start: the producer's
 *   retries are bounded on purpose, so a send fails back to withRetry (which gives up after publishRetryMs and lets
 *   a stage stop) instead of blocking forever inside kafkajs. We use idempotence only to drop kafkajs' own
 *   resends, never transactions (no EoS to invalidate); a chunk withRetry sends again may be written twice, and
 *   every write downstream is keyed by id (kafka.ts publish).
 */
const EXPECTED = new Set([
  'Topic creation errors',
  'The group is rebalancing, so a rejoin is needed',
  'Limiting retries for the idempotent producer may invalidate EoS guarantees',
]);

/** Kafka's own list of protocol errors that go away by retrying (coordinator or leader not available, …). */
const RETRIABLE_PROTOCOL_ERRORS: ReadonlySet<string> = (() => {
  // Not part of kafkajs' typed API, hence read through zod: a changed shape fails at start, not silently.
  const table = z
    .object({ errorCodes: z.array(z.object({ message: z.string(), retriable: z.boolean() })) })
    .parse(createRequire(import.meta.url)('kafkajs/src/protocol/error.js'));
  return new Set(table.errorCodes.filter((e) => e.retriable).map((e) => e.message));
})();

/** Lost or refused connections, as kafkajs words them (connection.js, brokerPool.js, a consumer crash caused by one). */
const CONNECTION_TROUBLE = /Connection error|Connection timeout|Failed to connect to (seed )?broker|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN/;

export function isTransientBrokerLine(message: string, error: unknown): boolean {
  if (typeof error === 'string' && RETRIABLE_PROTOCOL_ERRORS.has(error)) return true;
  return CONNECTION_TROUBLE.test(message) || (typeof error === 'string' && CONNECTION_TROUBLE.test(error));
}

/** One line per distinct transient message per window: long enough to quiet an outage, short enough to see it last. */
export const TRANSIENT_WINDOW_MS = 30_000;
/** Distinct messages remembered at most (each names a broker; a handful in practice). */
const MAX_REMEMBERED = 1_000;

export interface KafkajsLog {
  (entry: LogEntry): void;
  /**
   * Told that the broker answered (a consumer's heartbeat went through). After transient broker lines it logs one
   * info line with how long the trouble lasted: consumers ride an outage out inside kafkajs, and the log's last word
   * on it was a warning (QA operations finding 5: "no line says the service has recovered").
   */
  healthy(): void;
}

/** A kafkajs logCreator's log function writing to `log`; `now` is injectable for tests. */
export function createKafkajsLog(log: Logger, options: { windowMs?: number; now?: () => number } = {}): KafkajsLog {
  const windowMs = options.windowMs ?? TRANSIENT_WINDOW_MS;
  const now = options.now ?? Date.now;
  const seen = new Map<string, { loggedAt: number; suppressed: number }>();
  let troubleSince: number | undefined;
  let troubleLines = 0;

  const healthy = (): void => {
    if (troubleSince === undefined) return;
    const afterMs = now() - troubleSince;
    log.info({ afterMs, transientLines: troubleLines }, `Kafka reachable again after ${secondsText(afterMs)}`);
    troubleSince = undefined;
    troubleLines = 0;
  };

  const write = ({ level, log: entry }: LogEntry) => {
    const { message, ...fields } = entry;
    const line = { kafkajs: fields };
    if (EXPECTED.has(message) || (typeof fields.error === 'string' && EXPECTED.has(fields.error))) return log.debug(line, message);
    if (level === logLevel.ERROR || level === logLevel.WARN) {
      if (!isTransientBrokerLine(message, fields.error)) return level === logLevel.ERROR ? log.error(line, message) : log.warn(line, message);
      const key = `${message}\u0000${typeof fields.error === 'string' ? fields.error : ''}`;
      const at = now();
      troubleSince ??= at;
      troubleLines += 1;
      const last = seen.get(key);
      if (last && at - last.loggedAt < windowMs) {
        last.suppressed += 1;
        return;
      }
      if (!last && seen.size >= MAX_REMEMBERED) seen.delete(seen.keys().next().value!);
      seen.set(key, { loggedAt: at, suppressed: 0 });
      // `repeated`: how many more times this came since its last line (the window before).
      return log.warn({ ...line, transient: true, ...(last && last.suppressed > 0 ? { repeated: last.suppressed } : {}) }, message);
    }
    if (level === logLevel.INFO) log.info(line, message);
    else log.debug(line, message);
  };
  return Object.assign(write, { healthy });
}
