// Experiment (docs/BENCHMARKS.md, "What the guest pays over native"): the floor of a bytecode
// interpreter in WebAssembly on this machine's V8. interp.c, a register machine built like
// mruby's VM, runs mruby's XOR loop natively (clang 19 -O2, the guest's compiler and level, and
// gcc -O3, native mruby's) and as wasm32 in this Node (TurboFan, after warm-up), in alternating
// rounds. Needs clang-19 (guest/install-toolchain.sh) and gcc.
//
//   node bench/experiments/interp-floor/run.mjs [rounds=7]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "../../lib.mjs";

const here = new URL(".", import.meta.url).pathname;
const rounds = Number(process.argv[2] ?? 7);
const out = mkdtempSync(join(tmpdir(), "kobako-interp-"));
const sources = [join(here, "interp.c"), join(here, "native-main.c")];
const clang = join(out, "clang");
const gcc = join(out, "gcc");
const wasm = join(out, "interp.wasm");
execFileSync("clang-19", ["-O2", ...sources, "-o", clang]);
execFileSync("gcc", ["-O3", ...sources, "-o", gcc]);
execFileSync("clang-19", [
  "--target=wasm32",
  "-O2",
  "-nostdlib",
  "-Wl,--no-entry",
  "-Wl,--export=run",
  join(here, "interp.c"),
  "-o",
  wasm,
]);

const N = 100_000;
const { instance } = await WebAssembly.instantiate(readFileSync(wasm));
const run = instance.exports.run;
for (let i = 0; i < 300; i++) run(N); // TurboFan has it by then
const inWasm = () => {
  const times = [];
  for (let i = 0; i < 31; i++) {
    const started = performance.now();
    if (run(N) !== 0n) throw new Error("wrong result in wasm");
    times.push(performance.now() - started);
  }
  return median(times);
};
const natively = (binary) => {
  const [ms, result] = execFileSync(binary, [String(N), "31"], { encoding: "utf8" }).split(" ");
  if (Number(result) !== 0) throw new Error(`wrong result from ${binary}`);
  return Number(ms);
};
const rows = { wasm: [], clang: [], gcc: [] };
for (let r = 0; r < rounds; r++) {
  rows.clang.push(natively(clang));
  rows.wasm.push(inWasm());
  rows.gcc.push(natively(gcc));
}
rmSync(out, { recursive: true });
const [w, c, g] = [median(rows.wasm), median(rows.clang), median(rows.gcc)];
console.log(
  `XOR loop of ${N} in interp.c, medians of ${rounds} rounds of 31 runs: native clang -O2 ` +
    `${c.toFixed(3)} ms, native gcc -O3 ${g.toFixed(3)} ms, wasm in V8 ${w.toFixed(3)} ms; ` +
    `wasm / clang ${(w / c).toFixed(2)}×, wasm / gcc ${(w / g).toFixed(2)}×`,
);
