/**
 * `replay --format germeval`: GermEval 2017 XML (`<Document id="…"><text>…</text>…</Document>`), each document a
 * Mention with id `germeval:<its id>` (the id is the post's URL). The file must be well-formed XML of that shape
 * (src/datasets/germeval.ts says where it is not); a document without id or text, or one whose id came before,
 * is skipped with its line and reason. The files have no dates: documents are placed one second apart.
 */
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { formatZodIssues } from '../src/config.ts';
import type { Mention } from '../src/model.ts';
import { assertWellFormedXml, germEvalDocuments } from '../src/datasets/germeval.ts';
import { collect, FirstCopies, validateRow, type ReadOptions, type ReplayInput, type RowError, type RowResult } from './replay-rows.ts';

const GermEvalDocument = z.object({
  '@_id': z.string().min(1),
  text: z.union([z.string(), z.number()]).transform(String),
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'Document', parseTagValue: false, htmlEntities: true });

/** GermEval 2017 XML; `source` names the file in the error a malformed or foreign file is refused with. */
export function readGermEvalXml(text: string, options: ReadOptions = {}, source = 'GermEval XML'): ReplayInput {
  assertWellFormedXml(text, source);
  const docs = germEvalDocuments(parser.parse(text), source);
  const lines = documentLines(text, docs.length);
  const base = (options.fallbackTime ?? new Date()).getTime();
  const mentions: Mention[] = [];
  const errors: RowError[] = [];
  const firstCopies = new FirstCopies();
  docs.forEach((raw, index) => {
    const line = lines[index]!;
    collect(firstCopies.keep(documentRow(raw, index, line, base), line), mentions, errors);
  });
  return { mentions, errors, brands: [] };
}

function documentRow(raw: unknown, index: number, line: number, base: number): RowResult {
  const doc = GermEvalDocument.safeParse(raw);
  if (!doc.success) return { error: { line, reason: `document ${index + 1}: ${formatZodIssues(doc.error).join('; ')}` } };
  const text = doc.data.text.trim();
  if (!text) return { error: { line, reason: `document ${index + 1}: empty text` } };
  const nativeId = doc.data['@_id'].replace(/\\_/g, '_');
  const id = `germeval:${nativeId.replace(/\s+/g, '_')}`.slice(0, 512);
  const url = /^https?:\/\//.test(nativeId) && z.string().url().safeParse(nativeId).success ? nativeId : undefined;
  return validateRow(
    {
      id,
      source: 'germeval',
      url,
      author: { id: url ? new URL(url).hostname : 'unknown' },
      text,
      createdAt: new Date(base + index * 1000).toISOString(),
      thread: { rootId: id },
      channel: url?.includes('twitter.com') ? 'post' : 'news',
      langHint: 'de',
    },
    line,
  );
}

/**
 * The 1-based line of each <Document> start tag, so a skipped document is named where an editor finds it; the
 * document's number when the tags found do not match the parsed documents (a `<Document` inside a comment).
 */
function documentLines(text: string, count: number): number[] {
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const match of text.matchAll(/<Document[\s>/]/g)) {
    for (let nl = text.indexOf('\n', from); nl !== -1 && nl < match.index; nl = text.indexOf('\n', nl + 1)) line++;
    from = match.index;
    lines.push(line);
  }
  return lines.length === count ? lines : Array.from({ length: count }, (_, i) => i + 1);
}
