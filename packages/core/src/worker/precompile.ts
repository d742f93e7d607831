import type { EvalLimits } from "../protocol.js";
import { encodeInvocation } from "../wire/index.js";
import { GuestInstance, NO_LIMITS } from "./guest.js";

const FIRST_EVAL = encodeInvocation([], [], { kind: "eval", source: "nil" });
/** "nil" cannot run long; the timeout only bounds a module that is not the shipped one. */
const LIMITS: EvalLimits = { ...NO_LIMITS, timeout: 1000 };

/**
 * Runs `eval("nil")` once on a throwaway instance of `module`, in the calling thread, so that the
 * engine compiles what a first invocation runs (the parser, the code generator, the VM): engines
 * compile wasm lazily, function by function, on first call, and V8 shares a module's compiled
 * code among all the threads it is posted to. A worker given `module` afterwards then answers its
 * first invocation as fast as later ones (in Node ~10 ms sooner; docs/BENCHMARKS.md, "The first
 * result"). Takes ~15 ms of this thread. Best effort: resolves either way, as the worker reports
 * a module that cannot run.
 */
export async function precompileFirstEval(module: WebAssembly.Module): Promise<void> {
  try {
    const guest = await GuestInstance.create(module, undefined, { warmUp: false });
    await guest.invoke(FIRST_EVAL, LIMITS);
  } catch {
    // Not a runnable kobako.wasm: the worker's own start says why.
  }
}
