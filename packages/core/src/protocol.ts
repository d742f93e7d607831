/**
 * What the host and the worker runtime say to each other: through comlink for the control plane
 * (init, invoke), and through a dedicated bridge port (plus a shared buffer when there is one) for
 * service calls. Everything here is plain data that survives structured cloning.
 */

/** Caps of one invocation. */
export interface EvalLimits {
  /** Bytes of standard output kept. */
  stdoutLimit: number;
  /** Bytes of standard error kept. */
  stderrLimit: number;
  /** Bytes the Ruby heap may hold beyond its baseline (`kobako_limits`); 0: no cap. */
  memoryLimit: number;
  /**
   * Milliseconds from the start of the invocation to its deadline; 0: none. The guest checks it
   * cooperatively, and the worker stops waiting on a service past it.
   */
  timeout: number;
  /**
   * The seed of the guest's random source for this invocation (`kobako_seed`), an integer from
   * 0 to 2^32 − 1: fresh from the host's `crypto.getRandomValues`, or a hermetic sandbox's seed.
   */
  seed: number;
  /**
   * Hermetic invocations: the instant, in ms since the epoch, that the guest's real-time clock
   * shows throughout the invocation. Absent: the clock runs.
   */
  clock?: number;
}

/** How one invocation ended, as the worker reports it. */
export interface EvalResult {
  /** The response envelope of docs/ABI.md, undecoded (absent after a trap). */
  envelope?: Uint8Array;
  /** Set when the engine trapped; the next invocation restores a fresh state. */
  trap?: { message: string };
  /** Why a service call could not reach the host (no synchronous bridge in this engine). */
  bridgeFailure?: string;
  /**
   * The deadline ended the run without an envelope: `"waiting"` — it passed while the guest
   * waited on a service, and the worker stopped waiting; `"rescued"` — the script rescued its
   * `Kobako::TimeoutError` and ran on, and the guest stopped it at its next check (a trap).
   */
  deadline?: "waiting" | "rescued";
  /**
   * The length of a response envelope over the payload cap, which was not copied out of the
   * guest (`envelope` is then absent).
   */
  oversize?: number;
  stdout: Uint8Array;
  stderr: Uint8Array;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  /** Milliseconds spent in the guest, restore included. */
  wallTime: number;
  /** High-water mark of the Ruby heap beyond its baseline, in bytes (0 when unknown). */
  memoryPeak: number;
}

/**
 * How a blocked guest reaches the host for a service call:
 * - `"atomics"`: the worker posts the request and sleeps in `Atomics.wait` on a
 *   `SharedArrayBuffer` until the host writes the reply there (Node; cross-origin isolated pages);
 * - `"jspi"`: the service import is a `WebAssembly.Suspending` function and the guest's entry point
 *   runs under `WebAssembly.promising`, so the worker awaits the reply message (engines with JS
 *   Promise Integration, no isolation needed);
 * - `"none"`: neither exists; a service call fails in the guest with a clear message.
 */
export type BridgeMode = "atomics" | "jspi" | "none";

/** Which bridge to use: `"auto"` takes `"atomics"` when possible, else `"jspi"`, else `"none"`. */
export type BridgePreference = "auto" | "atomics" | "jspi";

/** Sent with `init`: the worker's end of the bridge. */
export interface BridgeInit {
  port: MessagePort;
  /** The buffer of the atomics bridge (absent when the host has no `SharedArrayBuffer`). */
  shared?: SharedArrayBuffer;
  /**
   * The host watches the request slot of `shared` with `Atomics.waitAsync`, so requests that fit
   * the data area go through memory; otherwise (or when they do not fit) they are posted.
   */
  listening?: boolean;
  preference: BridgePreference;
}

/**
 * Worker → host on the bridge port. A posted message may arrive after the invocation that sent it
 * has ended (the worker gave up at its deadline): `epoch`, the number the host gave the
 * invocation (`WorkerApi.invoke`), lets the host drop it rather than serve it to a later one.
 */
export type BridgeRequest = (
  | /**
   * A service request (docs/ABI.md). `seq` numbers the posted requests of the JSPI bridge,
   * whose reply echoes it: a worker that stopped waiting must not take a late reply for the
   * answer to a later request.
   */
  { call: Uint8Array; seq?: number }
  /** A service request the worker did not copy: it exceeds the payload cap. */
  | { oversize: number; seq?: number }
  /** Atomics bridge: the worker took a chunk of a long reply and waits for the next one. */
  | { more: true }
) & { epoch?: number };

/**
 * What to transfer rather than copy when posting `bytes`: copying is cheaper for the small
 * payloads of most service calls (measured ~2 µs per message in Node 20), moving for large ones.
 */
export function transferList(bytes: Uint8Array): Transferable[] {
  return bytes.byteLength >= 64 << 10 ? [bytes.buffer as ArrayBuffer] : [];
}

/** Host → worker on the bridge port (JSPI bridge only: the atomics bridge answers in memory). */
export interface BridgeReply {
  reply: Uint8Array;
  /** The `seq` of the request answered. */
  seq?: number;
}

/**
 * Layout of the atomics bridge's `SharedArrayBuffer`: a header of int32 slots, then a data area
 * that carries a request (when it fits and the host listens) and then its reply, in chunks when
 * the reply is longer than the area.
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

/** Sent with `init`: how the worker runtime behaves. */
export interface WorkerOptions {
  /** Bytes of baked preload states to keep (`Platform.bakeCache`); 0: no baking. */
  bakeCache?: number | undefined;
}

/** The API a worker exposes (see `exposeWorkerRuntime`). */
export interface WorkerApi {
  /**
   * Instantiates and boots the guest once, with its end of the service bridge; resolves to the
   * bridge mode in use. Later calls are refused.
   */
  init(
    module: WebAssembly.Module,
    bridge: BridgeInit,
    options?: WorkerOptions,
  ): Promise<BridgeMode>;
  /**
   * Runs one invocation request (docs/ABI.md, "ABI 2") on a fresh Ruby state. `epoch` tags the
   * bridge messages of this invocation (see {@link BridgeRequest}). `preludeEnd`, when given, is
   * where the request's services and snippets end: the worker may then run the action on a
   * baked state of exactly those bytes instead of replaying them (worker/baker.ts).
   */
  invoke(
    request: Uint8Array,
    limits: EvalLimits,
    epoch: number,
    preludeEnd?: number,
  ): EvalResult | Promise<EvalResult>;
}

/** Posted by a worker once its runtime listens, before any request. Comlink ignores it. */
export const READY_MESSAGE = { kobako: "ready" } as const;

/** Tells whether a message is {@link READY_MESSAGE}. */
export function isReadyMessage(data: unknown): boolean {
  return (
    typeof data === "object" && data !== null && (data as { kobako?: unknown }).kobako === "ready"
  );
}
