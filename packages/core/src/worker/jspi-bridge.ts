import { type BridgeReply, transferList } from "../protocol.js";
import {
  DeadlineExceeded,
  type GuestAccess,
  putReply,
  takeRequest,
  type WorkerBridge,
} from "./bridge-io.js";

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

// Beyond this setTimeout fires at once instead of late.
const MAX_TIMER = 2 ** 31 - 1;

interface Waiting {
  readonly seq: number;
  resolve(reply: Uint8Array): void;
}

/**
 * The worker side of the JSPI bridge: the service import suspends the guest while the worker
 * awaits the host's reply message, so no shared memory (and no cross-origin isolation) is needed.
 * The guest's entry point must run under `WebAssembly.promising`, which makes invocations async.
 * Requests carry a sequence number that the reply echoes: once the worker stopped waiting for a
 * reply (the deadline passed), a late one must not answer a later request.
 */
export class JspiBridge implements WorkerBridge {
  readonly mode = "jspi" as const;
  readonly serviceCall: WebAssembly.ImportValue;
  deadline = Number.POSITIVE_INFINITY;
  epoch = 0;
  readonly #promising = new WeakMap<object, (length: number) => Promise<number>>();
  #waiting: Waiting | undefined;
  #seq = 0;

  constructor(
    private readonly port: MessagePort,
    private readonly guest: GuestAccess,
  ) {
    port.onmessage = (event: MessageEvent<BridgeReply>) => {
      const waiting = this.#waiting;
      if (!waiting || event.data.seq !== waiting.seq) return;
      this.#waiting = undefined;
      waiting.resolve(event.data.reply);
    };
    const api = jspi() as Jspi;
    this.serviceCall = new api.Suspending((at: number, length: number) => this.#call(at, length));
  }

  async #call(at: number, length: number): Promise<number> {
    const seq = ++this.#seq;
    const request = takeRequest(this.guest.memory(), at, length, { seq, epoch: this.epoch });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reply = new Promise<Uint8Array>((resolve, reject) => {
      this.#waiting = { seq, resolve };
      const left = this.deadline - performance.now();
      if (left === Number.POSITIVE_INFINITY) return;
      timer = setTimeout(
        () => {
          if (this.#waiting?.seq === seq) this.#waiting = undefined;
          reject(new DeadlineExceeded());
        },
        Math.min(Math.max(0, left), MAX_TIMER),
      );
    });
    this.port.postMessage(request, "call" in request ? transferList(request.call) : []);
    try {
      return putReply(this.guest, await reply);
    } finally {
      clearTimeout(timer);
    }
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
