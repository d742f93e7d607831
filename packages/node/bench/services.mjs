// Service-call microbenchmark: 1000 service calls in one eval on worker threads (the atomics
// bridge). Prints the median cost of one call, amortised, with the loop's own cost subtracted.
//
//   pnpm build && node packages/node/bench/services.mjs [rounds]
import { Sandbox } from "../dist/index.js";

const CALLS = 1000;
const rounds = Number(process.argv[2] ?? 30);

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

const sandbox = new Sandbox();
sandbox
  .define("KV")
  .bind("Sync", (key) => key)
  .bind("Async", async (key) => key);
const loop = (call) => `i = 0; ${CALLS}.times { i += 1; ${call} }; i`;
await time(sandbox, loop('KV::Sync.call("k")')); // warm up
const empty = await time(sandbox, loop("i.to_s"));
for (const [label, call] of [
  ["sync service", 'KV::Sync.call("k")'],
  ["async service", 'KV::Async.call("k")'],
]) {
  const micros = ((await time(sandbox, loop(call))) - empty) * (1000 / CALLS);
  console.log(`${label}: ${micros.toFixed(1)} µs per call (median of ${rounds} evals)`);
}
console.log(`(loop without calls: ${((empty * 1000) / CALLS).toFixed(2)} µs per iteration)`);
await sandbox.close();
