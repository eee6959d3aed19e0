/** The Store contract on the embedded SQLite adapter, plus what only a file-backed store can show: restarts. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { SchemaVersionError } from '../../src/store/sqlite-schema.ts';
import { storeContract } from './store.contract.ts';
import { alert, ids, SAMPLE } from './store.fixtures.ts';

async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kundenradar-store-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

storeContract('sqlite', async () => {
  const { dir, remove } = await tempDir();
  const store = await openSqliteStore(path.join(dir, 'store.db'));
  return {
    store,
    async cleanup() {
      await store.close();
      await remove();
    },
  };
});

describe('sqlite store: restart', () => {
  const dirs: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((remove) => remove()));
  });

  it('keeps mentions, alerts and state across close and reopen, still searchable, no duplicates on replay', async () => {
    const { dir, remove } = await tempDir();
    dirs.push(remove);
    const file = path.join(dir, 'nested', 'kundenradar.db');
    const first = await openSqliteStore(file);
    await first.upsertMentions([...SAMPLE]);
    await first.upsertAlert(alert({ id: 'a1' }));
    await first.putState('detector.unanswered', 'bahn', { open: ['twitter:de-verspaetung'] });
    await first.close();

    const second = await openSqliteStore(file);
    try {
      expect(ids((await second.search({ text: 'verspaetungen' })).hits)).toEqual(['twitter:de-verspaetung']);
      expect(ids((await second.search({ text: 'delays' })).hits)).toEqual(['twitter:en-delayed']);
      await second.upsertMentions([...SAMPLE]);
      expect((await second.search({})).total).toBe(SAMPLE.length);
      expect((await second.getAlert('a1'))?.id).toBe('a1');
      expect(await second.getState('detector.unanswered', 'bahn')).toEqual({ open: ['twitter:de-verspaetung'] });
    } finally {
      await second.close();
    }
  });

  it('a closed store can be closed again', async () => {
    const { dir, remove } = await tempDir();
    dirs.push(remove);
    const store = await openSqliteStore(path.join(dir, 'store.db'));
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('refuses a file written by a newer schema instead of corrupting it', async () => {
    const { dir, remove } = await tempDir();
    dirs.push(remove);
    const file = path.join(dir, 'future.db');
    const db = new BetterSqlite3(file);
    db.pragma('user_version = 99');
    db.close();
    await expect(openSqliteStore(file)).rejects.toBeInstanceOf(SchemaVersionError);
  });
});
