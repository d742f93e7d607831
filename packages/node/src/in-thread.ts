import {
  type InThreadPlatformOptions as CoreOptions,
  createInThreadPlatform as createCorePlatform,
  type Platform,
} from "@kobako/core";
import { compileFile, wasmUrl } from "./platform.js";

/** Options of {@link createInThreadPlatform}: core's, with the module optional. */
export interface InThreadPlatformOptions extends Omit<CoreOptions, "module"> {
  /** A compiled kobako.wasm (or a promise of one) to use instead of the package's copy. */
  module?: WebAssembly.Module | Promise<WebAssembly.Module>;
  /** Path or file URL of a kobako.wasm to load instead of the package's copy. */
  wasmPath?: string | URL;
}

/**
 * A platform whose guest runs on the calling thread, without worker threads (see
 * `Threading`): services, blocks, the cooperative deadline and the caps hold; a runaway C call
 * cannot be stopped and invocations do not compute in parallel. The package's kobako.wasm is
 * compiled on first use unless `module` or `wasmPath` is given.
 *
 * ```ts
 * const sandbox = new Sandbox({}, createInThreadPlatform());
 * sandbox.threading; // "in-thread"
 * ```
 */
export function createInThreadPlatform(options: InThreadPlatformOptions = {}): Platform {
  const { module, wasmPath, ...rest } = options;
  if (module) return createCorePlatform({ ...rest, module });
  // Compiled on first use (the pool asks once, and again after a failure), as createPlatform does.
  const platform = createCorePlatform({ ...rest, module: new Promise<never>(() => {}) });
  platform.loadModule = () => compileFile(wasmPath ?? wasmUrl);
  return platform;
}
