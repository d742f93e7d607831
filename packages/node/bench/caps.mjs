// The figures of docs/SECURITY.md: how promptly each cap ends a hostile script, what a cap costs
// an ordinary one, and what restoring a fresh state costs.
//
//   pnpm build && node packages/node/bench/caps.mjs [rounds]
import { readFile } from "node:fs/promises";
import { GuestInstance } from "@kobako/core/worker";
// Not exported by the package: this benchmark reads core's build directly.
import { encodeInvocation } from "../../core/dist/wire/index.js";
import { Sandbox } from "../dist/index.js";

const rounds = Number(process.argv[2] ?? 7);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function max(values) {
  return Math.max(...values);
}

async function outcome(sandbox, source, options) {
  const started = performance.now();
  let name = "value";
  let hard = false;
  try {
    await sandbox.eval(source, options);
  } catch (error) {
    name = error.name;
    hard = error.details?.hard === true;
  }
  return { name, hard, elapsed: performance.now() - started, usage: sandbox.usage };
}

console.log("## Timeouts (timeout: 200 ms)");
{
  const sandbox = new Sandbox({ timeout: 200 });
  sandbox.define("Slow").bind("Never", () => new Promise(() => {}));
  await sandbox.eval("1");
  for (const [label, source] of [
    ["loop {}", "loop {}"],
    ["while true", "while true; end"],
    ["block loop", "[1].each { loop {} }"],
    ["sort with a block, forever", "a = (1..50_000).to_a; loop { a.sort { |x, y| y <=> x } }"],
    ["waiting on a service that never settles", "Slow::Never.call"],
    ["rescue Exception; retry (hard backstop)", "begin; loop {}; rescue Exception; retry; end"],
    [
      "one long String#index (hard backstop)",
      "s = 'a' * 400_000; t = 'a' * 200_000 + 'b'; s.index(t)",
    ],
    [
      "regexp give-ups in a loop (hard backstop)",
      "r = /(a+)+$/; s = 'a' * 28 + 'b'; loop { r =~ s rescue nil }",
    ],
  ]) {
    const runs = [];
    for (let i = 0; i < rounds; i++) runs.push(await outcome(sandbox, source));
    const last = runs.at(-1);
    console.log(
      `${label}: ${last.name}${last.hard ? " (worker terminated)" : ""}; host waited ` +
        `${median(runs.map((run) => run.elapsed)).toFixed(1)} ms median, ` +
        `${max(runs.map((run) => run.elapsed)).toFixed(1)} ms max; usage.wallTime ` +
        `${median(runs.map((run) => run.usage.wallTime)).toFixed(1)} ms`,
    );
  }
}

console.log("\n## Catastrophic regexps (time to RegexpError)");
{
  const sandbox = new Sandbox({ timeout: 5_000 });
  for (const source of [
    "/(a+)+$/ =~ 'a' * 30 + 'b'",
    "/(a|aa)+$/ =~ 'a' * 40 + 'b'",
    "/^(([a-z])+.)+[A-Z]([a-z])+$/ =~ 'a' * 40",
    "('a' * 5_000).gsub(/(a+)+b/, 'x')",
  ]) {
    const runs = [];
    for (let i = 0; i < rounds; i++) runs.push(await outcome(sandbox, source));
    console.log(
      `${source}: ${runs.at(-1).name}, ${median(runs.map((run) => run.usage.wallTime)).toFixed(1)} ms median`,
    );
  }
}

console.log("\n## Memory (memoryLimit: 1 MiB default)");
{
  const sandbox = new Sandbox({ timeout: 5_000 });
  for (const source of [
    "nil",
    "s = 'x'; loop { s += s }",
    "'x' * 2**30",
    "h = {}; i = 0; loop { h[i] = i.to_s; i += 1 }",
    '(1..10_000).map { |i| {id: i, name: "n#{i}"} }.size',
    "Array.new(10_000) { |i| i / 3.0 }.size",
  ]) {
    const run = await outcome(sandbox, source);
    console.log(
      `${source}: ${run.name}, memoryPeak ${run.usage.memoryPeak} bytes, ${run.usage.wallTime.toFixed(1)} ms`,
    );
  }
  const open = new Sandbox({ memoryLimit: null });
  for (const lines of [100, 1000, 2000]) {
    const source = Array.from({ length: lines }, (_, i) => `def m${i}(x) = x + ${i}`).join("\n");
    await open.eval(source);
    console.log(`compiling ${lines} one-line methods: memoryPeak ${open.usage.memoryPeak} bytes`);
  }
}

console.log("\n## Restoring a fresh state (GuestInstance, no worker)");
{
  const wasm = await readFile(new URL("../../../data/kobako.wasm", import.meta.url));
  const guest = await GuestInstance.create(await WebAssembly.compile(wasm));
  const limits = { stdoutLimit: 1 << 20, stderrLimit: 1 << 20, memoryLimit: 0, timeout: 0 };
  const request = (source) => encodeInvocation([], [], { kind: "eval", source });
  const nil = request("nil");
  const time = (bytes, count = 2_000) => {
    const started = performance.now();
    for (let i = 0; i < count; i++) guest.invoke(bytes, limits);
    return ((performance.now() - started) * 1000) / count;
  };
  time(nil);
  console.log(`eval("nil") on a fresh state: ${time(nil).toFixed(1)} µs`);
  guest.invoke(request("'x' * 12_000_000; nil"), limits);
  const grown = guest.memory.buffer.byteLength;
  console.log(
    `after growing linear memory to ${(grown / 2 ** 20).toFixed(1)} MiB: eval("nil") ${time(nil).toFixed(1)} µs ` +
      "(only memory below the heap break is zeroed)",
  );
  const zero = new Uint8Array(grown);
  const started = performance.now();
  for (let i = 0; i < 200; i++) zero.fill(0, 1 << 20);
  console.log(
    `zeroing all ${((grown - (1 << 20)) / 2 ** 20).toFixed(1)} MiB grown instead would cost ` +
      `${(((performance.now() - started) * 1000) / 200).toFixed(0)} µs per invocation`,
  );
  const stack = new Uint8Array(1 << 20);
  const copy = new Uint8Array(1 << 20);
  const copied = performance.now();
  for (let i = 0; i < 2_000; i++) stack.set(copy);
  console.log(
    `restoring the 1 MiB C stack too (skipped: it is dead) would cost ` +
      `${(((performance.now() - copied) * 1000) / 2_000).toFixed(0)} µs per invocation`,
  );
}
