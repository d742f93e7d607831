import { readFile } from "node:fs/promises";

let compiled: Promise<WebAssembly.Module> | undefined;

/** The real guest, data/kobako.wasm, compiled once per test file. */
export function kobakoWasm(): Promise<WebAssembly.Module> {
  compiled ??= readFile(new URL("../../../../data/kobako.wasm", import.meta.url)).then((bytes) =>
    WebAssembly.compile(bytes),
  );
  return compiled;
}
