// A fresh process: ruby.wasm's Node API (DefaultRubyVM) on the package's ruby+stdlib.wasm, first
// eval("nil"). Times are ms since the process started (performance.timeOrigin).
import { readFile } from "node:fs/promises";
import { rubyWasmPath } from "../lib.mjs";

const start = performance.now();
const { DefaultRubyVM } = await import("@ruby/wasm-wasi/dist/node");
const imported = performance.now();
const module = await WebAssembly.compile(await readFile(rubyWasmPath()));
const compiled = performance.now();
const { vm } = await DefaultRubyVM(module);
vm.eval("nil");
const ready = performance.now();
console.log(JSON.stringify({ start, imported, compiled, ready }));
