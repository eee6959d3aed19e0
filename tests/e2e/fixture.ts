/**
 * The running service the browser tests drive: the whole pipeline (`startService`: replay → classify →
 * index → detect → notify → serve) on the bundled demo config and demo/demo.jsonl, in a fresh temporary
 * data directory, with alert routes emptied (no chat message leaves the machine) and the API token on, so
 * the tests log in like an analyst on a shared deployment. It returns once the replay has been read in full
 * and every stage has caught up.
 *
 * `scenario` describes what the demo contains, read back from the running service (its API) where the
 * pipeline decides it (classification, alerts) and from demo.jsonl where the demo promises it (the
 * Funkwelle burst, the script payload). When the demo stops containing something a test needs, startup
 * fails with a message naming it instead of a test failing on a missing selector.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type LoadedConfig } from '../../src/config.ts';
import type { Alert, Classified, Mention } from '../../src/model.ts';
import { startService, type Service } from '../../src/pipeline.ts';
import type { Store } from '../../src/store/port.ts';
import type { QueueItem } from '../../dashboards/routes/unanswered.ts';
import { waitFor } from '../helpers/wait.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_CONFIG = path.join(root, 'demo/kundenradar.yaml');
const DEMO_FILE = path.join(root, 'demo/demo.jsonl');
/** The replay source's name in demo/kundenradar.yaml. */
const DEMO_SOURCE = 'demo';
/** The brand of the demo's shitstorm (2026-11-28, see the comment at the top of demo/kundenradar.yaml). */
const BURST_BRAND = 'funkwelle';
/** A German word of several demo posts of more than one brand (a long phone queue). */
const SEARCH_TEXT = 'Warteschleife';
/** The script payload one demo post carries in its text. */
const SCRIPT_PAYLOAD = '<script>alert(1)</script>';

/** What the data under test contains, so the tests can look for it. */
export interface Scenario {
  /** Number of posts in demo.jsonl: all of them indexed. */
  posts: number;
  /** The newest complaint (top of the complaints page) and the passages of its text the classifier marked as cues. */
  newestComplaint: { id: string; cuePassages: string[] };
  /** Full text that finds posts of more than one brand. */
  searchText: string;
  /** Hits of `searchText`, and a brand among them to narrow the search by its facet. */
  searchHits: number;
  facetBrand: string;
  /** The unanswered queue: how many threads are past their SLA, and its head (the worst breach). */
  unanswered: { overdue: number; head: { alertId: string; rootId: string; waitingId: string; waitingText: string; replies: number } };
  /** An open alert to acknowledge and resolve through the UI: the head of the unanswered queue. */
  alertToAcknowledge: string;
  /** The brand with the demo's burst and the shitstorm alert the detector raised for it. */
  burst: { brand: string; name: string; alertId: string; alertTitle: string; exampleTexts: string[] };
  /** Number of brands on the radar (the configured brands). */
  brands: number;
  /** Configured source names in config order. */
  sources: string[];
  /** How many of them currently report an error newer than their last success. */
  failingSources: number;
  /** The post carrying a script payload in its text; its thread root, its author, and a search that finds it. */
  xss: { mentionId: string; rootId: string; text: string; handle: string; searchText: string };
}

export interface DashboardUnderTest {
  url: string;
  token: string;
  store: Store;
  scenario: Scenario;
  /** GET on the service's API with the analysts' bearer token. */
  api<T>(pathAndQuery: string): Promise<T>;
  close(): Promise<void>;
}

/** The demo config with its store in `dir`, no alert routes, no environment, and only the API token as secret. */
function demoConfigIn(dir: string, apiToken: string): LoadedConfig {
  const loaded = loadConfig(DEMO_CONFIG, { ...process.env, KAFKA_BROKERS: '', ELASTICSEARCH_URL: '' });
  loaded.config.store.path = path.join(dir, 'kundenradar.db');
  loaded.env = {};
  loaded.config.alerts.routes = [];
  loaded.secrets = { apiToken };
  return loaded;
}

function readDemo(): Mention[] {
  return readFileSync(DEMO_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Mention);
}

function demoLacks(what: string): never {
  throw new Error(`demo/demo.jsonl no longer gives the e2e tests ${what}`);
}

export async function startDashboardUnderTest(): Promise<DashboardUnderTest> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenradar-e2e-'));
  // Auth on, as on any shared deployment: the tests log in through the form like an analyst.
  const token = `e2e-${Math.random().toString(36).slice(2)}-token-0123456789`;
  const demo = readDemo();
  const loaded = demoConfigIn(dir, token);
  let service: Service | undefined;
  try {
    service = await startService(loaded, { port: 0 });
    const running = service;
    await waitFor(async () => running.sources().find((s) => s.name === DEMO_SOURCE)?.itemsTotal === demo.length && (await running.drained()), {
      timeoutMs: 90_000,
      what: `the demo replay (${demo.length} posts) through every stage`,
    });
    if (!running.url) throw new Error('startService ran without the serve stage');
    const url = running.url;
    const api = async <T>(pathAndQuery: string): Promise<T> => {
      const res = await fetch(url + pathAndQuery, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET ${pathAndQuery}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const scenario = await describeDemo(api, loaded, demo);
    return {
      url,
      token,
      store: running.store,
      scenario,
      api,
      async close() {
        await running.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

type Api = <T>(pathAndQuery: string) => Promise<T>;
interface MentionsPage {
  total: number;
  hits: Array<{ mention: Classified }>;
  facets: Record<string, Array<{ value: string; count: number }>>;
}

async function describeDemo(api: Api, loaded: LoadedConfig, demo: Mention[]): Promise<Scenario> {
  const { config } = loaded;

  const all = await api<MentionsPage>('/api/mentions?size=1');
  if (all.total !== demo.length) throw new Error(`indexed ${all.total} posts, demo.jsonl has ${demo.length}`);

  // The complaints page lists complaints newest first; its first post must show the classifier's cues.
  const complaints = await api<MentionsPage>('/api/mentions?complaint=true&sort=newest&size=1');
  const newest = complaints.hits[0]?.mention ?? demoLacks('any post classified as a complaint');
  const cuePassages = newest.complaint.cues.flatMap((c) => (c.span ? [newest.text.slice(c.span[0], c.span[1])] : []));
  if (cuePassages.length === 0) demoLacks(`cue passages in the newest complaint ${newest.id}`);

  const search = await api<MentionsPage>(`/api/mentions?q=${encodeURIComponent(SEARCH_TEXT)}&facets=brands&size=50`);
  const searchBrands = (search.facets['brands'] ?? []).map((f) => f.value);
  if (searchBrands.length < 2) demoLacks(`posts of two brands containing "${SEARCH_TEXT}" (found brands: ${searchBrands.join(', ') || 'none'})`);

  const queue = await api<{ total: number; items: QueueItem[] }>('/api/unanswered?limit=200');
  const overdue = queue.items.filter((i) => !i.awaitingCustomer && i.overdueMinutes > 0);
  if (overdue.length < 2) demoLacks('two threads waiting for an answer past their SLA');
  const head = queue.items[0]!;
  if (head !== overdue[0] || !head.rootId || !head.waiting) demoLacks('an overdue thread with its waiting post at the head of the unanswered queue');

  const brand = config.brands.find((b) => b.id === BURST_BRAND) ?? demoLacks(`the brand ${BURST_BRAND} in demo/kundenradar.yaml`);
  const storms = await api<{ alerts: Alert[] }>(`/api/alerts?kind=shitstorm&brand=${BURST_BRAND}`);
  const storm = storms.alerts[0] ?? demoLacks(`a shitstorm alert for ${brand.name} (the detector raised none)`);
  if (storm.examples.length === 0) demoLacks(`example posts in the shitstorm alert ${storm.id}`);

  const scripted = demo.find((m) => m.text.includes(SCRIPT_PAYLOAD)) ?? demoLacks(`a post containing ${SCRIPT_PAYLOAD}`);
  // Searched for by a word of its own text: the first word after the brand name that the search can match.
  const xssSearch = scripted.text.split(/\s+/).find((w) => /^\p{L}{6,}$/u.test(w) && !config.brands.some((b) => b.name.includes(w)));
  if (!xssSearch) demoLacks(`a searchable word in ${scripted.id}`);
  const found = await api<MentionsPage>(`/api/mentions?q=${encodeURIComponent(xssSearch)}&size=50`);
  if (!found.hits.some((h) => h.mention.id === scripted.id)) throw new Error(`searching "${xssSearch}" does not find ${scripted.id}`);

  return {
    posts: demo.length,
    newestComplaint: { id: newest.id, cuePassages },
    searchText: SEARCH_TEXT,
    searchHits: search.total,
    facetBrand: searchBrands[0]!,
    unanswered: {
      overdue: overdue.length,
      head: { alertId: head.alertId, rootId: head.rootId, waitingId: head.waiting.id, waitingText: head.waiting.text, replies: head.brandReplies.length },
    },
    alertToAcknowledge: head.alertId,
    burst: { brand: brand.id, name: brand.name, alertId: storm.id, alertTitle: storm.title, exampleTexts: storm.examples.map((e) => e.text) },
    brands: config.brands.length,
    sources: config.sources.map((s) => s.name),
    // Replaying a local file has nothing to fail on.
    failingSources: 0,
    xss: {
      mentionId: scripted.id,
      rootId: scripted.thread.rootId,
      text: scripted.text,
      handle: scripted.author.handle ?? scripted.author.id,
      searchText: xssSearch,
    },
  };
}
