// The map of territories, as a person meets it: a file with a column of country codes (the
// Frictionless GDP 2014 example) imported, its indicator page shows the world map; each country's
// fill is its value's class in the legend, the table lists what the map draws with the file's
// values, the pointer and the keyboard read a country out. Then an ONS Open SDG indicator whose
// GeoCodes no world map knows: the page says so, a bad boundary file is refused with its place, a
// boundary file of the UK's nations is imported, kept across a reload, carried by the observatory
// file to another browser and drawn there too; on a phone the
// map fits the width. Screenshots in target/e2e/map-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, OUT, BASE, DataManagerPage, ImportPage, withPage } from './support.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

// The import page reads files in its worker, which the service worker does not change.
const inPage = (fn) => withPage(browser, { viewport: { width: 1280, height: 1000 }, serviceWorkers: 'allow' }, fn);

/// Imports `files`, saves them and opens the first indicator of the saved dataset, in English.
async function importAndOpen(page, files) {
  const imp = new ImportPage(page);
  await imp.open();
  await imp.importFiles(files);
  await imp.save();
  const id = await page.getByTestId('indicator-row').first().getAttribute('data-indicator');
  await page.goto(`${BASE}/indicator/${id}?lang=en`);
  await page.getByTestId('map-panel').waitFor();
  return id;
}

/// The map's table: each row's code, label, value (as a number), class and colour, in its order.
async function tableRows(page) {
  return page.getByTestId('map-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    code: tr.dataset.code,
    label: tr.querySelector('th').childNodes[0].textContent,
    drawn: !tr.querySelector('.not-drawn'),
    value: Number(tr.children[3].textContent.replace(/,/g, '')),
    klass: tr.dataset.class,
    color: tr.dataset.color,
  })));
}

/// The fill and table row of each drawn shape, by its code.
async function shapes(page) {
  return page.getByTestId('map').locator('path').evaluateAll((ps) => ps.map((p) => ({
    code: p.dataset.code, row: p.dataset.row, fill: p.getAttribute('fill'), name: p.querySelector('title').textContent,
  })));
}

test('a file of countries: the world map, each fill its value\'s class, the table what the map draws', async () => {
  await inPage(async (page) => {
    await importAndOpen(page, [join(FIXTURES, 'real/frictionless-gdp-2014/data/gdp_2014.csv')]);
    await page.getByTestId('map').waitFor();
    const drawn = await shapes(page);
    assert.equal(drawn.length, 177, 'every country of Natural Earth 1:110m');
    const rows = await tableRows(page);

    // The table's values are the file's (one year, 2014), highest first.
    const csv = Object.fromEntries(readFileSync(join(FIXTURES, 'real/frictionless-gdp-2014/data/gdp_2014.csv'), 'utf8')
      .trim().split('\n').slice(1).map((l) => { const f = l.split(','); return [f[f.length - 3], Number(f[f.length - 1])]; })
      .filter(([code]) => code !== '')); // Kosovo has no code in the file: it is not a territory of the map.
    assert.equal(rows.length, Object.keys(csv).length);
    for (const r of rows) assert.ok(Math.abs(r.value - csv[r.code]) <= 0.5 + 1e-9 * csv[r.code], `${r.code}: ${r.value} vs ${csv[r.code]}`);
    assert.deepEqual(rows.map((r) => r.value), [...rows.map((r) => r.value)].sort((a, b) => b - a));
    assert.ok(rows.some((r) => r.code === 'EUU' && !r.drawn), 'an aggregate is listed, marked as not on the map');

    // Known countries: the ISO alpha-3 code of the data meets the numeric id of the boundaries.
    const legend = await page.getByTestId('map-legend-class').evaluateAll((ls) => ls.map((l) => ({ color: l.dataset.color, text: l.textContent })));
    assert.ok(legend.length >= 3 && legend.length <= 5, `${legend.length} classes`);
    for (const [alpha3, numeric, name] of [['FRA', '250', 'France'], ['DEU', '276', 'Germany'], ['USA', '840', 'United States of America'], ['BRA', '076', 'Brazil'], ['IND', '356', 'India']]) {
      const shape = drawn.find((s) => s.code === numeric);
      const row = rows.find((r) => r.code === alpha3);
      assert.equal(shape.name, name);
      assert.equal(rows[Number(shape.row)].code, alpha3, `${name}'s shape is coloured by its own row`);
      assert.equal(shape.fill, row.color, `${name}'s fill is its class's colour`);
      assert.equal(legend[Number(row.klass)].color, row.color, `${name}'s class in the legend`);
      // Its value lies in its class's range as the legend writes it.
      const [lo, hi] = legend[Number(row.klass)].text.split('–').map((t) => Number(t.replace(/[^0-9.]/g, '')));
      assert.ok(lo <= row.value && row.value <= hi, `${name}: ${lo} ≤ ${row.value} ≤ ${hi}`);
    }
    // Every coloured shape is a drawn row of the table, and every drawn row has its shape.
    const coloured = drawn.filter((s) => s.row !== '');
    assert.equal(coloured.length, rows.filter((r) => r.drawn).length);
    for (const s of coloured) assert.equal(s.fill, rows[Number(s.row)].color, s.name);
    assert.ok(drawn.filter((s) => s.row === '').every((s) => s.fill === '#e3e3e3'), 'no value: the no-data grey');
    assert.match(await page.getByTestId('map-summary').textContent(), /territories; highest: World \(77,868,767,941,74\d/);

    // The pointer over Germany reads it out; the keyboard walks from the highest down.
    await page.locator('[data-testid="map"] path[data-code="276"]').hover();
    assert.match(await page.getByTestId('map-readout').textContent(), /^Germany \(DEU\) : 3,8\d\d,\d{3},\d{3},\d{3}/);
    // The pointer leaves the map (it would read out whatever it is over once focusing scrolls).
    await page.mouse.move(0, 0);
    await page.getByTestId('map-area').focus();
    await page.keyboard.press('Home');
    const first = rows.find((r) => r.drawn);
    assert.match(await page.getByTestId('map-readout').textContent(), new RegExp(`^${first.label} \\(${first.code}\\)`));
    await page.keyboard.press('ArrowRight');
    const second = rows.filter((r) => r.drawn)[1];
    assert.match(await page.getByTestId('map-readout').textContent(), new RegExp(`^${second.label} \\(${second.code}\\)`));
    assert.equal(await page.locator('[data-testid="map"] path.active').count(), 1);
    await page.getByTestId('map-panel').screenshot({ path: join(OUT, 'map-world.png') });
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('map-readout').textContent(), '');

    // A click on a country draws it on the chart (a choice of its own, in the address); Enter on
    // the keyboard's country adds it; a second click takes the first off.
    await page.locator('[data-testid="map"] path[data-code="276"]').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).has('series'));
    assert.deepEqual(await page.getByTestId('legend-series').allTextContents(), ['Country Name = Germany, Country Code = DEU']);
    assert.equal(await page.locator('[data-testid="map"] path[data-code="276"]').getAttribute('data-drawn'), 'true');
    await page.getByTestId('map-area').focus();
    await page.keyboard.press('Home');
    const url = page.url();
    await page.keyboard.press('Enter');
    await page.waitForFunction((u) => location.href !== u, url);
    assert.deepEqual(await page.getByTestId('legend-series').allTextContents(),
      ['Country Name = Germany, Country Code = DEU', 'Country Name = United States, Country Code = USA']);
    assert.equal((await page.getByTestId('series-table').locator('thead th').allTextContents()).length, 3);
    await page.mouse.move(0, 0);
    await page.locator('[data-testid="map"] path[data-code="276"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="legend-series"]').length === 1);
    assert.deepEqual(await page.getByTestId('legend-series').allTextContents(), ['Country Name = United States, Country Code = USA']);
    assert.match(await page.getByTestId('map-source').textContent(), /Natural Earth/);
  });
});

test('GeoCodes of the UK: no world shape, a bad boundary file refused, the nations\' file imported, kept and drawn', async () => {
  await inPage(async (page) => {
    const id = await importAndOpen(page, [join(FIXTURES, 'real/open-sdg-ons/data/indicator_11-7-1.csv')]);
    await page.getByTestId('map-no-match').waitFor();
    assert.match(await page.getByTestId('map-no-match').textContent(), /E92000001/);
    let rows = await tableRows(page);
    assert.deepEqual(rows.map((r) => [r.code, r.label, r.value]),
      [['S92000003', 'Scotland', 5.3], ['E92000001', 'England', 4.9], ['W92000004', 'Wales', 3.4]]);

    const input = page.getByTestId('map-import');
    await input.setInputFiles(join(FIXTURES, 'geo/bad-coordinate.geojson'));
    await page.locator('[data-testid="map-notice"][role="alert"]').waitFor();
    assert.match(await page.getByTestId('map-notice').textContent(), /bad-coordinate\.geojson:2:3: expected a feature whose geometry is a Polygon/);
    assert.equal(await page.getByTestId('map-boundaries').locator('option').count(), 1, 'nothing was added');

    await input.setInputFiles(join(FIXTURES, 'geo/uk-nations-schematic.geojson'));
    await page.locator('[data-testid="map-notice"][role="status"]').waitFor();
    assert.match(await page.getByTestId('map-notice').textContent(), /uk-nations-schematic\.geojson \(4 territories\)/);
    await page.getByTestId('map').waitFor();
    const check = async () => {
      const drawn = await shapes(page);
      rows = await tableRows(page);
      assert.deepEqual(drawn.map((s) => s.code), ['E92000001', 'W92000004', 'S92000003', 'N92000002']);
      for (const s of drawn.slice(0, 3)) assert.equal(s.fill, rows.find((r) => r.code === s.code).color, s.name);
      assert.equal(drawn[3].fill, '#e3e3e3', 'Northern Ireland has no value');
      assert.equal(await page.getByTestId('map-boundaries').inputValue(), 'uk-nations-schematic.geojson');
      assert.match(await page.getByTestId('map-source').textContent(), /imported from uk-nations-schematic\.geojson \(\d{4}-\d\d-\d\d, 4 territories\)/);
    };
    await check();
    await page.getByTestId('map-panel').screenshot({ path: join(OUT, 'map-imported.png') });

    // A reload finds the file in the store, and the map chooses it: it draws more of the data.
    await page.reload();
    await page.getByTestId('map').waitFor();
    await check();

    // The observatory file carries the boundary file to another browser, which draws the same map.
    const ds = await page.evaluate(() => localStorage.getItem('vigie.dataset'));
    const data = new DataManagerPage(page);
    await data.open();
    const exported = await data.exportText();
    assert.deepEqual(JSON.parse(exported).resources.filter((r) => r.name === 'boundaries')
      .flatMap((r) => r.data.map((f) => f.file)), ['uk-nations-schematic.geojson']);
    await inPage(async (other) => {
      const there = new DataManagerPage(other);
      await there.open();
      assert.equal(await there.importText('observatory.json', exported), 'imported');
      await other.goto(`${BASE}/indicator/${id}?lang=en&ds=${ds}`);
      await other.getByTestId('map').waitFor();
      assert.equal(await other.getByTestId('map-boundaries').inputValue(), 'uk-nations-schematic.geojson');
      assert.deepEqual((await shapes(other)).map((s) => s.code), ['E92000001', 'W92000004', 'S92000003', 'N92000002']);
    });
    await page.goto(`${BASE}/indicator/${id}?lang=en`);
    await page.getByTestId('map').waitFor();

    // On a phone the map and its table fit the width.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(100);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scroll at 375 px');
    const svg = await page.getByTestId('map').boundingBox();
    assert.ok(svg.width <= 375 && svg.width > 250, `map ${svg.width} px wide`);
    await page.getByTestId('map-panel').screenshot({ path: join(OUT, 'map-phone.png') });

    // The person removes the file: the map has no shape for these codes again, and a reload agrees.
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.getByTestId('map-remove').click();
    await page.getByTestId('map-no-match').waitFor();
    assert.match(await page.getByTestId('map-notice').textContent(), /Boundary file removed : uk-nations-schematic\.geojson/);
    assert.equal(await page.getByTestId('map-boundaries').locator('option').count(), 1);
    await page.reload();
    await page.getByTestId('map-panel').waitFor();
    await page.getByTestId('map-no-match').waitFor();
    assert.equal(await page.getByTestId('map-boundaries').locator('option').count(), 1);
  });
});
