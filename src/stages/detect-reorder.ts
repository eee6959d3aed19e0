/**
 * Event time over several `mentions` partitions: puts each `classified` partition's posts back in time order
 * before the detectors see them.
 *
 * Posts are published to `mentions` in time order (a replay file, a live source) but keyed by thread, so they
 * spread over its partitions, the lanes. Classify workers read the lanes side by side and publish to `classified`
 * (keyed by brand) as they go, so a brand's partition holds each lane in order but the lanes interleaved: one lane
 * can be hours ahead of another. The detectors assume time order (a deadline fires once the brand's clock passed
 * it; a storm window is scored when its bucket closes), so in the QA scaled run a brand answer read from the lane
 * behind came after the lane ahead had already pushed the SLA past: 201 false `unanswered` alerts for complaints
 * answered in time, 85 real ones missing, and storm windows scored with a sixth of their posts.
 *
 * So classify stamps each post with its lane (`Classified.lane`), and this buffer holds a partition's posts until
 * every lane of it has passed their time (a watermark: the least of the lanes' newest times), then hands them out
 * oldest first. A lane that delivered nothing for `idleMs` of wall time (finished, or its worker gone) stops
 * holding the others back; once every lane is idle everything is handed out. Held posts are written to the store
 * (a chunk per flush) with the detectors' state, before the batch that brought them is committed, and read back on
 * a reassignment or restart, so nothing accepted is lost while it waits.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { StateStore } from '../../classifiers/types.ts';
import type { BrandFilter } from '../../classifiers/types.ts';
import type { Logger } from '../log.ts';
import { Classified } from '../model.ts';

const NAMESPACE = 'detect-reorder';
/**
 * A lane silent this long (wall time) no longer holds the others back. Three Kafka session timeouts (30 s each): a
 * classify worker killed or frozen is noticed by its group only after one, and its partitions are read again after
 * the rebalance; at 30 s its lanes were always skipped, and their posts came late (QA re-check: 42 false alerts after
 * a kill -9 of one classify worker). The price: the last posts of a replay through Kafka wait 90 s.
 */
export const LANE_IDLE_MS = 90_000;
/** Keys of posts handed out that are remembered to spot a copy delivered again. */
const MAX_HANDED_OUT = 50_000;
/** Most posts held per partition; beyond it the oldest go on, in order, whatever the lanes say. */
export const MAX_HELD = 20_000;

export interface HeldPost {
  partition: number;
  key: string;
  value: Classified;
}

interface Entry extends HeldPost {
  at: number;
  seq: number;
  storeKey: string;
  /** The stored chunk holding it; none until the next flush. */
  chunk?: string | undefined;
}

const StoredPost = z.object({ partition: z.number().int().min(0), key: z.string(), value: Classified });

interface Lane {
  newest: number;
  lastSeenAt: number;
}

interface PartitionBuffer {
  /** The watermark posts were last handed out to: a post older than it comes late, and is said so. */
  released: number;
  /** Lanes reported as silent, so the log says it once per silence. */
  silent: Set<number>;
  /** Lanes there are (Classified.lane.of): a lane not heard from yet holds the others back until it is idle. */
  lanes: number;
  heard: Map<number, Lane>;
  /** Wall time the buffer started listening: unheard lanes count as idle from here. */
  since: number;
  held: Entry[];
}

export interface ReorderBuffer {
  /** Holds a post of `partition` that came from lane `lane.partition` of `lane.of`. */
  hold(partition: number, key: string, value: Classified & { lane: NonNullable<Classified['lane']> }, wallNow: number): void;
  /** The posts every lane has passed (all of them with `all`), oldest first, among the keys `owns` accepts. */
  release(wallNow: number, owns: BrandFilter, all?: boolean): HeldPost[];
  /** Posts held now. */
  size(): number;
  /** Saves posts taken in since the last flush as one chunk; rewrites or deletes chunks whose posts moved on. */
  flush(): Promise<void>;
  /** Forgets what is in memory and reads the held posts back from the store. */
  reload(wallNow: number): Promise<void>;
}

export function createReorderBuffer(options: { state?: StateStore; log: Logger; idleMs?: number; maxHeld?: number }): ReorderBuffer {
  const idleMs = options.idleMs ?? LANE_IDLE_MS;
  const maxHeld = options.maxHeld ?? MAX_HELD;
  const { state, log } = options;
  const partitions = new Map<number, PartitionBuffer>();
  /**
   * Held posts are saved in chunks, one per flush that took posts in (a state write per post made a scaled replay
   * cost two store requests per post): a chunk is rewritten with what it still holds when some of its posts moved
   * on, and deleted once all did.
   */
  const chunks = new Map<string, Set<Entry>>();
  const fresh = new Set<Entry>();
  const touched = new Set<string>();
  /** Store keys held now: a batch delivered again after a failure is held once. */
  const heldKeys = new Set<string>();
  /**
   * Store keys handed out lately, oldest first: a copy arriving after its post moved on is a duplicate (a classify
   * worker frozen past a rebalance publishes the batch it had fetched once it runs again; QA: 1,358 "counts late"
   * warnings for posts already handled). Bounded; the detectors' own id checks stay behind it.
   */
  const handedOut = new Set<string>();
  const chunkPrefix = randomUUID().slice(0, 8);
  let chunkSeq = 0;
  let duplicates = 0;
  let seq = 0;

  function buffer(partition: number, lanes: number, wallNow: number): PartitionBuffer {
    let p = partitions.get(partition);
    if (!p) partitions.set(partition, (p = { lanes, heard: new Map(), since: wallNow, held: [], released: -Infinity, silent: new Set() }));
    p.lanes = Math.max(p.lanes, lanes);
    return p;
  }

  function enter(p: PartitionBuffer, post: HeldPost, chunk?: string): Entry | undefined {
    const entry: Entry = { ...post, at: Date.parse(post.value.createdAt), seq: seq++, storeKey: `${post.partition}:${post.key}:${post.value.id}`, chunk };
    if (heldKeys.has(entry.storeKey)) return undefined;
    heldKeys.add(entry.storeKey);
    p.held.push(entry);
    return entry;
  }

  function watermark(p: PartitionBuffer, partition: number, wallNow: number): number {
    let mark = Infinity;
    for (let lane = 0; lane < p.lanes; lane++) {
      const heard = p.heard.get(lane);
      if (wallNow - (heard?.lastSeenAt ?? p.since) >= idleMs) {
        if (p.held.length > 0 && !p.silent.has(lane)) {
          p.silent.add(lane);
          log.info({ partition, lane, silentMs: idleMs }, 'a mentions partition is silent: the posts of the others move on without waiting for it');
        }
        continue;
      }
      mark = Math.min(mark, heard?.newest ?? -Infinity);
    }
    return mark;
  }

  const stored = (e: Entry) => ({ partition: e.partition, key: e.key, value: e.value });

  return {
    hold(partition, key, value, wallNow) {
      const p = buffer(partition, value.lane.of, wallNow);
      const lane = p.heard.get(value.lane.partition) ?? { newest: -Infinity, lastSeenAt: wallNow };
      const at = Date.parse(value.createdAt);
      lane.newest = Math.max(lane.newest, at);
      lane.lastSeenAt = wallNow;
      p.heard.set(value.lane.partition, lane);
      p.silent.delete(value.lane.partition);
      if (handedOut.has(`${partition}:${key}:${value.id}`)) {
        duplicates += 1;
        return;
      }
      if (at < p.released) {
        log.warn({ partition, lane: value.lane.partition, post: value.id, createdAt: value.createdAt, behindMs: p.released - at }, 'a post came after later posts were handed to the detectors: it counts late');
      }
      const entry = enter(p, { partition, key, value });
      if (entry) fresh.add(entry);
    },

    release(wallNow, owns, all = false) {
      const out: Entry[] = [];
      for (const [partition, p] of partitions) {
        let mark = all ? Infinity : watermark(p, partition, wallNow);
        if (p.held.length > maxHeld) {
          const times = p.held.map((e) => e.at).sort((a, b) => a - b);
          const forced = times[p.held.length - maxHeld - 1] as number;
          if (forced > mark) {
            log.warn({ partition: p.held[0]?.partition, held: p.held.length, maxHeld }, 'event-time reorder buffer full: the oldest posts go on before every lane passed them');
            mark = forced;
          }
        }
        const keep: Entry[] = [];
        for (const e of p.held) {
          if (e.at > mark) keep.push(e);
          else {
            out.push(e);
            p.released = Math.max(p.released, e.at);
            heldKeys.delete(e.storeKey);
            handedOut.add(e.storeKey);
          }
        }
        p.held = keep;
      }
      for (const key of handedOut) {
        if (handedOut.size <= MAX_HANDED_OUT) break;
        handedOut.delete(key);
      }
      if (duplicates > 0) {
        log.info({ duplicates }, 'posts delivered again after they were handed to the detectors: skipped');
        duplicates = 0;
      }
      const released: HeldPost[] = [];
      for (const e of out.sort((a, b) => a.at - b.at || a.seq - b.seq)) {
        // Another member reads this key's partition now: it read the post back from the store, which keeps it.
        if (!owns(e.key)) continue;
        if (e.chunk === undefined) fresh.delete(e);
        else if (chunks.get(e.chunk)?.delete(e)) touched.add(e.chunk);
        released.push({ partition: e.partition, key: e.key, value: e.value });
      }
      return released;
    },

    size: () => [...partitions.values()].reduce((n, p) => n + p.held.length, 0),

    async flush() {
      if (!state) {
        fresh.clear();
        return;
      }
      if (fresh.size > 0) {
        const chunk = `${chunkPrefix}:${chunkSeq++}`;
        const members = new Set(fresh);
        fresh.clear();
        for (const e of members) e.chunk = chunk;
        chunks.set(chunk, members);
        await state.putState(NAMESPACE, chunk, [...members].map(stored));
      }
      for (const chunk of touched) {
        const members = chunks.get(chunk);
        if (!members || members.size === 0) {
          chunks.delete(chunk);
          await state.deleteState(NAMESPACE, chunk);
        } else {
          await state.putState(NAMESPACE, chunk, [...members].map(stored));
        }
      }
      touched.clear();
    },

    async reload(wallNow) {
      partitions.clear();
      heldKeys.clear();
      chunks.clear();
      touched.clear();
      fresh.clear();
      if (!state) return;
      for (const row of await state.listState(NAMESPACE)) {
        const posts = z.array(StoredPost).safeParse(row.value);
        if (!posts.success) {
          log.warn({ key: row.key }, 'unreadable held posts in the event-time reorder buffer dropped');
          await state.deleteState(NAMESPACE, row.key);
          continue;
        }
        const members = new Set<Entry>();
        chunks.set(row.key, members);
        // Their lanes are heard from again (or go idle) before they move on: no lane's progress is kept across restarts.
        for (const post of posts.data) {
          const entry = enter(buffer(post.partition, post.value.lane?.of ?? 1, wallNow), post, row.key);
          if (entry) members.add(entry);
        }
        if (members.size === 0) {
          chunks.delete(row.key);
          await state.deleteState(NAMESPACE, row.key);
        }
      }
    },
  };
}
