// Two more CPU-bound programs beside the XOR loop, against native mruby of the guest's own version
// and sources: recursive fib(25), and a loop building a string and an array.
import { Sandbox } from "@kobako/node";
import { fmtRatio, fmtTime, pairedWithNative } from "../lib.mjs";

const ROUNDS = 5;
const REPS = 3;

export const PROGRAMS = {
  "fib(25)": {
    source: "def fib(n); n < 2 ? n : fib(n - 1) + fib(n - 2); end; fib(25)",
    expect: 75025,
  },
  "string/array build": {
    source:
      "s = String.new; a = []; i = 0; while i < 20_000; s << i.to_s << ','; a << s.bytesize; i += 1; end; [s.bytesize, a.size, a.last]",
    expect: [108890, 20000, 108890],
  },
};

export default async function cpuPrograms({ mruby }) {
  const sandbox = new Sandbox();
  const cells = [];
  for (const [name, { source, expect }] of Object.entries(PROGRAMS)) {
    const guestMs = async () => {
      const value = await sandbox.eval(source);
      if (JSON.stringify(value) !== JSON.stringify(expect)) {
        throw new Error(`${name} gave ${JSON.stringify(value)}`);
      }
      return sandbox.usage.wallTime;
    };
    cells.push({ name, ...(await pairedWithNative(mruby, source, guestMs, ROUNDS, REPS)) });
  }
  await sandbox.close();
  const ratios = cells.map((c) => c.ratio);
  return {
    measure: "fib(25) | string/array build",
    kobako: cells.map((c) => fmtTime(c.guest)).join(" | "),
    peers: `mruby ${cells.map((c) => (c.native ? fmtTime(c.native) : "n/a")).join(" | ")}`,
    ratio: mruby ? ratios.map((r) => fmtRatio(r)).join(" | ") : "n/a",
    target: "≤ 2× native mruby each",
    pass: mruby ? ratios.every((r) => r <= 2) : null,
    ratios: Object.fromEntries(cells.map((c) => [`${c.name} kobako/mruby`, c.ratio])),
    notes: [
      `${ROUNDS} rounds alternating guest and native, each the median of ${REPS} runs ` +
        `(guest: usage.wallTime of an eval, after 2 warm-up evals; native: Time.now around the ` +
        `program, after 2 warm-up runs in the same process); ratio = median of the per-round ` +
        `ratios: ${cells.map((c) => `${c.name} ${c.ratios.map((r) => r.toFixed(2)).join(", ")}`).join("; ")}`,
    ],
  };
}
