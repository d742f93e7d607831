import { type Endpoint, expose, transfer } from "comlink";
import { type EvalLimits, type EvalResult, READY_MESSAGE, type WorkerApi } from "../protocol.js";
import { GuestInstance } from "./guest.js";

/**
 * Serves the worker API on `endpoint` (a worker's global scope, or a port adapted to comlink's
 * `Endpoint`), then posts {@link READY_MESSAGE} so the host knows the script loaded. The host
 * sends `init` once with the compiled kobako.wasm, then any number of `eval`s, one at a time.
 */
export function exposeWorkerRuntime(endpoint: Endpoint): void {
  let guest: GuestInstance | undefined;
  let booting: Promise<GuestInstance> | undefined;

  const api: WorkerApi = {
    async init(module: WebAssembly.Module): Promise<void> {
      if (booting) throw new Error("the worker runtime is already initialised");
      booting = GuestInstance.create(module);
      guest = await booting;
    },
    eval(source: string, limits: EvalLimits): EvalResult {
      if (!guest) throw new Error("the worker runtime is not initialised");
      const result = guest.eval(source, limits);
      const buffers: Transferable[] = [result.stdout.buffer, result.stderr.buffer];
      if (result.envelope) buffers.push(result.envelope.buffer);
      return transfer(result, buffers);
    },
  };
  expose(api, endpoint);
  endpoint.postMessage(READY_MESSAGE);
}
