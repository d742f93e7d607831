import {
  type BridgePreference,
  isReadyMessage,
  type Platform,
  SetupError,
  type SetupFailure,
  type WorkerHandle,
} from "@kobako/core";
import {
  compileFirst,
  diagnoseWorker,
  isPrebundled,
  type Location,
  PREBUNDLED_HINT,
  prebundledWasm,
  prebundledWorker,
} from "./assets.js";

/** Options of {@link createPlatform}. */
export interface PlatformOptions {
  /** A compiled kobako.wasm (or a promise of one), e.g. from your own `compileStreaming`. */
  module?: WebAssembly.Module | Promise<WebAssembly.Module>;
  /** Where to fetch kobako.wasm from instead of the package's copy (e.g. a CDN). */
  wasmUrl?: string | URL;
  /** Where to load the worker script (the package's `dist/worker.js`) from instead. */
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

/** A way to start the worker, and the URL it starts from (for messages). */
interface WorkerSource {
  from: string;
  create(): Worker;
}

const UNKNOWN_LOCATION =
  "This bundle gives the package no import.meta.url to find its files by: pass createPlatform({ workerUrl, wasmUrl }) (or { module }) with the URLs of the package's dist/worker.js and dist/kobako.wasm";

/** This module's URL, or `undefined` in a bundle format without one (esbuild IIFE or CJS). */
function moduleUrl(): string | undefined {
  try {
    const url: unknown = import.meta.url;
    return typeof url === "string" && url !== "" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** What to do when the package's own files were not found. */
function hint(): string | undefined {
  const here = moduleUrl();
  if (!here) return UNKNOWN_LOCATION;
  return isPrebundled(here) ? PREBUNDLED_HINT : undefined;
}

function describe(file: string, base: string | undefined): string {
  if (!base) return `./${file} (relative to an unknown import.meta.url)`;
  return new URL(file, base).href;
}

/** `url` resolved against the page, for messages. */
function absolute(url: string | URL): string {
  try {
    return new URL(url, (globalThis as { location?: { href: string } }).location?.href).href;
  } catch {
    return String(url);
  }
}

/**
 * A module worker from `url`. Browsers start workers only from the page's origin: a worker script
 * on another origin (a CDN) is started through a same-origin `blob:` module that imports it, which
 * needs the CDN's CORS headers (which CDNs send) and `worker-src blob:` under a CSP.
 */
function moduleWorker(url: string | URL): Worker {
  const page = (globalThis as { location?: { href: string; origin: string } }).location;
  const target = page ? new URL(url, page.href) : undefined;
  if (page && target && target.origin !== page.origin) {
    const shim = new Blob([`import ${JSON.stringify(target.href)};`], { type: "text/javascript" });
    const shimUrl = URL.createObjectURL(shim);
    const worker = new Worker(shimUrl, { type: "module" });
    // Loaded (it answers) or failed: either way the blob URL has served its purpose.
    const revoke = () => {
      URL.revokeObjectURL(shimUrl);
      worker.removeEventListener("message", revoke);
      worker.removeEventListener("error", revoke);
    };
    worker.addEventListener("message", revoke);
    worker.addEventListener("error", revoke);
    return worker;
  }
  return new Worker(url, { type: "module" });
}

function hasWorkers(): boolean {
  return typeof Worker === "function";
}

/**
 * The worker sources to try, in order. The first is the literal `new Worker(new URL(…,
 * import.meta.url))` that Vite, webpack and Rollup plugins recognise and rewrite.
 */
function workerSources(options: PlatformOptions): WorkerSource[] {
  const { workerUrl } = options;
  if (workerUrl) {
    return [{ from: absolute(workerUrl), create: () => moduleWorker(workerUrl) }];
  }
  const here = moduleUrl();
  return [
    {
      from: describe("./worker.js", here),
      create: () => new Worker(new URL("./worker.js", import.meta.url), { type: "module" }),
    },
    ...prebundledWorker(here).map((url) => ({
      from: url.href,
      create: () => new Worker(url, { type: "module" }),
    })),
  ];
}

/** Starts a worker and waits until its runtime says it is ready; rejects with the reason. */
function startWorker(source: WorkerSource): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = source.create();
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
      diagnoseWorker(source.from, event.message ?? "").then((reason) => reject(new Error(reason)));
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", onError);
  });
}

async function startFirst(
  sources: readonly WorkerSource[],
  advice: string | undefined,
): Promise<WorkerHandle> {
  if (!hasWorkers()) {
    throw SetupError.of([
      {
        what: "the worker",
        reason:
          "this environment has no Web Worker (@kobako/browser runs in browsers; use @kobako/node in Node)",
      },
    ]);
  }
  const failures: SetupFailure[] = [];
  for (const source of sources) {
    try {
      const worker = await startWorker(source);
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
      failures.push({
        what: "the worker script",
        from: source.from,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  throw SetupError.of(failures, advice);
}

function wasmUrls(options: PlatformOptions): Location[] {
  if (options.wasmUrl) return [absolute(options.wasmUrl)];
  const here = moduleUrl();
  let own: URL | undefined;
  try {
    own = new URL("./kobako.wasm", import.meta.url);
  } catch {
    // No import.meta.url (esbuild IIFE/CJS): only explicit options can say where the file is.
  }
  return [...(own ? [own] : []), ...prebundledWasm(here)];
}

/**
 * A platform of module Web Workers. kobako.wasm is fetched and compiled once per platform (per
 * page for the default one) and posted to each worker. Nothing is resolved or started until the
 * first invocation, so creating a platform never throws, whatever the bundle format.
 *
 * Bundlers (Vite, webpack, Rollup with the usual plugins) recognise the literal worker and wasm
 * URLs relative to `import.meta.url` above and emit both files. When Vite's dev server serves this
 * module from its pre-bundle cache and those URLs were not rewritten (Vite 5–7), the dev server is
 * asked where the package's files are (see `prebundledFallback`).
 */
export function createPlatform(options: PlatformOptions = {}): Platform {
  const platform: Platform = {
    async loadModule() {
      if (options.module) return options.module;
      return compileFirst(wasmUrls(options), options.wasmUrl ? undefined : hint());
    },
    startWorker: () => startFirst(workerSources(options), options.workerUrl ? undefined : hint()),
  };
  if (options.maxWorkers !== undefined) platform.maxWorkers = options.maxWorkers;
  if (options.serviceBridge !== undefined) platform.serviceBridge = options.serviceBridge;
  return platform;
}

let shared: Platform | undefined;

/**
 * The platform every `Sandbox` of this package uses unless given another. It is created on first
 * use (its first invocation), never at import: importing the package does nothing in SSR, in Node
 * or in a bundle without `import.meta.url`.
 */
export const defaultPlatform: Platform = {
  loadModule: () => {
    shared ??= createPlatform();
    return shared.loadModule();
  },
  startWorker: () => {
    shared ??= createPlatform();
    return shared.startWorker();
  },
};
