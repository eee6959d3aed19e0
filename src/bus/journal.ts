/**
 * Write-ahead journal for the in-process bus (embedded mode): published messages and committed offsets live
 * in a SQLite file, so a crash or restart redelivers what no group had committed. Without it, posts that a
 * webhook had already acknowledged would be lost with the process.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface JournalRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  json: string;
}

export interface JournalCommit {
  topic: string;
  group: string;
  partition: number;
  offset: number;
}

export interface BusJournal {
  load(): { records: JournalRecord[]; commits: JournalCommit[] };
  append(records: JournalRecord[]): void;
  commit(commits: JournalCommit[]): void;
  /** Forgets messages every group has committed. */
  truncate(topic: string, partition: number, belowOffset: number): void;
  close(): void;
}

export function openBusJournal(file: string): BusJournal {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // WAL + NORMAL: survives a process crash (what we guard against here) at a fraction of FULL's fsync cost.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS messages (topic TEXT NOT NULL, part INTEGER NOT NULL, off INTEGER NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (topic, part, off)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS commits (topic TEXT NOT NULL, grp TEXT NOT NULL, part INTEGER NOT NULL, off INTEGER NOT NULL, PRIMARY KEY (topic, grp, part)) WITHOUT ROWID;
  `);
  const insert = db.prepare('INSERT OR REPLACE INTO messages (topic, part, off, key, json) VALUES (?, ?, ?, ?, ?)');
  const upsertCommit = db.prepare('INSERT INTO commits (topic, grp, part, off) VALUES (?, ?, ?, ?) ON CONFLICT (topic, grp, part) DO UPDATE SET off = max(off, excluded.off)');
  const remove = db.prepare('DELETE FROM messages WHERE topic = ? AND part = ? AND off < ?');
  const appendAll = db.transaction((records: JournalRecord[]) => {
    for (const r of records) insert.run(r.topic, r.partition, r.offset, r.key, r.json);
  });
  const commitAll = db.transaction((commits: JournalCommit[]) => {
    for (const c of commits) upsertCommit.run(c.topic, c.group, c.partition, c.offset);
  });
  return {
    load() {
      const records = db.prepare('SELECT topic, part AS partition, off AS offset, key, json FROM messages ORDER BY topic, part, off').all() as JournalRecord[];
      const commits = db.prepare('SELECT topic, grp AS "group", part AS partition, off AS offset FROM commits').all() as JournalCommit[];
      return { records, commits };
    },
    append: (records) => appendAll(records),
    commit: (commits) => commitAll(commits),
    truncate: (topic, partition, below) => void remove.run(topic, partition, below),
    close: () => db.close(),
  };
}
