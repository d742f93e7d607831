// The JSPI mode: the service import is a `WebAssembly.Suspending` function, so the guest's stack
// is suspended while the worker awaits the host's reply message. No shared memory (and no
// cross-origin isolation) needed. Both ends are here.
import type { ChannelKind, GuestAccess, GuestRun, WorkerEnd } from "./contract.js";
import { PostedHostEnd } from "./host-end.js";
import { putReply, ReplyWaiter, takeRequest } from "./io.js";

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

/**
 * The worker's end. The guest's entry point runs under `WebAssembly.promising`, which makes
 * invocations async. Requests carry a number that the reply echoes: once the worker stopped
 * waiting for a reply (the deadline passed), a late one must not answer a later request.
 */
export class JspiWorkerEnd implements WorkerEnd {
  readonly mode = "jspi" as const;
  readonly freezesClock = false;
  readonly serviceCall: WebAssembly.ImportValue;
  deadline = Number.POSITIVE_INFINITY;
  epoch = 0;
  readonly #promising = new WeakMap<object, (length: number) => Promise<number>>();
  readonly #replies: ReplyWaiter;
  #seq = 0;

  constructor(
    private readonly port: MessagePort,
    private readonly guest: GuestAccess,
  ) {
    this.#replies = new ReplyWaiter(port);
    const api = jspi() as Jspi;
    this.serviceCall = new api.Suspending((at: number, length: number) => this.#call(at, length));
  }

  async #call(at: number, length: number): Promise<number> {
    const seq = ++this.#seq;
    const request = takeRequest(this.guest.memory(), at, length, { seq, epoch: this.epoch });
    return putReply(this.guest, await this.#replies.ask(this.port, request, seq, this.deadline));
  }

  run(invocation: GuestRun): Promise<number> {
    const { entry, length } = invocation.start();
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

export const jspiChannel: ChannelKind = {
  mode: "jspi",
  offer() {},
  lacking() {
    return jspi()
      ? undefined
      : "the JSPI channel needs WebAssembly.Suspending, which this engine lacks";
  },
  worker: (init, guest) => new JspiWorkerEnd(init.port, guest),
  host: (port) => new PostedHostEnd("jspi", port),
};
