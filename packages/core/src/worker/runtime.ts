import { type Endpoint, expose, transfer } from "comlink";
import type { ChannelInit, ChannelMode } from "../channel/contract.js";
import {
  type EvalLimits,
  type EvalResult,
  READY_MESSAGE,
  type WorkerApi,
  type WorkerOptions,
} from "../protocol.js";
import { BAKE_CACHE_BYTES, Baker, type Plan } from "./baker.js";
import { GuestInstance } from "./guest.js";

/**
 * Runs `task` after the current task and its microtasks: after comlink has posted a result, and
 * (Node's `setImmediate`) before the worker looks for the next message.
 */
const immediate = (globalThis as { setImmediate?: (task: () => void) => unknown }).setImmediate;
const later: (task: () => void) => void = immediate
  ? (task) => void immediate(task)
  : (task) => void setTimeout(task, 0);

/** How long a started worker waits for its first invocation before it warms up by itself. */
const IDLE_WARM_UP_MS = 20;

function bakeCacheBytes(bytes: number | undefined): number {
  if (bytes === undefined || !Number.isFinite(bytes)) return BAKE_CACHE_BYTES;
  return Math.max(0, Math.floor(bytes));
}

function transferable(result: EvalResult): EvalResult {
  const buffers: Transferable[] = [result.stdout.buffer, result.stderr.buffer];
  if (result.envelope) buffers.push(result.envelope.buffer);
  return transfer(result, buffers);
}

/**
 * Serves the worker API on `endpoint` (a worker's global scope, or a port adapted to comlink's
 * `Endpoint`), then posts {@link READY_MESSAGE} so the host knows the script loaded. The host
 * sends `init` once with the compiled kobako.wasm and the channel, then any number of `invoke`s,
 * one at a time.
 */
export function exposeWorkerRuntime(endpoint: Endpoint): void {
  let guest: GuestInstance | undefined;
  let booting: Promise<GuestInstance> | undefined;
  let baker: Baker | undefined;
  /** The deferred warm-up: its timer until it starts, then the run until it ends. */
  let warmUpTimer: ReturnType<typeof setTimeout> | undefined;
  let warming: Promise<void> | undefined;

  const run = (
    request: Uint8Array,
    limits: EvalLimits,
    epoch: number,
    preludeEnd: number | undefined,
  ): EvalResult | Promise<EvalResult> => {
    if (!guest) throw new Error("the worker runtime is not initialised");
    let plan: Plan = { request };
    try {
      if (baker) plan = baker.plan(request, preludeEnd, limits);
    } catch {
      // Baking is an optimisation: whatever went wrong, replaying gives the same result.
    }
    const result = guest.invoke(plan.request, limits, epoch, plan.base);
    if (result instanceof Promise) return result.then((value) => reply(value));
    return reply(result);
  };

  /** Hands a result to comlink, which posts it in a microtask; the restore comes after that. */
  const reply = (result: EvalResult): EvalResult => {
    const settling = guest;
    if (settling) later(() => settling.settle());
    return transferable(result);
  };

  const api: WorkerApi = {
    async init(
      module: WebAssembly.Module,
      channel: ChannelInit,
      options: WorkerOptions = {},
    ): Promise<ChannelMode> {
      if (booting) throw new Error("the worker runtime is already initialised");
      // The warm-up is not on the way to the first result: the first invocation compiles what it
      // needs, and a worker that idles after start-up (e.g. after `prepare()`) warms up then.
      booting = GuestInstance.create(module, channel, { warmUp: false });
      const booted = await booting;
      guest = booted;
      baker = Baker.start(
        (channel) => GuestInstance.create(module, channel),
        booted,
        bakeCacheBytes(options.bakeCache),
      );
      if (options.idleWarmUp === false) return booted.channelMode;
      warmUpTimer = setTimeout(() => {
        warmUpTimer = undefined;
        warming = booted
          .warmUp()
          .catch(() => {})
          .then(() => booted.settle());
      }, IDLE_WARM_UP_MS);
      return booted.channelMode;
    },
    invoke(
      request: Uint8Array,
      limits: EvalLimits,
      epoch: number,
      preludeEnd?: number,
    ): EvalResult | Promise<EvalResult> {
      clearTimeout(warmUpTimer);
      warmUpTimer = undefined;
      if (warming) {
        // A warm-up under way (asynchronous on JSPI) finishes before the invocation starts.
        const pending = warming;
        warming = undefined;
        return pending.then(() => run(request, limits, epoch, preludeEnd));
      }
      return run(request, limits, epoch, preludeEnd);
    },
  };
  expose(api, endpoint);
  endpoint.postMessage(READY_MESSAGE);
}
