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
import { join } from 'node:path';
import type { Figures, SeverityFigures } from '../../classifiers/learned/evaluate.ts';
import { DEFAULT_MODEL_DIR, MODEL_FILES } from '../../classifiers/learned/index.ts';
import { EvalError, readItems } from './eval-documents.ts';
import { evalFolds } from './eval-folds.ts';
import type { EvalModel } from './eval-prediction.ts';
import { evalShipped } from './eval-shipped.ts';
import { reportTable } from './eval-table.ts';
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
  const notice = noticeOf(opts);
  let figures: Figures;
  let trainedOn: string[] = [];
  let notScored = 0;
  if (opts.folds === undefined) ({ figures, trainedOn, notScored } = evalShipped(opts, items, langs, notice));
  else figures = evalFolds(opts, items, langs, opts.folds, notice);
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
  print(opts.json ? `${JSON.stringify(report)}\n` : reportTable(report));
  return report;
}

/** Where progress notes go: the caller's sink, else stderr (stdout carries the report). */
function noticeOf(opts: EvalOptions): (line: string) => void {
  return opts.notice ?? ((line: string) => process.stderr.write(`${line}\n`));
}
