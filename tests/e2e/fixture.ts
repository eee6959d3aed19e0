/**
 * The running service the browser tests drive. Today: the dashboard app over a temporary embedded store
 * filled with the demo-like fixture data. When the full pipeline's `startService` can replay the bundled
 * demo, swap the body of `startDashboardUnderTest` for it and describe that data in `scenario`: the tests
 * use only `url`, `token`, `store` and `scenario`, never fixture ids directly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../dashboards/app.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/port.ts';
import { demoConfig, seedDashboardStore, serve, XSS_HANDLE, XSS_TEXT } from '../unit/dashboards/fixtures.ts';

/** What the data under test contains, so the tests can look for it. */
export interface Scenario {
  /** Cue phrases that some recent complaint contains and the classifier reported. */
  cues: string[];
  /** Full text that finds posts of more than one brand. */
  searchText: string;
  /** A brand among those hits, to narrow the search by its facet. */
  facetBrand: string;
  /** An open alert to acknowledge and resolve through the UI. */
  alertToAcknowledge: string;
  /** A shitstorm alert whose examples carry the XSS payload. */
  shitstormAlert: string;
  /** Number of brands on the radar (the configured brands). */
  brands: number;
  /** Configured source names in config order. */
  sources: string[];
  /** A complaint carrying script payloads in text and author handle; its thread root. */
  xss: { mentionId: string; rootId: string; text: string; handle: string };
}

export interface DashboardUnderTest {
  url: string;
  token: string;
  store: Store;
  scenario: Scenario;
  close(): Promise<void>;
}

export async function startDashboardUnderTest(): Promise<DashboardUnderTest> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenradar-e2e-'));
  const store = await openSqliteStore(path.join(dir, 'store.db'));
  await seedDashboardStore(store, new Date());
  const config = demoConfig();
  // Auth on, as on any shared deployment: the tests log in through the form like an analyst.
  const token = `e2e-${Math.random().toString(36).slice(2)}-token-0123456789`;
  const served = await serve(createApp({ store, config, secrets: { apiToken: token } }));
  return {
    url: served.url,
    token,
    store,
    scenario: {
      cues: ['seit drei Tagen', 'keine Antwort', 'still waiting'],
      searchText: 'Paket',
      facetBrand: 'netzwerk-nord',
      alertToAcknowledge: 'unanswered:flinkpost:twitter:100',
      shitstormAlert: 'shitstorm:flinkpost:1',
      brands: config.brands.length,
      sources: config.sources.map((s) => s.name),
      xss: { mentionId: 'twitter:666', rootId: 'twitter:666', text: XSS_TEXT, handle: XSS_HANDLE },
    },
    async close() {
      await served.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
