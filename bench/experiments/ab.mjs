// Experiment (docs/BENCHMARKS.md, "`eval("nil")` against the worker round trip"): compares two
// builds of @kobako/node in one process, interleaved, so that the machine's load falls on both
// alike. Build the other tree first (e.g. `git worktree add /tmp/before main~1`, then
// `pnpm install && pnpm build` there), then:
//
//   node bench/experiments/ab.mjs /tmp/before/packages/node/dist/index.js \
//     packages/node/dist/index.js [nil|fresh|p1|p64] [blocks=40]
//
// Each block is 100 calls on one build; blocks alternate (ABBA), after 5 warm-up blocks each.
// Prints the median block of each build, per call, and their ratio (B/A; < 1: B is faster).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { median } from "../lib.mjs";

const [pathA, pathB, which = "nil", blocksArg = "40"] = process.argv.slice(2);
if (!pathA || !pathB) {
  console.error("usage: node bench/experiments/ab.mjs A/index.js B/index.js [nil|fresh|p1|p64]");
  process.exit(2);
}
const load = (path) => import(pathToFileURL(resolve(path)).href);
const [a, b] = await Promise.all([load(pathA), load(pathB)]);
const PER_BLOCK = 100;
const BLOCKS = Number(blocksArg);

/** One call of the measure on a build's `Sandbox`. */
function measure(kobako) {
  if (which === "fresh") {
    return async () => {
      const sandbox = new kobako.Sandbox();
      await sandbox.eval("nil");
      await sandbox.close();
    };
  }
  const sandbox = new kobako.Sandbox();
  if (which === "nil") return () => sandbox.eval("nil");
  const helpers = which === "p64" ? 64 : 1;
  for (let i = 0; i < helpers; i++) sandbox.preload({ code: `def helper_${i}(x) = x + ${i}` });
  sandbox.preload({ code: "module Entrypoint; def self.call = 1; end" });
  return () => sandbox.run("Entrypoint");
}

async function block(call) {
  const started = performance.now();
  for (let i = 0; i < PER_BLOCK; i++) await call();
  return ((performance.now() - started) / PER_BLOCK) * 1000;
}

const callA = measure(a);
const callB = measure(b);
for (let i = 0; i < 5; i++) {
  await block(callA);
  await block(callB);
}
const timesA = [];
const timesB = [];
for (let i = 0; i < BLOCKS; i++) {
  if (i % 2) {
    timesA.push(await block(callA));
    timesB.push(await block(callB));
  } else {
    timesB.push(await block(callB));
    timesA.push(await block(callA));
  }
}
const [ma, mb] = [median(timesA), median(timesB)];
console.log(
  `${which}: A ${ma.toFixed(1)} µs, B ${mb.toFixed(1)} µs per call, B/A ${(mb / ma).toFixed(3)}`,
);
process.exit(0);
