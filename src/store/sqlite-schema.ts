/**
 * Schema of the embedded store. Each mention is kept whole as JSON (the document the API returns) plus the
 * columns filters, facets and sorting need; brands and intents are many-valued, so they get their own tables.
 */
import type { Database } from 'better-sqlite3';

/** Bump with a migration step when the schema changes; a newer file than this code is refused. */
export const SCHEMA_VERSION = 2;

const DDL_V1 = `
CREATE TABLE mentions (
  -- An explicit INTEGER PRIMARY KEY: VACUUM may renumber implicit rowids, which would orphan the FTS rows.
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_ms INTEGER NOT NULL,
  source TEXT NOT NULL,
  lang TEXT NOT NULL,
  complaint INTEGER NOT NULL,
  sentiment TEXT NOT NULL,
  by_brand INTEGER NOT NULL,
  thread_root_id TEXT NOT NULL,
  doc TEXT NOT NULL -- moved to mention_docs in v2
);
CREATE INDEX mentions_by_time ON mentions (created_ms, id);
CREATE INDEX mentions_by_thread ON mentions (thread_root_id, created_ms);
CREATE INDEX mentions_by_source ON mentions (source, created_ms);

CREATE TABLE mention_brands (
  brand TEXT NOT NULL,
  rid INTEGER NOT NULL REFERENCES mentions (rid),
  PRIMARY KEY (brand, rid)
) WITHOUT ROWID;
CREATE INDEX mention_brands_by_rid ON mention_brands (rid);

CREATE TABLE mention_intents (
  intent TEXT NOT NULL,
  rid INTEGER NOT NULL REFERENCES mentions (rid),
  PRIMARY KEY (intent, rid)
) WITHOUT ROWID;
CREATE INDEX mention_intents_by_rid ON mention_intents (rid);

-- Pre-analysed text (see analysis.ts): column de holds German stems, en English stems, in token order.
-- Contentless: the original text lives in mentions.doc; contentless_delete allows replacing a row on upsert.
CREATE VIRTUAL TABLE mentions_fts USING fts5 (
  de, en,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  brand TEXT NOT NULL,
  status TEXT NOT NULL,
  updated_ms INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX alerts_by_update ON alerts (updated_ms);

CREATE TABLE state (
  namespace TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (namespace, key)
) WITHOUT ROWID;
`;

/**
 * v2: documents move to their own table. Facets and counts scan the mention rows; with the JSON inline every
 * scan read the whole documents (~10× the bytes), which made unfiltered facets the slowest query.
 */
const MIGRATE_V2 = `
CREATE TABLE mention_docs (
  rid INTEGER PRIMARY KEY REFERENCES mentions (rid),
  doc TEXT NOT NULL
);
INSERT INTO mention_docs (rid, doc) SELECT rid, doc FROM mentions;
ALTER TABLE mentions DROP COLUMN doc;
`;

/** Migration steps: STEPS[n - 1] takes a file from version n - 1 to n. */
const STEPS = [DDL_V1, MIGRATE_V2];

export class SchemaVersionError extends Error {
  constructor(file: string, found: number) {
    super(`${file} has store schema version ${found}, newer than this Kundenradar (${SCHEMA_VERSION}); upgrade Kundenradar`);
    this.name = 'SchemaVersionError';
  }
}

/**
 * Creates or upgrades the schema, all steps in one transaction; `user_version` records where a file stands.
 * `target` exists for the migration test.
 */
export function migrate(db: Database, file: string, target = SCHEMA_VERSION): void {
  const version = db.pragma('user_version', { simple: true });
  const found = typeof version === 'number' ? version : 0;
  if (found > SCHEMA_VERSION) throw new SchemaVersionError(file, found);
  if (found >= target) return;
  db.transaction(() => {
    for (let v = found + 1; v <= target; v++) db.exec(STEPS[v - 1] ?? '');
    db.pragma(`user_version = ${target}`);
  })();
}
