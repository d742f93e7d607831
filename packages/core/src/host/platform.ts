import type { Endpoint } from "comlink";
import type { ChannelPreference } from "../channel/contract.js";

/**
 * Where a platform runs its guest instances:
 * - `"worker"`: each in a worker (a `worker_threads` Worker, a Web Worker). Invocations of
 *   different sandboxes run in parallel, and a runaway is stopped by terminating its worker.
 * - `"in-thread"`: on the host's own thread (hosts without workers, such as workerd). A service
 *   returning a plain value answers at once; an async one waits with JSPI where the engine has
 *   it, else by replay (`channel`). The cooperative deadline and the memory cap hold; there is no
 *   hard backstop (nothing can stop a guest stuck in one long C call) and no parallelism: the
 *   host's thread is busy while a guest runs. See docs/ARCHITECTURE.md, "In-thread mode".
 */
export type Threading = "worker" | "in-thread";

/** A started worker, as a platform adapter hands it to the pool. */
export interface WorkerHandle {
  /** The worker's message port, adapted to comlink's `Endpoint`. */
  endpoint: Endpoint;
  /** Ends the worker at once, whatever it is doing. */
  terminate(): unknown;
  /** Registers a listener for the worker dying or failing to load after it was handed over. */
  onError?(listener: (error: Error) => void): void;
  /** Lets the process exit while this worker idles (Node); `ref` undoes it while it works. */
  unref?(): void;
  ref?(): void;
}

/**
 * What a platform adapter (`@kobako/node`, `@kobako/browser`) provides: how to start a worker
 * running `exposeWorkerRuntime`, and how to get the compiled kobako.wasm. Core calls
 * `loadModule` once per platform object and shares one worker pool between all its sandboxes.
 */
export interface Platform {
  startWorker(): WorkerHandle | Promise<WorkerHandle>;
  loadModule(): Promise<WebAssembly.Module>;
  /**
   * Where the guest instances run (see {@link Threading}); default `"worker"`.
   * `createInThreadPlatform` makes an `"in-thread"` one.
   */
  threading?: Threading;
  /** Upper bound of workers in the pool; default `min(hardwareConcurrency, 4)`. */
  maxWorkers?: number;
  /**
   * How a guest waiting on a service reaches the host (see docs/ARCHITECTURE.md, "Service
   * calls"). Default `"auto"`: `"atomics"` (`SharedArrayBuffer` + `Atomics.wait`) where the host
   * can share memory (Node; cross-origin isolated pages), else `"jspi"` (JS Promise Integration)
   * where the engine has it, else `"replay"` (the invocation runs again from its start after each
   * service call; any engine). Forcing a mode the engine lacks makes workers fail to start.
   */
  channel?: ChannelPreference;
  /** @deprecated The former name of {@link channel}. */
  serviceBridge?: ChannelPreference;
  /**
   * Bytes of baked preload states each worker keeps (docs/ARCHITECTURE.md, "Baked preloads");
   * default 24 MiB. `0` turns baking off: every invocation replays its services and snippets.
   */
  bakeCache?: number;
}
