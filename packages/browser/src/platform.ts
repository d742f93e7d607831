import type { ChannelPreference, Platform } from "@kobako/core";
import { compileFirst, type Location, prebundledWasm } from "./assets.js";
import { absolute, hint, moduleUrl } from "./location.js";
import { startFirst, workerSources } from "./spawn.js";

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
   * `Atomics.wait` on a cross-origin isolated page, else JS Promise Integration (Chromium 137+,
   * Firefox 139+), else replay (the invocation runs again after each service call: WebKit without
   * isolation). See `Platform.channel`.
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
 * URLs relative to `import.meta.url` (here and in spawn.ts) and emit both files. When Vite's dev
 * server serves this module from its pre-bundle cache and those URLs were not rewritten (Vite
 * 5–7), other locations are tried (`prebundledWorker`, `prebundledWasm` in assets.ts).
 */
export function createPlatform(options: PlatformOptions = {}): Platform {
  const platform: Platform = {
    async loadModule() {
      if (options.module) return options.module;
      return compileFirst(wasmUrls(options), options.wasmUrl ? undefined : hint());
    },
    startWorker: () =>
      startFirst(workerSources(options.workerUrl), options.workerUrl ? undefined : hint()),
  };
  if (options.maxWorkers !== undefined) platform.maxWorkers = options.maxWorkers;
  const channel = options.channel ?? options.serviceBridge;
  if (channel !== undefined) platform.channel = channel;
  if (options.bakeCache !== undefined) platform.bakeCache = options.bakeCache;
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
