// The ruby.wasm peer of rss-kobako.mjs: one VM per tenant (CRuby has no cheap isolated state),
// each evaluating its own snippet once. Run with --expose-gc.
import { readFile } from "node:fs/promises";
import { DefaultRubyVM } from "@ruby/wasm-wasi/dist/node";
import { rubyWasmPath } from "../lib.mjs";

const TENANTS = Number(process.argv[2] ?? 50);
const rss = () => {
  globalThis.gc();
  return process.memoryUsage().rss;
};

const base = rss();
const module = await WebAssembly.compile(await readFile(rubyWasmPath()));
const vms = [];
let first;
for (let i = 0; i < TENANTS; i++) {
  const { vm } = await DefaultRubyVM(module);
  const value = Number(vm.eval(`T${i} = ->(x) { x + ${i} }; T${i}.call(1)`).toString());
  if (value !== i + 1) throw new Error(`tenant ${i} gave ${value}`);
  vms.push(vm);
  if (i === 0) first = rss();
}
const all = rss();
console.log(JSON.stringify({ tenants: vms.length, base, first, all }));
