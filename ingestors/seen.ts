/**
 * A bounded, insertion-ordered set of ids already emitted: persisted in a checkpoint so that a restart does not
 * re-emit items a feed or API still lists. The oldest ids fall out first; sources pick a bound well above the
 * number of items one poll can return, so an id only falls out once the source no longer lists it.
 */
export class SeenSet {
  private readonly ids: Set<string>;

  constructor(
    private readonly limit: number,
    initial: Iterable<string> = [],
  ) {
    this.ids = new Set(initial);
    this.trim();
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

  toJSON(): string[] {
    return [...this.ids];
  }

  get size(): number {
    return this.ids.size;
  }

  private trim(): void {
    const excess = this.ids.size - this.limit;
    if (excess <= 0) return;
    let n = 0;
    for (const id of this.ids) {
      if (n++ >= excess) break;
      this.ids.delete(id);
    }
  }
}
