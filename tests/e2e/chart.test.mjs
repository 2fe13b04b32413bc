// Interactive chart: tooltip on hover, keyboard focus announced, drag-zoom and double-click reset,
// legend toggle, line/bar switch, PNG/SVG/CSV downloads, text summary, sharp on resize.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, BASE, OUT, IndicatorPage } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

async function openChart(page, id, width = 1100) {
  await page.setViewportSize({ width, height: 1000 });
  await page.goto(`${BASE}/indicator/${id}`);
  await page.getByTestId('indicator-page').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="chart-range"]')?.textContent.includes('..'));
  return new IndicatorPage(page);
}

test('hovering a known point shows its tooltip; arrow keys move focus and announce it', async () => {
  const context = await browser.newContext({ deviceScaleFactor: 2 });
  const page = await context.newPage();
  await openChart(page, 'a1-people-reached');
  // Keyboard first: Home focuses the first point (2020, 850) and announces it.
  await page.getByTestId('chart-area').focus();
  await page.keyboard.press('Home');
  assert.match(await page.getByTestId('chart-live').textContent(), /2020 : 850 personnes/);
  await page.keyboard.press('ArrowRight');
  assert.match(await page.getByTestId('chart-live').textContent(), /2021 : 1\u202f600 personnes/);
  assert.match(await page.getByTestId('tooltip-value').textContent(), /^1\u202f600/);
  // The crosshair marks where the focused point is drawn: hover exactly there with the mouse.
  const at = await page.evaluate(() => {
    const x = parseFloat(document.querySelector('.crosshair-x').style.left);
    const y = parseFloat(document.querySelector('.crosshair-y').style.top);
    return { x, y };
  });
  await page.keyboard.press('End');
  assert.match(await page.getByTestId('chart-live').textContent(), /2024 : 5\u202f200/);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('chart-tooltip').count(), 0);
  const box = await page.getByTestId('indicator-chart').boundingBox();
  await page.mouse.move(box.x + at.x + 3, box.y + at.y - 2);
  await page.getByTestId('chart-tooltip').waitFor();
  assert.match(await page.getByTestId('tooltip-value').textContent(), /^1\u202f600 personnes/);
  assert.match(await page.getByTestId('chart-tooltip').textContent(), /2021/);
  await page.screenshot({ path: join(OUT, 'chart-tooltip.png') });
  // Away from every point, no tooltip.
  await page.mouse.move(box.x + box.width - 20, box.y + 20);
  assert.equal(await page.getByTestId('chart-tooltip').count(), 0);
  await context.close();
});

test('drag zooms, double-click restores, presets, legend hides, bars switch', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openChart(page, 'a3-co2');
  const range = async () => (await page.getByTestId('chart-range').textContent()).split('..').map(Number);
  const [a0, a1] = await range();
  const box = await page.getByTestId('indicator-chart').boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((old) => document.querySelector('[data-testid="chart-range"]').textContent !== old, `${a0.toFixed(3)}..${a1.toFixed(3)}`);
  const [z0, z1] = await range();
  assert.ok(z0 > a0 && z1 < a1 && z1 - z0 < (a1 - a0) / 2, `zoomed ${a0}..${a1} → ${z0}..${z1}`);
  await page.getByTestId('indicator-chart').dblclick({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
  await page.waitForFunction((full) => document.querySelector('[data-testid="chart-range"]').textContent === full, `${a0.toFixed(3)}..${a1.toFixed(3)}`);
  const [r0, r1] = await range();
  assert.deepEqual([r0, r1], [a0, a1], 'double-click restores the full range');

  await page.getByTestId('zoom-5y').click();
  const [p0, p1] = await range();
  assert.ok(Math.abs(p1 - p0 - 5) < 1e-6, `5-year preset spans ${p1 - p0}`);
  await page.getByTestId('zoom-all').click();

  const before = await new IndicatorPage(page).drawnPixels();
  await page.getByTestId('legend-series').first().click();
  assert.equal(await page.getByTestId('legend-series').first().getAttribute('aria-pressed'), 'false');
  const after = await new IndicatorPage(page).drawnPixels();
  assert.ok(after < before, `hiding the series removes pixels (${before} → ${after})`);
  await page.getByTestId('legend-series').first().click();
  await page.getByRole('button', { name: 'Barres' }).click();
  await page.screenshot({ path: join(OUT, 'chart-bars.png') });
  await page.getByRole('button', { name: 'Courbe' }).click();
  assert.match(await page.getByTestId('chart-summary').textContent(), /De 3\u202f200 kt CO₂e en 2019 à 2\u202f650 kt CO₂e en 2024/);
  await context.close();
});

test('downloads are valid PNG, SVG and CSV files', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await openChart(page, 'icc2-projects-underway');
  const grab = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    const path = join(OUT, download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  };
  const png = await grab('download-png');
  assert.equal(png.name, 'icc2-projects-underway.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const svg = await grab('download-svg');
  const svgText = svg.bytes.toString('utf8');
  assert.match(svgText, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svgText, /<polyline/);
  const ok = await page.evaluate((t) => !new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror'), svgText);
  assert.ok(ok, 'the SVG parses');
  const csv = (await grab('download-csv')).bytes.toString('utf8').trim().split('\n');
  assert.equal(csv[0], 'series,period,value,unit,provenance,flag,note');
  assert.equal(csv.length, 3);
  assert.match(csv[1], /,2021-12,3,projets,report,,/);
  await context.close();
});

test('the chart redraws sharp after a resize and at device pixel ratio 2', async () => {
  const context = await browser.newContext({ deviceScaleFactor: 2 });
  const page = await context.newPage();
  await openChart(page, 'a3-co2', 1200);
  const size = () => page.getByTestId('indicator-chart').evaluate((c) => [c.width, c.clientWidth]);
  const [w1, css1] = await size();
  assert.equal(w1, css1 * 2, 'backing store is twice the CSS width');
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction((w) => document.querySelector('[data-testid="indicator-chart"]').width !== w, w1);
  const [w2, css2] = await size();
  assert.equal(w2, css2 * 2);
  assert.ok(css2 < css1);
  await page.screenshot({ path: join(OUT, 'chart-narrow.png'), fullPage: false });
  await context.close();
});
