/**
 * The analysts' dashboard in a real headless Chromium (Debian's package, driven by playwright-core; install
 * with scripts/install-chromium), served by the whole running service over the replayed demo data (see
 * fixture.ts). Every page loads without script errors or CSP violations, a search finds posts, an alert is
 * acknowledged through the UI, screenshots land in tests/e2e/screenshots/, and the demo post carrying a
 * script payload is shown literally without running anything.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/model.ts';
import { startDashboardUnderTest, type DashboardUnderTest } from './fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

let service: DashboardUnderTest;
let context: BrowserContext;
let profileDir: string;
let page: Page;
/** Everything that must not happen on any page: collected per test, asserted empty after each. */
let problems: string[] = [];
let dialogs: string[] = [];

async function open(pathAndQuery: string): Promise<void> {
  await page.goto(service.url + pathAndQuery);
  // Page scripts set data-loaded once their API calls have finished and the DOM is filled.
  await page.waitForSelector('body[data-loaded="true"]');
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// A fresh checkout may not have Chromium yet: locally the browser suite is skipped with this reason, while CI
// (which installs it in .ci/run) fails instead, so a missing browser can never turn CI green.
const browserMissing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found: run scripts/install-chromium (bash .ci/run does)`;
if (browserMissing && process.env.CI) throw new Error(browserMissing);
if (browserMissing) process.stderr.write(`dashboard browser tests skipped: ${browserMissing}\n`);

beforeAll(async () => {
  if (browserMissing) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  service = await startDashboardUnderTest();
  profileDir = mkdtempSync(path.join(tmpdir(), 'kundenradar-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--lang=de-DE', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    locale: 'de-DE',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // CSP violations and failed requests are reported on the console as errors.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });

  // Auth is on: log in through the form, as an analyst would.
  await page.goto(`${service.url}/complaints`);
  await page.waitForURL(/\/login\?next=/);
  await screenshot('login');
  await page.fill('input[name="token"]', service.token);
  await Promise.all([page.waitForURL(/\/complaints$/), page.click('form.login button[type="submit"]')]);
});

afterEach(() => {
  const found = { problems, dialogs };
  problems = [];
  dialogs = [];
  expect(found).toEqual({ problems: [], dialogs: [] });
});

afterAll(async () => {
  await context?.close();
  await service?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe.skipIf(browserMissing !== undefined)('dashboard in Chromium on the replayed demo', () => {
  it('live complaints: newest complaints first, with the classifier cues highlighted', async () => {
    const { newestComplaint } = service.scenario;
    await open('/complaints');
    expect(await page.locator('h1').textContent()).toBe('Aktuelle Beschwerden');
    const posts = page.locator('#complaint-list li.post');
    expect(await posts.count()).toBeGreaterThan(1);
    const first = posts.first();
    expect(await first.getAttribute('data-id')).toBe(newestComplaint.id);
    // Each passage the classifier pointed at is inside a <mark> (overlapping passages share one mark).
    const marks = await first.locator('.text mark.cue').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const passage of newestComplaint.cuePassages) expect(marks.some((m) => m.includes(passage)), passage).toBe(true);
    expect(await first.locator('.cues .chip.cue').count()).toBeGreaterThan(0);
    await screenshot('complaints');
  });

  it('unanswered queue: overdue threads sorted by SLA breach, with waited time, brand reply kinds and thread links', async () => {
    const { overdue, head } = service.scenario.unanswered;
    await open('/unanswered');
    expect(await page.locator('h1').textContent()).toBe('Unbeantwortete Anliegen');
    const rows = page.locator('#queue tbody tr[data-alert-id]');
    const order = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ overdue: Number(tr.getAttribute('data-overdue')), awaitingCustomer: tr.getAttribute('data-awaiting-customer') === '' })),
    );
    expect(order.filter((r) => !r.awaitingCustomer && r.overdue > 0)).toHaveLength(overdue);
    expect(await page.locator('#queue tbody tr.overdue').count()).toBe(overdue);
    // Cases the brand owes come first, worst breach first; cases waiting on the customer go last.
    const owed = order.filter((r) => !r.awaitingCustomer).map((r) => r.overdue);
    expect(owed).toEqual([...owed].sort((a, b) => b - a));
    expect(order.findIndex((r) => r.awaitingCustomer)).not.toBe(0);
    const first = rows.first();
    expect(await first.getAttribute('data-alert-id')).toBe(head.alertId);
    expect(await first.locator('td').nth(0).textContent()).toMatch(/\d+ (Min\.|Std\.|Tg\.)/);
    expect(await first.locator('td').nth(1).textContent()).toMatch(/\d+ (Min\.|Std\.|Tg\.)/);
    expect(await first.locator('td').nth(4).locator('.text').textContent()).toBe(head.waitingText);
    expect(await first.locator('td').nth(5).locator('.chip').count()).toBe(head.replies);
    await screenshot('unanswered');
    await Promise.all([page.waitForURL(/\/thread\?root=/), first.getByRole('link', { name: 'Unterhaltung' }).click()]);
    await page.waitForSelector('body[data-loaded="true"]');
    expect(new URL(page.url()).searchParams.get('root')).toBe(head.rootId);
    expect(await page.locator('#thread-posts li.post').count()).toBeGreaterThan(head.replies);
    expect(await page.locator(`#thread-posts li.post[data-id="${head.waitingId}"] .text`).textContent()).toContain(head.waitingText);
  });

  it('shitstorm radar: volume and negativity charts per brand, the burst brand with its shitstorm alert', async () => {
    const { brands, burst } = service.scenario;
    await open('/shitstorm');
    expect(await page.locator('h1').textContent()).toBe('Shitstorm-Radar');
    expect(await page.locator('#radar section.card').count()).toBe(brands);
    expect(await page.locator('#radar canvas[data-drawn="true"]').count()).toBe(2 * brands);
    const card = page.locator(`#radar section.card[data-brand="${burst.brand}"]`);
    expect(await card.locator('h2').textContent()).toBe(burst.name);
    expect(await card.locator('canvas[data-drawn="true"]').count()).toBe(2);
    expect(await card.locator('ol.alerts li .title').allTextContents()).toContain(burst.alertTitle);
    expect(await card.locator('dl.evidence').count()).toBeGreaterThan(0);
    // The "expected" line is the detector's baseline, what its alerts compare with: a trailing mean would hold the storm.
    const radar = await service.api<{ brands: Array<{ expectation: string }> }>(`/api/shitstorm?brand=${burst.brand}`);
    expect(radar.brands[0]?.expectation).toBe('detector');
    const lineLabel = await card.locator('canvas').first().evaluate((canvas) => {
      const chart = (window as unknown as { Chart: { getChart(c: Element): { data: { datasets: Array<{ label: string }> } } | undefined } }).Chart.getChart(canvas);
      return chart?.data.datasets[1]?.label;
    });
    expect(lineLabel).toBe('erwartet (Basislinie des Detektors)');
    const labels = await card.locator('dl.evidence dt').allTextContents();
    expect(labels).toContain('Negativ außerhalb des größten Threads');
    expect(labels).not.toContain('observedNegativeSpread');
    await screenshot('shitstorm');
  });

  it('search: full text returns hits with facets and a histogram; a search can be saved and reopened', async () => {
    const { searchText, searchHits, facetBrand } = service.scenario;
    await open('/search');
    await page.fill('#search-form input[name="q"]', searchText);
    await Promise.all([page.waitForURL(new RegExp(`q=${searchText}`)), page.click('#search-form button[type="submit"]')]);
    await page.waitForSelector('body[data-loaded="true"]');
    const hits = await page.locator('#results li.post').count();
    expect(hits).toBe(searchHits);
    expect(await page.locator('#hit-count').textContent()).toBe(`${searchHits} Treffer`);
    for (const text of await page.locator('#results li.post .text').allTextContents()) expect(text.toLowerCase()).toContain(searchText.toLowerCase());
    expect(await page.locator('#facets .facet').count()).toBeGreaterThan(0);
    expect(await page.locator('canvas#histogram[data-drawn="true"]').count()).toBe(1);
    expect(await page.locator('#facets .facet h3', { hasText: 'Kanäle' }).count()).toBe(1);
    // The CSV link carries the search: the file holds the same hits, behind the same login.
    const csvHref = (await page.locator('#csv-link').getAttribute('href')) ?? '';
    expect(new URL(csvHref, page.url()).searchParams.get('q')).toBe(searchText);
    const csv = await page.request.get(new URL(csvHref, page.url()).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()['x-kundenradar-total']).toBe(String(searchHits));
    expect((await csv.text()).startsWith('\uFEFFid,createdAt,source,channel,')).toBe(true);

    await page.fill('#save-form input[name="name"]', 'Warteschleifen-Ärger');
    await page.click('#save-form button[type="submit"]');
    const saved = page.locator('#saved-list a', { hasText: 'Warteschleifen-Ärger' });
    await saved.waitFor();
    await screenshot('search');
    await Promise.all([page.waitForURL(new RegExp(`q=${searchText}`)), saved.click()]);
    await page.waitForSelector('body[data-loaded="true"]');
    expect(await page.inputValue('#search-form input[name="q"]')).toBe(searchText);
    expect(await page.locator('#results li.post').count()).toBe(hits);

    // Narrowing by a facet link filters the results.
    await Promise.all([page.waitForURL(new RegExp(`brand=${facetBrand}`)), page.locator('#facets a', { hasText: new RegExp(`^${facetBrand}$`) }).click()]);
    await page.waitForSelector('body[data-loaded="true"]');
    const brands = await page.locator('#results li.post .chip.brand').allTextContents();
    expect(brands.length).toBeGreaterThan(0);
    expect(brands.length).toBeLessThan(hits);
    expect(brands.every((b) => b === facetBrand)).toBe(true);
  });

  it('alerts: acknowledging and resolving in the UI is what the API then reports', async () => {
    const id = service.scenario.alertToAcknowledge;
    await open('/alerts');
    expect(await page.locator('h1').textContent()).toBe('Alarme');
    const item = page.locator(`#alert-list li[data-id="${id}"]`);
    expect(await item.getAttribute('data-status')).toBe('open');
    await screenshot('alerts');
    await item.getByRole('button', { name: 'Bestätigen' }).click();
    await page.waitForSelector(`#alert-list li[data-id="${id}"][data-status="acknowledged"]`);
    expect(await page.locator(`#alert-list li[data-id="${id}"] button[data-action="ack"]`).count()).toBe(0);
    const acknowledged = await service.api<Alert>(`/api/alerts/${encodeURIComponent(id)}`);
    expect(acknowledged.status).toBe('acknowledged');
    expect(acknowledged.acknowledgedAt).toBeDefined();
    // An acknowledged case has an owner: it leaves the unanswered queue.
    const queue = await service.api<{ items: Array<{ alertId: string }> }>('/api/unanswered?limit=200');
    expect(queue.items.map((i) => i.alertId)).not.toContain(id);

    await page.locator(`#alert-list li[data-id="${id}"]`).getByRole('button', { name: 'Erledigt' }).click();
    await page.waitForSelector(`#alert-list li[data-id="${id}"][data-status="resolved"]`);
    expect((await service.api<Alert>(`/api/alerts/${encodeURIComponent(id)}`)).status).toBe('resolved');

    // The dashboard link in chat messages (/alerts/<id>) shows just that alert.
    await open(`/alerts/${encodeURIComponent(id)}`);
    expect(await page.locator('#alert-list li[data-id]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status')))).toEqual(['resolved']);
    expect(await page.locator('#filters').isHidden()).toBe(true);
  });

  it('alerts: the shitstorm alert shows the burst posts as examples, none of them a link to script', async () => {
    const { burst } = service.scenario;
    await open('/alerts?kind=shitstorm');
    const examples = page.locator(`#alert-list li[data-id="${burst.alertId}"] ol.examples li .text`);
    expect(await examples.allTextContents()).toEqual(burst.exampleTexts);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });

  it('alerts: evidence under translated labels with numbers in the page language; unknown keys as they are', async () => {
    const { burst } = service.scenario;
    const handMade: Alert = {
      id: 'complaint:e2e:evidence', kind: 'complaint', brand: burst.brand, severity: 'info', status: 'resolved',
      title: 'Evidenz-Test', openedAt: '2026-11-28T10:00:00.000Z', updatedAt: '2026-11-28T10:05:00.000Z', resolvedAt: '2026-11-28T10:05:00.000Z',
      mentions: [], examples: [], evidence: { score: 0.875, mysteryFigure: 3, sentiment: 'negative' }, dedupeKey: 'complaint:e2e:evidence', revision: 0,
    };
    await service.store.upsertAlert(handMade);
    await open(`/alerts/${encodeURIComponent(handMade.id)}`);
    const pairs = await page.locator('dl.evidence').first().evaluate((dl) => [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(pairs).toEqual([
      ['Beschwerde-Score', '0,88'],
      ['mysteryFigure', '3'],
      ['Stimmung', 'negativ'],
    ]);
    await open(`/alerts/${encodeURIComponent(burst.alertId)}`);
    const storm = await page.locator('dl.evidence dt').allTextContents();
    expect(storm).toEqual(expect.arrayContaining(['Zeitfenster', 'Negativ (beobachtet)', 'Negativ (erwartet)', 'Häufige Begriffe']));
    expect(storm.filter((label) => /^[a-z]+[A-Z]/u.test(label))).toEqual([]);
  });

  it('sources: the status table lists the demo replay, healthy, with every post read', async () => {
    const { sources, failingSources, posts } = service.scenario;
    await open('/sources');
    expect(await page.locator('h1').textContent()).toBe('Quellen');
    const names = await page.locator('#sources tbody tr[data-source]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-source')));
    expect(names.slice(0, sources.length)).toEqual(sources);
    expect(await page.locator('#sources tbody tr.failing').count()).toBe(failingSources);
    expect(await page.locator(`#sources tbody tr[data-source="${sources[0]}"] td`).nth(5).textContent()).toBe(String(posts));
    await screenshot('sources');
  });

  it('English UI via ?lang=en, German again via ?lang=de', async () => {
    await open('/alerts?lang=en');
    expect(await page.locator('h1').textContent()).toBe('Alerts');
    expect(await page.locator('#alert-list button[data-action="ack"]').first().textContent()).toBe('Acknowledge');
    expect(await page.locator('#alert-list button[data-action="resolve"]').first().textContent()).toBe('Resolve');
    await screenshot('alerts-en');
    // The choice is remembered for the next page.
    await open('/shitstorm');
    expect(await page.locator('h1').textContent()).toBe('Shitstorm radar');
    await open('/complaints?lang=de');
    expect(await page.locator('h1').textContent()).toBe('Aktuelle Beschwerden');
  });

  it("API errors read in the page's language, the server's own detail after it", async () => {
    const status = page.locator('#status');
    // A search text the syntax cannot honour: the service's own 400, naming q.
    await open(`/search?q=${encodeURIComponent('Zug OR')}`);
    expect(await status.textContent()).toMatch(/^Fehler beim Laden: Der Suchtext lässt sich so nicht lesen \(OR needs a word or phrase on both sides \(at character 5 of "Zug OR"\)\)$/);
    expect(await status.getAttribute('class')).toContain('error');
    // What a proxy in front of the service answers under load, and no answer at all.
    const answers: Array<[(route: Route) => Promise<void>, RegExp]> = [
      [(route) => route.fulfill({ status: 429, contentType: 'text/html', body: '<h1>Too Many Requests</h1>' }), /^Fehler beim Laden: Zu viele Anfragen/],
      [(route) => route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' }), /^Fehler beim Laden: Der Server ist gerade nicht verfügbar/],
      [(route) => route.abort('connectionrefused'), /^Fehler beim Laden: Der Server antwortet nicht/],
    ];
    for (const [answer, expected] of answers) {
      await page.route('**/api/mentions?*', answer);
      await open('/complaints');
      expect(await status.textContent()).toMatch(expected);
      await page.unroute('**/api/mentions?*');
    }
    // The same search on an English page.
    await open(`/search?lang=en&q=${encodeURIComponent('Zug OR')}`);
    expect(await status.textContent()).toMatch(/^Failed to load: The search text cannot be read this way \(OR needs a word or phrase on both sides/);
    await open('/complaints?lang=de');
    // Chromium reports every refused request on the console; these were the test's own.
    problems = problems.filter((p) => !/^console: Failed to load resource: (the server responded with a status of (400|429|503)|net::ERR_CONNECTION_REFUSED)/.test(p));
  });

  it('the demo post with a <script> payload is shown literally and stays inert', async () => {
    const { xss } = service.scenario;
    const post = `li.post[data-id="${xss.mentionId}"]`;
    for (const where of [`/search?q=${encodeURIComponent(xss.searchText)}`, `/thread?root=${encodeURIComponent(xss.rootId)}`]) {
      await open(where);
      expect(await page.locator(`${post} .text`).textContent()).toBe(xss.text);
      expect(await page.locator(`${post} .author`).textContent()).toBe(`@${xss.handle}`);
      expect(await page.locator(`${post} script, ${post} img, ${post} svg, ${post} iframe`).count()).toBe(0);
      // The page's scripts are the layout's: its own files and the messages data block, nothing out of post text.
      const scripts = await page
        .locator('script')
        .evaluateAll((nodes) => nodes.map((n) => ((n as HTMLScriptElement).src ? new URL((n as HTMLScriptElement).src).pathname : `#${n.id}`)));
      expect(scripts.every((s) => s === '#messages' || s.startsWith('/static/') || s.startsWith('/vendor/')), scripts.join(', ')).toBe(true);
    }
    await screenshot('xss-thread');
    // An alert() would have been caught as a dialog: afterEach asserts there was none.
  });
});
