// The import benchmark page (`cargo xtask bench import`): the same bytes parsed to typed values by
// Vigie (the app's own wasm in its import worker, as the /import page runs it), uDSV (typed arrays)
// and PapaParse (dynamicTyping), in this one page. benches/browser/run.mjs calls `benchImport`.
//
// Timing, per run:
// - Vigie: from `postMessage` of the file's bytes (a structured-clone copy, as the app posts them)
//   to the worker's `done` message carrying the packed result (transferred): decoding, sniffing,
//   typed observations, packing and both message hops. The worker's own time inside
//   `worker_import` is kept too.
// - uDSV and PapaParse, on this page's main thread: from the same bytes, `TextDecoder` included
//   (Vigie decodes the bytes itself), to their typed rows. The decode time is also given alone.
// Each parser runs its warm-up and timed runs in turn (Vigie, uDSV, PapaParse), each run after the
// page collected its garbage (window.gc; run.mjs passes --expose-gc) and a pause, so that no parser
// is timed while the garbage of the one before it is swept on the machine's other core.
// Each parser's row count must equal the file's data rows, or the run fails: no one benchmarks a no-op.
import { inferSchema, initParser } from './udsv.mjs';

const Papa = window.Papa;

/// Starts the app's import worker and waits until it has loaded the import engine's wasm.
async function startWorker() {
  const worker = new Worker('/import-worker.js', { type: 'module' });
  await new Promise((resolve, reject) => {
    worker.onmessage = (e) => (e.data.type === 'ready' ? resolve() : reject(new Error(e.data.message)));
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ type: 'init' });
  });
  return worker;
}

/// The report of a packed import result (`ingest::transfer`): "VGIR", u32 length, JSON.
function packedReport(packed) {
  const magic = new TextDecoder().decode(packed.subarray(0, 4));
  if (magic !== 'VGIR') throw new Error('the worker answer is not a packed import');
  const len = new DataView(packed.buffer, packed.byteOffset + 4, 4).getUint32(0, true);
  return JSON.parse(new TextDecoder().decode(packed.subarray(8, 8 + len)));
}

function vigieRun(worker, name, bytes) {
  return new Promise((resolve, reject) => {
    let t0;
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'done') {
        const wall = performance.now() - t0;
        resolve({ wall, worker: m.ms, packed: m.packed });
      } else if (m.type === 'failed') {
        reject(new Error(`Vigie failed on ${name}: ${m.message}`));
      }
    };
    t0 = performance.now();
    worker.postMessage({ type: 'import', name, bytes, companions: [], options: '' });
  });
}

function udsvRun(bytes) {
  const t0 = performance.now();
  const text = new TextDecoder().decode(bytes);
  const decoded = performance.now();
  const parser = initParser(inferSchema(text));
  const rows = parser.typedArrs(text);
  const t1 = performance.now();
  return { ms: t1 - t0, decode: decoded - t0, rows: rows.length, sample: rows[0] };
}

function papaRun(bytes) {
  const t0 = performance.now();
  const text = new TextDecoder().decode(bytes);
  const r = Papa.parse(text, { header: true, dynamicTyping: true, skipEmptyLines: true });
  const t1 = performance.now();
  if (r.errors.length) throw new Error(`PapaParse: ${r.errors.length} errors, first ${JSON.stringify(r.errors[0])}`);
  return { ms: t1 - t0, rows: r.data.length, sample: r.data[0] };
}

/// Lets the last run's garbage go before the next run (run.mjs starts Chromium with --expose-gc),
/// and the collector's background work finish on this two-core machine.
async function pause() {
  if (window.gc) window.gc();
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/// `runs` timed runs of `run` after one warm-up run (kept apart: for Vigie, the first import of a
/// fresh worker, whose wasm is still compiling to optimised code and whose memory grows), each after a pause.
async function timed(runs, run) {
  const out = [];
  let first;
  for (let k = 0; k <= runs; k++) {
    await pause();
    const r = await run();
    if (k > 0) out.push(r);
    else first = r;
  }
  out.first = first;
  return out;
}

/// Parses each file with each parser, one parser after the other, and returns every run's times
/// and the checks.
window.benchImport = async (files, runs) => {
  const worker = await startWorker();
  const out = [];
  for (const f of files) {
    const bytes = new Uint8Array(await (await fetch(f.url)).arrayBuffer());
    if (bytes.length !== f.bytes) throw new Error(`${f.name}: fetched ${bytes.length} bytes, expected ${f.bytes}`);
    const r = { name: f.name, bytes: bytes.length, rows: f.rows };
    const vigie = await timed(runs, async () => {
      const v = await vigieRun(worker, f.name, bytes);
      const report = packedReport(v.packed);
      if (report.counts.rows !== f.rows || report.problems_total !== 0) {
        throw new Error(`Vigie read ${report.counts.rows} rows of ${f.name} with ${report.problems_total} problems; expected ${f.rows} rows, none`);
      }
      r.observations = report.counts.observations;
      r.packedBytes = v.packed.length;
      // Only the times are kept: results held across runs would weigh on the next ones.
      return { wall: v.wall, worker: v.worker };
    });
    r.vigie = vigie.map((v) => v.wall);
    r.vigieWorker = vigie.map((v) => v.worker);
    r.vigieFirst = vigie.first.wall;
    const udsv = await timed(runs, async () => {
      const u = udsvRun(bytes);
      if (u.rows !== f.rows) throw new Error(`uDSV read ${u.rows} rows of ${f.name}, expected ${f.rows}`);
      r.udsvSample = JSON.stringify(u.sample).slice(0, 160);
      return { ms: u.ms, decode: u.decode };
    });
    r.udsv = udsv.map((u) => u.ms);
    r.udsvFirst = udsv.first.ms;
    r.decode = udsv.map((u) => u.decode);
    const papa = await timed(runs, async () => {
      const p = papaRun(bytes);
      if (p.rows !== f.rows) throw new Error(`PapaParse read ${p.rows} rows of ${f.name}, expected ${f.rows}`);
      r.papaSample = JSON.stringify(p.sample).slice(0, 160);
      return { ms: p.ms };
    });
    r.papaparse = papa.map((p) => p.ms);
    r.papaFirst = papa.first.ms;
    out.push(r);
  }
  worker.terminate();
  return out;
};

document.getElementById('status').textContent = 'ready';
window.benchReady = true;
