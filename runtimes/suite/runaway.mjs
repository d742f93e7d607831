// A guest spinning in one wasm call forever (spin.wat's "H"), as a runaway call into C would:
// kobako's hard backstop answers the caller on time in every runtime; this checks that the
// runtime also stops the thread, i.e. that the process ends by itself once the sandbox is closed.
// Bun cannot (its worker.terminate() does not preempt a pure-wasm loop): runtimes/run.mjs
// reports that as a known limitation.
import { createPlatform, Sandbox, TimeoutError } from "@kobako/node";

const platform = createPlatform({
  wasmPath: new URL("./spin.wasm", import.meta.url),
  maxWorkers: 1,
});
const box = new Sandbox({ timeout: 50 }, platform);
const error = await box.eval("H").catch((caught) => caught);
const answered = error instanceof TimeoutError && error.details.hard === true;
await box.close();
console.log(`#runaway ${JSON.stringify({ answered })}`);
