// Interleaved comparison of kobako.wasm builds on the CPU programs, with native mruby paired:
//   node bench/variants.mjs [reps] a.wasm [b.wasm …]
// Each repetition runs native mruby once (it times itself with Time.now), then one eval on each
// build in turn, so that load on a shared machine hits all of them alike. Prints, per program,
// medians of usage.wallTime, each build relative to the first, and the median of the per-pair
// ratios to native. docs/BENCHMARKS.md, "What the guest pays over native".
import { execFileSync } from "node:child_process";
import { createPlatform, Sandbox } from "@kobako/node";
import { ensureMruby, median, xorLoop } from "./lib.mjs";
import { PROGRAMS } from "./measures/cpu-programs.mjs";

const args = process.argv.slice(2);
const reps = /^\d+$/.test(args[0] ?? "") ? Number(args.shift()) : 11;
if (args.length === 0) throw new Error("usage: node bench/variants.mjs [reps] a.wasm [b.wasm …]");
const programs = { "XOR 100k": { source: xorLoop(), expect: 0 }, ...PROGRAMS };
const mruby = ensureMruby();
const native = (source) => {
  const once = `t=Time.now; begin; ${source}; end; puts((Time.now - t) * 1000)`;
  const out = execFileSync(mruby, ["-e", `${once}\n${once}`], { encoding: "utf8" });
  return Number(out.trim().split("\n").at(-1));
};
const sandboxes = args.map((wasmPath) => new Sandbox({}, createPlatform({ wasmPath })));
for (const [name, { source, expect }] of Object.entries(programs)) {
  // Warm-up: TurboFan compiles each module in the background, later under load.
  for (const sandbox of sandboxes) for (let i = 0; i < 5; i++) await sandbox.eval(source);
  const times = args.map(() => []);
  const ratios = args.map(() => []);
  const natives = [];
  for (let i = 0; i < reps; i++) {
    const n = mruby ? native(source) : Number.NaN;
    natives.push(n);
    for (const [j, sandbox] of sandboxes.entries()) {
      const value = await sandbox.eval(source);
      if (JSON.stringify(value) !== JSON.stringify(expect))
        throw new Error(`${name} gave ${value}`);
      times[j].push(sandbox.usage.wallTime);
      ratios[j].push(sandbox.usage.wallTime / n);
    }
  }
  const first = median(times[0]);
  console.log(`${name}: native ${median(natives).toFixed(2)} ms`);
  for (const [j, path] of args.entries()) {
    const t = median(times[j]);
    console.log(
      `  ${path}: ${t.toFixed(2)} ms, ${(t / first).toFixed(2)} of the first, ${median(ratios[j]).toFixed(2)}× native`,
    );
  }
}
for (const sandbox of sandboxes) await sandbox.close();
process.exit(0);
