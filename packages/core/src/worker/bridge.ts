import type { BridgeInit } from "../protocol.js";
import { AtomicsBridge } from "./atomics-bridge.js";
import type { GuestAccess, WorkerBridge } from "./bridge-io.js";
import { JspiBridge, jspiAvailable } from "./jspi-bridge.js";

const NO_BRIDGE =
  "service calls need a synchronous bridge to the host: SharedArrayBuffer with Atomics " +
  "(Node, or a cross-origin isolated page) or JS Promise Integration (WebAssembly.Suspending), " +
  "and this engine offers neither";

/** No way to block for the host: every service call fails with a clear message. */
class NoBridge implements WorkerBridge {
  readonly mode = "none" as const;
  deadline = Number.POSITIVE_INFINITY;
  epoch = 0;
  #failure: string | undefined;

  readonly serviceCall = (): number => {
    this.#failure = NO_BRIDGE;
    return -1;
  };

  enter(entry: (length: number) => number, length: number): number {
    return entry(length);
  }

  takeFailure(): string | undefined {
    const failure = this.#failure;
    this.#failure = undefined;
    return failure;
  }
}

function atomicsAvailable(init: BridgeInit): boolean {
  return (
    init.shared !== undefined && typeof Atomics === "object" && typeof Atomics.wait === "function"
  );
}

/**
 * Picks the bridge `init` asks for, or the best one this engine has. Without `init` (a runtime
 * with no host to call, as in tests) every service call fails.
 */
export function createWorkerBridge(init: BridgeInit | undefined, guest: GuestAccess): WorkerBridge {
  if (!init) return new NoBridge();
  const { preference } = init;
  if (preference !== "jspi" && atomicsAvailable(init)) {
    return new AtomicsBridge(
      init.port,
      init.shared as SharedArrayBuffer,
      init.listening === true,
      guest,
    );
  }
  if (preference === "atomics") {
    throw new Error("the atomics service bridge needs a SharedArrayBuffer, which the host has not");
  }
  if (jspiAvailable()) return new JspiBridge(init.port, guest);
  if (preference === "jspi") {
    throw new Error(
      "the JSPI service bridge needs WebAssembly.Suspending, which this engine lacks",
    );
  }
  return new NoBridge();
}
