// A fresh process: ruby.wasm's Node API (DefaultRubyVM) on the package's ruby+stdlib.wasm, first
// eval("nil"). Times are ms since the process started (performance.timeOrigin).
import { readFile } from "node:fs/promises";
import { DefaultRubyVM } from "@ruby/wasm-wasi/dist/node";
import { rubyWasmPath } from "../lib.mjs";

const imported = performance.now();
const module = await WebAssembly.compile(await readFile(rubyWasmPath()));
const compiled = performance.now();
const { vm } = await DefaultRubyVM(module);
vm.eval("nil");
const ready = performance.now();
console.log(JSON.stringify({ imported, compiled, ready }));
