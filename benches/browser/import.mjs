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

/// The chunks of a packed import result (`ingest::transfer`): report, head, then each chunk.
function packedParts(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  let at = 4;
  const take = () => { const len = view.getUint32(at, true); const part = packed.subarray(at + 4, at + 4 + len); at += 4 + len; return part; };
  const report = take();
  const head = take();
  const count = view.getUint32(at, true);
  at += 4;
  const chunks = [];
  for (let k = 0; k < count; k++) chunks.push(take());
  return { report, head, chunks };
}

/// One chunk's rows, values and missing bitmap (`columns.rs`: "VGCH", version, rows, sections).
function chunkValues(chunk) {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const rows = view.getUint32(5, true);
  const sections = chunk[9];
  let at = 10;
  let values = null;
  let missing = null;
  for (let k = 0; k < sections; k++) {
    const tag = chunk[at];
    const len = view.getUint32(at + 1, true);
    const body = chunk.subarray(at + 5, at + 5 + len);
    if (tag === 4) values = body;
    if (tag === 5) missing = body;
    at += 5 + len;
  }
  if (!values || !missing || values.length !== rows * 8) throw new Error('a chunk without its values');
  const v = new DataView(values.buffer, values.byteOffset, values.byteLength);
  return { rows, value: (i) => v.getFloat64(i * 8, true), missing: (i) => (missing[i >> 3] & (1 << (i & 7))) !== 0 };
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/// How many of the expected numbers (`expected`, NaN for none) Vigie's observations hold. Vigie
/// orders observations by series, not in the file's order, so the two are compared as multisets:
/// both sorted, then walked together, each expected number matched at most once.
function vigieRight(packed, expected) {
  const { chunks } = packedParts(packed);
  const got = [];
  for (const c of chunks) {
    const ch = chunkValues(c);
    for (let i = 0; i < ch.rows; i++) if (!ch.missing(i)) got.push(ch.value(i));
  }
  const a = Float64Array.from(got).sort();
  const b = expected.filter((v) => !Number.isNaN(v)).sort();
  let right = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { right++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return right;
}

/// Observations of the wasm's answer that differ from the native one: chunk by chunk, a chunk
/// equal byte for byte differs nowhere; otherwise each row whose value or missing mark differs,
/// and every row of the chunk when any other column differs. A different head or chunk count
/// counts every observation.
function nativeMismatches(packed, native) {
  const a = packedParts(packed);
  const b = packedParts(native);
  const rows = (parts) => parts.chunks.reduce((n, c) => n + chunkValues(c).rows, 0);
  if (!sameBytes(a.head, b.head) || a.chunks.length !== b.chunks.length) return Math.max(rows(a), rows(b));
  let differ = 0;
  a.chunks.forEach((c, k) => {
    if (sameBytes(c, b.chunks[k])) return;
    const x = chunkValues(c);
    const y = chunkValues(b.chunks[k]);
    if (x.rows !== y.rows || c.length !== b.chunks[k].length) { differ += Math.max(x.rows, y.rows); return; }
    let values = 0;
    for (let i = 0; i < x.rows; i++) {
      if (x.missing(i) !== y.missing(i) || !Object.is(x.value(i), y.value(i))) values++;
    }
    // The value and missing sections differ in `values` rows; if the bytes differ elsewhere too,
    // the whole chunk counts.
    differ += values > 0 ? values : x.rows;
  });
  return differ;
}

/// How many expected numbers a peer's typed rows hold: `cell(i, c)` is row i's column c.
function peerRight(f, expected, rowCount, cell) {
  const width = f.valueTo - f.valueFrom;
  let right = 0;
  for (let i = 0; i < rowCount; i++) {
    for (let c = f.valueFrom; c < f.valueTo; c++) {
      const e = expected[i * width + (c - f.valueFrom)];
      if (!Number.isNaN(e) && cell(i, c) === e) right++;
    }
  }
  return right;
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

    // Correctness, untimed: every parser's typed values against the numbers the file holds, and
    // Vigie's wasm answer against the native one, observation by observation.
    const expected = new Float64Array(await (await fetch(`${f.url}.expected`)).arrayBuffer());
    const native = new Uint8Array(await (await fetch(`${f.url}.native`)).arrayBuffer());
    await pause();
    const v = await vigieRun(worker, f.name, bytes);
    r.vigieRight = vigieRight(v.packed, expected);
    r.nativeMismatches = nativeMismatches(v.packed, native);
    await pause();
    {
      const text = new TextDecoder().decode(bytes);
      const rows = initParser(inferSchema(text)).typedArrs(text);
      r.udsvRight = peerRight(f, expected, rows.length, (i, c) => rows[i][c]);
    }
    await pause();
    {
      const p = Papa.parse(new TextDecoder().decode(bytes), { header: true, dynamicTyping: true, skipEmptyLines: true });
      const fields = p.meta.fields;
      r.papaparseRight = peerRight(f, expected, p.data.length, (i, c) => p.data[i][fields[c]]);
    }
    out.push(r);
  }
  worker.terminate();
  return out;
};

document.getElementById('status').textContent = 'ready';
window.benchReady = true;
