/**
 * The unanswered queue when it is long: every open alert is considered, the longest waits first, and the total
 * counts them all (QA ops: only the 500 most recently updated were read, which left out the oldest breaches).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../dashboards/app.ts';
import { Alert } from '../../../src/model.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import type { Store } from '../../../src/store/port.ts';
import { demoConfig, serve, type Served } from './fixtures.ts';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const minutesAgo = (m: number): string => new Date(NOW - m * 60_000).toISOString();

function openAlert(i: number, waitingMinutes: number, updatedMinutesAgo: number): Alert {
  return Alert.parse({
    id: `unanswered:flinkpost:twitter:${i}`,
    kind: 'unanswered',
    brand: 'flinkpost',
    severity: 'warning',
    status: 'open',
    title: `Beschwerde ${i}`,
    openedAt: minutesAgo(waitingMinutes - 60),
    updatedAt: minutesAgo(updatedMinutesAgo),
    mentions: [`twitter:${i}`],
    examples: [],
    evidence: { waitingSince: minutesAgo(waitingMinutes), slaMinutes: 60, state: 'awaiting_brand', threadRootId: `twitter:${i}` },
    dedupeKey: `unanswered:twitter:${i}`,
  });
}

let dir: string;
let store: Store;
let server: Served;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kundenradar-queue-'));
  store = await openSqliteStore(path.join(dir, 'store.db'));
  // 1,100 alerts updated in the last hour, waiting 2 h; then 100 untouched for two days, waiting three days.
  for (let i = 0; i < 1_100; i++) await store.upsertAlert(openAlert(i, 120, i % 60));
  for (let i = 1_100; i < 1_200; i++) await store.upsertAlert(openAlert(i, 3 * 24 * 60 + (i - 1_100), 2 * 24 * 60));
  server = await serve(createApp({ store, config: demoConfig(), secrets: {}, now: () => new Date(NOW) }));
}, 60_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/unanswered with more open alerts than one page', () => {
  it('puts the longest waits first and counts every open alert', async () => {
    const body = (await (await fetch(`${server.url}/api/unanswered?limit=5`)).json()) as { total: number; truncated?: boolean; items: Array<{ alertId: string; overdueMinutes: number }> };
    expect(body.total).toBe(1_200);
    expect(body.truncated).toBeUndefined();
    expect(body.items.map((i) => i.alertId)).toEqual([1_199, 1_198, 1_197, 1_196, 1_195].map((i) => `unanswered:flinkpost:twitter:${i}`));
    expect(body.items[0]?.overdueMinutes).toBe(3 * 24 * 60 + 99 - 60);
  });
});
