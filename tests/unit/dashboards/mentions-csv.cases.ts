/**
 * The HTTP specs of the CSV export `GET /api/mentions.csv`, run against every Store adapter like the store contract:
 * the embedded SQLite store (mentions-csv.test.ts) and a real Elasticsearch node
 * (tests/integration/mentions-csv.elasticsearch.test.ts). The file is written page by page from the store's search,
 * so its rows, their order, the analysis behind `q` and the cut at the limit must come out the same on both.
 */
import { parse as parseQueryString } from 'node:querystring';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type DashboardDeps } from '../../../dashboards/app.ts';
import { exportQueryFrom, MentionExportParams, parseInput } from '../../../dashboards/params.ts';
import { CSV_COLUMNS } from '../../../src/mentions-csv.ts';
import { Classified } from '../../../src/model.ts';
import type { Store } from '../../../src/store/port.ts';
import type { MakeStore } from '../../contract/store.contract-search.ts';
import { ids, SAMPLE } from '../../contract/store.fixtures.ts';
import { demoConfig, post, seedDashboardStore, serve, type Served } from './fixtures.ts';

/** Spelled out rather than built from CSV_COLUMNS: the column order is what analysts' spreadsheets rely on. */
const HEADER = 'id,createdAt,source,channel,brands,author,lang,complaint,severity,sentiment,intents,text,url';

/** A post as the dashboard fixtures write it, with its own severity and channel. */
function classified(spec: Parameters<typeof post>[0], now: Date, extra: { severity?: number; channel?: Classified['channel'] } = {}): Classified {
  const m = post(spec, now);
  return Classified.parse({
    ...m,
    ...(extra.channel ? { channel: extra.channel } : {}),
    complaint: { ...m.complaint, severity: extra.severity ?? m.complaint.severity },
  });
}

/** Cells a CSV writer gets wrong: quotes, commas and a line break in one text, formula starts, umlauts and €. */
export function trickyPosts(now: Date): Classified[] {
  return [
    classified(
      { id: 'csv-quote', brand: 'flinkpost', minutesAgo: 7, text: 'Paket "zugestellt", sagt ihr?\nBei mir: nichts. Größte Frechheit!', cues: ['Frechheit'], intents: ['delivery'] },
      now,
      { severity: 3, channel: 'page_comment' },
    ),
    classified({ id: 'csv-formula', brand: 'flinkpost', minutesAgo: 8, text: '=HYPERLINK("http://evil.example","Paket")', cues: ['Paket'] }, now, { severity: 4, channel: 'review' }),
    classified({ id: 'csv-at', brand: 'flinkpost', minutesAgo: 9, author: '@kathi', text: '@flinkpost -5 € Gutschrift? +1 für die Idee', cues: ['Gutschrift'] }, now, { severity: 1 }),
  ];
}

export interface CsvResponse {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
  rows: string[];
}

export async function getCsv(url: string, query: string): Promise<CsvResponse> {
  const res = await fetch(`${url}/api/mentions.csv?${query}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  // Rows end in CRLF; a line break inside a quoted cell is a bare LF (the post's own).
  return { status: res.status, headers: res.headers, bytes, text, rows: text.replace(/^\uFEFF/, '').split('\r\n').slice(0, -1) };
}

/** The id cell of each data row (ids hold no comma or quote, so the first comma ends the cell). */
function rowIds(csv: CsvResponse): string[] {
  return csv.rows.slice(1).map((r) => r.slice(0, r.indexOf(',')));
}

/**
 * The mentions.csv specs on the stores `makeStore` opens: one store seeded with the dashboard demo, the tricky posts
 * and the contract's SAMPLE (fixed dates in March 2026, for time ranges), and a fresh one for the 10,000-row cap.
 */
export function mentionsCsvSuite(name: string, makeStore: MakeStore): void {
  describe(`GET /api/mentions.csv on ${name}`, () => {
    let store: Store;
    let cleanup: (() => Promise<void>) | undefined;
    const running: Served[] = [];

    beforeAll(async () => {
      ({ store, cleanup } = await makeStore());
      const now = new Date();
      await store.upsertMentions([...trickyPosts(now), ...SAMPLE]);
      // Also refreshes, so Elasticsearch searches see every post written here.
      await seedDashboardStore(store, now);
    });
    afterEach(async () => {
      await Promise.all(running.splice(0).map((s) => s.close()));
    });
    afterAll(async () => {
      await cleanup?.();
    });

    async function start(overrides: Partial<DashboardDeps> = {}): Promise<string> {
      const served = await serve(createApp({ store, config: demoConfig(), secrets: {}, ...overrides }));
      running.push(served);
      return served.url;
    }

    /** Every match of the export's query string as one store search gives them (fewer than a page here). */
    async function searched(query: string): Promise<{ total: number; ids: string[] }> {
      const page = await store.search({ ...exportQueryFrom(parseInput(MentionExportParams, parseQueryString(query))), size: 200 });
      expect(page.total).toBeLessThanOrEqual(200);
      return { total: page.total, ids: ids(page.hits) };
    }

    it('starts with a UTF-8 byte order mark and the header, one CRLF row per match, as an attachment', async () => {
      const url = await start();
      const all = await (await fetch(`${url}/api/mentions?size=1`)).json();
      const csv = await getCsv(url, '');
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="kundenradar-\d{4}-\d\d-\d\d\.csv"$/);
      expect(csv.headers.get('x-kundenradar-truncated')).toBeNull();
      expect(csv.headers.get('x-kundenradar-total')).toBe(String(all.total));
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.rows[0]).toBe(HEADER);
      expect(csv.rows[0]).toBe(CSV_COLUMNS.join(','));
      expect(csv.rows).toHaveLength(all.total + 1);
      expect(csv.text).toContain('Lieferung von Flinkpost heute super pünktlich');
    });

    it('quotes cells with quotes, commas and line breaks (RFC 4180), a title on its own line, and keeps umlauts', async () => {
      const url = await start();
      const csv = await getCsv(url, 'severity=3&channel=page_comment&brand=flinkpost');
      expect(csv.rows).toHaveLength(2);
      const [id, createdAt, ...rest] = (csv.rows[1] ?? '').split(',');
      expect(id).toBe('twitter:csv-quote');
      expect(Date.parse(createdAt ?? '')).not.toBeNaN();
      expect(rest.join(',')).toBe(
        'twitter,page_comment,flinkpost,kunde_csv-quote,de,true,3,negative,delivery,"Paket ""zugestellt"", sagt ihr?\nBei mir: nichts. Größte Frechheit!",https://example.org/twitter/csv-quote',
      );
      const march = await getCsv(url, 'from=2026-03-02&to=2026-03-06&sort=oldest');
      expect(march.rows.slice(1)).toEqual([
        'twitter:de-verspaetung,2026-03-02T08:01:00.000Z,twitter,post,bahn,Kundin K.,de,true,2,negative,delivery;support_unreachable,"Die Verspätung heute war wieder unerträglich, und keine Antwort vom Kundenservice. #bahnchaos",https://example.org/twitter%3Ade-verspaetung',
        "twitter:de-antwort-bahn,2026-03-02T08:20:00.000Z,twitter,reply,bahn,'@brand,de,false,0,neutral,,Das tut uns leid! Bitte schreib uns eine DM mit deiner Buchungsnummer.,https://example.org/twitter%3Ade-antwort-bahn",
        'twitter:en-delayed,2026-03-02T09:30:00.000Z,twitter,post,dhl,Kundin K.,en,true,2,negative,delivery;support_unreachable,My parcel was delayed again and still no reply from support.,https://example.org/twitter%3Aen-delayed',
        'facebook:de-strasse,2026-03-03T10:00:00.000Z,facebook,page_comment,bahn,Kundin K.,de,false,0,positive,,"Danke für die schnelle Hilfe, die Straße war gesperrt, aber alles gut.",https://example.org/facebook%3Ade-strasse',
        'rss:en-refund,2026-03-04T11:00:00.000Z,rss,review,dhl,Kundin K.,en,false,0,positive,,"Great service\nThanks for the quick refund, the customer service was friendly.",https://example.org/rss%3Aen-refund',
        `facebook:de-mahnung,2026-03-05T12:00:00.000Z,facebook,page_comment,telekom,Kundin K.,de,true,3,negative,billing;cancellation_threat,"'@telekom_hilft Mahnung erhalten, obwohl die Rechnung längst bezahlt ist. Ich drohe mit Kündigung! Siehe telekom.example/faq",https://example.org/facebook%3Ade-mahnung`,
      ]);
    });

    it('defuses cells a spreadsheet would run as a formula (= + - @) with a leading single quote', async () => {
      const url = await start();
      const formula = await getCsv(url, 'severity=4');
      expect(rowIds(formula)).toEqual(['twitter:csv-formula']);
      expect(formula.rows[1]).toContain(`,"'=HYPERLINK(""http://evil.example"",""Paket"")",`);
      const at = await getCsv(url, 'severity=1');
      expect(rowIds(at)).toEqual(['twitter:csv-at']);
      // The author handle and the text both start with @; the - and + inside the text are left alone.
      expect(at.rows[1]).toContain(",'@kathi,");
      expect(at.rows[1]).toContain(",'@flinkpost -5 € Gutschrift? +1 für die Idee,");
    });

    it.each([
      ['q=Paket&brand=flinkpost&complaint=true&sort=oldest', undefined],
      ['q=Verspätung', ['twitter:de-verspaetung']],
      ['q=strasse', ['facebook:de-strasse']],
      ['severity=3,4', ['facebook:de-mahnung', 'twitter:csv-formula', 'twitter:csv-quote']],
      ['channel=page_comment&channel=review&sort=oldest', ['facebook:de-mahnung', 'facebook:de-strasse', 'rss:en-refund', 'twitter:csv-formula', 'twitter:csv-quote']],
      ['brand=netzwerk-nord&sentiment=neutral', undefined],
      ['lang=en&complaint=true', ['twitter:200', 'twitter:en-delayed']],
      ['from=2026-03-02T09:00:00Z&to=2026-03-04T11:00:00Z', ['facebook:de-strasse', 'twitter:en-delayed']],
      // Days in Berlin: 3 March 00:00 CET is 2 March 23:00 UTC, so the 4 March 11:00 UTC review is the last one in.
      ['from=2026-03-03&to=2026-03-05&tz=Europe/Berlin&sort=oldest', ['facebook:de-strasse', 'rss:en-refund']],
    ])('gives the rows of the store search, in its order, for %s', async (query, expected) => {
      const url = await start();
      const csv = await getCsv(url, query);
      const search = await searched(query);
      expect(csv.status).toBe(200);
      expect(search.total).toBeGreaterThan(0);
      expect(rowIds(csv)).toEqual(search.ids);
      expect(csv.headers.get('x-kundenradar-total')).toBe(String(search.total));
      if (expected) expect(rowIds(csv).sort()).toEqual(expected);
    });

    it('refuses a search text, brand or parameter the search would refuse, with 400 before any row', async () => {
      const url = await start();
      const refused = await fetch(`${url}/api/mentions.csv?q=Paket%20OR`);
      expect(refused.status).toBe(400);
      const unknownBrand = await fetch(`${url}/api/mentions.csv?brand=nosuch`);
      expect(unknownBrand.status).toBe(400);
      const paged = await fetch(`${url}/api/mentions.csv?page=2`);
      expect(((await paged.json()) as { issues: string[] }).issues.join()).toMatch(/unknown field\(s\) page/);
    });

    it('stops at the export limit and says so in X-Kundenradar-Truncated; exactly the limit is not cut', async () => {
      const url = await start({ exportLimit: 3 });
      const search = await searched('brand=flinkpost&sort=oldest');
      const capped = await getCsv(url, 'brand=flinkpost&sort=oldest');
      expect(capped.headers.get('x-kundenradar-truncated')).toBe('true');
      expect(capped.headers.get('x-kundenradar-total')).toBe(String(search.total));
      expect(rowIds(capped)).toEqual(search.ids.slice(0, 3));
      const exact = await getCsv(url, 'severity=3,4');
      expect(exact.headers.get('x-kundenradar-truncated')).toBeNull();
      expect(exact.rows).toHaveLength(4);
    });

    it('gives the header alone for a store without any post', async () => {
      const empty = await makeStore();
      try {
        const url = await start({ store: empty.store });
        const csv = await getCsv(url, 'q=Paket');
        expect(csv.status).toBe(200);
        expect(csv.headers.get('x-kundenradar-total')).toBe('0');
        expect(csv.text).toBe(`\uFEFF${HEADER}\r\n`);
      } finally {
        await empty.cleanup();
      }
    });

    it('holds 10,000 rows at most by default, paging to the end of the result window', async () => {
      const bulk = await makeStore();
      try {
        const now = new Date();
        const posts = Array.from({ length: 10_003 }, (_, i) => post({ id: `bulk-${i}`, brand: 'flinkpost', minutesAgo: i, text: `Beitrag ${i}` }, now));
        await bulk.store.upsertMentions(posts);
        await bulk.store.refresh();
        const url = await start({ store: bulk.store });
        const capped = await getCsv(url, '');
        expect(capped.headers.get('x-kundenradar-truncated')).toBe('true');
        expect(capped.headers.get('x-kundenradar-total')).toBe('10003');
        expect(capped.rows).toHaveLength(10_001);
        const rows = rowIds(capped);
        expect(new Set(rows).size).toBe(10_000);
        expect(rows[0]).toBe('twitter:bulk-0');
        expect(rows.at(-1)).toBe('twitter:bulk-9999');
        // Sorted by relevance, where every post scores alike (or per index alike): pages must still not overlap.
        const relevant = await getCsv(url, 'q=Beitrag');
        expect(relevant.headers.get('x-kundenradar-truncated')).toBe('true');
        expect(new Set(rowIds(relevant)).size).toBe(10_000);
        const under = await getCsv(url, 'q=42');
        expect(under.headers.get('x-kundenradar-truncated')).toBeNull();
        expect(rowIds(under)).toEqual(['twitter:bulk-42']);
      } finally {
        await bulk.cleanup();
      }
    }, 180_000);
  });
}
