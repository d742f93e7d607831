// The worker entry: bundled with its dependencies into dist/worker.js by scripts/bundle.mjs.
import { exposeWorkerRuntime } from "@kobako/core/worker";

exposeWorkerRuntime(globalThis as unknown as Parameters<typeof exposeWorkerRuntime>[0]);
