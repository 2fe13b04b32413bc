// A phone is a first-class screen: every page at 375 and 320 px wide has no sideways scroll (WCAG
// 1.4.10), the top bar's controls are at least 44 × 44 px, its links fold behind a menu button that a
// keyboard opens and Escape closes, and the chart fits the width. Screenshots in target/e2e/phone-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, OUT, BASE } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

const INDICATOR = 'a1-people-reached';
const PAGES = [
  ['dashboard', '/', 'dashboard'],
  ['indicator', `/indicator/${INDICATOR}`, 'indicator-chart'],
  ['axis', '/axis/a1', 'kpi-frame'],
  ['project', '/project/a1-skills', 'kpi-frame'],
  ['assessment', '/assessment', 'assessment-page'],
  ['compare', `/compare?a=${INDICATOR}&b=a3-co2`, 'compare-table'],
  ['methodology', '/methodology', null],
  ['data', '/data', 'data-page'],
  ['import', '/import', 'import-page'],
  ['workshop', '/workshop', null],
  ['embed-programme', '/embed/programme', null],
  ['embed-card', `/embed/card/${INDICATOR}`, null],
  ['embed-chart', `/embed/chart/${INDICATOR}`, null],
];

/// What overflows the viewport sideways: the page's own scroll width, and the first elements that
/// stick out (those inside a box that scrolls on its own, such as a wide table, do not count).
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsItself = (e) => {
      for (let p = e.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (p !== document.body && p !== document.documentElement && /(auto|scroll|hidden)/.test(s.overflowX)) return true;
      }
      return false;
    };
    const out = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !scrollsItself(e))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}[${e.dataset.testid ?? ''}] right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, out };
  });
}

/// The visible focusable elements of the top bar smaller than 44 × 44 px.
function smallTargets(page) {
  return page.evaluate(() => [...document.querySelectorAll('.topbar a, .topbar button, .topbar select, .topbar input')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => ({ e, r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 44 || r.height < 44)
    .map(({ e, r }) => `${e.tagName.toLowerCase()}[${e.dataset.testid ?? e.textContent.trim()}] ${Math.round(r.width)}×${Math.round(r.height)}`));
}

for (const width of [375, 320]) {
  test(`phone ${width} px: every page fits the width, with 44 px targets in the top bar`, async () => {
    const context = await browser.newContext({ viewport: { width, height: width === 375 ? 812 : 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      for (const [name, path, ready] of PAGES) {
        await page.goto(BASE + path);
        if (ready) await page.getByTestId(ready).first().waitFor();
        else await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const o = await overflow(page);
        assert.ok(o.scrollWidth <= o.width, `${name} at ${width} px scrolls sideways: ${o.scrollWidth} > ${o.width}; ${o.out.join(', ')}`);
        assert.deepEqual(o.out, [], `${name} at ${width} px: elements stick out`);
        if (!path.startsWith('/embed')) {
          assert.deepEqual(await smallTargets(page), [], `${name} at ${width} px: small tap targets`);
        }
        await page.screenshot({ path: join(OUT, `phone-${width}-${name}.png`) });
      }
      // The chart fits inside the page's width.
      await page.goto(`${BASE}/indicator/${INDICATOR}`);
      const chart = await page.getByTestId('indicator-chart').boundingBox();
      assert.ok(chart.x >= 0 && chart.x + chart.width <= width, `chart ${chart.x}+${chart.width} within ${width}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('phone: the folded navigation opens from the keyboard, lists every page, and Escape folds it', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  try {
    await page.goto(BASE + '/');
    await page.getByTestId('dashboard').waitFor();
    const toggle = page.getByTestId('menu-toggle');
    const link = page.getByTestId('nav-import');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await link.isVisible(), false, 'links are folded at 320 px');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    for (const id of ['nav-dashboard', 'nav-workshop', 'nav-import', 'nav-data', 'nav-methodology']) {
      assert.ok(await page.getByTestId(id).isVisible(), `${id} shown in the open menu`);
    }
    assert.deepEqual(await smallTargets(page), [], 'open menu: small tap targets');
    await page.screenshot({ path: join(OUT, 'phone-320-menu.png') });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    // Choosing a link goes there and folds the menu.
    await toggle.click();
    await link.click();
    await page.getByTestId('import-page').waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    // On a wide screen there is no menu button: the links are in the bar.
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await toggle.isVisible(), false);
    assert.ok(await link.isVisible());
    // …in one row, apart from each other.
    const boxes = await page.locator('.topnav > a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => [r.left, r.right, r.top]));
    for (let i = 1; i < boxes.length; i++) {
      assert.equal(boxes[i][2], boxes[0][2], 'links on one row');
      assert.ok(boxes[i][0] - boxes[i - 1][1] >= 8, `links ${i - 1} and ${i} are ${boxes[i][0] - boxes[i - 1][1]} px apart`);
    }
  } finally {
    await context.close();
  }
});
