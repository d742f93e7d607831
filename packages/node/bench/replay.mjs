// Cost of a service call over the replay channel (deterministic re-execution), forced in Node:
// N calls in one eval run the invocation N + 1 times, so the cost per call grows with N. Prints,
// for N = 1, 10, 100 (and 1000 with `all`), the median eval time with the loop's own cost
// subtracted, per call, in wall time and in CPU time of the process (host and worker threads),
// and the same from the fastest eval of each kind (steadier on a loaded machine, where most evals
// wait for a CPU); the atomics channel alongside for scale.
//
//   pnpm build && node packages/node/bench/replay.mjs [rounds] [all]
import { createPlatform, Sandbox } from "../dist/index.js";

const rounds = Number(process.argv[2] ?? 15);
const counts = process.argv[3] === "all" ? [1, 10, 100, 1000] : [1, 10, 100];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall and CPU ms, and the fastest wall ms, of `rounds` evals of `source`. */
async function time(sandbox, source) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const used = process.cpuUsage();
    await sandbox.eval(source);
    const { user, system } = process.cpuUsage(used);
    wall.push(performance.now() - started);
    cpu.push((user + system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu), fastest: Math.min(...wall) };
}

for (const channel of ["replay", "atomics"]) {
  const sandbox = new Sandbox({ timeout: 120_000 }, createPlatform({ channel, maxWorkers: 1 }));
  sandbox.define("KV").bind("Get", (key) => key);
  for (const n of counts) {
    const loop = (call) => `i = 0; ${n}.times { i += 1; ${call} }; i`;
    await time(sandbox, loop('KV::Get.call("k")')); // warm up
    const empty = await time(sandbox, loop("i.to_s"));
    const total = await time(sandbox, loop('KV::Get.call("k")'));
    const per = (what) => (((total[what] - empty[what]) * 1000) / n).toFixed(0);
    console.log(
      `${channel}, ${n} calls per eval: ${per("wall")} µs wall, ${per("cpu")} µs CPU per call ` +
        `(median of ${rounds}); fastest evals: ${per("fastest")} µs per call`,
    );
  }
  await sandbox.close();
}
