/**
 * Who is new: storms bring outsiders, while a loud regular, a fan base cheering a launch or the usual
 * complainers are people the brand has heard from before. A fixed-size sketch remembers, per hashed author,
 * the last day they were heard from (authors enter it only when their bucket leaves the recent-hour ring, so
 * the window being tested never vouches for itself). An author is "new" when their slot holds no day within the
 * last `SEEN_DAYS` days. Collisions only ever make a new author look known: the signal can be weakened by a
 * crowded sketch, never inflated.
 *
 * The brand's usual share of negatives from new authors is learned as a slow decayed sum (not during
 * incidents), so the window test compares new-author negatives with what that brand normally gets.
 *
 * Durable form, bounded whatever the number of authors: the sketch itself is a snapshot (deflated, 1–40 KB
 * instead of 175 KB of raw base64) written at most hourly, and the slots stamped since that snapshot travel as a
 * small journal with the detector's window entry, which is written at every flush anyway. Restore applies the
 * journal over the snapshot; a replayed stamp never makes an author look older than the snapshot says.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { fnv1a } from '../src/fnv1a.ts';

/** 128 KB, one byte per slot: ~40 000 authors heard from in four weeks fill a quarter of it (collisions ~25 %). */
const SLOTS = 1 << 17;
export const SEEN_DAYS = 28;
/** Memory of the learned share, in five-minute buckets (~3 days). */
const DECAY = 1 / (3 * 288);
/** Prior: half of a brand's negatives come from authors it has not heard from in four weeks. */
const PRIOR_SHARE = 0.5;
const PRIOR_WEIGHT = 20;

/** A snapshot is due after this much event time, or earlier when the journal grows past JOURNAL_MAX slots. */
const SNAPSHOT_MS = 3_600_000;
const JOURNAL_MAX = 4096;

/**
 * Snapshot of the sketch (key `authors`). `seen`: base64 of the deflated byte sketch, (day index mod 255) + 1
 * of the last post per slot, 0 = never; state written before snapshots were deflated holds the raw bytes.
 * `neg`/`newNeg` are only read from state written before the journal carried them.
 */
export const AuthorsState = z.object({
  seen: z.string(),
  at: z.number().optional(),
  neg: z.number().nonnegative().optional(),
  newNeg: z.number().nonnegative().optional(),
});
export type AuthorsState = z.infer<typeof AuthorsState>;

/** What changed since the snapshot (in the `window` entry): learned sums and stamped slots, per day code. */
export const AuthorsJournal = z.object({
  neg: z.number().nonnegative(),
  newNeg: z.number().nonnegative(),
  /** Day code → base64 of the sorted slot indices stamped with it, as varint gaps. */
  stamps: z.record(z.string(), z.string()),
});
export type AuthorsJournal = z.infer<typeof AuthorsJournal>;

export interface Authors {
  seen: Uint8Array;
  /** Decayed sums of capped negatives, and of those from new authors, over learned buckets. */
  neg: number;
  newNeg: number;
  /** Slots stamped since the last snapshot, with their day code. */
  journal: Map<number, number>;
  /** Event time of the last snapshot (0: never written). */
  snapshotAt: number;
}

export const newAuthors = (): Authors => ({ seen: new Uint8Array(SLOTS), neg: 0, newNeg: 0, journal: new Map(), snapshotAt: 0 });

/** True when the sketch should be written at this flush (the journal is then cleared by `authorsToState`). */
export function snapshotDue(a: Authors, at: number): boolean {
  return a.journal.size > 0 && (a.journal.size >= JOURNAL_MAX || at - a.snapshotAt >= SNAPSHOT_MS);
}

export function authorsToState(a: Authors, at: number): AuthorsState {
  a.journal.clear();
  a.snapshotAt = at;
  // Stamps older than SEEN_DAYS mean "new" just like an empty slot: clearing them keeps the snapshot small
  // (deflate then sees only the last four weeks) and stops a code from looking recent when day codes wrap.
  const today = dayCode(at);
  for (let i = 0; i < a.seen.length; i++) {
    const v = a.seen[i] ?? 0;
    if (v !== 0 && (today - v + 255) % 255 > SEEN_DAYS) a.seen[i] = 0;
  }
  return { seen: deflateRawSync(a.seen).toString('base64'), at };
}

export function authorsFromState(s: AuthorsState): Authors | undefined {
  let buf = Buffer.from(s.seen, 'base64');
  try {
    if (buf.byteLength !== SLOTS) buf = inflateRawSync(buf);
  } catch {
    return undefined;
  }
  if (buf.byteLength !== SLOTS) return undefined;
  return { seen: new Uint8Array(buf), neg: s.neg ?? 0, newNeg: s.newNeg ?? 0, journal: new Map(), snapshotAt: s.at ?? 0 };
}

export function journalToState(a: Authors): AuthorsJournal {
  const byCode = new Map<number, number[]>();
  for (const [slot, code] of a.journal) {
    const list = byCode.get(code) ?? [];
    list.push(slot);
    byCode.set(code, list);
  }
  const stamps: Record<string, string> = {};
  for (const [code, slots] of byCode) {
    slots.sort((x, y) => x - y);
    const bytes: number[] = [];
    let prev = 0;
    for (const slot of slots) {
      for (let gap = slot - prev; ; gap >>>= 7) {
        if (gap < 0x80) {
          bytes.push(gap);
          break;
        }
        bytes.push((gap & 0x7f) | 0x80);
      }
      prev = slot;
    }
    stamps[String(code)] = Buffer.from(bytes).toString('base64');
  }
  return { neg: a.neg, newNeg: a.newNeg, stamps };
}

/**
 * Replays a journal over the restored snapshot. A stamp only moves a slot forward in time (relative to the
 * newest stamp in the journal), so a journal that the snapshot already contains changes nothing.
 */
export function applyJournal(a: Authors, j: AuthorsJournal): void {
  a.neg = j.neg;
  a.newNeg = j.newNeg;
  const codes = Object.keys(j.stamps).map(Number);
  // Ages are taken from the newest day known (the snapshot's or a stamp's; codes wrap every 255 days).
  let ref = a.snapshotAt > 0 ? dayCode(a.snapshotAt) : (codes[0] ?? 1);
  for (const c of codes) if ((c - ref + 255) % 255 < 128) ref = c;
  const age = (code: number) => (code === 0 ? Infinity : (ref - code + 255) % 255);
  for (const code of codes) {
    const bytes = Buffer.from(j.stamps[String(code)] ?? '', 'base64');
    let slot = 0;
    let gap = 0;
    let shift = 0;
    for (const byte of bytes) {
      gap |= (byte & 0x7f) << shift;
      shift += 7;
      if (byte & 0x80) continue;
      slot += gap;
      gap = 0;
      shift = 0;
      if (slot >= SLOTS) return;
      if (age(code) <= age(a.seen[slot] ?? 0)) a.seen[slot] = code;
      a.journal.set(slot, a.seen[slot] ?? code);
    }
  }
}

function slot(author: string): number {
  return (fnv1a(author) >>> 0) & (SLOTS - 1);
}

const dayCode = (at: number) => (Math.floor(at / 86_400_000) % 255) + 1;

/** True when `author` was not heard from in the `SEEN_DAYS` days before `at`. */
export function isNewAuthor(a: Authors, author: string, at: number): boolean {
  const v = a.seen[slot(author)] ?? 0;
  if (v === 0) return true;
  const age = (dayCode(at) - v + 255) % 255;
  return age > SEEN_DAYS;
}

/**
 * A bucket leaving the recent-hour ring: learn the share of its (capped) negatives that came from new
 * authors, unless `learn` is false (an incident), then remember all its authors.
 */
export function retireBucket(a: Authors, authors: Readonly<Record<string, number>>, negAuthors: Readonly<Record<string, number>>, at: number, cap: number, learn: boolean): void {
  if (learn) {
    let neg = 0;
    let fresh = 0;
    for (const author in negAuthors) {
      const c = Math.min(negAuthors[author] ?? 0, cap);
      neg += c;
      if (isNewAuthor(a, author, at)) fresh += c;
    }
    a.neg = a.neg * (1 - DECAY) + neg;
    a.newNeg = a.newNeg * (1 - DECAY) + fresh;
  }
  const code = dayCode(at);
  for (const author in authors) {
    const i = slot(author);
    a.seen[i] = code;
    a.journal.set(i, code);
  }
}

/** The brand's usual share of negatives from new authors, pulled towards the prior while little is known. */
export function newShare(a: Authors): number {
  return (a.newNeg + PRIOR_SHARE * PRIOR_WEIGHT) / (a.neg + PRIOR_WEIGHT);
}
