// 3. A fresh sandbox per request: new Sandbox() + eval("nil") + close().
import { Sandbox } from "@kobako/node";
import { fmtTime, median, quantile, timeEach } from "../lib.mjs";

const N = 2000;

export default async function freshSandbox() {
  const times = await timeEach(
    async () => {
      const sandbox = new Sandbox();
      await sandbox.eval("nil");
      await sandbox.close();
    },
    N,
    300,
  );
  const t = median(times);
  return {
    measure: "3. fresh sandbox per request",
    kobako: fmtTime(t),
    peers: "—",
    ratio: "—",
    target: "≤ 150 µs",
    pass: t <= 0.15,
    notes: [`median of ${N} after 300 warm-up; p90 ${fmtTime(quantile(times, 0.9))}`],
  };
}
