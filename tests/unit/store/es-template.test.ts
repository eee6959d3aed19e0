import { describe, expect, it } from 'vitest';
import { mentionIndex, mentionIndexMonth, mentionTemplate } from '../../../src/store/es-template.ts';

describe('monthly mention indices', () => {
  it('derive the index from createdAt in UTC, so an id always lands in the same index', () => {
    expect(mentionIndex('kr', '2026-03-31T23:59:59.999Z')).toBe('kr-mentions-2026.03');
    expect(mentionIndex('kr', '2026-04-01T00:00:00.000Z')).toBe('kr-mentions-2026.04');
    // 01:30 in Berlin on 1 April is still March in UTC.
    expect(mentionIndex('kr', '2026-04-01T01:30:00+02:00')).toBe('kr-mentions-2026.03');
  });

  it('read the month back only from this prefix’s monthly indices', () => {
    expect(mentionIndexMonth('kr', 'kr-mentions-2026.03')).toBe(Date.UTC(2026, 2, 1));
    expect(mentionIndexMonth('kr', 'kr-mentions-2026.13')).toBeUndefined();
    expect(mentionIndexMonth('kr', 'kr-alerts')).toBeUndefined();
    expect(mentionIndexMonth('kr', 'other-mentions-2026.03')).toBeUndefined();
    expect(mentionIndexMonth('kr', 'kr-mentions-2026.03-restored')).toBeUndefined();
  });

  it('the template covers exactly the monthly pattern and joins them under the alias', () => {
    const template = mentionTemplate('kr');
    expect(template.index_patterns).toEqual(['kr-mentions-*']);
    expect(template.template?.aliases).toEqual({ 'kr-mentions': {} });
  });
});
