// 1. First sandbox ready in a fresh Node process, worker included.
import { fmtRatio, fmtTime, median, runChild } from "../lib.mjs";

const RUNS = 9;
const PEER_RUNS = 5;

export default async function coldStart() {
  const runs = (script, n) => Array.from({ length: n }, () => runChild(script));
  const node = runs("children/node-baseline.mjs", 5);
  const kobako = runs("children/cold-kobako.mjs", RUNS);
  const peer = runs("children/cold-rubywasm.mjs", PEER_RUNS);
  const ready = median(kobako.map((r) => r.ready));
  const peerReady = median(peer.map((r) => r.ready));
  const imported = median(kobako.map((r) => r.imported));
  return {
    measure: "1. first sandbox ready, fresh process",
    kobako: fmtTime(ready),
    peers: `ruby.wasm ${fmtTime(peerReady)}`,
    ratio: `${fmtRatio(ready / peerReady)} of ruby.wasm`,
    target: "≤ 60 ms",
    pass: ready <= 60,
    notes: [
      `median of ${RUNS} processes (ruby.wasm: ${PEER_RUNS}); node alone reaches user code at ` +
        `${fmtTime(median(node.map((r) => r.ready)))}, @kobako/node is imported at ` +
        `${fmtTime(imported)}, so worker start + compile + boot + first eval take ` +
        `${fmtTime(ready - imported)}; runs: ${kobako.map((r) => r.ready.toFixed(0)).join(", ")} ms`,
      `ruby.wasm (ruby+stdlib.wasm): compile done at ${fmtTime(median(peer.map((r) => r.compiled)))}`,
    ],
  };
}
