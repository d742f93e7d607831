// Experiment (docs/BENCHMARKS.md, "What the guest pays over native"): how much of V8's machine
// code for the guest's hottest function moves values between registers and the stack frame
// (spill slots, addressed from %rbp), and how many of the CPU samples land on those
// instructions. Runs a program in the calling thread under `perf record`, with V8 writing its
// JIT code map (`--perf-prof`), and reads `perf annotate` of the function with the most samples.
// Needs Linux `perf` (Debian package linux-perf) and x86-64.
//
//   node bench/experiments/vm-spills/run.mjs [wasm=data/kobako.wasm] [fib|xor|string|floor] [node]
//
// With the Node binary given last (e.g. a Node 24), it profiles that V8 instead of this one.
// `floor` profiles the small VM of bench/experiments/interp-floor instead, built as its run.mjs
// builds it: clang-19 --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--export=run interp.c
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const here = new URL(".", import.meta.url).pathname;
const wasm = resolve(process.argv[2] ?? join(here, "../../../data/kobako.wasm"));
const program = process.argv[3] ?? "fib";
const node = process.argv[4] ?? process.execPath;
const work = mkdtempSync(join(tmpdir(), "kobako-spills-"));
// perf keeps the code it reads in a build-id cache (~/.debug by default): keep it in work too.
const cache = ["--buildid-dir", join(work, "buildid")];
const perf = (...args) =>
  execFileSync("perf", [...cache, ...args], {
    cwd: work,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    stdio: ["ignore", "pipe", "ignore"],
  });

try {
  execFileSync(
    "perf",
    [
      ...cache,
      "record",
      "-q",
      "-k",
      "mono",
      "-o",
      "perf.data",
      node,
      "--perf-prof",
      join(here, "loop.mjs"),
      wasm,
      program,
    ],
    { cwd: work, stdio: ["ignore", "inherit", "inherit"] },
  );
  perf("inject", "-j", "-i", "perf.data", "-o", "jit.data");
  const report = perf("report", "-i", "jit.data", "--no-children", "--sort", "sym", "--stdio");
  const top = /^\s+([\d.]+)%\s+\[\.\]\s+(JS:\S+-turbofan)\s*$/m.exec(report);
  if (!top) throw new Error("no TurboFan-compiled function among the samples");
  const annotated = perf("annotate", "-i", "jit.data", "--stdio", "-s", top[2]);
  let instructions = 0;
  let slotInstructions = 0;
  let slotSamples = 0;
  for (const line of annotated.split("\n")) {
    const m = /^\s+([\d.]+) :\s+[0-9a-f]+:\s+\S+\s*(.*)$/.exec(line);
    if (!m) continue;
    instructions++;
    if (m[2].includes("(%rbp)")) {
      slotInstructions++;
      slotSamples += Number(m[1]);
    }
  }
  console.log(
    `${program} on ${node === process.execPath ? `this Node (${process.version})` : node}: ` +
      `${top[2]} has ${top[1]} % of the samples; ${instructions} instructions, ` +
      `${slotInstructions} (${((100 * slotInstructions) / instructions).toFixed(0)} %) address a ` +
      `stack-frame slot, and ${slotSamples.toFixed(1)} % of its samples land on those`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
