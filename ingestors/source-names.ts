/**
 * Mention sources the ingestors write, so the push webhook can keep off them. Ids are `<source>:<native id>` and the
 * store keeps one post per id: a pushed item naming another ingestor's source would replace that ingestor's post
 * (QA: a push with `source: "demo"` rewrote demo:1, one with `twitter` an X post).
 */
import type { AppConfig } from '../src/config.ts';
import { X_SOURCE } from './tweet-ids.ts';

/**
 * What the built-in ingestors and replay formats put in `source`: X (live and twcs/tweet replays), Facebook (live and
 * Graph-comment replays), RSS, CSV, JSON-record and GermEval replays, and the bundled demo's jsonl (`demo:1`, …).
 */
export const INGESTOR_SOURCES: readonly string[] = [X_SOURCE, 'facebook', 'rss', 'csv', 'json', 'germeval', 'demo'];

/**
 * Sources the webhook refuses: the built-in ones and the configured sources' names and types, except those listed
 * in `ingest.webhookSources` (a deployment that pushes X posts itself and runs no X source).
 */
export function sourcesRefusedByWebhook(config: Pick<AppConfig, 'sources' | 'ingest'>): Set<string> {
  const refused = new Set([...INGESTOR_SOURCES, ...config.sources.flatMap((s) => [s.type, s.name])]);
  for (const allowed of config.ingest.webhookSources) refused.delete(allowed);
  return refused;
}

/**
 * Adds to `refused` every source the ingestors of this process write as they write it: a replayed jsonl of mentions
 * keeps each line's own `source` ("replayqa:1"), which no configuration names, and a push could overwrite those posts
 * (QA round 6). Sources listed in `ingest.webhookSources` stay open to pushes.
 */
export function refuseWrittenSources(refused: Set<string>, config: Pick<AppConfig, 'ingest'>): (mentions: readonly { source: string }[]) => void {
  const open = new Set(config.ingest.webhookSources);
  return (mentions) => {
    for (const m of mentions) if (!open.has(m.source)) refused.add(m.source);
  };
}
