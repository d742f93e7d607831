/**
 * What the host and the worker runtime say to each other on the worker's endpoint: `init` once,
 * through comlink; then invocations, each one flat message each way ({@link InvokeMessage},
 * {@link ResultMessage}). Service calls go through the worker's channel (src/channel/).
 * Everything here is plain data that survives structured cloning.
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
}

/** A sandbox's prelude (its encoded services and snippets) to bake ahead, with its caps. */
export interface BakeAhead {
  readonly prelude: Uint8Array;
  readonly memoryLimit: number;
  readonly timeout: number;
}

/** The API a worker exposes through comlink (see `exposeWorkerRuntime`). */
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
   * Runs the warm-up script now, unless it has run (or an invocation is in flight); resolves when
   * it is done (`Sandbox#prepare`). Otherwise it never runs: the first invocation compiles what it
   * needs. With `bake`, it then starts the baking instance and bakes that prelude, so that the
   * first invocation of a sandbox with services or snippets finds its state baked
   * (worker/baker.ts; a bake never reaches the host: a prelude that calls a service is replayed).
   */
  warmUp(bake?: BakeAhead): Promise<void>;
}

/**
 * Host → worker: run one invocation request (docs/ABI.md, "ABI 2") on a fresh Ruby state, posted
 * with the request's buffer transferred. Flat, not through comlink: its proxy, id and nested
 * message cost more than an `eval("nil")` itself, and a structured clone of numbers in an array
 * is the cheapest message there is. `epoch` tags the channel messages of this invocation (see
 * `ChannelRequest`) and its {@link ResultMessage}. `clock` is NaN for a clock that runs.
 *
 * The request's services and snippets (its prelude) come one of two ways:
 * - `preludeEnd` ≥ 0: `request` is whole and its prelude ends there; with `preludeId` ≥ 0 the
 *   worker keeps a copy of that prelude under the id for later invocations.
 * - `preludeEnd` −1 and `preludeId` ≥ 0: `request` is the action alone, and the prelude is the
 *   one the worker keeps under that id. A sandbox's prelude thus crosses once per worker, not with
 *   every call, and the worker finds its baked state without reading the bytes.
 * Both −1: `request` is whole and has nothing to bake. `forget` lists ids the worker drops first:
 * the host decides what a worker keeps, and bounds it (host/invoker.ts); ids are never reused on
 * one worker.
 *
 * Either way the worker may run the action on a baked state of exactly that prelude instead of
 * replaying it (worker/baker.ts).
 */
export type InvokeMessage = [
  tag: typeof INVOKE,
  epoch: number,
  request: Uint8Array,
  preludeEnd: number,
  preludeId: number,
  forget: readonly number[],
  stdoutLimit: number,
  stderrLimit: number,
  memoryLimit: number,
  timeout: number,
  seed: number,
  clock: number,
];

/**
 * Worker → host: how the invocation of `epoch` ended. `result` is the {@link EvalResult}, its
 * empty output left out; a worker that could not run it at all (not initialised, a fault in the
 * runtime) sends `failure` instead, a message the host reports as a failed worker.
 */
export type ResultMessage =
  | [tag: typeof RESULT, epoch: number, result: PostedResult]
  | [tag: typeof FAILED, epoch: number, failure: string];

/** An {@link EvalResult} as posted: output only when there is some (read it with `readResult`). */
export type PostedResult = Omit<EvalResult, "stdout" | "stderr"> & {
  stdout?: Uint8Array;
  stderr?: Uint8Array;
};

/**
 * Buffers smaller than this are copied by a post rather than transferred. Every typed array in
 * a message costs Node's post ~2 µs, a transferred one ~0.5 µs more than a small copied one.
 */
const TRANSFER_FROM = 4096;

/** The buffers of `views` worth transferring rather than copying (see TRANSFER_FROM). */
export function transferables(...views: (Uint8Array | undefined)[]): Transferable[] {
  const buffers: Transferable[] = [];
  for (const view of views) {
    if (view && view.buffer.byteLength >= TRANSFER_FROM) buffers.push(view.buffer);
  }
  return buffers;
}

const INVOKE = "kobako:invoke";
const RESULT = "kobako:result";
const FAILED = "kobako:failed";

/** The prelude of a request, as the host sends it. */
export type PreludeRef =
  /** `request` is the action alone; the worker keeps the prelude under this id. */
  | { readonly id: number }
  /** `request` is whole; its prelude ends at `end`, and is to be kept under `keep` if given. */
  | { readonly end: number; readonly keep?: number }
  /** `request` is whole and has nothing to bake. */
  | undefined;

/** The message that asks a worker to run `request` (its buffer is to be transferred). */
export function invokeMessage(
  epoch: number,
  request: Uint8Array,
  limits: EvalLimits,
  prelude: PreludeRef,
  forget: readonly number[] = NONE,
): InvokeMessage {
  let end = -1;
  let id = -1;
  if (prelude && "id" in prelude) id = prelude.id;
  else if (prelude) {
    end = prelude.end;
    id = prelude.keep ?? -1;
  }
  return [
    INVOKE,
    epoch,
    request,
    end,
    id,
    forget,
    limits.stdoutLimit,
    limits.stderrLimit,
    limits.memoryLimit,
    limits.timeout,
    limits.seed,
    limits.clock ?? Number.NaN,
  ];
}

const NONE: readonly number[] = [];

/** An invocation as the worker reads it from an {@link InvokeMessage}. */
export interface Invocation {
  epoch: number;
  request: Uint8Array;
  limits: EvalLimits;
  prelude: PreludeRef;
  /** Kept preludes to drop before this invocation. */
  forget: readonly number[];
}

/** Whether `data` is an {@link InvokeMessage}. */
export function isInvokeMessage(data: unknown): data is InvokeMessage {
  return Array.isArray(data) && data[0] === INVOKE;
}

/** The invocation `data` asks for, or `undefined` when `data` is another message. */
export function readInvokeMessage(data: unknown): Invocation | undefined {
  if (!isInvokeMessage(data)) return undefined;
  const [
    ,
    epoch,
    request,
    preludeEnd,
    preludeId,
    forget,
    stdoutLimit,
    stderrLimit,
    memoryLimit,
    timeout,
    seed,
    clock,
  ] = data as InvokeMessage;
  const limits: EvalLimits = { stdoutLimit, stderrLimit, memoryLimit, timeout, seed };
  if (!Number.isNaN(clock)) limits.clock = clock;
  let prelude: PreludeRef;
  if (preludeEnd >= 0)
    prelude = preludeId >= 0 ? { end: preludeEnd, keep: preludeId } : { end: preludeEnd };
  else if (preludeId >= 0) prelude = { id: preludeId };
  return { epoch, request, limits, prelude, forget };
}

/** Whether `data` is a {@link ResultMessage}. */
export function isResultMessage(data: unknown): data is ResultMessage {
  return Array.isArray(data) && (data[0] === RESULT || data[0] === FAILED);
}

/** The message reporting `result` (or, a string, the failure) of the invocation of `epoch`. */
export function resultMessage(epoch: number, result: EvalResult | string): ResultMessage {
  if (typeof result === "string") return [FAILED, epoch, result];
  const { stdout, stderr, ...rest } = result;
  const posted: PostedResult = rest;
  if (stdout.byteLength > 0) posted.stdout = stdout;
  if (stderr.byteLength > 0) posted.stderr = stderr;
  return [RESULT, epoch, posted];
}

/** Output a result message left out: nothing, and nothing can be written into it. */
const NO_OUTPUT = new Uint8Array(0);

/**
 * The {@link EvalResult} a result message carries (output absent from it is empty). Completes the
 * posted object in place: it is the receiver's own copy.
 */
export function readResult(result: PostedResult): EvalResult {
  result.stdout ??= NO_OUTPUT;
  result.stderr ??= NO_OUTPUT;
  return result as EvalResult;
}

/** Whether a result message reports a result rather than a failure. */
export function isResult(
  message: ResultMessage,
): message is [tag: typeof RESULT, epoch: number, result: PostedResult] {
  return message[0] === RESULT;
}

/** Posted by a worker once its runtime listens, before any request. Comlink ignores it. */
export const READY_MESSAGE = { kobako: "ready" } as const;

/** Tells whether a message is {@link READY_MESSAGE}. */
export function isReadyMessage(data: unknown): boolean {
  return (
    typeof data === "object" && data !== null && (data as { kobako?: unknown }).kobako === "ready"
  );
}
