/**
 * The `eval` report as the table a person reads (`--json` prints the report itself): what was scored and how, the
 * complaint class, macro-F1, GermEval subtask B, and the severity block when the file has severity labels.
 */
import type { SeverityFigures } from '../../classifiers/learned/evaluate.ts';
import type { EvalReport } from './eval.ts';

export function reportTable(r: EvalReport): string {
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
