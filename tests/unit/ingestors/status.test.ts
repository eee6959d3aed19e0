import { describe, expect, it } from 'vitest';
import { SourceStatusBoard } from '../../../ingestors/status.ts';

describe('SourceStatusBoard', () => {
  it('counts items per minute over a sliding window and keeps totals, errors and quarantines', () => {
    let now = Date.parse('2026-11-30T08:00:00Z');
    const board = new SourceStatusBoard(() => now);
    board.register('bahn-blog', 'rss');
    expect(board.list()).toEqual([{ name: 'bahn-blog', type: 'rss', itemsTotal: 0, itemsPerMinute: 0, quarantined: 0 }]);

    board.success('bahn-blog', 3);
    now += 30_000;
    board.success('bahn-blog', 2);
    board.error('bahn-blog', new Error('GET https://blog.example/feed answered 503'));
    board.quarantined('bahn-blog', 1);
    expect(board.list()[0]).toMatchObject({ itemsTotal: 5, itemsPerMinute: 5, quarantined: 1, lastError: 'GET https://blog.example/feed answered 503', lastErrorAt: '2026-11-30T08:00:30.000Z', lastSuccessAt: '2026-11-30T08:00:30.000Z' });

    now += 45_000; // the first 3 items are now older than a minute
    expect(board.list()[0]).toMatchObject({ itemsTotal: 5, itemsPerMinute: 2 });
    now += 60_000;
    expect(board.list()[0]?.itemsPerMinute).toBe(0);
  });

  it('lists sources that report without registering, sorted by name', () => {
    const board = new SourceStatusBoard();
    board.success('webhook', 1);
    board.register('a-feed', 'rss');
    expect(board.list().map((s) => s.name)).toEqual(['a-feed', 'webhook']);
  });
});
