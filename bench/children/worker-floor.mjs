// A fresh process: how long Node takes to start an empty worker thread and hear from it, the
// floor under any worker-based first result.
import { Worker } from "node:worker_threads";

const started = performance.now();
const worker = new Worker('require("node:worker_threads").parentPort.postMessage(0)', {
  eval: true,
});
await new Promise((resolve) => worker.once("message", resolve));
const ready = performance.now() - started;
await worker.terminate();
console.log(JSON.stringify({ ready }));
