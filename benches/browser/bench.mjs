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
