/**
 * "Now" for waited times and default chart ranges. Live, that is the wall clock. When the detectors run on
 * event time (a replayed demo or backtest, `detect.clock: event`), wall-clock "now" would make every thread
 * look years overdue, so the data's own clock is used: the newest post in the store.
 */
import type { AppConfig } from '../../src/config.ts';
import type { Store } from '../../src/store/port.ts';

export function usesEventClock(config: AppConfig): boolean {
  return (config.detect as Record<string, unknown>)['clock'] === 'event';
}

/** Time of the newest post in the store, or undefined when it is empty. */
export async function newestPostTime(store: Store): Promise<Date | undefined> {
  const page = await store.search({ sort: 'newest', size: 1 });
  const newest = page.hits[0]?.mention.createdAt;
  return newest ? new Date(newest) : undefined;
}

export function dataClock(store: Store, config: AppConfig, wall: () => Date): () => Promise<Date> {
  if (!usesEventClock(config)) return async () => wall();
  return async () => (await newestPostTime(store)) ?? wall();
}
