/**
 * Key → partition. The same key always lands in the same partition, which is what keeps a thread's posts
 * (key = thread root) and a brand's classified mentions (key = brand) in order.
 */
export function partitionForKey(key: string, partitions: number): number {
  if (partitions <= 1) return 0;
  // FNV-1a: cheap, stable across processes and versions (unlike a language's built-in hash).
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
