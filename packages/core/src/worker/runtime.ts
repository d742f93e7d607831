import { type Endpoint, expose, transfer } from "comlink";
import type { ChannelInit, ChannelMode } from "../channel/contract.js";
import { type EvalLimits, type EvalResult, READY_MESSAGE, type WorkerApi } from "../protocol.js";
import { GuestInstance } from "./guest.js";

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

  const api: WorkerApi = {
    async init(module: WebAssembly.Module, channel: ChannelInit): Promise<ChannelMode> {
      if (booting) throw new Error("the worker runtime is already initialised");
      booting = GuestInstance.create(module, channel);
      guest = await booting;
      return guest.bridgeMode;
    },
    invoke(
      request: Uint8Array,
      limits: EvalLimits,
      epoch: number,
    ): EvalResult | Promise<EvalResult> {
      if (!guest) throw new Error("the worker runtime is not initialised");
      const result = guest.invoke(request, limits, epoch);
      return result instanceof Promise ? result.then(transferable) : transferable(result);
    },
  };
  expose(api, endpoint);
  endpoint.postMessage(READY_MESSAGE);
}
