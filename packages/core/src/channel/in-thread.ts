// The in-thread link: the worker runtime runs on the host's own thread (host/in-thread.ts), so a
// guest's service call reaches the host's dispatcher by a plain function call. A service that
// returns a plain value answers at once; one that returns a promise is awaited the way the
// worker end's mode waits (JSPI suspends the guest, replay unwinds and runs it again).
import { encodeErrorReply } from "../wire/service.js";
import type { ChannelMode, HostEnd, HostLine, PostedRequest, RequestHandler } from "./contract.js";
import { beforeDeadline } from "./io.js";

function hostFailed(): Uint8Array {
  return encodeErrorReply("Kobako::Error", "the host failed");
}

/** Both ends of an in-thread channel: the worker end asks through it, the host end attaches. */
export class InThreadLink implements HostLine {
  readonly immediate = true;
  #handler: RequestHandler | undefined;
  #epoch = 0;
  #closed = false;

  /** Routes requests to `handler` until {@link detach}; returns the invocation's epoch. */
  attach(handler: RequestHandler): number {
    if (this.#closed) throw new Error("the in-thread channel is closed");
    this.#handler = handler;
    return ++this.#epoch;
  }

  detach(): void {
    this.#handler = undefined;
  }

  close(): void {
    this.#closed = true;
    this.#handler = undefined;
  }

  ask(request: PostedRequest, _seq: number, deadline: number): Uint8Array | Promise<Uint8Array> {
    const handler = this.#handler;
    // An invocation that has ended (or was given up: its "worker" terminated) gets no service.
    if (!handler || (request.epoch !== undefined && request.epoch !== this.#epoch)) {
      return encodeErrorReply("Kobako::Error", "no invocation is running on this instance");
    }
    if ("oversize" in request) return handler.oversize(request.oversize);
    let reply: Uint8Array | Promise<Uint8Array>;
    try {
      reply = handler.answer ? handler.answer(request.call) : handler.handle(request.call);
    } catch {
      return hostFailed();
    }
    if (reply instanceof Uint8Array) return reply;
    return beforeDeadline(
      reply.then(
        (bytes) => bytes,
        () => hostFailed(),
      ),
      deadline,
    );
  }
}

/** The host's end of an in-thread channel. */
export class InThreadHostEnd implements HostEnd {
  constructor(
    readonly mode: ChannelMode,
    private readonly link: InThreadLink,
  ) {}

  attach(handler: RequestHandler): number {
    return this.link.attach(handler);
  }

  detach(): void {
    this.link.detach();
  }

  close(): void {
    this.link.close();
  }
}
