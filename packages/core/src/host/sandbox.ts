import { SandboxError } from "../errors.js";
import type { Action, SnippetSpec } from "../wire/request.js";
import { AbortWatch } from "./abort.js";
import { HandleTable } from "./handles.js";
import {
  bakeAheadOf,
  type InvocationContext,
  type InvocationReport,
  invoke,
  prepare,
} from "./invocation.js";
import { CONSTANT_NAME } from "./names.js";
import {
  type InvocationOptions,
  type ResolvedInvocation,
  type ResolvedOptions,
  resolveInvocation,
  resolveOptions,
  type SandboxOptions,
} from "./options.js";
import { startFailure } from "./outcome.js";
import type { Platform, Threading } from "./platform.js";
import { poolFor } from "./pool.js";
import { CallQueue } from "./queue.js";
import { type ServiceNamespace, ServiceRegistry } from "./services.js";
import { checkSnippet, type Snippet } from "./snippets.js";
import { messageOf } from "./thrown.js";

/** What the last finished invocation cost. */
export interface Usage {
  /**
   * Milliseconds the invocation ran in its worker (restoring the fresh state included, unless the
   * worker restored it right after the previous result), or, when the worker had to be terminated
   * or was aborted, until the host gave up on it.
   */
  wallTime: number;
  /**
   * High-water mark of the invocation's Ruby heap beyond its baseline, in bytes (what
   * `memoryLimit` caps). 0 when unknown: the worker was terminated, or nothing ran.
   */
  memoryPeak: number;
}

const utf8 = new TextDecoder();
const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);

function closedError(): SandboxError {
  return new SandboxError("the sandbox is closed", { origin: "host", details: { kind: "closed" } });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A place to run untrusted Ruby. Sandboxes are cheap host objects: the guest instances live in a
 * worker pool shared by every sandbox of the platform. Invocations on one sandbox run one at a
 * time in call order; different sandboxes run in parallel. Every invocation starts from a fresh
 * Ruby state; services and preloaded snippets are there each time.
 *
 * Platform adapters (`@kobako/node`, `@kobako/browser`) subclass it with their platform.
 */
export class Sandbox {
  readonly #options: ResolvedOptions;
  readonly #registry = new ServiceRegistry();
  readonly #snippets: SnippetSpec[] = [];
  readonly #context: InvocationContext;
  readonly #queue = new CallQueue();
  readonly #threading: Threading;
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
    this.#threading = platform.threading ?? "worker";
    this.#context = {
      pool: poolFor(platform),
      registry: this.#registry,
      snippets: this.#snippets,
      caps: {
        stdoutLimit: this.#options.stdoutLimit,
        stderrLimit: this.#options.stderrLimit,
        memoryLimit: this.#options.memoryLimit,
      },
      newHandleTable: () => this.createHandleTable(),
    };
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

  /**
   * Where this sandbox's guest runs: `"worker"` (a worker of the platform's pool) or
   * `"in-thread"` (on the calling thread: no hard backstop, no parallelism; see `Threading`).
   */
  get threading(): Threading {
    return this.#threading;
  }

  /** Whether {@link close} was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Whether the first `eval` or `run` has fixed the services and snippets; `define`, `bind` and
   * `preload` throw from then on.
   */
  get sealed(): boolean {
    return this.#registry.sealed;
  }

  /**
   * Defines the service namespace `name`: a Ruby module under which the guest finds the members
   * bound with {@link ServiceNamespace.bind}. Defining a name again returns the same namespace.
   *
   * ```ts
   * sandbox.define("KV").bind("Lookup", async (key) => db.get(key)); // KV::Lookup.call("k")
   * ```
   *
   * Throws `TypeError` when `name` is not a constant name (`/^[A-Z]\w*$/`) or would shadow one of
   * the guest's own constants (`Kernel`, `String`, `Kobako`, …); `SandboxError` once sealed or
   * closed.
   */
  define(name: string): ServiceNamespace {
    if (this.#closed) throw closedError();
    return this.#registry.define(name);
  }

  /**
   * Adds a snippet that runs at the start of every invocation, before the script, in the order
   * snippets were added (later snippets see what earlier ones defined).
   *
   * - `{ code, name? }`: Ruby source, compiled now as a trial; a syntax error rejects with
   *   `SandboxError` and the snippet is not added.
   * - `{ binary, name? }`: RITE bytecode (e.g. from {@link compile}), accepted as is and checked
   *   by the guest on the first invocation, which rejects with `BytecodeError` if it does not load.
   *
   * Rejects with `TypeError` for a malformed snippet; with `SandboxError` once the sandbox is
   * sealed (by the first `eval` or `run`) or closed.
   */
  preload(snippet: Snippet): Promise<void> {
    let spec: SnippetSpec;
    try {
      spec = checkSnippet(snippet, this.#snippets.length + 1);
      if (this.#closed) throw closedError();
      this.#registry.checkOpen("preload");
    } catch (error) {
      return Promise.reject(error);
    }
    if (typeof spec.code !== "string") {
      this.#snippets.push(spec);
      return Promise.resolve();
    }
    // Added at once and compiled in queue order, so snippets keep the order of the preload calls;
    // one that does not compile is taken out again before any later invocation runs.
    const source = spec.code;
    this.#snippets.push(spec);
    const call = this.#resolve(undefined);
    const prepared = prepare(this.#context, { kind: "compile", source });
    return this.#queue.add(async () => {
      // Preloading's trial compile cannot be aborted.
      const report = await invoke(this.#context, prepared, call, new AbortWatch(undefined));
      if (report.settled.ok) return;
      const at = this.#snippets.indexOf(spec);
      if (at >= 0) this.#snippets.splice(at, 1);
      throw report.settled.error;
    });
  }

  /**
   * Compiles Ruby `source` to RITE bytecode, which {@link preload} accepts as `{ binary }`.
   * Rejects with `SandboxError` on a syntax error. Does not seal the sandbox.
   */
  compile(source: string, options?: InvocationOptions): Promise<Uint8Array> {
    if (typeof source !== "string") {
      return Promise.reject(new TypeError("compile: source must be a string"));
    }
    return this.#submit({ kind: "compile", source }, options).then((value) => {
      if (!(value instanceof Uint8Array)) {
        throw new SandboxError("the guest did not return bytecode", {
          origin: "host",
          details: { kind: "wire" },
        });
      }
      return value;
    });
  }

  /**
   * Runs Ruby `source` at top level on a fresh state and resolves to the value of its last
   * expression, mapped to JavaScript (see the value table in docs/API.md).
   *
   * Rejects with `SandboxError` when the script raises, does not compile, or returns a value with
   * no mapping; with `ServiceError` when a service failed and the script did not rescue it; with
   * `TrapError` (`TimeoutError`) when the engine or a cap ended the run; with the signal's reason
   * when `options.signal` aborts it. The sandbox stays usable after any of them. The first call
   * seals the sandbox.
   */
  eval(source: string, options?: InvocationOptions): Promise<unknown> {
    if (typeof source !== "string") {
      return Promise.reject(new TypeError("eval: source must be a string"));
    }
    return this.#submit({ kind: "eval", source }, options);
  }

  /**
   * Calls `Target.call(*args, **kwargs)` on the top-level constant `target` (usually defined by
   * a preloaded snippet) and resolves to its value. Non-representable values in `args` and
   * `kwargs` (class instances, functions, Dates, …) reach the guest as `Kobako::Handle`s.
   *
   * Rejects with `TypeError` before anything runs when `target` is not a top-level constant name
   * (`/^[A-Z]\w*$/`: no `::`, no lowercase first letter, not empty), `args` is not an array or
   * `kwargs` not a plain object; with `SandboxError` when the constant is missing or has no
   * `call`; otherwise as {@link eval}. The first call seals the sandbox.
   */
  run(
    target: string,
    args: readonly unknown[] = [],
    kwargs?: Readonly<Record<string, unknown>>,
    options?: InvocationOptions,
  ): Promise<unknown> {
    if (typeof target !== "string" || !CONSTANT_NAME.test(target)) {
      return Promise.reject(
        new TypeError(
          `run: the target must be a top-level constant name (/^[A-Z]\\w*$/), got ${
            typeof target === "string" ? JSON.stringify(target) : typeof target
          }`,
        ),
      );
    }
    if (!Array.isArray(args)) {
      return Promise.reject(new TypeError("run: args must be an array"));
    }
    if (kwargs !== undefined && kwargs !== null && !isPlainObject(kwargs)) {
      return Promise.reject(new TypeError("run: kwargs must be a plain object"));
    }
    const action: Action = { kind: "run", target, args, kwargs: kwargs ?? undefined };
    return this.#submit(action, options);
  }

  /**
   * Ends the sandbox: later calls reject; calls already made still settle, and the returned
   * promise waits for them. Workers belong to the shared pool and stay for other sandboxes.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue.drained();
  }

  /**
   * Gets a worker of this sandbox's platform ready ahead of the first invocation: kobako.wasm is
   * loaded and compiled, a worker started, the guest booted and warmed up, so that the first
   * `eval` or `run` costs about what any other does; the services and snippets given so far are
   * baked on that worker, apart from the host (no service is called, nothing is printed). Call it
   * early (at start-up, when a page loads); nothing runs for the host and nothing is sealed.
   * Resolves once a worker is ready (when one is, once the next one handed out has warmed up and
   * baked); rejects with `SetupError` when the guest or the worker cannot load, as the first
   * invocation would, and the next call tries again. Idle workers do not keep a Node process
   * alive.
   */
  prepare(): Promise<void> {
    if (this.#closed) return Promise.reject(closedError());
    const bake = bakeAheadOf(this.#context, this.#options.timeout);
    return this.#context.pool.prepare(bake).catch((error: unknown) => {
      throw startFailure(error);
    });
  }

  /** `await using sandbox = new Sandbox()` closes it at the end of the scope. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * The handle table of a new invocation. A subclass may override it, e.g. to start ids near the
   * limit in a test of `HandleExhaustedError`.
   */
  protected createHandleTable(): HandleTable {
    return new HandleTable();
  }

  #resolve(options: InvocationOptions | undefined): ResolvedInvocation {
    return resolveInvocation(options, this.#options);
  }

  /**
   * Queues an action; `eval` and `run` seal the sandbox, `compile` does not. The call's signal
   * is watched from now on, so an abort ends the call even while it waits its turn.
   */
  #submit(action: Action, options: InvocationOptions | undefined): Promise<unknown> {
    let call: ResolvedInvocation;
    try {
      call = this.#resolve(options);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#closed) return Promise.reject(closedError());
    let abort: AbortWatch;
    try {
      abort = new AbortWatch(call.signal);
    } catch (error) {
      return Promise.reject(
        new TypeError(`signal: listening for its abort failed: ${messageOf(error)}`, {
          cause: error,
        }),
      );
    }
    // Compiling is not an invocation of a script: it leaves output and usage as they were.
    const record = action.kind !== "compile";
    if (record) this.#registry.seal();
    const prepared = prepare(this.#context, action);
    const task = async () => {
      try {
        const report = await invoke(this.#context, prepared, call, abort);
        if (record) this.#record(report);
        if (!report.settled.ok) throw report.settled.error;
        return report.settled.value;
      } finally {
        abort.dispose();
      }
    };
    // Without a signal there is nothing to race (and no reaction to pile up on a promise).
    return this.#queue.add(task, call.signal ? abort : undefined);
  }

  /** Keeps the output and usage of the invocation that just ended: the one place they are set. */
  #record(report: InvocationReport): void {
    const { result, usage } = report;
    this.#stdout = result ? utf8.decode(result.stdout) : "";
    this.#stderr = result ? utf8.decode(result.stderr) : "";
    this.#stdoutTruncated = result?.stdoutTruncated ?? false;
    this.#stderrTruncated = result?.stderrTruncated ?? false;
    this.#usage = { wallTime: usage.wallTime, memoryPeak: usage.memoryPeak };
  }
}
