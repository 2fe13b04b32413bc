// Several territories of one indicator on one chart and in one table, as a person picks them: a
// Eurostat table with hundreds of series (degree of urbanisation × country) imported; its chart
// draws the first twelve and says the rest are left out; the person clears the choice, filters the
// list and ticks two series of Austria; the chart draws those two, the table lists them by period
// with the file's values, a reload keeps them (the address carries them), and "the first ones"
// goes back. Screenshot in target/e2e/series-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, OUT, BASE, ImportPage, withPage } from './support.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const TSV = join(FIXTURES, 'real/eurostat/estat_ilc_peps13.tsv');

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

const inPage = (fn) => withPage(browser, { viewport: { width: 1280, height: 1000 }, serviceWorkers: 'allow' }, fn);

/// The file's values of one row (`A,PC,DEG1,AT`), by year; flags (`15.4 u`) dropped, `:` missing.
function rowValues(key) {
  const [header, ...rows] = readFileSync(TSV, 'utf8').trim().split('\n');
  const years = header.split('\t').slice(1).map((y) => y.trim());
  const cells = rows.find((r) => r.startsWith(key + '\t')).split('\t').slice(1);
  return Object.fromEntries(cells.map((c, i) => [years[i], parseFloat(c)]).filter(([, v]) => !Number.isNaN(v)));
}

const drawnNames = (page) => page.getByTestId('legend-series').allTextContents();

/// Ticks the first series the filter `words` leaves visible; returns its name.
async function tick(page, words) {
  await page.getByTestId('series-filter').fill(words);
  const first = page.locator('[data-testid="series-choice"]').first();
  const name = (await first.locator('label').textContent()).replace(/ \(\d+\)$/, '');
  const before = page.url();
  await first.locator('input').check();
  await page.waitForFunction((u) => location.href !== u, before);
  return name;
}

test('hundreds of series: the first twelve drawn, then two of the person\'s choosing, on the chart and in one table', async () => {
  await inPage(async (page) => {
    const imp = new ImportPage(page);
    await imp.open();
    await imp.importFiles([TSV]);
    await imp.save();
    const id = await page.getByTestId('indicator-row').first().getAttribute('data-indicator');
    await page.goto(`${BASE}/indicator/${id}?lang=en`);
    await page.getByTestId('series-picker').waitFor();
    // Its map shows one degree of urbanisation for every country, and says which.
    assert.match(await page.getByTestId('map-series').textContent(), /^The map shows the series freq = A, deg_urb = DEG1$/);
    const summary = await page.locator('[data-testid="series-picker"] summary').textContent();
    const choices = Number(summary.match(/of (\d+)\)/)[1]);
    assert.ok(choices > 200, `${choices} series to choose from`);
    // The list shows the first 200 and says how many more the filter would find.
    assert.equal(await page.getByTestId('series-choice').count(), 200);
    assert.match(await page.getByTestId('series-more').textContent(), new RegExp(`^${choices - 200} more series`));
    assert.equal((await drawnNames(page)).length, 12);
    assert.match(await page.getByTestId('series-left-out').textContent(), new RegExp(`^${choices - 12}`));
    await page.locator('[data-testid="series-picker"] summary').click();
    assert.match(await page.locator('[data-testid="series-picker"] summary').textContent(), new RegExp(`Series drawn \\(12 drawn of ${choices}\\)`));
    // Twelve drawn: the others cannot be ticked, and the page says why.
    await page.getByTestId('series-max').waitFor();
    assert.ok(await page.locator('[data-testid="series-choice"] input:not(:checked)').first().isDisabled());

    await page.getByTestId('series-none').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('series') === '');
    assert.equal((await drawnNames(page)).length, 0);
    const a = await tick(page, 'DEG1 AT');
    const b = await tick(page, 'DEG3 AT');
    assert.match(a, /DEG1/); assert.match(b, /DEG3/);
    assert.deepEqual(await drawnNames(page), [a, b]);
    // The filter survives the ticks; every visible choice has both words.
    assert.equal(await page.getByTestId('series-filter').inputValue(), 'DEG3 AT');
    const visible = await page.locator('[data-testid="series-choice"] label').allTextContents();
    assert.ok(visible.length >= 1 && visible.every((t) => /DEG3/.test(t) && /\bAT\b/.test(t)), visible.join(' | '));

    // The table: the two series side by side, each value as the file gives it.
    const check = async () => {
      const table = page.getByTestId('series-table');
      assert.deepEqual((await table.locator('thead th').allTextContents()).slice(1), [a, b]);
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
      const unit = (name) => (/THS_PER/.test(name) ? 'THS_PER' : 'PC');
      const [va, vb] = [rowValues(`A,${unit(a)},DEG1,AT`), rowValues(`A,${unit(b)},DEG3,AT`)];
      assert.deepEqual(rows.map((r) => r[0]), Object.keys({ ...va, ...vb }).sort());
      const num = (t) => (t === '—' ? undefined : Number(t.replace(/,/g, '')));
      for (const [year, x, y] of rows) {
        assert.equal(num(x), va[year], `${a} in ${year}`);
        assert.equal(num(y), vb[year], `${b} in ${year}`);
      }
    };
    await check();
    await page.getByTestId('series-picker').screenshot({ path: join(OUT, 'series-picker.png') });
    await page.screenshot({ path: join(OUT, 'series-page.png'), fullPage: false });

    // The address carries the choice: a reload draws the same two.
    await page.reload();
    await page.getByTestId('series-table').waitFor();
    assert.deepEqual(await drawnNames(page), [a, b]);
    await check();

    await page.locator('[data-testid="series-picker"] summary').click();
    await page.getByTestId('series-first').click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('series'));
    assert.equal((await drawnNames(page)).length, 12);
  });
});
