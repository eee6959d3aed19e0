/** The Store contract on the embedded SQLite adapter, plus what only a file-backed store can show: restarts. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { ftsColumns, migrate, SCHEMA_VERSION, SchemaVersionError } from '../../src/store/sqlite-schema.ts';
import { englishTerm } from '../../src/store/analysis.ts';
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

  /** Copies the mention rows of the current file into a version 2 to 4 file: the columns those versions had. */
  function copyRows(db: BetterSqlite3.Database): void {
    const v4Columns = 'rid, id, created_ms, source, lang, complaint, sentiment, by_brand, thread_root_id';
    db.exec(`INSERT INTO mentions (${v4Columns}) SELECT ${v4Columns} FROM cur.mentions`);
    for (const table of ['mention_docs', 'mention_brands', 'mention_intents']) db.exec(`INSERT INTO ${table} SELECT * FROM cur.${table}`);
  }

  /**
   * A file at an older schema version holding SAMPLE: written by the current store, then copied into a file
   * migrated only up to `version` by `copy` (which sees the current file attached as `cur`).
   */
  async function olderFile(version: number, copy: (db: BetterSqlite3.Database) => void): Promise<string> {
    const { dir, remove } = await tempDir();
    dirs.push(remove);
    const file = path.join(dir, 'current.db');
    const current = await openSqliteStore(file);
    await current.upsertMentions([...SAMPLE]);
    await current.close();
    const old = path.join(dir, `v${version}.db`);
    const db = new BetterSqlite3(old);
    migrate(db, old, version);
    db.exec(`ATTACH DATABASE '${file}' AS cur`);
    copy(db);
    db.exec('DETACH DATABASE cur');
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    db.close();
    return old;
  }

  it('upgrades a version 1 file in place: its mentions stay readable and searchable', async () => {
    // The same rows as version 1 stored them (document inline in the mentions table). The contentless full-text
    // rows cannot be copied, so text search is checked after the posts are written again.
    const v1 = await olderFile(1, (db) => {
      db.exec(`INSERT INTO mentions SELECT m.rid, m.id, m.created_ms, m.source, m.lang, m.complaint, m.sentiment, m.by_brand, m.thread_root_id, d.doc
               FROM cur.mentions m JOIN cur.mention_docs d ON d.rid = m.rid`);
      db.exec('INSERT INTO mention_brands SELECT * FROM cur.mention_brands; INSERT INTO mention_intents SELECT * FROM cur.mention_intents');
    });

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

  it('upgrades a version 2 file in place: its posts become prefix-searchable without being written again', async () => {
    // Version 2 as it stored posts: the same rows, full text in two columns (German and English stems only).
    const v2 = await olderFile(2, (db) => {
      copyRows(db);
      // Contentless full-text rows cannot be copied (they read back as NULL), so they are analysed again.
      const insertText = db.prepare('INSERT INTO mentions_fts (rowid, de, en) VALUES ((SELECT rid FROM mentions WHERE id = ?), ?, ?)');
      for (const m of SAMPLE) insertText.run(m.id, ...ftsColumns(m).slice(0, 2));
      expect(db.prepare("SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'de : verspat'").get()).toEqual({ n: 1 });
    });

    const upgraded = await openSqliteStore(v2);
    try {
      expect(ids((await upgraded.search({ text: 'Verspätu*' })).hits)).toEqual(['twitter:de-verspaetung']);
      expect(ids((await upgraded.search({ text: 'Verspätungen -Mahnung' })).hits)).toEqual(['twitter:de-verspaetung']);
      expect((await upgraded.search({ text: 'grea*' })).total).toBe(1);
    } finally {
      await upgraded.close();
    }
  });

  it('upgrades a version 3 file in place: each post is then stemmed in its own language only', async () => {
    // Version 3 stemmed every post both ways: the German post's words also stood in the English column.
    const inEnglish = `en : ${englishTerm('Verspätung')}`;
    const v3 = await olderFile(3, (db) => {
      copyRows(db);
      const insertText = db.prepare('INSERT INTO mentions_fts (rowid, de, en, folded) VALUES ((SELECT rid FROM mentions WHERE id = ?), ?, ?, ?)');
      for (const m of SAMPLE) insertText.run(m.id, ...ftsColumns({ title: m.title, text: m.text }));
      expect(db.prepare('SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH ?').get(inEnglish)).toEqual({ n: 1 });
    });

    const upgraded = await openSqliteStore(v3);
    try {
      expect(ids((await upgraded.search({ text: 'Verspätungen' })).hits)).toEqual(['twitter:de-verspaetung']);
      expect(ids((await upgraded.search({ text: 'refunds' })).hits)).toEqual(['rss:en-refund']);
    } finally {
      await upgraded.close();
    }
    const check = new BetterSqlite3(v3, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH ?').get(inEnglish)).toEqual({ n: 0 });
    check.close();
  });

  it('upgrades a version 4 file in place: severity and channel are filled from the stored posts', async () => {
    const v4 = await olderFile(4, (db) => {
      copyRows(db);
      const insertText = db.prepare('INSERT INTO mentions_fts (rowid, de, en, folded) VALUES ((SELECT rid FROM mentions WHERE id = ?), ?, ?, ?)');
      for (const m of SAMPLE) insertText.run(m.id, ...ftsColumns(m));
    });

    const upgraded = await openSqliteStore(v4);
    try {
      expect(ids((await upgraded.search({ severities: [3], channels: ['page_comment'] })).hits)).toEqual(['facebook:de-mahnung']);
      const page = await upgraded.search({ facets: ['severities', 'channels'] });
      expect(page.facets.severities).toEqual([{ value: '0', count: 3 }, { value: '2', count: 2 }, { value: '3', count: 1 }]);
      expect(page.facets.channels?.map((f) => f.value)).toEqual(['page_comment', 'post', 'reply', 'review']);
      // The full text was not rebuilt, and still answers.
      expect(ids((await upgraded.search({ text: 'Mahnung' })).hits)).toEqual(['facebook:de-mahnung']);
    } finally {
      await upgraded.close();
    }
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
