import { describe, expect, it } from 'vitest';
import { chunks, isRetryableStatus, lastWriteWins, type BulkDocument } from '../../../src/store/es-bulk.ts';

const doc = (id: string, text = 'x', index = 'kr-mentions-2026.03'): BulkDocument => ({ index, id, document: { id, text } });

describe('bulk request shaping', () => {
  it('retries only overload and server errors', () => {
    expect([429, 500, 503].map(isRetryableStatus)).toEqual([true, true, true]);
    expect([400, 403, 404, 409].map(isRetryableStatus)).toEqual([false, false, false, false]);
  });

  it('keeps the last write of an id within a batch, in the order of last writes', () => {
    const out = lastWriteWins([doc('a', 'alt'), doc('b'), doc('a', 'neu'), doc('a', 'other month', 'kr-mentions-2026.04')]);
    expect(out.map((d) => [d.id, d.index, (d.document as { text: string }).text])).toEqual([
      ['b', 'kr-mentions-2026.03', 'x'],
      ['a', 'kr-mentions-2026.03', 'neu'],
      ['a', 'kr-mentions-2026.04', 'other month'],
    ]);
  });

  it('splits by document count and by size; an oversized document travels alone', () => {
    const docs = Array.from({ length: 5 }, (_, i) => doc(`d${i}`));
    expect([...chunks(docs, 2)].map((c) => c.map((d) => d.id))).toEqual([['d0', 'd1'], ['d2', 'd3'], ['d4']]);
    const big = doc('big', 'y'.repeat(500));
    expect([...chunks([doc('s1'), big, doc('s2')], 100, 200)].map((c) => c.map((d) => d.id))).toEqual([['s1'], ['big'], ['s2']]);
    expect([...chunks([])]).toEqual([]);
  });
});
