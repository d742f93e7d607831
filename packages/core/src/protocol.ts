/**
 * What the host and the worker runtime say to each other through comlink (init, invoke). Service
 * calls go through the worker's channel (src/channel/). Everything here is plain data that
 * survives structured cloning.
 */
import type { ChannelInit, ChannelMode } from "./channel/contract.js";

/** Past this many ms `setTimeout` fires at once instead of late (int32 ms, 24.8 days). */
export const MAX_TIMER = 2 ** 31 - 1;

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
  /** Why a service call could not reach the host (the channel itself failed it). */
  channelFailure?: string;
  /** @deprecated The former name of {@link channelFailure}, still read from older runtimes. */
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
  /** Milliseconds spent in the guest, restore included unless it was done after the last result. */
  wallTime: number;
  /** High-water mark of the Ruby heap beyond its baseline, in bytes (0 when unknown). */
  memoryPeak: number;
}

/** Sent with `init`: how the worker runtime behaves. */
export interface WorkerOptions {
  /** Bytes of baked preload states to keep (`Platform.bakeCache`); 0: no baking. */
  bakeCache?: number | undefined;
  /**
   * Whether the worker warms up by itself once it idles after start-up (default true). Off
   * in-thread: the warm-up would compute on the host's own thread at a moment nobody chose.
   */
  idleWarmUp?: boolean | undefined;
}

/** The API a worker exposes (see `exposeWorkerRuntime`). */
export interface WorkerApi {
  /**
   * Instantiates and boots the guest once, with its end of the service channel; resolves to the
   * channel mode it chose (src/channel/select.ts). Later calls are refused.
   */
  init(
    module: WebAssembly.Module,
    channel: ChannelInit,
    options?: WorkerOptions,
  ): Promise<ChannelMode>;
  /**
   * Runs one invocation request (docs/ABI.md, "ABI 2") on a fresh Ruby state. `epoch` tags the
   * channel messages of this invocation (see `ChannelRequest`). `preludeEnd`, when given, is
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
