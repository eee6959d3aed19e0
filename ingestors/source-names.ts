/**
 * Mention sources the ingestors write, so the push webhook can keep off them. Ids are `<source>:<native id>` and the
 * store keeps one post per id: a pushed item naming another ingestor's source would replace that ingestor's post
 * (QA: a push with `source: "demo"` rewrote demo:1, one with `twitter` an X post).
 */
import type { AppConfig } from '../src/config.ts';
import { X_SOURCE } from './tweet-ids.ts';

/**
 * What the built-in ingestors and replay formats put in `source`: X (live and twcs/tweet replays), Facebook (live and
 * Graph-comment replays), RSS, CSV and GermEval replays, and the bundled demo's jsonl (`demo:1`, …).
 */
export const INGESTOR_SOURCES: readonly string[] = [X_SOURCE, 'facebook', 'rss', 'csv', 'germeval', 'demo'];

/**
 * Sources the webhook refuses: the built-in ones and the configured sources' names and types, except those listed
 * in `ingest.webhookSources` (a deployment that pushes X posts itself and runs no X source).
 */
export function sourcesRefusedByWebhook(config: Pick<AppConfig, 'sources' | 'ingest'>): Set<string> {
  const refused = new Set([...INGESTOR_SOURCES, ...config.sources.flatMap((s) => [s.type, s.name])]);
  for (const allowed of config.ingest.webhookSources) refused.delete(allowed);
  return refused;
}
