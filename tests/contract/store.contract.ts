/**
 * The Store contract: one suite of behaviour specs every Store adapter must pass (embedded SQLite and
 * Elasticsearch). Adapter test files call storeContract() with a factory that makes a fresh, empty store.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreQueryError } from '../../src/store/errors.ts';
import type { HistogramQuery, Store } from '../../src/store/port.ts';
import { searchContract, type MakeStore } from './store.contract-search.ts';
import { alert, ids, mention, SAMPLE, sortedIds } from './store.fixtures.ts';

export type { MakeStore };

export function storeContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    describe('search over the sample set', () => searchContract(makeStore));
    describe('histogram over the sample set', () => histogramContract(makeStore));
    describe('histogram in the analyst\'s time zone', () => zonedHistogramContract(makeStore));
    describe('writes', () => writeContract(makeStore));
    describe('alerts', () => alertContract(makeStore));
    describe('state', () => stateContract(makeStore));
  });
}

/** A fresh empty store per spec, for specs that write. */
function freshStore(makeStore: MakeStore): () => Store {
  let store: Store | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    ({ store, cleanup } = await makeStore());
  });
  afterEach(async () => {
    await cleanup?.();
    store = undefined;
  });
  return () => {
    if (store === undefined) throw new Error('store used outside a spec');
    return store;
  };
}

/**
 * Local days and weeks (QA analyst run: a post the dashboard dates "01.11., 00:30" counted for 31 October). Three posts
 * around the end of summer time in Berlin, 25 October 2026, a 25-hour day.
 */
function zonedHistogramContract(makeStore: MakeStore): void {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await makeStore());
    await store.upsertMentions([
      mention({ id: 'twitter:tz-a', text: 'Sonntag kurz nach Mitternacht', createdAt: '2026-10-24T22:30:00Z' }), // 25.10. 00:30 CEST
      mention({ id: 'twitter:tz-b', text: 'Sonntag kurz vor Mitternacht', createdAt: '2026-10-25T22:30:00Z' }), // 25.10. 23:30 CET
      mention({ id: 'twitter:tz-c', text: 'Montag kurz nach Mitternacht', createdAt: '2026-10-25T23:30:00Z' }), // 26.10. 00:30 CET
    ]);
    await store.refresh();
  });
  afterAll(async () => {
    await cleanup?.();
  });
  const counts = async (q: HistogramQuery) => (await store.histogram(q)).map((b) => [b.start, b.count]);

  it('days are local days, 25 hours long on the night the clocks go back, and UTC days without a zone', async () => {
    expect(await counts({ interval: '1d', timeZone: 'Europe/Berlin' })).toEqual([
      ['2026-10-24T22:00:00.000Z', 2],
      ['2026-10-25T23:00:00.000Z', 1],
    ]);
    expect(await counts({ interval: '1d' })).toEqual([
      ['2026-10-24T00:00:00.000Z', 1],
      ['2026-10-25T00:00:00.000Z', 2],
    ]);
  });

  it('weeks start on the local Monday, and from/to fill local days with zeros', async () => {
    expect(await counts({ interval: '1w', timeZone: 'Europe/Berlin' })).toEqual([
      ['2026-10-18T22:00:00.000Z', 2],
      ['2026-10-25T23:00:00.000Z', 1],
    ]);
    expect(await counts({ interval: '1d', timeZone: 'Europe/Berlin', from: '2026-10-24T22:00:00Z', to: '2026-10-27T23:00:00Z' })).toEqual([
      ['2026-10-24T22:00:00.000Z', 2],
      ['2026-10-25T23:00:00.000Z', 1],
      ['2026-10-26T23:00:00.000Z', 0],
    ]);
  });
}

function histogramContract(makeStore: MakeStore): void {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await makeStore());
    await store.upsertMentions([...SAMPLE]);
    await store.refresh();
  });
  afterAll(async () => {
    await cleanup?.();
  });
  const histogram = (q: HistogramQuery) => store.histogram(q);

  it('daily buckets count posts, complaints and negative posts', async () => {
    expect(await histogram({ interval: '1d' })).toEqual([
      { start: '2026-03-02T00:00:00.000Z', count: 3, complaints: 2, negative: 2 },
      { start: '2026-03-03T00:00:00.000Z', count: 1, complaints: 0, negative: 0 },
      { start: '2026-03-04T00:00:00.000Z', count: 1, complaints: 0, negative: 0 },
      { start: '2026-03-05T00:00:00.000Z', count: 1, complaints: 1, negative: 1 },
    ]);
  });

  it('hourly buckets include the empty hours between the first and the last post', async () => {
    const buckets = await histogram({ interval: '1h', brands: ['bahn'] });
    expect(buckets).toHaveLength(27);
    expect(buckets[0]).toEqual({ start: '2026-03-02T08:00:00.000Z', count: 2, complaints: 1, negative: 1 });
    expect(buckets[1]).toEqual({ start: '2026-03-02T09:00:00.000Z', count: 0, complaints: 0, negative: 0 });
    expect(buckets[26]).toEqual({ start: '2026-03-03T10:00:00.000Z', count: 1, complaints: 0, negative: 0 });
    expect(buckets.slice(1, 26).every((b) => b.count === 0)).toBe(true);
  });

  it('5-minute buckets are aligned to the clock and span from/to when given', async () => {
    expect(await histogram({ interval: '5m', from: '2026-03-02T08:00:00Z', to: '2026-03-02T08:30:00Z' })).toEqual([
      { start: '2026-03-02T08:00:00.000Z', count: 1, complaints: 1, negative: 1 },
      { start: '2026-03-02T08:05:00.000Z', count: 0, complaints: 0, negative: 0 },
      { start: '2026-03-02T08:10:00.000Z', count: 0, complaints: 0, negative: 0 },
      { start: '2026-03-02T08:15:00.000Z', count: 0, complaints: 0, negative: 0 },
      { start: '2026-03-02T08:20:00.000Z', count: 1, complaints: 0, negative: 0 },
      { start: '2026-03-02T08:25:00.000Z', count: 0, complaints: 0, negative: 0 },
    ]);
  });

  it('weekly buckets start on Monday 00:00 UTC', async () => {
    expect(await histogram({ interval: '1w', from: '2026-02-25T00:00:00Z', to: '2026-03-16T00:00:00Z' })).toEqual([
      { start: '2026-02-23T00:00:00.000Z', count: 0, complaints: 0, negative: 0 },
      { start: '2026-03-02T00:00:00.000Z', count: 6, complaints: 3, negative: 3 },
      { start: '2026-03-09T00:00:00.000Z', count: 0, complaints: 0, negative: 0 },
    ]);
  });

  it('applies text and filters like search', async () => {
    expect(await histogram({ interval: '1d', text: 'Verspätungen' })).toEqual([
      { start: '2026-03-02T00:00:00.000Z', count: 1, complaints: 1, negative: 1 },
    ]);
    expect(await histogram({ interval: '1d', langs: ['en'], complaint: false })).toEqual([
      { start: '2026-03-04T00:00:00.000Z', count: 1, complaints: 0, negative: 0 },
    ]);    expect(await histogram({ interval: '1d', severities: [3], channels: ['page_comment'] })).toEqual([
      { start: '2026-03-05T00:00:00.000Z', count: 1, complaints: 1, negative: 1 },
    ]);
  });

  it('with from/to but no matches: all buckets, zero; without bounds: none', async () => {
    expect(await histogram({ interval: '1d', brands: ['nobody'], from: '2026-03-01T00:00:00Z', to: '2026-03-04T00:00:00Z' })).toEqual([
      { start: '2026-03-01T00:00:00.000Z', count: 0, complaints: 0, negative: 0 },
      { start: '2026-03-02T00:00:00.000Z', count: 0, complaints: 0, negative: 0 },
      { start: '2026-03-03T00:00:00.000Z', count: 0, complaints: 0, negative: 0 },
    ]);
    expect(await histogram({ interval: '1h', brands: ['nobody'] })).toEqual([]);
  });

  it('refuses a histogram with too many buckets', async () => {
    await expect(histogram({ interval: '5m', from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).rejects.toBeInstanceOf(
      StoreQueryError,
    );
  });
}

function writeContract(makeStore: MakeStore): void {
  const store = freshStore(makeStore);

  it('upsert is idempotent by id: writing the same posts twice leaves one of each', async () => {
    await store().upsertMentions([...SAMPLE]);
    await store().upsertMentions([...SAMPLE, ...SAMPLE.slice(0, 2)]);
    await store().refresh();
    const page = await store().search({ size: 50 });
    expect(page.total).toBe(SAMPLE.length);
    expect(sortedIds(page.hits)).toEqual(sortedIds(SAMPLE));
    expect(await store().getMention('facebook:de-mahnung')).toEqual(SAMPLE[5]);
  });

  it('a fresh store answers every read with nothing, not an error', async () => {
    expect(await store().getMention('twitter:does-not-exist')).toBeUndefined();
    expect(await store().search({ text: 'Verspätung', facets: ['brands'] })).toEqual({ total: 0, page: 0, size: 20, hits: [], facets: { brands: [] } });
    expect(await store().histogram({ interval: '1d' })).toEqual([]);
    expect(await store().getAlert('a1')).toBeUndefined();
    expect(await store().alerts({})).toEqual([]);
    expect(await store().getState('ns', 'k')).toBeUndefined();
    expect(await store().listState('ns')).toEqual([]);
    await store().deleteState('ns', 'k');
    await store().refresh();
  });

  it('an empty batch is a no-op', async () => {
    await store().upsertMentions([]);
    await store().refresh();
    expect((await store().search({})).total).toBe(0);
  });

  it('an update replaces the post: old words, brands and flags are gone from search and facets', async () => {
    await store().upsertMentions([...SAMPLE]);
    const updated = mention({
      id: 'twitter:de-verspaetung',
      text: 'Zug heute pünktlich, danke! On time today, thanks.',
      createdAt: '2026-03-02T08:01:00Z',
      brands: ['db-regio'],
      sentiment: 'positive',
    });
    await store().upsertMentions([updated]);
    await store().refresh();
    expect(await store().getMention(updated.id)).toEqual(updated);
    expect((await store().search({ text: 'Verspätung' })).total).toBe(0);
    expect(ids((await store().search({ text: 'punktlich' })).hits)).toEqual([updated.id]);
    expect(ids((await store().search({ text: '"on time"' })).hits)).toEqual([updated.id]);
    const page = await store().search({ facets: ['brands', 'complaint'], size: 50 });
    expect(page.total).toBe(SAMPLE.length);
    expect(page.facets.brands).toContainEqual({ value: 'db-regio', count: 1 });
    expect(page.facets.brands).toContainEqual({ value: 'bahn', count: 2 });
    expect(page.facets.complaint).toEqual([
      { value: 'false', count: 4 },
      { value: 'true', count: 2 },
    ]);
  });

  it('an update replaces severity and channel in filters and facets', async () => {
    await store().upsertMentions([...SAMPLE]);
    const original = SAMPLE[5];
    if (original === undefined) throw new Error('SAMPLE has no sixth post');
    const escalated = { ...original, channel: 'reply' as const, complaint: { ...original.complaint, severity: 4 } };
    await store().upsertMentions([escalated]);
    await store().refresh();
    expect(ids((await store().search({ severities: [4], channels: ['reply'] })).hits)).toEqual([original.id]);
    expect((await store().search({ severities: [3] })).total).toBe(0);
    const page = await store().search({ facets: ['severities', 'channels'] });
    expect(page.facets.severities).toContainEqual({ value: '4', count: 1 });
    expect(page.facets.severities?.map((f) => f.value)).not.toContain('3');
    expect(page.facets.channels).toContainEqual({ value: 'page_comment', count: 1 });
  });

  it('relevance ranks a post about the words above one that merely contains them', async () => {
    const filler = 'Heute war ich in der Stadt, habe eingekauft, Kaffee getrunken und Freunde getroffen.';
    await store().upsertMentions([
      mention({ id: 'twitter:long', text: `${filler} Nebenbei kam die Rechnung. ${filler} ${filler}`, createdAt: '2026-03-05T00:00:00Z' }),
      mention({ id: 'twitter:short', text: 'Rechnung falsch, Rechnungen doppelt!', createdAt: '2026-03-01T00:00:00Z' }),
      mention({ id: 'twitter:en-long', text: `I got the invoice. ${'Nothing else happened today, really nothing at all. '.repeat(4)}`, createdAt: '2026-03-05T00:00:00Z' }),
      mention({ id: 'twitter:en-short', text: 'Wrong invoice, duplicate invoices!', createdAt: '2026-03-01T00:00:00Z', lang: 'en' }),
    ]);
    await store().refresh();
    expect(ids((await store().search({ text: 'Rechnung', sort: 'relevance' })).hits)).toEqual(['twitter:short', 'twitter:long']);
    expect(ids((await store().search({ text: 'invoice', sort: 'relevance' })).hits)).toEqual(['twitter:en-short', 'twitter:en-long']);
    expect(ids((await store().search({ text: 'Rechnung', sort: 'newest' })).hits)).toEqual(['twitter:long', 'twitter:short']);
  });

  it('returns HTML and script text verbatim (escaping is the UI’s job) and still finds its words', async () => {
    const text = '<script>alert("Mahnung")</script> <b>Rechnung</b> & "Kündigung" \'quoted\' </textarea>';
    await store().upsertMentions([mention({ id: 'rss:html', text, title: '<img src=x onerror=alert(1)>', createdAt: '2026-03-02T10:00:00Z' })]);
    await store().refresh();
    const hit = (await store().search({ text: 'Mahnung Rechnung' })).hits[0];
    expect(hit?.mention.text).toBe(text);
    expect(hit?.mention.title).toBe('<img src=x onerror=alert(1)>');
  });

  it('keeps unicode and emoji verbatim; words next to emoji and emoji themselves are searchable', async () => {
    const de = 'Zug fällt aus😡 schon wieder – Grüße aus Köln 🚆🔥 👩‍💻 «Ärger» 𝔘𝔫𝔦𝔠𝔬𝔡𝔢';
    const en = 'Flight cancelled 😡 café naïve résumé — 東京 ✈️';
    await store().upsertMentions([
      mention({ id: 'twitter:emoji-de', text: de, createdAt: '2026-03-02T10:00:00Z' }),
      mention({ id: 'twitter:emoji-en', text: en, createdAt: '2026-03-02T11:00:00Z', lang: 'en' }),
    ]);
    await store().refresh();
    expect((await store().getMention('twitter:emoji-de'))?.text).toBe(de);
    expect((await store().getMention('twitter:emoji-en'))?.text).toBe(en);
    expect(sortedIds((await store().search({ text: 'fallt aus' })).hits)).toEqual(['twitter:emoji-de']);
    expect(sortedIds((await store().search({ text: 'Koln Grusse' })).hits)).toEqual(['twitter:emoji-de']);
    expect(sortedIds((await store().search({ text: 'cafe resume' })).hits)).toEqual(['twitter:emoji-en']);
    expect(sortedIds((await store().search({ text: 'cancel' })).hits)).toEqual(['twitter:emoji-en']);
    expect(sortedIds((await store().search({ text: '😡' })).hits)).toEqual(['twitter:emoji-de', 'twitter:emoji-en']);
  });

  it('stores a large batch in one call', async () => {
    const batch = Array.from({ length: 600 }, (_, i) =>
      mention({
        id: `webhook:bulk-${i}`,
        text: i % 2 === 0 ? `Lieferung ${i} kam nicht an` : `Parcel ${i} never arrived`,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        lang: i % 2 === 0 ? 'de' : 'en',
        complaint: i % 3 === 0,
      }),
    );
    await store().upsertMentions(batch);
    await store().refresh();
    expect((await store().search({})).total).toBe(600);
    expect((await store().search({ text: 'Lieferungen' })).total).toBe(300);
    expect((await store().search({ text: 'arrive' })).total).toBe(300);
    expect((await store().search({ complaint: true })).total).toBe(200);
  });
}

function alertContract(makeStore: MakeStore): void {
  const store = freshStore(makeStore);

  it('stores an alert and reads it back unchanged, evidence and examples included', async () => {
    const a = alert({ id: 'unanswered:twitter:de-verspaetung' });
    await store().upsertAlert(a);
    expect(await store().getAlert(a.id)).toEqual(a);
    expect(await store().getAlert('missing')).toBeUndefined();
  });

  it('an update replaces the alert (open → acknowledged → resolved)', async () => {
    const open = alert({ id: 'a1' });
    await store().upsertAlert(open);
    const acknowledged = alert({ id: 'a1', status: 'acknowledged', acknowledgedAt: '2026-03-02T09:10:00Z', updatedAt: '2026-03-02T09:10:00Z', revision: 1 });
    await store().upsertAlert(acknowledged);
    await store().refresh();
    expect(await store().getAlert('a1')).toEqual(acknowledged);
    expect(await store().alerts({})).toEqual([acknowledged]);
    const resolved = alert({ id: 'a1', status: 'resolved', resolvedAt: '2026-03-02T10:00:00Z', updatedAt: '2026-03-02T10:00:00Z', revision: 2 });
    await store().upsertAlert(resolved);
    await store().refresh();
    expect(await store().alerts({ statuses: ['open', 'acknowledged'] })).toEqual([]);
    expect(await store().alerts({ statuses: ['resolved'] })).toEqual([resolved]);
  });

  it('queries by kinds, brands, statuses and since; newest update first; limit', async () => {
    const all = [
      alert({ id: 'u-bahn', kind: 'unanswered', brand: 'bahn', updatedAt: '2026-03-02T09:00:00Z' }),
      alert({ id: 's-bahn', kind: 'shitstorm', brand: 'bahn', severity: 'critical', updatedAt: '2026-03-02T12:00:00Z' }),
      alert({ id: 'u-dhl', kind: 'unanswered', brand: 'dhl', status: 'acknowledged', updatedAt: '2026-03-02T10:00:00Z' }),
      alert({ id: 'c-telekom', kind: 'complaint', brand: 'telekom', status: 'resolved', updatedAt: '2026-03-02T11:00:00Z' }),
    ];
    for (const a of all) await store().upsertAlert(a);
    await store().refresh();
    const idsOf = async (q: Parameters<Store['alerts']>[0]) => (await store().alerts(q)).map((a) => a.id);
    expect(await idsOf({})).toEqual(['s-bahn', 'c-telekom', 'u-dhl', 'u-bahn']);
    expect(await idsOf({ kinds: ['unanswered'] })).toEqual(['u-dhl', 'u-bahn']);
    expect(await idsOf({ brands: ['bahn'] })).toEqual(['s-bahn', 'u-bahn']);
    expect(await idsOf({ statuses: ['open'] })).toEqual(['s-bahn', 'u-bahn']);
    expect(await idsOf({ since: '2026-03-02T10:00:00Z' })).toEqual(['s-bahn', 'c-telekom', 'u-dhl']);
    expect(await idsOf({ kinds: ['unanswered', 'shitstorm'], brands: ['bahn', 'dhl'], statuses: ['open'] })).toEqual(['s-bahn', 'u-bahn']);
    expect(await idsOf({ limit: 2 })).toEqual(['s-bahn', 'c-telekom']);
    expect(await idsOf({ kinds: [] })).toHaveLength(4);
    await expect(store().alerts({ limit: 0 })).rejects.toBeInstanceOf(StoreQueryError);
  });

  it('pages on from the last alert of a page, also through alerts updated at the same instant', async () => {
    const same = '2026-03-02T10:00:00Z';
    for (const id of ['b', 'a', 'c', 'd']) await store().upsertAlert(alert({ id, updatedAt: id === 'd' ? '2026-03-02T09:00:00Z' : same }));
    await store().refresh();
    const page = async (after?: { updatedAt: string; id: string }) => (await store().alerts({ limit: 2, ...(after ? { after } : {}) })).map((a) => a.id);
    expect(await page()).toEqual(['a', 'b']);
    expect(await page({ updatedAt: same, id: 'b' })).toEqual(['c', 'd']);
    expect(await page({ updatedAt: '2026-03-02T09:00:00Z', id: 'd' })).toEqual([]);
  });
}

function stateContract(makeStore: MakeStore): void {
  const store = freshStore(makeStore);

  it('puts, gets and overwrites JSON values; a missing key is undefined, a stored null is null', async () => {
    const value = { openThreads: [{ id: 'twitter:1', since: '2026-03-02T08:00:00.000Z' }], baseline: 3.5, ok: true, note: 'Grüße 👋' };
    await store().putState('detector.unanswered', 'bahn', value);
    expect(await store().getState('detector.unanswered', 'bahn')).toEqual(value);
    await store().putState('detector.unanswered', 'bahn', [1, 2, 3]);
    expect(await store().getState('detector.unanswered', 'bahn')).toEqual([1, 2, 3]);
    await store().putState('detector.unanswered', 'nothing', null);
    expect(await store().getState('detector.unanswered', 'nothing')).toBeNull();
    expect(await store().getState('detector.unanswered', 'missing')).toBeUndefined();
    expect(await store().getState('other', 'bahn')).toBeUndefined();
  });

  it('lists a namespace sorted by key, isolated from other namespaces, and deletes', async () => {
    await store().putState('checkpoints', 'twitter:ä/ö?&#', 'cursor-2');
    await store().putState('checkpoints', 'rss:https://example.org/feed', { etag: 'W/"1"' });
    await store().putState('checkpoints-other', 'x', 1);
    await store().putState('outbox', 'a', 'x');
    expect(await store().listState('checkpoints')).toEqual([
      { key: 'rss:https://example.org/feed', value: { etag: 'W/"1"' } },
      { key: 'twitter:ä/ö?&#', value: 'cursor-2' },
    ]);
    await store().deleteState('checkpoints', 'twitter:ä/ö?&#');
    await store().deleteState('checkpoints', 'never-existed');
    expect(await store().listState('checkpoints')).toEqual([{ key: 'rss:https://example.org/feed', value: { etag: 'W/"1"' } }]);
    expect(await store().getState('checkpoints', 'twitter:ä/ö?&#')).toBeUndefined();
    expect(await store().listState('empty')).toEqual([]);
  });

  it('refuses values JSON cannot represent', async () => {
    await expect(store().putState('ns', 'k', undefined)).rejects.toBeInstanceOf(TypeError);
  });
}
