/**
 * Picks the Store adapter for a loaded configuration: Elasticsearch when ELASTICSEARCH_URL is set, else the
 * embedded SQLite file (config `store.path`, relative to the config file, or under KUNDENRADAR_DATA_DIR).
 */
import path from 'node:path';
import type { LoadedConfig } from '../config.ts';
import { childLogger } from '../log.ts';
import { openElasticsearchStore } from './elasticsearch.ts';
import type { Store } from './port.ts';
import { openSqliteStore } from './sqlite.ts';

const log = childLogger('store');

/** Where the embedded store lives: KUNDENRADAR_DATA_DIR wins (containers mount a volume there), keeping the file name. */
export function embeddedStorePath(loaded: LoadedConfig): string {
  const configured = loaded.config.store.path;
  if (loaded.env.dataDir !== undefined) return path.resolve(loaded.env.dataDir, path.basename(configured));
  return path.resolve(loaded.baseDir, configured);
}

export async function openStore(loaded: LoadedConfig): Promise<Store> {
  const { env, secrets, config } = loaded;
  if (env.elasticsearchUrl !== undefined) {
    log.info({ url: env.elasticsearchUrl, indexPrefix: config.store.indexPrefix }, 'opening the Elasticsearch store');
    return openElasticsearchStore({
      url: env.elasticsearchUrl,
      username: env.elasticsearchUsername,
      password: secrets.elasticsearchPassword,
      indexPrefix: config.store.indexPrefix,
      retentionDays: config.store.retentionDays,
    });
  }
  const file = embeddedStorePath(loaded);
  log.info({ file }, 'opening the embedded store');
  // openSqliteStore creates the directory.
  return openSqliteStore(file);
}

export type { Store } from './port.ts';
