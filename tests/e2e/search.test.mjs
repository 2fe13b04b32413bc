// The top bar's search box, as a person uses it: by keyboard from the dashboard (the combobox
// pattern: arrows, Enter, Escape), by mouse on a full page, without accents or capitals, in French
// and English, and on an imported Open SDG indicator. Screenshots in target/e2e/search-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, OUT, BASE, ImportPage, withPage } from './support.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

/// The search box of a page.
class SearchBox {
  constructor(page) {
    this.page = page;
    this.input = page.getByTestId('search-input');
    this.options = page.getByTestId('search-option');
    this.status = page.getByTestId('search-status');
  }
  async type(text) {
    await this.input.click();
    await this.input.fill('');
    await this.input.pressSequentially(text, { delay: 20 });
  }
  expanded() { return this.input.getAttribute('aria-expanded'); }
  /// The pages the listed options open, in order.
  paths() { return this.options.evaluateAll((os) => os.map((o) => o.dataset.path)); }
}

/// A page with its errors collected; `fn` gets the page, and the context closes after it.
const inPage = (options, fn) => withPage(browser, { viewport: { width: 1280, height: 900 }, ...options }, fn);

test('by keyboard from the dashboard: capitals and accents ignored, arrows, Enter opens the indicator with the view kept', async () => {
  await inPage({}, async (page) => {
    await page.goto(BASE + '/?lang=en&asof=2024-12-31');
    await page.getByTestId('dashboard').waitFor();
    const search = new SearchBox(page);
    // The box is the second stop of the keyboard, after the brand.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search');
    assert.equal(await search.input.getAttribute('role'), 'combobox');
    assert.equal(await search.expanded(), 'false');

    await page.keyboard.type('EMISSIONS', { delay: 20 });
    assert.equal(await search.expanded(), 'true');
    assert.deepEqual(await search.paths(), ['/indicator/a3-co2']);
    assert.match(await search.options.first().textContent(), /CO₂ emissions of the industrial port area/);
    assert.equal(await search.status.textContent(), '1 result');
    // The arrow makes the option active (the input keeps the focus).
    await page.keyboard.press('ArrowDown');
    assert.equal(await search.input.getAttribute('aria-activedescendant'), 'site-search-0');
    assert.equal(await search.options.first().getAttribute('aria-selected'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search');
    await page.screenshot({ path: join(OUT, 'search-dashboard.png') });

    // Enter opens it: a new document (the full wasm) that keeps the language and the date.
    await page.keyboard.press('Enter');
    await page.getByTestId('indicator-page').waitFor();
    assert.match(page.url(), /\/indicator\/a3-co2\?.*lang=en/);
    assert.match(page.url(), /asof=2024-12-31/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.getByTestId('as-of').inputValue(), '2024-12-31');
    assert.equal(await search.input.inputValue(), '', 'the box is emptied once a page is chosen');
  });
});

test('by mouse on a full page; Up wraps to the last option; nothing found; Escape closes then clears', async () => {
  await inPage({}, async (page) => {
    await page.goto(BASE + '/indicator/a3-co2?lang=en');
    await page.getByTestId('as-of').waitFor();
    const search = new SearchBox(page);

    // An axis by its English name, in lower case.
    await search.type('port competitiveness');
    assert.equal((await search.paths())[0], '/axis/a2');
    await search.options.first().click();
    await page.locator('[data-testid="scope-page"][data-scope="axis"][data-id="a2"]').waitFor();
    assert.equal(await search.expanded(), 'false');

    // A word in many names: ids first, then names, then units and definitions; Up wraps to the last.
    await search.type('port');
    const paths = await search.paths();
    assert.ok(paths.length > 1, `several hits for port: ${paths}`);
    assert.ok(paths.length <= 8);
    await search.input.press('ArrowUp');
    assert.equal(await search.input.getAttribute('aria-activedescendant'), `site-search-${paths.length - 1}`);
    await search.input.press('ArrowDown');
    assert.equal(await search.input.getAttribute('aria-activedescendant'), 'site-search-0');

    await search.type('zzyzx');
    assert.equal(await search.options.count(), 0);
    assert.equal(await search.status.textContent(), 'No indicator, project or axis matches.');
    assert.equal(await page.locator('.search-none').textContent(), 'No indicator, project or axis matches.');
    await search.input.press('Escape');
    assert.equal(await search.expanded(), 'false');
    assert.equal(await search.input.inputValue(), 'zzyzx');
    await search.input.press('Escape');
    assert.equal(await search.input.inputValue(), '');
  });
});

test('in French, without accents: "energie" finds what says « énergie », a project by its id', async () => {
  await inPage({}, async (page) => {
    await page.goto(BASE + '/');
    await page.getByTestId('dashboard').waitFor();
    const search = new SearchBox(page);
    await search.type('energie');
    const texts = await search.options.allTextContents();
    assert.ok(texts.length >= 1);
    for (const t of texts) assert.match(t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(), /energie/);
    assert.ok((await search.paths()).includes('/project/a3-demonstrators'));
    assert.match(await search.status.textContent(), /^\d+ résultats?$/);
    // Options of different kinds: their names start on one line (the kind's column is fixed).
    const lefts = await page.locator('.search-option .search-name').evaluateAll((ns) => ns.map((n) => Math.round(n.getBoundingClientRect().left)));
    assert.equal(new Set(lefts).size, 1, `names start at ${lefts}`);
    await page.screenshot({ path: join(OUT, 'search-energie.png') });
    await search.type('a1-skills');
    assert.equal((await search.paths())[0], '/project/a1-skills');
    assert.match(await search.options.first().textContent(), /Projet.*Formation et reconversion/);
  });
});

test('on a phone (320 px): the box has its own line, the list fits, nothing scrolls sideways', async () => {
  await inPage({ viewport: { width: 320, height: 640 } }, async (page) => {
    await page.goto(BASE + '/');
    await page.getByTestId('dashboard').waitFor();
    const search = new SearchBox(page);
    await search.type('port');
    const box = await search.input.boundingBox();
    assert.ok(box.height >= 44, `the box is ${box.height} px tall`);
    const list = await page.getByTestId('search-list').boundingBox();
    assert.ok(list.x >= 0 && list.x + list.width <= 320, `the list spans ${list.x}…${list.x + list.width}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
    for (const o of await search.options.all()) {
      assert.ok((await o.boundingBox()).height >= 44, 'each option is a 44 px tap target');
    }
    await page.screenshot({ path: join(OUT, 'search-phone-320.png') });
  });
});

test('between a phone and a desktop (768 and 1024 px): the top bar wraps, nothing scrolls sideways', async () => {
  for (const width of [768, 1024]) {
    await inPage({ viewport: { width, height: 600 } }, async (page) => {
      await page.goto(BASE + '/');
      await page.getByTestId('dashboard').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `at ${width} px`);
      const lang = await page.getByTestId('lang-switch').boundingBox();
      assert.ok(lang.x + lang.width <= width, `the language button is on screen at ${width} px`);
      await page.screenshot({ path: join(OUT, `search-topbar-${width}.png`) });
    });
  }
});

test('an imported Open SDG indicator is found by its name and id and opens in its dataset', async () => {
  // The import page reads files in its worker, which the service worker does not change.
  await inPage({ serviceWorkers: 'allow' }, async (page) => {
    const imp = new ImportPage(page);
    await imp.open();
    await imp.importFiles([join(FIXTURES, 'real/open-sdg-starter/data/indicator_1-1-1.csv'),
      join(FIXTURES, 'real/open-sdg-starter/meta/1-1-1.yml')]);
    const id = await imp.save();
    const search = new SearchBox(page);
    await search.type('proportion of the population');
    assert.deepEqual(await search.paths(), ['/indicator/1-1-1']);
    await search.type('1-1-1');
    assert.equal((await search.paths())[0], '/indicator/1-1-1');
    await search.input.press('Enter');
    await page.getByTestId('as-of').waitFor();
    assert.match(page.url(), /\/indicator\/1-1-1/);
    assert.match(await page.locator('h1').first().textContent(), /Proportion of the population/);
    assert.match(page.url() + (await page.evaluate(() => localStorage.getItem('vigie.dataset'))), new RegExp(id));
    await page.screenshot({ path: join(OUT, 'search-imported.png') });
  });
});
