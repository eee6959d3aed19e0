/**
 * The unanswered tracker's per-brand bookkeeping: the threads it holds, which thread each post belongs to, who
 * waits where, when a brand next needs a look, and what changed since the last flush. The tracker decides what a
 * post or a deadline means (unanswered.ts); this keeps those indexes consistent with every change it makes and
 * with the StateStore, so a restart neither forgets a thread nor re-opens an alert it already raised.
 */
import { childLogger } from '../src/log.ts';
import type { Classified } from '../src/model.ts';
import type { BrandFilter, StateStore } from './types.ts';
import { openHandles, waitingCustomers, type CustomerIndex } from './unanswered-customers.ts';
import { TimerSchedule } from './unanswered-schedule.ts';
import { readThreadState, type ThreadState } from './unanswered-thread.ts';

const log = childLogger('unanswered');

export const unansweredNamespace = (brand: string): string => `unanswered:${brand}`;

export class ThreadBook {
  /** Per brand, thread root → thread. */
  readonly threads: Map<string, Map<string, ThreadState>>;
  /** Mention id → thread root, to place replies whose root we never saw (partial crawls, deleted roots). */
  private readonly byMention: Map<string, Map<string, string>>;
  private readonly dirty: Map<string, Set<string>>;
  private readonly removed: Map<string, Set<string>>;
  /** Per brand, when each thread next needs a look (deadline, escalation, expiry): the due checks take only those. */
  private readonly schedules: Map<string, TimerSchedule>;
  /** Per brand, where each customer awaits an answer: derived from thread state (rebuilt by `restore`), never stored. */
  private readonly waiting: Map<string, CustomerIndex>;
  /** Per brand, where each customer handle is not yet answered: derived like `waiting`, never stored. */
  private readonly openByHandle: Map<string, CustomerIndex>;

  /**
   * `customerDues`: further instants a thread needs a look at, when a customer waiting in its open alert becomes overdue
   * on their own (unanswered-due.ts); the book cannot tell them, it does not know the brands' business hours.
   */
  constructor(
    brands: readonly string[],
    private readonly retentionMs: number,
    private readonly customerDues: (t: ThreadState) => number[] = () => [],
  ) {
    this.threads = new Map(brands.map((b) => [b, new Map()]));
    this.byMention = new Map(brands.map((b) => [b, new Map()]));
    this.dirty = new Map(brands.map((b) => [b, new Set()]));
    this.removed = new Map(brands.map((b) => [b, new Set()]));
    this.waiting = new Map(brands.map((b) => [b, waitingCustomers()]));
    this.openByHandle = new Map(brands.map((b) => [b, openHandles()]));
    this.schedules = new Map(brands.map((b) => [b, new TimerSchedule()]));
  }

  threadsOf(brand: string): Map<string, ThreadState> {
    return this.threads.get(brand) ?? new Map();
  }

  expiryOf(t: ThreadState): number {
    return Date.parse(t.lastActivityAt) + this.retentionMs;
  }

  /** The thread's timers: SLA deadline and escalation while it awaits the brand, a deferred alert revision, customers falling due, and its expiry. */
  timersOf(t: ThreadState): number[] {
    const out = [this.expiryOf(t)];
    if (t.state === 'awaiting_brand' && t.dueAt) out.push(Date.parse(t.dueAt), t.escalateAt ? Date.parse(t.escalateAt) : Infinity);
    if (t.alert?.status === 'open' && t.alert.deferredUpdateAt) out.push(Date.parse(t.alert.deferredUpdateAt));
    out.push(...this.customerDues(t));
    return out;
  }

  /** The thread's earliest timer at or after `nowMs`: one at `nowMs` itself has not fired yet (unanswered-timers.ts). */
  nextTimerOf(t: ThreadState, nowMs: number): number {
    let next = Infinity;
    for (const at of this.timersOf(t)) if (at >= nowMs && at < next) next = at;
    return next;
  }

  /** The brand's earliest scheduled look at a thread (Infinity when none). */
  nextTimerAt(brand: string): number {
    return this.schedules.get(brand)?.next() ?? Infinity;
  }

  /** The brand's threads scheduled for a look by `nowMs`, taken off the schedule (see `reschedule`). */
  takeDue(brand: string, nowMs: number): ThreadState[] {
    return this.present(brand, this.schedules.get(brand)?.takeDue(nowMs) ?? []);
  }

  /** The brand's threads scheduled for a look by `nowMs`, left on the schedule. */
  peekDue(brand: string, nowMs: number): ThreadState[] {
    return this.present(brand, this.schedules.get(brand)?.peekDue(nowMs) ?? []);
  }

  /** After a look as of `nowMs`: the thread's next timer, if it is still tracked. */
  reschedule(t: ThreadState, nowMs: number): void {
    if (this.threadsOf(t.brand).get(t.rootId) !== t) return;
    this.schedules.get(t.brand)?.schedule(t.rootId, this.nextTimerOf(t, nowMs));
  }

  private present(brand: string, roots: readonly string[]): ThreadState[] {
    const own = this.threadsOf(brand);
    return roots.map((r) => own.get(r)).filter((t): t is ThreadState => t !== undefined);
  }

  /** Records a change to the thread: to be written, its posts placed, its timers and waiting customers known. */
  touch(t: ThreadState): void {
    this.dirty.get(t.brand)?.add(t.rootId);
    this.removed.get(t.brand)?.delete(t.rootId);
    const index = this.byMention.get(t.brand);
    for (const id of t.ids) index?.set(id, t.rootId);
    this.schedules.get(t.brand)?.schedule(t.rootId, Math.min(...this.timersOf(t)));
    this.waiting.get(t.brand)?.update(t);
    this.openByHandle.get(t.brand)?.update(t);
  }

  /** A change that moves no post, timer or customer (an alert raised or escalated): only to be written. */
  markDirty(brand: string, rootId: string): void {
    this.dirty.get(brand)?.add(rootId);
  }

  /** Unplaces posts the thread no longer remembers. */
  forget(t: ThreadState, ids: readonly string[]): void {
    const index = this.byMention.get(t.brand);
    for (const id of ids) if (index?.get(id) === t.rootId) index.delete(id);
  }

  findThread(brand: string, m: Classified): ThreadState | undefined {
    const own = this.threadsOf(brand);
    const direct = own.get(m.thread.rootId);
    if (direct) return direct;
    const viaParent = m.thread.parentId ? this.byMention.get(brand)?.get(m.thread.parentId) : undefined;
    return viaParent ? own.get(viaParent) : undefined;
  }

  /** The thread that holds a post (one the tracker recorded, the brand's replies included), if any. */
  threadOfPost(brand: string, id: string): ThreadState | undefined {
    const root = this.byMention.get(brand)?.get(id);
    return root === undefined ? undefined : this.threadsOf(brand).get(root);
  }

  /** The threads of this source where the customer awaits the brand's answer, oldest first. */
  waitingThreads(brand: string, authorId: string, source: string): ThreadState[] {
    return this.threadsIn(brand, this.waiting.get(brand)?.rootsOf(authorId), source);
  }

  /** The threads of this source where a customer with this handle (lower case, no "@") is not yet answered. */
  openThreadsOfHandle(brand: string, handle: string, source: string): ThreadState[] {
    return this.threadsIn(brand, this.openByHandle.get(brand)?.rootsOf(handle), source);
  }

  private threadsIn(brand: string, roots: Iterable<string> | undefined, source: string): ThreadState[] {
    const out: ThreadState[] = [];
    for (const root of roots ?? []) {
      const t = this.threadsOf(brand).get(root);
      if (t?.source === source) out.push(t);
    }
    return out;
  }

  /** Whether the customer awaits the brand's answer in a thread other than `rootId`. */
  waitingElsewhere(brand: string, authorId: string, rootId: string): boolean {
    return this.waiting.get(brand)?.elsewhere(authorId, rootId) ?? false;
  }

  /** Forgets the thread and deletes its stored state at the next flush. */
  remove(brand: string, t: ThreadState): void {
    this.threadsOf(brand).delete(t.rootId);
    this.waiting.get(brand)?.forget(t.rootId);
    this.openByHandle.get(brand)?.forget(t.rootId);
    this.schedules.get(brand)?.unschedule(t.rootId);
    const index = this.byMention.get(brand);
    for (const id of t.ids) if (index?.get(id) === t.rootId) index.delete(id);
    this.dirty.get(brand)?.delete(t.rootId);
    this.removed.get(brand)?.add(t.rootId);
  }

  async restore(state: StateStore): Promise<void> {
    for (const brand of this.threads.keys()) {
      const own = this.threadsOf(brand);
      own.clear();
      this.waiting.get(brand)?.clear();
      this.openByHandle.get(brand)?.clear();
      // Replaces, not merges (restore runs again after a rebalance): nothing of the old copy may survive.
      this.byMention.get(brand)?.clear();
      this.removed.get(brand)?.clear();
      this.schedules.get(brand)?.clear();
      for (const { key, value } of await state.listState(unansweredNamespace(brand))) {
        // Migrates state written before customers were tracked one by one (unanswered-thread.ts).
        const parsed = readThreadState(value);
        if (!parsed.success || parsed.data.brand !== brand) {
          // Never silently: a thread we cannot read is an alert we might miss.
          log.warn({ brand, key, issues: parsed.success ? 'brand mismatch' : parsed.issues.slice(0, 3) }, 'skipping unreadable unanswered-thread state');
          continue;
        }
        own.set(parsed.data.rootId, parsed.data);
        this.touch(parsed.data);
      }
      this.dirty.get(brand)?.clear();
    }
  }

  /** Writes only what changed since the last flush, and deletes what was dropped. */
  async flush(state: StateStore, filter?: BrandFilter): Promise<void> {
    for (const [brand, keys] of this.dirty) {
      if (filter && !filter(brand)) continue;
      const ns = unansweredNamespace(brand);
      for (const key of keys) {
        const t = this.threadsOf(brand).get(key);
        if (t) await state.putState(ns, key, t);
      }
      keys.clear();
    }
    for (const [brand, keys] of this.removed) {
      if (filter && !filter(brand)) continue;
      for (const key of keys) await state.deleteState(unansweredNamespace(brand), key);
      keys.clear();
    }
  }
}
