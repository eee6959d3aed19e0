/**
 * When each of a brand's unanswered threads next needs a look (SLA deadline, escalation, expiry), as a min-heap of
 * (instant, thread root). The timers asked for the threads due by an instant; scanning every thread instead cost
 * O(threads) per post once a brand held thousands of threads, whose timers fall every few posts (63 % of a 12,854-post
 * firestorm replay).
 *
 * Entries are never updated in place: a thread scheduled earlier than its pending entry gets a second one, and an
 * entry is live only while it is the thread's earliest (`scheduledAt`). A stale or early entry costs one look at a
 * thread that then has nothing due, never a missed deadline, as long as every thread is scheduled no later than its
 * earliest timer (ThreadBook.touch and reschedule keep that).
 */
/** Heap order: by instant, then by thread root, so threads due at one instant are taken in the same order every run. */
function earlier(atA: number, rootA: string, atB: number, rootB: string): boolean {
  return atA < atB || (atA === atB && rootA < rootB);
}

export class TimerSchedule {
  private readonly at: number[] = [];
  private readonly root: string[] = [];
  /** Per thread root, the instant of its live entry. */
  private readonly scheduledAt = new Map<string, number>();

  /** Makes sure the thread is looked at no later than `at` (an earlier pending entry stays). */
  schedule(rootId: string, at: number): void {
    if (!Number.isFinite(at)) return;
    const current = this.scheduledAt.get(rootId);
    if (current !== undefined && current <= at) return;
    this.scheduledAt.set(rootId, at);
    this.push(at, rootId);
  }

  /** Forgets the thread: its entries become stale. */
  unschedule(rootId: string): void {
    this.scheduledAt.delete(rootId);
  }

  /** The earliest live instant (Infinity when nothing is scheduled). */
  next(): number {
    this.dropStale();
    return this.at[0] ?? Infinity;
  }

  /** Removes and returns the roots of the threads scheduled at or before `nowMs`, earliest first (ties by root), each once. */
  takeDue(nowMs: number): string[] {
    const out: string[] = [];
    for (this.dropStale(); (this.at[0] ?? Infinity) <= nowMs; this.dropStale()) {
      const rootId = this.root[0] as string;
      this.pop();
      this.scheduledAt.delete(rootId);
      out.push(rootId);
    }
    return out;
  }

  /** The roots of the threads scheduled at or before `nowMs`, left in place (any order), each once. */
  peekDue(nowMs: number): string[] {
    const out = new Set<string>();
    // Heap order: a node due by nowMs may have due children; one that is not has none.
    const visit = (i: number): void => {
      const at = this.at[i];
      if (at === undefined || at > nowMs) return;
      const rootId = this.root[i] as string;
      // An unscheduled then rescheduled thread may hold two entries at one instant.
      if (this.scheduledAt.get(rootId) === at) out.add(rootId);
      visit(2 * i + 1);
      visit(2 * i + 2);
    };
    visit(0);
    return [...out];
  }

  clear(): void {
    this.at.length = 0;
    this.root.length = 0;
    this.scheduledAt.clear();
  }

  private dropStale(): void {
    while (this.at.length > 0 && this.scheduledAt.get(this.root[0] as string) !== this.at[0]) this.pop();
  }

  private push(at: number, rootId: string): void {
    let i = this.at.length;
    this.at.push(at);
    this.root.push(rootId);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(at, rootId, this.at[parent] as number, this.root[parent] as string)) break;
      this.at[i] = this.at[parent] as number;
      this.root[i] = this.root[parent] as string;
      i = parent;
    }
    this.at[i] = at;
    this.root[i] = rootId;
  }

  private pop(): void {
    const lastAt = this.at.pop() as number;
    const lastRoot = this.root.pop() as string;
    const n = this.at.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child =
        right < n && earlier(this.at[right] as number, this.root[right] as string, this.at[left] as number, this.root[left] as string)
          ? right
          : left;
      if (!earlier(this.at[child] as number, this.root[child] as string, lastAt, lastRoot)) break;
      this.at[i] = this.at[child] as number;
      this.root[i] = this.root[child] as string;
      i = child;
    }
    this.at[i] = lastAt;
    this.root[i] = lastRoot;
  }
}
