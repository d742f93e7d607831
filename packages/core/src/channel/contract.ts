/**
 * The service channel between a host and one of its workers: what both ends implement, whatever
 * the mode. A guest calls the import `kobako.service_call(ptr, len)` and must get the reply
 * synchronously, although the service runs on the host thread and may be async; a reply may ask
 * the guest to run a block, whose answer is the next request of the same exchange. Each mode
 * (one file in this folder, both ends) makes that wait possible its own way; `select.ts` is the
 * one place that picks the mode, for the host and for the worker.
 */

/**
 * How a guest waiting on a service reaches the host:
 * - `"atomics"`: the worker sleeps in `Atomics.wait` on a `SharedArrayBuffer` until the host has
 *   written the reply there (Node; cross-origin isolated pages);
 * - `"jspi"`: the import is a `WebAssembly.Suspending` function, so the guest's stack is suspended
 *   while the worker awaits the reply message (engines with JS Promise Integration);
 * - `"replay"`: deterministic re-execution: the import unwinds the guest, the worker awaits the
 *   reply message, then runs the invocation again from its start, answering the calls already
 *   made from a record (any engine);
 * - `"none"`: no host to call (a worker runtime used alone): every service call fails.
 */
export type ChannelMode = "atomics" | "jspi" | "replay" | "none";

/** Which mode to use: `"auto"` takes the first of `atomics`, `jspi`, `replay` that works here. */
export type ChannelPreference = "auto" | "atomics" | "jspi" | "replay";

/** Sent with `init`: the worker's end of the channel, and what the host can offer. */
export interface ChannelInit {
  /** The worker's end of a `MessageChannel` (absent in-thread). */
  port?: MessagePort;
  /**
   * In-thread mode (host/in-thread.ts): the worker runtime runs on the host's thread and calls
   * the host's dispatcher through this link instead of posting to `port`. Never cloned.
   */
  inThread?: HostLine;
  preference: ChannelPreference;
  /** The buffer of the atomics mode (absent when the host has no `SharedArrayBuffer`). */
  shared?: SharedArrayBuffer;
  /**
   * The host watches the request slot of `shared` with `Atomics.waitAsync`, so requests that fit
   * the data area go through memory; otherwise (or when they do not fit) they are posted.
   */
  listening?: boolean;
}

/**
 * Worker → host on the channel's port. A posted message may arrive after the invocation that sent
 * it has ended (the worker gave up at its deadline): `epoch`, the number the host gave the
 * invocation (`WorkerApi.invoke`), lets the host drop it rather than serve it to a later one.
 */
export type ChannelRequest = (
  | /**
   * A service request (docs/ABI.md). `seq` numbers the requests of an invocation; the reply
   * echoes it, so a worker that stopped waiting never takes a late reply for a later request's.
   */
  { call: Uint8Array; seq?: number }
  /** A service request the worker did not copy: it exceeds the payload cap. */
  | { oversize: number; seq?: number }
  /** Atomics mode: the worker took a chunk of a long reply and waits for the next one. */
  | { more: true }
) & { epoch?: number };

/** A service request as posted. */
export type PostedRequest = Extract<ChannelRequest, { call: Uint8Array } | { oversize: number }>;

/** Host → worker on the port (modes that answer by message). */
export interface ChannelReply {
  reply: Uint8Array;
  /** The `seq` of the request answered. */
  seq?: number;
}

/** What answers the service requests of the invocation running on a worker (its dispatcher). */
export interface RequestHandler {
  handle(request: Uint8Array): Promise<Uint8Array>;
  /**
   * The reply at once when the host has it without waiting (a service that returned a plain
   * value), else a promise of it. Never throws, never rejects. In-thread mode calls it.
   */
  answer?(request: Uint8Array): Uint8Array | Promise<Uint8Array>;
  oversize(length: number): Uint8Array;
}

/**
 * How a worker end reaches the host with a request: by message on the channel's port, or
 * in-thread by calling the host's dispatcher directly.
 */
export interface HostLine {
  /** Whether {@link ask} may answer at once (in-thread), not only by a promise. */
  readonly immediate: boolean;
  /**
   * The reply to `request` (tagged `seq`): a promise that rejects with {@link DeadlineExceeded}
   * at `deadline`, or — in-thread, when the service answered without waiting — the reply itself.
   * A large request is transferred unless the caller keeps it (`keep`).
   */
  ask(
    request: PostedRequest,
    seq: number,
    deadline: number,
    keep?: boolean,
  ): Uint8Array | Promise<Uint8Array>;
}

/** The host's end of a worker's channel. */
export interface HostEnd {
  readonly mode: ChannelMode;
  /**
   * Routes requests to `handler` until {@link detach}; returns the epoch to give the invocation
   * (`WorkerApi.invoke`), whose posted messages carry it.
   */
  attach(handler: RequestHandler): number;
  detach(): void;
  close(): void;
}

/** What a worker end needs of the guest instance (which may be replaced by a new one). */
export interface GuestAccess {
  memory(): WebAssembly.Memory;
  /** `kobako_reply_buffer(length)`: where to write a reply of `length` bytes (0: none). */
  replyBuffer(length: number): number;
}

/** One invocation, as the guest instance hands it to its worker end to run. */
export interface GuestRun {
  /**
   * Puts the guest at the start of the invocation — the boot snapshot restored, this
   * invocation's caps, seed and clock set, its request written, output emptied — and returns the
   * entry point with its argument. The replay mode calls it once per replay.
   */
  start(): { entry: (length: number) => number; length: number };
}

/** The worker's end of a channel. */
export interface WorkerEnd {
  readonly mode: ChannelMode;
  /**
   * Until when (a `performance.now()` time) the running invocation may wait on the host;
   * `Infinity` when it has no deadline. Past it the worker end throws {@link DeadlineExceeded}.
   */
  deadline: number;
  /** The running invocation's epoch, sent with every posted message (see `ChannelRequest`). */
  epoch: number;
  /** Whether every run of an invocation must see the same real-time clock (replay). */
  readonly freezesClock: boolean;
  /** The function to import as `kobako.service_call`. */
  readonly serviceCall: WebAssembly.ImportValue;
  /** Runs the invocation as this mode needs it; resolves to the entry point's result. */
  run(invocation: GuestRun): number | Promise<number>;
  /** Why a service call failed since the last call, if the channel itself failed it. */
  takeFailure(): string | undefined;
}

/** One mode: both of its ends, and what each side needs for it. */
export interface ChannelKind {
  readonly mode: Exclude<ChannelMode, "none">;
  /** Host, before the worker starts: adds to `init` what this mode needs, if the host can. */
  offer(init: ChannelInit): void;
  /** Worker: why this mode cannot work here with what the host offered, or `undefined`. */
  lacking(init: ChannelInit): string | undefined;
  worker(init: ChannelInit, guest: GuestAccess): WorkerEnd;
  /** Host: its end on `port` (an in-thread init is served by select.ts, never by a kind). */
  host(port: MessagePort, init: ChannelInit): HostEnd;
}

/**
 * Thrown when the invocation's deadline passes while the guest waits on the host. It unwinds the
 * guest (its setjmp lowering catches only its own `__c_longjmp` tag, never a JavaScript
 * exception), which is restored before the next invocation; the worker reports a timeout and
 * stays usable.
 */
export class DeadlineExceeded extends Error {
  constructor() {
    super("the deadline passed while the guest waited on a service");
  }
}
DeadlineExceeded.prototype.name = "DeadlineExceeded";
