// The 100k-iteration integer XOR loop: kobako, native mruby of the guest's version, ruby.wasm.
import { execFileSync } from "node:child_process";
import { Sandbox } from "@kobako/node";
import { fmtRatio, fmtTime, median, pairedWithNative, timeEach, xorLoop } from "../lib.mjs";

const ROUNDS = 7;
const REPS = 3;

export default async function xor({ rubyWasm, mruby }) {
  const sandbox = new Sandbox();
  const host = [];
  const guestMs = async () => {
    const started = performance.now();
    if ((await sandbox.eval(xorLoop())) !== 0) throw new Error("wrong XOR result");
    host.push(performance.now() - started);
    return sandbox.usage.wallTime;
  };
  const { guest, native, ratio, ratios } = await pairedWithNative(
    mruby,
    xorLoop(),
    guestMs,
    ROUNDS,
    REPS,
  );
  await sandbox.close();
  const { vm } = await rubyWasm();
  const peer = median(await timeEach(() => vm.eval(xorLoop()), 11, 3));
  return {
    measure: "100k-iteration XOR loop",
    kobako: `${fmtTime(guest)} (host ${fmtTime(median(host))})`,
    peers: `mruby ${native ? fmtTime(native) : "n/a (not built)"}; ruby.wasm ${fmtTime(peer)}`,
    ratio: native ? `${fmtRatio(ratio)} of mruby` : "n/a",
    target: "≤ 2× native mruby",
    pass: native ? ratio <= 2 : null,
    ratios: { "kobako/mruby": ratio },
    notes: [
      `${ROUNDS} rounds alternating guest and native, each the median of ${REPS} runs (guest: ` +
        "usage.wallTime, host-side in brackets; native mruby " +
        `${mruby ? execFileSync(mruby, ["--version"], { encoding: "utf8" }).trim() : "missing"}: ` +
        "Time.now around the same top-level loop); ratio = median of the per-round ratios " +
        `${ratios.map((r) => r.toFixed(2)).join(", ")}; ruby.wasm: median of 11 in-thread evals`,
    ],
  };
}
