/**
 * Loads and validates `kundenradar.yaml` plus the environment. Secrets come only from the environment and are
 * never part of the config object that gets logged.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { Brand, SlaMinutes } from './model.ts';
import { checkBrandQuery } from '../classifiers/brand-query.ts';

/** Default SLAs in minutes, by source or channel (issue: X/Twitter 1 h, Facebook page 4 h, blog/review 24 h). */
export const DEFAULT_SLA_MINUTES: Record<string, number> = {
  twitter: 60,
  facebook: 240,
  page_comment: 240,
  rss: 1440,
  blog_comment: 1440,
  review: 1440,
  default: 240,
};

/** A source entry: `type` picks the ingestor, which validates its own options (see ingestors/registry.ts). */
export const SourceConfig = z
  .object({
    type: z.string().min(1),
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a lower-case name such as "bahn-blog"'),
    enabled: z.boolean().default(true),
  })
  .passthrough();
export type SourceConfig = z.infer<typeof SourceConfig>;

/** An alert route: the notify stage validates the target-specific fields (see src/alerts/). */
export const AlertRouteConfig = z
  .object({
    name: z.string().min(1).max(64),
    target: z.enum(['slack', 'teams', 'mattermost', 'discord', 'generic']),
    kinds: z.array(z.enum(['unanswered', 'shitstorm', 'complaint'])).optional(),
    brands: z.array(z.string()).optional(),
    minSeverity: z.enum(['info', 'watch', 'warning', 'critical']).default('watch'),
    language: z.enum(['de', 'en']).default('de'),
  })
  .passthrough();
export type AlertRouteConfig = z.infer<typeof AlertRouteConfig>;

export const AppConfig = z
  .object({
    server: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8080),
        /** Public base URL of the dashboard, used for links in alert messages. */
        publicUrl: z.string().url().optional(),
      })
      .strict()
      .prefault({}),
    store: z
      .object({
        /** Embedded store file; relative paths are relative to the config file. */
        path: z.string().default('.data/kundenradar.db'),
        /** Elasticsearch: index name prefix and days kept (time-based indices). */
        indexPrefix: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).default('kundenradar'),
        retentionDays: z.number().int().positive().default(365),
      })
      .strict()
      .prefault({}),
    bus: z
      .object({
        partitions: z.record(z.string(), z.number().int().min(1).max(256)).prefault({}),
        /** Most messages an embedded topic holds before publishers wait (backpressure). */
        memoryCapacity: z.number().int().min(10).default(10_000),
        clientId: z.string().default('kundenradar'),
        /** Prefix for Kafka topic and consumer group names: several deployments (or tests) share one cluster. */
        topicPrefix: z.string().regex(/^[a-zA-Z0-9._-]*$/).default('kundenradar.'),
        /**
         * Kafka: carry the messages of one publish that share a partition in one record (src/bus/kafka-packing.ts).
         * Several times cheaper per message; turn off when other systems read the topics one message per record.
         */
        packRecords: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    classifier: z
      .object({
        /** `learned` uses the shipped models (trained on non-commercial corpora); `cues` needs no such data. */
        model: z.enum(['learned', 'cues']).default('learned'),
        complaintThreshold: z.number().min(0).max(1).optional(),
      })
      .strict()
      .prefault({}),
    brands: z.array(Brand).default([]),
    sla: SlaMinutes.prefault({}),
    sources: z.array(SourceConfig).default([]),
    ingest: z
      .object({
        /**
         * Sources POST /api/ingest may write although an ingestor writes them too (twitter, facebook, rss, csv,
         * germeval, demo, the configured sources): a push under such a source replaces that ingestor's posts.
         */
        webhookSources: z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a lower-case source name such as "twitter"')).default([]),
      })
      .strict()
      .prefault({}),
    alerts: z
      .object({
        routes: z.array(AlertRouteConfig).default([]),
        /** Webhook targets on loopback/private addresses are refused unless allowed (tests, on-prem chat). */
        allowPrivateTargets: z.boolean().default(false),
        allowHttp: z.boolean().default(false),
        /** Give up delivering after this long and dead-letter the message. */
        deliveryDeadlineMinutes: z.number().positive().default(24 * 60),
        /**
         * Alert revisions older than this (their `updatedAt` against the wall clock) stay in the store and on the
         * dashboard but are not sent: a week of history replayed to learn a baseline, or a backlog after an outage,
         * does not flood the team chat with stale alerts. 0 sends everything (backtests that check the messages).
         */
        maxAgeMinutes: z.number().int().nonnegative().default(24 * 60),
      })
      .strict()
      .prefault({}),
    detect: z
      .object({
        /** Alert on every complaint as well (noisy: off by default). */
        complaintAlerts: z.boolean().default(false),
        /**
         * `wall`: detectors run on the wall clock (live). `event`: on the data's own timestamps, so a replay of
         * history behaves as it would have live (backtests, the bundled demo).
         */
        clock: z.enum(['wall', 'event']).default('wall'),
        /** How often the wall clock advances detectors when no posts arrive (SLA breaches need no new post). */
        tickSeconds: z.number().positive().default(15),
        /** The stream detectors that run (both by default); replay drops `shitstorm` for files without timestamps. */
        detectors: z.array(z.enum(['unanswered', 'shitstorm'])).min(1).default(['unanswered', 'shitstorm']),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type AppConfig = z.infer<typeof AppConfig>;

/** Values taken only from the environment: never written to config files or logs. */
export interface Secrets {
  apiToken?: string;
  twitterBearerToken?: string;
  facebookAccessToken?: string;
  facebookAppSecret?: string;
  facebookVerifyToken?: string;
  ingestToken?: string;
  webhookSigningSecret?: string;
  elasticsearchPassword?: string;
}

export interface Environment {
  kafkaBrokers?: string[];
  elasticsearchUrl?: string;
  elasticsearchUsername?: string;
  port?: number;
  host?: string;
  dataDir?: string;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`Invalid configuration in ${file}:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  file: string;
  /** Directory relative paths in the config are resolved against. */
  baseDir: string;
  config: AppConfig;
  env: Environment;
  secrets: Secrets;
}

function formatPath(p: ReadonlyArray<string | number>): string {
  return p.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '') || '(root)';
}

export function formatZodIssues(error: z.ZodError, prefix: ReadonlyArray<string | number> = []): string[] {
  return error.issues.map((issue) => {
    const where = formatPath([...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))]);
    if (issue.code === 'unrecognized_keys') return `${where}: unknown field(s) ${issue.keys.join(', ')}`;
    return `${where}: ${issue.message}`;
  });
}

/** Parses config text; `file` is used in error messages only. */
export function parseConfig(text: string, file: string): AppConfig {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(file, doc.errors.map((e) => `YAML syntax: ${e.message}`));
  }
  const parsed = AppConfig.safeParse(doc.toJS() ?? {});
  if (!parsed.success) throw new ConfigError(file, formatZodIssues(parsed.error));
  const ids = new Set<string>();
  for (const [i, brand] of parsed.data.brands.entries()) {
    if (ids.has(brand.id)) throw new ConfigError(file, [`brands[${i}].id: duplicate brand id "${brand.id}"`]);
    ids.add(brand.id);
    const queryError = checkBrandQuery(brand.query);
    if (queryError) throw new ConfigError(file, [`brands[${i}].query: ${queryError.reason} at position ${queryError.position + 1}`]);
  }
  const names = new Set<string>();
  for (const [i, source] of parsed.data.sources.entries()) {
    if (names.has(source.name)) throw new ConfigError(file, [`sources[${i}].name: duplicate source name "${source.name}"`]);
    names.add(source.name);
  }
  // A route for a brand no one tracks can never match: as much a mistake as a source naming an unknown brand.
  for (const [i, route] of parsed.data.alerts.routes.entries()) {
    const unknown = (route.brands ?? []).filter((b) => !ids.has(b));
    if (unknown.length > 0) {
      throw new ConfigError(file, [`alerts.routes[${i}].brands: unknown brand${unknown.length > 1 ? 's' : ''} ${unknown.map((b) => `"${b}"`).join(', ')} (brand ids: ${[...ids].join(', ') || 'none'})`]);
    }
  }
  return parsed.data;
}

const EnvSchema = z.object({
  KAFKA_BROKERS: z.string().optional(),
  ELASTICSEARCH_URL: z.string().url().optional(),
  ELASTICSEARCH_USERNAME: z.string().optional(),
  ELASTICSEARCH_PASSWORD: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().optional(),
  KUNDENRADAR_DATA_DIR: z.string().optional(),
  KUNDENRADAR_API_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  KUNDENRADAR_INGEST_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  KUNDENRADAR_WEBHOOK_SECRET: z.string().optional(),
  TWITTER_BEARER_TOKEN: z.string().optional(),
  FACEBOOK_ACCESS_TOKEN: z.string().optional(),
  FACEBOOK_APP_SECRET: z.string().optional(),
  FACEBOOK_VERIFY_TOKEN: z.string().optional(),
});

export function readEnvironment(source: NodeJS.ProcessEnv = process.env): { env: Environment; secrets: Secrets } {
  // An empty variable (`KAFKA_BROKERS=`) means unset, as shells and compose files write it.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError('environment', formatZodIssues(parsed.error));
  const e = parsed.data;
  const brokers = e.KAFKA_BROKERS?.split(',').map((b) => b.trim()).filter(Boolean);
  return {
    env: {
      kafkaBrokers: brokers && brokers.length > 0 ? brokers : undefined,
      elasticsearchUrl: e.ELASTICSEARCH_URL,
      elasticsearchUsername: e.ELASTICSEARCH_USERNAME,
      port: e.PORT,
      host: e.HOST,
      dataDir: e.KUNDENRADAR_DATA_DIR,
    },
    secrets: {
      apiToken: e.KUNDENRADAR_API_TOKEN,
      ingestToken: e.KUNDENRADAR_INGEST_TOKEN,
      webhookSigningSecret: e.KUNDENRADAR_WEBHOOK_SECRET,
      twitterBearerToken: e.TWITTER_BEARER_TOKEN,
      facebookAccessToken: e.FACEBOOK_ACCESS_TOKEN,
      facebookAppSecret: e.FACEBOOK_APP_SECRET,
      facebookVerifyToken: e.FACEBOOK_VERIFY_TOKEN,
      elasticsearchPassword: e.ELASTICSEARCH_PASSWORD,
    },
  };
}

/** Loads a config file (default: ./kundenradar.yaml, else the bundled demo config). */
export function loadConfig(file?: string, environment: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const resolved = path.resolve(file ?? (existsSync('kundenradar.yaml') ? 'kundenradar.yaml' : defaultConfigPath()));
  let text: string;
  try {
    text = readFileSync(resolved, 'utf8');
  } catch (err) {
    throw new ConfigError(resolved, [`cannot read the file: ${(err as Error).message}`]);
  }
  const config = parseConfig(text, resolved);
  const { env, secrets } = readEnvironment(environment);
  if (env.port !== undefined) config.server.port = env.port;
  if (env.host !== undefined) config.server.host = env.host;
  return { file: resolved, baseDir: path.dirname(resolved), config, env, secrets };
}

/** The bundled config that `npm start` uses on a fresh clone: demo brands and the demo replay. */
export function defaultConfigPath(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'demo', 'kundenradar.yaml');
}

/** SLA in minutes for a mention's source/channel under a brand's overrides. */
export function slaMinutesFor(config: AppConfig, brand: Brand | undefined, source: string, channel: string): number {
  const layers = [brand?.sla ?? {}, config.sla, DEFAULT_SLA_MINUTES];
  for (const layer of layers) {
    const v = layer[source] ?? layer[channel];
    if (v !== undefined) return v;
  }
  return config.sla.default ?? DEFAULT_SLA_MINUTES.default ?? 240;
}
