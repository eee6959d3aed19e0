/**
 * In-process health board for the ingestors: the dashboard serves `list()` on /api/sources.
 * Items per minute is counted over a sliding 60 s window of per-second buckets, so memory stays bounded
 * however busy a source is.
 */
import type { SourceStatus, SourceStatusReporter } from './types.ts';

const WINDOW_MS = 60_000;
/** Error texts come from remote servers; keep the board (and the JSON served from it) small. */
const MAX_ERROR_CHARS = 500;

interface Entry {
  status: SourceStatus;
  /** [second (epoch ms / 1000, floored), items] oldest first. */
  buckets: Array<[number, number]>;
}

export class SourceStatusBoard implements SourceStatusReporter {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Lists a source before it reported anything, so a silent source is visible as such. */
  register(name: string, type: string): void {
    if (!this.entries.has(name)) this.entries.set(name, { status: { name, type, itemsTotal: 0, itemsPerMinute: 0, quarantined: 0 }, buckets: [] });
  }

  success(source: string, items: number): void {
    const entry = this.entry(source);
    const at = this.now();
    entry.status.lastSuccessAt = new Date(at).toISOString();
    if (items <= 0) return;
    entry.status.itemsTotal += items;
    const second = Math.floor(at / 1000);
    const last = entry.buckets[entry.buckets.length - 1];
    if (last && last[0] === second) last[1] += items;
    else entry.buckets.push([second, items]);
    this.prune(entry, at);
  }

  error(source: string, error: Error | string): void {
    const entry = this.entry(source);
    entry.status.lastErrorAt = new Date(this.now()).toISOString();
    const message = typeof error === 'string' ? error : error.message;
    entry.status.lastError = message.length > MAX_ERROR_CHARS ? `${message.slice(0, MAX_ERROR_CHARS)}…` : message;
  }

  quarantined(source: string, count: number): void {
    this.entry(source).status.quarantined += count;
  }

  list(): SourceStatus[] {
    const at = this.now();
    return [...this.entries.values()]
      .map((entry) => {
        this.prune(entry, at);
        const itemsPerMinute = entry.buckets.reduce((sum, [, n]) => sum + n, 0);
        return { ...entry.status, itemsPerMinute };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private entry(source: string): Entry {
    // Reports from an unregistered source (e.g. the webhook router) still show up, typed by their name.
    this.register(source, source);
    return this.entries.get(source) as Entry;
  }

  private prune(entry: Entry, at: number): void {
    const oldest = Math.floor((at - WINDOW_MS) / 1000);
    let drop = 0;
    while (drop < entry.buckets.length && (entry.buckets[drop] as [number, number])[0] <= oldest) drop++;
    if (drop > 0) entry.buckets.splice(0, drop);
  }
}
