/**
 * Deterministic synthetic posts (German and English, several brands, threads with brand replies) for the
 * scale-out test and the pipeline benchmark. Same seed → same posts.
 */
import type { Mention } from '../src/model.ts';
import { mulberry32 } from '../src/datasets/folds.ts';

const BRANDS = [
  { id: 'bahnfrei', handle: 'BahnFreiHilft', words: ['BahnFrei', 'Zug', 'ICE', 'Verspätung'] },
  { id: 'funkwelle', handle: 'FunkwelleService', words: ['Funkwelle', 'Netz', 'Tarif', 'Router'] },
  { id: 'paketblitz', handle: 'PaketBlitz', words: ['PaketBlitz', 'Paket', 'Lieferung', 'Sendung'] },
];

const GERMAN = [
  'Seit drei Tagen keine Antwort von {b}, {w} immer noch nicht da. Unglaublich.',
  'Danke {b}, {w} hat heute super geklappt!',
  'Weiß jemand, ob {b} am Wochenende {w} anbietet?',
  '{b} schickt mir eine Mahnung, obwohl ich längst bezahlt habe. Ich kündige!',
  'Warteschleife bei {b} seit 40 Minuten wegen {w}. Niemand erreichbar.',
  '{w} bei {b} war pünktlich, nicht schlecht.',
];
const ENGLISH = [
  '@{h} still waiting for a reply about my {w}, this is the worst service ever',
  'Thanks @{h}, the {w} arrived early. Great job!',
  '@{h} how do I change my {w} settings?',
  '@{h} I will cancel my subscription if the {w} is not fixed today',
];


export const SYNTHETIC_BRANDS = BRANDS.map((b) => ({
  id: b.id,
  name: b.words[0]!,
  query: `${b.words[0]} OR @${b.handle}`,
  accounts: [b.handle],
  language: 'de' as const,
}));

export function generateMentions(count: number, options: { seed?: number; start?: Date; prefix?: string } = {}): Mention[] {
  const next = mulberry32(options.seed ?? 42);
  const start = (options.start ?? new Date('2026-11-01T00:00:00Z')).getTime();
  const prefix = options.prefix ?? 'gen';
  const out: Mention[] = [];
  for (let i = 0; i < count; i++) {
    const brand = BRANDS[Math.floor(next() * BRANDS.length)]!;
    const word = brand.words[1 + Math.floor(next() * (brand.words.length - 1))]!;
    const english = next() < 0.4;
    const templates = english ? ENGLISH : GERMAN;
    const text = templates[Math.floor(next() * templates.length)]!.replace('{b}', brand.words[0]!).replace('{h}', brand.handle).replace('{w}', word);
    const id = `${prefix}:${i}`;
    // Every tenth post answers an earlier one, so threads and brand replies occur as they do live.
    const replyTo = i > 10 && i % 10 === 0 ? out[i - 1 - Math.floor(next() * 10)] : undefined;
    const fromBrand = replyTo !== undefined && next() < 0.5;
    out.push({
      id,
      source: prefix.replace(/[^a-z0-9_-]/g, '') || 'gen',
      author: fromBrand ? { id: brand.handle, handle: brand.handle, isBrand: true } : { id: `user${Math.floor(next() * 5000)}`, handle: `user${Math.floor(next() * 5000)}`, isBrand: false },
      text: fromBrand ? 'Danke für Ihre Nachricht, wir kümmern uns sofort darum und melden uns per DM mit der Lösung.' : text,
      createdAt: new Date(start + i * 7_000).toISOString(),
      thread: replyTo ? { rootId: replyTo.thread.rootId, parentId: replyTo.id } : { rootId: id },
      metrics: { likes: Math.floor(next() * 20), shares: Math.floor(next() * 5), replies: 0 },
      channel: replyTo ? 'reply' : 'post',
      brandContext: [],
    });
  }
  return out;
}
