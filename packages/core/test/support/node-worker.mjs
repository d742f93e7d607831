// A worker thread running the built worker runtime (core's dist: run `pnpm build` first).
import { parentPort } from "node:worker_threads";
import { exposeWorkerRuntime } from "../../dist/worker/index.js";

const listeners = new Map();
exposeWorkerRuntime({
  postMessage: (message, transfer) => parentPort.postMessage(message, transfer),
  addEventListener: (_type, listener) => {
    const forward = (data) => listener({ data });
    listeners.set(listener, forward);
    parentPort.on("message", forward);
  },
  removeEventListener: (_type, listener) => {
    parentPort.off("message", listeners.get(listener));
    listeners.delete(listener);
  },
});
