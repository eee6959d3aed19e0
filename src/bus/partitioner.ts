import { fnv1a } from '../fnv1a.ts';

/**
 * Key → partition. The same key always lands in the same partition, which is what keeps a thread's posts
 * (key = thread root) and a brand's classified mentions (key = brand) in order.
 */
export function partitionForKey(key: string, partitions: number): number {
  if (partitions <= 1) return 0;
  return (fnv1a(key) >>> 0) % partitions;
}
