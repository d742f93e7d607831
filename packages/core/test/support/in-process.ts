import type { Platform } from "../../src/host/platform.js";
import { exposeWorkerRuntime } from "../../src/worker/runtime.js";

/**
 * A platform whose "workers" are the worker runtime on the other end of a MessageChannel in this
 * thread: enough to test the host side without threads (a guest that never returns would hang).
 */
export function inProcessPlatform(
  loadModule: () => Promise<WebAssembly.Module>,
  maxWorkers = 2,
): Platform & { started: number; terminated: number } {
  const platform = {
    started: 0,
    terminated: 0,
    maxWorkers,
    loadModule,
    startWorker() {
      platform.started++;
      const { port1, port2 } = new MessageChannel();
      exposeWorkerRuntime(port2);
      return {
        endpoint: port1,
        terminate() {
          platform.terminated++;
          port1.close();
          port2.close();
        },
      };
    },
  };
  return platform;
}
