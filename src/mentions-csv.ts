/**
 * Mentions as a CSV file for analysts (`GET /api/mentions.csv`, `kundenradar search --csv`): RFC 4180 (comma,
 * CRLF, fields quoted when they hold a quote, comma or line break), UTF-8 with a byte order mark, without which
 * Excel reads the file as Windows-1252 and shows "Verspätung" as "VerspÃ¤tung".
 *
 * Written by hand rather than with csv-stringify: quoting is a few lines, and the one dependency we have for CSV
 * (csv-parse) only reads.
 */
import type { Classified } from './model.ts';
import type { SearchQuery, Store } from './store/port.ts';
import { MAX_PAGE_SIZE, MAX_RESULT_WINDOW } from './store/query.ts';

/** Most rows one export holds: the store's result window, which paging cannot go beyond. */
export const EXPORT_LIMIT = MAX_RESULT_WINDOW;

export const CSV_COLUMNS = ['id', 'createdAt', 'source', 'channel', 'brands', 'author', 'lang', 'complaint', 'severity', 'sentiment', 'intents', 'text', 'url'] as const;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV Injection"): = + - @, and tab or carriage return, which
 * some spreadsheets skip before reading the rest as one. The leading single quote makes it text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula starts defused, then quoted as RFC 4180 asks (a quote doubled inside quotes). */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Many values in one cell (brands, intents), separated by ";" so the cell needs no quotes for them. */
function joined(values: readonly string[]): string {
  return values.join(';');
}

export function mentionCsvRow(m: Classified): string {
  return csvLine([
    m.id,
    m.createdAt,
    m.source,
    m.channel,
    joined(m.brands),
    m.author.handle ?? m.author.name ?? m.author.id,
    m.lang,
    String(m.complaint.isComplaint),
    String(m.complaint.severity),
    m.sentiment.label,
    joined(m.intents),
    m.title ? `${m.title}\n${m.text}` : m.text,
    m.url ?? '',
  ]);
}

export interface MentionsCsv {
  /** All matches of the query, also those beyond the limit. */
  total: number;
  /** More matches than the file holds. */
  truncated: boolean;
  /** The file in pieces: byte order mark and header first, then a page of rows at a time. */
  chunks: AsyncIterable<string>;
}

/**
 * The matches of `query` (its own page, size and facets are ignored) as CSV, up to `limit` rows. The first page is
 * read before this returns, so `total` and `truncated` are known before anything is sent, and a query the store
 * refuses fails here rather than halfway through a response.
 */
export async function mentionsCsv(store: Store, query: SearchQuery, limit = EXPORT_LIMIT): Promise<MentionsCsv> {
  const { page: _page, size: _size, facets: _facets, ...filters } = query;
  const size = Math.min(MAX_PAGE_SIZE, limit);
  const first = await store.search({ ...filters, page: 0, size });
  const total = first.total;
  async function* chunks(): AsyncIterable<string> {
    yield BOM + csvLine(CSV_COLUMNS);
    // Posts arriving while the pages are read shift later pages: a post seen twice is written once.
    const written = new Set<string>();
    let page = first;
    for (let n = 0; ; ) {
      const rows = page.hits.filter((h) => !written.has(h.mention.id)).slice(0, limit - written.size);
      for (const h of rows) written.add(h.mention.id);
      if (rows.length > 0) yield rows.map((h) => mentionCsvRow(h.mention)).join('');
      n += 1;
      if (written.size >= limit || page.hits.length < size || n * size >= limit) break;
      page = await store.search({ ...filters, page: n, size });
    }
  }
  return { total, truncated: total > limit, chunks: chunks() };
}
