/**
 * The brands a file brings itself (a twcs file's support accounts, each a brand named after the account) merged with
 * the brands of the config and the command line. A configured brand that lists the file's account is that brand:
 * its SLA, business hours, language and query apply, and the file's brand of the same account is dropped. Before,
 * the file's brand replaced the configured one when both had the same id (a 60-minute SLA and English titles for a
 * German insurer whose config said 120 minutes in office hours; QA round 10), and was tracked beside it otherwise,
 * every alert twice.
 */
import type { Brand, Mention } from '../model.ts';

const accountKey = (account: string): string => account.trim().replace(/^@/u, '').toLowerCase();

/** The file brands no other brand claims, and the id of the brand that claims each of the others. */
export function mergeFileBrands(fileBrands: readonly Brand[], brands: readonly Brand[]): { unclaimed: Brand[]; claimedBy: Map<string, string> } {
  const owner = new Map<string, string>();
  for (const b of brands) for (const a of b.accounts) if (!owner.has(accountKey(a))) owner.set(accountKey(a), b.id);
  const claimedBy = new Map<string, string>();
  const unclaimed: Brand[] = [];
  for (const f of fileBrands) {
    const claimant = f.accounts.map((a) => owner.get(accountKey(a))).find((id): id is string => id !== undefined);
    if (claimant === undefined) unclaimed.push(f);
    else claimedBy.set(f.id, claimant);
  }
  return { unclaimed, claimedBy };
}

/** The mention with the file brands in its brand context replaced by the brands that claim them. */
export function withClaimingBrands(m: Mention, claimedBy: ReadonlyMap<string, string>): Mention {
  if (claimedBy.size === 0 || !m.brandContext.some((id) => claimedBy.has(id))) return m;
  return { ...m, brandContext: [...new Set(m.brandContext.map((id) => claimedBy.get(id) ?? id))] };
}
