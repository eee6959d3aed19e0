/**
 * The production recipe (docker-compose.yml + Dockerfile) stays consistent with the code: every stage the CLI
 * knows runs as its own service, every service reaches Kafka and Elasticsearch by the names and ports those
 * services really listen on, nobody starts before the engines are healthy, and no secret is written into the file.
 *
 * The first suites read the file as YAML; the last ones run scripts/compose-check (Go): compose-go, the loader
 * `docker compose` itself uses, and BuildKit's Dockerfile parser. Without `go` on PATH those are skipped locally,
 * with the reason; in CI (`CI` set) a missing `go` is an error, as a missing Kafka or Elasticsearch is
 * (tests/integration/services.ts).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    pull_policy: z.string().optional(),
    logging: z.object({ driver: z.string(), options: z.record(z.string(), z.string()).default({}) }).optional(),
    ports: z.array(z.string()).optional(),
    volumes: z.array(z.union([z.string(), z.object({ type: z.string(), source: z.string(), target: z.string() }).passthrough()])).optional(),
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
  it('runs every CLI stage as its own service, from the one Kundenradar image that serve builds once', () => {
    const stagesRun = stageServices.map(([, s]) => s.command![1]);
    expect([...stagesRun].sort()).toEqual([...STAGES].sort());
    for (const [name, s] of stageServices) {
      expect(name, 'service is named after its stage').toBe(s.command![1]);
      expect(s.image, `${name} runs the Kundenradar image`).toBe('kundenradar:latest');
      expect(s.command).toContain('--config');
    }
    // `build:` on every stage built the same image six times on `docker compose build` (QA operations finding 3).
    expect(stageServices.filter(([, s]) => s.build !== undefined).map(([n]) => n)).toEqual(['serve']);
    expect(services.serve!.build).toBe('.');
    // The others never look for the image in a registry: it exists only as serve's build.
    for (const [name, s] of stageServices) if (name !== 'serve') expect(s.pull_policy, name).toBe('never');
  });

  it('gives every stage a healthcheck on /readyz of the port it serves its probes on, and workers a metrics port', () => {
    for (const [name, s] of stageServices) {
      const port = name === 'serve' ? env(s, 'PORT') : s.command![s.command!.indexOf('--metrics-port') + 1];
      if (name !== 'serve') expect(s.command, `${name} serves /healthz, /readyz and /metrics`).toContain('--metrics-port');
      expect(port, name).toMatch(/^\d+$/);
      // /healthz said "ok" through whole Kafka and Elasticsearch outages; /readyz asks both.
      expect(JSON.stringify(s.healthcheck?.test), name).toContain(`http://127.0.0.1:${port}/readyz`);
      expect(s.healthcheck, name).toMatchObject({ interval: expect.stringMatching(/^\d+s$/), timeout: expect.stringMatching(/^\d+s$/), retries: expect.any(Number) });
      // /readyz waits up to 3 s for each engine: a shorter timeout would fail a probe that is about to answer.
      expect(Number.parseInt(String(s.healthcheck!.timeout), 10), name).toBeGreaterThan(3);
    }
  });

  it('caps the log files of every stage (json-file rotation)', () => {
    for (const [name, s] of stageServices) {
      expect(s.logging?.driver, name).toBe('json-file');
      expect(s.logging?.options['max-size'], name).toMatch(/^\d+[km]$/);
      expect(s.logging?.options['max-file'], name).toMatch(/^\d+$/);
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
    expect(JSON.stringify(serve.healthcheck!.test)).toContain(`:${env(serve, 'PORT')}/readyz`);
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
        const source = typeof v === 'string' ? v.split(':')[0]! : v.source;
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
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "--no-regexp-tier-up", "bin\/kundenradar\.js"\]/m);
    expect(existsSync(path.join(root, 'bin', 'kundenradar.js'))).toBe(true);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('keeps local state, secrets, operator configs and development material out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['node_modules', '.env', '.services', '.data', '.git', '.cache', 'tests', 'bench', '**/*.yaml', '**/*.yml', '!demo/kundenradar.yaml']) {
      expect(ignored).toContain(entry);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The real loader and parser: scripts/compose-check.

const GO_MISSING =
  'go is not on PATH; install Go 1.26.8 or newer (https://go.dev/dl/) to check docker-compose.yml with compose-go and the Dockerfile with BuildKit (scripts/compose-check/run)';

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => {
    if (!dir) return false;
    const file = path.join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** Run, skip with a reason, or (in CI) fail: the same rule as serviceGate in tests/integration/services.ts. */
function goGate(env: NodeJS.ProcessEnv = process.env): { run: true } | { run: false; reason: string } {
  if (onPath('go', env)) return { run: true };
  if (env.CI) throw new Error(`${GO_MISSING}, but CI must run these checks (.ci/run builds the checker before the tests)`);
  return { run: false, reason: GO_MISSING };
}

function describeWithGo(name: string, fn: () => void): void {
  const gate = goGate();
  if (gate.run) describe(name, fn);
  else describe.skip(`${name} — skipped: ${gate.reason}`, fn);
}

describe('the go gate of the compose-check suites', () => {
  it('skips with the reason locally and fails in CI when go is missing', () => {
    expect(goGate({ PATH: '/nonexistent' })).toEqual({ run: false, reason: GO_MISSING });
    expect(() => goGate({ PATH: '/nonexistent', CI: 'true' })).toThrow(/go is not on PATH.*CI must run these checks/);
  });
});

const runScript = path.join(root, 'scripts', 'compose-check', 'run');
const checker = path.join(root, '.cache', 'compose-check', 'compose-check');
const sampleEnv = path.join(root, 'scripts', 'compose-check', 'sample.env');
const SAMPLE_PASSWORD = 'sample-elastic-password';
// .ci/run builds the checker before the tests; this is the fallback (cold: ~1.5 min on two busy cores).
const BUILD_TIMEOUT = 10 * 60_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the checker with nothing from this process's environment but PATH (it reads no variables of its own). */
function check(...args: string[]): Run {
  const r = spawnSync(checker, ['--no-os-env', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const Normalised = z.object({
  name: z.string(),
  services: z.record(
    z.string(),
    z
      .object({
        image: z.string().optional(),
        build: z.object({ context: z.string(), dockerfile: z.string() }).optional(),
        command: z.array(z.string()).nullable().optional(),
        environment: z.record(z.string(), z.string().nullable()).default({}),
        env_file: z.unknown().optional(),
        depends_on: z.record(z.string(), z.object({ condition: z.string(), required: z.boolean() })).default({}),
        healthcheck: z
          .object({ test: z.array(z.string()), interval: z.string(), timeout: z.string(), retries: z.number(), start_period: z.string() })
          .optional(),
        ports: z.array(z.object({ target: z.number(), published: z.string(), protocol: z.string(), mode: z.string() })).optional(),
        volumes: z
          .array(
            z.object({
              type: z.string(),
              source: z.string(),
              target: z.string(),
              read_only: z.boolean().optional(),
              bind: z.object({ create_host_path: z.boolean().optional() }).optional(),
            }),
          )
          .default([]),
      })
      .passthrough(),
  ),
  volumes: z.record(z.string(), z.unknown()).default({}),
});

describeWithGo('docker-compose.yml and Dockerfile, checked by compose-go and BuildKit (scripts/compose-check)', () => {
  let tmp: string;
  let sample: Run;
  let config: z.infer<typeof Normalised>;
  const envFile = (name: string, text: string) => {
    const file = path.join(tmp, name);
    writeFileSync(file, text);
    return file;
  };
  const sampleText = () => readFileSync(sampleEnv, 'utf8');

  beforeAll(() => {
    const build = spawnSync('bash', [runScript, '--build-only'], { cwd: root, encoding: 'utf8', timeout: BUILD_TIMEOUT - 30_000 });
    if (build.status !== 0) throw new Error(`scripts/compose-check/run --build-only failed (${build.status ?? build.signal}):\n${build.stderr}`);
    tmp = mkdtempSync(path.join(tmpdir(), 'compose-check-'));
    sample = check('--dotenv', sampleEnv, '--format', 'json');
    if (sample.status === 0) config = Normalised.parse(JSON.parse(sample.stdout));
  }, BUILD_TIMEOUT);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('loads with a sample .env, as `docker compose config` would, and every check passes', () => {
    expect(sample.stderr).toContain('compose-check: all checks passed');
    expect(sample.status, sample.stderr).toBe(0);
    expect(sample.stderr).not.toContain('FAIL:');
    expect(config.name).toBe('kundenradar');
  });

  it('has the stages, Kafka and Elasticsearch as services, the stages on the one image built from this Dockerfile, and the named volumes', () => {
    expect(Object.keys(config.services).sort()).toEqual([...STAGES, 'elasticsearch', 'kafka'].sort());
    for (const stage of STAGES) {
      const s = config.services[stage]!;
      expect(s.command?.slice(0, 2), stage).toEqual(['worker', stage]);
      expect(s.build, stage).toEqual(stage === 'serve' ? { context: root, dockerfile: 'Dockerfile' } : undefined);
      expect(s.image, stage).toBe('kundenradar:latest');
      expect(s.volumes, stage).toEqual([
        // create_host_path false: a missing config file fails the start instead of becoming an empty directory.
        { type: 'bind', source: path.join(root, 'scripts', 'compose', 'kundenradar.example.yaml'), target: '/etc/kundenradar/kundenradar.yaml', read_only: true, bind: { create_host_path: false } },
      ]);
    }
    expect(config.services.kafka!.volumes.map((v) => [v.type, v.source])).toEqual([['volume', 'kafka-data']]);
    expect(config.services.elasticsearch!.volumes.map((v) => [v.type, v.source])).toEqual([['volume', 'es-data']]);
    expect(Object.keys(config.volumes).sort()).toEqual(['es-data', 'kafka-data']);
  });

  it('publishes only the API port, 8080 by default and KUNDENRADAR_PORT when set', () => {
    const published = Object.entries(config.services).filter(([, s]) => (s.ports ?? []).length > 0);
    expect(published.map(([n]) => n)).toEqual(['serve']);
    expect(config.services.serve!.ports).toEqual([{ mode: 'ingress', target: 8080, published: '8080', protocol: 'tcp' }]);

    const other = check('--dotenv', envFile('port.env', `${sampleText()}KUNDENRADAR_PORT=18080\n`), '--format', 'json');
    expect(other.status, other.stderr).toBe(0);
    expect(Normalised.parse(JSON.parse(other.stdout)).services.serve!.ports).toEqual([
      { mode: 'ingress', target: 8080, published: '18080', protocol: 'tcp' },
    ]);
  });

  it('gives Kafka, Elasticsearch and the API healthchecks, and starts every stage only once both engines are healthy', () => {
    const { kafka, elasticsearch, serve } = config.services;
    expect(kafka!.healthcheck).toMatchObject({ test: ['CMD-SHELL', expect.stringContaining('kafka-broker-api-versions.sh --bootstrap-server localhost:9092')] });
    expect(elasticsearch!.healthcheck).toMatchObject({ test: ['CMD-SHELL', expect.stringContaining('_cluster/health?wait_for_status=yellow')] });
    expect(serve!.healthcheck).toMatchObject({ test: ['CMD', 'node', '-e', expect.stringContaining('http://127.0.0.1:8080/readyz')] });
    for (const stage of STAGES.filter((s) => s !== 'serve')) {
      const s = config.services[stage]!;
      expect(s.command?.slice(-2), stage).toEqual(['--metrics-port', '9464']);
      expect(s.healthcheck, stage).toMatchObject({ test: ['CMD', 'node', '-e', expect.stringContaining('http://127.0.0.1:9464/readyz')] });
      expect(s.logging, stage).toEqual({ driver: 'json-file', options: { 'max-size': '10m', 'max-file': '5' } });
    }
    for (const h of [kafka!.healthcheck!, elasticsearch!.healthcheck!, ...STAGES.map((s) => config.services[s]!.healthcheck!)]) {
      expect(h.retries).toBeGreaterThan(0);
      expect(h.start_period).toMatch(/^\d+s$/);
    }
    for (const stage of STAGES) {
      expect(config.services[stage]!.depends_on, stage).toEqual({
        kafka: { condition: 'service_healthy', required: true },
        elasticsearch: { condition: 'service_healthy', required: true },
      });
    }
    expect(kafka!.depends_on).toEqual({});
    expect(elasticsearch!.depends_on).toEqual({});
    expect(sample.stderr).toContain(`ok: ${STAGES.length * 2} depends_on service_healthy condition(s), each on a service with a healthcheck`);
  });

  it('hands the .env to every stage (env_file) and the one password to Elasticsearch and the stages', () => {
    const { elasticsearch } = config.services;
    expect(elasticsearch!.environment.ELASTIC_PASSWORD).toBe(SAMPLE_PASSWORD);
    for (const stage of STAGES) {
      const env = config.services[stage]!.environment;
      expect(env.ELASTICSEARCH_PASSWORD, stage).toBe(SAMPLE_PASSWORD);
      expect(env.KAFKA_BROKERS, stage).toBe('kafka:9092');
      expect(env.ELASTICSEARCH_URL, stage).toBe('http://elasticsearch:9200');
      // From env_file: .env, resolved into the environment and dropped, as `docker compose config` does.
      expect(env.KUNDENRADAR_API_TOKEN, stage).toBe('sample-api-token-0123456789abcdef');
      expect(config.services[stage]!.env_file, stage).toBeUndefined();
    }
    expect(config.services.serve!.environment).toMatchObject({ HOST: '0.0.0.0', PORT: '8080' });
    // The healthcheck's $${ELASTIC_PASSWORD} is left to the container's shell, not interpolated into the file
    // (the output writes a literal $ as $$, like `docker compose config`).
    expect(elasticsearch!.healthcheck!.test[1]).toContain('-u elastic:$${ELASTIC_PASSWORD}');
    expect(JSON.stringify(elasticsearch!.healthcheck)).not.toContain(SAMPLE_PASSWORD);
  });

  it('refuses to load without ELASTIC_PASSWORD, or with it empty, naming the variable and where to set it', () => {
    const message = 'required variable ELASTIC_PASSWORD is missing a value: set ELASTIC_PASSWORD in .env';
    const withoutPassword = sampleText().replace(/^ELASTIC_PASSWORD=.*\n/m, '');
    expect(withoutPassword).not.toContain('ELASTIC_PASSWORD=');
    for (const [name, text] of [
      ['missing.env', withoutPassword],
      ['empty.env', `${withoutPassword}ELASTIC_PASSWORD=\n`],
    ] as const) {
      const r = check('--dotenv', envFile(name, text), '--format', 'json');
      expect(r.status, name).toBe(1);
      expect(r.stdout, name).toBe('');
      expect(r.stderr, name).toContain(`FAIL: docker-compose.yml does not load as \`docker compose config\` would: error while interpolating`);
      expect(r.stderr, name).toContain(message);
    }
    // The checker also proves this itself for every ${VAR:?...} in the file.
    expect(sample.stderr).toMatch(/ok: without ELASTIC_PASSWORD the load fails \(\d+ place\(s\)\): error while interpolating .*required variable ELASTIC_PASSWORD is missing a value/);
  });

  it("parses the Dockerfile with BuildKit's parser; sources, stages, CMD/ENTRYPOINT and USER hold; compose builds from it", () => {
    const lines = sample.stderr.split('\n');
    expect(lines).toContain("ok: Dockerfile parses with BuildKit's parser without warnings: 2 stage(s)");
    expect(lines).toContain('ok: 3 COPY/ADD source(s) exist in the build context . (after .dockerignore), 1 --from reference(s) name earlier stages');
    expect(lines).toContain('ok: Dockerfile: stage 1 runs ENTRYPOINT [node --no-regexp-tier-up bin/kundenradar.js] CMD [start]');
    expect(lines).toContain('ok: Dockerfile: stage 1 runs as the non-root USER node');
    expect(lines).toContain(`ok: services serve build from Dockerfile with the context ${root}`);
  });

  it('.dockerignore keeps operator configs, local state and development material out of the image (as BuildKit matches it)', () => {
    // The repository's .dockerignore over a context that holds what an operator's checkout may hold: each COPY of an
    // excluded path must fail as "excluded", each COPY of what the image runs must pass.
    const dir = path.join(tmp, 'context');
    const excluded = [
      'kundenradar.yaml', // the operator's config: route `url:` values carry Slack and Discord tokens (QA operations finding 3)
      'kundenradar.prod.yml',
      'deploy/brands.yaml',
      '.cache/compose-check/compose-check',
      '.services/kafka/server.log',
      '.git/HEAD',
      '.env',
      '.data/kundenradar.db',
      'tests/unit/compose.test.ts',
      'bench/bus.ts',
      'scripts/services/kafka',
      'node_modules/zod/package.json',
    ];
    const kept = ['demo/kundenradar.yaml', 'bin/kundenradar.js', 'src/cli.ts', 'dashboards/app.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
    for (const file of [...excluded, ...kept]) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), 'x\n');
    }
    writeFileSync(path.join(dir, '.dockerignore'), read('.dockerignore'));
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      ['FROM node:20-slim', 'WORKDIR /app', ...[...excluded, ...kept].map((f) => `COPY ${f} ./`), 'USER node', 'CMD ["node"]', ''].join('\n'),
    );
    writeFileSync(path.join(dir, 'compose.yml'), 'services:\n  app:\n    build: .\n');
    const r = check('--file', path.join(dir, 'compose.yml'));
    const fails = r.stderr.split('\n').filter((l) => l.startsWith('FAIL: '));
    for (const file of excluded) expect(fails, file).toContainEqual(expect.stringContaining(`COPY ${file} exists but .dockerignore excludes it`));
    expect(fails, r.stderr).toHaveLength(excluded.length);
  });

  it('reports what would break a deployment or a build (fixture project)', () => {
    const dir = path.join(tmp, 'broken');
    mkdirSync(path.join(dir, 'other'), { recursive: true });
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      [
        'FROM node:20-slim as base',
        'WORKDIR /app',
        'COPY missing.txt ./',
        'COPY secret.env ./',
        'COPY --from=builder /out ./out',
        'FROM base',
        'USER root',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, '.dockerignore'), 'secret.env\n');
    writeFileSync(path.join(dir, 'secret.env'), 'TOKEN=x\n');
    writeFileSync(
      path.join(dir, 'compose.yml'),
      [
        'services:',
        '  app:',
        '    build: { context: ., args: { UNUSED: "1" } }',
        '    depends_on: { db: { condition: service_healthy } }',
        '  elsewhere:',
        '    build: ./other',
        '  db:',
        '    image: postgres:17',
        '    volumes: ["./missing-config.yml:/etc/db.yml:ro"]',
        '',
      ].join('\n'),
    );
    const r = check('--file', path.join(dir, 'compose.yml'));
    expect(r.status).toBe(1);
    const fails = r.stderr.split('\n').filter((l) => l.startsWith('FAIL: '));
    const expected = [
      /Dockerfile:1: FromAsCasing: /,
      /Dockerfile:3: COPY missing\.txt does not exist in the build context/,
      /Dockerfile:4: COPY secret\.env exists but \.dockerignore excludes it from the build context/,
      /Dockerfile:5: COPY --from=builder names no earlier stage/,
      /stage 1 \(what the build produces\) has neither CMD nor ENTRYPOINT/,
      /stage 1 runs as USER root/,
      /service app passes the build arg UNUSED, which Dockerfile does not declare/,
      /service elsewhere builds with the context .*other, not /,
      /service app waits for db to be healthy, but db has no healthcheck/,
      /service db mounts \/etc\/db\.yml from .*missing-config\.yml, which does not exist/,
    ];
    for (const pattern of expected) expect(fails.some((l) => pattern.test(l)), `${pattern}\n${r.stderr}`).toBe(true);
    expect(fails).toHaveLength(expected.length);
  });
});
