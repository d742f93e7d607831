import {
  type BridgeMode,
  type BridgeReply,
  type BridgeRequest,
  Shared,
  Signal,
  transferList,
} from "../protocol.js";
import { encodeErrorReply } from "../wire/service.js";

/** What answers the service requests of the invocation running on a worker. */
export interface RequestHandler {
  handle(request: Uint8Array): Promise<Uint8Array>;
  oversize(length: number): Uint8Array;
}

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

/** `Atomics.waitAsync` where the engine has it (Node 16+, Chromium, Safari 16.4+). */
const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;

/** How long the host polls the request slot after writing to the worker. */
const POLL_MS = 0.2;

/** Runs a callback on the next turn of the event loop, without a timer's clamping. */
interface Yielder {
  readonly available: boolean;
  next(callback: () => void): void;
  close(): void;
}

function yielder(): Yielder {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown })
    .setImmediate;
  if (typeof immediate === "function") {
    return { available: true, next: (callback) => immediate(callback), close() {} };
  }
  if (typeof MessageChannel !== "function") {
    return { available: false, next() {}, close() {} };
  }
  // Browsers: a message to oneself is the quickest way to the next task.
  const { port1, port2 } = new MessageChannel();
  let pending: (() => void) | undefined;
  port1.onmessage = () => {
    const callback = pending;
    pending = undefined;
    callback?.();
  };
  return {
    available: true,
    next(callback) {
      pending = callback;
      port2.postMessage(null);
    },
    close() {
      port1.close();
    },
  };
}

/** Whether this thread can share memory with a worker (Node; cross-origin isolated pages). */
export function canShareMemory(): boolean {
  return (
    typeof SharedArrayBuffer === "function" &&
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false
  );
}

/** Whether the host can watch the request slot of a shared buffer without blocking. */
export function canListen(): boolean {
  return typeof waitAsync === "function";
}

/**
 * The host's end of a worker's service bridge. Requests come through the shared buffer's request
 * slot (watched with `Atomics.waitAsync` while an invocation runs) or as messages on the bridge
 * port, and go to the handler of the invocation running on that worker; replies go back through
 * the shared buffer (atomics bridge, in chunks when long) or as a message (JSPI bridge).
 */
export class HostBridge {
  #mode: BridgeMode = "none";
  #handler: RequestHandler | undefined;
  /** Numbers the invocations served, see {@link attach}. */
  #epoch = 0;
  /** A reply being written chunk by chunk into the shared buffer. */
  #long: { reply: Uint8Array; sent: number } | undefined;
  readonly #header: Int32Array | undefined;
  readonly #data: Uint8Array | undefined;
  /** The loop serving the request slot runs (polling, or parked in `Atomics.waitAsync`). */
  #looping = false;
  /** Until when the loop polls instead of parking. */
  #pollUntil = 0;
  readonly #yield = yielder();

  constructor(
    private readonly port: MessagePort,
    shared: SharedArrayBuffer | undefined,
    private readonly listening: boolean,
  ) {
    if (shared) {
      this.#header = new Int32Array(shared, 0, Shared.HEADER_BYTES / 4);
      this.#data = new Uint8Array(shared, Shared.HEADER_BYTES);
    }
    port.onmessage = (event: MessageEvent<BridgeRequest>) => this.#receive(event.data);
    // Node: an idle pool must not keep the process alive; a working worker does that already.
    (port as { unref?: () => void }).unref?.();
  }

  /** How the worker said it reaches the host. */
  get mode(): BridgeMode {
    return this.#mode;
  }

  set mode(mode: BridgeMode) {
    this.#mode = mode;
  }

  /**
   * Routes requests to `handler` until {@link detach}; returns the epoch to give the invocation
   * (`WorkerApi.invoke`), whose posted messages carry it.
   */
  attach(handler: RequestHandler): number {
    this.#handler = handler;
    this.#epoch++;
    // Whatever the request slot holds was left by an invocation that ended at its deadline
    // before the host took it: the worker has not started this invocation yet.
    if (this.#header) Atomics.store(this.#header, Shared.REQUEST, Signal.NONE);
    if (this.#watching && !this.#looping) {
      this.#looping = true;
      this.#turn();
    }
    return this.#epoch;
  }

  detach(): void {
    this.#handler = undefined;
    this.#long = undefined;
    this.#pollUntil = 0;
    // Releases a pending Atomics.waitAsync, which then finds no invocation and stops.
    if (this.#header) Atomics.notify(this.#header, Shared.REQUEST);
  }

  close(): void {
    this.detach();
    this.#yield.close();
    this.port.onmessage = null;
    this.port.close();
  }

  get #watching(): boolean {
    return this.listening && this.#mode === "atomics" && this.#handler !== undefined;
  }

  /** Takes what the worker put in the request slot, if anything. */
  #take(): void {
    const header = this.#header;
    if (!header) return;
    const signal = Atomics.load(header, Shared.REQUEST);
    if (signal === Signal.NONE) return;
    Atomics.store(header, Shared.REQUEST, Signal.NONE);
    this.#pollUntil = performance.now() + POLL_MS;
    this.#signal(signal, Atomics.load(header, Shared.REQUEST_LENGTH));
  }

  /**
   * One turn of the loop serving the request slot. Right after a request or a reply the next
   * request usually follows within µs: for {@link POLL_MS} the loop polls the slot once per turn of
   * the event loop, which keeps this thread awake (waking a sleeping thread costs tens of µs on some
   * machines, an idle virtual CPU above all); then it parks in `Atomics.waitAsync`, which leaves
   * the event loop free and costs nothing while services take their time.
   */
  readonly #turn = (): void => {
    const header = this.#header;
    if (!header || !waitAsync || !this.#watching) {
      this.#looping = false;
      return;
    }
    this.#take();
    if (this.#yield.available && performance.now() < this.#pollUntil) {
      this.#yield.next(this.#turn);
      return;
    }
    const waiting = waitAsync(header, Shared.REQUEST, Signal.NONE);
    if (waiting.async) waiting.value.then(this.#turn);
    else this.#yield.next(this.#turn);
  };

  #signal(signal: number, length: number): void {
    const data = this.#data;
    if (signal === Signal.MORE) this.#receive({ more: true });
    else if (signal === Signal.OVERSIZE) this.#receive({ oversize: length });
    else if (signal === Signal.CALL && data) this.#receive({ call: data.slice(0, length) });
  }

  #receive(message: BridgeRequest): void {
    // A message of an invocation that has ended: its worker stopped waiting for the answer.
    if (message.epoch !== undefined && message.epoch !== this.#epoch) return;
    if ("more" in message) {
      this.#sendChunk();
      return;
    }
    const handler = this.#handler;
    const { seq } = message;
    if (!handler) {
      this.#answer(
        encodeErrorReply("Kobako::Error", "no invocation is running on this worker"),
        seq,
      );
    } else if ("oversize" in message) {
      this.#answer(handler.oversize(message.oversize), seq);
    } else {
      // The handler never rejects; were it to fail anyway, the guest still gets an answer and
      // the loop serving the request slot (which called this) keeps running.
      let replying: Promise<Uint8Array>;
      try {
        replying = handler.handle(message.call);
      } catch {
        replying = Promise.resolve(encodeErrorReply("Kobako::Error", "the host failed"));
      }
      replying.then(
        (reply) => {
          if (this.#handler === handler) this.#answer(reply, seq);
        },
        () => {
          if (this.#handler === handler) {
            this.#answer(encodeErrorReply("Kobako::Error", "the host failed"), seq);
          }
        },
      );
    }
  }

  #answer(reply: Uint8Array, seq: number | undefined): void {
    if (this.#mode === "jspi") {
      const message: BridgeReply = seq === undefined ? { reply } : { reply, seq };
      this.port.postMessage(message, transferList(reply));
      return;
    }
    this.#long = { reply, sent: 0 };
    this.#sendChunk();
  }

  #sendChunk(): void {
    const header = this.#header;
    const data = this.#data;
    const long = this.#long;
    if (!header || !data || !long) return;
    const { reply } = long;
    const size = Math.min(data.byteLength, reply.byteLength - long.sent);
    data.set(reply.subarray(long.sent, long.sent + size));
    long.sent += size;
    if (long.sent >= reply.byteLength) this.#long = undefined;
    Atomics.store(header, Shared.TOTAL, reply.byteLength);
    Atomics.store(header, Shared.CHUNK, size);
    Atomics.store(header, Shared.STATE, 1);
    Atomics.notify(header, Shared.STATE);
    this.#pollUntil = performance.now() + POLL_MS;
  }
}
