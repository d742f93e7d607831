// The quickjs-emscripten peer of rss-kobako.mjs: one runtime + context per tenant (a runtime is
// quickjs's unit of memory limit and isolation), each with its own host function and snippet,
// invoked once. Run with --expose-gc.
import { getQuickJS } from "quickjs-emscripten";

const TENANTS = Number(process.argv[2] ?? 1000);
const rss = () => {
  globalThis.gc();
  return process.memoryUsage().rss;
};
let peak = 0; // sampled: see rss-kobako.mjs

const base = rss();
const QuickJS = await getQuickJS();
const tenants = [];
let first;
for (let i = 0; i < TENANTS; i++) {
  const runtime = QuickJS.newRuntime();
  const context = runtime.newContext();
  const get = context.newFunction("get", () => context.newNumber(i));
  context.setProp(context.global, `Svc${i}`, get);
  get.dispose();
  context.unwrapResult(context.evalCode(`globalThis.T${i} = (x) => x + Svc${i}();`)).dispose();
  const result = context.unwrapResult(context.evalCode(`T${i}(1)`));
  const value = context.getNumber(result);
  result.dispose();
  if (value !== i + 1) throw new Error(`tenant ${i} gave ${value}`);
  tenants.push({ runtime, context });
  if (i === 0) first = rss();
  if (i % 8 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const all = rss();
console.log(JSON.stringify({ tenants: tenants.length, base, first, all, peak }));
