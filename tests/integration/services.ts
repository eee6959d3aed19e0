/**
 * Where the real services are, for suites that claim to test Kafka or Elasticsearch.
 *
 * Locally a suite without its service is skipped, and the skip names the missing variable and the command that
 * provides it. In CI (`CI` set) a missing service is an error: CI always runs the real engines
 * (.ci/run starts them), so a skip there would hide that they never ran.
 */
import { describe } from 'vitest';

interface Service {
  variable: 'KAFKA_BROKERS' | 'ELASTICSEARCH_URL';
  start: string;
  example: string;
}

const KAFKA: Service = { variable: 'KAFKA_BROKERS', start: 'scripts/services/kafka start', example: '127.0.0.1:9092' };
const ELASTICSEARCH: Service = {
  variable: 'ELASTICSEARCH_URL',
  start: 'scripts/services/elasticsearch start',
  example: 'http://127.0.0.1:9200',
};

export class MissingServiceError extends Error {
  constructor(readonly missing: string[]) {
    super(`${missing.join(' and ')} not set, but CI must run the real services (.ci/run starts them)`);
    this.name = 'MissingServiceError';
  }
}

function value(service: Service, env: NodeJS.ProcessEnv): string | undefined {
  const v = env[service.variable]?.trim();
  return v ? v : undefined;
}

function howTo(service: Service): string {
  return `${service.variable} is not set; run \`${service.start}\` and export ${service.variable}=${service.example}`;
}

/** Brokers from KAFKA_BROKERS ("host:port,host:port"); throws with instructions when unset. */
export function kafkaBrokers(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = value(KAFKA, env);
  if (!raw) throw new Error(howTo(KAFKA));
  return raw
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** ELASTICSEARCH_URL; throws with instructions when unset. */
export function elasticsearchUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = value(ELASTICSEARCH, env);
  if (!url) throw new Error(howTo(ELASTICSEARCH));
  return url;
}

/**
 * Decides what a suite needing `services` does: run, skip with a reason, or (in CI) fail.
 * Exported for its unit test; suites use the describeWith* functions.
 */
export function serviceGate(
  services: Service[],
  env: NodeJS.ProcessEnv = process.env,
): { run: true } | { run: false; reason: string } {
  const missing = services.filter((s) => !value(s, env));
  if (missing.length === 0) return { run: true };
  if (env.CI) throw new MissingServiceError(missing.map((s) => s.variable));
  return { run: false, reason: missing.map(howTo).join('; ') };
}

function describeWith(services: Service[], name: string, fn: () => void): void {
  const gate = serviceGate(services);
  if (gate.run) describe(name, fn);
  else describe.skip(`${name} — skipped: ${gate.reason}`, fn);
}

export function describeWithKafka(name: string, fn: () => void): void {
  describeWith([KAFKA], name, fn);
}

export function describeWithElasticsearch(name: string, fn: () => void): void {
  describeWith([ELASTICSEARCH], name, fn);
}

export function describeWithKafkaAndElasticsearch(name: string, fn: () => void): void {
  describeWith([KAFKA, ELASTICSEARCH], name, fn);
}

export const SERVICES = { kafka: KAFKA, elasticsearch: ELASTICSEARCH } as const;
