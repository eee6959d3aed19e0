/**
 * Translates MentionFilters into Elasticsearch queries with the same meaning as sqlite-filters.ts: the search text
 * as parsed by analysis.ts (every group required, each word or phrase matched in the analysis of the post's
 * language, prefixes in the folded fields, exclusions as must_not); list filters are "any of"; from inclusive,
 * to exclusive.
 */
import type { estypes } from '@elastic/elasticsearch';
import { z } from 'zod';
import { foldedTerm, searchText, type TextQuery, type TextTerm } from './analysis.ts';
import { PLAIN_FIELDS, PREFIX_FIELDS, STEMMED_FIELDS, TEXT_FIELDS } from './es-template.ts';
import type { FacetCount, FacetField, MentionFilters } from './port.ts';
import { checkSeverities, FACET_SIZE, parseInstant, type ResolvedSort } from './query.ts';

type Query = estypes.QueryDslQueryContainer;

/**
 * A prefix in the folded fields, and as written (lower-cased) in the plain fields: monthly indices created before
 * the folded fields existed have only those, and keep receiving the month's posts until the next month begins.
 */
function prefixQuery(word: string): Query {
  const folded = foldedTerm(word);
  const plain = word.toLowerCase();
  const should: Query[] = [
    ...PREFIX_FIELDS.map((field): Query => ({ prefix: { [field]: { value: folded } } })),
    ...PLAIN_FIELDS.map((field): Query => ({ prefix: { [field]: { value: plain } } })),
  ];
  return { bool: { should, minimum_should_match: 1 } };
}

function termQuery(term: TextTerm, fields: readonly string[]): Query {
  if (term.prefix) return prefixQuery(term.raw);
  return {
    multi_match: term.phrase
      ? { query: term.raw, fields: [...fields], type: 'phrase' }
      : // best_fields + and: the word must match within one field (German or English stem), never half here
        // and half there.
        { query: term.raw, fields: [...fields], type: 'best_fields', operator: 'and' },
  };
}

function anyTermQuery(terms: readonly TextTerm[], fields: readonly string[]): Query {
  const [only] = terms;
  if (terms.length === 1 && only !== undefined) return termQuery(only, fields);
  return { bool: { should: terms.map((t) => termQuery(t, fields)), minimum_should_match: 1 } };
}

/**
 * The search text, with each post matched in its own language's stems only, as the embedded store indexes them
 * (sqlite-schema.ts ftsColumns): a German post in the German analysis, an English one in the English analysis, any
 * other in both. Matching every post both ways made "offen" find English posts saying "offer" (German stem "off").
 */
function textQuery(text: TextQuery): Query {
  const branch = (fields: readonly string[], language: Query): Query => ({
    bool: { filter: [language], must: text.required.map((g) => anyTermQuery(g, fields)), must_not: text.excluded.map((t) => termQuery(t, fields)) },
  });
  const known = Object.keys(STEMMED_FIELDS);
  return {
    bool: {
      should: [
        ...Object.entries(STEMMED_FIELDS).map(([lang, fields]) => branch(fields, { term: { lang } })),
        branch(TEXT_FIELDS, { bool: { must_not: [{ terms: { lang: known } }] } }),
      ],
      minimum_should_match: 1,
    },
  };
}

/**
 * Undefined when the text holds no searchable word: such a query matches nothing (as in the embedded store).
 * Text of exclusions only matches every other post, unscored. `hasText` says whether there is something to score.
 */
export function mentionQuery(filters: MentionFilters): { query: Query; hasText: boolean } | undefined {
  const must: Query[] = [];
  const filter: Query[] = [];
  const text = searchText(filters);
  if (text !== undefined) {
    if (text.required.length === 0 && text.excluded.length === 0) return undefined;
    (text.required.length > 0 ? must : filter).push(textQuery(text));
  }
  const hasText = must.length > 0;
  const anyOf = (field: string, values: ReadonlyArray<string | number> | undefined): void => {
    // An empty list means "nothing picked": no restriction (an empty terms query would match nothing).
    if (values?.length) filter.push({ terms: { [field]: [...values] } });
  };
  anyOf('brands', filters.brands);
  anyOf('source', filters.sources);
  anyOf('lang', filters.langs);
  anyOf('sentiment.label', filters.sentiments);
  anyOf('intents', filters.intents);
  anyOf('complaint.severity', checkSeverities(filters.severities));
  anyOf('channel', filters.channels);
  if (filters.complaint !== undefined) filter.push({ term: { 'complaint.isComplaint': filters.complaint } });
  if (filters.byBrand !== undefined) filter.push({ term: { 'author.isBrand': filters.byBrand } });
  if (filters.threadRootId !== undefined) filter.push({ term: { 'thread.rootId': filters.threadRootId } });
  if (filters.from !== undefined || filters.to !== undefined) {
    const range: estypes.QueryDslDateRangeQuery = { format: 'strict_date_optional_time' };
    if (filters.from !== undefined) range.gte = new Date(parseInstant(filters.from, 'from')).toISOString();
    if (filters.to !== undefined) range.lt = new Date(parseInstant(filters.to, 'to')).toISOString();
    filter.push({ range: { createdAt: range } });
  }
  return { query: { bool: { must, filter } }, hasText };
}

export function mentionSort(sort: ResolvedSort): estypes.SortCombinations[] {
  switch (sort) {
    case 'newest':
      return [{ createdAt: 'desc' }, { id: 'desc' }];
    case 'oldest':
      return [{ createdAt: 'asc' }, { id: 'asc' }];
    case 'relevance':
      return ['_score', { createdAt: 'desc' }, { id: 'desc' }];
  }
}

const FACET_FIELD: Record<FacetField, string> = {
  brands: 'brands',
  sources: 'source',
  langs: 'lang',
  sentiments: 'sentiment.label',
  intents: 'intents',
  complaint: 'complaint.isComplaint',
  severities: 'complaint.severity',
  channels: 'channel',
};

export function facetAggregations(facets: readonly FacetField[]): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  for (const facet of facets) {
    // Same order as the embedded store: most frequent first, ties by value.
    aggs[`facet_${facet}`] = { terms: { field: FACET_FIELD[facet], size: FACET_SIZE, order: [{ _count: 'desc' }, { _key: 'asc' }] } };
  }
  return aggs;
}

/** The part of a terms aggregation we read; checked rather than trusted. */
const TermsAggregate = z.object({
  buckets: z.array(z.object({ key: z.union([z.string(), z.number()]), key_as_string: z.string().optional(), doc_count: z.number() })),
});

export function facetCounts(
  facets: readonly FacetField[],
  aggregations: Record<string, estypes.AggregationsAggregate> | undefined,
): Partial<Record<FacetField, FacetCount[]>> {
  const out: Partial<Record<FacetField, FacetCount[]>> = {};
  for (const facet of facets) {
    const agg = aggregations?.[`facet_${facet}`];
    // Booleans come back as 1/0 with key_as_string "true"/"false", the values the embedded store reports; severities
    // as numbers, reported as text like every facet value.
    const buckets = agg === undefined ? [] : TermsAggregate.parse(agg).buckets;
    out[facet] = buckets.map((b) => ({ value: b.key_as_string ?? String(b.key), count: b.doc_count }));
  }
  return out;
}
