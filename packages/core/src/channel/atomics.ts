// The atomics mode: the worker blocks in `Atomics.wait` on a SharedArrayBuffer until the host has
// written the reply there. Both ends are here.
import type {
  ChannelInit,
  ChannelKind,
  ChannelRequest,
  GuestAccess,
  GuestRun,
  RequestHandler,
  WorkerEnd,
} from "./contract.js";
import { DeadlineExceeded } from "./contract.js";
import { PostedHostEnd } from "./host-end.js";
import { locateRequest, transferList } from "./io.js";

/**
 * Layout of the shared buffer: a header of int32 slots, then a data area that carries a request
 * (when it fits and the host listens) and then its reply, in chunks when the reply is longer
 * than the area.
 */
export const Shared = {
  /** Reply slot: `0` while the worker waits, `1` when a chunk of the reply is ready. */
  STATE: 0,
  /** Length of the whole reply; `-1` when the host cannot answer. */
  TOTAL: 1,
  /** Length of the chunk in the data area. */
  CHUNK: 2,
  /** Request slot, one of {@link Signal}; the host resets it to `NONE` when it takes it. */
  REQUEST: 3,
  /** Length of the request in the data area (`CALL`), or of the refused one (`OVERSIZE`). */
  REQUEST_LENGTH: 4,
  /** The number of the worker's latest request, written before the request itself. */
  REQUEST_SEQ: 5,
  /** The number of the request the reply in the data area answers, written before `STATE`. */
  REPLY_SEQ: 6,
  HEADER_BYTES: 32,
  DATA_BYTES: 1 << 20,
} as const;

/** What the worker put in the request slot. */
export const Signal = {
  NONE: 0,
  /** A service request is in the data area. */
  CALL: 1,
  /** The worker took a chunk of a long reply: write the next one. */
  MORE: 2,
  /** A request past the payload cap was not copied. */
  OVERSIZE: 3,
} as const;

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

/** `Atomics.waitAsync` where the engine has it (Node 16+, Chromium, Safari 16.4+). */
const waitAsync = (globalThis.Atomics as unknown as { waitAsync?: WaitAsync } | undefined)
  ?.waitAsync;

/** How long the host polls the request slot after writing to the worker. */
const POLL_MS = 0.2;
/**
 * How long the worker polls the reply slot before it sleeps in `Atomics.wait`. A thread that
 * sleeps gives its CPU away, and on a VM an idle virtual CPU takes tens of µs to wake: a short
 * poll turns a ~50 µs round trip into a few µs when the host answers at once (sync services).
 */
const SPIN_MS = 0.04;
/** A reply slower than this switches polling off until the next reply comes faster. */
const SLOW_MS = 1;

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
function canShareMemory(): boolean {
  return (
    typeof SharedArrayBuffer === "function" &&
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false
  );
}

/**
 * The host's end: requests come through the shared buffer's request slot (watched with
 * `Atomics.waitAsync` while an invocation runs) or as messages on the port; replies go back
 * through the shared buffer, in chunks when long, tagged with the number of the request.
 */
export class AtomicsHostEnd extends PostedHostEnd {
  /** A reply being written chunk by chunk into the shared buffer. */
  #long: { reply: Uint8Array; sent: number; seq: number } | undefined;
  readonly #header: Int32Array;
  readonly #data: Uint8Array;
  /** The loop serving the request slot runs (polling, or parked in `Atomics.waitAsync`). */
  #looping = false;
  /** Until when the loop polls instead of parking. */
  #pollUntil = 0;
  readonly #yield = yielder();

  constructor(
    port: MessagePort,
    shared: SharedArrayBuffer,
    private readonly listening: boolean,
  ) {
    super("atomics", port);
    this.#header = new Int32Array(shared, 0, Shared.HEADER_BYTES / 4);
    this.#data = new Uint8Array(shared, Shared.HEADER_BYTES);
  }

  override attach(handler: RequestHandler): number {
    const epoch = super.attach(handler);
    // Whatever the request slot holds was left by an invocation that ended at its deadline
    // before the host took it: the worker has not started this invocation yet.
    Atomics.store(this.#header, Shared.REQUEST, Signal.NONE);
    if (this.#watching && !this.#looping) {
      this.#looping = true;
      this.#turn();
    }
    return epoch;
  }

  override detach(): void {
    super.detach();
    this.#long = undefined;
    this.#pollUntil = 0;
    // Releases a pending Atomics.waitAsync, which then finds no invocation and stops.
    Atomics.notify(this.#header, Shared.REQUEST);
  }

  override close(): void {
    super.close();
    this.#yield.close();
  }

  get #watching(): boolean {
    return this.listening && this.handler !== undefined;
  }

  /** Takes what the worker put in the request slot, if anything. */
  #take(): void {
    const header = this.#header;
    const signal = Atomics.load(header, Shared.REQUEST);
    if (signal === Signal.NONE) return;
    Atomics.store(header, Shared.REQUEST, Signal.NONE);
    this.#pollUntil = performance.now() + POLL_MS;
    const length = Atomics.load(header, Shared.REQUEST_LENGTH);
    const seq = Atomics.load(header, Shared.REQUEST_SEQ);
    if (signal === Signal.MORE) this.receive({ more: true });
    else if (signal === Signal.OVERSIZE) this.receive({ oversize: length, seq });
    else if (signal === Signal.CALL) this.receive({ call: this.#data.slice(0, length), seq });
  }

  /**
   * One turn of the loop serving the request slot. Right after a request or a reply the next
   * request usually follows within µs: for {@link POLL_MS} the loop polls the slot once per turn of
   * the event loop, which keeps this thread awake (waking a sleeping thread costs tens of µs on some
   * machines, an idle virtual CPU above all); then it parks in `Atomics.waitAsync`, which leaves
   * the event loop free and costs nothing while services take their time.
   */
  readonly #turn = (): void => {
    if (!waitAsync || !this.#watching) {
      this.#looping = false;
      return;
    }
    this.#take();
    if (this.#yield.available && performance.now() < this.#pollUntil) {
      this.#yield.next(this.#turn);
      return;
    }
    const waiting = waitAsync(this.#header, Shared.REQUEST, Signal.NONE);
    if (waiting.async) waiting.value.then(this.#turn);
    else this.#yield.next(this.#turn);
  };

  protected override answer(reply: Uint8Array, seq: number | undefined): void {
    // A reply to a request the worker no longer waits for (it has made a later one) would
    // overwrite the data area under the later request: dropped.
    if (seq !== undefined && seq !== Atomics.load(this.#header, Shared.REQUEST_SEQ)) return;
    this.#long = { reply, sent: 0, seq: seq ?? 0 };
    this.more();
  }

  protected override more(): void {
    const header = this.#header;
    const data = this.#data;
    const long = this.#long;
    if (!long) return;
    const { reply } = long;
    const size = Math.min(data.byteLength, reply.byteLength - long.sent);
    data.set(reply.subarray(long.sent, long.sent + size));
    long.sent += size;
    if (long.sent >= reply.byteLength) this.#long = undefined;
    Atomics.store(header, Shared.TOTAL, reply.byteLength);
    Atomics.store(header, Shared.CHUNK, size);
    Atomics.store(header, Shared.REPLY_SEQ, long.seq);
    Atomics.store(header, Shared.STATE, 1);
    Atomics.notify(header, Shared.STATE);
    this.#pollUntil = performance.now() + POLL_MS;
  }
}

/**
 * The worker's end: hand the request to the host (in the shared data area when it fits and the
 * host listens there, else as a message), then wait on the reply slot until the host has written
 * the reply to this very request (chunk by chunk when it is longer than the data area) and copy
 * it into the guest's reply buffer. Each request has a number the reply echoes: a reply to
 * another request is not taken for this one's.
 */
export class AtomicsWorkerEnd implements WorkerEnd {
  readonly mode = "atomics" as const;
  readonly freezesClock = false;
  deadline = Number.POSITIVE_INFINITY;
  epoch = 0;
  readonly #header: Int32Array;
  readonly #data: Uint8Array;
  #spin = true;
  #seq = 0;

  constructor(
    private readonly port: MessagePort | undefined,
    shared: SharedArrayBuffer,
    private readonly listening: boolean,
    private readonly guest: GuestAccess,
  ) {
    this.#header = new Int32Array(shared, 0, Shared.HEADER_BYTES / 4);
    this.#data = new Uint8Array(shared, Shared.HEADER_BYTES);
  }

  readonly serviceCall = (at: number, length: number): number => {
    // Numbers wrap within int32; a reply is compared with the latest request only.
    this.#seq = (this.#seq + 1) | 0;
    const seq = this.#seq;
    Atomics.store(this.#header, Shared.STATE, 0);
    Atomics.store(this.#header, Shared.REQUEST_SEQ, seq);
    this.#send(at, length, seq);
    let target = 0;
    let received = 0;
    for (;;) {
      this.#wait(seq);
      const total = Atomics.load(this.#header, Shared.TOTAL);
      if (total < 0) return -1;
      if (received === 0) target = this.guest.replyBuffer(total) >>> 0;
      const chunk = Atomics.load(this.#header, Shared.CHUNK);
      if (target !== 0) {
        const memory = this.guest.memory().buffer;
        if (target + total > memory.byteLength) {
          throw new Error("the guest's reply buffer lies outside its memory");
        }
        new Uint8Array(memory, target + received, chunk).set(this.#data.subarray(0, chunk));
      }
      received += chunk;
      if (received >= total) return target === 0 ? -1 : total;
      Atomics.store(this.#header, Shared.STATE, 0);
      this.#signal(Signal.MORE, 0, { more: true, epoch: this.epoch });
    }
  };

  run(invocation: GuestRun): number {
    const { entry, length } = invocation.start();
    return entry(length);
  }

  takeFailure(): undefined {
    return undefined;
  }

  /** Hands the request at `at` in guest memory to the host. */
  #send(at: number, length: number, seq: number): void {
    const memory = this.guest.memory();
    const place = locateRequest(memory, at, length);
    if ("oversize" in place) {
      this.#signal(Signal.OVERSIZE, place.oversize, { ...place, seq, epoch: this.epoch });
    } else if (this.listening && place.size <= this.#data.byteLength) {
      this.#data.set(new Uint8Array(memory.buffer, place.start, place.size));
      this.#signal(Signal.CALL, place.size, undefined);
    } else {
      const call = new Uint8Array(memory.buffer, place.start, place.size).slice();
      const message: ChannelRequest = { call, seq, epoch: this.epoch };
      this.port?.postMessage(message, transferList(call));
    }
  }

  /**
   * Raises `signal` in the request slot when the host listens there; otherwise posts `message`
   * (`CALL` is raised only when the host listens).
   */
  #signal(signal: number, length: number, message: ChannelRequest | undefined): void {
    if (this.listening || !message) {
      Atomics.store(this.#header, Shared.REQUEST_LENGTH, length);
      Atomics.store(this.#header, Shared.REQUEST, signal);
      Atomics.notify(this.#header, Shared.REQUEST);
    } else {
      this.port?.postMessage(message);
    }
  }

  /** Whether a chunk of the reply to request `seq` is in the data area. */
  #ready(seq: number): boolean {
    const header = this.#header;
    if (Atomics.load(header, Shared.STATE) === 0) return false;
    if (Atomics.load(header, Shared.REPLY_SEQ) === seq) return true;
    // A reply to another request: not ours. Clear the slot, unless ours came in meanwhile.
    Atomics.compareExchange(header, Shared.STATE, 1, 0);
    return (
      Atomics.load(header, Shared.REPLY_SEQ) === seq && Atomics.load(header, Shared.STATE) === 1
    );
  }

  /**
   * Waits until the host has put a chunk of the reply to request `seq` in the data area, or
   * throws {@link DeadlineExceeded} when the invocation's deadline passes first.
   */
  #wait(seq: number): void {
    const header = this.#header;
    const started = performance.now();
    if (this.#spin) {
      const until = started + SPIN_MS;
      while (!this.#ready(seq) && performance.now() < until) {}
    }
    while (!this.#ready(seq)) {
      const left = Math.max(0, this.deadline - performance.now());
      if (Atomics.wait(header, Shared.STATE, 0, left) === "timed-out") {
        throw new DeadlineExceeded();
      }
    }
    this.#spin = performance.now() - started <= SLOW_MS;
  }
}

export const atomicsChannel: ChannelKind = {
  mode: "atomics",
  offer(init) {
    if (init.inThread || !canShareMemory()) return;
    init.shared = new SharedArrayBuffer(Shared.HEADER_BYTES + Shared.DATA_BYTES);
    init.listening = typeof waitAsync === "function";
  },
  lacking(init) {
    if (init.inThread) {
      return "the atomics channel cannot work in-thread: Atomics.wait would block the thread the host answers on";
    }
    if (init.shared === undefined) {
      return "the atomics channel needs a SharedArrayBuffer, which the host has not";
    }
    if (typeof Atomics !== "object" || typeof Atomics.wait !== "function") {
      return "the atomics channel needs Atomics.wait, which this worker lacks";
    }
    return undefined;
  },
  worker(init: ChannelInit, guest) {
    return new AtomicsWorkerEnd(
      init.port,
      init.shared as SharedArrayBuffer,
      init.listening === true,
      guest,
    );
  },
  host(port, init) {
    return new AtomicsHostEnd(port, init.shared as SharedArrayBuffer, init.listening === true);
  },
};
