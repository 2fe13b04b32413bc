// Runs one browser benchmark in headless Debian Chromium and prints its figures; the last line is
// the one the issue asks for. Usage: node benches/browser/run.mjs kpi|chart|import|search (VIGIE_BENCH_URL
// set by xtask; for import, VIGIE_BENCH_FILES is the JSON list of files and VIGIE_BENCH_RUNS the runs).
import { chromium } from 'playwright-core';

const which = process.argv[2];
const url = process.env.VIGIE_BENCH_URL;
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (v) => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (x) => x.toFixed(1);

// The import bench collects the page's garbage between runs (window.gc), so that a parser is not
// timed while the garbage of the one before it is swept on the machine's other cores.
if (which === 'import') args.push('--js-flags=--expose-gc');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(url + (which === 'import' ? '/import.html' : '/index.html'));
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 120_000 });
  if (which === 'kpi') {
    const indicators = Number(process.env.KPI_INDICATORS ?? 1000);
    const observations = Number(process.env.KPI_OBSERVATIONS ?? 1_000_000);
    const r = await page.evaluate(([i, o]) => window.benchKpi(i, o, 5), [indicators, observations]);
    if (r.error) throw new Error(r.error);
    const kpi = median(r.kpi_ms);
    const parse = median(r.parse_ms);
    console.log(`kpi wasm: ${indicators} indicators, ${r.observations} observations; evaluate runs ${r.kpi_ms.map(fmt).join(', ')} ms; parse runs ${r.parse_ms.map(fmt).join(', ')} ms`);
    console.log(`WASM_KPI_MS=${kpi} WASM_PARSE_MS=${parse}`);
  } else if (which === 'chart') {
    const lines = [];
    let last;
    for (const n of [166_650, 1_000_000]) {
      const r = await page.evaluate((n) => window.benchChart(n, 7), n);
      const v = median(r.vigie);
      const u = median(r.uplot);
      console.log(`chart ${n} points: vigie ${fmt(v)} ms (runs ${r.vigie.map(fmt).join(', ')}; ${r.vigiePoints} points drawn after LTTB), uplot ${fmt(u)} ms (runs ${r.uplot.map(fmt).join(', ')})`);
      last = { v, u };
      lines.push({ n, v, u });
    }
    console.log(`chart: vigie_1m ${fmt(last.v)} ms, uplot_1m ${fmt(last.u)} ms, vigie/uplot ${(last.v / last.u).toFixed(2)}`);
  } else if (which === 'import') {
    const files = JSON.parse(process.env.VIGIE_BENCH_FILES);
    const runs = Number(process.env.VIGIE_BENCH_RUNS ?? 5);
    const results = await page.evaluate(([f, n]) => window.benchImport(f, n), [files, runs]);
    for (const r of results) {
      const mib = (ms) => (r.bytes / 1048576 / (ms / 1000)).toFixed(1);
      const runsOf = (v) => v.map(fmt).join(', ');
      console.log(`${r.name}: ${(r.bytes / 1048576).toFixed(1)} MiB, ${r.rows} rows; Vigie ${r.observations} observations (${(r.packedBytes / 1048576).toFixed(1)} MiB packed)`);
      console.log(`  vigie (wasm worker, wall) ${fmt(median(r.vigie))} ms = ${mib(median(r.vigie))} MiB/s; runs ${runsOf(r.vigie)}`);
      console.log(`  vigie (inside the worker) ${fmt(median(r.vigieWorker))} ms; runs ${runsOf(r.vigieWorker)}`);
      console.log(`  udsv (typedArrs)          ${fmt(median(r.udsv))} ms = ${mib(median(r.udsv))} MiB/s; runs ${runsOf(r.udsv)}; first row ${r.udsvSample}`);
      console.log(`  papaparse (dynamicTyping) ${fmt(median(r.papaparse))} ms = ${mib(median(r.papaparse))} MiB/s; runs ${runsOf(r.papaparse)}; first row ${r.papaSample}`);
      console.log(`  (TextDecoder alone, included in the peers' times: ${fmt(median(r.decode))} ms; warm-up runs, not counted: vigie ${fmt(r.vigieFirst)} ms in a fresh worker, udsv ${fmt(r.udsvFirst)} ms, papaparse ${fmt(r.papaFirst)} ms)`);
      console.log(`IMPORT name=${r.name} bytes=${r.bytes} rows=${r.rows} observations=${r.observations} vigie_ms=${median(r.vigie)} vigie_worker_ms=${median(r.vigieWorker)} udsv_ms=${median(r.udsv)} papaparse_ms=${median(r.papaparse)} decode_ms=${median(r.decode)} vigie_right=${r.vigieRight} udsv_right=${r.udsvRight} papaparse_right=${r.papaparseRight} native_mismatches=${r.nativeMismatches}`);
    }
    // The app's own import page, as a person uses it: each file given to /import, read in the
    // worker, its report shown; the main-thread tasks over 50 ms meanwhile are the budget's figure.
    for (const f of files) {
      const app = await browser.newPage();
      app.on('pageerror', (e) => console.error('page error:', e));
      await app.goto(url + '/');
      await app.getByTestId('dashboard').waitFor({ timeout: 120_000 });
      await app.getByTestId('nav-import').click();
      await app.getByTestId('import-page').waitFor();
      await app.evaluate(() => {
        window.longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); })
          .observe({ type: 'longtask' });
      });
      await app.getByTestId('import-file').setInputFiles(f.path);
      await app.waitForFunction(() => document.querySelector('[data-testid="import-actions"], [data-testid="import-failed"], [data-testid="import-engine-failed"]')
        && !document.querySelector('[data-testid="import-progress"]'), null, { timeout: 300_000 });
      const long = await app.evaluate(() => window.longTasks);
      console.log(`  /import page, ${f.name}: ${long.length} main-thread tasks over 50 ms${long.length ? ` (${long.map(Math.round).join(', ')} ms)` : ''}`);
      console.log(`PAGE name=${f.name} bytes=${f.bytes} long_tasks=${long.length} longest_ms=${Math.round(Math.max(0, ...long))}`);
      await app.close();
    }
  } else if (which === 'search') {
    const n = Number(process.env.SEARCH_INDICATORS ?? 5000);
    const r = await page.evaluate((n) => window.benchSearch(n, 5), n);
    const p95 = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };
    const max = (v) => Math.max(...v);
    const same = r.totals.filter((t, i) => t === r.js_totals[i]).length;
    console.log(`search over ${n} indicators (+ 3 axes, 32 projects): ${r.keystroke_ms.length} keystrokes (${r.queries.length} queries typed letter by letter, 5 rounds)`);
    console.log(`  vigie (wasm index): build ${fmt(r.build_ms)} ms; keystroke median ${median(r.keystroke_ms).toFixed(2)} ms, p95 ${p95(r.keystroke_ms).toFixed(2)} ms, max ${max(r.keystroke_ms).toFixed(2)} ms`);
    console.log(`  vigie, each keystroke from scratch: median ${median(r.scratch_ms).toFixed(2)} ms, p95 ${p95(r.scratch_ms).toFixed(2)} ms, max ${max(r.scratch_ms).toFixed(2)} ms`);
    console.log(`  js (normalize + includes): fold ${fmt(r.js_build_ms)} ms; keystroke median ${median(r.js_keystroke_ms).toFixed(2)} ms, p95 ${p95(r.js_keystroke_ms).toFixed(2)} ms, max ${max(r.js_keystroke_ms).toFixed(2)} ms`);
    console.log(`  hits per keystroke agree on ${same} of ${r.totals.length} (Vigie also finds words inside ids, the peer does not rank)`);
    console.log(`SEARCH_P95_MS=${p95(r.keystroke_ms)} SCRATCH_P95_MS=${p95(r.scratch_ms)} JS_P95_MS=${p95(r.js_keystroke_ms)} N=${n}`);
  } else {
    throw new Error(`unknown benchmark ${which}`);
  }
} finally {
  await browser.close();
}
