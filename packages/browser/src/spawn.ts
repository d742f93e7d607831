// Starting the module Web Worker: the sources to try in order, and why each that failed did.
import { isReadyMessage, SetupError, type SetupFailure, type WorkerHandle } from "@kobako/core";
import { diagnoseWorker, prebundledWorker } from "./assets.js";
import { absolute, describe, moduleUrl } from "./location.js";

/** A way to start the worker, and the URL it starts from (for messages). */
interface WorkerSource {
  from: string;
  create(): Worker;
}

/**
 * A module worker from `url`. Browsers start workers only from the page's origin: a worker script
 * on another origin (a CDN) is started through a same-origin `blob:` module that imports it, which
 * needs the CDN's CORS headers (which CDNs send) and `worker-src blob:` under a CSP.
 */
function moduleWorker(url: string | URL): Worker {
  const page = (globalThis as { location?: { href: string; origin: string } }).location;
  const target = page ? new URL(url, page.href) : undefined;
  if (page && target && target.origin !== page.origin) {
    const shim = new Blob([`import ${JSON.stringify(target.href)};`], { type: "text/javascript" });
    const shimUrl = URL.createObjectURL(shim);
    const worker = new Worker(shimUrl, { type: "module" });
    // Loaded (it answers) or failed: either way the blob URL has served its purpose.
    const revoke = () => {
      URL.revokeObjectURL(shimUrl);
      worker.removeEventListener("message", revoke);
      worker.removeEventListener("error", revoke);
    };
    worker.addEventListener("message", revoke);
    worker.addEventListener("error", revoke);
    return worker;
  }
  return new Worker(url, { type: "module" });
}

function hasWorkers(): boolean {
  return typeof Worker === "function";
}

/**
 * The worker sources to try, in order. The first is the literal `new Worker(new URL(…,
 * import.meta.url))` that Vite, webpack and Rollup plugins recognise and rewrite.
 */
export function workerSources(workerUrl: string | URL | undefined): WorkerSource[] {
  if (workerUrl) {
    return [{ from: absolute(workerUrl), create: () => moduleWorker(workerUrl) }];
  }
  const here = moduleUrl();
  return [
    {
      from: describe("./worker.js", here),
      create: () => new Worker(new URL("./worker.js", import.meta.url), { type: "module" }),
    },
    ...prebundledWorker(here).map((url) => ({
      from: url.href,
      create: () => new Worker(url, { type: "module" }),
    })),
  ];
}

/** Starts a worker and waits until its runtime says it is ready; rejects with the reason. */
function startWorker(source: WorkerSource): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = source.create();
    const done = () => {
      worker.removeEventListener("message", onMessage);
      worker.removeEventListener("error", onError);
    };
    const onMessage = (event: MessageEvent) => {
      if (!isReadyMessage(event.data)) return;
      done();
      resolve(worker);
    };
    const onError = (event: ErrorEvent) => {
      done();
      worker.terminate();
      diagnoseWorker(source.from, event.message ?? "").then((reason) => reject(new Error(reason)));
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", onError);
  });
}

export async function startFirst(
  sources: readonly WorkerSource[],
  advice: string | undefined,
): Promise<WorkerHandle> {
  if (!hasWorkers()) {
    throw SetupError.of([
      {
        what: "the worker",
        reason:
          "this environment has no Web Worker (@kobako/browser runs in browsers; use @kobako/node in Node)",
      },
    ]);
  }
  const failures: SetupFailure[] = [];
  for (const source of sources) {
    try {
      const worker = await startWorker(source);
      return {
        endpoint: worker,
        terminate: () => worker.terminate(),
        onError(listener) {
          worker.addEventListener("error", (event) =>
            listener(new Error(`the worker failed: ${event.message || "unknown error"}`)),
          );
        },
      };
    } catch (error) {
      failures.push({
        what: "the worker script",
        from: source.from,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  throw SetupError.of(failures, advice);
}
