// The first visit downloads only the page's wasm: the dashboard never fetches the full wasm (the
// workshop, data manager, import and indicator pages, the chart embed) nor the import engine. Opening
// the workshop from the top bar, or an indicator from the dashboard, loads the full wasm, which then
// serves every page of the tab without another document; the link carries the language and the
// as-of date. If the full wasm cannot be fetched, its pages say so and offer to try again.
// Screenshots in target/e2e/split-workshop.png, split-indicator.png and split-full-failed.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, OUT, BASE, withPage } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

/// The wasm files a page requested, by name (the service worker's own precache requests are not the
/// page's, and are not counted).
function wasmRequests(page) {
  const names = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.slice(1);
    if (name.endsWith('.wasm') || name.endsWith('.js')) names.push(name);
  });
  return names;
}

/// Marks the current document, so that `sameDocument` tells whether a click loaded a new one.
const markDocument = (page) => page.evaluate(() => { window.__sameDocument = true; });
const sameDocument = (page) => page.evaluate(() => window.__sameDocument === true);

/// Runs `body` in a page of a fresh context without the service worker (so every fetch is the page's
/// own), with the wasm and JS files it requested, and fails on any uncaught page error.
const inPage = (body) => withPage(browser, {}, (page) => body(page, wasmRequests(page)));

test('the dashboard loads only the page wasm; the workshop loads the full wasm, which then serves the dashboard', () => inPage(async (page, requested) => {
  await page.goto(BASE + '/');
  await page.getByTestId('indicator-row').first().waitFor();
  assert.ok(requested.some((n) => /^vigie-[0-9a-f]+_bg\.wasm$/.test(n)), `page wasm: ${requested}`);
  assert.deepEqual(requested.filter((n) => n.startsWith('vigie-full') || n.startsWith('vigie-worker')), [],
    'the dashboard fetched neither the full wasm nor the import engine');
  const link = page.getByTestId('nav-workshop');
  await page.setViewportSize({ width: 1200, height: 900 });
  await markDocument(page);
  await link.click();
  await page.getByTestId('workshop').waitFor();
  assert.equal(await sameDocument(page), false, 'the page wasm opens the workshop as a new document');
  assert.ok(requested.includes('vigie-full_bg.wasm'), `full wasm fetched: ${requested}`);
  await page.screenshot({ path: join(OUT, 'split-workshop.png'), fullPage: false });

  // In the full wasm the links are ordinary: back to the dashboard without a new document.
  assert.equal(await page.getByTestId('nav-dashboard').getAttribute('rel'), null);
  await markDocument(page);
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('indicator-row').first().waitFor();
  assert.equal(await sameDocument(page), true, 'same document');
  assert.equal(await page.getByTestId('nav-dashboard').getAttribute('aria-current'), 'page');
  assert.equal(await page.getByTestId('nav-import').getAttribute('rel'), null);
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-page').waitFor();
  assert.equal(await sameDocument(page), true, 'same document');
  assert.equal(await page.getByTestId('nav-import').getAttribute('aria-current'), 'page');
  assert.equal(await page.getByTestId('nav-dashboard').getAttribute('aria-current'), null);
}));

test('the page wasm has no router: the methodology is a new document of the page wasm, in the language chosen', () => inPage(async (page, requested) => {
  await page.goto(BASE + '/');
  await page.getByTestId('indicator-row').first().waitFor();
  assert.equal(await page.getByTestId('nav-dashboard').getAttribute('aria-current'), 'page');
  await page.getByTestId('lang-switch').click();
  await page.locator('html[lang="en"]').waitFor();
  await markDocument(page);
  await page.getByTestId('nav-methodology').click();
  await page.getByTestId('methodology').waitFor();
  assert.equal(await sameDocument(page), false, 'a new document');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(page.url(), /\/methodology\?lang=en$/);
  assert.equal(await page.getByTestId('nav-methodology').getAttribute('aria-current'), 'page');
  assert.equal(await page.getByTestId('nav-dashboard').getAttribute('aria-current'), null);
  assert.deepEqual(requested.filter((n) => n.startsWith('vigie-full')), [], 'still the page wasm');
  await page.goto(BASE + '/methodology/');
  await page.getByTestId('methodology').waitFor();
  await page.goto(BASE + '/nowhere');
  await page.getByText(/introuvable|not found/i).first().waitFor();
}));

test('in the full wasm, the address keeps the language and the date after a navigation inside the app', () => inPage(async (page) => {
  await page.goto(BASE + '/workshop?lang=en&asof=2024-12-31');
  await page.getByTestId('workshop').waitFor();
  await markDocument(page);
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('indicator-row').first().waitFor();
  assert.equal(await sameDocument(page), true, 'a navigation inside the app');
  // The router writes the address once the page is built; the state follows it.
  await page.waitForFunction(() => location.pathname === '/' && /(^|&)lang=en(&|$)/.test(location.search.slice(1)));
  assert.match(page.url(), /asof=2024-12-31/);
  // The address, shared or reloaded, opens the page as it was shown.
  await page.reload();
  await page.getByTestId('indicator-row').first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.getByTestId('as-of').inputValue(), '2024-12-31');
}));

test('an indicator opened from the dashboard loads the full wasm and keeps the language and the date', () => inPage(async (page, requested) => {
  await page.goto(BASE + '/?asof=2024-12-31');
  await page.getByTestId('indicator-row').first().waitFor();
  await page.getByTestId('lang-switch').click();
  await page.locator('html[lang="en"]').waitFor();
  const row = page.getByTestId('indicator-row').first();
  const id = await row.getAttribute('data-indicator');
  const link = row.locator('a').first();
  const href = await link.getAttribute('href');
  assert.match(href, new RegExp(`^/indicator/${id}\\?`), href);
  assert.match(href, /lang=en/, href);
  assert.match(href, /asof=2024-12-31/, href);
  assert.deepEqual(requested.filter((n) => n.startsWith('vigie-full')), [], 'not yet');

  await markDocument(page);
  await link.click();
  await page.locator(`[data-testid="indicator-page"][data-indicator="${id}"]`).waitFor();
  assert.equal(await sameDocument(page), false, 'a new document');
  assert.ok(requested.includes('vigie-full_bg.wasm'), `full wasm fetched: ${requested}`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.getByTestId('as-of').inputValue(), '2024-12-31');
  await page.locator('canvas').first().waitFor();
  await page.screenshot({ path: join(OUT, 'split-indicator.png'), fullPage: false });
}));

test('the card embed stays in the page wasm; the chart embed loads the full wasm', () => inPage(async (page, requested) => {
  await page.goto(BASE + '/embed/card/a3-co2');
  await page.getByTestId('embed-card').waitFor();
  assert.deepEqual(requested.filter((n) => n.startsWith('vigie-full')), [], `card: ${requested}`);
  await page.goto(BASE + '/embed/chart/a3-co2?lang=en');
  await page.getByTestId('embed-chart').waitFor();
  await page.locator('.embed-chart canvas').first().waitFor();
  assert.ok(requested.includes('vigie-full_bg.wasm'), `chart: ${requested}`);
  assert.equal(await page.locator('body.embed').count(), 1, 'the embed app, without the top bar');
  assert.equal(await page.locator('header.topbar').count(), 0);
}));

test('when the full wasm cannot be fetched, its pages say so and try again on request', () => inPage(async (page, requested) => {
  const refuse = (route) => route.abort('internetdisconnected');
  await page.route('**/vigie-full*', refuse);
  await page.goto(BASE + '/indicator/a3-co2');
  const failed = page.getByTestId('full-failed');
  await failed.waitFor();
  assert.equal(await failed.getAttribute('role'), 'alert');
  const retry = await failed.getByRole('button').boundingBox();
  assert.ok(retry.width >= 44 && retry.height >= 44, `try-again button ${retry.width}×${retry.height}`);
  await page.screenshot({ path: join(OUT, 'split-full-failed.png'), fullPage: false });
  // The top bar still works: the dashboard is in the page's wasm.
  await page.getByTestId('nav-dashboard').waitFor();
  await page.goto(BASE + '/embed/chart/a3-co2');
  await page.getByTestId('full-failed').waitFor();
  assert.equal(await page.locator('header.topbar').count(), 0, 'still the embed app');

  // Back online: the button reloads, and the full wasm draws the page.
  await page.unroute('**/vigie-full*', refuse);
  await page.goto(BASE + '/indicator/a3-co2');
  await page.locator('[data-testid="indicator-page"][data-indicator="a3-co2"]').waitFor();
  await page.route('**/vigie-full*', refuse);
  await page.goto(BASE + '/workshop');
  await page.getByTestId('full-failed').waitFor();
  await page.unroute('**/vigie-full*', refuse);
  await page.getByTestId('full-failed').getByRole('button').click();
  await page.getByTestId('workshop').waitFor();
}));
