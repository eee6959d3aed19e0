/**
 * `eval --folds K`: K-fold cross-validation on FILE, each fold's model built by the shipped recipe (including its
 * inner CV for C) and scored by the shipped combination, optionally also trained on `--also-train` files.
 */
import type { SentimentLabel } from '../model.ts';
import { stratifiedFolds } from '../datasets/folds.ts';
import { buildModel } from '../../classifiers/learned/build.ts';
import { scorePredictions, type Figures, type LabelledItem } from '../../classifiers/learned/evaluate.ts';
import { documentKey } from '../../classifiers/learned/document-keys.ts';
import { englishInput, germanInput, INNER_FOLDS } from '../../classifiers/learned/recipes.ts';
import { LanguageModel } from '../../classifiers/learned/runtime.ts';
import type { EvalOptions } from './eval.ts';
import { readItems, withoutHandles, type ModelLang } from './eval-documents.ts';
import { shippedPrediction } from './eval-prediction.ts';

/**
 * The `--also-train` documents: never one that is also in FILE (it would be trained on in the fold that scores it),
 * each once however many files hold it, and of the recipe's language only (a CSV's rows by their own language).
 */
function extraTraining(opts: EvalOptions, items: readonly LabelledItem[], lang: ModelLang, notice: (line: string) => void): LabelledItem[] {
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
  notice(
    `eval: every fold also trains on ${extra.length} documents of ${files.join(', ')}${left ? ` (left out: ${left})` : ''}`,
  );
  return extra;
}

export function evalFolds(opts: EvalOptions, items: readonly LabelledItem[], langs: readonly ModelLang[], k: number, notice: (line: string) => void): Figures {
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
  const extra = extraTraining(opts, items, lang, notice);
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
