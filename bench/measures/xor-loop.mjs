// The 100k-iteration integer XOR loop: kobako, native mruby of the guest's version, ruby.wasm.
import { execFileSync } from "node:child_process";
import { Sandbox } from "@kobako/node";
import { fmtRatio, fmtTime, median, nativeMrubyMs, timeEach, xorLoop } from "../lib.mjs";

const REPS = 21;

export default async function xor({ rubyWasm, mruby }) {
  const sandbox = new Sandbox();
  const inGuest = [];
  const host = await timeEach(
    async () => {
      if ((await sandbox.eval(xorLoop())) !== 0) throw new Error("wrong XOR result");
      inGuest.push(sandbox.usage.wallTime);
    },
    REPS,
    3,
  );
  await sandbox.close();
  const guest = median(inGuest.slice(3));
  const native = mruby ? nativeMrubyMs(mruby, xorLoop(), REPS) : null;
  const { vm } = await rubyWasm();
  const peer = median(await timeEach(() => vm.eval(xorLoop()), 11, 3));
  return {
    measure: "100k-iteration XOR loop",
    kobako: `${fmtTime(guest)} (host ${fmtTime(median(host))})`,
    peers: `mruby ${native ? fmtTime(native) : "n/a (not installed)"}; ruby.wasm ${fmtTime(peer)}`,
    ratio: native ? `${fmtRatio(guest / native)} of mruby` : "n/a",
    target: "≤ 2× native mruby",
    pass: native ? guest <= 2 * native : null,
    ratios: { "kobako/mruby": native ? guest / native : null },
    notes: [
      `kobako: median usage.wallTime of ${REPS} evals after 3 warm-up (host-side in brackets); ` +
        `native mruby ${mruby ? execFileSync(mruby, ["--version"], { encoding: "utf8" }).trim() : "missing"}: ` +
        `Time.now around the same top-level loop, median of ${REPS} in one process`,
    ],
  };
}
