import { SandboxError, TimeoutError, TrapError } from "../errors.js";
import type { EvalLimits, EvalResult } from "../protocol.js";
import { decodeResponse } from "../wire/response.js";
import {
  type InvocationOptions,
  type ResolvedInvocation,
  type ResolvedOptions,
  resolveInvocation,
  resolveOptions,
  type SandboxOptions,
} from "./options.js";
import type { Platform } from "./platform.js";
import { type PooledWorker, poolFor, type WorkerPool } from "./pool.js";

/** What the last finished invocation cost. */
export interface Usage {
  /** Milliseconds the invocation ran (in the guest, or until the host gave up on it). */
  wallTime: number;
  /**
   * Bytes the invocation allocated at most, beyond its baseline. Not measured yet: always 0 until
   * the memory cap lands.
   */
  memoryPeak: number;
}

// Beyond this setTimeout fires at once instead of never.
const MAX_TIMER = 2 ** 31 - 1;
const utf8 = new TextDecoder();
const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);
const noop = () => {};

/** Marks the rejection of a race lost to an abort signal. */
class Aborted {
  constructor(readonly reason: unknown) {}
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A place to run untrusted Ruby. Sandboxes are cheap host objects: the guest instances live in a
 * worker pool shared by every sandbox of the platform. Invocations on one sandbox run one at a
 * time in call order; different sandboxes run in parallel. Every invocation starts from a fresh
 * Ruby state.
 *
 * Platform adapters (`@kobako/node`, `@kobako/browser`) subclass it with their platform.
 */
export class Sandbox {
  readonly #pool: WorkerPool;
  readonly #options: ResolvedOptions;
  readonly #limits: EvalLimits;
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;
  #stdout = "";
  #stderr = "";
  #stdoutTruncated = false;
  #stderrTruncated = false;
  #usage: Usage = { wallTime: 0, memoryPeak: 0 };

  /**
   * @param options caps of each invocation; throws `TypeError`/`RangeError` when invalid.
   * @param platform how workers start and kobako.wasm loads (given by the adapter).
   */
  constructor(options: SandboxOptions | undefined, platform: Platform) {
    this.#options = resolveOptions(options);
    this.#limits = {
      stdoutLimit: this.#options.stdoutLimit,
      stderrLimit: this.#options.stderrLimit,
    };
    this.#pool = poolFor(platform);
  }

  /** Standard output of the last finished invocation (UTF-8 decoded, clipped at the cap). */
  get stdout(): string {
    return this.#stdout;
  }

  /** Standard error of the last finished invocation (UTF-8 decoded, clipped at the cap). */
  get stderr(): string {
    return this.#stderr;
  }

  /** Whether the last invocation wrote more than `stdoutLimit` bytes to standard output. */
  get stdoutTruncated(): boolean {
    return this.#stdoutTruncated;
  }

  /** Whether the last invocation wrote more than `stderrLimit` bytes to standard error. */
  get stderrTruncated(): boolean {
    return this.#stderrTruncated;
  }

  /** Cost of the last finished invocation, whatever its outcome. */
  get usage(): Usage {
    return { ...this.#usage };
  }

  /** Whether {@link close} was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Runs Ruby `source` at top level on a fresh state and resolves to the value of its last
   * expression, mapped to JavaScript (see the value table in the README).
   *
   * Rejects with `SandboxError` when the script raises, does not compile, or returns a value with
   * no mapping; with `TrapError` (`TimeoutError`) when the engine or a cap ended the run; with the
   * signal's reason when `options.signal` aborts it. The sandbox stays usable after any of them.
   */
  eval(source: string, options?: InvocationOptions): Promise<unknown> {
    if (typeof source !== "string") {
      return Promise.reject(new TypeError("eval: source must be a string"));
    }
    let call: ResolvedInvocation;
    try {
      call = resolveInvocation(options, this.#options);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#closed) return Promise.reject(closedError());
    const run = this.#tail.then(() => this.#invoke(source, call));
    this.#tail = run.then(noop, noop);
    return run;
  }

  /**
   * Ends the sandbox: later calls reject; calls already made still settle, and the returned
   * promise waits for them. Workers belong to the shared pool and stay for other sandboxes.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#tail;
  }

  /** `await using sandbox = new Sandbox()` closes it at the end of the scope. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  async #invoke(source: string, call: ResolvedInvocation): Promise<unknown> {
    if (call.signal?.aborted) {
      this.#record(undefined, 0);
      throw call.signal.reason;
    }
    let worker: PooledWorker;
    try {
      worker = await this.#acquire(call.signal);
    } catch (error) {
      this.#record(undefined, 0);
      if (error instanceof Aborted) throw error.reason;
      throw new TrapError(`could not start a sandbox worker: ${message(error)}`, {
        cause: error,
        details: { kind: "worker" },
      });
    }
    const result = await this.#run(worker, source, call);
    if (result.trap) throw new TrapError(result.trap.message, { details: { kind: "trap" } });
    if (!result.envelope) {
      throw new TrapError("the guest gave no response", { details: { kind: "wire" } });
    }
    let outcome: ReturnType<typeof decodeResponse>;
    try {
      outcome = decodeResponse(result.envelope);
    } catch (error) {
      throw new TrapError(`malformed response from the guest: ${message(error)}`, {
        cause: error,
        details: { kind: "wire" },
      });
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** Borrows a worker from the pool, unless `signal` aborts first. */
  #acquire(signal: AbortSignal | undefined): Promise<PooledWorker> {
    const acquiring = this.#pool.acquire();
    if (!signal) return acquiring;
    return new Promise((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        settled = true;
        reject(new Aborted(signal.reason));
      };
      signal.addEventListener("abort", onAbort, { once: true });
      acquiring.then(
        (worker) => {
          signal.removeEventListener("abort", onAbort);
          if (settled) this.#pool.release(worker);
          else resolve(worker);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", onAbort);
          if (!settled) reject(error);
        },
      );
    });
  }

  /**
   * Runs one invocation on `worker` and records its output and usage. A worker that times out, is
   * aborted, dies or misbehaves is discarded (the pool starts a new one when needed) and the call
   * rejects with a `TrapError` (or the abort reason).
   */
  async #run(worker: PooledWorker, source: string, call: ResolvedInvocation): Promise<EvalResult> {
    const started = performance.now();
    const { timeout, signal } = call;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      if (signal) {
        onAbort = () => reject(new Aborted(signal.reason));
        signal.addEventListener("abort", onAbort, { once: true });
      }
      if (timeout === null || timeout > MAX_TIMER) return;
      timer = setTimeout(() => {
        reject(
          new TimeoutError(`the invocation ran past its timeout of ${timeout} ms`, {
            details: { kind: "timeout", timeout },
          }),
        );
      }, timeout);
    });
    try {
      const result = await Promise.race([
        worker.api.eval(source, this.#limits),
        worker.failed,
        stopped,
      ]);
      this.#pool.release(worker);
      this.#record(result, result.wallTime);
      return result;
    } catch (error) {
      this.#pool.discard(worker);
      this.#record(undefined, performance.now() - started);
      if (error instanceof Aborted) throw error.reason;
      if (error instanceof TrapError) throw error;
      throw new TrapError(`the sandbox worker failed: ${message(error)}`, {
        cause: error,
        details: { kind: "worker" },
      });
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    }
  }

  #record(result: EvalResult | undefined, wallTime: number): void {
    this.#stdout = result ? utf8.decode(result.stdout) : "";
    this.#stderr = result ? utf8.decode(result.stderr) : "";
    this.#stdoutTruncated = result?.stdoutTruncated ?? false;
    this.#stderrTruncated = result?.stderrTruncated ?? false;
    this.#usage = { wallTime, memoryPeak: 0 };
  }
}

function closedError(): SandboxError {
  return new SandboxError("the sandbox is closed", { origin: "host", details: { kind: "closed" } });
}
