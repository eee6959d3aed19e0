/** The incident a shitstorm alert tracks, and how it renders: observed vs expected, score, terms, examples. */
import { z } from 'zod';
import type { Alert, Brand } from '../src/model.ts';
import type { WindowScore } from './shitstorm-score.ts';
import { topExamples, topTerms, type Bucket } from './shitstorm-window.ts';

export const IncidentState = z.object({
  id: z.string(),
  status: z.enum(['open', 'resolved']),
  openedAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().optional(),
  /** Start of the window that first fired: the best estimate of when the storm began. */
  onsetAt: z.string(),
  severity: z.enum(['watch', 'warning', 'critical']),
  revision: z.number().int().nonnegative(),
  /** Consecutive quiet checks while open. */
  quiet: z.number().int().nonnegative(),
  peakRatio: z.number(),
  peakNegatives: z.number(),
  /**
   * Opened on the no-baseline bars (shitstorm.ts NO_BASELINE): judged and worded so while the baseline is frozen
   * by it, even once the hours learned before the storm would give an expectation.
   */
  noBaseline: z.boolean().optional(),
  /**
   * The storm's examples and mention ids as last seen while it was open: a resolved alert keeps showing what
   * the storm was about, although its last hour is quiet.
   */
  lastExamples: z
    .array(z.object({ id: z.string(), text: z.string(), author: z.string(), createdAt: z.string(), url: z.string().optional() }))
    .optional(),
  lastMentions: z.array(z.string()).optional(),
});
export type IncidentState = z.infer<typeof IncidentState>;

const NO_BASELINE_OMITTED = ['expected', 'expectedNegative', 'ratio', 'score', 'peakRatio', 'baselineNegativityShare', 'expectedNewAuthorNegatives', 'newAuthorScore', 'newAuthorNegatives'] as const;

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface RenderOptions {
  /** The brand has no baseline yet: say so instead of quoting an expectation that does not exist. */
  noBaseline?: boolean;
}

function title(brand: Brand, inc: IncidentState, s: WindowScore, noBaseline: boolean): string {
  const de = brand.language === 'de';
  const ratio = round(s.ratio).toLocaleString(de ? 'de-DE' : 'en-GB');
  const obs = s.spreadNegatives;
  const exp = round(s.expectedNegatives);
  const share = Math.round(s.share * 100);
  const people = s.stats.negAuthors;
  if (inc.status === 'resolved') return de ? `Shitstorm um ${brand.name} abgeklungen` : `Shitstorm around ${brand.name} has subsided`;
  if (noBaseline) {
    return de
      ? `Shitstorm-Verdacht: ${brand.name}: ${obs} negative Erwähnungen von ${people} Personen in ${s.stats.minutes} min, ${share} % negativ (noch keine Vergleichswerte)`
      : `Possible shitstorm: ${brand.name}: ${obs} negative mentions from ${people} people in ${s.stats.minutes} min, ${share} % negative (no baseline yet)`;
  }
  return de
    ? `Shitstorm-Verdacht: ${brand.name}: ${ratio}× so viele negative Erwähnungen wie erwartet (${obs} statt ${exp} in ${s.stats.minutes} min)`
    : `Possible shitstorm: ${brand.name}: ${ratio}× the expected negative mentions (${obs} vs ${exp} in ${s.stats.minutes} min)`;
}

export function renderShitstormAlert(brand: Brand, inc: IncidentState, s: WindowScore, lastHour: readonly Bucket[], options: RenderOptions = {}): Alert {
  const noBaseline = options.noBaseline === true;
  const st = s.stats;
  let examples = topExamples(lastHour, 5).map((e) => ({ id: e.id, text: e.text, author: e.author, createdAt: e.createdAt, ...(e.url ? { url: e.url } : {}) }));
  let ids = [...new Set([...examples.map((e) => e.id), ...lastHour.flatMap((b) => b.negIds)])].slice(0, 200);
  if (inc.status === 'open' && examples.length > 0) {
    // Kept on the incident (persisted with it) for the resolution update.
    inc.lastExamples = examples;
    inc.lastMentions = ids;
  } else if (inc.status === 'resolved' && examples.length === 0) {
    examples = inc.lastExamples ?? [];
    ids = inc.lastMentions ?? [];
  }
  const evidence: Alert['evidence'] = {
    windowMinutes: st.minutes,
    windowStart: new Date(st.start).toISOString(),
    onsetAt: inc.onsetAt,
    observed: st.count,
    expected: round(st.expected),
    observedNegative: st.negativesCapped,
    /** Negatives outside the busiest thread, the count the score tests. */
    observedNegativeSpread: s.spreadNegatives,
    topThreadNegatives: st.topThreadNegatives,
    expectedNegative: round(s.expectedNegatives),
    ratio: round(s.ratio),
    score: round(s.surprise),
    peakRatio: round(inc.peakRatio),
    negativityShare: round(s.share, 2),
    baselineNegativityShare: round(s.baselineShare, 2),
    distinctAuthors: st.authors,
    negativeAuthors: st.negAuthors,
    topAuthorShare: round(st.topAuthorShare, 2),
    threads: st.negThreads,
    sources: st.sources,
    reshares: st.shares,
    topTerms: topTerms(lastHour, 8),
    /** Capped negatives from authors not heard from in four weeks, vs the brand's usual share of them. */
    newAuthorNegatives: s.newNegatives,
    expectedNewAuthorNegatives: round(s.expectedNewNegatives),
    newAuthorScore: round(s.newSurprise),
    /** The volume test that passed: all negatives, or only the new-author negatives. */
    trigger: s.trigger,
  };
  // Without a baseline the expectation-based figures would be artefacts of an empty one (expected 0, ratios in the
  // hundreds): left out, so neither the chat message nor the dashboard quotes them.
  if (noBaseline) for (const key of NO_BASELINE_OMITTED) delete evidence[key];
  return {
    id: inc.id,
    kind: 'shitstorm',
    brand: brand.id,
    severity: inc.severity,
    status: inc.status,
    title: title(brand, inc, s, noBaseline),
    openedAt: inc.openedAt,
    updatedAt: inc.updatedAt,
    ...(inc.resolvedAt ? { resolvedAt: inc.resolvedAt } : {}),
    mentions: ids,
    examples,
    evidence,
    dedupeKey: inc.id,
    revision: inc.revision,
  };
}
