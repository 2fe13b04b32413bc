// Shared set-up for the end-to-end specs: Debian's Chromium through playwright-core, and page objects.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.VIGIE_URL ?? 'http://127.0.0.1:8080';
export const OUT = process.env.VIGIE_E2E_OUT ?? join(dirname(fileURLToPath(import.meta.url)), 'output');
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/// Flags that keep Chromium quiet on a closed network (see TOOLCHAIN.md).
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/// Runs `body(page)` in a new context of `browser` (service workers blocked unless `options` says
/// otherwise), fails if the page throws an uncaught error, and closes the context in any case.
export async function withPage(browser, options, body) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await body(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

/// The number of indicators in the default package, counted from the file itself.
export function defaultIndicatorCount() {
  const text = readFileSync(join(ROOT, 'public/data/lhsm/indicators.csv'), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').length - 1;
}

export class DashboardPage {
  constructor(page) { this.page = page; }
  async open() {
    await this.page.goto(BASE + '/');
    await this.page.getByTestId('dashboard').waitFor();
  }
  rows() { return this.page.getByTestId('indicator-row'); }
  row(id) { return this.page.locator(`[data-testid="indicator-row"][data-indicator="${id}"]`); }
  origin() { return this.page.getByTestId('data-origin'); }
  async openIndicator(id) {
    await this.row(id).getByRole('link').click();
    await this.page.getByTestId('indicator-page').waitFor();
    return new IndicatorPage(this.page);
  }
}

export class IndicatorPage {
  constructor(page) { this.page = page; }
  canvas() { return this.page.getByTestId('indicator-chart'); }
  /// Counts canvas pixels that are neither transparent nor white.
  async drawnPixels() {
    return this.canvas().evaluate((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
      }
      return n;
    });
  }
}

/// The data manager (`/data`): datasets, storage, export and import of the whole observatory.
export class DataManagerPage {
  constructor(page) { this.page = page; }
  async open() {
    await this.page.goto(BASE + '/data');
    await this.page.getByTestId('data-page').waitFor();
    await this.idle();
  }
  rows() { return this.page.getByTestId('dataset-row'); }
  row(id) { return this.page.locator(`[data-testid="dataset-row"][data-dataset="${id}"]`); }
  notice() { return this.page.getByTestId('data-notice'); }
  async idle() {
    await this.page.waitForFunction(() =>
      document.querySelector('[data-testid="data-page"]')?.getAttribute('aria-busy') === 'false');
  }
  async ids() {
    await this.page.locator('[data-testid="datasets"], [data-testid="no-datasets"]').first().waitFor();
    return this.rows().evaluateAll((rs) => rs.map((r) => r.dataset.dataset));
  }
  /// Clicks export and returns the downloaded file's text.
  async exportText() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export').click(),
    ]);
    const { readFileSync } = await import('node:fs');
    return readFileSync(await download.path(), 'utf8');
  }
  /// Chooses a file for the observatory import (replaces everything), without waiting.
  async startImport(name, text) {
    await this.page.getByTestId('import-observatory').setInputFiles({
      name, mimeType: 'application/json', buffer: Buffer.from(text),
    });
  }
  /// The number of the notice shown (0 when none).
  async noticeSeq() {
    const n = this.notice();
    return (await n.count()) ? Number(await n.getAttribute('data-seq')) : 0;
  }
  /// Waits for a notice newer than `seq`, then for the page to be idle; returns its kind.
  async nextNotice(seq) {
    await this.page.waitForFunction((seq) =>
      Number(document.querySelector('[data-testid="data-notice"]')?.dataset.seq ?? 0) > seq, seq);
    await this.idle();
    return this.notice().getAttribute('data-kind');
  }
  async importText(name, text) {
    const seq = await this.noticeSeq();
    await this.startImport(name, text);
    return this.nextNotice(seq);
  }
  async replace(id, name, text) {
    const seq = await this.noticeSeq();
    await this.row(id).getByTestId('replace-dataset').setInputFiles({
      name, mimeType: 'application/json', buffer: Buffer.from(text),
    });
    return this.nextNotice(seq);
  }
  async delete(id) {
    await this.row(id).getByTestId('delete-dataset').click();
    await this.row(id).waitFor({ state: 'detached' });
  }
}

/// A copy of an observatory export with one more dataset `id` of `rows` monthly observations.
export function withExtraDataset(exportText, id, rows, kind = 'file') {
  const pkg = JSON.parse(exportText);
  const meta = pkg.resources.find((r) => r.vigie.part === 'metadata');
  const indicators = meta.data.indicators.map((i) => i.id);
  const info = { ...meta.vigie.dataset, id, kind, source: `${id}.json`, observations: rows, edits: 0 };
  const n = pkg.resources.length / 4;
  const obs = [['indicator', 'period', 'value', 'provenance', 'note']];
  const per = Math.ceil(rows / indicators.length);
  for (let i = 0; i < rows; i++) {
    const k = Math.floor(i / per);
    const j = i % per;
    obs.push([indicators[k], `${1000 + Math.floor(j / 12)}-${String((j % 12) + 1).padStart(2, '0')}`,
      (i * 7919) % 100003 / 10, 'illustrative', '']);
  }
  const res = (part, profile, data, schema) => ({
    name: `dataset-${n}-${part}`, profile, format: 'json', vigie: { part, dataset: info },
    ...(schema ? { schema } : {}), data,
  });
  const schema = pkg.resources.find((r) => r.vigie.part === 'observations').schema;
  pkg.resources.push(
    res('metadata', 'data-resource', meta.data),
    res('observations', 'tabular-data-resource', obs, schema),
    res('edits', 'tabular-data-resource', [obs[0]], schema),
    res('statuses', 'tabular-data-resource', [['indicator', 'status', 'progress_rate']],
      { fields: [{ name: 'indicator', type: 'string' }] }),
  );
  return JSON.stringify(pkg);
}

/// The import page (`/import`): files in, detected settings, roles, report, save.
export class ImportPage {
  constructor(page) { this.page = page; }
  async open() {
    await this.page.goto(BASE + '/');
    await this.page.getByTestId('dashboard').waitFor();
    await this.page.getByTestId('nav-import').click();
    await this.page.getByTestId('import-page').waitFor();
  }
  report() { return this.page.getByTestId('import-report'); }
  /// The number of the last read started (0 before any).
  async job() {
    return this.page.evaluate(() => Number(document.querySelector('[data-testid="import-report"], [data-testid="import-failed"], [data-testid="import-engine-failed"], [data-testid="import-cancelled"]')?.dataset.job ?? 0));
  }
  /// Gives files (paths, or `{name, mimeType, buffer}` objects) without waiting.
  async give(files) {
    this.lastJob = await this.job();
    await this.page.getByTestId('import-file').setInputFiles(files);
  }
  /// Waits for the report of a read newer than the last one seen, and returns its `data-` attributes.
  async nextReport() {
    await this.page.waitForFunction((job) => {
      const e = document.querySelector('[data-testid="import-report"], [data-testid="import-failed"], [data-testid="import-engine-failed"]');
      // The preview, roles and actions render in the task after the report's.
      const whole = e?.dataset.testid !== 'import-report' || document.querySelector('[data-testid="import-actions"]');
      return e && Number(e.dataset.job) > job && whole && !document.querySelector('[data-testid="import-progress"]');
    }, this.lastJob ?? 0, { timeout: 180_000 });
    for (const id of ['import-failed', 'import-engine-failed']) {
      const failed = this.page.getByTestId(id);
      if (await failed.count()) throw new Error(`${id}: ` + await failed.textContent());
    }
    const r = await this.report().evaluate((e) => ({ ...e.dataset }));
    this.lastJob = Number(r.job);
    return r;
  }
  async importFiles(files) {
    await this.give(files);
    return this.nextReport();
  }
  /// Waits for the notice that the import engine stopped (newer than the last read seen); its text.
  async nextEngineFailure() {
    await this.page.waitForFunction((job) => {
      const e = document.querySelector('[data-testid="import-engine-failed"]');
      return e && Number(e.dataset.job) > job;
    }, this.lastJob ?? 0, { timeout: 60_000 });
    const notice = this.page.getByTestId('import-engine-failed');
    this.lastJob = Number(await notice.getAttribute('data-job'));
    return notice.textContent();
  }
  /// Reads the files again after the engine stopped (a fresh worker) and returns the report.
  async retry() {
    await this.page.getByTestId('import-retry').click();
    return this.nextReport();
  }
  async reread() {
    this.lastJob = await this.job();
    await this.page.getByTestId('reread').click();
    return this.nextReport();
  }
  problems() { return this.page.getByTestId('problem'); }
  /// Saves under `name` and waits for the dashboard.
  async save(name, { timeout } = {}) {
    if (name !== undefined) await this.page.getByTestId('import-name').fill(name);
    const button = this.page.getByTestId('import-save');
    const id = await button.getAttribute('data-dataset');
    await button.click();
    // The dashboard keeps showing what it showed while the saved dataset loads: wait until it
    // shows the one just saved.
    await this.page.locator(`[data-testid="dashboard"][data-dataset="${id}"]`).waitFor({ timeout });
    return id;
  }
}

/// Every record of every object store of Vigie's IndexedDB database, as one JSON text, so that a
/// test can tell whether anything changed. Binary values (the columnar chunks) count by their length
/// and a 32-bit FNV-1a hash of every byte, so a chunk rewritten with other bytes of the same length
/// changes the digest.
export async function storeDigest(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const fnv1a = (v) => {
      const bytes = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      let h = 0x811c9dc5;
      for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
      return h.toString(16);
    };
    const open = indexedDB.open('vigie');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readonly');
      const out = {};
      for (const n of names) {
        const keys = tx.objectStore(n).getAllKeys();
        const values = tx.objectStore(n).getAll();
        values.onsuccess = () => {
          out[n] = values.result.map((v, i) => [JSON.stringify(keys.result[i]),
            v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? `bytes:${v.byteLength}:${fnv1a(v)}` : JSON.stringify(v)]);
        };
      }
      tx.oncomplete = () => { db.close(); resolve(JSON.stringify(out)); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}
