// Experiment (docs/BENCHMARKS.md, "A pre-initialised guest"): boots data/kobako.wasm once, writes
// the booted memory back into a copy as its data segments (a Wizer-like pre-initialisation, in
// plain JS), then times instantiate + boot + first eval("nil") of both modules, each in fresh
// processes, interleaved. Not part of the build: the pre-initialised module is over the size cap.
//
//   node bench/experiments/preinit.mjs [runs=7] [gap=16]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

const WASM = new URL("../../data/kobako.wasm", import.meta.url);

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, at];
}
const u32 = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const s32 = (n) => {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
};

/** kobako.wasm with its memory booted: data segments, stack pointer, no `_initialize`/`kobako_boot`. */
function preinitialise(bytes, gap) {
  let memory;
  // Boot reads the clock (mruby seeds its generator): a fixed instant keeps the output reproducible.
  const wasi = new Proxy(
    {},
    {
      get: (_, name) =>
        name === "clock_time_get"
          ? (_id, _precision, at) => {
              new DataView(memory.buffer).setBigUint64(at, 0n, true);
              return 0;
            }
          : () => 8,
    },
  );
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    wasi_snapshot_preview1: wasi,
    kobako: { service_call: () => 0 },
  });
  memory = instance.exports.memory;
  instance.exports._initialize();
  if (instance.exports.kobako_boot() !== 0) throw new Error("kobako_boot failed");
  const mem = new Uint8Array(memory.buffer);
  const sp = instance.exports.__stack_pointer.value;
  const segments = [];
  for (let i = sp; i < mem.length; ) {
    while (i < mem.length && mem[i] === 0) i++;
    if (i >= mem.length) break;
    const start = i;
    let end = i;
    let zeros = 0;
    for (; i < mem.length; i++) {
      if (mem[i] !== 0) {
        end = i + 1;
        zeros = 0;
      } else if (++zeros >= gap) break;
    }
    segments.push([start, end]);
  }
  const parts = [bytes.subarray(0, 8)];
  const section = (id, body) => parts.push(Uint8Array.from([id, ...u32(body.length)]), body);
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, from] = leb(bytes, at + 1);
    const body = bytes.subarray(from, from + size);
    at = from + size;
    if (id === 5) {
      const [count, a] = leb(body, 0);
      const [min, b] = leb(body, a + 1);
      const pages = Math.max(min, mem.length / 65536);
      section(5, Uint8Array.from([...u32(count), body[a], ...u32(pages), ...body.subarray(b)]));
    } else if (id === 6) {
      if (leb(body, 0)[0] !== 1) throw new Error("expected one global, __stack_pointer");
      section(6, Uint8Array.from([1, 0x7f, 1, 0x41, ...s32(sp | 0), 0x0b]));
    } else if (id === 7) {
      let [count, p] = leb(body, 0);
      const kept = [];
      for (; count > 0; count--) {
        const start = p;
        const [length, q] = leb(body, p);
        const name = new TextDecoder().decode(body.subarray(q, q + length));
        p = leb(body, q + length + 1)[1];
        if (name !== "_initialize" && name !== "kobako_boot") kept.push(body.subarray(start, p));
      }
      section(7, Buffer.concat([Uint8Array.from(u32(kept.length)), ...kept]));
    } else if (id === 11) {
      const chunks = [Uint8Array.from(u32(segments.length))];
      for (const [start, end] of segments) {
        chunks.push(Uint8Array.from([0, 0x41, ...s32(start), 0x0b, ...u32(end - start)]));
        chunks.push(mem.subarray(start, end));
      }
      section(11, Buffer.concat(chunks));
    } else if (id === 12) {
      throw new Error("a DataCount section: not handled");
    } else section(id, body);
  }
  return { module: Buffer.concat(parts), segments: segments.length };
}

/** In a fresh process: instantiate, boot (unless pre-initialised), first eval("nil"). */
const CHILD = `
const bytes = require("node:fs").readFileSync(process.argv[1]);
const t0 = performance.now();
const module = new WebAssembly.Module(bytes);
let memory;
const wasi = new Proxy({}, { get: (_, name) => name === "fd_write" ? () => 0 : name === "clock_time_get"
  ? (_i, _p, at) => { new DataView(memory.buffer).setBigUint64(at, BigInt(Date.now()) * 1000000n, true); return 0; } : () => 8 });
const e = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi, kobako: { service_call: () => 0 } }).exports;
memory = e.memory;
if (e.kobako_boot) { e._initialize(); e.kobako_boot(); }
new Uint8Array(e.memory.buffer).slice();
const t1 = performance.now();
// ABI 2 request [[], [], [0, "nil"]] in MessagePack: 0x93 0x90 0x90 0x92 0x00 0xa3 n i l
const request = Uint8Array.from([0x93, 0x90, 0x90, 0x92, 0x00, 0xa3, 0x6e, 0x69, 0x6c]);
new Uint8Array(e.memory.buffer, e.kobako_buffer(request.length), request.length).set(request);
e.kobako_limits(0, 0);
e.kobako_seed(1);
e.kobako_invoke(request.length);
const t2 = performance.now();
console.log(JSON.stringify({ boot: t1 - t0, first: t2 - t0 }));
`;

const runs = Number(process.argv[2] ?? 7);
const gap = Number(process.argv[3] ?? 16);
const original = readFileSync(WASM);
const { module, segments } = preinitialise(original, gap);
const out = join(tmpdir(), "kobako-preinit.wasm");
writeFileSync(out, module);
const size = (b) =>
  `${b.length} raw, ${gzipSync(b, { level: 9 }).length} gzip -9, ${brotliCompressSync(b).length} br`;
console.log(`data/kobako.wasm: ${size(original)}`);
console.log(`pre-initialised (${segments} data segments, gap ${gap}): ${size(module)} → ${out}`);
const times = { original: [], preinit: [] };
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (let i = 0; i < runs; i++) {
  for (const [name, file] of [
    ["original", WASM.pathname],
    ["preinit", out],
  ]) {
    const line = execFileSync(process.execPath, ["-e", CHILD, file], { encoding: "utf8" });
    times[name].push(JSON.parse(line));
  }
}
for (const [name, list] of Object.entries(times)) {
  const boot = median(list.map((t) => t.boot)).toFixed(1);
  const first = median(list.map((t) => t.first)).toFixed(1);
  console.log(`${name}: compile + instantiate + boot ${boot} ms, + first eval("nil") ${first} ms`);
}
