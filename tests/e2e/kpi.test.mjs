// KPI engine on screen: roll-ups by status, collection, "as of" recomputation, kind filter,
// formulas one click away, and the methodology page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, BASE, OUT, DashboardPage } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

async function statusCounts(locator) {
  const items = await locator.getByTestId('status-counts').locator('li').all();
  const counts = {};
  for (const li of items) counts[await li.getAttribute('data-status')] = Number(await li.locator('strong').textContent());
  return counts;
}

test('dashboard roll-ups follow the as-of date and the kind filter', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const dashboard = new DashboardPage(page);
  await page.goto(BASE + '/?asof=2024-12-31');
  await page.getByTestId('dashboard').waitFor();
  const programme = page.getByTestId('programme-rollup');
  const counts2024 = await statusCounts(programme);
  const total = Object.values(counts2024).reduce((a, b) => a + b, 0);
  assert.equal(total, await dashboard.rows().count(), 'every indicator is counted once by status');
  assert.match(await programme.getByTestId('collection').textContent(), /\d+/);
  // The one indicator with neither baseline nor target is left out of the mean, with its reason.
  await programme.getByTestId('left-out').locator('summary').click();
  assert.match(await programme.getByTestId('left-out').textContent(), /Impact des solutions/);
  // Jury: 6 of 6 in July 2021 → target achieved.
  assert.equal(await dashboard.row('icc2-solutions-selected').getAttribute('data-status'), 'achieved');
  await page.screenshot({ path: join(OUT, 'dashboard-kpi.png'), fullPage: false });

  // Move the as-of date back before the jury: the figure is not known yet, so no data.
  await page.getByTestId('as-of').fill('2021-03-01');
  await page.getByTestId('as-of').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('[data-indicator="icc2-solutions-selected"]')?.dataset.status === 'no-data');
  const counts2021 = await statusCounts(programme);
  assert.notDeepEqual(counts2021, counts2024);
  assert.match(page.url(), /asof=2021-03-01/);

  // Kind filter: only outputs are listed and the programme roll-up covers them only.
  await page.getByTestId('kind-filter').selectOption('output');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="indicator-row"] .kind')].every((k) => k.classList.contains('kind-output')));
  const outputs = await dashboard.rows().count();
  const countsOutput = await statusCounts(programme);
  assert.equal(Object.values(countsOutput).reduce((a, b) => a + b, 0), outputs);
  assert.match(page.url(), /kind=output/);
  await context.close();
});

test('indicator page shows status inputs and the formula with numbers', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await page.goto(BASE + '/indicator/a3-co2?asof=2025-06-30');
  await page.getByTestId('indicator-page').waitFor();
  const rate = page.getByTestId('progress-rate');
  await rate.locator('summary').click();
  // (2 650 − 3 200) / (2 000 − 3 200) = 45.8 % → "46 %" shown, with the numbers in the formula.
  const formula = await rate.getByTestId('formula-numeric').textContent();
  assert.match(formula, /2\u202f650/);
  assert.match(formula, /3\u202f200/);
  assert.match(formula, /2\u202f000/);
  assert.match(await page.getByTestId('expected').textContent(), /%/);
  assert.match(await page.getByTestId('sdg').textContent(), /P/);
  assert.match(await page.getByTestId('forecast').textContent(), /\d/);
  assert.ok(await page.getByTestId('indicator-status').locator('.status').count() === 1);
  await page.screenshot({ path: join(OUT, 'indicator-kpi.png'), fullPage: true });
  await context.close();
});

test('methodology page explains each method with sources, in French and English', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE + '/methodology');
  await page.getByTestId('methodology').waitFor();
  assert.ok((await page.getByTestId('method').count()) >= 6);
  assert.match(await page.getByTestId('methodology').textContent(), /ProgressMeasure|Open SDG/);
  await page.getByTestId('lang-switch').click();
  await page.getByRole('heading', { name: 'Methodology' }).waitFor();
  await context.close();
});
