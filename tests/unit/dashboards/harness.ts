/**
 * A seeded embedded store and started dashboards for one test file: opened before the tests (or before each test
 * when the tests change its alerts), every dashboard started by `start` closed after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createApp, type DashboardDeps } from '../../../dashboards/app.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import type { Store } from '../../../src/store/port.ts';
import { demoConfig, seedDashboardStore, serve, type Served } from './fixtures.ts';

export interface DashboardHarness {
  readonly store: Store;
  /** The dashboard over the seeded store without a token, with `overrides`, on an ephemeral loopback port. */
  start(overrides?: Partial<DashboardDeps>): Promise<Served>;
  /** Closed after each test like the dashboards (e.g. a worker's probe app). */
  track(served: Served): Served;
}

export function dashboardHarness(prefix: string, options: { freshStorePerTest?: boolean } = {}): DashboardHarness {
  let dir = '';
  let store: Store | undefined;
  let opened = 0;
  const running: Served[] = [];

  async function open(): Promise<void> {
    await store?.close();
    store = await openSqliteStore(path.join(dir, `store-${opened++}.db`));
    await seedDashboardStore(store, new Date());
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
    if (!options.freshStorePerTest) await open();
  });
  if (options.freshStorePerTest) beforeEach(open);
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const harness: DashboardHarness = {
    get store(): Store {
      if (!store) throw new Error('the harness store opens in beforeAll; use it inside a test');
      return store;
    },
    track(served) {
      running.push(served);
      return served;
    },
    async start(overrides = {}) {
      return harness.track(await serve(createApp({ store: harness.store, config: demoConfig(), secrets: {}, ...overrides })));
    },
  };
  return harness;
}
