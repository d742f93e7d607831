import { type BakeAhead, type EvalLimits, type EvalResult, MAX_TIMER } from "../protocol.js";
import {
  type Action,
  EMPTY_PRELUDE,
  encodePrelude,
  encodeRequest,
  type ServiceSpec,
  type SnippetSpec,
} from "../wire/request.js";
import { MAX_PAYLOAD, WireError } from "../wire/types.js";
import { Aborted, type AbortWatch } from "./abort.js";
import { Dispatcher } from "./dispatch.js";
import type { HandleTable } from "./handles.js";
import type { EncodedRequest } from "./invoker.js";
import { HARD_TIMEOUT_GRACE, type Hermetic, type ResolvedInvocation } from "./options.js";
import { type Ending, type Settled, settle } from "./outcome.js";
import type { PooledWorker, WorkerPool } from "./pool.js";
import type { ServiceRegistry } from "./services.js";

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
}

/** What an invocation reports to its sandbox: what the caller gets, the output, the cost. */
export interface InvocationReport {
  readonly settled: Settled;
  /** The worker's report (output, truncation); `undefined` when nothing ran or it was lost. */
  readonly result: EvalResult | undefined;
  readonly usage: InvocationUsage;
}

const NOTHING: InvocationUsage = { wallTime: 0, memoryPeak: 0 };

/** Seeds drawn from the host's CSPRNG in one call, handed out one per invocation. */
const seeds = new Uint32Array(256);
let nextSeed = seeds.length;

/**
 * A fresh 32-bit seed from the host's CSPRNG: no invocation can predict another's numbers (the
 * batch never leaves the host, and each seed is used once).
 */
function freshSeed(): number {
  if (nextSeed === seeds.length) {
    crypto.getRandomValues(seeds);
    nextSeed = 0;
  }
  return seeds[nextSeed++] ?? 0;
}

/** A timeout as the worker takes it: 0 for none. */
function workerTimeout(timeout: number | null): number {
  // Past int32 ms (24.8 days) no timer runs on the host either.
  return timeout === null || timeout > MAX_TIMER ? 0 : timeout;
}

/** The caps, seed and clock the worker applies to this call. */
function evalLimits(caps: SandboxCaps, call: ResolvedInvocation, started: number): EvalLimits {
  const { timeout, hermetic } = call;
  const limits: EvalLimits = {
    stdoutLimit: caps.stdoutLimit,
    stderrLimit: caps.stderrLimit,
    memoryLimit: caps.memoryLimit ?? 0,
    timeout: workerTimeout(timeout),
    seed: hermetic ? hermetic.seed : freshSeed(),
  };
  if (hermetic) limits.clock = clockOf(hermetic, started);
  return limits;
}

function clockOf(hermetic: Hermetic, started: number): number {
  return hermetic.now ?? started;
}

/** A context's services and snippets, encoded, and what they were encoded from. */
interface EncodedPrelude {
  readonly services: readonly ServiceSpec[];
  readonly snippets: readonly SnippetSpec[];
  readonly bytes: Uint8Array;
}

const preludes = new WeakMap<InvocationContext, EncodedPrelude>();

/**
 * The encoded services and snippets of a context, reused while they are the same objects (a
 * sealed sandbox's never change; the registry gives a new list when its services do).
 */
function preludeOf(context: InvocationContext): Uint8Array {
  const services = context.registry.specs();
  const { snippets } = context;
  const known = preludes.get(context);
  if (
    known &&
    known.services === services &&
    known.snippets.length === snippets.length &&
    known.snippets.every((snippet, i) => snippet === snippets[i])
  ) {
    return known.bytes;
  }
  const bytes = encodePrelude(services, snippets, MAX_PAYLOAD);
  preludes.set(context, { services, snippets: [...snippets], bytes });
  return bytes;
}

/**
 * The context's services and snippets to bake ahead (`Sandbox#prepare`) with its caps;
 * `undefined` when it has none, or they cannot be encoded (the first invocation will say why).
 */
export function bakeAheadOf(
  context: InvocationContext,
  timeout: number | null,
): BakeAhead | undefined {
  let prelude: Uint8Array;
  try {
    prelude = preludeOf(context);
  } catch {
    return undefined;
  }
  if (prelude.byteLength <= EMPTY_PRELUDE.byteLength) return undefined;
  return {
    prelude,
    memoryLimit: context.caps.memoryLimit ?? 0,
    timeout: workerTimeout(timeout),
  };
}

/** The request bytes, or the error that keeps anything from running. */
function encode(context: InvocationContext, action: Action, table: HandleTable): EncodedRequest {
  // Compiling runs nothing: it needs neither services nor snippets.
  const prelude = action.kind === "compile" ? undefined : preludeOf(context);
  const { bytes } = encodeRequest(
    [],
    [],
    action,
    { toHandle: (value) => table.add(value), limit: MAX_PAYLOAD },
    prelude,
  );
  // A worker keeps the prelude (host/invoker.ts), and may run the action on a baked state of
  // exactly these services and snippets. Without any there is nothing to keep or bake.
  return prelude && prelude.byteLength > EMPTY_PRELUDE.byteLength ? { bytes, prelude } : { bytes };
}

/**
 * An invocation made ready when it is called: its request is encoded at once, so that the caller
 * changing its arguments (or the bytes of a `Buffer` among them) while the call waits its turn
 * does not change what runs.
 */
export interface PreparedInvocation {
  readonly table: HandleTable;
  /**
   * The request bytes (and its services and snippets, when a baked state of them may serve), or
   * why there are none (nothing will run).
   */
  readonly request: EncodedRequest | { readonly error: unknown };
}

/** Encodes the request of `action` with a fresh handle table. Never throws. */
export function prepare(context: InvocationContext, action: Action): PreparedInvocation {
  const table = context.newHandleTable();
  try {
    return { table, request: encode(context, action, table) };
  } catch (error) {
    return { table, request: { error } };
  }
}

/**
 * Runs one prepared invocation: borrows a worker, serves the guest's service calls while it
 * runs, and reports how it ended. Never rejects: every outcome — a value, an error, an abort — is
 * in the report, which `settle` (host/outcome.ts) built. The worker it borrowed goes back to the
 * pool, or is discarded, on every path.
 */
export async function invoke(
  context: InvocationContext,
  prepared: PreparedInvocation,
  call: ResolvedInvocation,
  abort: AbortWatch,
): Promise<InvocationReport> {
  // The clock of a hermetic call defaults to the moment it starts to run.
  const started = Date.now();
  const { table, request } = prepared;
  const dispatcher = new Dispatcher(context.registry, table);
  const facts = {
    timeout: call.timeout,
    memoryLimit: context.caps.memoryLimit,
    get fatal() {
      return dispatcher.fatal;
    },
    failure: (id: number) => dispatcher.failure(id),
    resolveHandle: (id: number): unknown => {
      if (!table.has(id)) throw new WireError("malformed", `unknown handle id ${id}`);
      return table.get(id);
    },
  };
  const report = (ending: Ending, result?: EvalResult, usage = NOTHING): InvocationReport => ({
    settled: settle(ending, facts),
    result,
    usage,
  });

  if (abort.aborted) return report({ kind: "aborted", reason: abort.aborted.reason });
  if ("error" in request) return report({ kind: "unsent", error: request.error });
  let worker: PooledWorker;
  try {
    worker = await acquire(context.pool, abort);
  } catch (error) {
    if (error instanceof Aborted) return report({ kind: "aborted", reason: error.reason });
    return report({ kind: "no-worker", error });
  }
  const limits = evalLimits(context.caps, call, started);
  const ran = await run(context.pool, worker, request, limits, call, dispatcher, abort);
  return report(ran.ending, ran.result, ran.usage);
}

/** Borrows a worker from the pool, unless the call aborts first (the worker then goes back). */
function acquire(pool: WorkerPool, abort: AbortWatch): Promise<PooledWorker> {
  return new Promise((resolve, reject) => {
    // Whichever comes first decides, once: a worker that arrives after the abort is given back.
    let decided = false;
    abort.stopped.catch((aborted: unknown) => {
      if (decided) return;
      decided = true;
      reject(aborted);
    });
    pool.acquire().then(
      (worker) => {
        if (decided) {
          pool.release(worker);
          return;
        }
        decided = true;
        resolve(worker);
      },
      (error: unknown) => {
        if (decided) return;
        decided = true;
        reject(error);
      },
    );
  });
}

interface Ran {
  readonly ending: Ending;
  readonly result?: EvalResult;
  readonly usage: InvocationUsage;
}

/**
 * Runs the request on `worker`. The guest stops itself at its deadline (and the worker stops
 * waiting on a service past it), so a timeout normally comes back as a result; a worker still
 * busy {@link HARD_TIMEOUT_GRACE} ms past the deadline, aborted, dead or misbehaving is
 * discarded (the pool starts a new one when needed).
 */
async function run(
  pool: WorkerPool,
  worker: PooledWorker,
  request: EncodedRequest,
  limits: EvalLimits,
  call: ResolvedInvocation,
  dispatcher: Dispatcher,
  abort: AbortWatch,
): Promise<Ran> {
  const started = performance.now();
  const { timeout } = call;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<"expired">((resolve) => {
    if (timeout === null || timeout + HARD_TIMEOUT_GRACE > MAX_TIMER) return;
    timer = setTimeout(() => resolve("expired"), timeout + HARD_TIMEOUT_GRACE);
  });
  const watch = worker.watchFailure();
  let kept = false;
  try {
    const epoch = worker.channel.attach(dispatcher);
    const result = await Promise.race([
      worker.invoker.invoke(epoch, request, limits),
      watch.failed,
      abort.stopped,
      expired,
    ]);
    if (result === "expired") return lost(started, { kind: "stopped" });
    kept = true;
    return {
      ending: { kind: "returned", result },
      result,
      usage: { wallTime: result.wallTime, memoryPeak: result.memoryPeak },
    };
  } catch (error) {
    if (error instanceof Aborted) return lost(started, { kind: "aborted", reason: error.reason });
    return lost(started, { kind: "worker-failed", error });
  } finally {
    watch.stop();
    dispatcher.end();
    clearTimeout(timer);
    worker.channel.detach();
    if (!kept) worker.invoker.abandon();
    // A worker whose run did not come back is in an unknown state: it is never reused.
    if (kept) pool.release(worker);
    else pool.discard(worker);
  }
}

/** A run whose worker is gone: its output died with it, the host knows only how long it waited. */
function lost(started: number, ending: Ending): Ran {
  return { ending, usage: { wallTime: performance.now() - started, memoryPeak: 0 } };
}
