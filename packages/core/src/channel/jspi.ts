// The JSPI mode: the service import is a `WebAssembly.Suspending` function, so the guest's stack
// is suspended while the worker awaits the host's reply message. No shared memory (and no
// cross-origin isolation) needed. Both ends are here.
import type { ChannelKind, GuestAccess, GuestRun, HostLine, WorkerEnd } from "./contract.js";
import { PostedHostEnd } from "./host-end.js";
import { lineOf, putReply, takeRequest } from "./io.js";

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
  #seq = 0;

  constructor(
    private readonly line: HostLine,
    private readonly guest: GuestAccess,
  ) {
    const api = jspi() as Jspi;
    // A reply the host has at once (in-thread, a sync service) is returned without suspending.
    this.serviceCall = new api.Suspending(
      (at: number, length: number) => this.#call(at, length) as Promise<number>,
    );
  }

  #call(at: number, length: number): number | Promise<number> {
    const seq = ++this.#seq;
    const request = takeRequest(this.guest.memory(), at, length, { seq, epoch: this.epoch });
    const reply = this.line.ask(request, seq, this.deadline);
    if (reply instanceof Uint8Array) return putReply(this.guest, reply);
    return reply.then((bytes) => putReply(this.guest, bytes));
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
  worker: (init, guest) => new JspiWorkerEnd(lineOf(init), guest),
  host: (port) => new PostedHostEnd("jspi", port),
};
