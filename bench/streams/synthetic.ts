/**
 * Synthetic mention streams for the shitstorm benchmark: several brands over weeks with a daily and weekly
 * rhythm, day- and hour-level overdispersion, injected bursts (size, ramp speed and negativity varied) and
 * decoys that must not alert (viral praise, a launch spike, one very loud author, one viral post).
 *
 * Burst size is the peak rate as a multiple of the brand's *mean* hourly rate (a 5× burst adds four times the
 * brand's average volume at its peak), so a night-time burst is not trivially huge or invisibly small.
 */
import type { Classified } from '../../src/model.ts';
import { Rng } from './prng.ts';

export interface BrandProfile {
  id: string;
  name: string;
  meanPerHour: number;
  negShare: number;
  weekendFactor: number;
  lang: 'de' | 'en';
}

export type EventKind = 'burst' | 'viral_praise' | 'launch' | 'loud_author' | 'viral_post';

export interface InjectedEvent {
  id: string;
  brand: string;
  kind: EventKind;
  onset: number;
  /** Peak total rate over the brand's mean rate (bursts, praise, launch). */
  multiple: number;
  rampMinutes: number;
  plateauMinutes: number;
  decayMinutes: number;
  negShare: number;
}

export interface Scenario {
  start: number;
  minutes: number;
  brands: BrandProfile[];
  events: InjectedEvent[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Hour-of-day rhythm of brand mentions (UTC here): quiet nights, a lunchtime and an evening peak.
const DAILY_RAW = [0.25, 0.15, 0.1, 0.1, 0.12, 0.2, 0.45, 0.8, 1.1, 1.3, 1.4, 1.45, 1.5, 1.45, 1.4, 1.4, 1.45, 1.5, 1.55, 1.6, 1.5, 1.2, 0.85, 0.5];
const DAILY_MEAN = DAILY_RAW.reduce((a, b) => a + b, 0) / 24;
const DAILY = DAILY_RAW.map((x) => x / DAILY_MEAN);

export const BRANDS: BrandProfile[] = [
  { id: 'baeckerei', name: 'Bäckerei Krume', meanPerHour: 10, negShare: 0.2, weekendFactor: 1.1, lang: 'de' },
  { id: 'stadtwerke', name: 'Stadtwerke Nord', meanPerHour: 30, negShare: 0.35, weekendFactor: 0.6, lang: 'de' },
  { id: 'fernbahn', name: 'Fernbahn', meanPerHour: 80, negShare: 0.3, weekendFactor: 0.9, lang: 'de' },
  { id: 'telco', name: 'Telco One', meanPerHour: 200, negShare: 0.25, weekendFactor: 0.8, lang: 'en' },
  { id: 'megashop', name: 'MegaShop', meanPerHour: 500, negShare: 0.15, weekendFactor: 1.2, lang: 'de' },
];

const SIZES = [2, 3, 5, 8, 12, 20];
const RAMPS = [10, 30, 60, 120, 180];
const NEGATIVITY = [0.6, 0.75, 0.9];
const DECOYS: EventKind[] = ['viral_praise', 'launch', 'loud_author', 'viral_post'];

/** Events per brand: from day 8 (after a week of learning) to a day before the end, 30–54 h apart. */
export function buildScenario(seed: number, weeks: number, brands: BrandProfile[] = BRANDS): Scenario {
  const rng = new Rng(seed);
  const start = Date.UTC(2026, 0, 5); // a Monday
  const minutes = weeks * 7 * 24 * 60;
  const events: InjectedEvent[] = [];
  let n = 0;
  for (const [bi, brand] of brands.entries()) {
    let t = start + 8 * 24 * HOUR + rng.int(0, 24) * HOUR + rng.int(0, 60) * MINUTE;
    let k = bi;
    while (t < start + minutes * MINUTE - 24 * HOUR) {
      const decoy = k % 3 === 2;
      const kind: EventKind = decoy ? (DECOYS[Math.floor(k / 3) % DECOYS.length] ?? 'launch') : 'burst';
      const base = { id: `e${n++}`, brand: brand.id, kind, onset: t };
      if (kind === 'burst') {
        events.push({
          ...base,
          multiple: SIZES[(k * 5 + bi) % SIZES.length] ?? 5,
          rampMinutes: RAMPS[(k * 3 + bi) % RAMPS.length] ?? 60,
          plateauMinutes: rng.int(60, 181),
          decayMinutes: rng.int(60, 121),
          negShare: NEGATIVITY[(k + bi) % NEGATIVITY.length] ?? 0.75,
        });
      } else if (kind === 'viral_praise') {
        events.push({ ...base, multiple: 8, rampMinutes: 20, plateauMinutes: 120, decayMinutes: 60, negShare: 0.03 });
      } else if (kind === 'launch') {
        events.push({ ...base, multiple: 6, rampMinutes: 60, plateauMinutes: 240, decayMinutes: 120, negShare: 0.1 });
      } else {
        events.push({ ...base, multiple: 1, rampMinutes: 0, plateauMinutes: kind === 'loud_author' ? 120 : 60, decayMinutes: 0, negShare: 1 });
      }
      k += 1;
      t += rng.int(30, 55) * HOUR + rng.int(0, 60) * MINUTE;
    }
  }
  return { start, minutes, brands, events };
}

/** End of an event's influence: the window in which an alert counts as caused by it. */
export function eventEnd(e: InjectedEvent): number {
  return e.onset + (e.rampMinutes + e.plateauMinutes + e.decayMinutes + 60) * MINUTE;
}

/** Event rate profile at time t: 0 before onset, linear ramp to 1, plateau, linear decay. */
function envelope(e: InjectedEvent, t: number): number {
  const m = (t - e.onset) / MINUTE;
  if (m < 0) return 0;
  if (m < e.rampMinutes) return (m + 1) / (e.rampMinutes + 1);
  if (m < e.rampMinutes + e.plateauMinutes) return 1;
  const d = m - e.rampMinutes - e.plateauMinutes;
  return d < e.decayMinutes ? 1 - d / e.decayMinutes : 0;
}

const WORDS = {
  de: {
    neutral: ['bestellung', 'filiale', 'angebot', 'frage', 'lieferung', 'öffnungszeiten', 'preis', 'app', 'konto', 'rechnung'],
    negative: ['ärgerlich', 'verspätung', 'kundenservice', 'unverschämt', 'kaputt', 'warte', 'rückerstattung', 'störung'],
    positive: ['super', 'danke', 'lecker', 'toll', 'begeistert', 'empfehlung'],
    storm: [['preiserhöhung', 'abzocke', 'boykott'], ['datenleck', 'skandal', 'datenschutz'], ['rassismus', 'werbung', 'entschuldigung'], ['rückruf', 'gesundheit', 'gefährlich']],
  },
  en: {
    neutral: ['order', 'store', 'offer', 'question', 'delivery', 'hours', 'price', 'app', 'account', 'invoice'],
    negative: ['annoying', 'delay', 'support', 'outrageous', 'broken', 'waiting', 'refund', 'outage'],
    positive: ['great', 'thanks', 'love', 'awesome', 'amazing', 'recommend'],
    storm: [['price', 'hike', 'boycott'], ['data', 'breach', 'scandal'], ['racist', 'advert', 'apology'], ['recall', 'health', 'dangerous']],
  },
};

/**
 * Real posts to write the mentions with instead of the generator's few words (bench:detect --texts real): what people
 * wrote, by label, per language. A storm's posts keep their topic words in front of a real complaint.
 */
export type RealTexts = Record<'de' | 'en', Record<'negative' | 'positive' | 'neutral', readonly string[]>>;

interface Ctx {
  rng: Rng;
  seq: number;
  recentRoots: Map<string, string[]>;
  texts?: RealTexts;
}

const STORM_WORDS = new Set(Object.values(WORDS).flatMap((w) => w.storm.flat()));

function mention(
  ctx: Ctx,
  brand: BrandProfile,
  at: number,
  author: string,
  negative: boolean,
  positive: boolean,
  words: string[],
  source: string,
  rootId: string | undefined,
  shares: number,
): Classified {
  const id = `${source}:${brand.id}-${ctx.seq++}`;
  const iso = new Date(at).toISOString();
  const sentiment = negative ? 'negative' : positive ? 'positive' : 'neutral';
  const real = ctx.texts?.[brand.lang][sentiment];
  const said = real && real.length > 0 ? [...words.filter((w) => STORM_WORDS.has(w)), ctx.rng.pick(real)] : words;
  return {
    id,
    source,
    author: { id: author, handle: author, isBrand: false },
    text: `${brand.name} ${said.join(' ')}`,
    createdAt: iso,
    thread: rootId ? { rootId, parentId: rootId } : { rootId: id },
    metrics: { likes: 0, shares, replies: 0 },
    channel: rootId ? 'reply' : 'post',
    brandContext: [],
    lang: brand.lang,
    brands: [brand.id],
    complaint: { score: negative ? 0.8 : 0.1, isComplaint: negative && ctx.rng.uniform() < 0.7, cues: [], severity: negative ? 2 : 0 },
    sentiment: { label: sentiment, score: negative ? -0.6 : positive ? 0.6 : 0 },
    intents: [],
    classifiedAt: iso,
    model: 'synthetic',
  };
}

function sourceOf(rng: Rng, mix: [number, number]): string {
  const u = rng.uniform();
  return u < mix[0] ? 'twitter' : u < mix[0] + mix[1] ? 'facebook' : 'news';
}

/**
 * Yields each minute's mentions across all brands in time order. Levels are drawn per day (cv 8 %) and per
 * hour (cv 15 %) on top of Poisson arrivals: real mention counts are overdispersed.
 */
export function* minuteStream(s: Scenario, seed: number, texts?: RealTexts): Generator<{ at: number; mentions: Classified[] }> {
  const rng = new Rng(seed ^ 0x5bd1e995);
  const ctx: Ctx = { rng, seq: 0, recentRoots: new Map(), ...(texts ? { texts } : {}) };
  const dayNoise = new Map<string, number>();
  const hourNoise = new Map<string, number>();
  const stormThreads = new Map<string, string[]>();
  for (let i = 0; i < s.minutes; i++) {
    const at = s.start + i * MINUTE;
    const date = new Date(at);
    const hod = date.getUTCHours();
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const out: Classified[] = [];
    for (const brand of s.brands) {
      const dayKey = `${brand.id}:${Math.floor(at / (24 * HOUR))}`;
      const hourKey = `${brand.id}:${Math.floor(at / HOUR)}`;
      if (!dayNoise.has(dayKey)) dayNoise.set(dayKey, rng.noise(0.08));
      if (!hourNoise.has(hourKey)) hourNoise.set(hourKey, rng.noise(0.15));
      const rate = (brand.meanPerHour * (DAILY[hod] ?? 1) * (weekend ? brand.weekendFactor : 1) * (dayNoise.get(dayKey) ?? 1) * (hourNoise.get(hourKey) ?? 1)) / 60;
      const roots = ctx.recentRoots.get(brand.id) ?? [];
      ctx.recentRoots.set(brand.id, roots);
      const w = WORDS[brand.lang];
      for (let k = rng.poisson(rate); k > 0; k--) {
        const negative = rng.uniform() < brand.negShare;
        const positive = !negative && rng.uniform() < 0.3;
        const words = [rng.pick(w.neutral), rng.pick(negative ? w.negative : positive ? w.positive : w.neutral)];
        // Heavy-tailed authors: a few regulars post often, most people once.
        const author = `u${brand.id}-${Math.floor(20_000 * rng.uniform() ** 3)}`;
        const reply = roots.length > 0 && rng.uniform() < 0.25 ? rng.pick(roots) : undefined;
        const m = mention(ctx, brand, at + rng.int(0, 60) * 1000, author, negative, positive, words, sourceOf(rng, [0.7, 0.2]), reply, rng.uniform() < 0.1 ? rng.int(1, 20) : 0);
        if (!reply) {
          roots.push(m.id);
          if (roots.length > 50) roots.shift();
        }
        out.push(m);
      }
    }
    for (const e of s.events) {
      if (at < e.onset || at >= eventEnd(e)) continue;
      const brand = s.brands.find((b) => b.id === e.brand);
      if (!brand) continue;
      out.push(...eventMentions(ctx, e, brand, at, stormThreads));
    }
    out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    yield { at, mentions: out };
  }
}

function eventMentions(ctx: Ctx, e: InjectedEvent, brand: BrandProfile, at: number, stormThreads: Map<string, string[]>): Classified[] {
  const { rng } = ctx;
  const w = WORDS[brand.lang];
  const out: Classified[] = [];
  const minute = (at - e.onset) / MINUTE;
  if (e.kind === 'loud_author') {
    // 100 angry posts by one person over two hours.
    const perMinute = 100 / e.plateauMinutes;
    for (let k = rng.poisson(perMinute); k > 0; k--) {
      out.push(mention(ctx, brand, at + rng.int(0, 60) * 1000, `loud-${e.id}`, true, false, [rng.pick(w.negative), rng.pick(w.negative)], 'twitter', undefined, 0));
    }
    return out;
  }
  if (e.kind === 'viral_post') {
    // One negative post shared 20 000 times; replies in its thread only, half of them negative.
    if (minute === 0) {
      const root = mention(ctx, brand, at, `viral-${e.id}`, true, false, [rng.pick(w.negative), rng.pick(w.negative)], 'twitter', undefined, 20_000);
      stormThreads.set(e.id, [root.id]);
      out.push(root);
      return out;
    }
    const root = stormThreads.get(e.id)?.[0];
    for (let k = rng.poisson(40 / e.plateauMinutes); k > 0; k--) {
      const neg = rng.uniform() < 0.5;
      out.push(mention(ctx, brand, at + rng.int(0, 60) * 1000, `vr-${e.id}-${ctx.seq}`, neg, !neg, [rng.pick(neg ? w.negative : w.positive)], 'twitter', root, 0));
    }
    return out;
  }
  const extraPerHour = (e.multiple - 1) * brand.meanPerHour * envelope(e, at);
  const topic = w.storm[Number(e.id.slice(1)) % w.storm.length] ?? w.storm[0] ?? [];
  const threads = stormThreads.get(e.id) ?? [];
  stormThreads.set(e.id, threads);
  const authorsPool = Math.max(50, Math.round((e.multiple * brand.meanPerHour * 3) / 2));
  for (let k = rng.poisson(extraPerHour / 60); k > 0; k--) {
    const negative = rng.uniform() < e.negShare;
    const positive = !negative && (e.kind !== 'burst' || rng.uniform() < 0.2);
    const words = e.kind === 'burst' ? [rng.pick(topic), rng.pick(topic), rng.pick(negative ? w.negative : w.neutral)] : [rng.pick(w.positive), rng.pick(w.neutral)];
    // Storms bring many new voices; some of them post more than once.
    const author = `${e.kind}-${e.id}-${Math.floor(authorsPool * rng.uniform())}`;
    const reply = threads.length >= 4 && rng.uniform() < 0.5 ? rng.pick(threads) : undefined;
    const shares = rng.uniform() < 0.3 ? rng.int(1, e.kind === 'viral_praise' ? 500 : 50) : 0;
    const m = mention(ctx, brand, at + rng.int(0, 60) * 1000, author, negative, positive, words, sourceOf(rng, [0.6, 0.25]), reply, shares);
    if (!reply && threads.length < 4) threads.push(m.id);
    out.push(m);
  }
  return out;
}
