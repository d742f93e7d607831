import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import {
  type ChannelPreference,
  type Platform,
  precompileFirstEval,
  SetupError,
  type WorkerHandle,
} from "@kobako/core";
import { nodeEndpoint } from "./endpoint.js";

/** Options of {@link createPlatform}. */
export interface PlatformOptions {
  /** A compiled kobako.wasm (or a promise of one) to use instead of the package's copy. */
  module?: WebAssembly.Module | Promise<WebAssembly.Module>;
  /** Path or file URL of a kobako.wasm to load instead of the package's copy. */
  wasmPath?: string | URL;
  /** Most worker threads the pool starts; default `min(availableParallelism(), 4)`. */
  maxWorkers?: number;
  /**
   * How a guest waiting on a service reaches the host; default `"auto"`, which in Node is always
   * `SharedArrayBuffer` + `Atomics.wait` (`"atomics"`). `"replay"` runs the invocation again
   * after each service call, as engines without shared memory or JSPI do (see
   * `Platform.channel`).
   */
  channel?: ChannelPreference;
  /** @deprecated The former name of {@link channel}. */
  serviceBridge?: ChannelPreference;
  /**
   * Bytes of baked preload states each worker keeps; default 24 MiB, `0` turns baking off
   * (see `Platform.bakeCache`).
   */
  bakeCache?: number;
}

const workerUrl = new URL("./worker.js", import.meta.url);
/** The package's own kobako.wasm. */
export const wasmUrl = new URL("./kobako.wasm", import.meta.url);

function start(): WorkerHandle {
  // No inherited execArgv: flags such as --input-type or loader hooks make no sense in (or break) it.
  const worker = new Worker(workerUrl, { execArgv: [] });
  return {
    endpoint: nodeEndpoint(worker),
    terminate: () => worker.terminate(),
    onError(listener) {
      worker.on("error", listener);
      worker.on("exit", (code) => listener(new Error(`the worker thread exited (code ${code})`)));
    },
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
}

/** Reads and compiles kobako.wasm; a missing or broken file is a `SetupError` naming its path. */
export async function compileFile(path: string | URL): Promise<WebAssembly.Module> {
  const from =
    path instanceof URL && path.protocol === "file:" ? fileURLToPath(path) : String(path);
  try {
    return await WebAssembly.compile(await readFile(path));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw SetupError.of([{ what: "kobako.wasm", from, reason }]);
  }
}

/**
 * A platform of worker threads. kobako.wasm is compiled once per platform, its first-eval path
 * compiled on this thread while the first worker starts (`precompileFirstEval`), and posted to
 * each worker. Idle workers do not keep the process alive.
 */
export function createPlatform(options: PlatformOptions = {}): Platform {
  const platform: Platform = {
    maxWorkers: options.maxWorkers ?? Math.min(availableParallelism(), 4),
    async loadModule() {
      const module = await (options.module ?? compileFile(options.wasmPath ?? wasmUrl));
      // While the first worker thread starts (~27 ms here), this thread compiles what a first
      // eval runs; V8 shares that code with the worker, whose first result comes ~10 ms sooner.
      await precompileFirstEval(module);
      return module;
    },
    startWorker: start,
  };
  const channel = options.channel ?? options.serviceBridge;
  if (channel !== undefined) platform.channel = channel;
  if (options.bakeCache !== undefined) platform.bakeCache = options.bakeCache;
  return platform;
}

/** The platform every `Sandbox` of this package uses unless given another. */
export const defaultPlatform: Platform = createPlatform();
