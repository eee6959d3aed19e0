/**
 * Rows whose cells do not fit the header. csv-parse reads them relaxed (a strict read would end the whole file at
 * the first one) and maps cells to header names by position, so an unquoted separator inside a text ("Koffer weg,
 * niemand meldet sich") cut the text there and pushed the rest into the next columns: a parent id made of words,
 * and the row counted as read (QA finding 5). Such a row is skipped with its reason instead, as any other bad row.
 */
import { z } from 'zod';
import type { CsvColumns } from './replay-csv-columns.ts';

/**
 * What csv-parse (`info: true`) tells of a record: `index` is its number of cells, and a relaxed count error carries
 * the cells as read. Validated, not cast: these are a library's fields, and a changed shape must not let rows through.
 */
const RecordInfo = z.object({
  index: z.number().int().nonnegative(),
  error: z.object({ record: z.array(z.unknown()).optional() }).passthrough().optional(),
});

/**
 * Why a record cannot be read as its header says, or undefined when it can. More cells than the header: skipped,
 * unless every extra cell is empty (a trailing separator loses nothing). Fewer: the missing columns are read as
 * empty, which is fine for optional ones, but a row that ends before its text column has no post to replay.
 */
export function cellCountProblem(info: unknown, headerCells: number, record: Record<string, string>, columns: CsvColumns): string | undefined {
  const parsed = RecordInfo.safeParse(info);
  if (!parsed.success) return 'its cells could not be counted (unexpected csv-parse record info)';
  const cells = parsed.data.index;
  if (cells === headerCells) return undefined;
  const counted = `${cells} cells where the header has ${headerCells}`;
  if (cells > headerCells) {
    const extra = parsed.data.error?.record?.slice(headerCells);
    if (extra !== undefined && extra.every((c) => typeof c === 'string' && c.trim() === '')) return undefined;
    return `${counted}, likely a separator inside an unquoted text: not read, as its cells cannot be placed (quote such a cell: "a, b")`;
  }
  const texts = [...columns.texts, ...(columns.title ? [columns.title] : [])];
  if (!texts.some((name) => name in record)) return `${counted}: the row ends before its text column "${texts[0] ?? 'text'}"`;
  return undefined;
}
