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
   * The storm's examples and mention ids as last seen while it was open: a resolved alert keeps showing what
   * the storm was about, although its last hour is quiet.
   */
  lastExamples: z
    .array(z.object({ id: z.string(), text: z.string(), author: z.string(), createdAt: z.string(), url: z.string().optional() }))
    .optional(),
  lastMentions: z.array(z.string()).optional(),
});
export type IncidentState = z.infer<typeof IncidentState>;

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function title(brand: Brand, inc: IncidentState, s: WindowScore): string {
  const ratio = round(s.ratio).toLocaleString(brand.language === 'de' ? 'de-DE' : 'en-GB');
  const obs = s.spreadNegatives;
  const exp = round(s.expectedNegatives);
  if (brand.language === 'de') {
    return inc.status === 'resolved'
      ? `Shitstorm um ${brand.name} abgeklungen`
      : `Shitstorm-Verdacht: ${brand.name}: ${ratio}× so viele negative Erwähnungen wie erwartet (${obs} statt ${exp} in ${s.stats.minutes} min)`;
  }
  return inc.status === 'resolved'
    ? `Shitstorm around ${brand.name} has subsided`
    : `Possible shitstorm: ${brand.name}: ${ratio}× the expected negative mentions (${obs} vs ${exp} in ${s.stats.minutes} min)`;
}

export function renderShitstormAlert(brand: Brand, inc: IncidentState, s: WindowScore, lastHour: readonly Bucket[]): Alert {
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
  return {
    id: inc.id,
    kind: 'shitstorm',
    brand: brand.id,
    severity: inc.severity,
    status: inc.status,
    title: title(brand, inc, s),
    openedAt: inc.openedAt,
    updatedAt: inc.updatedAt,
    ...(inc.resolvedAt ? { resolvedAt: inc.resolvedAt } : {}),
    mentions: ids,
    examples,
    evidence: {
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
    },
    dedupeKey: inc.id,
    revision: inc.revision,
  };
}
