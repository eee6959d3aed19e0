/**
 * A malformed item stays in a feed (or a Graph listing) until its author fixes it, and is read again on every
 * poll: parked on every poll, it would fill the dead-letter topic and the status board's count with one item.
 * Each is parked once, known by a hash of what the source sent; the hashes are kept in the source's checkpoint
 * (bounded like the seen ids, the items the source still lists never falling out), so a restart does not park it
 * again either.
 */
import { createHash } from 'node:crypto';
import { SeenSet } from './seen.ts';

export class QuarantineOnce {
  private readonly parked: SeenSet;
  private readonly listed: string[] = [];

  constructor(
    limit: number,
    saved: readonly string[],
    private readonly quarantine: (reason: string, raw: unknown) => Promise<void>,
  ) {
    this.parked = new SeenSet(limit, saved);
  }

  /** Quarantines `raw` unless this very item was quarantined before; says whether it did. */
  async park(reason: string, raw: unknown): Promise<boolean> {
    const key = itemHash(raw);
    this.listed.push(key);
    if (this.parked.has(key)) return false;
    await this.quarantine(reason, raw);
    return true;
  }

  /** The hashes to keep: those met in this poll stay, of the others the oldest fall out beyond the limit. */
  toJSON(): string[] {
    this.parked.record(this.listed);
    return this.parked.toJSON();
  }
}

function itemHash(raw: unknown): string {
  return createHash('sha256').update(JSON.stringify(raw) ?? 'undefined').digest('hex').slice(0, 24);
}
