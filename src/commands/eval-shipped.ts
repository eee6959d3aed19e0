/**
 * `eval` without --folds: the shipped model scored on FILE, never on what it learned from. When FILE is one of the
 * model's training files the same recipe is trained on its other training files and scored instead; documents of
 * FILE found in the training data by content (a copy, subset or re-export) are left out, or the file refused when
 * they are most of it.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import { readComplaintsCsv } from '../datasets/complaints.ts';
import { readGermEval } from '../datasets/germeval.ts';
import { buildModel } from '../../classifiers/learned/build.ts';
import { scorePredictions, type Figures, type LabelledItem } from '../../classifiers/learned/evaluate.ts';
import { DEFAULT_MODEL_DIR, MODEL_FILES, readModelFile } from '../../classifiers/learned/index.ts';
import type { ModelFile, TrainingFile } from '../../classifiers/learned/model-file.ts';
import { decodeDocumentKeys, documentKey, isDistinctive } from '../../classifiers/learned/document-keys.ts';
import { englishInput, germanInput } from '../../classifiers/learned/recipes.ts';
import { LanguageModel } from '../../classifiers/learned/runtime.ts';
import type { EvalOptions } from './eval.ts';
import { EvalError, withoutHandles, type ModelLang } from './eval-documents.ts';
import { shippedPrediction } from './eval-prediction.ts';
import { sha256File } from './train.ts';

/** What the shipped-model figures were taken on, for the report. */
export interface ShippedRun {
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

export function evalShipped(opts: EvalOptions, items: readonly LabelledItem[], langs: readonly ModelLang[], notice: (line: string) => void): ShippedRun {
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
