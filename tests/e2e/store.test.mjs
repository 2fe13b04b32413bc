// The browser store end to end: the data manager, export → clear → import → export byte-identical,
// imports that fail, are interrupted or overflow the quota leave the store as it was, memory-only
// mode, and two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, BASE, OUT, DataManagerPage, DashboardPage, withExtraDataset } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

async function freshPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

test('data manager: datasets, storage, export → clear → import → export identical, delete', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await freshPage(context);
  await new DashboardPage(page).open();
  await page.getByTestId('nav-data').click();
  const data = new DataManagerPage(page);
  await page.getByTestId('data-page').waitFor();
  assert.deepEqual(await data.ids(), ['default']);
  assert.match(await data.row('default').textContent(), /Programme par défaut/);
  const estimate = page.getByTestId('storage-estimate');
  assert.ok(Number(await estimate.getAttribute('data-usage')) > 0);
  assert.ok(Number(await estimate.getAttribute('data-quota')) > 0);
  assert.match(await page.getByTestId('persistence').getAttribute('data-persisted'), /granted|denied/);

  const first = await data.exportText();
  const pkg = JSON.parse(first);
  assert.equal(pkg.profile, 'data-package');
  assert.deepEqual(pkg.resources.map((r) => r.name),
    ['dataset-0-metadata', 'dataset-0-observations', 'dataset-0-edits', 'dataset-0-statuses']);

  // Two datasets side by side, the second with 20 000 observations.
  assert.equal(await data.importText('two.json', withExtraDataset(first, 'atelier', 20000, 'workshop')), 'imported');
  assert.deepEqual(await data.ids(), ['atelier', 'default']);
  assert.match(await data.row('atelier').getByTestId('dataset-observations').textContent(), /20\u202f000/);
  await page.screenshot({ path: join(OUT, 'data-manager.png'), fullPage: true });

  // Replace one dataset by a newer file that holds only it, with 300 observations.
  const newer = JSON.parse(withExtraDataset(first, 'atelier', 300, 'workshop'));
  newer.resources = newer.resources.filter((r) => r.vigie.dataset.id === 'atelier');
  assert.equal(await data.replace('atelier', 'atelier-v2.json', JSON.stringify(newer)), 'replaced');
  assert.match(await data.row('atelier').getByTestId('dataset-observations').textContent(), /^300$/);
  assert.match(await data.row('atelier').textContent(), /atelier-v2\.json/);
  const exported = await data.exportText();

  await data.delete('atelier');
  await data.delete('default');
  assert.deepEqual(await data.ids(), []);
  assert.equal(await data.importText('datapackage.json', exported), 'imported');
  const again = await data.exportText();
  assert.equal(again.length, exported.length);
  assert.ok(again === exported, 'export → clear → import → export is byte-identical');

  // Survives a reload and a new browser window of the same profile.
  await page.reload();
  await data.idle();
  assert.deepEqual(await data.ids(), ['atelier', 'default']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a failing import and an interrupted import leave the store exactly as before', async () => {
  const context = await browser.newContext();
  const { page } = await freshPage(context);
  const data = new DataManagerPage(page);
  await data.open();
  const base = await data.exportText();
  assert.equal(await data.importText('two.json', withExtraDataset(base, 'small', 500)), 'imported');
  const before = await data.exportText();

  // A file with a bad row at its very end changes nothing.
  const bad = withExtraDataset(base, 'big', 50000).replace(/,"illustrative",""\]\]/g, ',"nope",""]]');
  assert.equal(await data.importText('bad.json', bad), 'failed');
  assert.match(await data.notice().textContent(), /ligne 50000 : provenance inconnue « nope »/);
  assert.ok((await data.exportText()) === before, 'a failed import changed the store');

  // The page is closed in the middle of a large import: once while the file is being read, then
  // as soon as the store says it started writing (the transaction is open, chunks are going in).
  // Each time the store must hold either exactly the previous state or the whole import, never a
  // part; at least one close must land inside the write.
  const big = withExtraDataset(base, 'big', 400000);
  let interrupted = 0;
  for (const moment of ['reading', 'writing', 'writing', 'writing']) {
    const p = await context.newPage();
    const d = new DataManagerPage(p);
    await d.open();
    const writing = new Promise((resolve) =>
      p.on('console', (m) => { if (m.text().includes('Vigie store: writing big')) resolve(); }));
    await d.startImport('big.json', big);
    if (moment === 'reading') {
      await p.waitForFunction(() =>
        document.querySelector('[data-testid="data-page"]')?.getAttribute('aria-busy') === 'true');
    } else {
      await writing;
    }
    await p.close();
    const check = await context.newPage();
    const c = new DataManagerPage(check);
    await c.open();
    const ids = await c.ids();
    if (ids.includes('big')) {
      assert.deepEqual(ids, ['big', 'default']);
      assert.match(await c.row('big').getByTestId('dataset-observations').textContent(), /400\u202f000/);
      // Put the previous state back for the next round.
      assert.equal(await c.importText('before.json', before), 'imported');
    } else {
      if (moment === 'writing') interrupted++;
      assert.ok((await c.exportText()) === before, `closing while ${moment} changed the store`);
    }
    await check.close();
  }
  assert.ok(interrupted >= 1, 'at least one close landed inside the write');
  await context.close();
});

test('an import larger than the quota fails with a clear message and keeps the data', async () => {
  const context = await browser.newContext();
  const { page } = await freshPage(context);
  // Chromium applies a quota override when the origin's database is opened, so it is set before the
  // page opens one: 1 MB, room for the default programme but not for 300 000 more observations.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE, quotaSize: 1_000_000 });
  const data = new DataManagerPage(page);
  await data.open();
  const before = await data.exportText();
  assert.equal(await data.importText('big.json', withExtraDataset(before, 'big', 300000)), 'failed');
  const message = await data.notice().textContent();
  assert.match(message, /stockage insuffisant|storage space/i, message);
  await page.screenshot({ path: join(OUT, 'data-quota.png'), fullPage: true });
  assert.deepEqual(await data.ids(), ['default']);
  assert.ok((await data.exportText()) === before, 'the existing data is intact');
  await context.close();
});

test('without IndexedDB Vigie works in memory and says nothing will be kept', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { return undefined; } });
  });
  const { page, errors } = await freshPage(context);
  const dashboard = new DashboardPage(page);
  await dashboard.open();
  assert.ok(await page.getByTestId('memory-only').isVisible());
  assert.equal(await dashboard.origin().getAttribute('data-origin'), 'memory');
  assert.ok((await dashboard.rows().count()) > 20);
  await page.screenshot({ path: join(OUT, 'memory-only.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs: a change shows in the other; an upgrade elsewhere asks to reload, no deadlock', async () => {
  const context = await browser.newContext();
  const a = new DataManagerPage(await context.newPage());
  await a.open();
  const exported = await a.exportText();
  const b = new DataManagerPage(await context.newPage());
  await b.open();
  assert.equal(await b.importText('two.json', withExtraDataset(exported, 'atelier', 100)), 'imported');
  await a.row('atelier').waitFor();
  assert.deepEqual(await a.ids(), ['atelier', 'default']);

  // A newer release in tab B upgrades the schema: tab A lets go and asks for a reload.
  const upgraded = await b.page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('vigie', 99);
    req.onupgradeneeded = () => {};
    req.onsuccess = () => { req.result.close(); resolve(req.result.version); };
    req.onerror = () => reject(req.error);
    req.onblocked = () => {};
  }));
  assert.equal(upgraded, 99);
  await a.page.getByTestId('reload-needed').waitFor();
  await context.close();
});
