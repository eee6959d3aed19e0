/**
 * The embedded Store adapter: one SQLite file (WAL) with FTS5 full-text search. Calls are synchronous
 * (better-sqlite3) and each batch is one transaction, so a crash leaves a batch either wholly stored or absent.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import { Alert, Classified } from '../model.ts';
import type { AlertQuery, Bucket, FacetCount, FacetField, HistogramQuery, SearchHit, SearchPage, SearchQuery, Store } from './port.ts';
import {
  type BucketCounts,
  bucketOrigin,
  bucketStart,
  bucketRange,
  dataBounds,
  encodeState,
  FACET_SIZE,
  fillBuckets,
  intervalMs,
  parseInstant,
  resolveAlertLimit,
  resolvePaging,
} from './query.ts';
import { ftsColumns, migrate, SchemaVersionError } from './sqlite-schema.ts';
import { mentionSql, type MentionSql, type SqlValue } from './sqlite-filters.ts';

const ORDER_BY = {
  newest: 'm.created_ms DESC, m.id DESC',
  oldest: 'm.created_ms ASC, m.id ASC',
  // bm25() is lower for better matches; ties fall back to recency.
  relevance: 'bm25(mentions_fts) ASC, m.created_ms DESC, m.id DESC',
} as const;

/** SQL per facet: the value expression and the join that yields one row per (mention, value). */
const FACET_SQL: Record<FacetField, { value: string; join: string }> = {
  brands: { value: 'fb.brand', join: 'JOIN mention_brands fb ON fb.rid = m.rid' },
  intents: { value: 'fi.intent', join: 'JOIN mention_intents fi ON fi.rid = m.rid' },
  sources: { value: 'm.source', join: '' },
  langs: { value: 'm.lang', join: '' },
  sentiments: { value: 'm.sentiment', join: '' },
  complaint: { value: "CASE m.complaint WHEN 1 THEN 'true' ELSE 'false' END", join: '' },
  severities: { value: 'CAST(m.severity AS TEXT)', join: '' },
  channels: { value: 'm.channel', join: '' },
};

interface Statements {
  upsertMention: Statement<SqlValue[], { rid: number }>;
  putDoc: Statement<[number, string]>;
  deleteBrands: Statement<[number]>;
  insertBrand: Statement<[string, number]>;
  deleteIntents: Statement<[number]>;
  insertIntent: Statement<[string, number]>;
  deleteText: Statement<[number]>;
  insertText: Statement<[number, string, string, string]>;
  getMention: Statement<[string], { doc: string }>;
  getMentionByRid: Statement<[number], { doc: string }>;
  upsertAlert: Statement<[string, string, string, string, number, string]>;
  getAlert: Statement<[string], { doc: string }>;
  getState: Statement<[string, string], { value: string }>;
  putState: Statement<[string, string, string]>;
  deleteState: Statement<[string, string]>;
  listState: Statement<[string], { key: string; value: string }>;
}

function prepare(db: Database): Statements {
  return {
    upsertMention: db.prepare(
      `INSERT INTO mentions (id, created_ms, source, lang, complaint, sentiment, by_brand, thread_root_id, severity, channel)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET created_ms = excluded.created_ms, source = excluded.source, lang = excluded.lang,
         complaint = excluded.complaint, sentiment = excluded.sentiment, by_brand = excluded.by_brand,
         thread_root_id = excluded.thread_root_id, severity = excluded.severity, channel = excluded.channel
       RETURNING rid`,
    ),
    putDoc: db.prepare('INSERT INTO mention_docs (rid, doc) VALUES (?, ?) ON CONFLICT (rid) DO UPDATE SET doc = excluded.doc'),
    deleteBrands: db.prepare('DELETE FROM mention_brands WHERE rid = ?'),
    insertBrand: db.prepare('INSERT OR IGNORE INTO mention_brands (brand, rid) VALUES (?, ?)'),
    deleteIntents: db.prepare('DELETE FROM mention_intents WHERE rid = ?'),
    insertIntent: db.prepare('INSERT OR IGNORE INTO mention_intents (intent, rid) VALUES (?, ?)'),
    deleteText: db.prepare('DELETE FROM mentions_fts WHERE rowid = ?'),
    insertText: db.prepare('INSERT INTO mentions_fts (rowid, de, en, folded) VALUES (?, ?, ?, ?)'),
    getMention: db.prepare('SELECT d.doc AS doc FROM mentions m JOIN mention_docs d ON d.rid = m.rid WHERE m.id = ?'),
    getMentionByRid: db.prepare('SELECT doc FROM mention_docs WHERE rid = ?'),
    upsertAlert: db.prepare(
      `INSERT INTO alerts (id, kind, brand, status, updated_ms, doc) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, brand = excluded.brand, status = excluded.status,
         updated_ms = excluded.updated_ms, doc = excluded.doc`,
    ),
    getAlert: db.prepare('SELECT doc FROM alerts WHERE id = ?'),
    getState: db.prepare('SELECT value FROM state WHERE namespace = ? AND key = ?'),
    putState: db.prepare(
      'INSERT INTO state (namespace, key, value) VALUES (?, ?, ?) ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value',
    ),
    deleteState: db.prepare('DELETE FROM state WHERE namespace = ? AND key = ?'),
    listState: db.prepare('SELECT key, value FROM state WHERE namespace = ? ORDER BY key'),
  };
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly #db: Database;
  readonly #sql: Statements;
  readonly #writeMentions: (batch: Classified[]) => void;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.#db = new BetterSqlite3(file);
    this.#db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode; only a power loss can drop the last commits.
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    migrate(this.#db, file);
    this.#sql = prepare(this.#db);
    this.#writeMentions = this.#db.transaction((batch: Classified[]) => {
      for (const m of batch) this.#writeMention(m);
    });
  }

  #writeMention(m: Classified): void {
    const sql = this.#sql;
    const row = sql.upsertMention.get(
      m.id,
      Date.parse(m.createdAt),
      m.source,
      m.lang,
      m.complaint.isComplaint ? 1 : 0,
      m.sentiment.label,
      m.author.isBrand ? 1 : 0,
      m.thread.rootId,
      m.complaint.severity,
      m.channel,
    );
    if (row === undefined) throw new Error(`upsert of ${m.id} returned no row`);
    sql.putDoc.run(row.rid, JSON.stringify(m));
    sql.deleteBrands.run(row.rid);
    for (const brand of m.brands) sql.insertBrand.run(brand, row.rid);
    sql.deleteIntents.run(row.rid);
    for (const intent of m.intents) sql.insertIntent.run(intent, row.rid);
    sql.deleteText.run(row.rid);
    sql.insertText.run(row.rid, ...ftsColumns(m));
  }

  async upsertMentions(batch: Classified[]): Promise<void> {
    if (batch.length > 0) this.#writeMentions(batch);
  }

  async getMention(id: string): Promise<Classified | undefined> {
    const row = this.#sql.getMention.get(id);
    return row === undefined ? undefined : Classified.parse(JSON.parse(row.doc));
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const where = mentionSql(query);
    const paging = resolvePaging(query, where?.hasText ?? false);
    const page: SearchPage = { total: 0, page: paging.page, size: paging.size, hits: [], facets: {} };
    for (const field of query.facets ?? []) page.facets[field] = [];
    if (where === undefined) return page;

    // One read transaction: total, page and facets come from the same snapshot even while another process writes.
    return this.#db.transaction(() => {
      const base = `FROM ${where.from} WHERE ${where.where}`;
      page.total = this.#db.prepare<SqlValue[], { n: number }>(`SELECT count(*) AS n ${base}`).get(...where.params)?.n ?? 0;
      if (page.total === 0) return page;
      // Negated bm25 reads as a score (higher is better), like Elasticsearch's.
      const score = where.hasText ? '-bm25(mentions_fts)' : 'NULL';
      // Sort only ids and scores, then fetch the page's documents: no need to carry every match's JSON through
      // the sorter.
      const rows = this.#db
        .prepare<SqlValue[], { rid: number; score: number | null }>(
          `SELECT m.rid AS rid, ${score} AS score ${base} ORDER BY ${ORDER_BY[paging.sort]} LIMIT ? OFFSET ?`,
        )
        .all(...where.params, paging.size, paging.offset);
      page.hits = rows.map((r): SearchHit => {
        const doc = this.#sql.getMentionByRid.get(r.rid)?.doc;
        if (doc === undefined) throw new Error(`mention row ${r.rid} vanished inside a read transaction`);
        const hit: SearchHit = { mention: Classified.parse(JSON.parse(doc)) };
        if (r.score !== null) hit.score = r.score;
        return hit;
      });
      for (const field of query.facets ?? []) page.facets[field] = this.#facet(field, where);
      return page;
    })();
  }

  #facet(field: FacetField, where: MentionSql): FacetCount[] {
    const { value, join } = FACET_SQL[field];
    return this.#db
      .prepare<SqlValue[], FacetCount>(
        `SELECT ${value} AS value, count(*) AS count FROM ${where.from} ${join} WHERE ${where.where}
         GROUP BY 1 ORDER BY count DESC, value ASC LIMIT ${FACET_SIZE}`,
      )
      .all(...where.params);
  }

  async histogram(query: HistogramQuery): Promise<Bucket[]> {
    // Local days and weeks are not a fixed width: count in quarter hours (every zone's offset is a multiple of 15
    // minutes) and fold those into the zone's buckets.
    const local = query.timeZone !== undefined && query.timeZone !== 'UTC' && (query.interval === '1d' || query.interval === '1w');
    const width = local ? 15 * 60_000 : intervalMs(query.interval);
    // Same floor division as bucketStart(): the double modulo keeps times before the origin in the right bucket.
    const origin = local ? 0 : bucketOrigin(query.interval);
    const where = mentionSql(query);
    const found = new Map<number, BucketCounts>();
    if (where !== undefined) {
      const rows = this.#db
          .prepare<SqlValue[], { start: number } & BucketCounts>(
            `SELECT (m.created_ms - ((((m.created_ms - ${origin}) % ${width}) + ${width}) % ${width})) AS start,
               count(*) AS count, sum(m.complaint) AS complaints, sum(m.sentiment = 'negative') AS negative
             FROM ${where.from} WHERE ${where.where} GROUP BY start`,
          )
          .all(...where.params);
      for (const { start, ...counts } of rows) {
        const key = local ? bucketStart(start, query.interval, query.timeZone) : start;
        const sum = found.get(key);
        found.set(key, sum ? { count: sum.count + counts.count, complaints: sum.complaints + counts.complaints, negative: sum.negative + counts.negative } : counts);
      }
    }
    const range = bucketRange(query.interval, query, ...dataBounds(found.keys()));
    return fillBuckets(query.interval, range, found, query.timeZone);
  }

  async upsertAlert(alert: Alert): Promise<void> {
    this.#sql.upsertAlert.run(alert.id, alert.kind, alert.brand, alert.status, Date.parse(alert.updatedAt), JSON.stringify(alert));
  }

  async getAlert(id: string): Promise<Alert | undefined> {
    const row = this.#sql.getAlert.get(id);
    return row === undefined ? undefined : Alert.parse(JSON.parse(row.doc));
  }

  async alerts(query: AlertQuery): Promise<Alert[]> {
    const limit = resolveAlertLimit(query);
    const conditions: string[] = [];
    const params: SqlValue[] = [];
    const anyOf = (column: string, values: readonly string[] | undefined): void => {
      if (!values?.length) return;
      conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    anyOf('kind', query.kinds);
    anyOf('brand', query.brands);
    anyOf('status', query.statuses);
    if (query.since !== undefined) {
      conditions.push('updated_ms >= ?');
      params.push(parseInstant(query.since, 'since'));
    }
    if (query.after !== undefined) {
      const at = parseInstant(query.after.updatedAt, 'after');
      conditions.push('(updated_ms < ? OR (updated_ms = ? AND id > ?))');
      params.push(at, at, query.after.id);
    }
    const where = conditions.length > 0 ? conditions.join(' AND ') : '1';
    return this.#db
      .prepare<SqlValue[], { doc: string }>(`SELECT doc FROM alerts WHERE ${where} ORDER BY updated_ms DESC, id ASC LIMIT ?`)
      .all(...params, limit)
      .map((r) => Alert.parse(JSON.parse(r.doc)));
  }

  async getState(namespace: string, key: string): Promise<unknown> {
    const row = this.#sql.getState.get(namespace, key);
    return row === undefined ? undefined : JSON.parse(row.value);
  }

  async putState(namespace: string, key: string, value: unknown): Promise<void> {
    this.#sql.putState.run(namespace, key, encodeState(value));
  }

  async deleteState(namespace: string, key: string): Promise<void> {
    this.#sql.deleteState.run(namespace, key);
  }

  async listState(namespace: string): Promise<Array<{ key: string; value: unknown }>> {
    return this.#sql.listState.all(namespace).map((r) => ({ key: r.key, value: JSON.parse(r.value) as unknown }));
  }

  async refresh(): Promise<void> {
    // Every committed transaction is already visible to readers.
  }

  async close(): Promise<void> {
    if (!this.#db.open) return;
    // Folds the WAL back into the main file so the closed store is one self-contained file.
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
    this.#db.close();
  }
}

export async function openSqliteStore(file: string): Promise<SqliteStore> {
  try {
    return new SqliteStore(file);
  } catch (err) {
    if (err instanceof SchemaVersionError) throw err;
    throw new Error(`cannot open the embedded store at ${file}: ${(err as Error).message}`, { cause: err });
  }
}
