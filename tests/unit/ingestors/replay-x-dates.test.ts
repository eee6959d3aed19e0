import { describe, expect, it } from 'vitest';
import { parseExportDate } from '../../../ingestors/replay-dates.ts';
import { readJsonDocument, readJsonl } from '../../../ingestors/replay-formats.ts';

const tweet = (id: string, created_at: string) => ({ id_str: id, full_text: 'Zug fällt aus / train cancelled', created_at, user: { id_str: '7', screen_name: 'kunde' } });

describe('a tweet dated outside 1970–2199, or not at all readable, is skipped with its place and reason', () => {
  it('refuses an epoch beyond 2199 (10 digits of seconds reach 2286) instead of dating the post there', () => {
    expect(parseExportDate('9999999999')).toEqual({ reason: expect.stringMatching(/out of range "9999999999": years 1970 to 2199/) });
    expect(parseExportDate('9999999999999')).toEqual({ reason: expect.stringMatching(/out of range/) });
    expect(parseExportDate('1759568400')).toEqual({ iso: '2025-10-04T09:00:00.000Z' });
  });

  it('names the line and says why: out of range, or unreadable', () => {
    const input = readJsonl([
      tweet('1', 'Sun Oct 04 09:00:00 +0000 2026'),
      tweet('2', 'Wed Oct 10 20:19:24 +0000 2300'),
      tweet('3', '9999999999'),
      tweet('4', '0000-01-01T00:00:00Z'),
      tweet('5', 'gestern'),
    ].map((t) => JSON.stringify(t)).join('\n'));
    expect(input.mentions.map((m) => m.id)).toEqual(['twitter:1']);
    expect(input.errors).toEqual([
      { line: 2, reason: 'tweet: created_at: date out of range "Wed Oct 10 20:19:24 +0000 2300": years 1970 to 2199 are read' },
      { line: 3, reason: 'tweet: created_at: date out of range "9999999999": years 1970 to 2199 are read' },
      { line: 4, reason: 'tweet: created_at: date out of range "0000-01-01T00:00:00Z": years 1970 to 2199 are read' },
      { line: 5, reason: 'tweet: created_at: unreadable date "gestern"' },
    ]);
  });

  it('names the record of a JSON document (a Twitter archive array)', () => {
    const input = readJsonDocument(JSON.stringify([{ tweet: tweet('1', 'Sun Oct 04 09:00:00 +0000 2026') }, { tweet: tweet('2', '9999999999') }], null, 2));
    expect(input.mentions).toHaveLength(1);
    expect(input.errors).toEqual([{ line: 2, record: 2, reason: expect.stringMatching(/^created_at: date out of range/) }]);
  });
});
