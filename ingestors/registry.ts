/**
 * Ingestors registered by type name; `createIngestors` turns the config's `sources` into running ingestors,
 * each validating its own options with its own schema, errors naming `sources[i].field`.
 */
import { ConfigError, formatZodIssues, type SourceConfig } from '../src/config.ts';
import { facebookIngestorFactory } from './facebook.ts';
import { SourceOptionsError } from './options.ts';
import { replayIngestorFactory } from './replay.ts';
import { rssIngestorFactory } from './rss.ts';
import { twitterIngestorFactory } from './twitter.ts';
import type { Ingestor, IngestorContext, IngestorFactory } from './types.ts';

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
      ingestors.push(factory.create(source, context));
    } catch (err) {
      if (err instanceof SourceOptionsError) issues.push(...formatZodIssues(err.zodError, ['sources', i]));
      else issues.push(`sources[${i}]: ${(err as Error).message}`);
    }
  }
  if (issues.length > 0) throw new ConfigError(file, issues);
  return ingestors;
}
