// Workshop mode: values typed are saved as typed and survive a reload, undo, what-if scenarios that
// never touch published figures, and the workshop file's export and import with conflicts listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, BASE, OUT, DashboardPage, DataManagerPage } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

class WorkshopPage {
  constructor(page) { this.page = page; }
  async open() { await this.page.goto(BASE + '/workshop'); await this.page.getByTestId('workshop').waitFor(); }
  async enter(indicator, period, value) {
    await this.page.getByTestId('entry-indicator').selectOption(indicator);
    await this.page.getByTestId('entry-period').fill(period);
    await this.page.getByTestId('entry-value').fill('');
    await this.page.getByTestId('entry-value').pressSequentially(value, { delay: 30 });
  }
  rows() { return this.page.getByTestId('entry-row'); }
  async saved() { await this.page.waitForFunction(() => /Enregistré|Saved/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? '')); }
}

test('entries are saved as typed, shown on the dashboard, survive a reload, and undo', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const ws = new WorkshopPage(page);
  await ws.open();
  await ws.enter('icc1-questionnaires', '2023', '34');
  await ws.saved();
  assert.equal(await ws.rows().count(), 1);
  assert.match(await ws.rows().first().textContent(), /2023.*34.*saisi à la main/s);
  assert.match(await page.getByTestId('expected-range').textContent(), /observées de 18 à 27/);
  await page.screenshot({ path: join(OUT, 'workshop.png'), fullPage: true });

  await page.reload();
  await page.getByTestId('workshop').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="entry-row"]').length === 1);
  const dashboard = new DashboardPage(page);
  await dashboard.open();
  assert.match(await dashboard.row('icc1-questionnaires').textContent(), /34.*2023/s);

  await ws.open();
  await ws.enter('icc4-attendance', '2023', '38');
  await ws.saved();
  assert.equal(await ws.rows().count(), 2);
  await page.getByTestId('undo').click();
  assert.equal(await ws.rows().count(), 1, 'undo removes the last entry');
  await context.close();
});

test('what if: another target changes statuses live, kept as a scenario, published figures untouched', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const ws = new WorkshopPage(page);
  await ws.open();
  await page.getByTestId('what-if-indicator').selectOption('a1-people-reached');
  const rate = async (which) => (await page.getByTestId(which).locator('[data-testid="progress-rate"]').first().textContent()).replace(/\s/g, '');
  const before = await rate('what-if-before');
  await page.getByTestId('what-if-value').fill('6000');
  await page.waitForFunction((b) => document.querySelector('[data-testid="what-if-after"] [data-testid="progress-rate"]').textContent.replace(/\s/g, '') !== b, before);
  assert.equal(await rate('what-if-after'), '87%', '5 200 of 6 000');
  await page.getByTestId('scenario-name').fill('Cible 6000');
  await page.getByTestId('keep-scenario').click();
  await page.getByTestId('scenario').first().waitFor();
  assert.match(await page.getByTestId('scenario').first().textContent(), /Cible 6000/);
  const dashboard = new DashboardPage(page);
  await dashboard.open();
  assert.match(await dashboard.row('a1-people-reached').textContent(), /10\u202f000/, 'the published target is unchanged');
  await context.close();
});

test('the workshop file exports, and an import lists conflicts and applies only what is chosen', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const ws = new WorkshopPage(page);
  await ws.open();
  await ws.enter('icc1-questionnaires', '2023', '34');
  await ws.saved();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-workshop').click()]);
  const path = join(OUT, 'atelier.json');
  await download.saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(file.format, 'vigie-workshop');
  assert.ok(file.entries.some((e) => e.indicator === 'icc1-questionnaires' && e.value === 34));

  file.entries = [
    { ...file.entries.find((e) => e.indicator === 'icc1-questionnaires'), value: 35 },
    { indicator: 'icc4-attendance', period: { Year: 2023 }, value: 38, entered_at: { year: 2026, month: 11, day: 26 }, note: 'salle B' },
  ];
  const incoming = join(OUT, 'atelier-autre.json');
  writeFileSync(incoming, JSON.stringify(file));
  await page.getByTestId('import-workshop').setInputFiles(incoming);
  await page.getByTestId('conflicts').waitFor();
  assert.equal(await page.getByTestId('conflict').count(), 1);
  assert.match(await page.getByTestId('import-message').textContent(), /1 valeurs ajoutées/);
  assert.match(await ws.rows().filter({ hasText: '2023' }).first().textContent(), /34/, 'nothing applied silently');
  await page.getByTestId('take-theirs').check();
  await page.getByTestId('apply-conflicts').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="entry-row"]')].some((r) => /35/.test(r.textContent)));
  assert.equal(await ws.rows().count(), 2);

  const bad = join(OUT, 'pas-un-atelier.json');
  writeFileSync(bad, '{\n  "format": 3,');
  await page.getByTestId('import-workshop').setInputFiles(bad);
  await page.waitForFunction(() => /pas-un-atelier\.json:2:/.test(document.querySelector('[data-testid="import-message"]').textContent));
  await context.close();
});

test('an observatory moved to another browser keeps its workshop: entries as typed, scenarios', async () => {
  const from = await browser.newContext({ acceptDownloads: true });
  const page = await from.newPage();
  const ws = new WorkshopPage(page);
  await ws.open();
  await ws.enter('icc1-questionnaires', '2023', '34');
  await ws.saved();
  await page.getByTestId('what-if-indicator').selectOption('a1-people-reached');
  await page.getByTestId('what-if-value').fill('6000');
  await page.getByTestId('scenario-name').fill('Cible 6000');
  await page.getByTestId('keep-scenario').click();
  await page.getByTestId('scenario').first().waitFor();
  const data = new DataManagerPage(page);
  await data.open();
  const text = await data.exportText();
  const pkg = JSON.parse(text);
  const part = pkg.resources.find((r) => r.vigie?.part === 'workshop' && r.vigie?.dataset?.id === 'default');
  assert.deepEqual(part.data.scenarios.map((s) => s.name), ['Cible 6000']);
  await from.close();

  // Another browser: the import replaces its store, and its workshop page lists what was typed.
  const to = await browser.newContext();
  const other = await to.newPage();
  const there = new DataManagerPage(other);
  await there.open();
  // Opened first, the workshop page reads the state again when the import changes the store.
  assert.equal(await there.importText('observatoire.json', text), 'imported');
  const ws2 = new WorkshopPage(other);
  await other.getByTestId('nav-workshop').click();
  await other.getByTestId('workshop').waitFor();
  await other.waitForFunction(() => document.querySelectorAll('[data-testid="entry-row"]').length === 1);
  assert.match(await ws2.rows().first().textContent(), /2023.*34/s);
  assert.match(await other.getByTestId('scenario').first().textContent(), /Cible 6000/);
  await to.close();
});
