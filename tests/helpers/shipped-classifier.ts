/** Shared by the classifier quality tests on invented fixtures. */
import type { Classified, Lang } from '../../src/model.ts';

/** The shipped classifier (learned + cue model) on a plain customer post with the given text, no brands, a fixed clock. */
export async function shippedClassifier(): Promise<(text: string) => Classified> {
  const { createClassifier, createTextModel } = await import('../../classifiers/index.ts');
  const classify = createClassifier({ brands: [], textModel: createTextModel('learned'), clock: () => new Date(0) });
  return (text: string) =>
    classify({ id: 't', source: 'test', author: { id: 'u', isBrand: false }, text, createdAt: '2026-01-01T00:00:00Z', thread: { rootId: 't' }, metrics: { likes: 0, shares: 0, replies: 0 }, channel: 'post', brandContext: [] });
}

/**
 * The shipped severity (1–4) a post gets when it is read as a complaint, whether or not the classifier flags it: the
 * classifier reports 0 for posts below its line, which would count a missed complaint as a severity error too.
 */
export async function shippedSeverity(): Promise<(text: string, lang: Lang) => number> {
  const { createTextModel } = await import('../../classifiers/index.ts');
  const model = createTextModel('learned');
  return (text: string, lang: Lang) => model.severity(text, lang);
}

/** Precision, recall and F1 of `flagged` against each row's gold label. */
export function binaryScores<R extends { text: string }>(rows: readonly R[], gold: (row: R) => boolean, flagged: (text: string) => boolean): { f1: number; recall: number; precision: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const pred = flagged(r.text);
    if (pred && gold(r)) tp++;
    else if (pred) fp++;
    else if (gold(r)) fn++;
  }
  return { f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn), recall: tp / Math.max(1, tp + fn), precision: tp / Math.max(1, tp + fp) };
}
