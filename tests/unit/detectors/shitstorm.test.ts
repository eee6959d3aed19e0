import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../src/commands/replay.ts';
import { authorsFromState, authorsToState, isNewAuthor, newAuthors, newShare, retireBucket, SEEN_DAYS } from '../../../classifiers/shitstorm-authors.ts';
import { binomialSurprise, expectedHourly, learnHour, nbSurprise, newBaseline } from '../../../classifiers/shitstorm-baseline.ts';
import { DEFAULT_THRESHOLDS, scoreWindow } from '../../../classifiers/shitstorm-score.ts';
import type { WindowStats } from '../../../classifiers/shitstorm-window.ts';
import { createShitstormDetector, shitstormNamespace } from '../../../classifiers/shitstorm.ts';
import type { StreamDetector } from '../../../classifiers/types.ts';
import { Alert, type Brand, type Classified } from '../../../src/model.ts';
import { MemoryState, post } from './helpers.ts';

const bahn: Brand = { id: 'bahn', name: 'Deutsche Bahn', query: 'Bahn', accounts: ['DB_Bahn'], language: 'de' };
const acme: Brand = { id: 'acme', name: 'Acme', query: 'Acme', accounts: ['AcmeHelp'], language: 'en' };
const MIN = 60_000;
const START = Date.parse('2026-03-02T00:00:00Z'); // a Monday

/** Normal traffic: 40 posts/h by day (07–22 UTC), 8 at night, every 4th negative, from a pool of regulars. */
function normalRate(t: number): number {
  const h = new Date(t).getUTCHours();
  return h >= 7 && h < 22 ? 40 : 8;
}

let seq = 0;
function everyday(brand: Brand, t: number): Classified {
  const i = seq++;
  const negative = i % 4 === 0;
  const de = brand.language === 'de';
  return post({
    id: `n${i}`,
    at: new Date(t),
    author: `regular${i % 300}`,
    text: negative ? (de ? `${brand.name} schon wieder Verspätung` : `${brand.name} support is slow again`) : de ? `Mit der ${brand.name} unterwegs` : `Ordered from ${brand.name} today`,
    brands: [brand.id],
    complaint: negative,
    lang: de ? 'de' : 'en',
  });
}

interface Extra {
  /** Extra posts per hour at time t (on top of normal traffic). */
  rate: (t: number) => number;
  make: (i: number, t: number) => Classified;
}

/** Feeds minutes [from, to) with deterministic, evenly spaced posts; the clock advances every minute. */
async function feed(d: StreamDetector, brand: Brand, from: number, to: number, extra?: Extra): Promise<Alert[]> {
  const out: Alert[] = [];
  let acc = 0;
  let accExtra = 0;
  let k = 0;
  for (let t = from; t < to; t += MIN) {
    acc += normalRate(t) / 60;
    for (; acc >= 1; acc -= 1) out.push(...(await d.observe(everyday(brand, t), new Date(t))));
    if (extra) {
      accExtra += extra.rate(t) / 60;
      for (; accExtra >= 1; accExtra -= 1) out.push(...(await d.observe(extra.make(k++, t + 30_000), new Date(t + 30_000))));
    }
    out.push(...(await d.advance(new Date(t + MIN))));
  }
  return out;
}

const stormDe = (onset: number, peakPerHour: number, rampMin: number): Extra => ({
  rate: (t) => (t < onset ? 0 : peakPerHour * Math.min(1, (t - onset) / (rampMin * MIN))),
  make: (i, t) =>
    post({
      id: `s${i}`,
      at: new Date(t),
      author: `wutbuerger${i}`,
      text: ['Boykott! Die Preiserhöhung der Deutschen Bahn ist Abzocke', 'Abzocke bei der Bahn, Preiserhöhung unverschämt #boykott', 'Nie wieder Bahn, diese Preiserhöhung ist Abzocke'][i % 3] ?? '',
      brands: ['bahn'],
      complaint: true,
      source: i % 3 === 0 ? 'facebook' : 'twitter',
      shares: i % 5,
    }),
});

async function learned(brand: Brand, days = 3) {
  const state = new MemoryState();
  const d = createShitstormDetector({ brands: [brand], state });
  await d.restore();
  const early = await feed(d, brand, START, START + days * 24 * 60 * MIN);
  return { d, state, early, t: START + days * 24 * 60 * MIN };
}

describe('shitstorm detector', () => {
  it('learns quietly: steady traffic raises nothing', async () => {
    const { early } = await learned(bahn);
    expect(early).toEqual([]);
  });

  it('does not fire on the first day, whatever happens (cold start)', async () => {
    const state = new MemoryState();
    const d = createShitstormDetector({ brands: [bahn], state });
    await d.restore();
    const alerts = await feed(d, bahn, START, START + 10 * 60 * MIN, stormDe(START + 6 * 60 * MIN, 600, 10));
    expect(alerts).toEqual([]);
  });

  it('detects a German storm early, escalates it under one id and resolves it when volume is back to normal', async () => {
    const { d, t } = await learned(bahn);
    const onset = t + 10 * 60 * MIN; // 10:00 UTC on day 4
    const storm = stormDe(onset, 400, 30);
    const during = await feed(d, bahn, t, onset + 120 * MIN, storm);
    const after = await feed(d, bahn, onset + 120 * MIN, onset + 300 * MIN);
    const all = [...during, ...after];
    for (const a of all) expect(() => Alert.parse(a)).not.toThrow();
    const first = all[0];
    expect(first?.kind).toBe('shitstorm');
    expect(first?.revision).toBe(0);
    expect(Date.parse(first?.openedAt ?? '') - onset).toBeLessThanOrEqual(20 * MIN);
    expect(new Set(all.map((a) => a.id)).size).toBe(1);
    expect(all.map((a) => a.revision)).toEqual(all.map((_, i) => i));
    expect(all.some((a) => a.severity === 'critical')).toBe(true);
    const last = all.at(-1);
    expect(last?.status).toBe('resolved');
    expect(Date.parse(last?.resolvedAt ?? '')).toBeGreaterThan(onset + 120 * MIN);
    expect(first?.evidence).toMatchObject({ baselineNegativityShare: 0.25 });
    expect(Number(first?.evidence.observedNegative)).toBeGreaterThan(3 * Number(first?.evidence.expectedNegative));
    expect(first?.evidence.topTerms).toEqual(expect.arrayContaining(['preiserhöhung', 'abzocke']));
    expect(first?.examples.length).toBeGreaterThan(0);
    expect(first?.title).toMatch(/Shitstorm-Verdacht: Deutsche Bahn/);
  });

  it('detects an English storm ramping over an hour, with evidence from several sources and reshares', async () => {
    const { d, t } = await learned(acme);
    const onset = t + 14 * 60 * MIN;
    const storm: Extra = {
      rate: (x) => (x < onset ? 0 : 300 * Math.min(1, (x - onset) / (60 * MIN))),
      make: (i, x) =>
        post({
          id: `e${i}`,
          at: new Date(x),
          author: `customer${i}`,
          text: ['Acme leaked our card data, boycott Acme', 'Data breach at Acme and no apology? #boycottacme', 'Cancelled my Acme account after the breach'][i % 3] ?? '',
          brands: ['acme'],
          complaint: i % 4 !== 3,
          sentiment: 'negative',
          lang: 'en',
          source: i % 4 === 0 ? 'news' : 'twitter',
          shares: 10 + (i % 7),
        }),
    };
    const alerts = await feed(d, acme, t, onset + 90 * MIN, storm);
    const first = alerts[0];
    expect(Date.parse(first?.openedAt ?? '') - onset).toBeLessThanOrEqual(30 * MIN);
    expect(first?.title).toMatch(/^Possible shitstorm: Acme/);
    expect(first?.evidence.sources).toEqual(expect.arrayContaining(['news', 'twitter']));
    expect(Number(first?.evidence.reshares)).toBeGreaterThan(0);
    expect(first?.evidence.topTerms).toEqual(expect.arrayContaining(['breach']));
    expect(alerts.map((a) => a.severity)).toContain('warning');
  });

  it('ignores one very loud author posting 100 angry posts (en)', async () => {
    const { d, t } = await learned(acme);
    const onset = t + 11 * 60 * MIN;
    const loud: Extra = {
      rate: (x) => (x >= onset && x < onset + 60 * MIN ? 100 : 0),
      make: (i, x) => post({ id: `l${i}`, at: new Date(x), author: 'angry_guy', text: `@AcmeHelp worst company ever, refund me NOW (${i})`, brands: ['acme'], complaint: true, lang: 'en' }),
    };
    expect(await feed(d, acme, t, onset + 120 * MIN, loud)).toEqual([]);
  });

  it('ignores a launch spike full of praise (de)', async () => {
    const { d, t } = await learned(bahn);
    const onset = t + 9 * 60 * MIN;
    const launch: Extra = {
      rate: (x) => (x >= onset && x < onset + 180 * MIN ? 400 : 0),
      make: (i, x) => post({ id: `p${i}`, at: new Date(x), author: `fan${i}`, text: 'Das neue Deutschlandticket ist super, danke Bahn!', brands: ['bahn'], sentiment: 'positive', shares: 50 }),
    };
    expect(await feed(d, bahn, t, onset + 240 * MIN, launch)).toEqual([]);
  });

  it('ignores one viral post whose angry comments stay in its own thread (en)', async () => {
    const { d, t } = await learned(acme);
    const onset = t + 12 * 60 * MIN;
    const viral: Extra = {
      rate: (x) => (x >= onset && x < onset + 60 * MIN ? 60 : 0),
      make: (i, x) =>
        post({ id: `v${i}`, at: new Date(x), author: `replier${i}`, text: 'lol Acme deserves this', brands: ['acme'], complaint: true, lang: 'en', rootId: 'viral1', parentId: 'viral1' }),
    };
    expect(await feed(d, acme, t, onset + 120 * MIN, viral)).toEqual([]);
  });

  it('counts a flood of angry comments under the brand’s own page post in full (de)', async () => {
    const { d, t } = await learned(bahn);
    const onset = t + 12 * 60 * MIN;
    const page = post({ id: 'page1', at: new Date(onset - 10 * MIN), author: 'DB_Bahn', isBrand: true, text: 'Unsere neue Sitzplatz-Gebühr ab Juni', brands: ['bahn'], source: 'facebook', channel: 'post' });
    await d.observe(page, new Date(page.createdAt));
    const comments: Extra = {
      rate: (x) => (x >= onset ? 200 : 0),
      make: (i, x) =>
        post({ id: `k${i}`, at: new Date(x), author: `kunde${i}`, text: 'Frechheit, diese Gebühr ist reine Abzocke!', brands: ['bahn'], complaint: true, source: 'facebook', channel: 'page_comment', rootId: 'facebook:page1', parentId: 'facebook:page1' }),
    };
    const alerts = await feed(d, bahn, t, onset + 45 * MIN, comments);
    expect(alerts[0]?.kind).toBe('shitstorm');
    expect(Date.parse(alerts[0]?.openedAt ?? '') - onset).toBeLessThanOrEqual(20 * MIN);
    expect(alerts[0]?.evidence.topThreadNegatives).toBeGreaterThan(10);
  });

  it('survives a restart mid-storm: the incident continues under its id, nothing is reopened', async () => {
    const { d, state, t } = await learned(bahn);
    const onset = t + 10 * 60 * MIN;
    const storm = stormDe(onset, 400, 30);
    const before = await feed(d, bahn, t, onset + 40 * MIN, storm);
    await d.flush();
    expect((await state.listState(shitstormNamespace('bahn'))).map((e) => e.key).sort()).toEqual(['baseline', 'incident', 'window']);
    const again = createShitstormDetector({ brands: [bahn], state });
    await again.restore();
    const rest = await feed(again, bahn, onset + 40 * MIN, onset + 300 * MIN, { ...storm, rate: (x) => (x < onset + 120 * MIN ? storm.rate(x) : 0) });
    const ids = new Set([...before, ...rest].map((a) => a.id));
    expect(ids.size).toBe(1);
    expect(rest.every((a) => a.revision > 0)).toBe(true);
    expect(rest.at(-1)?.status).toBe('resolved');
  });
});

describe('shitstorm detector: delivery', () => {
  it('does not count a batch twice when it is redelivered after a flush (crash before the offset commit)', async () => {
    const state = new MemoryState();
    const d = createShitstormDetector({ brands: [bahn], state });
    await d.restore();
    const t = START + 30 * MIN;
    const batch = Array.from({ length: 5 }, (_, i) => post({ id: `r${i}`, at: new Date(t + i * 1000), author: `a${i}`, text: 'Bahn schon wieder zu spät', brands: ['bahn'], complaint: true }));
    for (const m of batch) await d.observe(m, new Date(m.createdAt));
    await d.flush();
    const restarted = createShitstormDetector({ brands: [bahn], state });
    await restarted.restore();
    for (const m of batch) await restarted.observe(m, new Date(m.createdAt));
    await restarted.flush();
    const window = (await state.getState(shitstormNamespace('bahn'), 'window')) as { cur?: { count: number; negatives: number } };
    expect(window.cur).toMatchObject({ count: 5, negatives: 5 });
  });
});

describe('shitstorm baseline', () => {
  it('winsorises outliers once warm, so one wild hour barely moves the expectation', () => {
    const b = newBaseline();
    const flat = new Array<number>(24).fill(1);
    for (let i = 0; i < 24 * 7 * 4; i++) learnHour(b, i % 168, 20, 5, flat, 0.05);
    const before = expectedHourly(b, 10, flat);
    learnHour(b, 10, 2000, 1800, flat, 0.05);
    expect(before).toBeCloseTo(20, 5);
    // Unclipped, the slot's EWMA (weight 1/4) would jump to ~500; the clip bounds the step.
    expect(expectedHourly(b, 10, flat)).toBeLessThan(before * 1.3);
  });

  it('falls back on the hour-of-day and the pooled daily shape while a weekly slot is new', () => {
    const b = newBaseline();
    const shape = new Array<number>(24).fill(1).map((_, h) => (h === 3 ? 0.2 : 1));
    for (let i = 0; i < 24; i++) learnHour(b, i, i === 3 ? 2 : 10, 1, shape, 0.05);
    // Slot 3 + 24 (Tuesday 03:00) was never seen: Monday 03:00 and the shape say it is quiet.
    expect(expectedHourly(b, 27, shape)).toBeLessThan(4);
    expect(expectedHourly(b, 34, shape)).toBeGreaterThan(8);
  });

  it('measures surprise with an exact tail (Poisson limit: P(X ≥ 10 | 2.4) ≈ 2e-4)', () => {
    expect(nbSurprise(10, 2.4, 1e-9)).toBeCloseTo(3.7, 1);
    expect(nbSurprise(3, 5, 0.05)).toBe(0);
    expect(nbSurprise(100, 20, 0.05)).toBeGreaterThan(10);
  });
});

describe('shitstorm: new authors and share significance', () => {
  const base: WindowStats = {
    minutes: 15,
    start: 0,
    count: 20,
    negatives: 10,
    countCapped: 20,
    negativesCapped: 10,
    newNegativesCapped: 0,
    expected: 12,
    authors: 20,
    negAuthors: 10,
    topAuthorShare: 0.05,
    sources: ['twitter', 'facebook'],
    negThreads: 10,
    topThreadNegatives: 1,
    shares: 0,
  };
  const t = DEFAULT_THRESHOLDS;

  it('remembers authors once their bucket leaves the hour ring, forgets them after four weeks, and round-trips through state', () => {
    const a = newAuthors();
    const day = Date.parse('2026-03-02T10:00:00Z');
    retireBucket(a, { regular1: 3 }, { regular1: 1 }, day, 2, true);
    expect(isNewAuthor(a, 'regular1', day + 3_600_000)).toBe(false);
    expect(isNewAuthor(a, 'outsider1', day + 3_600_000)).toBe(true);
    expect(isNewAuthor(a, 'regular1', day + (SEEN_DAYS + 2) * 86_400_000)).toBe(true);
    const back = authorsFromState(JSON.parse(JSON.stringify(authorsToState(a))));
    expect(back && isNewAuthor(back, 'regular1', day + 3_600_000)).toBe(false);
    expect(newShare(a)).toBeGreaterThan(0.4); // one learned negative barely moves the prior
  });

  it('passes a window on new-author negatives when all negatives are not yet surprising, but not for regulars', () => {
    // 10 negatives where 3.6 are expected: not enough alone (surprise < 4.5) …
    const regulars = scoreWindow({ ...base, newNegativesCapped: 1 }, 0.3, t, new Set(), 0.1);
    expect(regulars.passes).toBe(false);
    // … but 9 of them from people the brand has never heard from, where it usually gets 10 % of them, is.
    const outsiders = scoreWindow({ ...base, newNegativesCapped: 9 }, 0.3, t, new Set(), 0.1);
    expect(outsiders.passes).toBe(true);
    expect(outsiders.trigger).toBe('new_authors');
    // Newcomers crowding one foreign thread are a viral post, not a storm.
    const viral = scoreWindow({ ...base, newNegativesCapped: 9, topThreadNegatives: 6 }, 0.3, t, new Set(), 0.1);
    expect(viral.passes).toBe(false);
    expect(scoreWindow({ ...base, newNegativesCapped: 9 }, 0.3, { ...t, newAuthorTest: false }, new Set(), 0.1).passes).toBe(false);
  });

  it('requires the negative share to be up beyond chance (binomial tail), not just by 10 points', () => {
    expect(binomialSurprise(6, 20, 0.17)).toBeLessThan(1); // p ≈ 0.11: a launch's noise in a small brand
    expect(binomialSurprise(6, 8, 0.17)).toBeGreaterThan(3);
    const launchNoise = scoreWindow({ ...base, count: 20, countCapped: 20, negatives: 6, negativesCapped: 6, negAuthors: 6, expected: 2.8, topThreadNegatives: 1 }, 0.17, t);
    expect(launchNoise.failed).toContain('share');
  });
});

describe('shitstorm alert after the storm', () => {
  it('keeps the storm’s example posts and mention ids when it resolves', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-storm-'));
    const out = path.join(dir, 'alerts.jsonl');
    const root = path.resolve(__dirname, '../../..');
    await runReplay({ file: path.join(root, 'demo/demo.jsonl'), format: 'jsonl', configFile: path.join(root, 'demo/kundenradar.yaml'), alertsOut: out, progress: () => undefined });
    const storms = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; status: string; examples: unknown[]; mentions: unknown[] }).filter((a) => a.kind === 'shitstorm');
    expect(storms.length).toBeGreaterThan(0);
    for (const storm of storms) {
      expect(storm.status).toBe('resolved'); // the replay's clock runs a week past the last post
      expect(storm.examples.length).toBeGreaterThan(0);
      expect(storm.mentions.length).toBeGreaterThan(0);
    }
  }, 60_000);
});
