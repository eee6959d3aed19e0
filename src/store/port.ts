/**
 * The Store port. Two adapters implement it: the embedded SQLite adapter (default) and `elasticsearch.ts`.
 * Both pass tests/contract/store.contract.ts.
 */
import type { Alert, AlertKind, AlertStatus, Channel, Classified, Intent, Lang, SentimentLabel } from '../model.ts';

export interface MentionFilters {
  /**
   * Full text, analysed for German and English (stemming, umlaut folding). Syntax (analysis.ts parseTextQuery):
   * words and "phrases" required (`A AND B` / `A && B` the same), `A OR B` / `A | B`, `-word` / `NOT word` excluded, `word*` prefix. Text the
   * syntax cannot honour throws StoreQueryError.
   */
  text?: string;
  brands?: string[];
  sources?: string[];
  langs?: Lang[];
  complaint?: boolean;
  sentiments?: SentimentLabel[];
  intents?: Intent[];
  /**
   * Complaint severity (`complaint.severity`), any of: 1..4 for complaints (no explicit reproach, disapproval,
   * accusation, blame), 0 for posts that are no complaint. Anything else throws StoreQueryError.
   */
  severities?: number[];
  /** Where the post stands (`channel`: post, reply, page_comment, …), any of. */
  channels?: Channel[];
  /** Inclusive lower bound on createdAt (ISO). */
  from?: string;
  /** Exclusive upper bound on createdAt (ISO). */
  to?: string;
  /** Only posts by (true) or not by (false) brand accounts. */
  byBrand?: boolean;
  /** Thread root id: all posts of a conversation. */
  threadRootId?: string;
}

/** `severities` counts by `complaint.severity` as text ("0" for posts that are no complaint … "4"). */
export const FACET_FIELDS = ['brands', 'sources', 'langs', 'sentiments', 'intents', 'complaint', 'severities', 'channels'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export interface SearchQuery extends MentionFilters {
  sort?: 'newest' | 'oldest' | 'relevance';
  /** 0-based page number. */
  page?: number;
  /** Page size, 1..200 (default 20). */
  size?: number;
  /** Facets to count over all matches (not only the page). */
  facets?: FacetField[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchHit {
  mention: Classified;
  /** Relevance score when the query had text to match (not only exclusions). */
  score?: number;
}

export interface SearchPage {
  total: number;
  page: number;
  size: number;
  hits: SearchHit[];
  facets: Partial<Record<FacetField, FacetCount[]>>;
}

export type HistogramInterval = '5m' | '1h' | '1d' | '1w';

export interface HistogramQuery extends MentionFilters {
  interval: HistogramInterval;
  /** IANA zone whose local days and weeks the 1d/1w buckets are (default UTC; query.ts bucketStart). */
  timeZone?: string;
}

export interface Bucket {
  /** Bucket start, ISO (UTC aligned). Empty buckets between the first and last are included. */
  start: string;
  count: number;
  complaints: number;
  negative: number;
}

export interface AlertQuery {
  kinds?: AlertKind[];
  brands?: string[];
  statuses?: AlertStatus[];
  /** Alerts updated at or after this ISO time. */
  since?: string;
  /** The next page: alerts after this one in the list's order (updated earlier, or at the same time with a larger id). */
  after?: { updatedAt: string; id: string };
  limit?: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'elasticsearch';
  /** Idempotent by mention id: the same id written twice leaves one document (the later one). */
  upsertMentions(batch: Classified[]): Promise<void>;
  getMention(id: string): Promise<Classified | undefined>;
  search(query: SearchQuery): Promise<SearchPage>;
  histogram(query: HistogramQuery): Promise<Bucket[]>;
  /** Idempotent by alert id. */
  upsertAlert(alert: Alert): Promise<void>;
  getAlert(id: string): Promise<Alert | undefined>;
  /** Newest update first. */
  alerts(query: AlertQuery): Promise<Alert[]>;
  /**
   * Durable key-value state for detectors (open threads, baselines), ingestor checkpoints and the alert
   * outbox. Values are JSON.
   */
  getState(namespace: string, key: string): Promise<unknown>;
  putState(namespace: string, key: string, value: unknown): Promise<void>;
  deleteState(namespace: string, key: string): Promise<void>;
  listState(namespace: string): Promise<Array<{ key: string; value: unknown }>>;
  /** Makes every completed write visible to search (Elasticsearch refresh; no-op embedded). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}
