import { type Endpoint, expose } from "comlink";
import type { ChannelInit, ChannelMode } from "../channel/contract.js";
import {
  type BakeAhead,
  type EvalLimits,
  type EvalResult,
  type Invocation,
  isInvokeMessage,
  type PreludeRef,
  READY_MESSAGE,
  readInvokeMessage,
  resultMessage,
  transferables,
  type WorkerApi,
  type WorkerOptions,
} from "../protocol.js";
import { BAKE_CACHE_BYTES, Baker, type Plan } from "./baker.js";
import { GuestInstance } from "./guest.js";
import { concatBytes } from "./snapshot.js";

/**
 * Runs `task` after the current task and its microtasks (Node's `setImmediate`: before the worker
 * looks for the next message).
 */
const immediate = (globalThis as { setImmediate?: (task: () => void) => unknown }).setImmediate;
const later: (task: () => void) => void = immediate
  ? (task) => void immediate(task)
  : (task) => void setTimeout(task, 0);

function bakeCacheBytes(bytes: number | undefined): number {
  if (bytes === undefined || !Number.isFinite(bytes)) return BAKE_CACHE_BYTES;
  return Math.max(0, Math.floor(bytes));
}

/** What a worker reports when it could not run an invocation at all. */
function failureText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** `endpoint` as comlink sees it: without the invocation messages, which are not its own. */
function comlinkOnly(endpoint: Endpoint): Endpoint {
  return {
    postMessage: (message, transfer) => endpoint.postMessage(message, transfer),
    addEventListener(type, listener) {
      endpoint.addEventListener(type, (event) => {
        if (isInvokeMessage((event as MessageEvent).data)) return;
        if (typeof listener === "function") listener(event);
        else listener.handleEvent(event);
      });
    },
    removeEventListener() {},
  };
}

/**
 * Serves the worker runtime on `endpoint` (a worker's global scope, or a port adapted to
 * comlink's `Endpoint`), then posts {@link READY_MESSAGE} so the host knows the script loaded.
 * The host sends `init` once through comlink with the compiled kobako.wasm and the channel, then
 * any number of invocations, one at a time, each an `InvokeMessage` answered by a
 * `ResultMessage` (protocol.ts).
 */
export function exposeWorkerRuntime(endpoint: Endpoint): void {
  let guest: GuestInstance | undefined;
  let booting: Promise<GuestInstance> | undefined;
  let baker: Baker | undefined;
  /** The warm-up while it runs (asynchronous on JSPI). */
  let warming: Promise<void> | undefined;
  /** The warm-up has started: it never runs again. */
  let warmedUp = false;
  /** The preludes the host asked this worker to keep (protocol.ts, `InvokeMessage`). */
  const preludes = new Map<number, Uint8Array>();

  /**
   * Runs the warm-up script now, unless it started already: the engine then has compiled what
   * most scripts need (the script leaves nothing behind: memory is restored after it). With
   * `bake`, then starts the baker and bakes that prelude.
   */
  const warmUp = async (bake?: BakeAhead): Promise<void> => {
    const booted = guest;
    if (!booted) return;
    // Never over an invocation in flight (one waiting on a service leaves this thread free).
    if (!warmedUp && !booted.busy) {
      warmedUp = true;
      warming = booted
        .warmUp()
        .catch(() => {})
        .then(() => booted.settle());
    }
    await warming;
    if (bake && baker) {
      await baker.warmUp();
      const { prelude, memoryLimit, timeout } = bake;
      const limits = { stdoutLimit: 0, stderrLimit: 0, memoryLimit, timeout, seed: 0 };
      // Baking is an optimisation: whatever goes wrong, the first invocation replays or bakes.
      await baker.bakeAhead(prelude, limits).catch(() => {});
    }
  };

  const run = (
    request: Uint8Array,
    prelude: PreludeRef,
    limits: EvalLimits,
    epoch: number,
  ): EvalResult | Promise<EvalResult> => {
    if (!guest) throw new Error("the worker runtime is not initialised");
    const parts = split(request, prelude);
    let plan: Plan | undefined;
    try {
      if (baker && parts) plan = baker.plan(parts.prelude, parts.action, limits);
    } catch {
      // Baking is an optimisation: whatever went wrong, replaying gives the same result.
    }
    if (plan) return guest.invoke(plan.request, limits, epoch, plan.base);
    // Replayed: the whole request, put back together when the action came alone.
    const whole =
      parts && prelude && "id" in prelude ? concatBytes(parts.prelude, request) : request;
    return guest.invoke(whole, limits, epoch);
  };

  /** A request's prelude and action, the prelude looked up when the host sent its id. */
  const split = (
    request: Uint8Array,
    prelude: PreludeRef,
  ): { prelude: Uint8Array; action: Uint8Array } | undefined => {
    if (!prelude) return undefined;
    if ("end" in prelude) {
      const action = request.subarray(prelude.end);
      if (prelude.keep === undefined) return { prelude: request.subarray(0, prelude.end), action };
      // A copy: the request's buffer goes to the guest and is dropped after this invocation.
      const kept = request.slice(0, prelude.end);
      preludes.set(prelude.keep, kept);
      return { prelude: kept, action };
    }
    const kept = preludes.get(prelude.id);
    if (!kept)
      throw new Error(`the host named prelude ${prelude.id}, which this worker does not keep`);
    return { prelude: kept, action: request };
  };

  /** Posts how the invocation of `epoch` ended; the restore comes after that, off its path. */
  const reply = (epoch: number, result: EvalResult | string): void => {
    if (typeof result === "string") endpoint.postMessage(resultMessage(epoch, result));
    else {
      const { stdout, stderr, envelope } = result;
      endpoint.postMessage(resultMessage(epoch, result), transferables(stdout, stderr, envelope));
    }
    const settling = guest;
    if (settling) later(() => settling.settle());
  };

  const invoke = ({ epoch, request, limits, prelude, forget }: Invocation): void => {
    for (const id of forget) preludes.delete(id);
    let result: EvalResult | Promise<EvalResult>;
    try {
      if (warming) {
        // A warm-up under way (asynchronous on JSPI) finishes before the invocation starts.
        const pending = warming;
        warming = undefined;
        result = pending.then(() => run(request, prelude, limits, epoch));
      } else {
        result = run(request, prelude, limits, epoch);
      }
    } catch (error) {
      reply(epoch, failureText(error));
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (value) => reply(epoch, value),
        (error: unknown) => reply(epoch, failureText(error)),
      );
    } else {
      reply(epoch, result);
    }
  };

  const api: WorkerApi = {
    async init(
      module: WebAssembly.Module,
      channel: ChannelInit,
      options: WorkerOptions = {},
    ): Promise<ChannelMode> {
      if (booting) throw new Error("the worker runtime is already initialised");
      // The warm-up is not on the way to the first result: the first invocation compiles what it
      // needs, and `prepare()` asks for the warm-up (`warmUp`) when there is time for it.
      booting = GuestInstance.create(module, channel, { warmUp: false });
      const booted = await booting;
      guest = booted;
      baker = Baker.start(
        (channel) => GuestInstance.create(module, channel),
        booted,
        bakeCacheBytes(options.bakeCache),
      );
      return booted.channelMode;
    },
    warmUp,
  };
  endpoint.addEventListener("message", (event) => {
    const invocation = readInvokeMessage((event as MessageEvent).data);
    if (invocation) invoke(invocation);
  });
  expose(api, comlinkOnly(endpoint));
  endpoint.postMessage(READY_MESSAGE);
}
