// The assessment view, as a person reaches it: from the top bar to every action at its three
// moments (start, midway, final), each statement as the default Data Package's `assessments.csv`
// says, beside the action's KPIs as the dashboard shows them as of that moment's date; then one
// action's page, an indicator as of a moment, the project page's link, and the export carrying the
// assessments. Screenshots in target/e2e/assessment-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, OUT, BASE, DataManagerPage, withPage } from './support.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

/// The rows of a CSV file with quoted fields (RFC 4180), as objects keyed by the header.
function readCsv(path) {
  const text = readFileSync(path, 'utf8');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const ASSESSMENTS = readCsv(join(ROOT, 'public/data/lhsm/assessments.csv'));

const inPage = (fn, options = {}) => withPage(browser, { viewport: { width: 1280, height: 1000 }, ...options }, fn);

/// The statuses the dashboard shows as of `date`, by indicator.
async function dashboardStatuses(page, date) {
  await page.goto(`${BASE}/?lang=en&asof=${date}`);
  await page.getByTestId('indicator-row').first().waitFor();
  return Object.fromEntries(await page.getByTestId('indicator-row')
    .evaluateAll((rows) => rows.map((r) => [r.dataset.indicator, r.dataset.status])));
}

test('every action at its three moments: the package\'s statements, the KPIs as of each date', async () => {
  await inPage(async (page) => {
    await page.goto(BASE + '/?lang=en');
    await page.getByTestId('dashboard').waitFor();
    const link = page.getByTestId('nav-assessment');
    assert.match(await link.getAttribute('href'), /^\/assessment\?.*lang=en/);
    await link.click();
    await page.getByTestId('assessment-page').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    const actions = page.getByTestId('assessment-action');
    const projects = [...new Set(ASSESSMENTS.map((a) => a.project))];
    assert.deepEqual(await actions.evaluateAll((as) => as.map((a) => a.dataset.project)), projects);
    const shown = {};
    for (const project of projects) {
      const action = page.locator(`[data-testid="assessment-action"][data-project="${project}"]`);
      const moments = action.getByTestId('moment');
      assert.deepEqual(await moments.evaluateAll((ms) => ms.map((m) => m.dataset.moment)), ['start', 'midway', 'final']);
      for (const row of ASSESSMENTS.filter((a) => a.project === project)) {
        const moment = action.locator(`[data-testid="moment"][data-moment="${row.moment}"]`);
        assert.equal(await moment.getAttribute('data-date'), row.date);
        const statement = moment.getByTestId('statement');
        assert.equal((await statement.textContent()).trim(), row.statement_en);
        assert.equal(await statement.getAttribute('lang'), 'en');
        shown[`${project} ${row.date}`] = Object.fromEntries(await moment.getByTestId('moment-kpi')
          .evaluateAll((ks) => ks.map((k) => [k.dataset.indicator, k.dataset.status])));
      }
    }
    await page.screenshot({ path: join(OUT, 'assessment-all.png'), fullPage: true });

    // Each moment's statuses are the dashboard's as of that date, for every KPI of the action.
    for (const date of [...new Set(ASSESSMENTS.map((a) => a.date))]) {
      const statuses = await dashboardStatuses(page, date);
      for (const project of projects) {
        const kpis = shown[`${project} ${date}`];
        assert.ok(Object.keys(kpis).length > 0, `${project} has KPIs`);
        for (const [id, status] of Object.entries(kpis)) assert.equal(status, statuses[id], `${id} as of ${date}`);
      }
    }
  });
});

test('one action: its page, an indicator as of a moment, the project page\'s link, an unknown action', async () => {
  await inPage(async (page) => {
    await page.goto(BASE + '/project/icc2');
    await page.getByTestId('scope-page').waitFor();
    await page.getByTestId('see-assessment').click();
    await page.getByTestId('assessment-page').waitFor();
    assert.match(page.url(), /\/assessment\/icc2$/);
    assert.deepEqual(await page.getByTestId('assessment-action').evaluateAll((as) => as.map((a) => a.dataset.project)), ['icc2']);
    assert.equal(await page.getByTestId('action-link').count(), 0, 'no link to the page itself');
    // In French, the statement is the package's French text.
    const midway = page.locator('[data-testid="moment"][data-moment="midway"]');
    const row = ASSESSMENTS.find((a) => a.project === 'icc2' && a.moment === 'midway');
    assert.equal((await midway.getByTestId('statement').textContent()).trim(), row.statement_fr);
    assert.equal(await midway.getByTestId('statement').getAttribute('lang'), 'fr');
    // The jury's 6 solutions are known midway, not at the start.
    const selected = (moment) => page.locator(`[data-testid="moment"][data-moment="${moment}"] [data-testid="moment-kpi"][data-indicator="icc2-solutions-selected"]`);
    assert.equal(await selected('start').getAttribute('data-status'), 'no-data');
    assert.match(await selected('midway').textContent(), /^.*6 solutions/);
    await page.screenshot({ path: join(OUT, 'assessment-icc2.png'), fullPage: true });
    // Following an indicator opens it as of the moment's date.
    await selected('midway').locator('a').click();
    await page.getByTestId('indicator-page').waitFor();
    assert.equal(await page.getByTestId('as-of').inputValue(), row.date);
    // A project without assessments has no link; an unknown action is said so.
    await page.goto(BASE + '/project/a1-skills');
    await page.getByTestId('scope-page').waitFor();
    assert.equal(await page.getByTestId('see-assessment').count(), 0);
    await page.goto(BASE + '/assessment/nope');
    assert.match(await page.getByTestId('no-assessment').textContent(), /nope/);
  });
});

test('the observatory export carries the assessments', async () => {
  await inPage(async (page) => {
    const dm = new DataManagerPage(page);
    await dm.open();
    const pkg = JSON.parse(await dm.exportText());
    const meta = pkg.resources.find((r) => r.vigie?.part === 'metadata' && r.vigie?.dataset?.id === 'default');
    assert.ok(meta, 'the default programme\'s metadata');
    const exported = meta.data.assessments.map((a) => [a.project, a.moment.toLowerCase(), a.statement.en]);
    assert.deepEqual(exported, ASSESSMENTS.map((a) => [a.project, a.moment, a.statement_en]));
  }, { acceptDownloads: true });
});

test('a person who stored the programme before the assessments existed gets them on the next visit, entries kept', async () => {
  await inPage(async (page) => {
    const writes = [];
    page.on('console', (m) => { if (m.text().startsWith('Vigie store: writing default')) writes.push(m.text()); });
    await page.goto(BASE + '/');
    await page.getByTestId('dashboard').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="data-origin"]')?.dataset.origin === 'network');
    assert.equal(writes.length, 1, 'the first visit stores the programme');
    // A reload with the same release reads the store and writes nothing.
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    await page.waitForTimeout(1500);
    assert.equal(writes.length, 1, `a reload rewrote the programme: ${writes}`);

    // The store as an older release left it: the programme's head without its assessments, and an
    // entry the person typed in the workshop.
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('vigie');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['meta', 'edits'], 'readwrite');
        const meta = tx.objectStore('meta');
        const get = meta.get('default');
        get.onsuccess = () => {
          const record = JSON.parse(get.result);
          delete record.head.assessments;
          meta.put(JSON.stringify(record), 'default');
          tx.objectStore('edits').put(JSON.stringify([{ indicator: 'icc2-calls', period: { Year: 2024 }, value: 3, provenance: 'Illustrative', note: 'typed', series: null, flag: '' }]), 'default');
        };
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }));
    await page.goto(BASE + '/assessment');
    await page.getByTestId('assessment-page').waitFor();
    // The stored programme shows first; this release's replaces it, and the page reads it again.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-action"]').length === 4, null, { timeout: 30_000 });
    assert.equal(writes.length, 2, 'the newer programme was written once');
    const edits = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('vigie');
      open.onsuccess = () => {
        const get = open.result.transaction('edits').objectStore('edits').get('default');
        get.onsuccess = () => { resolve(get.result); open.result.close(); };
      };
    }));
    assert.match(edits, /typed/, 'the person\'s entry is kept');
    // With the entry on top of the programme, a reload still writes nothing.
    await page.reload();
    await page.getByTestId('assessment-page').waitFor();
    await page.waitForTimeout(1500);
    assert.equal(writes.length, 2, `a reload with an entry rewrote the programme: ${writes}`);
  }, { serviceWorkers: 'block' });
});
