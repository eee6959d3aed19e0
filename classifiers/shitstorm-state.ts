/**
 * Per-brand runtime state of the shitstorm detector and its durable form: namespace `shitstorm:<brand>` with
 * keys `baseline` (seasonal baseline, first event), `window` (open and recent buckets, redelivery guard,
 * brand posts) and `incident`. Entries are validated when they come back from the store.
 */
import { z } from 'zod';
import type { Brand, Classified } from '../src/model.ts';
import { IncidentState } from './shitstorm-alert.ts';
import { authorsFromState, AuthorsState, authorsToState, newAuthors, type Authors } from './shitstorm-authors.ts';
import { BaselineState, newBaseline } from './shitstorm-baseline.ts';
import { Bucket } from './shitstorm-window.ts';
import type { StateStore } from './types.ts';

export const shitstormNamespace = (brand: string): string => `shitstorm:${brand}`;

const WindowState = z.object({
  cur: Bucket.optional(),
  ring: z.array(Bucket),
  hour: z.object({ slot: z.number(), count: z.number(), negatives: z.number(), incident: z.boolean() }).optional(),
  /** Ids counted since the previous flush: a crash after this flush redelivers them, and they are skipped. */
  lastBatch: z.array(z.string()).default([]),
  /** Recent posts by the brand's own accounts (thread roots whose comment floods count in full). */
  brandPosts: z.array(z.string()).default([]),
});
const MAX_BRAND_POSTS = 500;
/** Ids remembered per flush for redelivery; beyond this a batch is counted again (slight overcount, no loss). */
export const MAX_BATCH_IDS = 10_000;
/** `authors` is absent in state written before the new-author signal: it then starts empty. */
const BaselineEntry = z.object({ baseline: BaselineState, firstAt: z.number().optional(), authors: AuthorsState.optional() });

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
  slotCache?: { at: number; slot: number };
  /** Ids observed since the last flush, and those of the flush before a restart (redelivery guard). */
  sinceFlush: string[];
  redelivered: Set<string>;
  brandPosts: string[];
  brandPostSet: Set<string>;
  /** Authors heard from recently, and the usual share of negatives from new ones (shitstorm-authors.ts). */
  authors: Authors;
}

export function newRuntime(brand: Brand, timeZone: string): Runtime {
  const words = `${brand.id} ${brand.name}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  return {
    brand,
    timeZone,
    exclude: new Set(words),
    baseline: newBaseline(),
    ring: [],
    dirty: new Set(),
    sinceFlush: [],
    redelivered: new Set(),
    brandPosts: [],
    brandPostSet: new Set(),
    authors: newAuthors(),
  };
}

export function rememberBrandPost(rt: Runtime, m: Classified): void {
  if (rt.brandPostSet.has(m.id)) return;
  rt.brandPosts.push(m.id);
  rt.brandPostSet.add(m.id);
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
    const authors = v.data.authors ? authorsFromState(v.data.authors) : undefined;
    if (authors) rt.authors = authors;
  } else if (key === 'window') {
    const v = WindowState.safeParse(value);
    if (!v.success) return false;
    rt.ring = v.data.ring;
    if (v.data.cur) rt.cur = v.data.cur;
    if (v.data.hour) rt.hour = v.data.hour;
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
  rt.dirty.clear();
  return true;
}

/** Writes what changed since the last flush; the ids of this batch become the redelivery guard. */
export async function persist(rt: Runtime, state: StateStore): Promise<void> {
  const ns = shitstormNamespace(rt.brand.id);
  if (rt.dirty.has('baseline')) await state.putState(ns, 'baseline', { baseline: rt.baseline, ...(rt.firstAt !== undefined ? { firstAt: rt.firstAt } : {}), authors: authorsToState(rt.authors) });
  if (rt.dirty.has('window')) {
    const window = { ...(rt.cur ? { cur: rt.cur } : {}), ring: rt.ring, ...(rt.hour ? { hour: rt.hour } : {}), lastBatch: rt.sinceFlush, brandPosts: rt.brandPosts };
    await state.putState(ns, 'window', window);
  }
  if (rt.dirty.has('incident') && rt.incident) await state.putState(ns, 'incident', rt.incident);
  rt.sinceFlush = [];
  rt.redelivered.clear();
  rt.dirty.clear();
}
