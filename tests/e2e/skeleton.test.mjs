// The walking skeleton end to end: dashboard of the default programme, an indicator page with a drawn
// chart, and a reload that reads from IndexedDB instead of the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, BASE, OUT, DashboardPage, defaultIndicatorCount } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

test('dashboard → indicator page → reload from IndexedDB', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  const dashboard = new DashboardPage(page);
  await dashboard.open();
  const expected = defaultIndicatorCount();
  assert.ok(expected >= 25, `the default package has ${expected} indicators`);
  assert.equal(await dashboard.rows().count(), expected);
  assert.equal(await page.getByTestId('indicator-count').textContent(), String(expected));
  assert.equal(await page.getByTestId('axis').count(), 4);
  assert.equal(await dashboard.origin().getAttribute('data-origin'), 'network');
  // The programme's figures: published in the report, or invented for the demo, and said so.
  const legend = await page.getByTestId('provenance-legend').textContent();
  assert.match(legend, /rapport final ICC.*démonstration/);
  assert.doesNotMatch(legend, /fichier importé/);

  // The jury figure comes from the report: 6 of 6, so 100 %.
  const jury = dashboard.row('icc2-solutions-selected');
  assert.match(await jury.textContent(), /rapport ICC/);
  assert.equal((await jury.getByTestId('progress-rate').textContent()).replace(/\s/g, ''), '100%');
  // A value invented for the demo says so.
  assert.match(await dashboard.row('a1-people-reached').textContent(), /illustratif/);
  // French number formatting: 5 200 with a narrow no-break space.
  assert.match(await dashboard.row('a1-people-reached').textContent(), /5\u202f200/);
  await page.screenshot({ path: join(OUT, 'dashboard.png'), fullPage: true });

  const indicator = await dashboard.openIndicator('a3-co2');
  assert.equal(new URL(page.url()).pathname, '/indicator/a3-co2');
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid="indicator-chart"]');
    return c && c.width > 0;
  });
  const pixels = await indicator.drawnPixels();
  assert.ok(pixels > 2000, `the chart drew ${pixels} non-white pixels`);
  assert.equal(await page.getByTestId('observations-table').locator('tbody tr').count(), 6);
  await page.screenshot({ path: join(OUT, 'indicator.png'), fullPage: true });

  // Reload the deep link: the data comes from IndexedDB. The package's files are fetched again only
  // in the background, to see whether this release serves a newer programme (it does not, so
  // nothing is written).
  const writes = [];
  page.on('console', (m) => { if (m.text().startsWith('Vigie store: writing')) writes.push(m.text()); });
  await page.reload();
  await page.getByTestId('indicator-page').waitFor();
  assert.ok((await indicator.drawnPixels()) > 2000, 'chart drawn after reload');
  assert.equal(await dashboard.origin().getAttribute('data-origin'), 'store');
  await page.waitForTimeout(1000);
  assert.deepEqual(writes, [], 'the same release rewrites nothing');

  // The language switch turns the page to English without a reload.
  await page.getByTestId('lang-switch').click();
  await page.getByText('CO₂ emissions of the industrial port area').first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link opened cold shows the indicator', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE + '/indicator/icc4-communities');
  await page.getByTestId('indicator-page').waitFor();
  assert.match(await page.getByTestId('latest-value').textContent(), /3/);
  await page.goto(BASE + '/indicator/does-not-exist');
  await page.getByRole('alert').waitFor();
  await context.close();
});
