import { type BridgeReply, transferList } from "../protocol.js";
import { type GuestAccess, putReply, takeRequest, type WorkerBridge } from "./bridge-io.js";

/** JS Promise Integration, not yet in TypeScript's lib. */
interface Jspi {
  Suspending: new (fn: (...args: number[]) => Promise<number>) => WebAssembly.ImportValue;
  promising<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => Promise<R>;
}

function jspi(): Jspi | undefined {
  const api = WebAssembly as unknown as Partial<Jspi>;
  return typeof api.Suspending === "function" && typeof api.promising === "function"
    ? (api as Jspi)
    : undefined;
}

/** Whether this engine has JS Promise Integration (`WebAssembly.Suspending`/`promising`). */
export function jspiAvailable(): boolean {
  return jspi() !== undefined;
}

/**
 * The worker side of the JSPI bridge: the service import suspends the guest while the worker
 * awaits the host's reply message, so no shared memory (and no cross-origin isolation) is needed.
 * The guest's entry point must run under `WebAssembly.promising`, which makes invocations async.
 */
export class JspiBridge implements WorkerBridge {
  readonly mode = "jspi" as const;
  readonly serviceCall: WebAssembly.ImportValue;
  readonly #promising = new WeakMap<object, (length: number) => Promise<number>>();
  #waiting: ((reply: Uint8Array) => void) | undefined;

  constructor(
    private readonly port: MessagePort,
    private readonly guest: GuestAccess,
  ) {
    port.onmessage = (event: MessageEvent<BridgeReply>) => {
      const resume = this.#waiting;
      this.#waiting = undefined;
      resume?.(event.data.reply);
    };
    const api = jspi() as Jspi;
    this.serviceCall = new api.Suspending((at: number, length: number) => this.#call(at, length));
  }

  async #call(at: number, length: number): Promise<number> {
    const request = takeRequest(this.guest.memory(), at, length);
    const reply = new Promise<Uint8Array>((resolve) => {
      this.#waiting = resolve;
    });
    this.port.postMessage(request, "call" in request ? transferList(request.call) : []);
    return putReply(this.guest, await reply);
  }

  enter(entry: (length: number) => number, length: number): Promise<number> {
    let wrapped = this.#promising.get(entry);
    if (!wrapped) {
      wrapped = (jspi() as Jspi).promising(entry);
      this.#promising.set(entry, wrapped);
    }
    return wrapped(length);
  }

  takeFailure(): undefined {
    return undefined;
  }
}
