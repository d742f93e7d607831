// One service call, amortised over 1000 calls in one eval.
import { Sandbox } from "@kobako/node";
import { fmtTime, has, median, quantile } from "../lib.mjs";

const REPS = 31;
const WITH = "1000.times { S::F.call(1) }";
const WITHOUT = "1000.times { 1 }";

export default async function serviceCall() {
  const row = { measure: "service call, amortised over 1000 in one eval", target: "≤ 10 µs" };
  if (!has(Sandbox, "define")) {
    return { ...row, kobako: "n/a (not implemented)", peers: "—", ratio: "—", pass: null };
  }
  const sandbox = new Sandbox();
  sandbox.define("S").bind("F", (x) => x);
  const host = { with: [], without: [] };
  const guest = { with: [], without: [] };
  for (let i = 0; i < 3 + REPS; i++) {
    for (const [key, source] of [
      ["with", WITH],
      ["without", WITHOUT],
    ]) {
      const started = performance.now();
      await sandbox.eval(source);
      const elapsed = performance.now() - started;
      if (i >= 3) {
        host[key].push(elapsed);
        guest[key].push(sandbox.usage.wallTime);
      }
    }
  }
  await sandbox.close();
  const perCall = (median(host.with) - median(host.without)) / 1000;
  const perCallGuest = (median(guest.with) - median(guest.without)) / 1000;
  // Per pair of evals, to show the spread: fast while both threads spin, ~10× slower once the
  // worker sleeps in Atomics.wait between calls (e.g. when other work takes the CPUs).
  const pairs = host.with.map((t, i) => (t - host.without[i]) / 1000);
  return {
    ...row,
    kobako: fmtTime(perCall),
    peers: "—",
    ratio: "—",
    pass: perCall <= 0.01,
    ratios: { "with/without": median(host.with) / median(host.without) },
    notes: [
      `median of ${REPS} evals each: with the call ${fmtTime(median(host.with))}, the bare loop ` +
        `${fmtTime(median(host.without))}; from usage.wallTime ${fmtTime(perCallGuest)} per call; ` +
        `per eval pair min ${fmtTime(Math.min(...pairs))}, p90 ${fmtTime(quantile(pairs, 0.9))}`,
    ],
  };
}
