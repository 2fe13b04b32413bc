// The bench page: loads Vigie's bench wasm and the peers (uPlot), and exposes one function per
// benchmark for benches/browser/run.mjs to call through Playwright. Every run draws in this page.
import init, * as vigie from './pkg/bench_wasm.js';
import uPlot from './uPlot.esm.js';

await init();

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/// A deterministic random walk of `n` points over 25 years.
function series(n) {
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let y = 100;
  let s = 12345;
  for (let i = 0; i < n; i++) {
    xs[i] = 2000 + (25 * i) / n;
    s = (s * 1103515245 + 12345) % 2147483648;
    y += s / 2147483648 - 0.5;
    ys[i] = y;
  }
  return [xs, ys];
}

window.benchKpi = (indicators, observations, runs) => JSON.parse(vigie.kpi_bench(indicators, observations, runs));

window.benchChart = async (n, runs) => {
  const [xs, ys] = series(n);
  vigie.chart_load(xs, ys);
  const out = { vigie: [], uplot: [], vigiePoints: 0 };
  for (let r = 0; r < runs; r++) {
    const canvas = document.createElement('canvas');
    canvas.width = 1000;
    canvas.height = 400;
    document.body.appendChild(canvas);
    await frame();
    let t = performance.now();
    out.vigiePoints = vigie.chart_draw(canvas);
    await frame();
    out.vigie.push(performance.now() - t);
    canvas.remove();

    const el = document.createElement('div');
    document.body.appendChild(el);
    await frame();
    t = performance.now();
    const plot = new uPlot(
      { width: 1000, height: 400, scales: { x: { time: false } }, series: [{}, { stroke: '#005a9c', width: 2 }] },
      [xs, ys],
      el,
    );
    await frame();
    out.uplot.push(performance.now() - t);
    plot.destroy();
    el.remove();
  }
  return out;
};

document.getElementById('status').textContent = 'ready';
window.benchReady = true;

/// Search: Vigie's index (wasm) against the same matching in plain JavaScript over the same texts —
/// each text folded once with `normalize('NFKD')`, then every keystroke's words looked for with
/// `includes` in every text. Both are timed per keystroke, as a person types the same queries.
window.benchSearch = (indicators, rounds) => {
  const r = JSON.parse(vigie.search_bench(indicators, rounds));
  const corpus = JSON.parse(vigie.search_corpus(indicators));
  const fold = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/[^\p{L}\p{N}%]+/gu, ' ').trim();
  let t = performance.now();
  const texts = corpus.map((row) => fold(row.join('\n')));
  const jsBuild = performance.now() - t;
  const js = [];
  const jsTotals = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of r.queries) {
      const chars = [...q];
      for (let end = 1; end <= chars.length; end++) {
        const typed = chars.slice(0, end).join('');
        t = performance.now();
        const words = fold(typed).split(' ').filter((w) => w);
        let total = 0;
        if (words.length) for (const text of texts) if (words.every((w) => text.includes(w))) total++;
        js.push(performance.now() - t);
        if (round === 0) jsTotals.push(total);
      }
    }
  }
  return { ...r, js_build_ms: jsBuild, js_keystroke_ms: js, js_totals: jsTotals };
};
