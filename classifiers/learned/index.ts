/**
 * The learned text model (`classifier.model: learned`): linear models trained by `kundenradar train` on
 * GermEval 2017 (German, CC BY-NC 4.0) and the English complaints corpus (research data), hence
 * non-commercial. German sentiment and complaints come from the GermEval model; English complaints from the
 * complaints model; posts in other languages use the English model (its character n-grams and emoji still
 * carry signal, and English is the usual lingua franca in brand mentions).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Cue, Lang, SentimentLabel } from '../../src/model.ts';
import type { TextModel } from '../types.ts';
import { ModelFileSchema, type ModelFile } from './model-file.ts';
import { LanguageModel } from './runtime.ts';
import { ruleSeverity } from './severity.ts';
import { englishSentiment } from './sentiment-en.ts';

export const LEARNED_MODEL_NAME = 'learned-v1';
export const MODEL_FILES = { de: 'learned-de.json', en: 'learned-en.json' } as const;
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../models/', import.meta.url));

export class ModelMissingError extends Error {
  override readonly name = 'ModelMissingError';
}

export interface LearnedTextModel extends TextModel {
  /** Calibrated complaint probability at which a post counts as a complaint, per language (chosen by CV). */
  complaintThresholdFor(lang: Lang): number;
  /** Provenance of the loaded files (training data, licence, scores). */
  readonly files: { de: ModelFile; en: ModelFile };
}

export function readModelFile(file: string): ModelFile {
  if (!existsSync(file)) {
    throw new ModelMissingError(`learned model file ${file} is missing: run \`kundenradar train\` or set classifier.model to "cues"`);
  }
  const parsed = ModelFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ModelMissingError(`learned model file ${file} is not a ${LEARNED_MODEL_NAME} model: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

const cache = new Map<string, LearnedTextModel>();

/** Loads both language models once per directory; later calls return the same instance. */
export function loadLearnedModel(modelDir: string = DEFAULT_MODEL_DIR): LearnedTextModel {
  const hit = cache.get(modelDir);
  if (hit) return hit;
  const model = createLearnedModel(readModelFile(join(modelDir, MODEL_FILES.de)), readModelFile(join(modelDir, MODEL_FILES.en)));
  cache.set(modelDir, model);
  return model;
}

export function createLearnedModel(deFile: ModelFile, enFile: ModelFile): LearnedTextModel {
  const de = new LanguageModel(deFile);
  const en = new LanguageModel(enFile);
  const pick = (lang: Lang): LanguageModel => (lang === 'de' ? de : en);
  const deNeg = de.classes.indexOf('negative');
  const dePos = de.classes.indexOf('positive');
  if (deNeg < 0 || dePos < 0) throw new ModelMissingError(`German model ${deFile.name} lacks negative/positive sentiment columns`);

  return {
    name: LEARNED_MODEL_NAME,
    files: { de: deFile, en: enFile },
    complaintThresholdFor: (lang) => pick(lang).threshold,
    complaint(text: string, lang: Lang): { score: number; cues: Cue[] } {
      return pick(lang).complaint(text, lang);
    },
    sentiment(text: string, lang: Lang): { label: SentimentLabel; score: number } {
      if (lang !== 'de') {
        const m = pick(lang);
        return englishSentiment(m.lexicon(text, lang), m.probability(text, lang, 0), m.threshold);
      }
      const label = de.label(text, lang) as SentimentLabel;
      const score = de.probability(text, lang, dePos) - de.probability(text, lang, deNeg);
      return { label, score: Math.max(-1, Math.min(1, score)) };
    },
    severity(text: string, lang: Lang): 1 | 2 | 3 | 4 {
      return ruleSeverity(text, lang);
    },
  };
}
