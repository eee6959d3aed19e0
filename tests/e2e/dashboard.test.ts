/**
 * The analysts' dashboard in a real headless Chromium (Debian's package, driven by playwright-core; install
 * with scripts/install-chromium). Every page loads without script errors or CSP violations, a search finds
 * posts, an alert is acknowledged through the UI, screenshots land in tests/e2e/screenshots/, and posts
 * carrying XSS payloads are shown literally without running anything.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/install-chromium first`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  service = await startDashboardUnderTest();
  profileDir = mkdtempSync(path.join(tmpdir(), 'kundenradar-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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

describe('dashboard in Chromium', () => {
  it('live complaints: newest complaints with their cues highlighted', async () => {
    await open('/complaints');
    expect(await page.locator('#complaint-list li.post').count()).toBeGreaterThan(0);
    const marks = await page.locator('#complaint-list mark.cue').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(service.scenario.cues));
    await screenshot('complaints');
  });

  it('unanswered queue: sorted by SLA breach, with waited time, brand reply kinds and thread links', async () => {
    await open('/unanswered');
    const rows = page.locator('#queue tbody tr[data-alert-id]');
    const order = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ overdue: Number(tr.getAttribute('data-overdue')), awaitingCustomer: tr.getAttribute('data-awaiting-customer') === '' })),
    );
    expect(order.length).toBeGreaterThan(1);
    // Cases the brand owes come first, worst breach first; cases waiting on the customer go last.
    const owed = order.filter((r) => !r.awaitingCustomer).map((r) => r.overdue);
    expect(owed).toEqual([...owed].sort((a, b) => b - a));
    expect(order.findIndex((r) => r.awaitingCustomer)).not.toBe(0);
    const first = rows.first();
    expect(await first.locator('td').nth(1).textContent()).toMatch(/\d+ (Min\.|Std\.|Tg\.)/);
    expect(await first.locator('td').nth(5).textContent()).not.toBe('');
    await screenshot('unanswered');
    await Promise.all([page.waitForURL(/\/thread\?root=/), first.getByRole('link', { name: 'Unterhaltung' }).click()]);
    await page.waitForSelector('body[data-loaded="true"]');
    expect(await page.locator('#thread-posts li.post').count()).toBeGreaterThan(0);
  });

  it('shitstorm radar: a volume chart and a negativity chart per brand', async () => {
    await open('/shitstorm');
    expect(await page.locator('#radar section.card').count()).toBe(service.scenario.brands);
    expect(await page.locator('#radar canvas[data-drawn="true"]').count()).toBe(2 * service.scenario.brands);
    expect(await page.locator('#radar dl.evidence').count()).toBeGreaterThan(0);
    await screenshot('shitstorm');
  });

  it('search: full text returns hits with facets and a histogram; a search can be saved and reopened', async () => {
    const { searchText, facetBrand } = service.scenario;
    await open('/search');
    await page.fill('#search-form input[name="q"]', searchText);
    await Promise.all([page.waitForURL(new RegExp(`q=${searchText}`)), page.click('#search-form button[type="submit"]')]);
    await page.waitForSelector('body[data-loaded="true"]');
    const hits = await page.locator('#results li.post').count();
    expect(hits).toBeGreaterThan(0);
    expect(await page.locator('#hit-count').textContent()).toMatch(/^\d+ Treffer$/);
    expect(await page.locator('#facets .facet').count()).toBeGreaterThan(0);
    expect(await page.locator('canvas#histogram[data-drawn="true"]').count()).toBe(1);

    await page.fill('#save-form input[name="name"]', 'Paketärger');
    await page.click('#save-form button[type="submit"]');
    const saved = page.locator('#saved-list a', { hasText: 'Paketärger' });
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
    expect(brands.every((b) => b === facetBrand)).toBe(true);
  });

  it('alerts: acknowledging in the UI updates the alert in the store', async () => {
    await open('/alerts');
    const id = service.scenario.alertToAcknowledge;
    const item = page.locator(`#alert-list li[data-id="${id}"]`);
    await screenshot('alerts');
    await item.getByRole('button', { name: 'Bestätigen' }).click();
    await page.waitForSelector(`#alert-list li[data-id="${id}"][data-status="acknowledged"]`);
    expect(await page.locator(`#alert-list li[data-id="${id}"] button[data-action="ack"]`).count()).toBe(0);
    expect((await service.store.getAlert(id))?.status).toBe('acknowledged');

    await page.locator(`#alert-list li[data-id="${id}"]`).getByRole('button', { name: 'Erledigt' }).click();
    await page.waitForSelector(`#alert-list li[data-id="${id}"][data-status="resolved"]`);
    expect((await service.store.getAlert(id))?.status).toBe('resolved');

    // The dashboard link in chat messages (/alerts/<id>) shows just that alert.
    await open(`/alerts/${encodeURIComponent(id)}`);
    expect(await page.locator('#alert-list li[data-id]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status')))).toEqual(['resolved']);
    expect(await page.locator('#filters').isHidden()).toBe(true);
  });

  it('sources: the status table lists configured sources', async () => {
    await open('/sources');
    const names = await page.locator('#sources tbody tr[data-source]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-source')));
    expect(names.slice(0, service.scenario.sources.length)).toEqual(service.scenario.sources);
    await screenshot('sources');
  });

  it('English UI via ?lang=en', async () => {
    await open('/alerts?lang=en');
    expect(await page.locator('h1').textContent()).toBe('Alerts');
    expect(await page.locator('#alert-list button[data-action="resolve"]').first().textContent()).toBe('Resolve');
    await screenshot('alerts-en');
    await open('/complaints?lang=de');
  });

  it('posts with <img onerror> and <script> payloads are shown literally and stay inert', async () => {
    const { xss, searchText } = service.scenario;
    const post = `li.post[data-id="${xss.mentionId}"]`;
    for (const where of ['/complaints', `/search?q=${encodeURIComponent(searchText)}`, `/thread?root=${encodeURIComponent(xss.rootId)}`]) {
      await open(where);
      expect(await page.locator(`${post} .text`).textContent()).toContain(xss.text);
      expect(await page.locator(`${post} .author`).textContent()).toBe(`@${xss.handle}`);
      expect(await page.locator(`${post} img, ${post} script, ${post} svg, ${post} b`).count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
    await screenshot('xss-thread');
    // The alert example carries the payload too, with a javascript: link that must not become a link.
    await open('/alerts?kind=shitstorm');
    const example = page.locator(`#alert-list li[data-id="${service.scenario.shitstormAlert}"] ol.examples li`).first();
    expect(await example.locator('.text').textContent()).toBe(xss.text);
    expect(await example.locator('a').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});
