// The import Web Worker. It loads the import engine, a wasm of its own that the page never downloads
// (`vigie-worker.js` and `vigie-worker_bg.wasm`, built by trunk from crates/vigie-worker; a message
// may name other URLs), and runs `worker_import` off the main thread:
// progress goes back as messages, the packed result is transferred without a copy. Cancelling an
// import terminates the worker; the page starts a new one for the next file. Any failure here is
// reported as `failed` with `fatal: true` (the wasm instance may be broken: a panic aborts it), and the
// page replaces this worker by a fresh one before the next read.
let ready = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    const glue = msg.glue ?? '/vigie-worker.js';
    const wasm = msg.wasm ?? '/vigie-worker_bg.wasm';
    ready = import(glue).then(async (bindings) => {
      await bindings.default({ module_or_path: wasm });
      return bindings;
    });
    ready.then(
      () => self.postMessage({ type: "ready" }),
      (e) => self.postMessage({ type: "failed", fatal: true, message: String((e && e.message) || e) }),
    );
    return;
  }
  if (msg.type === "import") {
    try {
      const bindings = await ready;
      const started = performance.now();
      // The page posts `File`s (no copy on its thread), read here; the benchmark posts bytes.
      const bytesOf = async (f) => (f instanceof Blob ? new Uint8Array(await f.arrayBuffer()) : f);
      const bytes = await bytesOf(msg.file ?? msg.bytes);
      const companions = await Promise.all(msg.companions.map(async ([name, f]) => [name, await bytesOf(f)]));
      const packed = bindings.worker_import(msg.name, bytes, companions, msg.options, (read, total) =>
        self.postMessage({ type: "progress", read, total }),
      );
      const ms = performance.now() - started;
      self.postMessage({ type: "done", packed, ms }, [packed.buffer]);
    } catch (e) {
      let message = String((e && e.message) || e);
      try {
        const bindings = await ready;
        message = bindings.worker_panic_message() ?? message;
      } catch (_) {
        // The engine never started: the load failure's own message is the clearest.
      }
      self.postMessage({ type: "failed", fatal: true, message });
    }
  }
};
