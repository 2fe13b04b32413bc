// The startup benchmark: a first visit to the dashboard on a mid-range phone, for two builds of Vigie
// served side by side (this tree's and a previous release's), in headless Debian Chromium.
//
// Each run opens a fresh browser context (an empty profile: no cache, no IndexedDB, no service
// worker) with a 375×812 phone viewport, throttles the page's CPU ×4 and its network to Chrome
// DevTools' "Fast 3G" preset (562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up) through the
// Chrome DevTools Protocol, and times, from the navigation's start:
// - `rows`: the dashboard's first indicator row in the document;
// - `chart`: the first chart drawn (a row's sparkline with its points);
// and counts the bytes the page received on the wire until then (CDP `encodedDataLength`: headers
// and compressed bodies). Builds alternate run by run, so a busy machine slows both alike.
//
// Usage (xtask sets it up): node benches/startup.mjs  with VIGIE_STARTUP_BUILDS a JSON list of
// {name, url}, VIGIE_STARTUP_RUNS the number of runs per build and CHROMIUM the browser.
// Prints one `STARTUP build=… run=… rows_ms=… chart_ms=… bytes=… requests=…` line per run.
import { chromium } from 'playwright-core';

const builds = JSON.parse(process.env.VIGIE_STARTUP_BUILDS);
const runs = Number(process.env.VIGIE_STARTUP_RUNS ?? 7);
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// DevTools' "Fast 3G": (1.6 Mbit/s × 0.9) down, (750 kbit/s × 0.9) up, 150 ms × 3.75 latency.
const NETWORK = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9,
  uploadThroughput: (750 * 1000 / 8) * 0.9,
};
const CPU_SLOWDOWN = 4;

// Runs in the page before any of its scripts: notes when the first row and the first drawn chart
// appear (performance.now() counts from the navigation's start).
const MARKS = () => {
  window.__startup = {};
  const look = () => {
    const m = window.__startup;
    if (m.rows === undefined && document.querySelector('[data-testid="indicator-row"]')) {
      m.rows = performance.now();
    }
    if (m.chart === undefined) {
      const line = document.querySelector('svg.sparkline polyline');
      if (line && (line.getAttribute('points') ?? '').trim() !== '') m.chart = performance.now();
    }
    if (m.rows !== undefined && m.chart !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(look);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
};

async function once(browser, build) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  try {
    await context.addInitScript(MARKS);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error (${build.name}):`, e.message));
    const cdp = await context.newCDPSession(page);
    let bytes = 0;
    let requests = 0;
    let counting = true;
    cdp.on('Network.loadingFinished', (e) => {
      if (counting) { bytes += e.encodedDataLength; requests += 1; }
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(build.url + '/', { waitUntil: 'commit', timeout: 180_000 });
    await page.waitForFunction(() => window.__startup?.rows !== undefined && window.__startup?.chart !== undefined,
      null, { timeout: 180_000, polling: 250 });
    counting = false;
    const marks = await page.evaluate(() => window.__startup);
    return { rows: marks.rows, chart: marks.chart, bytes, requests };
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
try {
  // One unthrottled visit per build first, so that the server has compressed every file once and the
  // first measured run does not pay for it.
  for (const build of builds) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(build.url + '/');
    await page.waitForSelector('[data-testid="indicator-row"]', { timeout: 180_000 });
    await context.close();
  }
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? builds : [...builds].reverse();
    for (const build of order) {
      const r = await once(browser, build);
      console.log(`STARTUP build=${build.name} run=${run} rows_ms=${r.rows.toFixed(0)} chart_ms=${r.chart.toFixed(0)} bytes=${r.bytes} requests=${r.requests}`);
    }
  }
} finally {
  await browser.close();
}
