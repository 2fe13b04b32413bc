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

test('the workshop writes a statement: shown on the assessment, kept across a reload, exported, restored, reverted', async () => {
  await inPage(async (page) => {
    // From a moment of the assessment page to its form in the workshop.
    await page.goto(BASE + '/assessment/icc2');
    await page.getByTestId('assessment-page').waitFor();
    const midway = () => page.locator('[data-testid="moment"][data-moment="midway"]');
    await midway().getByTestId('statement-edit').click();
    await page.getByTestId('statements').waitFor();
    assert.match(page.url(), /\/workshop\?action=icc2&moment=midway/);
    const published = ASSESSMENTS.find((a) => a.project === 'icc2' && a.moment === 'midway');
    assert.equal(await page.getByTestId('statement-action').inputValue(), 'icc2');
    assert.equal(await page.getByTestId('statement-moment').inputValue(), 'midway');
    assert.equal(await page.getByTestId('statement-date').inputValue(), published.date);
    assert.equal(await page.getByTestId('statement-fr').inputValue(), published.statement_fr);
    assert.match(await page.getByTestId('statement-published').textContent(), new RegExp(published.statement_fr.slice(0, 20)));

    // The room rewrites it, in both languages, and moves its date; every keystroke is saved.
    const fr = 'Six solutions retenues ; deux « démonstrateurs » lancés, un troisième en préparation.';
    const en = 'Six solutions selected; two "demonstrators" launched, a third in preparation.';
    await page.getByTestId('statement-en').fill('');
    await page.getByTestId('statement-fr').fill('');
    assert.match(await page.getByTestId('statement-error').textContent(), /Écrivez l’énoncé/, 'an empty statement is said so');
    await page.getByTestId('statement-fr').pressSequentially(fr.slice(0, 12), { delay: 20 });
    await page.getByTestId('statement-fr').fill(fr);
    await page.getByTestId('statement-en').fill(en);
    await page.getByTestId('statement-date').fill('2022-06');
    assert.match(await page.getByTestId('statement-error').textContent(), /2024-06-30/, 'a date that is no day is said so');
    await page.getByTestId('statement-date').fill('2022-06-30');
    await page.waitForFunction(() => /Enregistré|Saved/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''));
    assert.equal(await page.getByTestId('statement-error').count(), 0);
    const row = page.locator('[data-testid="statement-row"][data-project="icc2"][data-moment="midway"]');
    await row.filter({ hasText: '2022-06-30' }).waitFor();
    assert.match(await row.textContent(), /2022-06-30.*Six solutions retenues/s);
    assert.match(await page.getByTestId('statement-written').textContent(), /Rédigé en atelier le \d{4}-\d\d-\d\d/);
    await page.screenshot({ path: join(OUT, 'assessment-workshop-form.png'), fullPage: true });

    // A new moment for an action the report never judged.
    await page.getByTestId('statement-action').selectOption('a1-skills');
    await page.getByTestId('statement-moment').selectOption('start');
    assert.equal(await page.getByTestId('statement-fr').inputValue(), '');
    assert.match(await page.getByTestId('statement-published').textContent(), /n’a rien publié/);
    await page.getByTestId('statement-date').fill('2021-03-31');
    await page.getByTestId('statement-fr').fill('Aucun parcours commun de formation au départ.');
    await page.locator('[data-testid="statement-row"][data-project="a1-skills"]').waitFor();

    // The assessment page shows them, marked as written in the workshop, after a reload.
    await page.goto(BASE + '/assessment?lang=en');
    await page.getByTestId('assessment-page').waitFor();
    const icc2 = page.locator('[data-testid="assessment-action"][data-project="icc2"] [data-testid="moment"][data-moment="midway"]');
    await icc2.waitFor();
    await page.waitForFunction(() => /demonstrators/.test(document.querySelector('[data-testid="assessment-action"][data-project="icc2"] [data-testid="moment"][data-moment="midway"] [data-testid="statement"]')?.textContent ?? ''));
    assert.equal((await icc2.getByTestId('statement').textContent()).trim(), en);
    assert.equal(await icc2.getAttribute('data-date'), '2022-06-30');
    assert.match(await icc2.getByTestId('statement-workshop').textContent(), /Written in the workshop on/);
    const start = page.locator('[data-testid="assessment-action"][data-project="icc1"] [data-testid="moment"][data-moment="start"]');
    assert.equal(await start.getByTestId('statement-workshop').count(), 0, 'the published statements keep their mark');
    const skills = page.locator('[data-testid="assessment-action"][data-project="a1-skills"]');
    assert.equal(await skills.getByTestId('moment').count(), 1, 'the new action is listed with its one moment');
    assert.ok(await skills.getByTestId('moment-kpi').count() > 0, 'with its KPIs as of the written date');
    await page.screenshot({ path: join(OUT, 'assessment-written.png'), fullPage: true });

    // The Data Package file of the assessments, for the compiler, has the written statement.
    await page.goto(BASE + '/workshop');
    await page.getByTestId('statements').waitFor();
    await page.locator('[data-testid="statement-row"]').nth(1).waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-assessments').click()]);
    assert.equal(csv.suggestedFilename(), 'assessments.csv');
    const csvPath = join(OUT, 'assessments-written.csv');
    await csv.saveAs(csvPath);
    const rows = readCsv(csvPath);
    assert.equal(rows.length, ASSESSMENTS.length + 1);
    const written = rows.find((r) => r.project === 'icc2' && r.moment === 'midway');
    assert.deepEqual([written.date, written.statement_fr, written.statement_en, written.provenance], ['2022-06-30', fr, en, 'illustrative']);
    assert.deepEqual(Object.keys(written), Object.keys(ASSESSMENTS[0]), 'the package\'s columns');

    // The observatory export carries the statements; clearing and importing it brings them back.
    const dm = new DataManagerPage(page);
    await dm.open();
    const text = await dm.exportText();
    const pkg = JSON.parse(text);
    const statements = pkg.resources.find((r) => r.vigie?.part === 'statements' && r.vigie?.dataset?.id === 'default');
    assert.ok(statements, 'a statements resource');
    assert.deepEqual(statements.schema.fields.map((f) => f.name), ['project', 'moment', 'date', 'statement_fr', 'statement_en', 'written_at']);
    assert.deepEqual(statements.data.slice(1).map((r) => [r[0], r[1], r[2], r[3]]), [['icc2', 'midway', '2022-06-30', fr], ['a1-skills', 'start', '2021-03-31', 'Aucun parcours commun de formation au départ.']]);
    // The import replaces the whole store, the workshop's state with it.
    assert.equal(await dm.importText('observatoire.json', text), 'imported');
    await page.goto(BASE + '/assessment/icc2');
    await page.getByTestId('assessment-page').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="moment"][data-moment="midway"] [data-testid="statement-workshop"]'));
    assert.equal((await midway().getByTestId('statement').textContent()).trim(), fr);

    // Back to the published text: the report's statement shows again.
    await midway().getByTestId('statement-edit').click();
    await page.getByTestId('statement-revert').click();
    assert.equal(await page.getByTestId('statement-fr').inputValue(), published.statement_fr);
    assert.equal(await page.locator('[data-testid="statement-row"][data-project="icc2"]').count(), 0);
    await page.goto(BASE + '/assessment/icc2');
    await page.getByTestId('assessment-page').waitFor();
    assert.equal((await midway().getByTestId('statement').textContent()).trim(), published.statement_fr);
    assert.equal(await midway().getByTestId('statement-workshop').count(), 0);
  }, { acceptDownloads: true });
});
