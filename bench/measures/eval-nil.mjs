// eval("nil") on a reused sandbox, host to result, against a bare worker postMessage round trip
// (the floor of any host ↔ worker call) and the in-thread peers.
import { Worker } from "node:worker_threads";
import { Sandbox } from "@kobako/node";
import { fmtRatio, fmtTime, loadQuickJS, median, quantile, timeEach } from "../lib.mjs";

const N = 3000;
const WARMUP = 500;
// A sandbox's worker runs the guest's parser, compiler and VM on V8's baseline code until TurboFan
// has compiled them, which takes it a few thousand calls of eval("nil"): timed apart.
const RAMP = 1000;
const STEADY_WARMUP = 4000;

/** The machine's floor: a bare postMessage round trip to an echoing worker thread. */
export async function echoFloor(n = N) {
  const echo = new Worker(
    'require("node:worker_threads").parentPort.on("message", function (m) { this.postMessage(m); })',
    { eval: true },
  );
  const roundTrip = () =>
    new Promise((resolve) => {
      echo.once("message", resolve);
      echo.postMessage(0);
    });
  const times = await timeEach(roundTrip, n, WARMUP);
  await echo.terminate();
  return median(times);
}

/** quickjs-emscripten's evalCode("null") on a reused context, in this thread. */
async function quickjsEval() {
  const QuickJS = await loadQuickJS();
  const runtime = QuickJS.newRuntime();
  const context = runtime.newContext();
  const times = await timeEach(
    () => {
      const handle = context.unwrapResult(context.evalCode("null"));
      context.dump(handle);
      handle.dispose();
    },
    N,
    WARMUP,
  );
  context.dispose();
  runtime.dispose();
  return median(times);
}

export default async function evalNil({ rubyWasm }) {
  const floor = await echoFloor();
  const sandbox = new Sandbox();
  const ramp = await timeEach(() => sandbox.eval("nil"), RAMP);
  const inGuest = [];
  const times = await timeEach(
    async () => {
      await sandbox.eval("nil");
      inGuest.push(sandbox.usage.wallTime);
    },
    N,
    STEADY_WARMUP,
  );
  await sandbox.close();
  const floorAfter = await echoFloor();
  const t = median(times);
  const guest = median(inGuest.slice(-N));
  const echo = (floor + floorAfter) / 2;
  const { vm } = await rubyWasm();
  const ruby = median(await timeEach(() => vm.eval("nil"), N, WARMUP));
  const quickjs = await quickjsEval();
  return {
    measure: 'eval("nil"), reused sandbox, host to result',
    kobako: fmtTime(t),
    peers:
      `postMessage echo ${fmtTime(echo)}; in-thread: quickjs-emscripten ${fmtTime(quickjs)}, ` +
      `ruby.wasm ${fmtTime(ruby)}`,
    ratio: `${fmtRatio(t / echo)} of the echo`,
    target: "≤ 1.5× the echo",
    pass: t / echo <= 1.5,
    ratios: { "kobako/echo": t / echo },
    notes: [
      `median of ${N} after ${RAMP + STEADY_WARMUP} calls; p90 ${fmtTime(quantile(times, 0.9))}; in the ` +
        `worker (restore + eval + response, usage.wallTime) ${fmtTime(guest)}, so the host ↔ ` +
        `worker round trip and host-side encode/decode take ~${fmtTime(t - guest)}; the echo is a ` +
        `bare worker_threads postMessage round trip (median of ${N}, measured before and after: ` +
        `${fmtTime(floor)}, ${fmtTime(floorAfter)})`,
      `the sandbox's first ${RAMP} calls, while V8 tiers the guest up: median ` +
        `${fmtTime(median(ramp))}, p90 ${fmtTime(quantile(ramp, 0.9))}`,
      "quickjs-emscripten and ruby.wasm evaluate in the calling thread (no worker, no isolation " +
        "from the host's event loop), so they sit below the echo; the reference gem (wasmtime, in " +
        "the calling thread, a new instance per invocation) publishes 62 µs on an M-series Mac",
    ],
  };
}
