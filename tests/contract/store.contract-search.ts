/**
 * Contract specs for reading mentions: full text (German and English analysis), phrases, filters, facets, paging,
 * sorting. Run by storeContract() against every Store adapter over the same sample set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreQueryError } from '../../src/store/errors.ts';
import type { SearchQuery, Store } from '../../src/store/port.ts';
import { ids, mention, SAMPLE, sortedIds } from './store.fixtures.ts';

export type MakeStore = () => Promise<{ store: Store; cleanup(): Promise<void> }>;

export function searchContract(makeStore: MakeStore): void {
  // These specs only read, so one seeded store serves the whole block.
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

  const found = async (query: SearchQuery): Promise<string[]> => sortedIds((await store.search({ size: 200, ...query })).hits);

  describe('full text, German', () => {
    it.each([
      ['Verspätung', 'the exact word'],
      ['verspätung', 'lower case'],
      ['VERSPÄTUNG', 'upper case'],
      ['verspaetung', 'umlaut written as ae'],
      ['verspatung', 'umlaut dropped'],
      ['Verspätungen', 'the plural'],
      ['unertraeglich', 'adjective with ae'],
    ])('finds "Die Verspätung heute …" by %s (%s)', async (text) => {
      expect(await found({ text })).toEqual(['twitter:de-verspaetung']);
    });

    it('folds ß: "Strasse" and "straße" find "Straße"', async () => {
      expect(await found({ text: 'Strasse' })).toEqual(['facebook:de-strasse']);
      expect(await found({ text: 'straße' })).toEqual(['facebook:de-strasse']);
    });

    it('stems inflections: "Kündigungen", "Mahnungen", "Rechnungen"', async () => {
      expect(await found({ text: 'Kündigungen' })).toEqual(['facebook:de-mahnung']);
      expect(await found({ text: 'Mahnungen Rechnungen' })).toEqual(['facebook:de-mahnung']);
    });

    it('requires every word: "Verspätung Rechnung" finds nothing', async () => {
      expect(await found({ text: 'Verspätung Rechnung' })).toEqual([]);
    });

    it('finds the words of a handle with an underscore: "@telekom_hilft" by "telekom" and by "hilft"', async () => {
      // A post that names the brand only by its support handle must be found by the brand's word in both stores.
      expect(await found({ text: 'telekom' })).toEqual(['facebook:de-mahnung']);
      expect(await found({ text: 'hilft' })).toEqual(['facebook:de-mahnung']);
    });

    it('finds the words of a web address: "telekom.example/faq" by "example" and by "faq"', async () => {
      // The standard tokenizer keeps "telekom.example" as one word; the embedded store splits it (QA: a brand's
      // domain in a post made it a "Funkwelle" hit in one store only, and "-Funkwelle" let it through in the other).
      expect(await found({ text: 'example' })).toEqual(['facebook:de-mahnung']);
      expect(await found({ text: 'faq' })).toEqual(['facebook:de-mahnung']);
    });

    it('finds hashtags by their word: "#bahnchaos" and "bahnchaos"', async () => {
      expect(await found({ text: '#bahnchaos' })).toEqual(['twitter:de-verspaetung']);
      expect(await found({ text: 'bahnchaos' })).toEqual(['twitter:de-verspaetung']);
    });
  });

  describe('full text, English', () => {
    it.each(['delayed', 'delay', 'delays', 'Delaying'])('finds "My parcel was delayed …" by "%s"', async (text) => {
      expect(await found({ text })).toEqual(['twitter:en-delayed']);
    });

    it('stems "refunds" to "refund" and "customers" to "customer"', async () => {
      expect(await found({ text: 'refunds' })).toEqual(['rss:en-refund']);
      expect(await found({ text: 'customers' })).toEqual(['rss:en-refund']);
    });

    it('searches the title as well as the text', async () => {
      expect(await found({ text: 'great' })).toEqual(['rss:en-refund']);
    });

    it('requires every word: "parcel refund" finds nothing', async () => {
      expect(await found({ text: 'parcel refund' })).toEqual([]);
    });

    it('matches a word shared by both languages in each: "service"', async () => {
      expect(await found({ text: 'service' })).toEqual(['rss:en-refund']);
      expect(await found({ text: 'Kundenservice' })).toEqual(['twitter:de-verspaetung']);
    });
  });

  describe('phrases', () => {
    it('"keine Antwort" matches the words in order, „…“ quotes too', async () => {
      expect(await found({ text: '"keine Antwort"' })).toEqual(['twitter:de-verspaetung']);
      expect(await found({ text: '„keine Antwort“' })).toEqual(['twitter:de-verspaetung']);
      expect(await found({ text: '"Antwort keine"' })).toEqual([]);
    });

    it('"no reply" matches the words in order, with stemming inside the phrase', async () => {
      expect(await found({ text: '"no reply"' })).toEqual(['twitter:en-delayed']);
      expect(await found({ text: '"parcel was delaying"' })).toEqual(['twitter:en-delayed']);
      expect(await found({ text: '"reply no"' })).toEqual([]);
    });

    it('combines a phrase with words: "still waiting" style queries', async () => {
      expect(await found({ text: '"no reply" parcel' })).toEqual(['twitter:en-delayed']);
      expect(await found({ text: '"no reply" Rechnung' })).toEqual([]);
    });
  });

  describe('each post in its own language', () => {
    // A store of its own: the sample set above is shared by the read-only specs and its counts must not change.
    let own: Store;
    let cleanupOwn: () => Promise<void>;
    beforeAll(async () => {
      ({ store: own, cleanup: cleanupOwn } = await makeStore());
      await own.upsertMentions([
        mention({ id: 'twitter:de-offen', text: 'Mein Ticket ist seit Tagen offen.', createdAt: '2026-03-02T08:00:00Z' }),
        mention({ id: 'twitter:en-offer', text: 'Great offer on broadband this week.', createdAt: '2026-03-02T09:00:00Z', lang: 'en' }),
        mention({ id: 'twitter:other-mix', text: 'Verspätungen und delays, c’est la vie.', createdAt: '2026-03-02T10:00:00Z', lang: 'other' }),
      ]);
      await own.refresh();
    });
    afterAll(async () => {
      await cleanupOwn?.();
    });
    const foundOwn = async (text: string): Promise<string[]> => sortedIds((await own.search({ size: 50, text })).hits);

    it('matches a German post by German stems and an English post by English stems only ("offen" finds no "offer")', async () => {
      // German stem of both "offen" and "offer" is "off": matching every post both ways found the English offer.
      expect(await foundOwn('offen')).toEqual(['twitter:de-offen']);
      // The query's own language is unknown, so "offer" is still read the German way in German posts (stem "off").
      expect(await foundOwn('offer')).toEqual(['twitter:de-offen', 'twitter:en-offer']);
      expect(await foundOwn('-offen')).toEqual(['twitter:en-offer', 'twitter:other-mix']);
      expect(await foundOwn('"ist seit Tagen offen"')).toEqual(['twitter:de-offen']);
    });

    it('matches a post in neither language by either analysis', async () => {
      expect(await foundOwn('Verspätung')).toEqual(['twitter:other-mix']);
      expect(await foundOwn('delayed')).toEqual(['twitter:other-mix']);
    });

    it('finds prefixes in every post whatever its language', async () => {
      expect(await foundOwn('off*')).toEqual(['twitter:de-offen', 'twitter:en-offer']);
    });
  });

  it('text without a searchable word matches nothing rather than everything', async () => {
    const page = await store.search({ text: '?! …' });
    expect(page.total).toBe(0);
    expect(page.hits).toEqual([]);
  });

  describe('search syntax', () => {
    const all = sortedIds(SAMPLE);
    const allBut = (...excluded: string[]): string[] => all.filter((id) => !excluded.includes(id));

    it('A OR B (also | and A|B) finds posts with either, each word stemmed and folded as usual', async () => {
      for (const text of ['Verspätung OR Mahnung', 'verspaetungen | Mahnungen', 'Verspätung|Mahnung']) {
        expect(await found({ text })).toEqual(['facebook:de-mahnung', 'twitter:de-verspaetung']);
      }
      expect(await found({ text: 'delayed OR Verspätungen' })).toEqual(['twitter:de-verspaetung', 'twitter:en-delayed']);
      expect(await found({ text: '"no reply" OR "keine Antwort"' })).toEqual(['twitter:de-verspaetung', 'twitter:en-delayed']);
    });

    it('OR binds tighter than the implicit AND: "Antwort Verspätung OR Mahnung" is Antwort AND (Verspätung OR Mahnung)', async () => {
      expect(await found({ text: 'Antwort Verspätung OR Mahnung' })).toEqual(['twitter:de-verspaetung']);
      expect(await found({ text: 'Antwort AND Verspätung OR Mahnung' })).toEqual(['twitter:de-verspaetung']);
    });

    it('AND and && between words change nothing: words are all required anyway', async () => {
      for (const text of ['Antwort AND Verspätung', 'Antwort && Verspätung', 'Antwort & Verspätung']) {
        expect(await found({ text }), text).toEqual(await found({ text: 'Antwort Verspätung' }));
      }
      expect(await found({ text: 'Antwort && Verspätung' })).toEqual(['twitter:de-verspaetung']);
    });

    it('lower-case or/not are plain words', async () => {
      expect(await found({ text: 'Verspätung or Mahnung' })).toEqual([]);
      expect(await found({ text: 'Mahnung not' })).toEqual([]);
    });

    it('-word, -"phrase" and NOT word exclude, with the same stemming and folding as required words', async () => {
      expect(await found({ text: 'Antwort OR refund -Kundenservice' })).toEqual(['rss:en-refund']);
      expect(await found({ text: 'Antwort OR refund NOT Kundenservices' })).toEqual(['rss:en-refund']);
      expect(await found({ text: 'delay -"no reply"' })).toEqual([]);
      expect(await found({ text: 'delay -"reply no"' })).toEqual(['twitter:en-delayed']);
      expect(await found({ text: 'Mahnung -verspaetungen' })).toEqual(['facebook:de-mahnung']);
    });

    it('a text of exclusions only matches every other post, with filters, facets and histogram', async () => {
      expect(await found({ text: 'NOT Verspätung' })).toEqual(allBut('twitter:de-verspaetung'));
      expect(await found({ text: '-Verspätungen -"no reply"' })).toEqual(allBut('twitter:de-verspaetung', 'twitter:en-delayed'));
      expect(await found({ text: '-Verspätung', brands: ['bahn'] })).toEqual(['facebook:de-strasse', 'twitter:de-antwort-bahn']);
      const page = await store.search({ text: '-Mahnung', facets: ['brands'] });
      expect(page.total).toBe(SAMPLE.length - 1);
      expect(page.facets.brands).toEqual([
        { value: 'bahn', count: 3 },
        { value: 'dhl', count: 2 },
      ]);
      const buckets = await store.histogram({ interval: '1w', text: '-Mahnung' });
      expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(SAMPLE.length - 1);
    });

    it('exclusions only: nothing to score, so relevance falls back to newest and hits carry no score', async () => {
      const page = await store.search({ text: '-Mahnung', sort: 'relevance' });
      expect(ids(page.hits)).toEqual(['rss:en-refund', 'facebook:de-strasse', 'twitter:en-delayed', 'twitter:de-antwort-bahn', 'twitter:de-verspaetung']);
      expect(page.hits.every((h) => h.score === undefined)).toBe(true);
    });

    it('word* matches words starting with it, unstemmed, case- and umlaut-insensitive, in text and title', async () => {
      for (const text of ['Verspät*', 'verspaet*', 'VERSPATU*', 'Verspätung*']) {
        expect(await found({ text })).toEqual(['twitter:de-verspaetung']);
      }
      expect(await found({ text: 'Kund*' })).toEqual(['facebook:de-mahnung', 'twitter:de-verspaetung']);
      expect(await found({ text: 'Straß*' })).toEqual(['facebook:de-strasse']);
      expect(await found({ text: 'Stras*' })).toEqual(['facebook:de-strasse']);
      expect(await found({ text: 'grea*' })).toEqual(['rss:en-refund']);
      expect(await found({ text: 'Mahn* OR parc*' })).toEqual(['facebook:de-mahnung', 'twitter:en-delayed']);
      expect(await found({ text: '-Kund*' })).toEqual(allBut('facebook:de-mahnung', 'twitter:de-verspaetung'));
      expect(await found({ text: 'Verspätungx*' })).toEqual([]);
    });

    it('a lone - or * is ignored; an unbalanced quote is plain text', async () => {
      expect(await found({ text: 'Verspätung - *' })).toEqual(['twitter:de-verspaetung']);
      expect(await found({ text: '"keine Antwort' })).toEqual(['twitter:de-verspaetung']);
    });

    it.each([
      ['Verspätung OR', 'OR needs a word or phrase on both sides'],
      ['OR Verspätung', 'OR needs a word or phrase on both sides'],
      ['Verspätung OR -Mahnung', 'OR cannot join an excluded term'],
      ['NOT Verspätung OR Mahnung', 'OR cannot join an excluded term'],
      ['Verspätung NOT', 'NOT needs a word or phrase after it'],
      ['Verspätung AND', 'AND needs a word or phrase on both sides'],
      ['Verspätung &&', 'AND needs a word or phrase on both sides'],
      ['(Verspätung Antwort) OR Mahnung', 'parentheses are not supported'],
      ['V*', 'at least 2 letters'],
      ['Ver*ung', '* marks a prefix at the end of a single word'],
      ['"Verspät*"', '* inside quotes'],
    ])('refuses %s with StoreQueryError (%s) rather than searching something else', async (text, reason) => {
      const error = await store.search({ text }).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(StoreQueryError);
      expect((error as Error).message).toContain(reason);
      await expect(store.histogram({ interval: '1d', text })).rejects.toBeInstanceOf(StoreQueryError);
    });
  });

  describe('filters', () => {
    it('brands: any of the listed brands', async () => {
      expect(await found({ brands: ['telekom'] })).toEqual(['facebook:de-mahnung']);
      expect(await found({ brands: ['dhl', 'telekom'] })).toEqual(['facebook:de-mahnung', 'rss:en-refund', 'twitter:en-delayed']);
    });

    it('sources, languages, sentiments', async () => {
      expect(await found({ sources: ['rss'] })).toEqual(['rss:en-refund']);
      expect(await found({ langs: ['en'] })).toEqual(['rss:en-refund', 'twitter:en-delayed']);
      expect(await found({ sentiments: ['positive'] })).toEqual(['facebook:de-strasse', 'rss:en-refund']);
    });

    it('complaint true and false', async () => {
      expect(await found({ complaint: true })).toEqual(['facebook:de-mahnung', 'twitter:de-verspaetung', 'twitter:en-delayed']);
      expect(await found({ complaint: false })).toEqual(['facebook:de-strasse', 'rss:en-refund', 'twitter:de-antwort-bahn']);
    });

    it('intents: any of the listed intents', async () => {
      expect(await found({ intents: ['billing'] })).toEqual(['facebook:de-mahnung']);
      expect(await found({ intents: ['cancellation_threat', 'delivery'] })).toEqual([
        'facebook:de-mahnung',
        'twitter:de-verspaetung',
        'twitter:en-delayed',
      ]);
    });

    it('from is inclusive and to exclusive', async () => {
      expect(await found({ from: '2026-03-02T09:30:00Z', to: '2026-03-04T11:00:00Z' })).toEqual(['facebook:de-strasse', 'twitter:en-delayed']);
      expect(await found({ from: '2026-03-02T09:20:00+01:00', to: '2026-03-02T09:30:00.001Z' })).toEqual([
        'twitter:de-antwort-bahn',
        'twitter:en-delayed',
      ]);
    });

    it('byBrand separates brand replies from customer posts', async () => {
      expect(await found({ byBrand: true })).toEqual(['twitter:de-antwort-bahn']);
      expect((await found({ byBrand: false })).length).toBe(SAMPLE.length - 1);
    });

    it('threadRootId returns the whole conversation', async () => {
      expect(await found({ threadRootId: 'twitter:de-verspaetung' })).toEqual(['twitter:de-antwort-bahn', 'twitter:de-verspaetung']);
    });

    it('severities: any of the listed levels; 0 is the posts that are no complaint', async () => {
      expect(await found({ severities: [3] })).toEqual(['facebook:de-mahnung']);
      expect(await found({ severities: [2, 4] })).toEqual(['twitter:de-verspaetung', 'twitter:en-delayed']);
      expect(await found({ severities: [0] })).toEqual(['facebook:de-strasse', 'rss:en-refund', 'twitter:de-antwort-bahn']);
      expect(await found({ severities: [1] })).toEqual([]);
    });

    it('channels: any of the listed channels', async () => {
      expect(await found({ channels: ['page_comment'] })).toEqual(['facebook:de-mahnung', 'facebook:de-strasse']);
      expect(await found({ channels: ['reply', 'review'] })).toEqual(['rss:en-refund', 'twitter:de-antwort-bahn']);
      expect(await found({ channels: ['news'] })).toEqual([]);
    });

    it('severities and channels combine with the other filters and the text', async () => {
      expect(await found({ channels: ['page_comment'], severities: [3], brands: ['telekom'] })).toEqual(['facebook:de-mahnung']);
      expect(await found({ text: 'Mahnung', severities: [2] })).toEqual([]);
      expect(await found({ text: 'Danke', channels: ['page_comment'] })).toEqual(['facebook:de-strasse']);
      expect((await store.search({ severities: [], channels: [] })).total).toBe(SAMPLE.length);
    });

    it.each([[[5]], [[-1]], [[1.5]], [[300]]])('refuses severity %j with StoreQueryError, in search and histogram', async (severities) => {
      await expect(store.search({ severities })).rejects.toBeInstanceOf(StoreQueryError);
      await expect(store.histogram({ interval: '1d', severities })).rejects.toBeInstanceOf(StoreQueryError);
    });

    it('filters combine with AND, also with text', async () => {
      expect(await found({ brands: ['bahn'], complaint: true })).toEqual(['twitter:de-verspaetung']);
      expect(await found({ text: 'Kundenservice', langs: ['en'] })).toEqual([]);
      expect(await found({ text: 'delay', brands: ['dhl'], sentiments: ['negative'] })).toEqual(['twitter:en-delayed']);
    });

    it('an empty list does not restrict (nothing picked)', async () => {
      expect((await store.search({ brands: [], intents: [], langs: [] })).total).toBe(SAMPLE.length);
    });

    it('rejects a malformed date with StoreQueryError', async () => {
      await expect(store.search({ from: 'gestern' })).rejects.toBeInstanceOf(StoreQueryError);
    });
  });

  describe('facets', () => {
    it('count over all matches, not only the page, most frequent first', async () => {
      const page = await store.search({ size: 1, facets: ['brands', 'langs', 'complaint', 'intents', 'sources', 'sentiments'] });
      expect(page.hits).toHaveLength(1);
      expect(page.facets.brands).toEqual([
        { value: 'bahn', count: 3 },
        { value: 'dhl', count: 2 },
        { value: 'telekom', count: 1 },
      ]);
      expect(page.facets.langs).toEqual([
        { value: 'de', count: 4 },
        { value: 'en', count: 2 },
      ]);
      expect(page.facets.complaint).toEqual([
        { value: 'false', count: 3 },
        { value: 'true', count: 3 },
      ]);
      expect(page.facets.intents).toEqual([
        { value: 'delivery', count: 2 },
        { value: 'support_unreachable', count: 2 },
        { value: 'billing', count: 1 },
        { value: 'cancellation_threat', count: 1 },
      ]);
      expect(page.facets.sources).toEqual([
        { value: 'twitter', count: 3 },
        { value: 'facebook', count: 2 },
        { value: 'rss', count: 1 },
      ]);
      expect(page.facets.sentiments).toEqual([
        { value: 'negative', count: 3 },
        { value: 'positive', count: 2 },
        { value: 'neutral', count: 1 },
      ]);
    });

    it('severities (as text, "0" for no complaint) and channels', async () => {
      const page = await store.search({ size: 1, facets: ['severities', 'channels'] });
      expect(page.facets.severities).toEqual([{ value: '0', count: 3 }, { value: '2', count: 2 }, { value: '3', count: 1 }]);
      expect(page.facets.channels).toEqual([{ value: 'page_comment', count: 2 }, { value: 'post', count: 2 }, { value: 'reply', count: 1 }, { value: 'review', count: 1 }]);
      const complaints = await store.search({ complaint: true, facets: ['severities', 'channels'] });
      expect(complaints.facets.severities).toEqual([{ value: '2', count: 2 }, { value: '3', count: 1 }]);
      expect(complaints.facets.channels).toEqual([{ value: 'post', count: 2 }, { value: 'page_comment', count: 1 }]);
    });

    it('follow the filters and the text', async () => {
      const page = await store.search({ text: 'Verspätung', facets: ['brands'] });
      expect(page.facets.brands).toEqual([{ value: 'bahn', count: 1 }]);
      const none = await store.search({ text: 'Wasserrohrbruch', facets: ['brands'] });
      expect(none.facets.brands).toEqual([]);
      const negative = await store.search({ sentiments: ['negative'], facets: ['brands', 'langs'] });
      expect(negative.facets.brands).toEqual([
        { value: 'bahn', count: 1 },
        { value: 'dhl', count: 1 },
        { value: 'telekom', count: 1 },
      ]);
      expect(negative.facets.langs).toEqual([
        { value: 'de', count: 2 },
        { value: 'en', count: 1 },
      ]);
    });

    it('only the facets asked for', async () => {
      const page = await store.search({ facets: ['langs'] });
      expect(Object.keys(page.facets)).toEqual(['langs']);
    });
  });

  describe('paging and sorting', () => {
    it('pages through all matches without gaps or repeats; total stays the same', async () => {
      const pages = await Promise.all([0, 1, 2, 3].map((page) => store.search({ size: 2, page })));
      expect(pages.map((p) => p.total)).toEqual([6, 6, 6, 6]);
      expect(pages.map((p) => p.hits.length)).toEqual([2, 2, 2, 0]);
      expect(pages[1]?.page).toBe(1);
      expect(pages[1]?.size).toBe(2);
      const all = pages.flatMap((p) => ids(p.hits));
      expect(new Set(all).size).toBe(6);
    });

    it('defaults to 20 per page, newest first without text', async () => {
      const page = await store.search({});
      expect(page.size).toBe(20);
      expect(ids(page.hits)[0]).toBe('facebook:de-mahnung');
    });

    it('newest and oldest order by createdAt', async () => {
      const newest = ids((await store.search({ sort: 'newest' })).hits);
      const oldest = ids((await store.search({ sort: 'oldest' })).hits);
      expect(newest).toEqual([
        'facebook:de-mahnung',
        'rss:en-refund',
        'facebook:de-strasse',
        'twitter:en-delayed',
        'twitter:de-antwort-bahn',
        'twitter:de-verspaetung',
      ]);
      expect(oldest).toEqual([...newest].reverse());
    });

    it('relevance with text reports a score per hit; without text it falls back to newest', async () => {
      const page = await store.search({ text: 'Antwort', sort: 'relevance' });
      expect(ids(page.hits)).toEqual(['twitter:de-verspaetung']);
      expect(page.hits[0]?.score).toBeGreaterThan(0);
      const noText = await store.search({ sort: 'relevance' });
      expect(ids(noText.hits)[0]).toBe('facebook:de-mahnung');
    });

    it('refuses bad paging with StoreQueryError', async () => {
      await expect(store.search({ size: 0 })).rejects.toBeInstanceOf(StoreQueryError);
      await expect(store.search({ size: 201 })).rejects.toBeInstanceOf(StoreQueryError);
      await expect(store.search({ page: -1 })).rejects.toBeInstanceOf(StoreQueryError);
      await expect(store.search({ page: 100, size: 200 })).rejects.toBeInstanceOf(StoreQueryError);
    });
  });
}
