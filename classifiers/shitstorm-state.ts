/**
 * Per-brand runtime state of the shitstorm detector and its durable form: namespace `shitstorm:<brand>` with
 * keys `baseline` (seasonal baseline, first event; changes hourly), `authors` (snapshot of the known-authors
 * sketch, at most hourly), `bucket:<start>` (one closed five-minute bucket of the last hour, written when it
 * closes and deleted when it leaves the hour), `window` (the open bucket, the hour being learned, the
 * authors journal, redelivery guard, brand posts: small, written at every flush), `topics` (snapshot of what the
 * brand's complaints are usually about, at most hourly; the buckets retired since stay stored until the next one)
 * and `incident`. Only what
 * changed is written. Entries are validated when they come back from the store.
 */
import { z } from 'zod';
import type { Brand } from '../src/model.ts';
import { IncidentState } from './shitstorm-alert.ts';
import { applyJournal, AuthorsJournal, authorsFromState, AuthorsState, authorsToState, journalToState, newAuthors, snapshotDue, type Authors } from './shitstorm-authors.ts';
import { BaselineState, newBaseline } from './shitstorm-baseline.ts';
import { learnTopics, newTopics, topicsFromState, topicsToState, TopicsState, type Topics } from './shitstorm-topics.ts';
import { Bucket } from './shitstorm-window.ts';
import type { StateStore } from './types.ts';

export const shitstormNamespace = (brand: string): string => `shitstorm:${brand}`;

const WindowState = z.object({
  cur: Bucket.optional(),
  /** Only in state written before closed buckets had keys of their own. */
  ring: z.array(Bucket).optional(),
  /** Authors stamped and learned since the `authors` snapshot. */
  authors: AuthorsJournal.optional(),
  /** Event time of the newest closed bucket: when to snapshot the authors sketch. */
  at: z.number().optional(),
  /** Last checkpoint evaluated inside the open bucket. */
  checkedAt: z.number().optional(),
  hour: z.object({ slot: z.number(), count: z.number(), negatives: z.number(), incident: z.boolean() }).optional(),
  /** Buckets that left the hour since the `topics` snapshot, and whether their terms were learned (no incident). */
  topicsPending: z.array(z.object({ start: z.number(), learn: z.boolean() })).default([]),
  /** Ids counted since the previous flush: a crash after this flush redelivers them, and they are skipped. */
  lastBatch: z.array(z.string()).default([]),
  /** Recent posts by the brand's own accounts (thread roots whose comment floods count in full). */
  brandPosts: z.array(z.string()).default([]),
});
const MAX_BRAND_POSTS = 500;
/** Ids remembered per flush for redelivery; beyond this a batch is counted again (slight overcount, no loss). */
export const MAX_BATCH_IDS = 10_000;
/** `authors` inside the baseline entry: state written before the sketch had a key of its own. */
const BaselineEntry = z.object({ baseline: BaselineState, firstAt: z.number().optional(), authors: AuthorsState.optional() });
const BUCKET_KEY = 'bucket:';

export interface Runtime {
  brand: Brand;
  timeZone: string;
  exclude: Set<string>;
  baseline: BaselineState;
  firstAt?: number;
  cur?: Bucket;
  ring: Bucket[];
  hour?: { slot: number; count: number; negatives: number; incident: boolean };
  incident?: IncidentState;
  dirty: Set<'baseline' | 'window' | 'incident'>;
  /** Closed buckets of the ring not yet written (by start), and bucket keys to delete once the window is. */
  dirtyBuckets: Set<number>;
  storedBuckets: Set<number>;
  /** Event time of the newest closed bucket (drives the authors snapshot cadence). */
  closedAt: number;
  /** Last checkpoint evaluated (a bucket close or a minute inside the open bucket). */
  checkedAt?: number;
  /** Journal read at restore, applied once the snapshot is known (entries come in any order). */
  pendingJournal?: AuthorsJournal;
  slotCache?: { at: number; slot: number };
  /** Ids observed since the last flush, and those of the flush before a restart (redelivery guard). */
  sinceFlush: string[];
  redelivered: Set<string>;
  brandPosts: string[];
  brandPostSet: Set<string>;
  /** Authors heard from recently, and the usual share of negatives from new ones (shitstorm-authors.ts). */
  authors: Authors;
  /** Terms of the brand's usual complaints (shitstorm-topics.ts), and when and up to which bucket it was last written. */
  topics: Topics;
  topicsAt: number;
  topicsThrough: number;
  /**
   * Buckets retired since the snapshot (learned or, during an incident, not): their keys stay in the store until the
   * next snapshot, and a restore learns them again over it.
   */
  topicsPending: Array<{ start: number; learn: boolean }>;
}

/** A new `topics` snapshot is due after this much event time. */
const TOPICS_SNAPSHOT_MS = 3_600_000;

export function newRuntime(brand: Brand, timeZone: string): Runtime {
  const words = `${brand.id} ${brand.name}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  return {
    brand,
    timeZone,
    exclude: new Set(words),
    baseline: newBaseline(),
    ring: [],
    dirty: new Set(),
    dirtyBuckets: new Set(),
    storedBuckets: new Set(),
    closedAt: 0,
    sinceFlush: [],
    redelivered: new Set(),
    brandPosts: [],
    brandPostSet: new Set(),
    authors: newAuthors(),
    topics: newTopics(),
    topicsAt: 0,
    topicsThrough: -Infinity,
    topicsPending: [],
  };
}

/** Remembers a post of the brand's own (its id): comments flooding it are the brand's storm, not one viral post. */
export function rememberBrandPost(rt: Runtime, id: string): void {
  if (rt.brandPostSet.has(id)) return;
  rt.brandPosts.push(id);
  rt.brandPostSet.add(id);
  if (rt.brandPosts.length > MAX_BRAND_POSTS) rt.brandPostSet.delete(rt.brandPosts.shift() ?? '');
  rt.dirty.add('window');
}

/** Applies one stored entry; false when it cannot be read (the caller logs it and goes on). */
export function restoreEntry(rt: Runtime, key: string, value: unknown): boolean {
  if (key === 'baseline') {
    const v = BaselineEntry.safeParse(value);
    if (!v.success) return false;
    rt.baseline = v.data.baseline;
    if (v.data.firstAt !== undefined) rt.firstAt = v.data.firstAt;
    const authors = v.data.authors && rt.authors.snapshotAt === 0 ? authorsFromState(v.data.authors) : undefined;
    if (authors) rt.authors = authors;
  } else if (key === 'authors') {
    const v = AuthorsState.safeParse(value);
    const authors = v.success ? authorsFromState(v.data) : undefined;
    if (!authors) return false;
    rt.authors = authors;
  } else if (key === 'topics') {
    const v = TopicsState.safeParse(value);
    const topics = v.success ? topicsFromState(v.data) : undefined;
    if (!v.success || !topics) return false;
    rt.topics = topics;
    rt.topicsAt = v.data.at;
    rt.topicsThrough = v.data.through;
  } else if (key.startsWith(BUCKET_KEY)) {
    const v = Bucket.safeParse(value);
    if (!v.success) return false;
    rt.ring.push(v.data);
    rt.storedBuckets.add(v.data.start);
  } else if (key === 'window') {
    const v = WindowState.safeParse(value);
    if (!v.success) return false;
    if (v.data.ring) {
      rt.ring.push(...v.data.ring);
      for (const b of v.data.ring) rt.dirtyBuckets.add(b.start);
    }
    if (v.data.cur) rt.cur = v.data.cur;
    if (v.data.hour) rt.hour = v.data.hour;
    if (v.data.authors) rt.pendingJournal = v.data.authors;
    if (v.data.at !== undefined) rt.closedAt = v.data.at;
    if (v.data.checkedAt !== undefined) rt.checkedAt = v.data.checkedAt;
    rt.topicsPending = v.data.topicsPending;
    rt.redelivered = new Set(v.data.lastBatch);
    rt.brandPosts = v.data.brandPosts;
    rt.brandPostSet = new Set(v.data.brandPosts);
  } else if (key === 'incident') {
    const v = IncidentState.safeParse(value);
    if (!v.success) return false;
    rt.incident = v.data;
  } else {
    return false;
  }
  return true;
}

/**
 * After all entries are read: the ring is the last hour of buckets before the open one (keys left over from
 * a flush that did not finish are dropped), and the authors journal goes over the snapshot.
 */
export function finishRestore(rt: Runtime, hourBuckets: number): void {
  const openStart = rt.cur?.start ?? Infinity;
  const byStart = new Map(rt.ring.filter((b) => b.start < openStart).map((b) => [b.start, b]));
  // Buckets retired after the topics snapshot are learned again over it, in order (a snapshot written just before a
  // crash may already hold some: `through` says which). They are no longer part of the hour.
  const pending = new Set<number>();
  const snapshotThrough = rt.topicsThrough;
  for (const p of [...rt.topicsPending].sort((a, b) => a.start - b.start)) {
    pending.add(p.start);
    const b = byStart.get(p.start);
    if (p.start <= rt.topicsThrough) continue;
    if (p.learn && b) learnTopics(rt.topics, b.terms, b.termPosts);
    rt.topicsThrough = p.start;
  }
  rt.topicsPending = rt.topicsPending.filter((p) => p.start > snapshotThrough);
  rt.ring = [...byStart.values()].filter((b) => !pending.has(b.start)).sort((a, b) => a.start - b.start).slice(-hourBuckets);
  // Stored keys outside the ring stay listed in storedBuckets: the next flush deletes them.
  const kept = new Set(rt.ring.map((b) => b.start));
  rt.dirtyBuckets = new Set([...rt.dirtyBuckets].filter((s) => kept.has(s)));
  if (rt.pendingJournal) applyJournal(rt.authors, rt.pendingJournal);
  delete rt.pendingJournal;
  rt.dirty.clear();
}

/**
 * Writes what changed since the last flush, closed buckets first and the window (the entry that says which
 * buckets count) after them; the ids of this batch become the redelivery guard.
 */
export async function persist(rt: Runtime, state: StateStore): Promise<void> {
  const ns = shitstormNamespace(rt.brand.id);
  const inRing = new Set(rt.ring.map((b) => b.start));
  for (const b of rt.ring) {
    if (!rt.dirtyBuckets.has(b.start)) continue;
    await state.putState(ns, `${BUCKET_KEY}${b.start}`, b);
    rt.storedBuckets.add(b.start);
  }
  rt.dirtyBuckets.clear();
  if (rt.dirty.has('baseline')) await state.putState(ns, 'baseline', { baseline: rt.baseline, ...(rt.firstAt !== undefined ? { firstAt: rt.firstAt } : {}) });
  if (snapshotDue(rt.authors, rt.closedAt)) {
    await state.putState(ns, 'authors', authorsToState(rt.authors, rt.closedAt));
    rt.dirty.add('window');
  }
  // Before the window, which then lists no bucket as pending: a crash in between finds the buckets already in the
  // snapshot (`through`) and does not learn them twice.
  if (rt.topicsPending.length > 0 && rt.closedAt - rt.topicsAt >= TOPICS_SNAPSHOT_MS) {
    await state.putState(ns, 'topics', topicsToState(rt.topics, rt.topicsThrough, rt.closedAt));
    rt.topicsAt = rt.closedAt;
    rt.topicsPending = [];
    rt.dirty.add('window');
  }
  if (rt.dirty.has('window')) {
    const window = {
      ...(rt.cur ? { cur: rt.cur } : {}),
      ...(rt.hour ? { hour: rt.hour } : {}),
      authors: journalToState(rt.authors),
      topicsPending: rt.topicsPending,
      at: rt.closedAt,
      ...(rt.checkedAt !== undefined ? { checkedAt: rt.checkedAt } : {}),
      lastBatch: rt.sinceFlush,
      brandPosts: rt.brandPosts,
    };
    await state.putState(ns, 'window', window);
  }
  if (rt.dirty.has('incident') && rt.incident) await state.putState(ns, 'incident', rt.incident);
  const pending = new Set(rt.topicsPending.map((p) => p.start));
  for (const start of rt.storedBuckets) {
    if (inRing.has(start) || pending.has(start)) continue;
    await state.deleteState(ns, `${BUCKET_KEY}${start}`);
    rt.storedBuckets.delete(start);
  }
  rt.sinceFlush = [];
  rt.redelivered.clear();
  rt.dirty.clear();
}
