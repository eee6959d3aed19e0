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
import { ID_COLUMNS, TEXT_COLUMNS, normaliseHeader } from './csv-columns.ts';

export interface ComplaintRow {
  id: string;
  text: string;
  complaint: boolean;
  /** 0 = none, 1..4 = no explicit reproach, disapproval, accusation, blame; null when not annotated. */
  severity: 0 | 1 | 2 | 3 | 4 | null;
  /** Industry, or `random_tweet` / `random_reply` for the corpus' extra negatives. */
  domain: string;
}

/**
 * Column names other labelled exports use for the same things (matched case-insensitively), so a file labelled
 * elsewhere can be scored as it is: the corpus' own names come first.
 */
const COLUMNS = {
  id: ['tweet_id', ...ID_COLUMNS.filter((n) => n !== 'tweet_id'), 'doc_id'],
  text: [...TEXT_COLUMNS, 'post', 'comment'],
  label: ['complaint', 'is_complaint', 'label', 'class', 'gold'],
  lang: ['lang', 'language'],
};

// Label values: 1/0 as in the corpus, and the spellings other annotation tools write.
const TRUE_LABELS = new Set(['1', 'true', 'yes', 'y', 'complaint', 'c']);
const FALSE_LABELS = new Set(['0', 'false', 'no', 'n', 'not_complaint', 'not complaint', 'non-complaint', 'non_complaint', 'no_complaint', 'none', 'other']);

const Severity = z
  .string()
  .default('')
  .refine((s) => /^[0-4]?$/.test(s.trim()), 'severity must be empty or 0..4');

export interface ComplaintRowWithLang extends ComplaintRow {
  /** The file's own language tag for the row (`lang`/`language` column), lower-cased; undefined when absent. */
  lang?: string;
}

function pickColumn(header: readonly string[], names: readonly string[]): string | undefined {
  const lower = header.map(normaliseHeader);
  for (const n of names) {
    const i = lower.indexOf(n);
    if (i >= 0) return header[i];
  }
  return undefined;
}

/**
 * The separator of the file's header: German spreadsheets save `;`, some tools tabs. The one under which the
 * header names a text and a label column; a comma when none does (the error then lists the header as read).
 */
function headerDelimiter(csv: string): ',' | ';' | '\t' {
  const header = csv.replace(/^\uFEFF/u, '').split(/\r?\n/u).find((line) => line.trim().length > 0) ?? '';
  for (const delimiter of [',', ';', '\t'] as const) {
    const names = header.split(delimiter).map((n) => n.replace(/^"|"$/gu, ''));
    if (pickColumn(names, COLUMNS.text) && pickColumn(names, COLUMNS.label)) return delimiter;
  }
  return ',';
}

export function parseComplaintsCsv(csv: string, source = 'complaints CSV'): ComplaintRowWithLang[] {
  const delimiter = headerDelimiter(csv);
  const records: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true, relax_column_count: false, bom: true, delimiter });
  if (records.length === 0) return [];
  const header = Object.keys(records[0] ?? {});
  const textCol = pickColumn(header, COLUMNS.text);
  const labelCol = pickColumn(header, COLUMNS.label);
  if (!textCol || !labelCol) {
    throw new DatasetError(
      `${source}: needs a text column (${COLUMNS.text.join(', ')}) and a label column (${COLUMNS.label.join(', ')}); the header has ${header.join(', ')}`,
    );
  }
  const idCol = pickColumn(header, COLUMNS.id);
  const langCol = pickColumn(header, COLUMNS.lang);
  return records.map((r, i) => {
    const row = i + 2;
    const raw = (r[labelCol] ?? '').trim().toLowerCase();
    const complaint = TRUE_LABELS.has(raw) ? true : FALSE_LABELS.has(raw) ? false : undefined;
    if (complaint === undefined) throw new DatasetError(`${source}: row ${row}: label "${raw}" is neither a complaint (1, true, yes, complaint) nor none (0, false, no, not_complaint)`);
    const sev = Severity.safeParse(r.severity);
    if (!sev.success) throw new DatasetError(`${source}: row ${row}: ${sev.error.issues[0]?.message ?? 'invalid severity'}`);
    const severity = sev.data.trim();
    const lang = langCol ? (r[langCol] ?? '').trim().toLowerCase() : '';
    return {
      id: (idCol ? r[idCol]?.trim() : undefined) || String(row),
      text: he.decode(r[textCol] ?? '').trim(),
      complaint,
      severity: severity === '' ? null : (Number(severity) as 0 | 1 | 2 | 3 | 4),
      domain: r.domain ?? '',
      ...(lang ? { lang } : {}),
    };
  });
}

export function readComplaintsCsv(file: string): ComplaintRowWithLang[] {
  return parseComplaintsCsv(readFileSync(file, 'utf8'), file);
}
