// Node: `import("@kobako/node")` to the first eval("nil") result, inside a fresh process.
import { fmtTime, median, runChild } from "../lib.mjs";

const RUNS = 11;

export default async function firstResult() {
  const kobako = [];
  const floor = [];
  // Interleaved, so that load from elsewhere on the machine falls on both alike.
  for (let i = 0; i < RUNS; i++) {
    kobako.push(runChild("children/first-result.mjs"));
    floor.push(runChild("children/worker-floor.mjs"));
  }
  const result = median(kobako.map((r) => r.result));
  const imported = median(kobako.map((r) => r.imported));
  const worker = median(floor.map((r) => r.ready));
  return {
    measure: "10. Node: import to first eval result",
    kobako: fmtTime(result),
    peers: `empty worker thread start ${fmtTime(worker)}`,
    ratio: `${(result / worker).toFixed(2)}× an empty worker's start`,
    target: "≤ 50 ms",
    pass: result <= 50,
    notes: [
      `median of ${RUNS} fresh processes, timed from the dynamic import; the import itself ` +
        `${fmtTime(imported)}, then worker start + compile + instantiate + first eval ` +
        `${fmtTime(result - imported)}; runs: ${kobako.map((r) => r.result.toFixed(0)).join(", ")} ms`,
    ],
  };
}
