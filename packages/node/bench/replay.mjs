// Cost of a service call over the replay channel (deterministic re-execution), forced in Node:
// N calls in one eval run the invocation N + 1 times, so the cost per call grows with N. Prints,
// for N = 1, 10, 100 (and 1000 with `all`), the median eval time with the loop's own cost
// subtracted, per call; the atomics channel alongside for scale.
//
//   pnpm build && node packages/node/bench/replay.mjs [rounds] [all]
import { createPlatform, Sandbox } from "../dist/index.js";

const rounds = Number(process.argv[2] ?? 15);
const counts = process.argv[3] === "all" ? [1, 10, 100, 1000] : [1, 10, 100];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(sandbox, source) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await sandbox.eval(source);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

for (const channel of ["replay", "atomics"]) {
  const sandbox = new Sandbox({ timeout: 120_000 }, createPlatform({ channel, maxWorkers: 1 }));
  sandbox.define("KV").bind("Get", (key) => key);
  for (const n of counts) {
    const loop = (call) => `i = 0; ${n}.times { i += 1; ${call} }; i`;
    await time(sandbox, loop('KV::Get.call("k")')); // warm up
    const empty = await time(sandbox, loop("i.to_s"));
    const total = await time(sandbox, loop('KV::Get.call("k")'));
    console.log(
      `${channel}, ${n} calls per eval: ${(((total - empty) * 1000) / n).toFixed(0)} µs per call, ` +
        `${(total - empty).toFixed(1)} ms per eval (median of ${rounds})`,
    );
  }
  await sandbox.close();
}
