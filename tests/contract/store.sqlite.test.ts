/** The Store contract on the embedded SQLite adapter, plus what only a file-backed store can show: restarts. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { migrate, SCHEMA_VERSION, SchemaVersionError } from '../../src/store/sqlite-schema.ts';
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

  it('upgrades a version 1 file in place: its mentions stay readable and searchable', async () => {
    const { dir, remove } = await tempDir();
    dirs.push(remove);
    const file = path.join(dir, 'v1.db');
    const first = await openSqliteStore(file);
    await first.upsertMentions([...SAMPLE]);
    await first.close();
    // Rebuild the same rows as version 1 stored them (document inline in the mentions table). The contentless
    // full-text rows cannot be copied, so text search is checked after the posts are written again.
    const v1 = path.join(dir, 'old.db');
    const db = new BetterSqlite3(v1);
    migrate(db, v1, 1);
    db.exec(`ATTACH DATABASE '${file}' AS cur`);
    db.exec(`INSERT INTO mentions SELECT m.rid, m.id, m.created_ms, m.source, m.lang, m.complaint, m.sentiment, m.by_brand, m.thread_root_id, d.doc
             FROM cur.mentions m JOIN cur.mention_docs d ON d.rid = m.rid`);
    db.exec('INSERT INTO mention_brands SELECT * FROM cur.mention_brands; INSERT INTO mention_intents SELECT * FROM cur.mention_intents');
    db.exec('DETACH DATABASE cur');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();

    const upgraded = await openSqliteStore(v1);
    try {
      expect(await upgraded.getMention('facebook:de-mahnung')).toEqual(SAMPLE[5]);
      expect((await upgraded.search({ brands: ['bahn'], facets: ['langs'] })).facets.langs).toEqual([{ value: 'de', count: 3 }]);
      await upgraded.upsertMentions([...SAMPLE]);
      expect(ids((await upgraded.search({ text: 'Verspätungen' })).hits)).toEqual(['twitter:de-verspaetung']);
    } finally {
      await upgraded.close();
    }
    const check = new BetterSqlite3(v1, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
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
