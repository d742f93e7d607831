// 7. RSS for 1000 isolated tenants, each in a clean child process.
import { fmtBytes, fmtRatio, runChild } from "../lib.mjs";

const TENANTS = 1000;
const PEER_TENANTS = 50;

export default async function rss() {
  const k = runChild("children/rss-kobako.mjs", ["--expose-gc"], [TENANTS]);
  const growth = k.all - k.base;
  const p = runChild("children/rss-rubywasm.mjs", ["--expose-gc"], [PEER_TENANTS]);
  const perVM = (p.all - p.first) / (p.tenants - 1);
  const peer = p.first - p.base + perVM * (TENANTS - 1);
  return {
    measure: `7. RSS growth, ${TENANTS} tenants`,
    kobako: fmtBytes(growth),
    peers: `ruby.wasm ~${fmtBytes(peer)} (extrapolated from ${p.tenants} VMs)`,
    ratio: `${fmtRatio(growth / peer)} of ruby.wasm`,
    target: "≤ 300 MB",
    pass: growth <= 300e6,
    notes: [
      `kobako: ${k.preload ? "preload + run" : "eval of its own source (no preload)"} per tenant; ` +
        `after tenant 1 (worker started) +${fmtBytes(k.first - k.base)}, then ` +
        `${fmtBytes((k.all - k.first) / (k.tenants - 1))} per tenant; peak RSS ${fmtBytes(k.peak)}`,
      `ruby.wasm: ${p.tenants} VMs measured, +${fmtBytes(p.first - p.base)} for the first ` +
        `(module compile + VM), ${fmtBytes(perVM)} per further VM, extrapolated linearly to ${TENANTS}`,
    ],
  };
}
