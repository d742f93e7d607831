// A fresh sandbox per request: new Sandbox() + eval("nil") + close(); quickjs-emscripten's fresh
// runtime + context + evalCode("null") + dispose, and ruby.wasm's fresh VM, beside it.
import { Sandbox } from "@kobako/node";
import { fmtRatio, fmtTime, loadQuickJS, median, quantile, timeEach } from "../lib.mjs";
import { echoFloor } from "./eval-nil.mjs";

const N = 2000;
// As for eval-nil: V8 tiers the guest's code up over the worker's first few thousand calls.
const WARMUP = 3000;
const RUBY_N = 2;

export default async function freshSandbox({ rubyWasm }) {
  const times = await timeEach(
    async () => {
      const sandbox = new Sandbox();
      await sandbox.eval("nil");
      await sandbox.close();
    },
    N,
    WARMUP,
  );
  const t = median(times);
  const QuickJS = await loadQuickJS();
  const quickjs = median(
    await timeEach(
      () => {
        const runtime = QuickJS.newRuntime();
        const context = runtime.newContext();
        context.unwrapResult(context.evalCode("null")).dispose();
        context.dispose();
        runtime.dispose();
      },
      N,
      WARMUP,
    ),
  );
  const { module, newVM } = await rubyWasm();
  const ruby = median(await timeEach(async () => (await newVM()).eval("nil"), RUBY_N));
  const echo = await echoFloor();
  return {
    measure: "fresh sandbox per request",
    kobako: fmtTime(t),
    peers:
      `quickjs-emscripten ${fmtTime(quickjs)} (new runtime + context); ruby.wasm ` +
      `${fmtTime(ruby)} (new VM${module ? ", module compiled once" : ""}); postMessage echo ${fmtTime(echo)}`,
    ratio: `${fmtRatio(t / quickjs)} of quickjs`,
    target: "≤ 150 µs",
    pass: t <= 0.15,
    ratios: { "kobako/echo": t / echo },
    notes: [
      `median of ${N} after ${WARMUP} warm-up (ruby.wasm: ${RUBY_N}, its module compiled once before); p90 ` +
        `${fmtTime(quantile(times, 0.9))}; kobako's sandboxes share the warm worker pool, each ` +
        "request starts from the guest's boot snapshot",
    ],
  };
}
