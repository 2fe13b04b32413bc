// The compare page, as a person reaches it: from an indicator page's link, a second indicator of
// another unit and frequency picked in the select; both charts on one time range (the union of
// their own), a zoom on one moving the other, a reset on the other restoring both, each chart
// focusable on its own; the table's values equal to the default package's observations. Then the
// deep links: an unknown id and the same indicator twice. Screenshots in target/e2e/compare-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, OUT, BASE, withPage } from './support.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

const inPage = (fn) => withPage(browser, { viewport: { width: 1280, height: 1000 } }, fn);

/// The default package's observed values of `id`, by period (the file has no quoted commas before
/// its value column).
function observed(id) {
  const lines = readFileSync(join(ROOT, 'public/data/lhsm/observations.csv'), 'utf8').split('\n');
  return Object.fromEntries(lines.filter((l) => l.startsWith(`${id},`))
    .map((l) => l.split(','))
    .filter((f) => f[2] !== '')
    .map((f) => [f[1], Number(f[2])]));
}

/// The range a chart shows, as its hidden `chart-range` text says (`from..to`), once drawn.
async function rangeOf(scope) {
  const el = scope.getByTestId('chart-range');
  await el.filter({ hasText: '..' }).waitFor({ state: 'attached' });
  return el.textContent();
}

async function ownRange(page, id) {
  await page.goto(`${BASE}/indicator/${id}?lang=en`);
  await page.getByTestId('indicator-page').waitFor();
  return (await rangeOf(page)).split('..').map(Number);
}

const A = 'a3-co2';
const B = 'icc1-collection';

test('from an indicator page: a second indicator picked, one shared time range, zooms linked, the table as the package says', async () => {
  await inPage(async (page) => {
    const [b0, b1] = await ownRange(page, B);
    const [a0, a1] = await ownRange(page, A);
    const union = `${Math.min(a0, b0).toFixed(3)}..${Math.max(a1, b1).toFixed(3)}`;

    await page.getByTestId('compare-link').click();
    await page.getByTestId('compare-page').waitFor();
    assert.match(page.url(), new RegExp(`/compare\\?(.*&)?a=${A}`));
    assert.equal(await page.getByTestId('compare-a').inputValue(), A);
    assert.match(await page.getByTestId('compare-prompt').textContent(), /Choose two indicators/);

    await page.getByTestId('compare-b').selectOption(B);
    const charts = page.getByTestId('compare-chart');
    await charts.nth(1).waitFor();
    assert.match(page.url(), new RegExp(`b=${B}`));
    assert.deepEqual(await charts.evaluateAll((cs) => cs.map((c) => c.dataset.indicator)), [A, B]);
    const ranges = async () => [await rangeOf(charts.nth(0)), await rangeOf(charts.nth(1))];
    assert.deepEqual(await ranges(), [union, union], 'both charts span both indicators whole');
    // Each chart says what it shows in words, under its own id.
    const described = await charts.evaluateAll((cs) => cs.map((c) => {
      const id = c.querySelector('[data-testid="chart-area"]').getAttribute('aria-describedby');
      return document.getElementById(id)?.textContent ?? '';
    }));
    assert.match(described[0], /2019.*2024/);
    assert.match(described[1], /2021-Q4.*2023-Q2/);

    // The table: every period of either indicator once, in time order, each value as observed.
    const table = page.getByTestId('compare-table');
    const heads = await table.locator('thead th').allTextContents();
    assert.equal(heads.length, 3);
    assert.match(heads[1], /CO₂e\)$/);
    assert.match(heads[2], /% of chosen indicators\)$/);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) =>
      [...tr.children].map((td) => td.textContent)));
    const [va, vb] = [observed(A), observed(B)];
    const periods = [...new Set([...Object.keys(va), ...Object.keys(vb)])].sort();
    assert.deepEqual(rows.map((r) => r[0]), periods);
    const number = (t) => (t === '—' ? null : Number(t.replace(/[^0-9.-]/g, '')));
    for (const [period, a, b] of rows) {
      assert.equal(number(a), va[period] ?? null, `${A} in ${period}`);
      assert.equal(number(b), vb[period] ?? null, `${B} in ${period}`);
    }

    // A drag on the first chart zooms both; a double click on the second restores both.
    const box = await charts.nth(0).getByTestId('indicator-chart').boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((full) => [...document.querySelectorAll('[data-testid="chart-range"]')]
      .every((r) => r.textContent !== full), union);
    const [z0, z1] = await ranges();
    assert.equal(z0, z1, 'the second chart follows the first');
    await page.screenshot({ path: join(OUT, 'compare-zoomed.png'), fullPage: true });
    await charts.nth(1).getByTestId('indicator-chart').dblclick();
    await page.waitForFunction((full) => [...document.querySelectorAll('[data-testid="chart-range"]')]
      .every((r) => r.textContent === full), union);

    // The 5-year preset on the second chart moves the first too.
    await charts.nth(1).getByTestId('zoom-5y').click();
    await page.waitForFunction((full) => [...document.querySelectorAll('[data-testid="chart-range"]')]
      .every((r) => r.textContent !== full), union);
    const [p0, p1] = await ranges();
    assert.equal(p0, p1);

    // Each chart is reached and read by keyboard on its own.
    await charts.nth(1).getByTestId('chart-area').focus();
    await page.keyboard.press('Home');
    assert.match(await charts.nth(1).getByTestId('chart-live').textContent(), /, 2021-Q4 : 20 %/);
    assert.equal(await charts.nth(0).getByTestId('chart-live').textContent(), '');
    await page.keyboard.press('Escape');
    await page.getByTestId('compare-page').evaluate(() => window.scrollTo(0, 0));
    await charts.nth(0).getByTestId('zoom-all').click();
    await page.screenshot({ path: join(OUT, 'compare-desktop.png'), fullPage: true });
  });
});

test('deep links: in French by default, an unknown indicator said so, the same indicator twice refused', async () => {
  await inPage(async (page) => {
    await page.goto(`${BASE}/compare?a=${A}&b=${B}`);
    await page.getByTestId('compare-chart').nth(1).waitFor();
    assert.equal(await page.getByTestId('compare-b').inputValue(), B);
    assert.match(await page.locator('h1').textContent(), /Comparer deux indicateurs/);
    // The French table writes numbers the French way (a narrow no-break space between thousands).
    assert.match(await page.getByTestId('compare-table').textContent(), /3\u202f200/);

    await page.goto(`${BASE}/compare?a=${A}&b=nope`);
    await page.getByTestId('compare-page').waitFor();
    assert.match(await page.getByTestId('compare-prompt').textContent(), /nope/);
    assert.equal(await page.getByTestId('compare-chart').count(), 0);

    await page.goto(`${BASE}/compare?a=${A}&b=${A}`);
    await page.getByTestId('compare-page').waitFor();
    assert.match(await page.getByTestId('compare-prompt').textContent(), /deux indicateurs différents/);

    // Changing the first indicator keeps the second and the page's other settings.
    await page.goto(`${BASE}/compare?lang=en&a=${A}&b=${B}`);
    await page.getByTestId('compare-chart').nth(1).waitFor();
    await page.getByTestId('compare-a').selectOption('a1-people-reached');
    await page.locator('[data-testid="compare-chart"][data-indicator="a1-people-reached"]').waitFor();
    assert.match(page.url(), /lang=en/);
    assert.match(page.url(), new RegExp(`b=${B}`));
  });
});
