/**
 * CSV streamed instead of held: the first pass validates every record and notes whether they come in event-time
 * order; the second feeds them again in one pass, and a file out of order (a record may span lines, so it has no
 * cheap offset) falls back to the whole-file reader. A csv file is read from its header row on (listening exports
 * put report metadata above it); when its slash dates only settle day-first or month-first further down, the first
 * pass runs once more with that order, so both passes and the whole-file reader agree.
 */
import type { Mention } from '../src/model.ts';
import { csvDate, csvPreamble, csvRow, InvalidUtf8Lines, readCsv, type CsvContext } from './replay-csv.ts';
import { GUESS_SAMPLE, resolveColumns, withGuessedDate } from './replay-csv-columns.ts';
import { csvHead, csvRecords, csvText, StrayQuote, type CsvBody } from './replay-csv-records.ts';
import { DayMonthVote, type DayMonthOrder } from './replay-dates.ts';
import { FirstCopies, invalidUtf8Row, type ReadOptions, type RowResult } from './replay-rows.ts';
import { changedWhileReading, OrderIndex, type ReplaySource } from './replay-stream-source.ts';
import { Utf8Lines } from './replay-stream-lines.ts';

export async function openCsv(file: string, options: ReadOptions): Promise<ReplaySource> {
  const head = await csvHead(file);
  if (!head) return { count: 0, errors: [], brands: [], mode: 'streamed', async *mentions() {} };
  try {
    return await openCsvBody(file, head, options);
  } catch (err) {
    if (!(err instanceof StrayQuote)) throw err;
    return openCsvBody(file, { ...head, relaxQuotes: true }, options);
  }
}

async function openCsvBody(file: string, body: CsvBody, options: ReadOptions): Promise<ReplaySource> {
  const { header } = body;
  const preamble = csvPreamble(header);
  const sample: Array<Record<string, string>> = [];
  for await (const { record } of csvRecords(file, body)) {
    sample.push(record);
    if (sample.length === GUESS_SAMPLE) break;
  }
  const columns = withGuessedDate(resolveColumns(header.names), header.names, sample);
  const columnNotes = {
    ...(columns.authorless ? { authorless: true as const } : {}),
    ...(columns.createdAtGuessed && columns.createdAt ? { guessedDateColumn: columns.createdAt } : {}),
  };
  const baseMs = options.fallbackTime!.getTime();
  const rows = async function* (order: DayMonthOrder | undefined, dated: boolean, each: (row: RowResult, date: string | undefined) => void, utf8?: Utf8Lines): AsyncGenerator<Mention> {
    const context: CsvContext = { columns, baseMs, order, timeZone: options.timeZone, dated, headerCells: header.names.length };
    const copies = new FirstCopies();
    let index = 0;
    for await (const { record, info, invalidAt } of csvRecords(file, body, utf8)) {
      const line = header.line + info.lines;
      const row = invalidAt !== undefined ? invalidUtf8Row(line, invalidAt) : copies.keep(csvRow(record, line, index, context, info), line);
      index++;
      each(row, csvDate(record, columns));
      if ('mention' in row) yield row.mention;
    }
  };
  const firstPass = async (order: DayMonthOrder | undefined, dated: boolean) => {
    const index = new OrderIndex();
    const vote = new DayMonthVote();
    let sawDate = false;
    const utf8 = new Utf8Lines();
    const pass = rows(
      order,
      dated,
      (row, date) => {
        index.add(row);
        vote.see(date);
        sawDate ||= date !== undefined;
      },
      utf8,
    );
    while (!(await pass.next()).done);
    utf8.assertMostlyUtf8(file);
    return { index, vote, sawDate };
  };
  // Read as dated when the file has a date column; a column empty in every row leaves the file undated after all.
  const first = await firstPass(undefined, columns.createdAt !== undefined);
  const { vote } = first;
  let index = first.index;
  const rowsRead = index.count + index.errors.length;
  const dated = columns.createdAt !== undefined && (first.sawDate || rowsRead === 0);
  if (columns.createdAt !== undefined && !dated) index = (await firstPass(undefined, false)).index;
  const undated = dated ? {} : { undated: true as const };
  // Slash dates that read both ways were refused on the way; the file's other dates settle them after all.
  const dayMonth = vote.order;
  if (vote.ambiguous > 0 && dayMonth) index = (await firstPass(dayMonth, dated)).index;
  const { count, errors, sorted } = index;
  // What the first pass learnt of the file, said alike whichever way its mentions are read.
  const fileNotes = { ...(preamble ? { preamble } : {}), ...(dated ? index.dateOnly : undated), ...index.zoneless, ...columnNotes };
  if (!sorted) {
    const invalidUtf8 = new InvalidUtf8Lines();
    let text = '';
    for await (const piece of csvText(file, body.lineBreak, 1, invalidUtf8)) text += piece;
    const input = readCsv(text, { ...options, invalidUtf8 });
    return {
      count: input.mentions.length,
      errors: input.errors,
      brands: [],
      lastCreatedAt: input.mentions.at(-1)?.createdAt,
      ...fileNotes,
      mode: 'in-memory',
      async *mentions() {
        yield* input.mentions;
      },
    };
  }
  return {
    count,
    errors,
    brands: [],
    lastCreatedAt: index.lastCreatedAt,
    ...fileNotes,
    mode: 'streamed',
    async *mentions() {
      let fed = 0;
      for await (const mention of rows(dayMonth, dated, () => undefined)) {
        fed++;
        yield mention;
      }
      if (fed !== count) throw changedWhileReading(file, count, fed);
    },
  };
}
