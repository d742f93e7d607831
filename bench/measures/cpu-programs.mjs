// Two more CPU-bound programs beside the XOR loop, against native mruby of the guest's own
// version and sources: recursive fib(25), and a loop building a string and an array.
import { Sandbox } from "@kobako/node";
import { fmtRatio, fmtTime, median, nativeMrubyMs, timeEach } from "../lib.mjs";

const REPS = 11;

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
  const ratios = [];
  for (const [name, { source, expect }] of Object.entries(PROGRAMS)) {
    const inGuest = [];
    await timeEach(
      async () => {
        const value = await sandbox.eval(source);
        if (JSON.stringify(value) !== JSON.stringify(expect)) {
          throw new Error(`${name} gave ${JSON.stringify(value)}`);
        }
        inGuest.push(sandbox.usage.wallTime);
      },
      REPS,
      2,
    );
    const guest = median(inGuest.slice(2));
    const native = mruby ? nativeMrubyMs(mruby, source, REPS) : null;
    cells.push({ name, guest, native });
    if (native) ratios.push(guest / native);
  }
  await sandbox.close();
  return {
    measure: "fib(25) | string/array build",
    kobako: cells.map((c) => fmtTime(c.guest)).join(" | "),
    peers: `mruby ${cells.map((c) => (c.native ? fmtTime(c.native) : "n/a")).join(" | ")}`,
    ratio: ratios.length ? ratios.map((r) => fmtRatio(r)).join(" | ") : "n/a",
    target: "≤ 2× native mruby each",
    pass: ratios.length === cells.length ? ratios.every((r) => r <= 2) : null,
    ratios: Object.fromEntries(
      cells.map((c) => [`${c.name} kobako/mruby`, c.native ? c.guest / c.native : null]),
    ),
    notes: [
      `median usage.wallTime of ${REPS} evals after 2 warm-up; native: Time.now around the same ` +
        `program, median of ${REPS} in one process`,
    ],
  };
}
