// RSS for 1000 isolated tenants, each with its own service and preloaded snippet, each in a clean
// child process: kobako, quickjs-emscripten (a runtime per tenant), ruby.wasm (a VM per tenant,
// extrapolated from a few).
import { fmtBytes, fmtRatio, runChild } from "../lib.mjs";

const TENANTS = 1000;
const RUBY_TENANTS = 4;

export default async function rss() {
  const k = runChild("children/rss-kobako.mjs", ["--expose-gc"], [TENANTS]);
  const growth = k.all - k.base;
  const q = runChild("children/rss-quickjs.mjs", ["--expose-gc"], [TENANTS]);
  const quickjs = q.all - q.base;
  const p = runChild("children/rss-rubywasm.mjs", ["--expose-gc"], [RUBY_TENANTS]);
  const perVM = (p.all - p.first) / (p.tenants - 1);
  const ruby = p.first - p.base + perVM * (TENANTS - 1);
  return {
    measure: `RSS growth, ${TENANTS} tenants (own snippet + service each)`,
    kobako: fmtBytes(growth),
    peers: `quickjs-emscripten ${fmtBytes(quickjs)}; ruby.wasm ~${fmtBytes(ruby)} (extrapolated)`,
    ratio: `${fmtRatio(growth / quickjs)} of quickjs`,
    target: "≤ 150 MB",
    pass: growth <= 150e6,
    ratios: { "kobako/quickjs": growth / quickjs },
    notes: [
      `kobako: ${k.preload ? "define + preload + run" : "eval of its own source (no preload)"} per ` +
        `tenant; after tenant 1 (worker started) +${fmtBytes(k.first - k.base)}, then ` +
        `${fmtBytes((k.all - k.first) / (k.tenants - 1))} per tenant; peak RSS ${fmtBytes(k.peak)}`,
      `quickjs-emscripten: a runtime + context per tenant with its own host function and snippet; ` +
        `+${fmtBytes(q.first - q.base)} for the first, ${fmtBytes((q.all - q.first) / (q.tenants - 1))} ` +
        `per further tenant; peak RSS ${fmtBytes(q.peak)}`,
      `ruby.wasm: ${p.tenants} VMs measured, +${fmtBytes(p.first - p.base)} for the first ` +
        `(module compile + VM), ${fmtBytes(perVM)} per further VM, extrapolated linearly to ${TENANTS}; ` +
        "the reference gem publishes +0.3 KB per further Sandbox after the first (+5.7 MB), its " +
        "snippets being replayed per invocation rather than kept",
    ],
  };
}
