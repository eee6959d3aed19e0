/**
 * The hash space of the learned models' features: FNV-1a over a namespace per feature kind, finished by an
 * avalanche so the top `bits` bits can serve as the index. Model files store weights by these indices only, so
 * any change here changes every shipped model's meaning. The negator words live here too, looked up by the
 * unigram hash the extractor computes anyway.
 */
// Namespaces: the same string as a unigram, a negated unigram or a character n-gram must hash apart.
export const NS_WORD = 0x9e3779b1;
export const NS_NEG = 0x85ebca6b;
export const NS_BIGRAM = 0xc2b2ae35;
export const NS_CHAR = 0x27d4eb2f;
export const NS_SURFACE = 0x165667b1;

export function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

/** Final avalanche (murmur3 fmix32) so the top bits we keep depend on every input character. */
export function finishHash(h: number, shift: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> shift;
}

/** The index of a named surface or lexicon feature (also how analyst-facing labels find it). */
export function surfaceIndex(name: string, bits: number): number {
  return finishHash(fnv(NS_SURFACE, name), 32 - bits);
}

/** How many tokens a negator reaches; punctuation ends the scope earlier. Three covers "nicht so richtig gut". */
export const NEGATION_SCOPE = 3;

const NEGATORS = new Set([
  'nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'ohne', 'weder', 'kaum',
  'net', 'ned', // south German / Austrian "nicht"
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'without', 'cannot', 'neither', 'nor',
]);

// NEGATORS by their unigram hash (fnv(NS_WORD, w)): an open-addressing table with the words to confirm a hit.
const NEGATOR_SLOTS = 64;
const negatorHash = new Int32Array(NEGATOR_SLOTS);
const negatorWord: Array<string | undefined> = new Array<string | undefined>(NEGATOR_SLOTS).fill(undefined);
for (const w of NEGATORS) {
  const h = fnv(NS_WORD, w);
  let i = h & (NEGATOR_SLOTS - 1);
  while (negatorWord[i] !== undefined) i = (i + 1) & (NEGATOR_SLOTS - 1);
  negatorHash[i] = h;
  negatorWord[i] = w;
}

/** NEGATORS.has(w), given h = fnv(NS_WORD, w). */
export function isNegator(w: string, h: number): boolean {
  for (let i = h & (NEGATOR_SLOTS - 1); ; i = (i + 1) & (NEGATOR_SLOTS - 1)) {
    const candidate = negatorWord[i];
    if (candidate === undefined) return false;
    if (negatorHash[i] === h && candidate === w) return true;
  }
}
