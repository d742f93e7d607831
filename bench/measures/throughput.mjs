// Throughput of a CPU-bound script across sandboxes, pool of 1 worker vs N workers. The
// machine's own ceiling (plain JS loops in 1 vs N threads) is measured in the same rounds: on a
// shared machine the "N cores" are not always N cores' worth.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createPlatform, Sandbox } from "@kobako/node";
import { fmtRatio, median, xorLoop } from "../lib.mjs";

const N = availableParallelism();
const SCRIPT = xorLoop(1_000_000); // the XOR loop ×10
const JOBS = 8 * N;
const SANDBOXES = Math.max(4, 2 * N);
const ROUNDS = 5;

/** A pool of `maxWorkers` with SANDBOXES sandboxes, every worker started and warm. */
async function pool(maxWorkers) {
  const platform = createPlatform({ maxWorkers });
  const sandboxes = Array.from({ length: SANDBOXES }, () => new Sandbox(undefined, platform));
  await Promise.all(sandboxes.map((s) => s.eval(SCRIPT)));
  return sandboxes;
}

/** Jobs per second: JOBS evals spread over the sandboxes, all submitted at once. */
async function rate(sandboxes) {
  const started = performance.now();
  await Promise.all(Array.from({ length: JOBS }, (_, j) => sandboxes[j % SANDBOXES].eval(SCRIPT)));
  return JOBS / ((performance.now() - started) / 1000);
}

const SPIN = `
  const { parentPort } = require("node:worker_threads");
  parentPort.on("message", (n) => {
    let x = 0;
    for (let i = 0; i < n; i++) x ^= i;
    parentPort.postMessage(x);
  });`;

/** Plain JS threads: time for 1 thread to do W vs N threads to do W each, as N·t1/tN. */
async function ceiling(threads) {
  const work = 3e8;
  const go = (workers) =>
    Promise.all(
      workers.map((w) => new Promise((resolve) => w.once("message", resolve).postMessage(work))),
    );
  const timed = async (workers) => {
    const started = performance.now();
    await go(workers);
    return performance.now() - started;
  };
  await go(threads); // warm
  const one = await timed(threads.slice(0, 1));
  const all = await timed(threads);
  return (N * one) / all;
}

export default async function parallel() {
  const single = await pool(1);
  const multi = await pool(N);
  const threads = Array.from({ length: N }, () => new Worker(SPIN, { eval: true }));
  const rounds = { one: [], all: [], ceiling: [] };
  for (let round = 0; round < ROUNDS; round++) {
    rounds.one.push(await rate(single));
    rounds.all.push(await rate(multi));
    rounds.ceiling.push(await ceiling(threads));
  }
  await Promise.all([...single, ...multi].map((s) => s.close()));
  await Promise.all(threads.map((t) => t.terminate()));
  const one = median(rounds.one);
  const all = median(rounds.all);
  const ratio = all / one;
  const limit = median(rounds.ceiling);
  return {
    measure: `throughput, 1 vs ${N} workers`,
    kobako: `${one.toFixed(1)} → ${all.toFixed(1)} jobs/s = ${fmtRatio(ratio)}`,
    peers: `machine ceiling ${fmtRatio(limit)} (plain JS, 1 vs ${N} threads)`,
    ratio: `${fmtRatio(ratio / limit)} of the ceiling`,
    target: `≥ ${(0.85 * N).toFixed(2)}× (0.85·N, N=${N})`,
    pass: ratio >= 0.85 * N,
    ratios: { "ceiling/kobako": limit / ratio },
    notes: [
      `${JOBS} evals of the XOR loop ×10 over ${SANDBOXES} sandboxes at once, median of ` +
        `${ROUNDS} rounds after a warm-up round; N = os.availableParallelism(); per round ` +
        `kobako ${rounds.all.map((r, i) => fmtRatio(r / rounds.one[i])).join(", ")}, ceiling ` +
        `${rounds.ceiling.map(fmtRatio).join(", ")}`,
    ],
  };
}
