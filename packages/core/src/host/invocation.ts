import { transfer } from "comlink";
import { HandleExhaustedError, SandboxError, SetupError, TrapError } from "../errors.js";
import type { EvalLimits, EvalResult } from "../protocol.js";
import { type Action, encodeInvocation, type SnippetSpec } from "../wire/request.js";
import { decodeResponse } from "../wire/response.js";
import { MAX_PAYLOAD, WireError } from "../wire/types.js";
import { describeSize } from "../wire/writer.js";
import { Dispatcher } from "./dispatch.js";
import type { HandleTable } from "./handles.js";
import { HARD_TIMEOUT_GRACE, type ResolvedInvocation } from "./options.js";
import { failureError, timeoutError } from "./outcome.js";
import type { PooledWorker, WorkerPool } from "./pool.js";
import type { ServiceRegistry } from "./services.js";
import { isInstance, messageOf } from "./thrown.js";

/** The caps of a sandbox that hold for every invocation (the timeout may change per call). */
export interface SandboxCaps {
  readonly stdoutLimit: number;
  readonly stderrLimit: number;
  /** Bytes; `null`: no cap. */
  readonly memoryLimit: number | null;
}

/** What one invocation cost. */
export interface InvocationUsage {
  wallTime: number;
  memoryPeak: number;
}

/** What one invocation needs of its sandbox. */
export interface InvocationContext {
  readonly pool: WorkerPool;
  readonly registry: ServiceRegistry;
  readonly snippets: readonly SnippetSpec[];
  readonly caps: SandboxCaps;
  /** A fresh handle table for this invocation. */
  newHandleTable(): HandleTable;
  /** Keeps the output and usage of the invocation (`undefined`: nothing ran). */
  record(result: EvalResult | undefined, usage: InvocationUsage): void;
}

const NOTHING: InvocationUsage = { wallTime: 0, memoryPeak: 0 };

// Beyond this setTimeout fires at once instead of never.
const MAX_TIMER = 2 ** 31 - 1;

/** The caps the worker applies to this call. */
function evalLimits(caps: SandboxCaps, timeout: number | null): EvalLimits {
  return {
    stdoutLimit: caps.stdoutLimit,
    stderrLimit: caps.stderrLimit,
    memoryLimit: caps.memoryLimit ?? 0,
    // Past int32 ms (24.8 days) no timer runs on the host either.
    timeout: timeout === null || timeout > MAX_TIMER ? 0 : timeout,
  };
}

/** Marks the rejection of a race lost to an abort signal. */
class Aborted {
  constructor(readonly reason: unknown) {}
}

function unknownHandle(id: number): never {
  throw new WireError("malformed", `unknown handle id ${id}`);
}

/** The request bytes, or the error the invocation rejects with before anything runs. */
function encode(context: InvocationContext, action: Action, table: HandleTable): Uint8Array {
  // Compiling runs nothing: it needs neither services nor snippets.
  const compiling = action.kind === "compile";
  try {
    return encodeInvocation(
      compiling ? [] : context.registry.specs(),
      compiling ? [] : context.snippets,
      action,
      {
        toHandle: (value) => table.add(value),
        limit: MAX_PAYLOAD,
      },
    );
  } catch (error) {
    if (isInstance(error, HandleExhaustedError)) throw error;
    const reason = isInstance(error, WireError) ? error.reason : "arguments";
    throw new SandboxError(`the invocation cannot be sent to the guest: ${messageOf(error)}`, {
      origin: "host",
      cause: error,
      details: { kind: reason },
    });
  }
}

/**
 * Runs one invocation: encodes the request (services, snippets, action), borrows a worker,
 * serves the guest's service calls while it runs, and resolves to the decoded value or rejects
 * with the one error that describes the outcome. Output and usage are recorded on every path.
 */
export async function invoke(
  context: InvocationContext,
  action: Action,
  call: ResolvedInvocation,
): Promise<unknown> {
  if (call.signal?.aborted) {
    context.record(undefined, NOTHING);
    throw call.signal.reason;
  }
  const table = context.newHandleTable();
  let request: Uint8Array;
  try {
    request = encode(context, action, table);
  } catch (error) {
    context.record(undefined, NOTHING);
    throw error;
  }
  let worker: PooledWorker;
  try {
    worker = await acquire(context.pool, call.signal);
  } catch (error) {
    context.record(undefined, NOTHING);
    if (error instanceof Aborted) throw error.reason;
    // The platform could not load the guest or the worker: its own class, its own message.
    if (error instanceof SetupError) throw error;
    throw new TrapError(`could not start a sandbox worker: ${messageOf(error)}`, {
      cause: error,
      details: { kind: "worker" },
    });
  }
  const dispatcher = new Dispatcher(context.registry, table);
  const result = await run(context, worker, request, call, dispatcher);
  if (result.trap) throw new TrapError(result.trap.message, { details: { kind: "trap" } });
  if (result.deadline) throw timeoutError(call.timeout, { hard: false, waiting: true });
  if (dispatcher.fatal) throw dispatcher.fatal;
  if (result.oversize !== undefined) {
    throw new SandboxError(
      `the result of the invocation (${result.oversize} bytes encoded) exceeds the ${describeSize(MAX_PAYLOAD)} payload cap`,
      { details: { kind: "too-large", size: result.oversize } },
    );
  }
  if (!result.envelope) {
    throw new TrapError("the guest gave no response", { details: { kind: "wire" } });
  }
  let outcome: ReturnType<typeof decodeResponse>;
  try {
    outcome = decodeResponse(result.envelope, (id) =>
      table.has(id) ? table.get(id) : unknownHandle(id),
    );
  } catch (error) {
    if (
      isInstance(error, WireError) &&
      (error.reason === "too-large" || error.reason === "too-deep")
    ) {
      // A result of the script's making, too wide or too deep for the host to take.
      throw new SandboxError(`the result of the invocation cannot be taken: ${error.message}`, {
        cause: error,
        details: { kind: error.reason },
      });
    }
    throw new TrapError(`malformed response from the guest: ${messageOf(error)}`, {
      cause: error,
      details: { kind: "wire" },
    });
  }
  if (outcome.ok) return outcome.value;
  throw failureError(outcome.failure, outcome.error, dispatcher.failures, result.bridgeFailure, {
    timeout: call.timeout,
    memoryLimit: context.caps.memoryLimit,
  });
}

/** Borrows a worker from the pool, unless `signal` aborts first. */
function acquire(pool: WorkerPool, signal: AbortSignal | undefined): Promise<PooledWorker> {
  const acquiring = pool.acquire();
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
        if (settled) pool.release(worker);
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
 * Runs the request on `worker` and records its output and usage. The guest stops itself at its
 * deadline (and the worker stops waiting on a service past it), so a timeout normally comes back
 * as a result; a worker still busy {@link HARD_TIMEOUT_GRACE} ms past the deadline, or aborted,
 * or dead, or misbehaving is discarded (the pool starts a new one when needed) and the call
 * rejects with a `TimeoutError`/`TrapError` (or the abort reason).
 */
async function run(
  context: InvocationContext,
  worker: PooledWorker,
  request: Uint8Array,
  call: ResolvedInvocation,
  dispatcher: Dispatcher,
): Promise<EvalResult> {
  const started = performance.now();
  const { timeout, signal } = call;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    if (signal) {
      onAbort = () => reject(new Aborted(signal.reason));
      signal.addEventListener("abort", onAbort, { once: true });
    }
    if (timeout === null || timeout + HARD_TIMEOUT_GRACE > MAX_TIMER) return;
    timer = setTimeout(() => {
      reject(timeoutError(timeout, { hard: true }));
    }, timeout + HARD_TIMEOUT_GRACE);
  });
  const epoch = worker.bridge.attach(dispatcher);
  const watch = worker.watchFailure();
  try {
    const result = await Promise.race([
      worker.api.invoke(
        transfer(request, [request.buffer]),
        evalLimits(context.caps, call.timeout),
        epoch,
      ),
      watch.failed,
      stopped,
    ]);
    worker.bridge.detach();
    context.pool.release(worker);
    context.record(result, { wallTime: result.wallTime, memoryPeak: result.memoryPeak });
    return result;
  } catch (error) {
    worker.bridge.detach();
    context.pool.discard(worker);
    // The guest's own figures died with its worker: the host knows only how long it waited.
    context.record(undefined, { wallTime: performance.now() - started, memoryPeak: 0 });
    if (error instanceof Aborted) throw error.reason;
    if (error instanceof TrapError) throw error;
    throw new TrapError(`the sandbox worker failed: ${messageOf(error)}`, {
      cause: error,
      details: { kind: "worker" },
    });
  } finally {
    watch.stop();
    dispatcher.end();
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
