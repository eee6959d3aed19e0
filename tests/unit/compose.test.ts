/**
 * The production recipe (docker-compose.yml + Dockerfile) stays consistent with the code: every stage the CLI
 * knows runs as its own service, every service reaches Kafka and Elasticsearch by the names and ports those
 * services really listen on, nobody starts before the engines are healthy, and no secret is written into the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/pipeline.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const Healthcheck = z.object({ test: z.union([z.string(), z.array(z.string())]) }).passthrough();
const Service = z
  .object({
    image: z.string().optional(),
    build: z.union([z.string(), z.object({ context: z.string() }).passthrough()]).optional(),
    command: z.array(z.string()).optional(),
    environment: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    env_file: z.array(z.string()).optional(),
    depends_on: z.record(z.string(), z.object({ condition: z.string() })).default({}),
    healthcheck: Healthcheck.optional(),
    ports: z.array(z.string()).optional(),
    volumes: z.array(z.string()).optional(),
  })
  .passthrough();
type Service = z.infer<typeof Service>;
const Compose = z.object({ services: z.record(z.string(), Service), volumes: z.record(z.string(), z.unknown()).optional() }).passthrough();

// `merge: true` resolves the `<<: *kundenradar` keys the way docker compose does.
const compose = Compose.parse(parse(read('docker-compose.yml'), { merge: true }));
const services = compose.services;
const stageServices = Object.entries(services).filter(([, s]) => s.command?.[0] === 'worker');
const env = (s: Service, key: string) => (s.environment[key] === undefined ? undefined : String(s.environment[key]));

describe('docker-compose.yml', () => {
  it('runs every CLI stage as its own service, from the Kundenradar image', () => {
    const stagesRun = stageServices.map(([, s]) => s.command![1]);
    expect([...stagesRun].sort()).toEqual([...STAGES].sort());
    for (const [name, s] of stageServices) {
      expect(name, 'service is named after its stage').toBe(s.command![1]);
      expect(s.build, `${name} is built from the Dockerfile`).toBe('.');
      expect(s.command).toContain('--config');
    }
  });

  it('runs Kafka in KRaft mode, without ZooKeeper, advertising the address the stages use', () => {
    const kafka = services.kafka!;
    expect(kafka.image).toMatch(/^apache\/kafka:\d/);
    expect(env(kafka, 'KAFKA_PROCESS_ROLES')).toBe('broker,controller');
    expect(Object.keys(services).some((n) => /zookeeper/i.test(n))).toBe(false);
    // KRaft formats storage with a 22-character base64url cluster id; overridable from .env.
    expect(env(kafka, 'CLUSTER_ID')).toMatch(/^\$\{KAFKA_CLUSTER_ID:-[A-Za-z0-9_-]{22}\}$/);
    const advertised = env(kafka, 'KAFKA_ADVERTISED_LISTENERS')!.split(',').map((l) => l.replace(/^[A-Z_]+:\/\//, ''));
    for (const [name, s] of stageServices) {
      for (const broker of env(s, 'KAFKA_BROKERS')!.split(',')) expect(advertised, `${name} KAFKA_BROKERS`).toContain(broker);
    }
    expect(env(kafka, 'KAFKA_AUTO_CREATE_TOPICS_ENABLE')).toBe('false');
  });

  it('runs Elasticsearch 8 with security on and the password only from .env, the same one the stages use', () => {
    const es = services.elasticsearch!;
    expect(es.image).toMatch(/elasticsearch:8\.\d+\.\d+$/);
    expect(env(es, 'xpack.security.enabled')).toBe('true');
    expect(env(es, 'ELASTIC_PASSWORD')).toMatch(/^\$\{ELASTIC_PASSWORD(:\?[^}]*)?\}$/);
    expect(env(es, 'ES_JAVA_OPTS')).toMatch(/-Xmx\d+[mg]/);
    for (const [name, s] of stageServices) {
      const url = new URL(env(s, 'ELASTICSEARCH_URL')!);
      expect(url.hostname, `${name} ELASTICSEARCH_URL host`).toBe('elasticsearch');
      expect(url.port, `${name} ELASTICSEARCH_URL port`).toBe('9200');
      expect(env(s, 'ELASTICSEARCH_USERNAME')).toBe('elastic');
      expect(env(s, 'ELASTICSEARCH_PASSWORD')).toBe(env(es, 'ELASTIC_PASSWORD'));
    }
  });

  it('starts no stage before Kafka and Elasticsearch are healthy, and every dependency exists', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [dep, { condition }] of Object.entries(s.depends_on)) {
        expect(services[dep], `${name} depends on unknown service ${dep}`).toBeDefined();
        if (condition === 'service_healthy') expect(services[dep]!.healthcheck, `${dep} needs a healthcheck`).toBeDefined();
      }
    }
    for (const [name, s] of stageServices) {
      expect(s.depends_on.kafka?.condition, name).toBe('service_healthy');
      expect(s.depends_on.elasticsearch?.condition, name).toBe('service_healthy');
    }
  });

  it('publishes only the dashboard/API, listening on all interfaces inside its container', () => {
    const published = Object.entries(services).filter(([, s]) => (s.ports ?? []).length > 0).map(([n]) => n);
    expect(published).toEqual(['serve']);
    const serve = services.serve!;
    expect(env(serve, 'HOST')).toBe('0.0.0.0');
    expect(serve.ports![0]).toMatch(new RegExp(`:${env(serve, 'PORT')}$`));
    expect(JSON.stringify(serve.healthcheck!.test)).toContain(`:${env(serve, 'PORT')}/healthz`);
    // The serve stage keeps the shared settings it overrides nothing of but HOST/PORT.
    expect(env(serve, 'KAFKA_BROKERS')).toBe(env(services.classify!, 'KAFKA_BROKERS'));
  });

  it('writes no secret into the file: passwords, tokens and secrets are ${VARIABLES}', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [key, value] of Object.entries(s.environment)) {
        if (/PASSWORD|TOKEN|SECRET/i.test(key)) expect(String(value), `${name}.${key}`).toMatch(/^\$\{[A-Z_]+(:[?-][^}]*)?\}$/);
      }
    }
    // Required variables are documented in the header so an operator knows what .env must hold.
    const text = read('docker-compose.yml');
    const header = text.slice(0, text.indexOf('\nname:'));
    for (const [, variable] of text.matchAll(/\$\{([A-Z_]+):\?/g)) expect(header, `header documents ${variable}`).toContain(`${variable}=`);
  });

  it('declares the named volumes it mounts, so data survives a container re-creation', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, s] of Object.entries(services)) {
      for (const v of s.volumes ?? []) {
        const source = v.split(':')[0]!;
        if (!source.startsWith('.') && !source.startsWith('/') && !source.startsWith('$')) expect(declared, `${name} volume ${source}`).toContain(source);
      }
    }
    expect(declared).toEqual(expect.arrayContaining(['kafka-data', 'es-data']));
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds on node:20-slim with a clean, reproducible install and runs the CLI', () => {
    const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThan(0);
    for (const image of froms) expect(image).toBe('node:20-slim');
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "bin\/kundenradar\.js"\]/m);
    expect(existsSync(path.join(root, 'bin', 'kundenradar.js'))).toBe(true);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('keeps local state and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['node_modules', '.env', '.services', '.data', '.git']) expect(ignored).toContain(entry);
  });
});
