// 1000 isolated tenants in one process: each a Sandbox with its own service and preloaded snippet
// (its own eval'd source where preload is missing), each invoked once: every worker bakes the
// preload sets it meets. Run with --expose-gc.
import { Sandbox } from "@kobako/node";

const TENANTS = Number(process.argv[2] ?? 1000);
const BATCH = 8; // a few at a time, so every worker of the pool starts, as under real load
const rss = () => {
  globalThis.gc();
  return process.memoryUsage().rss;
};
// Sampled, not process.resourceUsage().maxRSS: Linux carries a parent's high-water mark into a
// child it spawns, so maxRSS reports the bench's own peak when that is higher.
let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const preload = typeof Sandbox.prototype.preload === "function";

async function tenant(i) {
  const sandbox = new Sandbox();
  let value;
  if (preload) {
    sandbox.define(`Svc${i}`).bind("Get", () => i);
    await sandbox.preload({ code: `T${i} = ->(x) { x + ${i} }`, name: `tenant${i}.rb` });
    value = await sandbox.run(`T${i}`, [1]);
  } else {
    value = await sandbox.eval(`T${i} = ->(x) { x + ${i} }; T${i}.call(1)`);
  }
  if (value !== i + 1) throw new Error(`tenant ${i} gave ${value}`);
  return sandbox;
}

const base = rss();
const tenants = [await tenant(0)];
const first = rss();
for (let i = 1; i < TENANTS; i += BATCH) {
  const ids = Array.from({ length: Math.min(BATCH, TENANTS - i) }, (_, k) => i + k);
  tenants.push(...(await Promise.all(ids.map(tenant))));
  sample();
}
const all = rss();
console.log(JSON.stringify({ tenants: tenants.length, preload, base, first, all, peak }));
