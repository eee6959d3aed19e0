/**
 * Reader for the English complaints corpus (Preotiuc-Pietro et al., ACL 2019; research data).
 * Tweets keep Twitter's HTML escaping (`&amp;`), which we decode so the text matches what an ingestor delivers.
 * The `severity` column is optional per row: the shipped file leaves it empty everywhere, so `null` means
 * "not annotated" and is never read as 0.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import he from 'he';
import { z } from 'zod';
import { DatasetError } from './germeval.ts';

export interface ComplaintRow {
  id: string;
  text: string;
  complaint: boolean;
  /** 0 = none, 1..4 = no explicit reproach, disapproval, accusation, blame; null when not annotated. */
  severity: 0 | 1 | 2 | 3 | 4 | null;
  /** Industry, or `random_tweet` / `random_reply` for the corpus' extra negatives. */
  domain: string;
}

const Row = z.object({
  tweet_id: z.string().min(1),
  text: z.string(),
  complaint: z.enum(['0', '1']),
  domain: z.string().default(''),
  severity: z
    .string()
    .default('')
    .refine((s) => /^[0-4]?$/.test(s.trim()), 'severity must be empty or 0..4'),
});

export function parseComplaintsCsv(csv: string, source = 'complaints CSV'): ComplaintRow[] {
  const records: unknown[] = parse(csv, { columns: true, skip_empty_lines: true, relax_column_count: false, bom: true });
  return records.map((raw, i) => {
    const r = Row.safeParse(raw);
    if (!r.success) throw new DatasetError(`${source}: row ${i + 2}: ${r.error.issues[0]?.message ?? 'invalid'}`);
    const sev = r.data.severity.trim();
    return {
      id: r.data.tweet_id,
      text: he.decode(r.data.text).trim(),
      complaint: r.data.complaint === '1',
      severity: sev === '' ? null : (Number(sev) as 0 | 1 | 2 | 3 | 4),
      domain: r.data.domain,
    };
  });
}

export function readComplaintsCsv(file: string): ComplaintRow[] {
  return parseComplaintsCsv(readFileSync(file, 'utf8'), file);
}
