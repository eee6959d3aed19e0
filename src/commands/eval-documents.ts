/**
 * The labelled documents `eval` scores, read as the service would read them: each with the model language it is
 * scored in (a CSV row's own tag, else detected; GermEval is German), optionally with its @handles cut out. Errors
 * name the file, since the dataset readers name only a line.
 */
import { statSync } from 'node:fs';
import { readComplaintsCsv } from '../datasets/complaints.ts';
import { readGermEval, isGermEvalComplaint } from '../datasets/germeval.ts';
import type { LabelledItem } from '../../classifiers/learned/evaluate.ts';
import { prepare } from '../../classifiers/text.ts';
import { detectLanguage } from '../../classifiers/language.ts';

export class EvalError extends Error {
  override readonly name = 'EvalError';
}

// An @handle as the tokenisers see it (classifiers/text.ts, learned/tokens.ts), not inside an e-mail address.
const HANDLE_RE = /(^|[^\w@])@\w+/g;

/** The text with its @handles cut out and the spaces they leave closed up: "@DB_Bahn danke @DB für nichts" → "danke für nichts". */
export function withoutHandles(text: string): string {
  return text.replace(HANDLE_RE, '$1').replace(/[ \t]{2,}/g, ' ').trim();
}

export type ModelLang = 'de' | 'en';

/** The model language the service would use for a row: the file's tag when it names de/en, else detection. */
function rowLang(text: string, tag: string | undefined): ModelLang {
  const t = tag?.slice(0, 2);
  if (t === 'de' || t === 'en') return t;
  const p = prepare(text);
  return detectLanguage(p.tokens, p.lower, tag).lang === 'de' ? 'de' : 'en';
}

export function readItems(file: string, format: 'germeval' | 'csv', forced: ModelLang | undefined): { items: LabelledItem[]; langs: ModelLang[] } {
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new EvalError(`${file} is a directory; eval takes a file`);
  let read: { items: LabelledItem[]; langs: ModelLang[] };
  try {
    read = readItemsOf(file, format, forced);
  } catch (err) {
    // The readers name a line, not the file ("Invalid Record Length … on line 4").
    throw (err as Error).message.includes(file) ? err : new EvalError(`${file}: ${(err as Error).message}`);
  }
  if (read.items.length === 0) throw new EvalError(`${file} holds no labelled documents: nothing to score`);
  return read;
}

function readItemsOf(file: string, format: 'germeval' | 'csv', forced: ModelLang | undefined): { items: LabelledItem[]; langs: ModelLang[] } {
  if (format === 'germeval') {
    const items = readGermEval(file).map((d) => ({ text: d.text, complaint: isGermEvalComplaint(d), sentiment: d.sentiment }));
    return { items, langs: items.map(() => 'de') };
  }
  const rows = readComplaintsCsv(file);
  return { items: rows.map((r) => ({ text: r.text, complaint: r.complaint, severity: r.severity })), langs: rows.map((r) => forced ?? rowLang(r.text, r.lang)) };
}
