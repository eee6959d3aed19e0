import { describe, expect, it } from 'vitest';
import { publishSourceStatus, readSourceStatus, SOURCE_STATUS_EVERY_MS, writeSourceStatus } from '../../../ingestors/status-shared.ts';
import { SourceStatusBoard } from '../../../ingestors/status.ts';
import { MemoryState } from '../detectors/helpers.ts';

const T0 = Date.parse('2026-12-01T10:00:00Z');

describe('source health shared between the ingest and the serve process (scaled mode)', () => {
  it('reads back what the ingest process wrote, and says so when its reports stopped', async () => {
    const state = new MemoryState();
    const board = new SourceStatusBoard(() => T0);
    board.register('rss-blogs', 'rss');
    board.success('rss-blogs', 12);
    board.error('x-stream', 'HTTP 429 from api.x.com');
    await writeSourceStatus(state, board.list(), T0);
    const fresh = await readSourceStatus(state, T0 + SOURCE_STATUS_EVERY_MS);
    expect(fresh).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'rss-blogs', type: 'rss', itemsTotal: 12, itemsPerMinute: 12 }),
        expect.objectContaining({ name: 'x-stream', lastError: 'HTTP 429 from api.x.com' }),
      ]),
    );
    const stale = await readSourceStatus(state, T0 + 10 * SOURCE_STATUS_EVERY_MS);
    expect(stale.find((s) => s.name === 'rss-blogs')).toMatchObject({ itemsTotal: 12, itemsPerMinute: 0, lastError: expect.stringMatching(/^no report from the ingest process since 2026-12-01T10:00:00.000Z/) });
  });

  it('writes at once and then on a timer until stopped; a failed write does not end the loop', async () => {
    const writes: string[] = [];
    let fail = true;
    const controller = new AbortController();
    const errors: unknown[] = [];
    const state = {
      putState: async (_ns: string, key: string) => {
        if (fail) {
          fail = false;
          throw new Error('store down');
        }
        writes.push(key);
      },
    };
    const running = publishSourceStatus(state, () => [{ name: 'demo', type: 'replay', itemsTotal: 1, itemsPerMinute: 0, quarantined: 0 }], controller.signal, (err) => errors.push(err), Date.now, 5);
    while (writes.length < 2) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await running;
    expect(errors).toHaveLength(1);
    expect(writes.slice(0, 2)).toEqual(['demo', 'demo']);
  });
});
