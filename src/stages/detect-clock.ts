/**
 * The detect stage's event clock, one per brand (the key of `classified`).
 *
 * One clock for all brands (the newest createdAt seen) went wrong in scaled mode: kafkajs reads partitions
 * concurrently, so a partition read early pushed every other brand's clock forward, their posts then counted as
 * more than an hour late (dropped by the shitstorm detector) and unanswered escalation steps were skipped. Order
 * is promised only per key, so time is kept per key too: a brand's clock moves with its own posts.
 *
 * Store state (namespace `detect`): `eventTime:<brand>` per brand, and `eventTime`, the clock of every brand
 * without one of its own. That is the key of the single clock this replaced, so a stored single clock becomes
 * the starting value of every brand; `advanceTo` (end of a replay) moves it, and with it every brand.
 * Brand clocks are read lazily and forgotten on reload: after a rebalance the store has what the brand's
 * previous owner flushed.
 */
import type { BrandFilter } from '../../classifiers/types.ts';
import type { Store } from '../store/port.ts';

const CLOCK_NAMESPACE = 'detect';
const DEFAULT_KEY = 'eventTime';
const brandKey = (brand: string) => `eventTime:${brand}`;

interface BrandTime {
  at: number;
  stored: number;
}

export interface BrandClocks {
  /** Reads the default clock again and forgets the brands' (read again from the store when next needed). */
  reload(): Promise<void>;
  /** A post of `brand` created at `at` (ms): moves that brand's clock; returns the brand's time. */
  observe(brand: string, at: number): Promise<Date>;
  /** The brand's time (after `observe`), or the default clock's. */
  timeOf(brand: string): Date;
  /** Moves the default clock and every brand's to at least `at` (ms); returns the default clock's time. */
  advanceAll(at: number): Date;
  /** Brands with a clock of their own in memory. */
  brands(): string[];
  /** Writes clocks that moved, of the brands `owns` accepts (and the default clock). */
  flush(owns: BrandFilter): Promise<void>;
}

export function createBrandClocks(state: Pick<Store, 'getState' | 'putState'> | undefined): BrandClocks {
  const fallback: BrandTime = { at: 0, stored: 0 };
  const clocks = new Map<string, BrandTime>();

  async function read(key: string): Promise<number> {
    const stored = state ? await state.getState(CLOCK_NAMESPACE, key) : undefined;
    return typeof stored === 'number' && Number.isFinite(stored) ? stored : 0;
  }

  async function write(key: string, t: BrandTime): Promise<void> {
    if (!state || t.at <= t.stored) return;
    await state.putState(CLOCK_NAMESPACE, key, t.at);
    t.stored = t.at;
  }

  return {
    async reload() {
      fallback.stored = await read(DEFAULT_KEY);
      fallback.at = Math.max(fallback.at, fallback.stored);
      clocks.clear();
    },
    async observe(brand, at) {
      let t = clocks.get(brand);
      if (!t) {
        const stored = await read(brandKey(brand));
        t = { at: Math.max(stored, fallback.at), stored };
        clocks.set(brand, t);
      }
      t.at = Math.max(t.at, at);
      return new Date(t.at);
    },
    timeOf(brand) {
      return new Date(Math.max(clocks.get(brand)?.at ?? 0, fallback.at));
    },
    advanceAll(at) {
      fallback.at = Math.max(fallback.at, at);
      for (const t of clocks.values()) t.at = Math.max(t.at, fallback.at);
      return new Date(fallback.at);
    },
    brands: () => [...clocks.keys()],
    async flush(owns) {
      for (const [brand, t] of clocks) if (owns(brand)) await write(brandKey(brand), t);
      await write(DEFAULT_KEY, fallback);
    },
  };
}
