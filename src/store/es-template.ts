/**
 * Index names, the composable index template for mentions, and the mappings of the alerts and state indices.
 * The analysis mirrors analysis.ts (the embedded store) so both adapters find the same posts for the same words.
 */
import type { estypes } from '@elastic/elasticsearch';

export interface IndexNames {
  /** Template name and the alias every monthly mention index joins. */
  mentions: string;
  /** Pattern matching every monthly mention index (searches go here, so an empty store is not an error). */
  mentionsPattern: string;
  alerts: string;
  state: string;
}

export function indexNames(prefix: string): IndexNames {
  return {
    mentions: `${prefix}-mentions`,
    mentionsPattern: `${prefix}-mentions-*`,
    alerts: `${prefix}-alerts`,
    state: `${prefix}-state`,
  };
}

/** Monthly index holding a mention created at `createdAt`: an id always lands in the same index, so upserts replace. */
export function mentionIndex(prefix: string, createdAt: string): string {
  const d = new Date(createdAt);
  return `${prefix}-mentions-${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Month start (UTC, ms) of a monthly mention index of this prefix, or undefined for any other index name. */
export function mentionIndexMonth(prefix: string, index: string): number | undefined {
  const match = /^(\d{4})\.(\d{2})$/.exec(index.slice(`${prefix}-mentions-`.length));
  if (!index.startsWith(`${prefix}-mentions-`) || match === null) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return Date.UTC(Number(match[1]), month - 1, 1);
}

const ANALYSIS: estypes.IndicesIndexSettingsAnalysis = {
  char_filter: {
    // The standard tokenizer keeps "@funkwelle_hilft", "funkwelle.example" and "3,5" as one word (UAX #29 joins
    // letters and digits across _ . : ,), where the embedded store's tokenizer splits them: a post naming the brand
    // only by its support handle or its web address was found by "funkwelle" in one store and not the other.
    kr_underscore_splits: { type: 'pattern_replace', pattern: '[_.:,]', replacement: ' ' },
  },
  filter: {
    // Snowball German, the algorithm the embedded store uses (natural's PorterStemmerDe).
    kr_german_stem: { type: 'snowball', language: 'German' },
    kr_english_possessive: { type: 'stemmer', language: 'possessive_english' },
    kr_english_stem: { type: 'stemmer', language: 'english' },
  },
  analyzer: {
    // No stop words in either chain: the embedded store keeps them too, and dropping them from one language's
    // field but not the other's would change which posts an AND query finds.
    kr_german: { type: 'custom', tokenizer: 'standard', char_filter: ['kr_underscore_splits'], filter: ['lowercase', 'german_normalization', 'asciifolding', 'kr_german_stem'] },
    kr_english: { type: 'custom', tokenizer: 'standard', char_filter: ['kr_underscore_splits'], filter: ['kr_english_possessive', 'lowercase', 'asciifolding', 'kr_english_stem'] },
    // The German chain without its stemmer, for prefix queries (analysis.ts foldedTerm).
    kr_folded: { type: 'custom', tokenizer: 'standard', char_filter: ['kr_underscore_splits'], filter: ['lowercase', 'german_normalization', 'asciifolding'] },
  },
};

const ANALYSED_TEXT: estypes.MappingProperty = {
  type: 'text',
  fields: {
    de: { type: 'text', analyzer: 'kr_german' },
    en: { type: 'text', analyzer: 'kr_english' },
    folded: { type: 'text', analyzer: 'kr_folded' },
  },
};

/** Fields searched for words and phrases (see es-query.ts). */
export const TEXT_FIELDS = ['text.de', 'text.en', 'title.de', 'title.en'];
/** The stemmed fields a post of each language is searched in (es-query.ts textQuery); other posts in TEXT_FIELDS. */
export const STEMMED_FIELDS: Readonly<Record<'de' | 'en', readonly string[]>> = { de: ['text.de', 'title.de'], en: ['text.en', 'title.en'] };
/** Fields searched for prefixes (`Funk*`), compared with analysis.ts foldedTerm. */
export const PREFIX_FIELDS = ['text.folded', 'title.folded'];
/**
 * The unstemmed, unfolded (standard analyzer: lower case only) fields every mention index has had. Indices created
 * before `folded` existed only have these, so prefixes are also looked up here, as written.
 */
export const PLAIN_FIELDS = ['text', 'title'];

const MENTION_MAPPINGS: estypes.MappingTypeMapping = {
  // The whole Classified is kept in _source; only these fields are indexed. New model fields never break
  // ingestion with a mapping conflict, they are just not searchable until mapped here.
  dynamic: false,
  properties: {
    id: { type: 'keyword' },
    source: { type: 'keyword' },
    channel: { type: 'keyword' },
    url: { type: 'keyword', index: false, doc_values: false },
    author: { properties: { id: { type: 'keyword' }, handle: { type: 'keyword' }, isBrand: { type: 'boolean' } } },
    title: ANALYSED_TEXT,
    text: ANALYSED_TEXT,
    createdAt: { type: 'date' },
    ingestedAt: { type: 'date' },
    classifiedAt: { type: 'date' },
    thread: { properties: { rootId: { type: 'keyword' }, parentId: { type: 'keyword' } } },
    lang: { type: 'keyword' },
    brands: { type: 'keyword' },
    intents: { type: 'keyword' },
    complaint: { properties: { isComplaint: { type: 'boolean' }, score: { type: 'float' }, severity: { type: 'byte' } } },
    sentiment: { properties: { label: { type: 'keyword' }, score: { type: 'float' } } },
    replyKind: { type: 'keyword' },
  },
};

/** Single node: no replica; a bigger cluster gets one without changing the template. */
const SHARDING: estypes.IndicesIndexSettings = { number_of_shards: 1, auto_expand_replicas: '0-1' };

export function mentionTemplate(prefix: string): estypes.IndicesPutIndexTemplateRequest {
  const names = indexNames(prefix);
  return {
    name: names.mentions,
    index_patterns: [names.mentionsPattern],
    // Above the built-in templates (priority 100) in case a prefix ever overlaps their patterns.
    priority: 200,
    template: {
      settings: { ...SHARDING, analysis: ANALYSIS },
      mappings: MENTION_MAPPINGS,
      aliases: { [names.mentions]: {} },
    },
    _meta: { description: 'Kundenradar mentions, one index per month (createdAt, UTC)' },
  };
}

const ALERT_MAPPINGS: estypes.MappingTypeMapping = {
  // Evidence is free-form JSON: kept in _source, never mapped, so no alert can be refused for its numbers.
  dynamic: false,
  properties: {
    id: { type: 'keyword' },
    kind: { type: 'keyword' },
    brand: { type: 'keyword' },
    status: { type: 'keyword' },
    severity: { type: 'keyword' },
    dedupeKey: { type: 'keyword' },
    openedAt: { type: 'date' },
    updatedAt: { type: 'date' },
  },
};

const STATE_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    namespace: { type: 'keyword' },
    key: { type: 'keyword' },
    // The value as JSON text: stored, never indexed, so any shape fits without mapping conflicts.
    json: { type: 'text', index: false },
  },
};

/**
 * Templates for the alerts and the state index, matched by exact name: the indices are created on first write,
 * so opening a store costs no index creation (reads of a not-yet-created index find nothing).
 */
export function smallIndexTemplates(prefix: string): estypes.IndicesPutIndexTemplateRequest[] {
  const names = indexNames(prefix);
  return [
    { name: names.alerts, index_patterns: [names.alerts], priority: 200, template: { settings: SHARDING, mappings: ALERT_MAPPINGS } },
    { name: names.state, index_patterns: [names.state], priority: 200, template: { settings: SHARDING, mappings: STATE_MAPPINGS } },
  ];
}

/** Every template this prefix installs (for uninstall). */
export function templateNames(prefix: string): string[] {
  const names = indexNames(prefix);
  return [names.mentions, names.alerts, names.state];
}
