// What the suite imports as "@kobako/node", in workerd: @kobako/core, with an in-thread platform
// on the kobako.wasm imported as a module (workerd compiles no wasm from bytes, has no workers).
import { createInThreadPlatform as coreInThreadPlatform, SetupError } from "@kobako/core";
import kobako from "./kobako.wasm";

export * from "@kobako/core";

export function createInThreadPlatform({ wasmPath, ...options } = {}) {
  const platform = coreInThreadPlatform({ ...options, module: kobako });
  if (wasmPath !== undefined) {
    // Another wasm would be another module of the Worker: a path cannot be loaded here.
    platform.loadModule = async () => {
      throw SetupError.of([
        { what: "kobako.wasm", from: String(wasmPath), reason: "workerd loads wasm modules only" },
      ]);
    };
  }
  return platform;
}

export function createPlatform() {
  throw new Error("workerd has no workers: the suite uses createInThreadPlatform here");
}
