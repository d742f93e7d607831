/**
 * What the host and the worker runtime say to each other through comlink. Everything here is
 * plain data that survives structured cloning.
 */

/** Caps for one invocation, in bytes. */
export interface EvalLimits {
  stdoutLimit: number;
  stderrLimit: number;
}

/** How one invocation ended, as the worker reports it. */
export interface EvalResult {
  /** The response envelope of docs/ABI.md, undecoded (absent after a trap). */
  envelope?: Uint8Array;
  /** Set when the engine trapped; the next invocation restores a fresh state. */
  trap?: { message: string };
  stdout: Uint8Array;
  stderr: Uint8Array;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  /** Milliseconds spent in the guest, restore included. */
  wallTime: number;
}

/** The API a worker exposes (see `exposeWorkerRuntime`). */
export interface WorkerApi {
  /** Instantiates and boots the guest once; later calls are refused. */
  init(module: WebAssembly.Module): Promise<void> | void;
  /** Runs `source` on a fresh Ruby state. */
  eval(source: string, limits: EvalLimits): EvalResult;
}

/** Posted by a worker once its runtime listens, before any request. Comlink ignores it. */
export const READY_MESSAGE = { kobako: "ready" } as const;

/** Tells whether a message is {@link READY_MESSAGE}. */
export function isReadyMessage(data: unknown): boolean {
  return (
    typeof data === "object" && data !== null && (data as { kobako?: unknown }).kobako === "ready"
  );
}
