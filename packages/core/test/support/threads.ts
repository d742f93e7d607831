import { Worker } from "node:worker_threads";
import type { Endpoint } from "comlink";
import type { Platform } from "../../src/host/platform.js";

function endpoint(worker: Worker): Endpoint {
  const listeners = new Map<unknown, (data: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) =>
      worker.postMessage(message, transfer as never),
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => {
      const forward = (data: unknown) => (listener as (event: unknown) => void)({ data });
      listeners.set(listener, forward);
      worker.on("message", forward);
    },
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => {
      const forward = listeners.get(listener);
      if (forward) worker.off("message", forward);
      listeners.delete(listener);
    },
  };
}

/**
 * A platform of real worker threads running core's built worker runtime (test/support/
 * node-worker.mjs imports dist/): what service calls need, since the guest blocks its thread.
 */
export function threadPlatform(
  loadModule: () => Promise<WebAssembly.Module>,
  maxWorkers = 1,
): Platform {
  return {
    maxWorkers,
    loadModule,
    startWorker() {
      const worker = new Worker(new URL("./node-worker.mjs", import.meta.url));
      worker.unref();
      return {
        endpoint: endpoint(worker),
        terminate: () => worker.terminate(),
        onError(listener) {
          worker.on("error", listener);
          worker.on("exit", (code) => listener(new Error(`the worker exited (code ${code})`)));
        },
      };
    },
  };
}
