/**
 * Reader for the GermEval 2017 XML files (Deutsche Bahn customer feedback, CC BY-NC 4.0).
 * The release escapes umlauts as numeric entities and forum texts carry named HTML entities, so the reader
 * decodes entities itself (with `he`, which knows every HTML5 name); a missing <text> becomes "".
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import he from 'he';
import { z } from 'zod';
import type { SentimentLabel } from '../model.ts';
import { SentimentLabel as SentimentSchema } from '../model.ts';

export interface GermEvalDoc {
  id: string;
  text: string;
  relevance: boolean;
  sentiment: SentimentLabel;
  /** Aspect annotations (subtask C/D): category, polarity and target phrase ("NULL" targets are omitted). */
  opinions: GermEvalOpinion[];
}

export interface GermEvalOpinion {
  category: string;
  polarity: SentimentLabel;
  target?: string;
}

export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}

const RawOpinion = z.object({
  '@_category': z.string(),
  '@_polarity': SentimentSchema,
  '@_target': z.string().optional(),
});

const RawDoc = z.object({
  '@_id': z.union([z.string(), z.number()]),
  relevance: z.union([z.string(), z.boolean()]),
  sentiment: z.string(),
  text: z.union([z.string(), z.number()]).optional(),
  Opinions: z.union([z.object({ Opinion: z.array(RawOpinion) }), z.string()]).optional(),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  // Entities are decoded by `he` below: the parser's own table misses named HTML entities in forum texts.
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'Document' || name === 'Opinion',
});

/**
 * Throws when `xml` is not well-formed, naming `source`, line, column and the parser's reason. fast-xml-parser
 * itself reads broken XML without complaint, and what it makes of it (a document ending at the error, a file cut
 * off inside a <text>) would pass for a shorter but valid file.
 */
export function assertWellFormedXml(xml: string, source: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) throw new DatasetError(describeXmlError(xml, result.err, source));
}

function describeXmlError(xml: string, err: { msg: string; line: number; col: number }, source: string): string {
  // At the end of a file with open tags the validator names them as "Invalid '[ "a", "b" ]' found." at 1:1.
  const open = /^Invalid '\[([\s\S]*)\]' found\.$/.exec(err.msg);
  if (!open) return `${source}:${err.line}:${err.col}: malformed XML: ${err.msg}`;
  const tags = [...open[1]!.matchAll(/"([^"]*)"/g)].map((m) => `<${m[1]}>`);
  const lines = xml.split('\n');
  return `${source}:${lines.length}:${lines.at(-1)!.length + 1}: malformed XML: the file ends with ${tags.join(', ')} still open (cut off?)`;
}

/**
 * The <Document> elements of a parsed GermEval 2017 file (`<Documents><Document id=…>…</Document>…</Documents>`);
 * a file of another shape is refused with the root element it has instead.
 */
export function germEvalDocuments(root: unknown, source: string): unknown[] {
  const docs = z.object({ Documents: z.union([z.object({ Document: z.array(z.unknown()) }), z.literal('')]) }).safeParse(root);
  if (docs.success) return docs.data.Documents === '' ? [] : docs.data.Documents.Document;
  const found = root && typeof root === 'object' ? Object.keys(root).filter((k) => !k.startsWith('?')) : [];
  const got = found.length > 0 ? `found <${found.join('>, <')}>` : 'found no element';
  throw new DatasetError(`${source}: not a GermEval 2017 file: expected <Documents> with <Document> elements, ${got}`);
}

export function parseGermEval(xml: string, source = 'GermEval XML'): GermEvalDoc[] {
  assertWellFormedXml(xml, source);
  const out: GermEvalDoc[] = [];
  germEvalDocuments(parser.parse(xml), source).forEach((raw, i) => {
    const d = RawDoc.safeParse(raw);
    if (!d.success) throw new DatasetError(`${source}: document #${i + 1} lacks id, relevance or sentiment`);
    const sentiment = SentimentSchema.safeParse(String(d.data.sentiment).trim().toLowerCase());
    if (!sentiment.success) throw new DatasetError(`${source}: document #${i + 1} has sentiment "${d.data.sentiment}"`);
    const rel = String(d.data.relevance).trim().toLowerCase();
    if (rel !== 'true' && rel !== 'false') throw new DatasetError(`${source}: document #${i + 1} has relevance "${rel}"`);
    out.push({
      id: he.decode(String(d.data['@_id'])),
      text: he.decode(String(d.data.text ?? '')).trim(),
      relevance: rel === 'true',
      sentiment: sentiment.data,
      opinions: (typeof d.data.Opinions === 'object' ? d.data.Opinions.Opinion : []).map((o) => {
        const target = he.decode(o['@_target'] ?? 'NULL');
        return { category: o['@_category'], polarity: o['@_polarity'], ...(target === 'NULL' ? {} : { target }) };
      }),
    });
  });
  return out;
}

/**
 * The release's other layout, tab-separated (`train-2017-09-15.tsv`, `test_syn-2017-09-15.tsv`): URL or id, text,
 * relevance, sentiment, then aspects as `Category#Sub:polarity` separated by spaces (empty when none).
 */
export function parseGermEvalTsv(tsv: string, source = 'GermEval TSV'): GermEvalDoc[] {
  const out: GermEvalDoc[] = [];
  tsv.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const cols = line.split('\t');
    if (cols.length < 4) throw new DatasetError(`${source}: line ${i + 1} has ${cols.length} tab-separated columns, expected id, text, relevance, sentiment[, aspects]`);
    const rel = (cols[2] ?? '').trim().toLowerCase();
    if (rel !== 'true' && rel !== 'false') throw new DatasetError(`${source}: line ${i + 1} has relevance "${rel}"`);
    const sentiment = SentimentSchema.safeParse((cols[3] ?? '').trim().toLowerCase());
    if (!sentiment.success) throw new DatasetError(`${source}: line ${i + 1} has sentiment "${cols[3]}"`);
    const opinions: GermEvalOpinion[] = [];
    for (const aspect of (cols[4] ?? '').trim().split(/\s+/).filter(Boolean)) {
      const at = aspect.lastIndexOf(':');
      const polarity = SentimentSchema.safeParse(aspect.slice(at + 1).toLowerCase());
      if (at > 0 && polarity.success) opinions.push({ category: aspect.slice(0, at), polarity: polarity.data });
    }
    out.push({ id: he.decode((cols[0] ?? '').trim()) || String(i + 1), text: he.decode(cols[1] ?? '').trim(), relevance: rel === 'true', sentiment: sentiment.data, opinions });
  });
  return out;
}

/** A GermEval file in either layout of the release: XML (what ../shared/data holds) or TSV. */
export function readGermEval(file: string): GermEvalDoc[] {
  const content = readFileSync(file, 'utf8');
  return content.replace(/^\uFEFF/, '').trimStart().startsWith('<') ? parseGermEval(content, file) : parseGermEvalTsv(content, file);
}

/** The project's German complaint reading of GermEval: relevant to Deutsche Bahn and negative. */
export function isGermEvalComplaint(d: GermEvalDoc): boolean {
  return d.relevance && d.sentiment === 'negative';
}
