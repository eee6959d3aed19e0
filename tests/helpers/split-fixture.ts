/** The invented, labelled fixtures whose rows alternate between a `dev` half (used while writing cues) and a `held` half. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Lang } from '../../src/model.ts';

export interface SplitRow {
  split: 'dev' | 'held';
  lang: Lang;
  complaint: boolean;
  /** The post, the last column. */
  text: string;
  /** Every column by its header name, for fixtures with more labels than the complaint (a sentiment column). */
  columns: Readonly<Record<string, string>>;
}

/** Reads a tab-separated fixture whose header must be `header`: `split`, `lang`, `complaint` (0/1), …, `text`. */
export function readSplitFixture(file: string, header: string): SplitRow[] {
  const [first, ...lines] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  expect(first).toBe(header);
  const names = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const columns = Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
    return { split: columns.split as SplitRow['split'], lang: columns.lang as Lang, complaint: columns.complaint === '1', text: cells[cells.length - 1] as string, columns };
  });
}

/** Each of `halves` holds at least `min` complaints and `min` hard negatives in both languages. */
export function expectBalanced(rows: readonly SplitRow[], min: number, halves: ReadonlyArray<'dev' | 'held'> = ['dev', 'held']): void {
  for (const split of halves)
    for (const lang of ['de', 'en'] as const)
      for (const complaint of [true, false]) expect(rows.filter((r) => r.split === split && r.lang === lang && r.complaint === complaint).length).toBeGreaterThanOrEqual(min);
}
