import type { BridgeMode, BridgeRequest } from "../protocol.js";
import { MAX_PAYLOAD } from "../wire/types.js";

/** What a bridge needs of the guest instance (which may be replaced by a new one). */
export interface GuestAccess {
  memory(): WebAssembly.Memory;
  /** `kobako_reply_buffer(length)`: where to write a reply of `length` bytes (0: none). */
  replyBuffer(length: number): number;
}

/**
 * Thrown from the service import when the invocation's deadline passes while the guest waits on
 * the host. It unwinds the guest (nothing in it catches a JavaScript exception), which is restored
 * before the next invocation; the worker reports a timeout and stays usable.
 */
export class DeadlineExceeded extends Error {
  constructor() {
    super("the deadline passed while the guest waited on a service");
  }
}
DeadlineExceeded.prototype.name = "DeadlineExceeded";

/** The worker's end of the service bridge. */
export interface WorkerBridge {
  readonly mode: BridgeMode;
  /**
   * Until when (a `performance.now()` time) the running invocation may wait on the host;
   * `Infinity` when it has no deadline. Past it a service call throws {@link DeadlineExceeded}.
   */
  deadline: number;
  /** The running invocation's epoch, sent with every posted message (see `BridgeRequest`). */
  epoch: number;
  /** The function to import as `kobako.service_call`. */
  readonly serviceCall: WebAssembly.ImportValue;
  /** Runs the guest entry point as this bridge needs it (under `promising` with JSPI). */
  enter(entry: (length: number) => number, length: number): number | Promise<number>;
  /** Why a service call failed since the last call, if the bridge itself failed it. */
  takeFailure(): string | undefined;
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
): BridgeRequest {
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
