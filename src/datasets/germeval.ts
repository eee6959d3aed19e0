/**
 * Reader for the GermEval 2017 XML files (Deutsche Bahn customer feedback, CC BY-NC 4.0).
 * The release escapes umlauts as numeric entities and forum texts carry named HTML entities, so the reader
 * decodes entities itself (with `he`, which knows every HTML5 name); a missing <text> becomes "".
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
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

export function parseGermEval(xml: string, source = 'GermEval XML'): GermEvalDoc[] {
  const root: unknown = parser.parse(xml);
  const docs = z.object({ Documents: z.object({ Document: z.array(z.unknown()) }) }).safeParse(root);
  if (!docs.success) throw new DatasetError(`${source}: expected <Documents><Document>…, got another shape`);
  const out: GermEvalDoc[] = [];
  docs.data.Documents.Document.forEach((raw, i) => {
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

export function readGermEval(file: string): GermEvalDoc[] {
  return parseGermEval(readFileSync(file, 'utf8'), file);
}

/** The project's German complaint reading of GermEval: relevant to Deutsche Bahn and negative. */
export function isGermEvalComplaint(d: GermEvalDoc): boolean {
  return d.relevance && d.sentiment === 'negative';
}
