/**
 * Store benchmark: upsert rate (batches of 500, like the index stage) and query rates (text search with facets,
 * filtered search, histogram) for the embedded store, and for Elasticsearch when ELASTICSEARCH_URL is set.
 * Prints figures; never passes or fails on time. The search mix: text with facets, phrase with a brand filter,
 * relevance sort, filters with paging, intent filter with facets.
 *
 *   npx tsx bench/store.ts            # BENCH_N=20000 by default
 *   ELASTICSEARCH_URL=http://127.0.0.1:9200 npx tsx bench/store.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Classified, Intent, Mention } from '../src/model.ts';
import { openElasticsearchStore } from '../src/store/elasticsearch.ts';
import type { HistogramQuery, SearchQuery, Store } from '../src/store/port.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { generateMentions } from './generate-mentions.ts';

const N = Number(process.env.BENCH_N ?? 20_000);
const BATCH = 500;
const QUERY_ROUNDS = Number(process.env.BENCH_QUERIES ?? 100);

// Synthetic labels from the generator's templates: enough variety for filters and facets, no model needed.
const COMPLAINT = /keine Antwort|Mahnung|kündige|Niemand erreichbar|still waiting|worst|cancel/i;
const NEGATIVE = /Unglaublich|worst|Niemand|kündige|cancel/i;

function label(m: Mention): Classified {
  const complaint = COMPLAINT.test(m.text);
  const english = /^@|\b(the|my|how)\b/i.test(m.text);
  const intents: Intent[] = [];
  if (/Mahnung|bezahlt|subscription/i.test(m.text)) intents.push('billing');
  if (/kündige|cancel/i.test(m.text)) intents.push('cancellation_threat');
  if (/Paket|Lieferung|Sendung|arrived/i.test(m.text)) intents.push('delivery');
  return {
    ...m,
    lang: english ? 'en' : 'de',
    brands: [['bahnfrei', 'funkwelle', 'paketblitz'][m.text.length % 3] as string],
    complaint: { score: complaint ? 0.9 : 0.1, isComplaint: complaint, cues: [], severity: complaint ? 2 : 0 },
    sentiment: { label: NEGATIVE.test(m.text) ? 'negative' : 'neutral', score: 0 },
    intents,
    classifiedAt: m.createdAt,
    model: 'bench',
  };
}

const SEARCHES: SearchQuery[] = [
  { text: 'Verspätungen', facets: ['brands', 'langs', 'complaint'] },
  { text: '"keine Antwort"', brands: ['bahnfrei'] },
  { text: 'waiting reply', sort: 'relevance', facets: ['intents'] },
  { complaint: true, langs: ['de'], sort: 'newest', page: 3 },
  { intents: ['billing'], facets: ['sentiments', 'sources'] },
];
const HISTOGRAMS: HistogramQuery[] = [
  { interval: '1h', complaint: true },
  { interval: '1d', text: 'Mahnung' },
];

/**
 * Wall time, and CPU time of this process: on a shared, loaded machine wall time mostly measures the neighbours,
 * while CPU time is what the embedded store itself costs (for Elasticsearch most work is in the node's process).
 */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000, value };
}

async function run(name: string, store: Store, docs: Classified[]): Promise<void> {
  const ingest = await timed(async () => {
    for (let i = 0; i < docs.length; i += BATCH) await store.upsertMentions(docs.slice(i, i + BATCH));
    await store.refresh();
  });
  const again = await timed(async () => {
    for (let i = 0; i < docs.length; i += BATCH) await store.upsertMentions(docs.slice(i, i + BATCH));
    await store.refresh();
  });
  const total = (await store.search({})).total;
  const search = await timed(async () => {
    for (let r = 0; r < QUERY_ROUNDS; r++) for (const q of SEARCHES) await store.search(q);
  });
  const histogram = await timed(async () => {
    for (let r = 0; r < QUERY_ROUNDS; r++) for (const q of HISTOGRAMS) await store.histogram(q);
  });
  const rate = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en');
  const line = (what: string, count: number, unit: string, t: { ms: number; cpuMs: number }) =>
    console.log(`  ${what.padEnd(18)} ${rate(count, t.ms)} ${unit}/s wall, ${rate(count, t.cpuMs)} ${unit}/s per CPU-second of this process`);
  console.log(`${name}: ${total} documents stored (expected ${docs.length})`);
  line('upsert (new)', docs.length, 'docs', ingest);
  line('upsert (replace)', docs.length, 'docs', again);
  line('search', QUERY_ROUNDS * SEARCHES.length, 'queries', search);
  line('histogram', QUERY_ROUNDS * HISTOGRAMS.length, 'queries', histogram);
}

const docs = generateMentions(N, { prefix: 'bench' }).map(label);
console.log(`store benchmark: ${N} synthetic mentions, batches of ${BATCH}, ${QUERY_ROUNDS} query rounds; node ${process.version}`);

const dir = await mkdtemp(path.join(tmpdir(), 'kundenradar-bench-'));
try {
  const sqlite = await openSqliteStore(path.join(dir, 'bench.db'));
  await run('sqlite (embedded, WAL, FTS5)', sqlite, docs);
  await sqlite.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

const url = process.env.ELASTICSEARCH_URL;
if (url === undefined) {
  console.log('elasticsearch: skipped (set ELASTICSEARCH_URL, e.g. after scripts/services/elasticsearch start)');
} else {
  const es = await openElasticsearchStore({
    url,
    username: process.env.ELASTICSEARCH_USERNAME,
    password: process.env.ELASTICSEARCH_PASSWORD,
    indexPrefix: `bench-store-${randomUUID().slice(0, 8)}`,
    retentionDays: 3650,
    retentionEveryMs: 0,
  });
  try {
    await run(`elasticsearch (${url})`, es, docs);
  } finally {
    await es.destroy();
    await es.close();
  }
}
