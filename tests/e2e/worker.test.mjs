// The import worker failing as a person would meet it: a panic of ours inside the wasm (which aborts
// the instance), and a worker script that does not load. Each time the page says so plainly, nothing
// is stored, and "read again" works with a fresh worker (the worker script is fetched anew).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, OUT, ImportPage, storeDigest } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const small = csv('small.csv', 'indicator,period,value\nrate,2022,1.5\nrate,2023,2.5\n');

/// A page whose first import worker is spoiled by `spoil(route)`; later workers are the real one.
/// Service workers are blocked so that every worker script request reaches the route.
async function pageWithSpoiledWorker(spoil) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const served = { count: 0 };
  await context.route('**/import-worker.js', async (route) => {
    served.count += 1;
    if (served.count === 1) await spoil(route);
    else await route.continue();
  });
  return { context, page, errors, served };
}

test('worker: a panic inside the engine is reported, nothing is stored, a fresh worker reads again', async () => {
  // The real worker script, with its call into the wasm replaced by the trap a panic becomes
  // under `panic = "abort"` (a WebAssembly.RuntimeError thrown out of the instance).
  const { context, page, errors, served } = await pageWithSpoiledWorker(async (route) => {
    const real = await route.fetch();
    const text = (await real.text()).replace('bindings.worker_import(',
      '((..._) => { throw new WebAssembly.RuntimeError("unreachable executed"); })(');
    assert.match(text, /RuntimeError/, 'the worker script still calls worker_import');
    await route.fulfill({ response: real, body: text });
  });
  try {
    const imp = new ImportPage(page);
    await imp.open();
    const before = await storeDigest(page);
    await imp.give([small]);
    const notice = await imp.nextEngineFailure();
    assert.match(notice, /moteur de lecture s’est arrêté/);
    assert.match(notice, /unreachable executed/);
    assert.equal(await page.getByTestId('import-progress').count(), 0, 'the progress bar is gone');
    await page.screenshot({ path: join(OUT, 'import-engine-failed.png') });
    assert.equal(await storeDigest(page), before, 'nothing was stored');
    const r = await imp.retry();
    assert.equal(r.ok, 'true');
    assert.equal(Number(r.observations), 2);
    assert.equal(served.count, 2, 'the page started a fresh worker');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('worker: a worker script that fails to load is reported instead of reading forever', async () => {
  const { context, page, errors, served } = await pageWithSpoiledWorker((route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  try {
    const imp = new ImportPage(page);
    await imp.open();
    await imp.give([small]);
    const notice = await imp.nextEngineFailure();
    assert.match(notice, /reading engine stopped|moteur de lecture s’est arrêté/);
    const r = await imp.retry();
    assert.equal(r.ok, 'true');
    assert.equal(served.count, 2, 'the page started a fresh worker');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
