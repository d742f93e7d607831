// Runs N sequential invocations in a fresh process (started with --expose-gc by soak.test.ts) and
// prints what memory they took, as JSON on one line.
import { Sandbox } from "../../dist/index.js";

const count = Number(process.argv[2] ?? 10_000);
const warmUp = Number(process.argv[3] ?? 2_000);
const scripts = [
  "x = [1, 'a', {b: 2.5}, :s]; x",
  "s = 'y' * 10_000; s.size",
  "Host::Echo.call({k: [1, 2]})",
  "begin; raise 'boom'; rescue => e; e.message; end",
  "h = {}; 500.times { |i| h[i] = i.to_s }; h.size",
];
const sandbox = new Sandbox();
sandbox.define("Host").bind("Echo", (value) => value);

function measure() {
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

for (let i = 0; i < warmUp; i++) await sandbox.eval(scripts[i % scripts.length]);
const before = measure();
const started = performance.now();
for (let i = 0; i < count; i++) await sandbox.eval(scripts[i % scripts.length]);
const elapsed = performance.now() - started;
const after = measure();
await sandbox.close();
console.log(JSON.stringify({ count, elapsed, before, after }));
