/** The retry helper's log: a failure per attempt, and one info line when it works again (QA operations finding 5). */
import { describe, expect, it } from 'vitest';
import { recoveredMessage, withRetry } from '../../../src/retry.ts';

function recorder() {
  const lines: Array<{ level: 'warn' | 'info'; fields: Record<string, unknown>; msg: string }> = [];
  const at = (level: 'warn' | 'info') => (fields: object, msg?: string) => void lines.push({ level, fields: fields as Record<string, unknown>, msg: msg ?? '' });
  return { lines, log: { warn: at('warn'), info: at('info') } as never };
}

describe('withRetry', () => {
  it('logs an info line when the operation succeeds after failures: how long they lasted and how many retries it took', async () => {
    const { lines, log } = recorder();
    let now = 1_000;
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        now += 6_000;
        if (calls < 4) throw new Error('connect ECONNREFUSED 127.0.0.1:9200');
        return 'written';
      },
      { what: 'Elasticsearch bulk write', recovered: 'Elasticsearch writes resumed', minDelayMs: 1, maxDelayMs: 1, now: () => now, log },
    );
    expect(result).toBe('written');
    expect(lines.map((l) => l.level)).toEqual(['warn', 'warn', 'warn', 'info']);
    // First failure at 7 s, success at 25 s: 18 s, after 3 retries.
    expect(lines[3]).toEqual({ level: 'info', fields: { what: 'Elasticsearch bulk write', retries: 3, afterMs: 18_000 }, msg: 'Elasticsearch writes resumed after 18 s, 3 retries' });
  });

  it('says nothing on a first-time success, and names the operation when no recovered text is given', async () => {
    const quiet = recorder();
    await withRetry(async () => 'ok', { what: 'publish to kr.mentions', log: quiet.log });
    expect(quiet.lines).toEqual([]);

    const once = recorder();
    let failed = false;
    await withRetry(
      async () => {
        if (!failed) {
          failed = true;
          throw new Error('The group coordinator is not available');
        }
      },
      { what: 'publish to kr.mentions', minDelayMs: 1, maxDelayMs: 1, now: () => 0, log: once.log },
    );
    expect(once.lines.at(-1)?.msg).toBe('publish to kr.mentions succeeded again after 0 s, 1 retry');
  });

  it('words the duration in seconds with one decimal', () => {
    expect(recoveredMessage('Kafka reachable again', 33_240, 12)).toBe('Kafka reachable again after 33.2 s, 12 retries');
  });
});
