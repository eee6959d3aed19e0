/**
 * A bounded, insertion-ordered set of ids already emitted: persisted in a checkpoint so that a restart does not
 * re-emit items a feed or API still lists. The oldest ids fall out first. Sources that list the same items on
 * every poll (feeds) record the whole listing with `record`, so an id only falls out once the source no longer
 * lists it, even when the listing is longer than the bound.
 */
export class SeenSet {
  private readonly ids: Set<string>;

  constructor(
    private readonly limit: number,
    initial: Iterable<string> = [],
  ) {
    // Not cut to the limit here: a checkpoint may rightly hold more (a listing longer than the limit, see
    // `record`), and cutting it before the listing is checked would take the oldest listed ids for new ones.
    this.ids = new Set(initial);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    // Re-adding moves the id to the young end, so ids a source keeps listing never fall out.
    this.ids.delete(id);
    this.ids.add(id);
    this.trim();
  }

  /**
   * Records everything the source lists now (oldest first, every id already emitted or settled): those ids move to
   * the young end, and only ids it no longer lists fall out, however long the listing.
   */
  record(listed: readonly string[]): void {
    for (const id of listed) {
      this.ids.delete(id);
      this.ids.add(id);
    }
    this.trim(Math.max(this.limit, new Set(listed).size));
  }

  toJSON(): string[] {
    return [...this.ids];
  }

  get size(): number {
    return this.ids.size;
  }

  private trim(limit = this.limit): void {
    const excess = this.ids.size - limit;
    if (excess <= 0) return;
    let n = 0;
    for (const id of this.ids) {
      if (n++ >= excess) break;
      this.ids.delete(id);
    }
  }
}
