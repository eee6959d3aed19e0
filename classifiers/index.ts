/**
 * The composed per-post classifier: language → brands (and whether a brand wrote the post) → text model
 * (complaint, sentiment, severity) → intents → reply kind for brand posts. Text is normalised and tokenised
 * once and shared by every rule classifier; the function is synchronous and keeps no state between posts.
 */
import type { Brand, Classified, Complaint, Cue, Intent, Lang, Mention, ReplyKind, SentimentLabel } from '../src/model.ts';
import { childLogger } from '../src/log.ts';
import { assignBrands } from './brand-assignment.ts';
import { analyseCues, createCueModel, type CueAnalysis } from './cues.ts';
import { detectReportedIntents } from './intents.ts';
import { detectLanguage } from './language.ts';
import { classifyReply } from './reply-kind.ts';
import { stanceText } from './quote-tweet.ts';
import { prepare, type PreparedText } from './text.ts';
import type { Classifier, TextModel } from './types.ts';
import { createCompositeModel, type LearnedLike } from './composite.ts';

export { compileBrandQuery, checkBrandQuery, BrandQueryError } from './brand-query.ts';
export { matchBrands, assignBrands } from './brand-assignment.ts';
export { createCueModel, CUE_MODEL_NAME } from './cues.ts';

const log = childLogger('classifiers');
/** A post that starts by addressing someone ("@kunde …", after a leading dot or space): a reply even without a parent. */
const ADDRESSES_SOMEONE = /^\s*\.?@[\p{L}\p{N}_]/u;


/** Default complaint threshold: the cue model's scores are scaled so that 0.5 means "one clear cue". */
export const DEFAULT_COMPLAINT_THRESHOLD = 0.5;

export type ReplyClassifier = (text: string, lang: Lang) => { kind: ReplyKind; cues: Cue[] };

export interface ClassifierOptions {
  brands: readonly Brand[];
  textModel: TextModel;
  complaintThreshold?: number;
  /** Classifies brand-authored posts (answer, request_info, auto_reply, deflection); default classifiers/reply-kind.ts. */
  replyClassifier?: ReplyClassifier;
  /** Source of `classifiedAt`; tests pass a fixed clock to get reproducible output. */
  clock?: () => Date;
}

/** Marks the cue model so the composed classifier can hand it the already prepared text. */
function isCueModel(m: TextModel): m is TextModel & { analyse(p: PreparedText, lang: Lang): CueAnalysis } {
  return typeof (m as { analyse?: unknown }).analyse === 'function';
}

function isCompositeModel(m: TextModel): m is ReturnType<typeof createCompositeModel> {
  return typeof (m as { analysePrepared?: unknown }).analysePrepared === 'function';
}

const BRAND_AUTHOR_CUE: Cue = { cue: 'Markenkonto / brand account: not a customer complaint', weight: -1 };

export function createClassifier(options: ClassifierOptions): Classifier {
  const { brands, textModel } = options;
  const threshold = options.complaintThreshold ?? DEFAULT_COMPLAINT_THRESHOLD;
  const replyClassifier = options.replyClassifier ?? classifyReply;
  const { clock } = options;
  // A fixed or coarse clock returns the same instant again and again: format it once per instant.
  let clockMs = Number.NaN;
  let clockIso = '';
  const classifiedAt = clock
    ? (): string => {
        const d = clock();
        const ms = d.getTime();
        if (ms !== clockMs) {
          clockIso = d.toISOString();
          clockMs = ms;
        }
        return clockIso;
      }
    : isoNow;

  // A brand's name may hold an intent's word ("Kranich Versand", "Stadtwerke Rechnungsdienst"): it names, it does not say.
  const namesOf = new Map(brands.map((b) => [b.id, b.name.toLowerCase()]));
  function brandNameSpans(lower: string, ids: readonly string[]): Array<[number, number]> {
    const spans: Array<[number, number]> = [];
    for (const id of ids) {
      const name = namesOf.get(id);
      if (!name) continue;
      for (let at = lower.indexOf(name); at !== -1; at = lower.indexOf(name, at + name.length)) spans.push([at, at + name.length]);
    }
    return spans;
  }

  return (mention: Mention): Classified => {
    const p = prepare(mention.text);
    const { lang } = detectLanguage(p.tokens, p.lower, mention.langHint);
    const assignment = assignBrands(mention, brands, p);
    // Brands from the whole post (the quoted one names whom it is about); complaint, sentiment and intents from the
    // writer's own words when it quotes another post and says something of its own (quote-tweet.ts).
    const stance = stanceText(mention.text);
    const stancePrepared = stance === mention.text ? p : prepare(stance);
    const byBrand = mention.author.isBrand || assignment.authorBrand !== undefined;
    // The brand's own words, written or reshared ("RT @Mobilix: Falls ihr heute Netz sucht …" 1,677 times in QA
    // firestorm round 5, each a "complaint" counted into a storm against the brand that posted it).
    const brandsWords = byBrand || assignment.resharedBrand !== undefined;

    let score: number;
    let cues: Cue[];
    let sentiment: Classified['sentiment'];
    let severity: 1 | 2 | 3 | 4;
    if (isCompositeModel(textModel)) {
      // Severity only counts for a complaint (see below): the composite model may skip it otherwise.
      ({ score, cues, sentiment, severity } = textModel.analysePrepared(stance, stancePrepared, lang, (composite) => !brandsWords && composite >= threshold));
    } else if (isCueModel(textModel)) {
      const a = textModel.analyse(stancePrepared, lang);
      ({ score, cues, sentiment, severity } = a);
    } else {
      ({ score, cues } = textModel.complaint(stance, lang));
      sentiment = textModel.sentiment(stance, lang);
      severity = textModel.severity(stance, lang);
    }
    // A brand's own post is never a customer complaint about that brand, whatever its words.
    const isComplaint = !brandsWords && score >= threshold;
    const complaint: Complaint = {
      score: clamp01(score),
      isComplaint,
      cues: (byBrand ? [BRAND_AUTHOR_CUE, ...cues] : cues).slice(0, 50),
      severity: isComplaint ? severity : 0,
    };
    // Intents are what a customer wants or threatens; a brand's own post ("switching to our new billing system")
    // has none, or filtering by "support unreachable" lists the brand's replies (QA).
    const intents: Intent[] = brandsWords
      ? []
      : detectReportedIntents(stancePrepared, () => brandNameSpans(stancePrepared.lower, assignment.brands), { complaint: isComplaint, sentiment: sentiment.label });

    const fields = {
      author: byBrand ? { ...mention.author, isBrand: true } : mention.author,
      lang,
      brands: assignment.brands,
      complaint,
      sentiment: reportedSentiment(assignment.resharedBrand, byBrand, sentiment),
      intents,
      classifiedAt: classifiedAt(),
      model: textModel.name,
    };
    // The same object as `{ ...mention, ...fields }`, key for key and in order. That literal (a spread followed
    // by new keys) takes a slow path in V8 that cost ~10 µs per post; Object.assign does not. Only an own
    // "__proto__" key would be treated differently (assign sets the prototype), so that case keeps the spread.
    const classified: Classified = Object.hasOwn(mention, '__proto__') ? { ...mention, ...fields } : Object.assign({}, mention, fields);
    // A brand's own announcement or page post (no parent, addressing nobody) is no reply: it got `answer` (QA round 3).
    if (byBrand && (mention.thread.parentId !== undefined || ADDRESSES_SOMEONE.test(mention.text))) classified.replyKind = replyClassifier(mention.text, lang).kind;
    return classified;
  };
}

/**
 * The sentiment reported, within -1..1. A reshare of the brand's own post carries the brand's words: its apology ("RT
 * @CorvanaAir: We apologise …", negative by its words) is no customer's anger, and counted as such it fed the storm
 * against the brand that apologised (QA firestorm round 5). It is neutral.
 */
function reportedSentiment(resharedBrand: string | undefined, byBrand: boolean, s: { label: SentimentLabel; score: number }): Classified['sentiment'] {
  if (resharedBrand !== undefined && !byBrand && s.label === 'negative') return { label: 'neutral', score: Math.max(-0.1, s.score) };
  return { label: s.label, score: Math.max(-1, Math.min(1, s.score)) };
}

// Posts arrive thousands per second: format the timestamp once per millisecond, not once per post.
let lastMs = -1;
let lastIso = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}

interface LearnedModule {
  loadLearnedModel(): LearnedLike;
}

function isTextModel(x: unknown): x is TextModel {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return typeof m.name === 'string' && typeof m.complaint === 'function' && typeof m.sentiment === 'function' && typeof m.severity === 'function';
}

// The learned models are written separately and may be absent from a checkout (or fail to load their model
// file); the import is dynamic so that a missing module is a logged fallback, not a crash. It happens at

// module load (top-level await) so that `createTextModel` stays synchronous for the stages.
const learnedModule: LearnedModule | Error = await import(new URL('./learned/index.ts', import.meta.url).href).then(
  (mod: Record<string, unknown>) =>
    typeof mod.loadLearnedModel === 'function' ? (mod as unknown as LearnedModule) : new Error('classifiers/learned/index.ts exports no loadLearnedModel()'),
  (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
);

/**
 * The text model named in the config: `cues` is the rule model; `learned` is the shipped combination of the
 * learned models (trained on non-commercial corpora) with the cue model (classifiers/composite.ts), and falls
 * back to the cue model, with a warning, when the learned models cannot be loaded.
 */
export function createTextModel(kind: 'learned' | 'cues'): TextModel {
  if (kind === 'cues') return createCueModel();
  try {
    if (learnedModule instanceof Error) throw learnedModule;
    const model: unknown = learnedModule.loadLearnedModel();
    if (!isTextModel(model) || typeof (model as Partial<LearnedLike>).complaintThresholdFor !== 'function') {
      throw new Error('loadLearnedModel() returned something that is not a learned TextModel');
    }
    return createCompositeModel(model as LearnedLike, createCueModel());
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'learned text model unavailable; falling back to the cue model (classifier.model: cues)');
    return createCueModel();
  }
}

/** Convenience for tools and tests: the cue analysis of one text. */
export function analyseText(text: string, lang?: Lang): CueAnalysis {
  const p = prepare(text);
  return analyseCues(p, lang ?? detectLanguage(p.tokens, p.lower).lang);
}
