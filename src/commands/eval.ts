/**
 * `kundenradar eval complaints|sentiment FILE --format germeval|csv [--folds K] [--json]`
 *
 * Without --folds: scores the shipped learned model on FILE, refusing FILE when its content hash is one of the
 * model's training files (a score on training data says nothing). With --folds K: K-fold cross-validation on
 * FILE, each fold model built by the same recipe as the shipped one (including its inner CV for C).
 * GermEval files are German. A CSV's rows are scored as the service would score them: each by the model of its
 * language (the file's `lang` column, else detected; other languages by the English model), unless `--lang`
 * fixes one; so a German or mixed file labelled elsewhere is not read by the English model.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import { readComplaintsCsv } from '../datasets/complaints.ts';
import { readGermEval, isGermEvalComplaint } from '../datasets/germeval.ts';
import { stratifiedFolds } from '../datasets/folds.ts';
import type { SentimentLabel } from '../model.ts';
import { buildModel } from '../../classifiers/learned/build.ts';
import { scorePredictions, type Figures, type LabelledItem, type SeverityFigures } from '../../classifiers/learned/evaluate.ts';
import { DEFAULT_MODEL_DIR, MODEL_FILES, readModelFile } from '../../classifiers/learned/index.ts';
import type { ModelFile, TrainingFile } from '../../classifiers/learned/model-file.ts';
import { decodeDocumentKeys, documentKey, isDistinctive } from '../../classifiers/learned/document-keys.ts';
import { englishInput, germanInput, INNER_FOLDS } from '../../classifiers/learned/recipes.ts';
import { LanguageModel } from '../../classifiers/learned/runtime.ts';
import { COMPOSITE_THRESHOLD, compositeComplaintScore, compositeSeverity, germanSentimentLabel, rescaleToThreshold } from '../../classifiers/composite.ts';
import { ruleSeverity } from '../../classifiers/learned/severity.ts';
import { analyseCues } from '../../classifiers/cues.ts';
import { prepare } from '../../classifiers/text.ts';
import { detectLanguage } from '../../classifiers/language.ts';
import { sha256File } from './train.ts';

export interface EvalOptions {
  task: 'complaints' | 'sentiment';
  file: string;
  format: 'germeval' | 'csv';
  /** K-fold CV on FILE instead of the shipped model. */
  folds?: number;
  /**
   * With `folds`: labelled files (same format) added to every fold's training data and never scored, to measure
   * what more training data does ("does test_dia.xml help on dev.xml's held-out folds?").
   */
  alsoTrain?: readonly string[];
  /** Print one JSON object instead of the table. */
  json?: boolean;
  /** Shipped model directory (tests); default classifiers/models. */
  modelDir?: string;
  /** `shipped` (default): the learned model combined with the cue model, as the service runs it; `learned`: alone. */
  model?: EvalModel;
  /**
   * Score every document with its @handles cut out (training texts stay as written): how the model reads posts
   * that address no one — comments on a brand's page, reviews, blog posts — when it learned from tweets.
   */
  withoutHandles?: boolean;
  /** CSV only: score every row with this language's model instead of the row's own or detected language. */
  lang?: 'de' | 'en';
  /** Output sink; default stdout. */
  print?: (text: string) => void;
  /** Progress notes (which model is scored when FILE is a training file); default stderr. */
  notice?: (line: string) => void;
}

export interface EvalReport {
  task: 'complaints' | 'sentiment';
  file: string;
  format: 'germeval' | 'csv';
  /**
   * `shipped-recipe-without-file`: FILE is one of the shipped model's training files, so the model scored is the
   * same recipe trained on the shipped model's other training files (a held-out figure of what ships).
   */
  mode: 'shipped-model' | 'cross-validation' | 'shipped-recipe-without-file';
  /** What decided the complaint class: the shipped combination (learned + cue model) or the learned model alone. */
  combination: 'learned + cue model' | 'learned model alone';
  folds?: number;
  /** Files added to every fold's training data (`--also-train`). */
  alsoTrained?: string[];
  /** Shipped model files scored (`shipped-model`). */
  model?: string;
  /** `shipped-recipe-without-file`: the files the scored recipe was trained on, as found. */
  trainedOn?: string[];
  /** Documents of FILE left out because the shipped model learned from them (a copy or part of a training file). */
  notScored?: number;
  /** Whether the scored documents kept their @handles (`--without-handles` removes them). */
  handles: 'as written' | 'removed';
  /** Documents per model language (CSV rows are scored by the model of their language). */
  languages: { de: number; en: number };
  documents: number;
  complaint: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
  /** Task's macro-F1: over complaint/not for `complaints`, over the three sentiment classes for `sentiment`. */
  macroF1: number;
  /** GermEval subtask B (document sentiment, all documents): micro-F1 = accuracy, and macro-F1. */
  subtaskB?: { microF1: number; macroF1: number };
  /** Only when the file has a severity column with values (X-CI scale): the shipped severity against it. */
  severity?: SeverityFigures;
}

export class EvalError extends Error {
  override readonly name = 'EvalError';
}

export async function runEval(opts: EvalOptions): Promise<EvalReport> {
  const print = opts.print ?? ((t: string) => process.stdout.write(t));
  if (opts.task === 'sentiment' && opts.format === 'csv') {
    throw new EvalError('the complaints CSV has no sentiment labels: evaluate sentiment on a GermEval file (--format germeval)');
  }
  if ((opts.alsoTrain?.length ?? 0) > 0) {
    if (opts.folds === undefined) throw new EvalError('--also-train adds training data to cross-validation folds: use it with --folds K');
    const scored = sha256File(opts.file);
    const same = opts.alsoTrain?.find((f) => sha256File(f) === scored);
    if (same !== undefined) throw new EvalError(`--also-train ${same} is ${opts.file} itself: every fold would be trained on the documents it scores`);
  }
  const { items, langs } = readItems(opts.file, opts.format, opts.lang);
  let figures: Figures;
  let trainedOn: string[] = [];
  let notScored = 0;
  if (opts.folds === undefined) ({ figures, trainedOn, notScored } = evalShipped(opts, items, langs));
  else figures = evalFolds(opts, items, langs, opts.folds);
  const used = (['de', 'en'] as const).filter((l) => langs.includes(l));

  const report: EvalReport = {
    task: opts.task,
    file: opts.file,
    format: opts.format,
    mode: opts.folds !== undefined ? 'cross-validation' : trainedOn.length > 0 ? 'shipped-recipe-without-file' : 'shipped-model',
    combination: (opts.model ?? 'shipped') === 'shipped' ? 'learned + cue model' : 'learned model alone',
    ...(opts.folds !== undefined
      ? { folds: opts.folds, ...((opts.alsoTrain?.length ?? 0) > 0 ? { alsoTrained: [...(opts.alsoTrain ?? [])] } : {}) }
      : trainedOn.length > 0
        ? { trainedOn }
        : { model: used.map((l) => join(opts.modelDir ?? DEFAULT_MODEL_DIR, MODEL_FILES[l])).join(', ') }),
    ...(notScored > 0 ? { notScored } : {}),
    handles: opts.withoutHandles ? 'removed' : 'as written',
    languages: { de: langs.filter((l) => l === 'de').length, en: langs.filter((l) => l === 'en').length },
    documents: figures.documents,
    complaint: figures.complaint,
    macroF1: opts.task === 'sentiment' && figures.subtaskB ? figures.subtaskB.macroF1 : figures.complaintMacroF1,
    ...(figures.subtaskB ? { subtaskB: figures.subtaskB } : {}),
    ...(figures.severity ? { severity: figures.severity } : {}),
  };
  print(opts.json ? `${JSON.stringify(report)}\n` : table(report));
  return report;
}

export type EvalModel = 'shipped' | 'learned';

// An @handle as the tokenisers see it (classifiers/text.ts, learned/tokens.ts), not inside an e-mail address.
const HANDLE_RE = /(^|[^\w@])@\w+/g;

/** The text with its @handles cut out and the spaces they leave closed up: "@DB_Bahn danke @DB für nichts" → "danke für nichts". */
export function withoutHandles(text: string): string {
  return text.replace(HANDLE_RE, '$1').replace(/[ \t]{2,}/g, ' ').trim();
}

type ModelLang = 'de' | 'en';

/** The model language the service would use for a row: the file's tag when it names de/en, else detection. */
function rowLang(text: string, tag: string | undefined): ModelLang {
  const t = tag?.slice(0, 2);
  if (t === 'de' || t === 'en') return t;
  const p = prepare(text);
  return detectLanguage(p.tokens, p.lower, tag).lang === 'de' ? 'de' : 'en';
}

function readItems(file: string, format: 'germeval' | 'csv', forced: ModelLang | undefined): { items: LabelledItem[]; langs: ModelLang[] } {
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new EvalError(`${file} is a directory; eval takes a file`);
  let read: { items: LabelledItem[]; langs: ModelLang[] };
  try {
    read = readItemsOf(file, format, forced);
  } catch (err) {
    // The readers name a line, not the file ("Invalid Record Length … on line 4").
    throw (err as Error).message.includes(file) ? err : new EvalError(`${file}: ${(err as Error).message}`);
  }
  if (read.items.length === 0) throw new EvalError(`${file} holds no labelled documents: nothing to score`);
  return read;
}

function readItemsOf(file: string, format: 'germeval' | 'csv', forced: ModelLang | undefined): { items: LabelledItem[]; langs: ModelLang[] } {
  if (format === 'germeval') {
    const items = readGermEval(file).map((d) => ({ text: d.text, complaint: isGermEvalComplaint(d), sentiment: d.sentiment }));
    return { items, langs: items.map(() => 'de') };
  }
  const rows = readComplaintsCsv(file);
  return { items: rows.map((r) => ({ text: r.text, complaint: r.complaint, severity: r.severity })), langs: rows.map((r) => forced ?? rowLang(r.text, r.lang)) };
}

/** Where progress notes go: the caller's sink, else stderr (stdout carries the report). */
function noticeOf(opts: EvalOptions): (line: string) => void {
  return opts.notice ?? ((line: string) => process.stderr.write(`${line}\n`));
}

/** What the shipped-model figures were taken on, for the report. */
interface ShippedRun {
  figures: Figures;
  /** Resolved training files of the recipe scored instead of the shipped model (FILE is one of its training files). */
  trainedOn: string[];
  /** Documents of FILE left out because the scored model learned from them (a copy or part of training data). */
  notScored: number;
}

/**
 * Share of FILE's documents above which a file that is mostly training data (a re-export, a subset) is refused
 * rather than scored on its remainder: what is left would be a small, odd sample.
 */
const MAX_OVERLAP_SHARE = 0.5;

function evalShipped(opts: EvalOptions, items: readonly LabelledItem[], langs: readonly ModelLang[]): ShippedRun {
  const notice = noticeOf(opts);
  const trainedOn: string[] = [];
  const hash = sha256File(opts.file);
  const models = new Map<ModelLang, LanguageModel>();
  // Documents each scored model learned from, by content key (document-keys.ts).
  const learnedFrom = new Map<ModelLang, Set<string>>();
  for (const lang of new Set(langs)) {
    const modelFile = join(opts.modelDir ?? DEFAULT_MODEL_DIR, MODEL_FILES[lang]);
    const model = readModelFile(modelFile);
    const trained = model.trainingData.find((t) => t.sha256 === hash);
    if (trained) {
      const others = model.trainingData.filter((t) => t.sha256 !== hash);
      if (others.length === 0) {
        throw new EvalError(
          `${opts.file} is a training file of the shipped model (${modelFile} was trained on ${trained.file}, sha256 ${hash.slice(0, 12)}…): ` +
            'its score would be meaningless. Evaluate a held-out file, or use --folds K for cross-validation on it.',
        );
      }
      // The shipped model learned from this file among others: score the same recipe trained on the others only
      // (less data than the shipped model had, so a held-out figure of the recipe, not of the shipped weights).
      const files = others.map((t) => trainingFileBeside(opts.file, trained, t));
      const fileKeys = new Set(items.map((i) => documentKey(i.text)));
      const recipe = recipeModel(lang, files, fileKeys);
      notice(
        `eval: ${opts.file} is a training file of the shipped model (${trained.file}); scoring the shipped recipe trained without it, on ${files.join(', ')}` +
          (recipe.dropped > 0 ? ` (${recipe.dropped} of their documents are also in ${opts.file} and were left out of training)` : ''),
      );
      models.set(lang, new LanguageModel(recipe.model));
      trainedOn.push(...files);
      continue;
    }
    models.set(lang, new LanguageModel(model));
    if (model.trainingDocuments !== undefined) learnedFrom.set(lang, decodeDocumentKeys(model.trainingDocuments));
  }
  // A copy, subset or re-export of training data has its own file hash: its documents are known by content.
  // Only documents long enough to be identified by content count: a short "Thank you" is everybody's.
  const seen = items.map((item, i) => isDistinctive(item.text) && learnedFrom.get(langs[i] as ModelLang)?.has(documentKey(item.text)) === true);
  const notScored = seen.filter(Boolean).length;
  if (notScored > 0) {
    const message = `${notScored} of the ${items.length} documents of ${opts.file} are in the shipped model's training data`;
    if (notScored > MAX_OVERLAP_SHARE * items.length || notScored === items.length) {
      throw new EvalError(`${message} (a copy or part of a training file?): its score would be meaningless. Evaluate a held-out file, or use --folds K.`);
    }
    notice(`eval: ${message}; they are left out and the other ${items.length - notScored} scored`);
  }
  const kept = items.filter((_, i) => !seen[i]);
  const keptLangs = langs.filter((_, i) => !seen[i]);
  const predictions = kept.map((item, i) => {
    const lang = keptLangs[i] as ModelLang;
    return shippedPrediction(models.get(lang) as LanguageModel, opts.withoutHandles ? withoutHandles(item.text) : item.text, lang, opts.model ?? 'shipped');
  });
  // Sentiment is scored on GermEval files only (a CSV has complaint labels alone).
  const sentiment = opts.format === 'germeval' ? predictions.map((p) => p.sentiment ?? 'neutral') : undefined;
  const figures = scorePredictions(
    kept,
    predictions.map((p) => p.complaint),
    sentiment,
    predictions.map((p) => p.severity),
  );
  return { figures, trainedOn, notScored };
}

/**
 * The shipped decisions (classifiers/composite.ts): complaint from the learned model combined with the cue model,
 * and the German sentiment label with the same combination's clear complaints read as negative. `learned`: the
 * learned model alone for both.
 */
function shippedPrediction(lm: LanguageModel, text: string, lang: 'de' | 'en', model: EvalModel): Prediction {
  const learned = lm.complaint(text, lang).score;
  const label = lang === 'de' ? (lm.label(text, lang) as SentimentLabel) : undefined;
  const learnedSeverity = (): 1 | 2 | 3 | 4 => ruleSeverity(text, lang);
  if (model === 'learned') return { complaint: learned >= lm.threshold, sentiment: label, severity: learnedSeverity() };
  const cues = analyseCues(prepare(text), lang);
  const score = compositeComplaintScore(learned, lm.threshold, cues, text.length, lang);
  return {
    complaint: score >= COMPOSITE_THRESHOLD,
    sentiment: label === undefined ? undefined : germanSentimentLabel(label, score, cues.evidence),
    severity: compositeSeverity(cues, rescaleToThreshold(learned, lm.threshold), learnedSeverity),
  };
}

/** One document's shipped decisions; severity is the level the post would get were it a complaint. */
interface Prediction {
  complaint: boolean;
  sentiment?: SentimentLabel;
  severity: 1 | 2 | 3 | 4;
}

/**
 * Where another training file of the shipped model is, given FILE (one of them): the model records paths relative
 * to the data folder ("germeval2017/dev.xml"), so it is looked for relative to FILE's data folder, then beside FILE.
 * Its content must be what the model was trained on.
 */
function trainingFileBeside(file: string, self: TrainingFile, other: TrainingFile): string {
  const selfPath = normalize(self.file);
  // As given, and with symbolic links resolved (a link to the data folder's file finds its neighbours there).
  const candidates = [...new Set([resolve(file), realpathSync(file)])].flatMap((abs) => [
    ...(abs.endsWith(`${sep}${selfPath}`) ? [join(abs.slice(0, abs.length - selfPath.length), other.file)] : []),
    join(dirname(abs), basename(other.file)),
  ]);
  const found = candidates.find((c) => existsSync(c));
  if (found === undefined) {
    throw new EvalError(
      `${file} is a training file of the shipped model; scoring the recipe without it needs its other training file ${other.file}, which is not at ${candidates.join(' or ')}. ` +
        'Use --folds K for cross-validation on the file instead.',
    );
  }
  if (sha256File(found) !== other.sha256) throw new EvalError(`${found} is not the ${other.file} the shipped model was trained on (its content differs)`);
  return found;
}

/**
 * The shipped recipe of one language trained on `files` (GermEval files for German, complaint CSVs for English),
 * without any document whose content key is in `exclude` (the scored file's): files of a corpus can share posts.
 */
function recipeModel(lang: ModelLang, files: readonly string[], exclude: ReadonlySet<string>): { model: ModelFile; dropped: number } {
  const provenance = { name: 'recipe-without-file', licence: 'evaluation only', nonCommercial: true, dataDate: '1970-01-01', trainingData: [], notes: [] };
  const fresh = <T extends { text: string }>(docs: T[]): T[] => docs.filter((d) => !exclude.has(documentKey(d.text)));
  if (lang === 'de') {
    const docs = files.flatMap((f) => readGermEval(f));
    const kept = fresh(docs);
    return { model: buildModel(germanInput(kept, provenance)).model, dropped: docs.length - kept.length };
  }
  const rows = files.flatMap((f) => readComplaintsCsv(f));
  const kept = fresh(rows);
  return { model: buildModel(englishInput(kept, provenance)).model, dropped: rows.length - kept.length };
}

/**
 * The `--also-train` documents: never one that is also in FILE (it would be trained on in the fold that scores it),
 * each once however many files hold it, and of the recipe's language only (a CSV's rows by their own language).
 */
function extraTraining(opts: EvalOptions, items: readonly LabelledItem[], lang: ModelLang): LabelledItem[] {
  const files = opts.alsoTrain ?? [];
  if (files.length === 0) return [];
  const scored = new Set(items.map((i) => documentKey(i.text)));
  const added = new Set<string>();
  const extra: LabelledItem[] = [];
  let inFile = 0, repeated = 0, otherLanguage = 0;
  for (const file of files) {
    const read = readItems(file, opts.format, opts.lang);
    read.items.forEach((item, i) => {
      const key = documentKey(item.text);
      if (read.langs[i] !== lang) otherLanguage++;
      else if (scored.has(key)) inFile++;
      else if (added.has(key)) repeated++;
      else {
        added.add(key);
        extra.push(item);
      }
    });
  }
  const left = [inFile > 0 ? `${inFile} also in ${opts.file}` : '', repeated > 0 ? `${repeated} repeated` : '', otherLanguage > 0 ? `${otherLanguage} not in ${lang === 'de' ? 'German' : 'English'}` : '']
    .filter(Boolean)
    .join(', ');
  noticeOf(opts)(
    `eval: every fold also trains on ${extra.length} documents of ${files.join(', ')}${left ? ` (left out: ${left})` : ''}`,
  );
  return extra;
}

function evalFolds(opts: EvalOptions, items: readonly LabelledItem[], langs: readonly ModelLang[], k: number): Figures {
  // GermEval: the German recipe (sentiment heads). CSV: the binary complaint recipe, with the lexicon of the
  // file's main language.
  const german = opts.format === 'germeval';
  const csvLang: ModelLang = 2 * langs.filter((l) => l === 'de').length > langs.length ? 'de' : 'en';
  const lang: ModelLang = german ? 'de' : csvLang;
  // Stratify on what the task scores, so every fold sees the rare class.
  const strata = items.map((i) => (lang === 'de' ? (i.sentiment ?? 'neutral') : String(i.complaint)));
  const fold = stratifiedFolds(strata, k);
  const predComplaint = new Array<boolean>(items.length).fill(false);
  const predSentiment = new Array<SentimentLabel>(items.length).fill('neutral');
  const predSeverity = new Array<1 | 2 | 3 | 4>(items.length).fill(1);
  const extra = extraTraining(opts, items, lang);
  for (let f = 0; f < k; f++) {
    const train = [...items.filter((_, i) => fold[i] !== f), ...extra];
    const provenance = { name: `cv-fold-${f}`, licence: 'evaluation only', nonCommercial: true, dataDate: '1970-01-01', trainingData: [], notes: [] };
    const input =
      german
        ? germanInput(
            train.map((t, j) => ({ id: String(j), text: t.text, relevance: t.complaint || t.sentiment !== 'neutral', sentiment: t.sentiment ?? 'neutral', opinions: [] })),
            provenance,
            INNER_FOLDS,
          )
        : { ...englishInput(train.map((t, j) => ({ id: String(j), text: t.text, complaint: t.complaint, severity: null, domain: '' })), provenance, INNER_FOLDS), lang };
    // germanInput derives complaint from relevance ∧ negative; keep the file's own complaint labels instead.
    const built = buildModel({ ...input, complaint: train.map((t) => t.complaint) });
    const lm = new LanguageModel(built.model);
    items.forEach((it, i) => {
      if (fold[i] !== f) return;
      const prediction = shippedPrediction(lm, opts.withoutHandles ? withoutHandles(it.text) : it.text, lang, opts.model ?? 'shipped');
      predComplaint[i] = prediction.complaint;
      predSeverity[i] = prediction.severity;
      if (prediction.sentiment) predSentiment[i] = prediction.sentiment;
    });
  }
  return scorePredictions(items, predComplaint, german ? predSentiment : undefined, predSeverity);
}

function table(r: EvalReport): string {
  const pct = (x: number): string => x.toFixed(4);
  const lines = [
    `${r.task} on ${r.file} (${r.format}, ${r.documents} documents, ${r.mode === 'cross-validation' ? `${r.folds}-fold cross-validation${r.alsoTrained ? `, every fold also trained on ${r.alsoTrained.join(', ')}` : ''}` : r.mode === 'shipped-model' ? `shipped model ${r.model}${r.notScored ? `, ${r.notScored} documents it learned from left out` : ''}` : `the shipped recipe trained on ${(r.trainedOn ?? []).join(', ')}, without this file`}; ${r.format === 'csv' ? `rows by language de ${r.languages.de}, en ${r.languages.en}; ` : ''}complaints by ${r.combination}${r.handles === 'removed' ? '; @handles removed' : ''})`,
    `complaint class   precision ${pct(r.complaint.precision)}  recall ${pct(r.complaint.recall)}  F1 ${pct(r.complaint.f1)}  (tp ${r.complaint.tp}, fp ${r.complaint.fp}, fn ${r.complaint.fn})`,
    `macro-F1          ${pct(r.macroF1)}  (${r.task === 'sentiment' ? 'negative/neutral/positive' : 'complaint/not complaint'})`,
  ];
  if (r.subtaskB) lines.push(`GermEval subtask B micro-F1 ${pct(r.subtaskB.microF1)}  macro-F1 ${pct(r.subtaskB.macroF1)}`);
  if (r.severity) lines.push(...severityLines(r.severity, pct));
  return `${lines.join('\n')}\n`;
}

/** The severity block of the table (X-CI levels: 1 no explicit reproach, 2 disapproval, 3 accusation, 4 blame). */
function severityLines(f: SeverityFigures, pct: (x: number) => string): string[] {
  const c = f.complaints;
  const lines = [
    `severity, annotated complaints (n ${c.n}, levels 1–4)  accuracy ${pct(c.accuracy)}  macro-F1 ${pct(c.macroF1)}  mean abs. error ${c.meanAbsoluteError.toFixed(2)}  within one level ${pct(c.withinOne)}  (always level ${c.majority.level}: accuracy ${pct(c.majority.accuracy)})`,
  ];
  if (c.n > 0) {
    lines.push(`${'  gold \\ predicted'.padEnd(24)}${[1, 2, 3, 4].map((l) => String(l).padStart(7)).join('')}`);
    c.confusion.forEach((row, g) => lines.push(`  ${g + 1} ${['no explicit reproach', 'disapproval', 'accusation', 'blame'][g]?.padEnd(20)}${row.map((x) => String(x).padStart(7)).join('')}`));
  }
  lines.push(`severity end to end (n ${f.endToEnd.n}, 0 = no complaint)  accuracy ${pct(f.endToEnd.accuracy)}  macro-F1 ${pct(f.endToEnd.macroF1)}`);
  return lines;
}
