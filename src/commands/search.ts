/** `kundenradar search`: the analysts' search from a terminal, over whichever store the config points at. */
import type { LoadedConfig } from '../config.ts';
import { EXPORT_LIMIT, mentionsCsv } from '../mentions-csv.ts';
import type { Channel } from '../model.ts';
import { openStore } from '../store/index.ts';
import type { SearchQuery, Store } from '../store/port.ts';

export interface SearchCommand {
  text?: string;
  brands: string[];
  complaint?: boolean;
  severities?: number[];
  channels?: Channel[];
  size: number;
  json?: boolean;
  /** Every match up to EXPORT_LIMIT as CSV, instead of `size` hits. */
  csv?: boolean;
}

/** The CSV on stdout; a cut file is said on stderr, which the file does not reach. */
async function writeCsv(store: Store, query: SearchQuery): Promise<void> {
  const csv = await mentionsCsv(store, query);
  for await (const chunk of csv.chunks) {
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  if (csv.truncated) process.stderr.write(`kundenradar: ${csv.total} matches, the file holds the first ${EXPORT_LIMIT}; narrow the filters for the rest\n`);
}

export async function runSearch(loaded: LoadedConfig, query: SearchCommand): Promise<void> {
  // A brand filter nobody configured matches nothing: say so rather than report "0 matches" as if searched.
  const known = new Set(loaded.config.brands.map((b) => b.id));
  const unknown = query.brands.filter((b) => !known.has(b));
  if (unknown.length > 0) throw new Error(`unknown brand ${unknown.map((b) => `"${b}"`).join(', ')}: brand ids in ${loaded.file} are ${[...known].join(', ') || '(none)'}`);
  const store = await openStore(loaded);
  try {
    const filters: SearchQuery = {
      text: query.text,
      brands: query.brands.length ? query.brands : undefined,
      complaint: query.complaint,
      severities: query.severities?.length ? query.severities : undefined,
      channels: query.channels?.length ? query.channels : undefined,
      sort: query.text ? 'relevance' : 'newest',
    };
    if (query.csv) return await writeCsv(store, filters);
    const page = await store.search({ ...filters, size: query.size });
    if (query.json) {
      for (const hit of page.hits) process.stdout.write(JSON.stringify(hit.mention) + '\n');
      return;
    }
    process.stdout.write(`${page.total} matches\n`);
    for (const { mention } of page.hits) {
      const flag = mention.complaint.isComplaint ? `complaint ${mention.complaint.score.toFixed(2)}` : mention.sentiment.label;
      process.stdout.write(`${mention.createdAt}  ${mention.id}  [${mention.brands.join(',') || '-'}] ${flag}\n  ${mention.text.replace(/\s+/g, ' ').slice(0, 200)}\n`);
    }
  } finally {
    await store.close();
  }
}
