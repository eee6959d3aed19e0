import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig, type LoadedConfig } from '../../../src/config.ts';
import { embeddedStorePath, openStore } from '../../../src/store/index.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function loaded(yaml: string, env: LoadedConfig['env'] = {}, secrets: LoadedConfig['secrets'] = {}): Promise<LoadedConfig> {
  const baseDir = await mkdtemp(path.join(tmpdir(), 'kundenradar-open-store-'));
  dirs.push(baseDir);
  const file = path.join(baseDir, 'kundenradar.yaml');
  return { file, baseDir, config: parseConfig(yaml, file), env, secrets };
}

describe('openStore', () => {
  it('opens the embedded store at store.path relative to the config file, creating its directory', async () => {
    const cfg = await loaded('store:\n  path: data/nested/radar.db\n');
    expect(embeddedStorePath(cfg)).toBe(path.join(cfg.baseDir, 'data/nested/radar.db'));
    const store = await openStore(cfg);
    try {
      expect(store.kind).toBe('sqlite');
      expect(existsSync(path.join(cfg.baseDir, 'data/nested/radar.db'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('puts the file under KUNDENRADAR_DATA_DIR when set, keeping its name', async () => {
    const cfg = await loaded('{}\n');
    const dataDir = path.join(cfg.baseDir, 'volume');
    const withDataDir = { ...cfg, env: { dataDir } };
    expect(embeddedStorePath(withDataDir)).toBe(path.join(dataDir, 'kundenradar.db'));
    const store = await openStore(withDataDir);
    try {
      expect(existsSync(path.join(dataDir, 'kundenradar.db'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('chooses Elasticsearch when ELASTICSEARCH_URL is set, and says which node it could not reach', async () => {
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
    const cfg = await loaded('store:\n  indexPrefix: radar\n', { elasticsearchUrl: 'http://127.0.0.1:9' }, { elasticsearchPassword: 'not-logged' });
    const error = await openStore(cfg).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('cannot use Elasticsearch at http://127.0.0.1:9 (index prefix "radar")');
    expect((error as Error).message).not.toContain('not-logged');
  });
});
