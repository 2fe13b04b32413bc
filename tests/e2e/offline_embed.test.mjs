// Offline use, release updates and embedding. These specs run their own static servers (so they can
// stop them and switch releases) over dist/ and the "next release" copy that xtask prepares.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, OUT } from './support.mjs';

const DIST = process.env.VIGIE_DIST;
const NEXT = process.env.VIGIE_NEXT_DIST;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.csv': 'text/csv', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.md': 'text/plain' };

/// A static server over `root()` (which may change between requests) with the SPA fallback.
function staticServer(root) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root(), path);
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (extname(path)) { res.writeHead(404); res.end(); return; }
      file = join(root(), 'index.html');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  return {
    listen: (port) => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server.address().port))),
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

const launchPersistent = async (dir) => track(await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1200, height: 900 },
}));

async function waitForServiceWorker(page) {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!(reg && reg.active && navigator.serviceWorker.controller);
  }, null, { timeout: 30_000 });
}

// Contexts, browsers and servers opened by a test are closed here even when the test fails, so a
// failure never leaves the runner waiting on open handles.
const cleanups = [];
const track = (closable, close = () => closable.close()) => { cleanups.push(() => Promise.resolve(close()).catch(() => {})); return closable; };
after(async () => { for (const c of cleanups.reverse()) await c(); });

before(() => { mkdirSync(OUT, { recursive: true }); assert.ok(DIST && existsSync(join(DIST, 'sw.js')), 'dist/sw.js exists (cargo xtask build renders it)'); });

test('visited once, Vigie opens with the server stopped: new page, new browser, data and offline notice', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-offline-'));
  const server = track(staticServer(() => DIST));
  const port = await server.listen(0);
  const base = `http://127.0.0.1:${port}`;
  let context = await launchPersistent(profile);
  let page = await context.newPage();
  await page.goto(base + '/');
  await page.getByTestId('dashboard').waitFor();
  await waitForServiceWorker(page);
  const rows = await page.getByTestId('indicator-row').count();
  // Installable: the page links a manifest with a name, icons that load, and a start URL in scope.
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    const m = await (await fetch(href)).json();
    const icons = await Promise.all(m.icons.map(async (i) => (await fetch(i.src)).headers.get('content-type')));
    return { ...m, iconTypes: icons };
  });
  assert.equal(manifest.short_name, 'Vigie');
  assert.equal(manifest.start_url, '/');
  assert.equal(manifest.display, 'standalone');
  assert.deepEqual(manifest.iconTypes, ['image/png', 'image/png']);
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
  await server.close();

  // Same browser, new page: app shell from the service worker, data from IndexedDB.
  page = await context.newPage();
  await page.goto(base + '/indicator/a3-co2');
  await page.getByTestId('indicator-page').waitFor();
  await page.getByTestId('offline-banner').waitFor();
  assert.ok(await page.getByTestId('indicator-chart').evaluate((c) => c.width > 0));
  await page.screenshot({ path: join(OUT, 'offline.png') });
  await context.close();

  // The browser restarted with the same profile, server still down.
  context = await launchPersistent(profile);
  page = await context.newPage();
  await page.goto(base + '/');
  await page.getByTestId('dashboard').waitFor();
  assert.equal(await page.getByTestId('indicator-row').count(), rows);
  assert.equal(await page.getByTestId('data-origin').getAttribute('data-origin'), 'store');
  // A value typed offline survives a reload.
  await page.goto(base + '/workshop');
  await page.getByTestId('workshop').waitFor();
  await page.getByTestId('entry-indicator').selectOption('icc4-attendance');
  await page.getByTestId('entry-period').fill('2023');
  await page.getByTestId('entry-value').pressSequentially('41');
  await page.waitForFunction(() => /Enregistré/.test(document.querySelector('[data-testid="save-state"]').textContent));
  await page.reload();
  await page.getByTestId('workshop').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="entry-row"]')].some((r) => /41/.test(r.textContent)));
  // A file imports offline: the import engine's own wasm was precached by the service worker.
  await page.goto(base + '/');
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-page').waitFor();
  await page.getByTestId('import-file').setInputFiles({ name: 'offline.csv', mimeType: 'text/csv',
    buffer: Buffer.from('indicator,period,value\nrate,2022,1.5\nrate,2023,2.5\n') });
  const report = page.getByTestId('import-report');
  await report.waitFor({ timeout: 60_000 });
  assert.equal(await report.getAttribute('data-ok'), 'true');
  assert.equal(await report.getAttribute('data-observations'), '2');
  // An embed route works offline too.
  await page.goto(base + '/embed/card/icc2-solutions-selected');
  await page.getByTestId('embed-card').waitFor();
  await context.close();
});

test('a new release waits, is announced, and reload switches every file at once', async () => {
  assert.ok(NEXT && existsSync(join(NEXT, 'sw.js')), 'next release prepared by xtask');
  const profile = mkdtempSync(join(tmpdir(), 'vigie-update-'));
  let root = DIST;
  const server = track(staticServer(() => root));
  const port = await server.listen(0);
  const base = `http://127.0.0.1:${port}`;
  const context = await launchPersistent(profile);
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByTestId('dashboard').waitFor();
  await waitForServiceWorker(page);
  const cssBefore = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');

  root = NEXT; // the server now serves release N+1
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.getByTestId('update-banner').waitFor({ timeout: 30_000 });
  // The old page keeps working while N+1 waits.
  await page.getByTestId('indicator-row').first().getByRole('link').click();
  await page.getByTestId('indicator-page').waitFor();
  assert.equal(await page.locator('meta[name="vigie-release"]').count(), 0);
  await page.screenshot({ path: join(OUT, 'update-notice.png') });

  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
  await page.getByTestId('indicator-page').waitFor();
  assert.equal(await page.locator('meta[name="vigie-release"]').getAttribute('content'), 'next');
  const cssAfter = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  assert.notEqual(cssAfter, cssBefore);
  assert.match(cssAfter, /main-next-release\.css/);
  const styled = await page.evaluate(() => [...document.styleSheets].map((s) => s.href).filter(Boolean));
  assert.ok(styled.every((h) => !h.includes(cssBefore.replace(/^\//, ''))), `no old stylesheet left: ${styled}`);
  // Stored data intact across the update.
  await page.goto(base + '/');
  await page.getByTestId('dashboard').waitFor();
  assert.equal(await page.getByTestId('data-origin').getAttribute('data-origin'), 'store');
  await context.close();
  await server.close();
});

test('a host page on another origin embeds a card and a chart, sizes them from their messages, and passes colours', async () => {
  const app = track(staticServer(() => DIST));
  const appPort = await app.listen(0);
  const appBase = `http://127.0.0.1:${appPort}`;
  const hostDir = mkdtempSync(join(tmpdir(), 'vigie-host-'));
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><body style="font-family:sans-serif;background:#faf7f0">
      <h1>Site de la métropole</h1>
      <iframe id="card" src="${appBase}/embed/card/icc2-solutions-selected?lang=fr&accent=c0392b" style="width:100%;border:0" height="50"></iframe>
      <iframe id="chart" src="${appBase}/embed/chart/a3-co2?lang=en" style="width:100%;border:0" height="50"></iframe>
      <script>
        window.heights = [];
        addEventListener('message', function (e) {
          if (e.origin !== '${appBase}' || !e.data || e.data.type !== 'vigie:height') return;
          window.heights.push(e.data.height);
          document.querySelectorAll('iframe').forEach(function (f) { if (f.contentWindow === e.source) f.style.height = e.data.height + 'px'; });
        });
      </script></body></html>`);
  });
  track(host, () => host.close());
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const hostBase = `http://127.0.0.1:${host.address().port}`;
  const browser = track(await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }));
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await page.goto(hostBase + '/');
  const card = page.frameLocator('#card');
  await card.getByTestId('embed-card').waitFor();
  await page.frameLocator('#chart').getByTestId('embed-chart').waitFor();
  await page.waitForFunction(() => {
    const h = (id) => parseFloat(document.getElementById(id).style.height || '0');
    return h('card') > 100 && h('chart') > 300;
  });
  assert.ok((await page.evaluate(() => window.heights.length)) >= 2);
  // No navigation inside the embed; the language and colour come from the URL.
  assert.equal(await card.locator('header').count(), 0);
  assert.match(await card.getByTestId('embed-card').textContent(), /Solutions retenues par le jury/);
  const accent = await card.locator('html').evaluate((e) => getComputedStyle(e).getPropertyValue('--accent').trim());
  assert.equal(accent, '#c0392b');
  assert.match(await page.frameLocator('#chart').locator('h1').textContent(), /CO₂ emissions/);
  await page.screenshot({ path: join(OUT, 'embed-host.png'), fullPage: true });
  await browser.close();
  await app.close();
  host.close();
});
