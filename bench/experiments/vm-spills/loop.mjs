// The program run under perf by run.mjs, in the calling thread (no worker) so that perf sees one
// thread: one of the bench's CPU programs on a kobako.wasm, 90 times (TurboFan has the VM after
// the first few); or, as `floor`, the XOR loop on bench/experiments/interp-floor's interp.c built
// as wasm (the wasm path is then that build's).
import { readFileSync } from "node:fs";
import { createInThreadPlatform, Sandbox } from "@kobako/node";
import { xorLoop } from "../../lib.mjs";
import { PROGRAMS } from "../../measures/cpu-programs.mjs";

const [wasmPath, program] = process.argv.slice(2);
if (program === "floor") {
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath));
  for (let i = 0; i < 3000; i++) instance.exports.run(100_000);
} else {
  const source = {
    fib: PROGRAMS["fib(25)"].source,
    xor: xorLoop(),
    string: PROGRAMS["string/array build"].source,
  }[program];
  if (!source) throw new Error(`unknown program ${program}: fib, xor, string or floor`);
  const sandbox = new Sandbox({}, createInThreadPlatform({ wasmPath }));
  for (let i = 0; i < 90; i++) await sandbox.eval(source);
  await sandbox.close();
}
