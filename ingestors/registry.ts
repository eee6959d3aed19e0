/**
 * Ingestors registered by type name; `createIngestors` turns the config's `sources` into running ingestors,
 * each validating its own options with its own schema, errors naming `sources[i].field`.
 */
import type { Router } from 'express';
import { ConfigError, formatZodIssues, type SourceConfig } from '../src/config.ts';
import { facebookIngestorFactory } from './facebook.ts';
import { SourceOptionsError } from './options.ts';
import { replayIngestorFactory } from './replay.ts';
import { rssIngestorFactory } from './rss.ts';
import { twitterIngestorFactory } from './twitter.ts';
import type { Emit, Ingestor, IngestorContext, IngestorFactory } from './types.ts';

export const ingestorFactories: Record<string, IngestorFactory> = {
  [twitterIngestorFactory.type]: twitterIngestorFactory,
  [rssIngestorFactory.type]: rssIngestorFactory,
  [facebookIngestorFactory.type]: facebookIngestorFactory,
  [replayIngestorFactory.type]: replayIngestorFactory,
};

export function registerIngestorFactory(factory: IngestorFactory): void {
  ingestorFactories[factory.type] = factory;
}

/**
 * Builds one ingestor per source. All problems are collected and thrown together as one ConfigError, so a user
 * fixes a config in one round rather than one error at a time.
 */
export function createIngestors(sources: SourceConfig[], context: IngestorContext, file = 'configuration'): Ingestor[] {
  const ingestors: Ingestor[] = [];
  const issues: string[] = [];
  for (const [i, source] of sources.entries()) {
    if (source.enabled === false) continue;
    const factory = ingestorFactories[source.type];
    if (!factory) {
      issues.push(`sources[${i}].type: unknown source type "${source.type}" (known: ${Object.keys(ingestorFactories).sort().join(', ')})`);
      continue;
    }
    try {
      const ingestor = factory.create(source, context);
      // A board that can list sources before they report shows a silent source as such on /api/sources.
      (context.status as { register?: (name: string, type: string) => void }).register?.(ingestor.name, ingestor.type);
      ingestors.push(ingestor);
    } catch (err) {
      if (err instanceof SourceOptionsError) issues.push(...formatZodIssues(err.zodError, ['sources', i]));
      else issues.push(`sources[${i}]: ${(err as Error).message}`);
    }
  }
  if (issues.length > 0) throw new ConfigError(file, issues);
  return ingestors;
}

/** Ingestors that also receive pushes over HTTP (the Facebook page webhook) expose an Express router. */
interface WithWebhook {
  webhookRouter(emit: Emit): Router;
}

/** Routers to mount on the public server for the ingestors that take webhooks (e.g. /webhooks/facebook). */
export function ingestorWebhookRouters(ingestors: Ingestor[], emit: Emit): Router[] {
  return ingestors
    .filter((i): i is Ingestor & WithWebhook => typeof (i as Partial<WithWebhook>).webhookRouter === 'function')
    .map((i) => i.webhookRouter(emit));
}
