import { transfer } from "comlink";
import { HandleExhaustedError, SandboxError, TimeoutError, TrapError } from "../errors.js";
import type { EvalLimits, EvalResult } from "../protocol.js";
import { type Action, encodeInvocation, type SnippetSpec } from "../wire/request.js";
import { decodeResponse } from "../wire/response.js";
import { MAX_PAYLOAD, WireError } from "../wire/types.js";
import { Dispatcher } from "./dispatch.js";
import type { HandleTable } from "./handles.js";
import type { ResolvedInvocation } from "./options.js";
import { failureError } from "./outcome.js";
import type { PooledWorker, WorkerPool } from "./pool.js";
import type { ServiceRegistry } from "./services.js";

/** What one invocation needs of its sandbox. */
export interface InvocationContext {
  readonly pool: WorkerPool;
  readonly registry: ServiceRegistry;
  readonly snippets: readonly SnippetSpec[];
  readonly limits: EvalLimits;
  /** A fresh handle table for this invocation. */
  newHandleTable(): HandleTable;
  /** Keeps the output and usage of the invocation (`undefined`: nothing ran). */
  record(result: EvalResult | undefined, wallTime: number): void;
}

// Beyond this setTimeout fires at once instead of never.
const MAX_TIMER = 2 ** 31 - 1;

/** Marks the rejection of a race lost to an abort signal. */
class Aborted {
  constructor(readonly reason: unknown) {}
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
    if (error instanceof HandleExhaustedError) throw error;
    const reason = error instanceof WireError ? error.reason : "arguments";
    throw new SandboxError(`the invocation cannot be sent to the guest: ${message(error)}`, {
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
    context.record(undefined, 0);
    throw call.signal.reason;
  }
  const table = context.newHandleTable();
  let request: Uint8Array;
  try {
    request = encode(context, action, table);
  } catch (error) {
    context.record(undefined, 0);
    throw error;
  }
  let worker: PooledWorker;
  try {
    worker = await acquire(context.pool, call.signal);
  } catch (error) {
    context.record(undefined, 0);
    if (error instanceof Aborted) throw error.reason;
    throw new TrapError(`could not start a sandbox worker: ${message(error)}`, {
      cause: error,
      details: { kind: "worker" },
    });
  }
  const dispatcher = new Dispatcher(context.registry, table);
  const result = await run(context, worker, request, call, dispatcher);
  if (result.trap) throw new TrapError(result.trap.message, { details: { kind: "trap" } });
  if (dispatcher.fatal) throw dispatcher.fatal;
  if (!result.envelope) {
    throw new TrapError("the guest gave no response", { details: { kind: "wire" } });
  }
  let outcome: ReturnType<typeof decodeResponse>;
  try {
    outcome = decodeResponse(result.envelope, (id) =>
      table.has(id) ? table.get(id) : unknownHandle(id),
    );
  } catch (error) {
    throw new TrapError(`malformed response from the guest: ${message(error)}`, {
      cause: error,
      details: { kind: "wire" },
    });
  }
  if (outcome.ok) return outcome.value;
  throw failureError(outcome.failure, outcome.error, dispatcher.failures, result.bridgeFailure);
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
 * Runs the request on `worker` and records its output and usage. A worker that times out, is
 * aborted, dies or misbehaves is discarded (the pool starts a new one when needed) and the call
 * rejects with a `TrapError` (or the abort reason). A guest waiting on a slow service is bound by
 * the same deadline.
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
    if (timeout === null || timeout > MAX_TIMER) return;
    timer = setTimeout(() => {
      reject(
        new TimeoutError(`the invocation ran past its timeout of ${timeout} ms`, {
          details: { kind: "timeout", timeout },
        }),
      );
    }, timeout);
  });
  worker.bridge.attach(dispatcher);
  try {
    const result = await Promise.race([
      worker.api.invoke(transfer(request, [request.buffer]), context.limits),
      worker.failed,
      stopped,
    ]);
    worker.bridge.detach();
    context.pool.release(worker);
    context.record(result, result.wallTime);
    return result;
  } catch (error) {
    worker.bridge.detach();
    context.pool.discard(worker);
    context.record(undefined, performance.now() - started);
    if (error instanceof Aborted) throw error.reason;
    if (error instanceof TrapError) throw error;
    throw new TrapError(`the sandbox worker failed: ${message(error)}`, {
      cause: error,
      details: { kind: "worker" },
    });
  } finally {
    dispatcher.end();
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
