// Makes the guest record the lowest C stack pointer it reaches (docs/SECURITY.md, "The dead C
// stack"), so that the host zeroes only the part of the dead stack an invocation used rather than
// all 1 MiB of it.
//
// After every write of `__stack_pointer` (each frame's prologue and epilogue, alloca, longjmp) comes
// a check that lowers the exported global `kobako_stack_low` when the new value is below it. Only
// that code writes the global, so nothing the guest does to its linear memory can make the host
// skip a frame. Done on the text form with wabt's wasm2wat/wat2wasm (Debian's, pinned by
// guest/install-toolchain.sh); wasm-opt runs after it.
//
// usage: node guest/track-stack.mjs in.wasm out.wasm
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node guest/track-stack.mjs in.wasm out.wasm");
  process.exit(2);
}

const FEATURES = ["--enable-exceptions"];
const dir = mkdtempSync(join(tmpdir(), "kobako-track-"));
try {
  const text = join(dir, "guest.wat");
  execFileSync("wasm2wat", [...FEATURES, "--no-debug-names", input, "-o", text]);
  const lines = readFileSync(text, "utf8").split("\n");

  const exported = lines
    .map((line) => /^ {2}\(export "__stack_pointer" \(global (\d+)\)\)$/.exec(line))
    .find(Boolean);
  if (!exported) throw new Error("the module does not export __stack_pointer");
  const sp = exported[1];

  // Flat text: one instruction per line, the last of a function followed by its ")". After each
  // write, inline (a call per frame cost the interpreter 14-22 %): if the new stack pointer is
  // below the recorded low, it becomes the low. Stack-neutral, so valid wherever the write is.
  const write = new RegExp(`^(\\s*)global\\.set ${sp}(\\)*)$`);
  const check = (indent) =>
    [
      `global.set ${sp}`,
      `global.get ${sp}`,
      "global.get $kobako_stack_low",
      "i32.lt_u",
      "if",
      `  global.get ${sp}`,
      "  global.set $kobako_stack_low",
      "end",
    ].map((instruction) => indent + instruction);
  let sites = 0;
  const rewritten = lines.flatMap((line) => {
    const match = write.exec(line);
    if (!match) return [line];
    sites++;
    const instructions = check(match[1]);
    instructions[instructions.length - 1] += match[2];
    return instructions;
  });
  if (sites === 0) throw new Error("found no write of __stack_pointer");
  // Every write must have been seen: one spelt another way would go unrecorded.
  const anyWrite = new RegExp(`\\bglobal\\.set ${sp}\\b`);
  const writes = lines.filter((line) => anyWrite.test(line)).length;
  if (writes !== sites) {
    throw new Error(`${writes - sites} writes of __stack_pointer are not one instruction a line`);
  }

  const firstExport = rewritten.findIndex((line) => /^ {2}\(export\b/.test(line));
  if (firstExport < 0) throw new Error("unexpected layout of the text: no export");
  rewritten.splice(
    firstExport,
    0,
    "  (global $kobako_stack_low (mut i32) (i32.const -1))",
    '  (export "kobako_stack_low" (global $kobako_stack_low))',
  );
  writeFileSync(text, rewritten.join("\n"));
  execFileSync("wat2wasm", [...FEATURES, text, "-o", output]);
  console.log(`track-stack: ${sites} writes of __stack_pointer now lower kobako_stack_low`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
