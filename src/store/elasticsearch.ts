/**
 * The scaled Store adapter on Elasticsearch 8: monthly mention indices (`<prefix>-mentions-YYYY.MM`) created from a
 * composable template and joined under the `<prefix>-mentions` alias, plus one index each for alerts and state.
 * Mention search is near-real-time (refresh() makes writes visible at once); alert and state reads by id are
 * real-time, and listState refreshes the small state index first so it sees every completed write.
 */
import { deletedByRetention } from './retention.ts';
import { createHash } from 'node:crypto';
import { Client, errors, type estypes } from '@elastic/elasticsearch';
import { z } from 'zod';
import { childLogger } from '../log.ts';
import { Alert, Classified } from '../model.ts';
import { bulkIndex, type BulkRetryOptions } from './es-bulk.ts';
import { facetAggregations, facetCounts, mentionQuery, mentionSort } from './es-query.ts';
import { indexNames, mentionIndex, mentionIndexMonth, mentionTemplate, smallIndexTemplates, templateNames, type IndexNames } from './es-template.ts';
import { BulkWriteError, StoreQueryError, type RejectedDocument } from './errors.ts';
import { histogramAggregation, histogramBuckets } from './es-histogram.ts';
import type { AlertQuery, Bucket, HistogramQuery, SearchPage, SearchQuery, Store } from './port.ts';
import { encodeState, parseInstant, resolveAlertLimit, resolvePaging } from './query.ts';

export interface ElasticsearchStoreOptions {
  url: string;
  username?: string;
  password?: string;
  indexPrefix: string;
  /** Monthly mention indices whose every day is older than this are deleted by applyRetention(). */
  retentionDays: number;
  retry?: BulkRetryOptions;
  /**
   * How often to apply retention while the store is open (default daily; 0 = only when applyRetention() is
   * called). The first run happens while opening, before any write of this process.
   */
  retentionEveryMs?: number;
}

const DAY_MS = 86_400_000;
const log = childLogger('store.elasticsearch');
/** Page size for reading whole result sets (alerts, state) with search_after. */
const SCAN_PAGE = 1_000;

/** Lets a search run before the first mention created any monthly index. */
const TOLERANT = { allow_no_indices: true, ignore_unavailable: true } as const;

function isTooManyBuckets(err: unknown): boolean {
  return err instanceof errors.ResponseError && JSON.stringify(err.body ?? '').includes('too_many_buckets_exception');
}

function stateId(namespace: string, key: string): string {
  // Keys can be long (feed URLs); a hash keeps the _id under Elasticsearch's 512-byte limit.
  return createHash('sha256').update(namespace).update('\u0000').update(key).digest('hex');
}

/**
 * The _id of an alert: its own id, unless that is over Elasticsearch's 512-byte _id limit (the model counts
 * characters, and a thread root id in an unanswered alert's id may be multi-byte), then a hash of it.
 */
function alertDocId(id: string): string {
  return Buffer.byteLength(id, 'utf8') <= 512 ? id : `~sha256:${createHash('sha256').update(id).digest('hex')}`;
}

/** A state document as stored; parsed on the way back in, since anyone with index access can write there. */
const StateDoc = z.object({ namespace: z.string(), key: z.string(), json: z.string() });
type StateDoc = z.infer<typeof StateDoc>;

export class ElasticsearchStore implements Store {
  readonly kind = 'elasticsearch' as const;
  readonly names: IndexNames;
  #retentionTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly client: Client,
    readonly options: ElasticsearchStoreOptions,
  ) {
    this.names = indexNames(options.indexPrefix);
  }

  /** Installs (or updates) the index templates; safe on every start. Indices are created by their first write. */
  async setup(): Promise<void> {
    const prefix = this.options.indexPrefix;
    for (const template of [mentionTemplate(prefix), ...smallIndexTemplates(prefix)]) {
      await this.client.indices.putIndexTemplate(template);
    }
  }

  async upsertMentions(batch: Classified[]): Promise<void> {
    if (batch.length === 0) return;
    // A post from a month retention already deletes would be written and then vanish at the next retention run,
    // without a word (QA: a 2017 sample fed into a 365-day store was gone after the next worker start). Refused
    // instead, so the index stage parks it with the reason.
    const now = Date.now();
    const expired: RejectedDocument[] = [];
    const kept: Classified[] = [];
    for (const m of batch) {
      const reason = deletedByRetention(m.createdAt, this.options.retentionDays, now);
      if (reason === undefined) kept.push(m);
      else expired.push({ id: m.id, index: mentionIndex(this.options.indexPrefix, m.createdAt), status: 422, reason });
    }
    try {
      if (kept.length > 0) {
        await bulkIndex(this.client, kept.map((m) => ({ index: mentionIndex(this.options.indexPrefix, m.createdAt), id: m.id, document: m })), this.options.retry);
      }
    } catch (err) {
      if (!(err instanceof BulkWriteError)) throw err;
      throw new BulkWriteError([...expired, ...err.rejected], err.exhausted);
    }
    if (expired.length > 0) throw new BulkWriteError(expired, []);
  }

  async getMention(id: string): Promise<Classified | undefined> {
    const res = await this.client.search<unknown>({ index: this.names.mentionsPattern, ...TOLERANT, query: { ids: { values: [id] } }, size: 1 });
    const hit = res.hits.hits[0];
    return hit?._source === undefined ? undefined : Classified.parse(hit._source);
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const built = mentionQuery(query);
    const paging = resolvePaging(query, built?.hasText ?? false);
    const facets = query.facets ?? [];
    const empty: SearchPage = { total: 0, page: paging.page, size: paging.size, hits: [], facets: facetCounts(facets, undefined) };
    if (built === undefined) return empty;
    const res = await this.client.search<unknown>({
      index: this.names.mentionsPattern,
      ...TOLERANT,
      query: built.query,
      from: paging.offset,
      size: paging.size,
      sort: mentionSort(paging.sort),
      track_total_hits: true,
      // Scores are reported whenever there is text, also when sorting by time (as the embedded store does).
      track_scores: built.hasText,
      aggs: facetAggregations(facets),
    });
    const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
    return {
      total,
      page: paging.page,
      size: paging.size,
      hits: res.hits.hits.map((h) => {
        const mention = Classified.parse(h._source);
        return built.hasText && typeof h._score === 'number' ? { mention, score: h._score } : { mention };
      }),
      facets: facetCounts(facets, res.aggregations),
    };
  }

  async histogram(query: HistogramQuery): Promise<Bucket[]> {
    const built = mentionQuery(query);
    if (built === undefined) return histogramBuckets(query, undefined);
    try {
      const res = await this.client.search<unknown>({
        index: this.names.mentionsPattern,
        ...TOLERANT,
        size: 0,
        query: built.query,
        aggs: { histogram: histogramAggregation(query) },
      });
      return histogramBuckets(query, res.aggregations?.histogram);
    } catch (err) {
      if (isTooManyBuckets(err)) throw new StoreQueryError('the histogram has too many buckets; choose a coarser interval or a shorter range');
      throw err;
    }
  }

  async upsertAlert(alert: Alert): Promise<void> {
    await this.client.index({ index: this.names.alerts, id: alertDocId(alert.id), document: alert });
  }

  async getAlert(id: string): Promise<Alert | undefined> {
    const res = await this.client.get<unknown>({ index: this.names.alerts, id: alertDocId(id) }, { ignore: [404] });
    return res.found && res._source !== undefined ? Alert.parse(res._source) : undefined;
  }

  async alerts(query: AlertQuery): Promise<Alert[]> {
    const limit = resolveAlertLimit(query);
    const filter: estypes.QueryDslQueryContainer[] = [];
    if (query.kinds?.length) filter.push({ terms: { kind: query.kinds } });
    if (query.brands?.length) filter.push({ terms: { brand: query.brands } });
    if (query.statuses?.length) filter.push({ terms: { status: query.statuses } });
    if (query.since !== undefined) filter.push({ range: { updatedAt: { gte: new Date(parseInstant(query.since, 'since')).toISOString() } } });
    const start = query.after === undefined ? undefined : [parseInstant(query.after.updatedAt, 'after'), query.after.id];
    const sources = await this.#scan(this.names.alerts, { bool: { filter } }, [{ updatedAt: 'desc' }, { id: 'asc' }], limit, start);
    return sources.map((s) => Alert.parse(s));
  }

  /** Reads up to `limit` documents in sort order (from after `start`), past the 10 000-hit window, with search_after. */
  async #scan(index: string, query: estypes.QueryDslQueryContainer, sort: estypes.SortCombinations[], limit: number, start?: estypes.SortResults): Promise<unknown[]> {
    const out: unknown[] = [];
    let after: estypes.SortResults | undefined = start;
    while (out.length < limit) {
      const size = Math.min(SCAN_PAGE, limit - out.length);
      const res = await this.client.search<unknown>({ index, ...TOLERANT, query, sort, size, ...(after ? { search_after: after } : {}) });
      for (const hit of res.hits.hits) out.push(hit._source);
      const last = res.hits.hits.at(-1);
      if (res.hits.hits.length < size || last?.sort === undefined) break;
      after = last.sort;
    }
    return out;
  }

  async getState(namespace: string, key: string): Promise<unknown> {
    const res = await this.client.get<unknown>({ index: this.names.state, id: stateId(namespace, key) }, { ignore: [404] });
    return res.found ? (JSON.parse(StateDoc.parse(res._source).json) as unknown) : undefined;
  }

  async putState(namespace: string, key: string, value: unknown): Promise<void> {
    const doc: StateDoc = { namespace, key, json: encodeState(value) };
    await this.client.index({ index: this.names.state, id: stateId(namespace, key), document: doc });
  }

  async deleteState(namespace: string, key: string): Promise<void> {
    await this.client.delete({ index: this.names.state, id: stateId(namespace, key) }, { ignore: [404] });
  }

  async listState(namespace: string): Promise<Array<{ key: string; value: unknown }>> {
    await this.client.indices.refresh({ index: this.names.state, ...TOLERANT });
    const docs = await this.#scan(this.names.state, { term: { namespace } }, [{ key: 'asc' }], Number.MAX_SAFE_INTEGER);
    return docs.map((d) => {
      const doc = StateDoc.parse(d);
      return { key: doc.key, value: JSON.parse(doc.json) as unknown };
    });
  }

  async refresh(): Promise<void> {
    await this.client.indices.refresh({ index: [this.names.mentionsPattern, this.names.alerts, this.names.state], ...TOLERANT });
  }

  /**
   * Deletes monthly mention indices whose whole month lies before `now - retentionDays`; returns their names.
   * Run it periodically (e.g. daily); it never touches alerts or state.
   */
  async applyRetention(now: Date = new Date()): Promise<string[]> {
    const cutoff = now.getTime() - this.options.retentionDays * DAY_MS;
    const expired = (await this.#mentionIndices()).filter((index) => {
      const start = mentionIndexMonth(this.options.indexPrefix, index);
      if (start === undefined) return false;
      const d = new Date(start);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) <= cutoff;
    });
    // Tolerant: another process may have deleted the same index a moment ago.
    if (expired.length > 0) await this.client.indices.delete({ index: expired, ...TOLERANT });
    return expired.sort();
  }

  /** Runs applyRetention() every `everyMs` until close(); several processes doing so is harmless. */
  scheduleRetention(everyMs: number): void {
    clearInterval(this.#retentionTimer);
    this.#retentionTimer = setInterval(() => {
      this.applyRetention().then(
        (deleted) => deleted.length > 0 && log.info({ deleted }, 'retention deleted expired mention indices'),
        (err: unknown) => log.error({ err }, 'retention failed; will try again'),
      );
    }, everyMs);
    // Retention must never keep a finished process alive.
    this.#retentionTimer.unref();
  }

  async #mentionIndices(): Promise<string[]> {
    const res = await this.client.indices.get({ index: this.names.mentionsPattern, ...TOLERANT, features: ['settings'] });
    return Object.keys(res);
  }

  /** Deletes every index and the template of this prefix (tests, uninstall). Wildcard deletes are off by default in ES 8, so names are listed first. */
  async destroy(): Promise<void> {
    const indices = [...(await this.#mentionIndices()), this.names.alerts, this.names.state];
    await this.client.indices.delete({ index: indices, ...TOLERANT });
    for (const name of templateNames(this.options.indexPrefix)) await this.client.indices.deleteIndexTemplate({ name }, { ignore: [404] });
  }

  async close(): Promise<void> {
    clearInterval(this.#retentionTimer);
    await this.client.close();
  }
}

export async function openElasticsearchStore(options: ElasticsearchStoreOptions): Promise<ElasticsearchStore> {
  const client = new Client({
    node: options.url,
    ...(options.username !== undefined || options.password !== undefined
      ? { auth: { username: options.username ?? 'elastic', password: options.password ?? '' } }
      : {}),
  });
  const store = new ElasticsearchStore(client, options);
  try {
    await client.info();
    await store.setup();
    const every = options.retentionEveryMs ?? DAY_MS;
    if (every > 0) {
      const deleted = await store.applyRetention();
      if (deleted.length > 0) log.info({ deleted }, 'retention deleted expired mention indices');
      store.scheduleRetention(every);
    }
  } catch (err) {
    await client.close();
    throw new Error(`cannot use Elasticsearch at ${options.url} (index prefix "${options.indexPrefix}"): ${(err as Error).message}`, { cause: err });
  }
  return store;
}
