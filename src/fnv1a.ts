/**
 * FNV-1a over UTF-16 code units: cheap, and stable across processes and versions (unlike a language's built-in hash),
 * so tables built from it can be stored and partitions assigned by it agree between consumers. Signed 32-bit, as
 * Int32Array tables store it; `>>> 0` where an unsigned index is needed.
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}
