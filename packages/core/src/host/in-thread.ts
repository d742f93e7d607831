// The in-thread platform: for hosts without workers (workerd, some serverless runtimes). Its
// "workers" are the same worker runtime (worker/runtime.ts) running on the host's thread behind
// an in-memory endpoint, and their channel calls the host's dispatcher directly
// (channel/in-thread.ts). Nothing here is specific to one host: no Node import, no DOM.
import type { Endpoint } from "comlink";
import type { ChannelPreference } from "../channel/contract.js";
import { exposeWorkerRuntime } from "../worker/runtime.js";
import type { Platform, WorkerHandle } from "./platform.js";

/** Options of {@link createInThreadPlatform}. */
export interface InThreadPlatformOptions {
  /**
   * The compiled kobako.wasm (or a promise of one): edge platforms hand it out as an imported
   * module (`import wasm from "./kobako.wasm"`) and allow no compiling from bytes.
   */
  module: WebAssembly.Module | Promise<WebAssembly.Module>;
  /**
   * How a guest waits on an async service: `"auto"` (default) is `"jspi"` where the engine has
   * JS Promise Integration, else `"replay"` (the invocation runs again from its start after each
   * async call). Services that return a plain value answer at once in either mode. `"atomics"`
   * cannot work in-thread and makes every invocation fail.
   */
  channel?: ChannelPreference;
  /**
   * Most guest instances kept; default 1. Each costs its memory (a few MiB and what its
   * invocations grew it to); more than one lets invocations of different sandboxes wait on
   * async services at the same time (they never compute at the same time).
   */
  maxInstances?: number;
  /**
   * Bytes of baked preload states kept (see `Platform.bakeCache`); default 0 in-thread, where
   * baking would compute on the host's thread and keep a second guest instance.
   */
  bakeCache?: number;
}

/** Whether the engine has JS Promise Integration. */
function hasJspi(): boolean {
  const api = WebAssembly as unknown as { Suspending?: unknown; promising?: unknown };
  return typeof api.Suspending === "function" && typeof api.promising === "function";
}

type Listener = EventListenerOrEventListenerObject;

/**
 * Two comlink endpoints joined in memory: what one posts, the other's listeners get in a
 * microtask, by reference (nothing is cloned or transferred: both ends are on one thread).
 */
function endpointPair(): [Endpoint & { close(): void }, Endpoint & { close(): void }] {
  const listeners: [Set<Listener>, Set<Listener>] = [new Set(), new Set()];
  let closed = false;
  const end = (own: Set<Listener>, peer: Set<Listener>) => ({
    postMessage(message: unknown) {
      if (closed) return;
      queueMicrotask(() => {
        if (closed) return;
        const event = { data: message } as MessageEvent;
        for (const listener of peer) {
          if (typeof listener === "function") listener(event);
          else listener.handleEvent(event);
        }
      });
    },
    addEventListener(_type: string, listener: Listener) {
      own.add(listener);
    },
    removeEventListener(_type: string, listener: Listener) {
      own.delete(listener);
    },
    close() {
      closed = true;
      listeners[0].clear();
      listeners[1].clear();
    },
  });
  return [end(listeners[0], listeners[1]), end(listeners[1], listeners[0])];
}

/** An in-thread "worker": the worker runtime served on one end of an endpoint pair. */
function startInThread(): WorkerHandle {
  const [host, runtime] = endpointPair();
  exposeWorkerRuntime(runtime);
  // Terminating cannot stop a guest that is computing (this very thread runs it); it cuts the
  // runtime off: no reply, no service call of it reaches the host any more.
  return { endpoint: host, terminate: () => host.close() };
}

/**
 * A platform whose guest instances run on the calling thread, for hosts without workers. Give it
 * to a sandbox: `new Sandbox(options, createInThreadPlatform({ module }))`. What holds and what
 * does not is in `Threading` and docs/ARCHITECTURE.md ("In-thread mode"): services (sync
 * everywhere, async with JSPI or replay), blocks, the cooperative deadline, the memory and output
 * caps hold; a runaway C call cannot be stopped, and invocations do not compute in parallel.
 */
export function createInThreadPlatform(options: InThreadPlatformOptions): Platform {
  const { module } = options;
  if (!module)
    throw new TypeError("createInThreadPlatform needs { module }: a compiled kobako.wasm");
  const preference = options.channel ?? "auto";
  return {
    threading: "in-thread",
    // The mode a guest will wait on async services with, decided here so the platform says it.
    channel: preference === "auto" ? (hasJspi() ? "jspi" : "replay") : preference,
    maxWorkers: Math.max(1, Math.floor(options.maxInstances ?? 1)),
    bakeCache: options.bakeCache ?? 0,
    loadModule: async () => module,
    startWorker: startInThread,
  };
}
