/** The incident a shitstorm alert tracks, and how it renders: observed vs expected, score, terms, examples. */
import { z } from 'zod';
import { JsonValue, type Alert, type Brand } from '../src/model.ts';
import { formatNumber, type AlertLang } from './alert-format.ts';
import type { WindowScore } from './shitstorm-score.ts';
import { topExamples } from './shitstorm-examples.ts';
import { topTerms, type Bucket } from './shitstorm-window.ts';

const ExampleState = z.object({ id: z.string(), text: z.string(), author: z.string(), createdAt: z.string(), url: z.string().optional() });
type ExampleState = z.infer<typeof ExampleState>;

/** The numbers a title quotes about one window. */
const TitleFigures = z.object({
  ratio: z.number(),
  /** Negatives outside a dominating thread (the tested count) and what was expected of them. */
  observed: z.number(),
  expected: z.number(),
  minutes: z.number(),
  /** Negative share of the window (0..1) and how many people posted negatively. */
  share: z.number(),
  people: z.number(),
  /** All negatives of the window, the busiest thread's included (absent in state written before it was kept). */
  negatives: z.number().optional(),
});
type TitleFigures = z.infer<typeof TitleFigures>;

/**
 * The storm at its peak: the window with the highest score seen while the incident was open, with everything
 * its alert showed then. A resolved alert keeps showing this; the quiet hour that resolved it is no evidence
 * of what the storm was.
 */
const PeakState = z.object({
  /** End of the peak window. */
  at: z.string(),
  /** The window's surprise (−log10 p), to compare windows of different lengths. */
  score: z.number(),
  noBaseline: z.boolean(),
  figures: TitleFigures,
  evidence: z.record(z.string(), JsonValue),
  examples: z.array(ExampleState),
  mentions: z.array(z.string()),
});

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
  /** When a resolved incident flared up again and reopened; absent until it does (and in older state). */
  reopenedAt: z.string().optional(),
  peakRatio: z.number(),
  peakNegatives: z.number(),
  /** Negatives of the last hour as the latest revision reported them: growth updates are measured from here. Absent in older state. */
  reportedNegatives: z.number().optional(),
  /**
   * Opened on the no-baseline bars (shitstorm.ts NO_BASELINE): judged and worded so while the baseline is frozen
   * by it, even once the hours learned before the storm would give an expectation.
   */
  noBaseline: z.boolean().optional(),
  /** Optional: state written before it existed restores, and its resolution falls back to `lastExamples`. */
  peak: PeakState.optional(),
  /**
   * The storm's examples and mention ids as last seen while it was open. Only read from state written before
   * `peak` existed; kept in the schema so that state still restores.
   */
  lastExamples: z.array(ExampleState).optional(),
  lastMentions: z.array(z.string()).optional(),
});
export type IncidentState = z.infer<typeof IncidentState>;

const NO_BASELINE_OMITTED = ['expected', 'expectedNegative', 'ratio', 'score', 'peakRatio', 'baselineNegativityShare', 'expectedNewAuthorNegatives', 'newAuthorScore', 'newAuthorNegatives'] as const;

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface RenderOptions {
  /** The brand has no baseline yet: say so instead of quoting an expectation that does not exist. */
  noBaseline?: boolean;
  /** Hours of history the expectation rests on, when that is few (a young baseline) or none (0). */
  baselineHours?: number;
}

function figuresOf(s: WindowScore): TitleFigures {
  return { ratio: s.ratio, observed: s.spreadNegatives, expected: s.expectedNegatives, minutes: s.stats.minutes, share: s.share, people: s.stats.negAuthors, negatives: s.stats.negativesCapped };
}

/** "22,7× so viele … (15 statt 0,7 in 20 min)": every number in the alert's language. */
function windowPhrase(f: TitleFigures, noBaseline: boolean, lang: AlertLang): string {
  const n = (x: number, digits = 0) => formatNumber(x, lang, digits);
  if (noBaseline) {
    // The people count covers the busiest thread too: "30 negative mentions from 79 people" read as nonsense when a
    // thread held most of them (QA firestorm round 4), so the count shown is all of them, the tested part beside it.
    const all = Math.max(f.observed, f.negatives ?? f.observed);
    const beside = all > f.observed ? (lang === 'de' ? ` (${n(f.observed)} außerhalb des größten Threads)` : ` (${n(f.observed)} outside the busiest thread)`) : '';
    return lang === 'de'
      ? `${n(all)} negative Erwähnungen von ${n(f.people)} Personen in ${n(f.minutes)} min${beside}, ${n(f.share * 100)} % negativ`
      : `${n(all)} negative mentions from ${n(f.people)} people in ${n(f.minutes)} min${beside}, ${n(f.share * 100)} % negative`;
  }
  return lang === 'de'
    ? `${n(f.ratio, 1)}× so viele negative Erwähnungen wie erwartet (${n(f.observed)} statt ${n(f.expected, 1)} in ${n(f.minutes)} min)`
    : `${n(f.ratio, 1)}× the expected negative mentions (${n(f.observed)} vs ${n(f.expected, 1)} in ${n(f.minutes)} min)`;
}

/** Said of every figure measured before the brand had a baseline: no ratio is quoted, and the reader learns why. */
const NO_BASELINE_NOTE: Record<AlertLang, string> = { de: '(noch keine Vergleichswerte)', en: '(no baseline yet)' };

function title(brand: Brand, inc: IncidentState, s: WindowScore, noBaseline: boolean): string {
  const lang = brand.language;
  const de = lang === 'de';
  if (inc.status === 'resolved') {
    const done = de ? `Shitstorm um ${brand.name} abgeklungen` : `Shitstorm around ${brand.name} has subsided`;
    if (!inc.peak) return done;
    const peak = `${done} – ${de ? 'Höhepunkt' : 'peak'}: ${windowPhrase(inc.peak.figures, inc.peak.noBaseline, lang)}`;
    return inc.peak.noBaseline ? `${peak} ${NO_BASELINE_NOTE[lang]}` : peak;
  }
  const phrase = windowPhrase(figuresOf(s), noBaseline, lang);
  // At critical it is no longer a suspicion: "Possible shitstorm" over 700 negative posts an hour undersold it (QA
  // firestorm replay 9).
  const kind = inc.severity === 'critical' ? 'Shitstorm' : de ? 'Shitstorm-Verdacht' : 'Possible shitstorm';
  return `${kind}: ${brand.name}: ${phrase}${noBaseline ? ` ${NO_BASELINE_NOTE[lang]}` : ''}`;
}

/** What the alert shows about one window: the numbers behind it, its frequent terms. */
function windowEvidence(inc: IncidentState, s: WindowScore, lastHour: readonly Bucket[], options: RenderOptions): Alert['evidence'] {
  const st = s.stats;
  const evidence: Alert['evidence'] = {
    windowMinutes: st.minutes,
    windowStart: new Date(st.start).toISOString(),
    onsetAt: inc.onsetAt,
    observed: st.count,
    // Never below the expected negatives, which have a floor of their own (QA: "0,4 posts expected, 0,5 negative").
    expected: round(Math.max(st.expected, s.expectedNegatives)),
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
    reshares: st.reshares,
    /** Shares the window's posts carry (their retweet/share counts), beside the reshares seen as posts. */
    shareCount: st.shares,
    topTerms: topTerms(lastHour, 8),
    /** Capped negatives from authors not heard from in four weeks, vs the brand's usual share of them. */
    newAuthorNegatives: s.newNegatives,
    expectedNewAuthorNegatives: round(s.expectedNewNegatives),
    newAuthorScore: round(s.newSurprise),
    /** The volume test that passed: all negatives, only the new-author negatives, or a topic burst. */
    trigger: s.trigger,
    // The subject the negatives crowd around, new to the brand's complaints: often what the storm is about.
    ...(s.topic ? { topic: s.topic.term, topicPosts: s.topic.posts, topicOf: s.topic.of, topicUsualShare: round(s.topic.usualRate, 4) } : {}),
    ...(options.baselineHours !== undefined ? { baselineHours: options.baselineHours } : {}),
  };
  // Without a baseline the expectation-based figures would be artefacts of an empty one (expected 0, ratios in the
  // hundreds): left out, so neither the chat message nor the dashboard quotes them.
  if (options.noBaseline === true) for (const key of NO_BASELINE_OMITTED) delete evidence[key];
  return evidence;
}

/** The hour that resolved the incident, beside the peak: proof it is quiet again, not what the storm was. */
function quietHourEvidence(s: WindowScore, noBaseline: boolean): Alert['evidence'] {
  return {
    windowMinutes: s.stats.minutes,
    observed: s.stats.count,
    observedNegative: s.stats.negativesCapped,
    ...(noBaseline ? {} : { expectedNegative: round(s.expectedNegatives), ratio: round(s.ratio), score: round(s.surprise) }),
  };
}

function examplesOf(lastHour: readonly Bucket[]): ExampleState[] {
  return topExamples(lastHour, 5).map((e) => ({ id: e.id, text: e.text, author: e.author, createdAt: e.createdAt, ...(e.url ? { url: e.url } : {}) }));
}

function mentionsOf(examples: readonly ExampleState[], lastHour: readonly Bucket[]): string[] {
  return [...new Set([...examples.map((e) => e.id), ...lastHour.flatMap((b) => b.negIds)])].slice(0, 200);
}

/**
 * Keeps `s` as the incident's peak when it scores higher than the peak so far (persisted with the incident).
 * Called at every evaluation while the incident is open, not only when a revision is emitted: the peak often
 * falls between two revisions (a storm that grows by less than half raises none).
 */
export function notePeak(inc: IncidentState, s: WindowScore, lastHour: readonly Bucket[], options: RenderOptions = {}): void {
  if (inc.status !== 'open' || (inc.peak && inc.peak.score >= s.surprise)) return;
  const examples = examplesOf(lastHour);
  inc.peak = {
    at: new Date(s.stats.start + s.stats.minutes * 60_000).toISOString(),
    score: s.surprise,
    noBaseline: options.noBaseline === true,
    figures: figuresOf(s),
    evidence: windowEvidence(inc, s, lastHour, options),
    examples,
    mentions: mentionsOf(examples, lastHour),
  };
}

export function renderShitstormAlert(brand: Brand, inc: IncidentState, s: WindowScore, lastHour: readonly Bucket[], options: RenderOptions = {}): Alert {
  const noBaseline = options.noBaseline === true;
  let examples: ExampleState[];
  let ids: string[];
  let evidence: Alert['evidence'];
  if (inc.status === 'open') {
    notePeak(inc, s, lastHour, options);
    examples = examplesOf(lastHour);
    ids = mentionsOf(examples, lastHour);
    evidence = windowEvidence(inc, s, lastHour, options);
  } else {
    // Resolved: the storm as it was at its peak, the quiet hour only beside it under its own key.
    const peak = inc.peak;
    examples = peak?.examples ?? inc.lastExamples ?? [];
    ids = peak?.mentions ?? inc.lastMentions ?? [];
    evidence = {
      ...(peak?.evidence ?? { onsetAt: inc.onsetAt, ...(noBaseline ? {} : { peakRatio: round(inc.peakRatio) }), peakNegatives: inc.peakNegatives }),
      onsetAt: inc.onsetAt,
      ...(peak ? { peakAt: peak.at } : {}),
      ...(inc.resolvedAt ? { resolvedAt: inc.resolvedAt } : {}),
      ...(peak && !peak.noBaseline ? { peakRatio: round(inc.peakRatio) } : {}),
      quietHour: quietHourEvidence(s, noBaseline),
    };
  }
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
