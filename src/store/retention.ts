/**
 * Which posts a store's retention deletes. Monthly indices are dropped whole once their month lies before
 * `now - retentionDays`, so a post from such a month would be written and then vanish at the next retention run.
 */
const DAY_MS = 86_400_000;

/** Why `createdAt` falls in a month that retention deletes, or undefined when the post is kept. */
export function deletedByRetention(createdAt: string, retentionDays: number, nowMs: number): string | undefined {
  const d = new Date(createdAt);
  const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  if (monthEnd > nowMs - retentionDays * DAY_MS) return undefined;
  return `dated ${createdAt.slice(0, 10)}, in a month that store.retentionDays (${retentionDays}) deletes; raise it to keep older posts`;
}
