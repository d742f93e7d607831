// Size of data/kobako.wasm: raw, gzip -9, brotli (max quality).
import { readFileSync, statSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fmtBytes, fmtRatio, rubyWasmPath } from "../lib.mjs";

export default async function size() {
  const wasm = readFileSync(new URL("../../data/kobako.wasm", import.meta.url));
  const gzip = gzipSync(wasm, { level: 9 }).byteLength;
  const brotli = brotliCompressSync(wasm, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: wasm.length,
    },
  }).byteLength;
  const peer = statSync(rubyWasmPath()).size;
  return {
    measure: "kobako.wasm size",
    kobako: `${fmtBytes(wasm.byteLength)} raw, ${fmtBytes(gzip)} gz, ${fmtBytes(brotli)} br`,
    peers: `ruby.wasm ${fmtBytes(peer)} raw (ruby+stdlib.wasm)`,
    ratio: `${fmtRatio(wasm.byteLength / peer)} of ruby.wasm raw`,
    target: "≤ 1.5 MB raw, ≤ 500 KB gz (10^3)",
    pass: wasm.byteLength <= 1.5e6 && gzip <= 500e3,
    ratios: { "gzip/target": gzip / 500e3 },
    notes: [`exact bytes: ${wasm.byteLength} raw, ${gzip} gzip -9, ${brotli} brotli q11`],
  };
}
