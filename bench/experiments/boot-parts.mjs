// Experiment (docs/BENCHMARKS.md, "Results", Node first result): the parts of a guest's start in
// the calling thread of a fresh process, without a worker: read kobako.wasm, compile it, boot an
// instance, run a first and a second eval. Run it a few times, and once with
// `node --no-wasm-lazy-compilation` to see what V8's compilation on first call costs:
//
//   node bench/experiments/boot-parts.mjs
//   node --no-wasm-lazy-compilation bench/experiments/boot-parts.mjs
import { readFile } from "node:fs/promises";

const core = (path) => import(new URL(`../../packages/core/dist/${path}`, import.meta.url).href);
const { GuestInstance } = await core("worker/guest.js");
const { encodeInvocation } = await core("wire/index.js");
const limits = { stdoutLimit: 1 << 20, stderrLimit: 1 << 20, memoryLimit: 0, timeout: 0, seed: 0 };
const evaluate = (guest, source) =>
  guest.invoke(encodeInvocation([], [], { kind: "eval", source }), limits);

const t0 = performance.now();
const bytes = await readFile(new URL("../../data/kobako.wasm", import.meta.url));
const t1 = performance.now();
const module = await WebAssembly.compile(bytes);
const t2 = performance.now();
const guest = await GuestInstance.create(module, undefined, { warmUp: false });
const t3 = performance.now();
evaluate(guest, "nil");
const t4 = performance.now();
evaluate(guest, "[1, 2].map { |x| x * 2 }.sum");
const t5 = performance.now();
const ms = (t) => `${t.toFixed(1)} ms`;
console.log(
  `read ${ms(t1 - t0)}, compile ${ms(t2 - t1)}, boot ${ms(t3 - t2)}, first eval("nil") ` +
    `${ms(t4 - t3)}, a second eval ${ms(t5 - t4)}`,
);
