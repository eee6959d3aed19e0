/**
 * Schema of the embedded store. Each mention is kept whole as JSON (the document the API returns) plus the
 * columns filters, facets and sorting need (v5 adds severity and channel); brands and intents are many-valued, so
 * they get their own tables.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { analyse } from './analysis.ts';

/** Bump with a migration step when the schema changes; a newer file than this code is refused. */
export const SCHEMA_VERSION = 5;

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

-- Pre-analysed text (see analysis.ts): column de holds German stems, en English stems, in token order (v3 adds folded).
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

/** Searchable text of a mention: the title (blog posts, reviews) belongs to it. */
function searchableText(m: { title?: string | undefined; text: string }): string {
  return m.title ? `${m.title}\n${m.text}` : m.text;
}

/**
 * The full-text row of one mention: the columns of mentions_fts, in order. A post is stemmed in its own language
 * only (German posts in `de`, English in `en`; a post in neither language, or of unknown language, in both): a
 * query word is analysed both ways (sqlite-filters.ts), so stemming an English post the German way too made
 * "offen" find "offer" (German stem "off" for both). Prefixes (`folded`) are unstemmed and kept for every post.
 */
export function ftsColumns(m: { title?: string | undefined; text: string; lang?: string | undefined }): [de: string, en: string, folded: string] {
  const { de, en, folded } = analyse(searchableText(m));
  return [m.lang === 'en' ? '' : de.join(' '), m.lang === 'de' ? '' : en.join(' '), folded.join(' ')];
}

/** The part of a stored document that is indexed; checked rather than trusted, like every read of a document. */
const IndexedDoc = z.object({ title: z.string().optional(), text: z.string(), lang: z.string().optional() });

/** Calls `visit` with every stored document (parsed JSON, unchecked) and its row id, for migrations that rewrite rows. */
function forEachDocument(db: Database, visit: (rid: number, doc: unknown) => void): void {
  // In pages: better-sqlite3 cannot write while a statement on the same connection is still being iterated.
  const page = db.prepare<[number], { rid: number; doc: string }>('SELECT rid, doc FROM mention_docs WHERE rid > ? ORDER BY rid LIMIT 1000');
  for (let rows = page.all(0); rows.length > 0; rows = page.all(rows.at(-1)?.rid ?? Infinity)) {
    for (const row of rows) visit(row.rid, JSON.parse(row.doc));
  }
}

/**
 * Drops and rebuilds the full-text table from the stored documents: FTS5 cannot add a column, and the table is
 * contentless, so its rows cannot be rewritten from themselves.
 */
function rebuildFullText(db: Database): void {
  db.exec(`
    DROP TABLE mentions_fts;
    CREATE VIRTUAL TABLE mentions_fts USING fts5 (
      de, en, folded,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 0'
    );`);
  const insert = db.prepare<[number, string, string, string]>('INSERT INTO mentions_fts (rowid, de, en, folded) VALUES (?, ?, ?, ?)');
  forEachDocument(db, (rid, doc) => insert.run(rid, ...ftsColumns(IndexedDoc.parse(doc))));
}

/**
 * v3: a third FTS column, `folded` (unstemmed, umlauts folded), for prefix queries (`Verspät*`).
 * v4: each post stemmed in its own language only (ftsColumns). Both rebuild the table; a v2 file is rebuilt once.
 */
function migrateV3(db: Database, target: number): void {
  if (target < 4) rebuildFullText(db);
}

function migrateV4(db: Database): void {
  rebuildFullText(db);
}

/** The fields v5 copies into columns; checked rather than trusted, like every read of a document. */
const SeverityChannelDoc = z.object({ channel: z.string(), complaint: z.object({ severity: z.number().int() }) });

/**
 * v5: complaint severity and channel as columns, for their filters and facets. Existing rows get them from their
 * stored documents; the full-text table is untouched.
 */
function migrateV5(db: Database): void {
  db.exec(`
    ALTER TABLE mentions ADD COLUMN severity INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE mentions ADD COLUMN channel TEXT NOT NULL DEFAULT '';`);
  const update = db.prepare<[number, string, number]>('UPDATE mentions SET severity = ?, channel = ? WHERE rid = ?');
  forEachDocument(db, (rid, raw) => {
    const doc = SeverityChannelDoc.parse(raw);
    update.run(doc.complaint.severity, doc.channel, rid);
  });
}

/** Migration steps: STEPS[n - 1] takes a file from version n - 1 to n. */
const STEPS: ReadonlyArray<string | ((db: Database, target: number) => void)> = [DDL_V1, MIGRATE_V2, migrateV3, migrateV4, migrateV5];

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
    for (let v = found + 1; v <= target; v++) {
      const step = STEPS[v - 1] ?? '';
      if (typeof step === 'string') db.exec(step);
      else step(db, target);
    }
    db.pragma(`user_version = ${target}`);
  })();
}
