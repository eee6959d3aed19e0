import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cue } from '../../../src/model.ts';
import { LEARNED_MODEL_NAME, loadLearnedModel, ModelMissingError } from '../../../classifiers/learned/index.ts';

describe('loadLearnedModel', () => {
  it('names the missing file and both ways out when models were never trained', () => {
    const empty = mkdtempSync(join(tmpdir(), 'kr-no-models-'));
    expect(() => loadLearnedModel(empty)).toThrow(ModelMissingError);
    expect(() => loadLearnedModel(empty)).toThrow(/learned-de\.json is missing: run `kundenradar train` or set classifier\.model to "cues"/);
  });

  it('loads the shipped models once, with their licence on board', () => {
    const m = loadLearnedModel();
    expect(loadLearnedModel()).toBe(m);
    expect(m.name).toBe(LEARNED_MODEL_NAME);
    expect(m.files.de.nonCommercial).toBe(true);
    expect(m.files.de.licence).toMatch(/CC BY-NC 4\.0/);
    expect(m.files.en.trainingData[0]?.file).toBe('complaints-en/complaints.csv');
  });

  it('returns schema-valid, bounded output and does not mix up consecutive posts', () => {
    const m = loadLearnedModel();
    const a = 'Zug fällt aus, schon wieder 😡';
    const b = 'Danke für die schnelle Hilfe!';
    const first = m.complaint(a, 'de');
    const other = m.complaint(b, 'de');
    expect(m.complaint(a, 'de')).toEqual(first);
    expect(other.score).not.toBe(first.score);
    for (const r of [first, other, m.complaint('@AmazonHelp where is my parcel??', 'en'), m.complaint('Ça ne marche pas', 'other')]) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      for (const cue of r.cues) expect(Cue.safeParse(cue).success).toBe(true);
      expect(r.cues.length).toBeLessThanOrEqual(5);
    }
    for (const lang of ['de', 'en', 'other'] as const) {
      const s = m.sentiment(a, lang);
      expect(['negative', 'neutral', 'positive']).toContain(s.label);
      expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
    }
  });

  it('points its cues at the words that carry them', () => {
    const m = loadLearnedModel();
    const text = 'Die Bahn ist mal wieder 40 Minuten zu spät 😡';
    const { cues } = m.complaint(text, 'de');
    expect(cues.length).toBeGreaterThan(0);
    for (const c of cues) {
      if (c.span) expect(text.slice(c.span[0], c.span[1]).length).toBeGreaterThan(0);
      expect(c.weight).toBeGreaterThan(0);
    }
  });
});
