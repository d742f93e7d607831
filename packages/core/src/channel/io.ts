// What the worker ends share: reading a request out of guest memory, writing a reply into it,
// posting payloads, waiting with a deadline.
import { MAX_TIMER } from "../protocol.js";
import { MAX_PAYLOAD } from "../wire/types.js";
import {
  type ChannelInit,
  DeadlineExceeded,
  type GuestAccess,
  type HostLine,
  type PostedRequest,
} from "./contract.js";

/**
 * What to transfer rather than copy when posting `bytes`: copying is cheaper for the small
 * payloads of most service calls (measured ~2 µs per message in Node 20), moving for large ones.
 */
export function transferList(bytes: Uint8Array): Transferable[] {
  return bytes.byteLength >= 64 << 10 ? [bytes.buffer as ArrayBuffer] : [];
}

/**
 * Where a service request lies in guest memory, or its length when it exceeds the payload cap (it
 * is then not read at all: the host is told its length and answers with an error). A request
 * outside memory is a guest bug and traps.
 */
export function locateRequest(
  memory: WebAssembly.Memory,
  at: number,
  length: number,
): { start: number; size: number } | { oversize: number } {
  const start = at >>> 0;
  const size = length >>> 0;
  if (size > MAX_PAYLOAD) return { oversize: size };
  if (start + size > memory.buffer.byteLength) {
    throw new Error("the guest's service request lies outside its memory");
  }
  return { start, size };
}

/** A service request as a message: a copy of its bytes, or its length when over the cap. */
export function takeRequest(
  memory: WebAssembly.Memory,
  at: number,
  length: number,
  tags: { seq?: number; epoch: number },
): PostedRequest {
  const place = locateRequest(memory, at, length);
  if ("oversize" in place) return { ...place, ...tags };
  return { call: new Uint8Array(memory.buffer, place.start, place.size).slice(), ...tags };
}

/** Copies `reply` into a buffer the guest hands out; returns its length, or -1 if it has none. */
export function putReply(guest: GuestAccess, reply: Uint8Array): number {
  const at = guest.replyBuffer(reply.byteLength) >>> 0;
  if (at === 0) return -1;
  const memory = guest.memory();
  if (at + reply.byteLength > memory.buffer.byteLength) {
    throw new Error("the guest's reply buffer lies outside its memory");
  }
  new Uint8Array(memory.buffer, at, reply.byteLength).set(reply);
  return reply.byteLength;
}

/**
 * A posted request and its reply message: resolves with the reply whose `seq` is `seq`, rejects
 * with {@link DeadlineExceeded} at `deadline`. Replies to other requests (late ones, of requests
 * the worker stopped waiting for) are ignored.
 */
export class ReplyWaiter {
  #waiting: { seq: number; resolve(reply: Uint8Array): void } | undefined;

  constructor(port: MessagePort) {
    port.onmessage = (event: MessageEvent<{ reply: Uint8Array; seq?: number }>) => {
      const waiting = this.#waiting;
      if (!waiting || event.data.seq !== waiting.seq) return;
      this.#waiting = undefined;
      waiting.resolve(event.data.reply);
    };
  }

  /**
   * Posts `request` (tagged with `seq`) on `port` and waits for its reply until `deadline`. A
   * large request is transferred unless the caller keeps it (`keep`).
   */
  async ask(
    port: MessagePort,
    request: PostedRequest,
    seq: number,
    deadline: number,
    keep = false,
  ): Promise<Uint8Array> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reply = new Promise<Uint8Array>((resolve, reject) => {
      this.#waiting = { seq, resolve };
      const left = deadline - performance.now();
      if (left === Number.POSITIVE_INFINITY) return;
      timer = setTimeout(
        () => {
          if (this.#waiting?.seq === seq) this.#waiting = undefined;
          reject(new DeadlineExceeded());
        },
        Math.min(Math.max(0, left), MAX_TIMER),
      );
    });
    port.postMessage(request, "call" in request && !keep ? transferList(request.call) : []);
    try {
      return await reply;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A {@link HostLine} by message: posts the request on the channel's port, awaits the reply. */
export class PortLine implements HostLine {
  readonly immediate = false;
  readonly #waiter: ReplyWaiter;

  constructor(private readonly port: MessagePort) {
    this.#waiter = new ReplyWaiter(port);
  }

  ask(request: PostedRequest, seq: number, deadline: number, keep = false): Promise<Uint8Array> {
    return this.#waiter.ask(this.port, request, seq, deadline, keep);
  }
}

/** How a worker end opened with `init` reaches the host: in-thread, or by its port. */
export function lineOf(init: ChannelInit): HostLine {
  if (init.inThread) return init.inThread;
  if (!init.port) throw new Error("the channel has neither a port nor an in-thread link");
  return new PortLine(init.port);
}

/** `promise`, or a rejection with {@link DeadlineExceeded} at `deadline`, whichever is first. */
export async function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  const left = deadline - performance.now();
  if (left === Number.POSITIVE_INFINITY) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineExceeded()),
      Math.min(Math.max(0, left), MAX_TIMER),
    );
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
