// Node: import to first eval result, each in a fresh process (worker start, wasm compile and guest
// boot included); quickjs-emscripten and ruby.wasm do the same in their own fresh processes.
import { fmtRatio, fmtTime, median, runChild } from "../lib.mjs";

const RUNS = 9;
const RUBY_RUNS = 3;

export default async function coldStart() {
  const runs = (script, n) => Array.from({ length: n }, () => runChild(script));
  // Interleaved, so drift on the shared machine hits all alike.
  const node = [];
  const kobako = [];
  const quickjs = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(...runs("children/node-baseline.mjs", 1));
    kobako.push(...runs("children/cold-kobako.mjs", 1));
    quickjs.push(...runs("children/cold-quickjs.mjs", 1));
  }
  const ruby = runs("children/cold-rubywasm.mjs", RUBY_RUNS);
  const first = (r) => r.ready - r.start;
  const t = median(kobako.map(first));
  const q = median(quickjs.map(first));
  const rb = median(ruby.map(first));
  return {
    measure: "Node: import → first eval result, fresh process",
    kobako: fmtTime(t),
    peers: `quickjs-emscripten ${fmtTime(q)}; ruby.wasm ${fmtTime(rb)}`,
    ratio: `${fmtRatio(t / q)} of quickjs`,
    target: "≤ 50 ms",
    pass: t <= 50,
    ratios: { "kobako/quickjs": t / q },
    notes: [
      `median of ${RUNS} processes each (ruby.wasm: ${RUBY_RUNS}), interleaved; from the start of ` +
        `\`await import("@kobako/node")\` to eval("nil")'s result: import ` +
        `${fmtTime(median(kobako.map((r) => r.imported - r.start)))}, then new Sandbox() + ` +
        `first eval (worker start, compile, instantiate) ${fmtTime(median(kobako.map((r) => r.ready - r.imported)))}; ` +
        `process start → result ${fmtTime(median(kobako.map((r) => r.ready)))}, node alone ` +
        `reaches user code at ${fmtTime(median(node.map((r) => r.ready)))}; runs: ` +
        `${kobako.map((r) => first(r).toFixed(0)).join(", ")} ms`,
      `quickjs-emscripten 0.32 (release-sync wasm, in-thread): import ` +
        `${fmtTime(median(quickjs.map((r) => r.imported - r.start)))}, getQuickJS() (wasm compile ` +
        `+ instantiate) done at ${fmtTime(median(quickjs.map((r) => r.compiled - r.start)))}; ` +
        `ruby.wasm (ruby+stdlib.wasm, in-thread): compile done at ` +
        `${fmtTime(median(ruby.map((r) => r.compiled - r.start)))}`,
    ],
  };
}
