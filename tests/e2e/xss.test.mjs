// A stranger's file cannot run script in Vigie: an observatory export whose every text field carries a
// payload (programme, axis, project and indicator names, units, definitions, sources, notes, dataset
// name and source) is imported, then every page and embed is visited in French and English. The spec
// fails on any dialog, any `window.__xss`, any element the payloads would create, any `javascript:`
// link, and on any Content-Security-Policy violation (the policy trunk's page ships, see xtask/src/csp.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, OUT, BASE, DataManagerPage } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  "'><iframe srcdoc=\"<script>parent.__xss=4</script>\">",
];
const TEXT_KEYS = new Set(['fr', 'en', 'name', 'title', 'definition', 'source', 'description', 'unit', 'note', 'label', 'value_label']);

/// Every text field of `value` (objects' text keys, recursively) with a payload in front.
function poison(value, n = { i: 0 }) {
  if (Array.isArray(value)) return value.map((v) => poison(v, n));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = typeof v === 'string' && TEXT_KEYS.has(k) ? `${PAYLOADS[n.i++ % PAYLOADS.length]}${v}` : poison(v, n);
    }
    return out;
  }
  return value;
}

/// The default dataset exported, renamed `xss`, its texts and notes poisoned, as one more dataset.
function hostileExport(exportText) {
  const pkg = JSON.parse(exportText);
  const n = pkg.resources.length / 4;
  const parts = Object.fromEntries(pkg.resources.slice(0, 4).map((r) => [r.vigie.part, r]));
  const info = { ...parts.metadata.vigie.dataset, id: 'xss', kind: 'file', source: 'javascript:window.__xss=5' };
  const obs = parts.observations.data.map((row, i) => (i === 0 ? row : row.map((c, j) => (j === 4 ? PAYLOADS[i % PAYLOADS.length] : c))));
  const res = (part, r, data) => ({ ...r, name: `dataset-${n}-${part}`, vigie: { part, dataset: info }, data });
  pkg.resources.push(
    res('metadata', parts.metadata, poison(parts.metadata.data)),
    res('observations', parts.observations, obs),
    res('edits', parts.edits, parts.edits.data),
    res('statuses', parts.statuses, parts.statuses.data),
  );
  return { text: JSON.stringify(pkg), indicators: parts.metadata.data.indicators.map((i) => i.id) };
}

test('xss: poisoned texts on every page and embed, in both languages, never run and never become elements', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('console', (m) => { if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) problems.push(`csp: ${m.text()}`); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  try {
    const data = new DataManagerPage(page);
    await data.open();
    const { text, indicators } = hostileExport(await data.exportText());
    assert.equal(await data.importText('hostile.json', text), 'imported');
    const pages = ['/', '/methodology', '/data', '/workshop', '/import', '/embed/programme',
      ...indicators.slice(0, 4).flatMap((id) => [`/indicator/${id}`, `/embed/card/${id}`, `/embed/chart/${id}`])];
    let shown = 0;
    for (const lang of ['fr', 'en']) {
      for (const path of pages) {
        await page.goto(`${BASE}${path}?ds=xss&lang=${lang}`);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(150);
        const found = await page.evaluate(() => ({
          xss: window.__xss,
          csp: window.__cspViolations ?? [],
          elements: document.querySelectorAll('img[src="x"], svg[onload], iframe[srcdoc], body script, [onerror], [onload]').length,
          jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
          payloadText: document.body.innerText.includes('window.__xss'),
        }));
        assert.equal(found.xss, undefined, `${path} ${lang}: a payload ran`);
        assert.deepEqual(found.csp, [], `${path} ${lang}: CSP violations`);
        assert.equal(found.elements, 0, `${path} ${lang}: a payload became an element`);
        assert.equal(found.jsLinks, 0, `${path} ${lang}: a javascript: link`);
        if (found.payloadText) shown += 1;
      }
    }
    // The payloads are shown as the text they are (so the test looked at pages that carry them).
    assert.ok(shown >= 8, `payload text visible on ${shown} page views`);
    await page.goto(`${BASE}/?ds=xss`);
    await page.screenshot({ path: join(OUT, 'xss-dashboard.png') });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('csp: the page ships a policy without unsafe-inline scripts or unsafe-eval', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(BASE + '/');
    await page.getByTestId('dashboard').waitFor();
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
    const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    assert.match(scriptSrc, /'self'/);
    assert.doesNotMatch(scriptSrc, /'unsafe-inline'/);
    assert.doesNotMatch(policy, /'unsafe-eval'/);
    assert.match(policy, /object-src 'none'/);
    // An inline script added by anyone is refused.
    const ran = await page.evaluate(() => new Promise((resolve) => {
      window.__inline = false;
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.append(s);
      setTimeout(() => resolve(window.__inline), 100);
    }));
    assert.equal(ran, false, 'an injected inline script ran');
  } finally {
    await context.close();
  }
});
