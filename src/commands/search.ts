/** `kundenradar search`: the analysts' search from a terminal, over whichever store the config points at. */
import type { LoadedConfig } from '../config.ts';
import { openStore } from '../store/index.ts';

export async function runSearch(loaded: LoadedConfig, query: { text?: string; brands: string[]; complaint?: boolean; size: number; json?: boolean }): Promise<void> {
  // A brand filter nobody configured matches nothing: say so rather than report "0 matches" as if searched.
  const known = new Set(loaded.config.brands.map((b) => b.id));
  const unknown = query.brands.filter((b) => !known.has(b));
  if (unknown.length > 0) throw new Error(`unknown brand ${unknown.map((b) => `"${b}"`).join(', ')}: brand ids in ${loaded.file} are ${[...known].join(', ') || '(none)'}`);
  const store = await openStore(loaded);
  try {
    const page = await store.search({
      text: query.text,
      brands: query.brands.length ? query.brands : undefined,
      complaint: query.complaint,
      size: query.size,
      sort: query.text ? 'relevance' : 'newest',
    });
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
