// Axis and project pages, as a person reaches them: from the dashboard's axis heading, then a project
// of that axis, then an indicator and back up through its breadcrumbs. Each page shows the scope's
// roll-up and its indicators in the KPI frame's three columns (inputs → outputs → outcomes), each a
// grid of small charts; the language and the date travel with the links. Screenshots in
// target/e2e/scope-axis.png and scope-project.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, OUT, BASE } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

/// The ids of the indicator rows the dashboard lists under a section (an axis or a project).
async function dashboardIndicators(section) {
  return section.getByTestId('indicator-row').evaluateAll((rows) => rows.map((r) => r.dataset.indicator));
}

test('from the dashboard to an axis, a project, an indicator and back by the breadcrumbs', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(BASE + '/?asof=2024-12-31&lang=en');
    const axis = page.locator('[data-testid="axis"][data-axis="a1"]');
    await axis.waitFor();
    const onDashboard = await dashboardIndicators(axis);
    const axisLink = axis.locator('h2 a');
    assert.match(await axisLink.getAttribute('href'), /^\/axis\/a1\?.*lang=en/);
    await axisLink.click();

    const scope = page.locator('[data-testid="scope-page"][data-scope="axis"][data-id="a1"]');
    await scope.waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.getByTestId('as-of').inputValue(), '2024-12-31');
    assert.equal(await scope.locator('h1').textContent(), 'Territorial development and attractiveness');
    await page.getByTestId('scope-rollup').waitFor();
    // The three columns, in the frame's order, hold exactly the axis' indicators, each in its kind.
    const columns = page.getByTestId('frame-column');
    assert.deepEqual(await columns.evaluateAll((cs) => cs.map((c) => c.dataset.kind)), ['input', 'output', 'outcome']);
    const cards = await page.getByTestId('scope-card').evaluateAll((cs) => cs.map((c) => c.dataset.indicator));
    assert.deepEqual([...cards].sort(), [...onDashboard].sort(), 'the axis page lists the dashboard\'s indicators of that axis');
    // Each card sits in the column of its indicator's kind, as the dashboard tags it.
    const kindOnDashboard = {};
    await page.goBack();
    await axis.waitFor();
    for (const id of onDashboard) {
      kindOnDashboard[id] = await page.locator(`[data-testid="indicator-row"][data-indicator="${id}"] .kind`)
        .evaluate((e) => [...e.classList].find((c) => c.startsWith('kind-')).slice(5));
    }
    await page.goForward();
    await scope.waitFor();
    for (const kind of ['input', 'output', 'outcome']) {
      const ids = await page.locator(`[data-testid="frame-column"][data-kind="${kind}"] [data-testid="scope-card"]`)
        .evaluateAll((cs) => cs.map((c) => c.dataset.indicator));
      for (const id of ids) assert.equal(kindOnDashboard[id], kind, `${id} in the ${kind} column`);
    }
    assert.ok(await page.locator('[data-testid="scope-card"] svg.multiple-chart').count() > 0, 'small charts drawn');
    const statuses = await page.getByTestId('scope-card').evaluateAll((cs) => cs.map((c) => c.dataset.status));
    assert.ok(statuses.every((s) => s), 'every card has a status');
    // The projects' progress bars line up, whatever the length of their names.
    const bars = await page.getByTestId('axis-project').locator('.bar')
      .evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().right)));
    assert.ok(bars.length >= 2, `${bars.length} project bars`);
    assert.deepEqual(new Set(bars).size, 1, `bars end at ${bars}`);
    await page.screenshot({ path: join(OUT, 'scope-axis.png'), fullPage: true });

    // A project of the axis: same document (the full wasm), its breadcrumbs lead back to the axis.
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator('[data-testid="axis-project"][data-project="a1-skills"] a').click();
    const project = page.locator('[data-testid="scope-page"][data-scope="project"][data-id="a1-skills"]');
    await project.waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument === true), true);
    const projectCards = await page.getByTestId('scope-card').evaluateAll((cs) => cs.map((c) => c.dataset.indicator));
    assert.ok(projectCards.length > 0 && projectCards.every((id) => cards.includes(id)), `${projectCards}`);
    await page.screenshot({ path: join(OUT, 'scope-project.png'), fullPage: true });

    // An indicator of the project, then up through its breadcrumbs.
    await page.locator('[data-testid="scope-card"] a').first().click();
    await page.getByTestId('indicator-page').waitFor();
    assert.equal(await page.getByTestId('indicator-page').getAttribute('data-indicator'), projectCards[0]);
    await page.getByTestId('crumb-project').click();
    await project.waitFor();
    await page.getByTestId('crumbs').getByRole('link', { name: 'Territorial development and attractiveness' }).click();
    await scope.waitFor();

    // The kind filter narrows the frame to one column; an unknown id says so.
    await page.getByTestId('kind-filter').selectOption('outcome');
    await page.locator('[data-testid="frame-column"]').first().waitFor();
    assert.deepEqual(await columns.evaluateAll((cs) => cs.map((c) => c.dataset.kind)), ['outcome']);
    await page.goto(BASE + '/axis/nowhere');
    await page.getByRole('alert').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
