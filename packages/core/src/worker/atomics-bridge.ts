import { type BridgeRequest, Shared, Signal, transferList } from "../protocol.js";
import {
  DeadlineExceeded,
  type GuestAccess,
  locateRequest,
  type WorkerBridge,
} from "./bridge-io.js";

/**
 * How long the worker polls the reply slot before it sleeps in `Atomics.wait`. A thread that
 * sleeps gives its CPU away, and on a VM an idle virtual CPU takes tens of µs to wake: a short
 * poll turns a ~50 µs round trip into a few µs when the host answers at once (sync services).
 */
const SPIN_MS = 0.04;
/** A reply slower than this switches polling off until the next reply comes faster. */
const SLOW_MS = 1;

/**
 * The worker side of the atomics bridge: hand the request to the host (in the shared data area
 * when it fits and the host listens there, else as a message), then wait on the reply slot until
 * the host has written the reply (chunk by chunk when it is longer than the data area) and copy
 * it into the guest's reply buffer.
 */
export class AtomicsBridge implements WorkerBridge {
  readonly mode = "atomics" as const;
  deadline = Number.POSITIVE_INFINITY;
  epoch = 0;
  readonly #header: Int32Array;
  readonly #data: Uint8Array;
  #spin = true;

  constructor(
    private readonly port: MessagePort,
    shared: SharedArrayBuffer,
    private readonly listening: boolean,
    private readonly guest: GuestAccess,
  ) {
    this.#header = new Int32Array(shared, 0, Shared.HEADER_BYTES / 4);
    this.#data = new Uint8Array(shared, Shared.HEADER_BYTES);
  }

  readonly serviceCall = (at: number, length: number): number => {
    Atomics.store(this.#header, Shared.STATE, 0);
    this.#send(at, length);
    let target = 0;
    let received = 0;
    for (;;) {
      this.#wait();
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

  enter(entry: (length: number) => number, length: number): number {
    return entry(length);
  }

  takeFailure(): undefined {
    return undefined;
  }

  /** Hands the request at `at` in guest memory to the host. */
  #send(at: number, length: number): void {
    const memory = this.guest.memory();
    const place = locateRequest(memory, at, length);
    if ("oversize" in place) {
      this.#signal(Signal.OVERSIZE, place.oversize, { ...place, epoch: this.epoch });
    } else if (this.listening && place.size <= this.#data.byteLength) {
      this.#data.set(new Uint8Array(memory.buffer, place.start, place.size));
      this.#signal(Signal.CALL, place.size, undefined);
    } else {
      const call = new Uint8Array(memory.buffer, place.start, place.size).slice();
      const message: BridgeRequest = { call, epoch: this.epoch };
      this.port.postMessage(message, transferList(call));
    }
  }

  /**
   * Raises `signal` in the request slot when the host listens there; otherwise posts `message`
   * (`CALL` is raised only when the host listens).
   */
  #signal(signal: number, length: number, message: BridgeRequest | undefined): void {
    if (this.listening || !message) {
      Atomics.store(this.#header, Shared.REQUEST_LENGTH, length);
      Atomics.store(this.#header, Shared.REQUEST, signal);
      Atomics.notify(this.#header, Shared.REQUEST);
    } else {
      this.port.postMessage(message);
    }
  }

  /**
   * Waits until the host has put a chunk of the reply in the data area, or throws
   * {@link DeadlineExceeded} when the invocation's deadline passes first.
   */
  #wait(): void {
    const header = this.#header;
    const started = performance.now();
    if (this.#spin) {
      const until = started + SPIN_MS;
      while (Atomics.load(header, Shared.STATE) === 0 && performance.now() < until) {}
    }
    const left = Math.max(0, this.deadline - performance.now());
    if (Atomics.wait(header, Shared.STATE, 0, left) === "timed-out") throw new DeadlineExceeded();
    this.#spin = performance.now() - started <= SLOW_MS;
  }
}
