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

  const api: WorkerApi = {
    async init(
      module: WebAssembly.Module,
      channel: ChannelInit,
      options: WorkerOptions = {},
    ): Promise<ChannelMode> {
      if (booting) throw new Error("the worker runtime is already initialised");
      booting = GuestInstance.create(module, channel);
      guest = await booting;
      baker = Baker.start(
        (channel) => GuestInstance.create(module, channel),
        guest,
        bakeCacheBytes(options.bakeCache),
      );
      return guest.channelMode;
    },
    invoke(
      request: Uint8Array,
      limits: EvalLimits,
      epoch: number,
      preludeEnd?: number,
    ): EvalResult | Promise<EvalResult> {
      if (!guest) throw new Error("the worker runtime is not initialised");
      let plan: Plan = { request };
      try {
        if (baker) plan = baker.plan(request, preludeEnd, limits);
      } catch {
        // Baking is an optimisation: whatever went wrong, replaying gives the same result.
      }
      const result = guest.invoke(plan.request, limits, epoch, plan.base);
      return result instanceof Promise ? result.then(transferable) : transferable(result);
    },
  };
  expose(api, endpoint);
  endpoint.postMessage(READY_MESSAGE);
}
