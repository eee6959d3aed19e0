/**
 * Which brands a detect-stage instance owns, in scaled mode (several `worker detect` in consumer group `detect`).
 *
 * `classified` is keyed by brand, so a member owns exactly the brands whose keys land on its partitions, and
 * only the owner may act on a brand: a second member holding an old copy of brand X's threads would raise an
 * `unanswered` alert for a thread already answered at the owner and write it back as awaiting_brand. Hence, on
 * every (re)assignment: flush what the old ownership made dirty, switch ownership, reload every detector's state
 * from the store (restore replaces, the new owner starts from what the old one flushed), and only then go on;
 * detectors are called with the ownership filter, so observe, advance (also the wall-clock timer) and flush
 * never touch another member's brands.
 *
 * Ownership comes from the bus (ConsumeOptions.onAssignment), which alone knows its partitioner and partition
 * count. The in-memory bus reports the partitions of its own group members (all of them with one member).
 */
import type { BrandFilter } from '../../classifiers/types.ts';
import type { Assignment } from '../bus/port.ts';
import { childLogger } from '../log.ts';

const log = childLogger('stage.detect');

export interface DetectOwnershipDeps {
  /** Runs work one at a time with batches and timer ticks (the stage's queue). */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  /** Writes the detectors' (and clock's) dirty state of the brands `owns` accepts. */
  flush: (owns: BrandFilter) => Promise<void>;
  /** Replaces the detectors' in-memory state with the store's. */
  reload: () => Promise<void>;
}

export interface DetectOwnership {
  /** The brands this instance may touch now: every brand until the bus reports an assignment. */
  readonly owns: BrandFilter;
  /** For ConsumeOptions.onAssignment on `classified`. */
  onAssignment(assignment: Assignment): Promise<void>;
  /** Owns nothing until the first assignment: a member still joining its group must not act on any brand. */
  awaitAssignment(): void;
}

const everyBrand: BrandFilter = () => true;
const noBrand: BrandFilter = () => false;

export function createDetectOwnership(deps: DetectOwnershipDeps): DetectOwnership {
  let current: BrandFilter = everyBrand;
  return {
    owns: (brand) => current(brand),
    awaitAssignment() {
      current = noBrand;
    },
    onAssignment: (assignment) =>
      deps.exclusive(async () => {
        await deps.flush(current);
        // Until the reload finished, the state in memory is partly the old copy: touch nothing (a failed reload
        // is retried by the bus before the next batch).
        current = noBrand;
        await deps.reload();
        const partitions = new Set(assignment.partitions);
        current = partitions.size === 0 ? noBrand : (brand) => assignment.ownsKey(brand);
        log.info({ partitions: assignment.partitions }, 'partitions assigned; detector state reloaded from the store');
      }),
  };
}
