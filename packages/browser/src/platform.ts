import {
  type BridgePreference,
  isReadyMessage,
  type Platform,
  type WorkerHandle,
} from "@kobako/core";
import { compileFirst, prebundledFallback } from "./assets.js";

/** Options of {@link createPlatform}. */
export interface PlatformOptions {
  /** A compiled kobako.wasm (or a promise of one), e.g. from your own `compileStreaming`. */
  module?: WebAssembly.Module | Promise<WebAssembly.Module>;
  /** Where to fetch kobako.wasm from instead of the package's copy (e.g. a CDN). */
  wasmUrl?: string | URL;
  /** Where to load the worker script from instead of the package's copy. */
  workerUrl?: string | URL;
  /** Most workers the pool starts; default `min(navigator.hardwareConcurrency, 4)`. */
  maxWorkers?: number;
  /**
   * How a guest waiting on a service reaches the page; default `"auto"`: `SharedArrayBuffer` +
   * `Atomics.wait` on a cross-origin isolated page, else JS Promise Integration (Chromium 137+).
   * See `Platform.serviceBridge`.
   */
  serviceBridge?: BridgePreference;
}

type WorkerFactory = () => Worker;

/** Starts a worker and waits until its runtime says it is ready, or fails to load. */
function startWorker(create: WorkerFactory): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = create();
    const done = () => {
      worker.removeEventListener("message", onMessage);
      worker.removeEventListener("error", onError);
    };
    const onMessage = (event: MessageEvent) => {
      if (!isReadyMessage(event.data)) return;
      done();
      resolve(worker);
    };
    const onError = (event: ErrorEvent) => {
      done();
      worker.terminate();
      reject(
        new Error(`the worker script failed to load${event.message ? `: ${event.message}` : ""}`),
      );
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", onError);
  });
}

async function startFirst(factories: readonly WorkerFactory[]): Promise<WorkerHandle> {
  let failure: unknown;
  for (const create of factories) {
    try {
      const worker = await startWorker(create);
      return {
        endpoint: worker,
        terminate: () => worker.terminate(),
        onError(listener) {
          worker.addEventListener("error", (event) =>
            listener(new Error(`the worker failed: ${event.message || "unknown error"}`)),
          );
        },
      };
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/**
 * A platform of module Web Workers. kobako.wasm is fetched and compiled once per platform (per
 * page for the default one) and posted to each worker.
 *
 * Bundlers (Vite, webpack, Rollup with the usual plugins) recognise the literal worker and wasm
 * URLs relative to `import.meta.url` below and emit both files. When Vite's dev server serves this
 * module from its pre-bundle cache and those URLs were not rewritten, the files are looked up in
 * node_modules instead.
 */
export function createPlatform(options: PlatformOptions = {}): Platform {
  const here = import.meta.url;
  const workerFactories: WorkerFactory[] = options.workerUrl
    ? [() => new Worker(options.workerUrl as string | URL, { type: "module" })]
    : [
        () => new Worker(new URL("./worker.js", import.meta.url), { type: "module" }),
        ...prebundledFallback(here, "worker.js").map(
          (url): WorkerFactory =>
            () =>
              new Worker(url, { type: "module" }),
        ),
      ];
  const platform: Platform = {
    async loadModule() {
      if (options.module) return options.module;
      if (options.wasmUrl) return compileFirst([options.wasmUrl]);
      return compileFirst([
        new URL("./kobako.wasm", import.meta.url),
        ...prebundledFallback(here, "kobako.wasm"),
      ]);
    },
    startWorker: () => startFirst(workerFactories),
  };
  if (options.maxWorkers !== undefined) platform.maxWorkers = options.maxWorkers;
  if (options.serviceBridge !== undefined) platform.serviceBridge = options.serviceBridge;
  return platform;
}

/** The platform every `Sandbox` of this package uses unless given another. */
export const defaultPlatform: Platform = createPlatform();
