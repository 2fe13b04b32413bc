// Runs one browser benchmark in headless Debian Chromium and prints its figures; the last line is
// the one the issue asks for. Usage: node benches/browser/run.mjs kpi|chart (VIGIE_BENCH_URL set by xtask).
import { chromium } from 'playwright-core';

const which = process.argv[2];
const url = process.env.VIGIE_BENCH_URL;
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (v) => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (x) => x.toFixed(1);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(url + '/index.html');
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
  } else {
    throw new Error(`unknown benchmark ${which}`);
  }
} finally {
  await browser.close();
}
