// The floor of any worker-based first result, in the same kind of page: an empty module worker's
// first message, and kobako.wasm fetched and compiled (compileStreaming), started together as
// @kobako/browser starts them. What kobako adds to this is the guest's boot and its first eval.
import wasmUrl from "@kobako/browser/kobako.wasm?url";

const module = performance.now();
const compiled = WebAssembly.compileStreaming(fetch(wasmUrl)).then(() => performance.now());
const worker = new Worker(new URL("./floor-worker.js", import.meta.url), { type: "module" });
const online = new Promise((resolve) => {
  worker.onmessage = () => resolve(performance.now());
});
const [compiledAt, onlineAt] = await Promise.all([compiled, online]);
globalThis.benchFirst = {
  at: Math.max(compiledAt, onlineAt),
  module,
  value: null,
  compiledAt,
  onlineAt,
};
