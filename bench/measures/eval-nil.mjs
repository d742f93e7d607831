// 2. eval("nil") on a reused sandbox, host to result.
import { Worker } from "node:worker_threads";
import { Sandbox } from "@kobako/node";
import { fmtRatio, fmtTime, median, quantile, timeEach } from "../lib.mjs";

const N = 3000;

/** The machine's floor: a bare postMessage round trip to an echoing worker thread. */
export async function echoFloor() {
  const echo = new Worker(
    'require("node:worker_threads").parentPort.on("message", function (m) { this.postMessage(m); })',
    { eval: true },
  );
  const roundTrip = () =>
    new Promise((resolve) => {
      echo.once("message", resolve);
      echo.postMessage(0);
    });
  const times = await timeEach(roundTrip, N, 500);
  await echo.terminate();
  return median(times);
}

export default async function evalNil({ rubyWasm }) {
  const sandbox = new Sandbox();
  const inGuest = [];
  const times = await timeEach(
    async () => {
      await sandbox.eval("nil");
      inGuest.push(sandbox.usage.wallTime);
    },
    N,
    500,
  );
  await sandbox.close();
  const t = median(times);
  const guest = median(inGuest.slice(-N));
  const { vm } = await rubyWasm();
  const peer = median(await timeEach(() => vm.eval("nil"), N, 500));
  const floor = await echoFloor();
  return {
    measure: '2. eval("nil"), reused sandbox',
    kobako: fmtTime(t),
    peers: `ruby.wasm ${fmtTime(peer)} (in-thread); bare postMessage echo ${fmtTime(floor)}`,
    ratio: `${fmtRatio(t / peer)} of ruby.wasm`,
    target: "≤ 60 µs",
    pass: t <= 0.06,
    notes: [
      `median of ${N} after 500 warm-up; p90 ${fmtTime(quantile(times, 0.9))}; in the worker ` +
        `(restore + eval + response, usage.wallTime) ${fmtTime(guest)}, so the host ↔ worker ` +
        `round trip and host-side encode/decode take ~${fmtTime(t - guest)}`,
    ],
  };
}
