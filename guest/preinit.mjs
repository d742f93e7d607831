// Boots the guest at build time (a Wizer-like pre-initialisation in plain JS, no new tool):
// instantiates the linked kobako.wasm, runs `_initialize` and `kobako_boot`, and writes the booted
// linear memory back as the module's data segments, with `__stack_pointer`'s initial value and the
// memory's initial size to match. `_initialize` and `kobako_boot` are no longer exported, so
// wasm-opt drops the code only boot reached. The runtime sees a module with no `kobako_boot` and
// takes a fresh instance as booted (packages/core/src/worker/guest.ts).
//
//   node guest/preinit.mjs IN OUT
//
// IN keeps its name section (guest/build.sh links with --strip-debug, not --strip-all): the
// functions only boot runs are found by name; wasm-opt strips the names afterwards.
//
// Deterministic: boot may read only the clock, and reads 0. The one thing it derives from the
// clock is the seed of Random::DEFAULT (mruby-random's gem init), which the runtime replaces with
// the host's seed at the start of every invocation (guest/runtime/src/seed.c); any other import
// called during boot fails the build, so nothing of the build machine can end up in the image.
import { readFileSync, writeFileSync } from "node:fs";

const PAGE = 65536;
/**
 * Zero runs shorter than this stay inside a segment. Measured on the gzip -9 size: 16 → 32 → 64 →
 * 256 → 4096 gave 511 → 506 → 505 → 504.8 → 504.8 KB (fewer headers among the data, and long
 * zero runs cost gzip next to nothing); 256 keeps the raw size lower than one segment would.
 */
const GAP = 256;
const DROPPED_EXPORTS = new Set(["_initialize", "kobako_boot"]);
/**
 * Functions only boot calls, but by address, so the table keeps them and all they call alive:
 * what mrb_open hands to mrb_core_init_protect (mruby's src/state.c) and each gem's init in
 * gem_init.c's gem_funcs[]. Booted, they never run again: their bodies become `unreachable` and
 * wasm-opt drops the code only boot ran. Found by the name section.
 */
const BOOT_ONLY = ["init_gc_and_core", "init_mrbgems"];
const BOOT_ONLY_PATTERN = /^GENERATED_TMP_mrb_\w+_gem_init$/;

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

function s32(n) {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const name = (bytes, at) => {
  const [length, from] = readU32(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(from, from + length)), from + length];
};

/** The end of a constant expression starting at `at` (i32/i64/f32/f64.const, global.get). */
function skipConstExpr(bytes, at) {
  const op = bytes[at++];
  if (op === 0x41 || op === 0x42 || op === 0x23) at = readU32(bytes, at)[1];
  else if (op === 0x43) at += 4;
  else if (op === 0x44) at += 8;
  else throw new Error(`unsupported constant expression opcode 0x${op.toString(16)}`);
  if (bytes[at] !== 0x0b) throw new Error("unsupported constant expression");
  return at + 1;
}

function sections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100 || bytes.readUInt32LE(4) !== 1) {
    throw new Error("not a wasm module");
  }
  const list = [];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, from] = readU32(bytes, at + 1);
    list.push({ id, body: bytes.subarray(from, from + size) });
    at = from + size;
  }
  return list;
}

/** Exports by name: [kind, index, raw entry]. */
function exportsOf(body) {
  const out = new Map();
  let [count, at] = readU32(body, 0);
  for (; count > 0; count--) {
    const start = at;
    const [exported, next] = name(body, at);
    const kind = body[next];
    const [index, end] = readU32(body, next + 1);
    out.set(exported, { kind, index, entry: body.subarray(start, end) });
    at = end;
  }
  return out;
}

/** Function names by index (the name section's function names). */
function functionNames(list) {
  const names = new Map();
  for (const { id, body } of list) {
    if (id !== 0) continue;
    const [title, start] = name(body, 0);
    if (title !== "name") continue;
    for (let at = start; at < body.length; ) {
      const kind = body[at];
      const [size, from] = readU32(body, at + 1);
      if (kind === 1) {
        let [count, p] = readU32(body, from);
        for (; count > 0; count--) {
          const [index, q] = readU32(body, p);
          const [fn, r] = name(body, q);
          names.set(fn, index);
          p = r;
        }
      }
      at = from + size;
    }
  }
  return names;
}

/** The code section with the bodies of `indices` (function indices, imports excluded) replaced. */
function stubBodies(body, indices) {
  let [count, at] = readU32(body, 0);
  const out = [Uint8Array.from(u32(count))];
  for (let index = 0; index < count; index++) {
    const [size, from] = readU32(body, at);
    // no locals; unreachable; end
    if (indices.has(index)) out.push(Uint8Array.from([3, 0, 0x00, 0x0b]));
    else out.push(body.subarray(at, from + size));
    at = from + size;
  }
  return Buffer.concat(out);
}

function checkSegments(body) {
  let [count, at] = readU32(body, 0);
  for (; count > 0; count--) {
    const flags = body[at++];
    if (flags !== 0)
      throw new Error(`data segment kind ${flags}: only active segments are handled`);
    at = skipConstExpr(body, at);
    const [length, from] = readU32(body, at);
    at = from + length;
  }
}

/** Runs `_initialize` and `kobako_boot`; the booted memory and stack pointer. */
function boot(module) {
  let memory;
  const refuse = (what) => () => {
    throw new Error(`boot called ${what}: the booted image would depend on the build machine`);
  };
  const wasi = {};
  for (const entry of WebAssembly.Module.imports(module)) {
    if (entry.module === "wasi_snapshot_preview1") wasi[entry.name] = refuse(entry.name);
  }
  wasi.clock_time_get = (_id, _precision, at) => {
    new DataView(memory.buffer).setBigUint64(at, 0n, true);
    return 0;
  };
  const instance = new WebAssembly.Instance(module, {
    wasi_snapshot_preview1: wasi,
    kobako: { service_call: refuse("kobako.service_call") },
  });
  const exports = instance.exports;
  memory = exports.memory;
  exports._initialize();
  const status = exports.kobako_boot();
  if (status !== 0) throw new Error(`kobako_boot failed with status ${status}`);
  return {
    memory: new Uint8Array(memory.buffer).slice(),
    stackPointer: exports.__stack_pointer.value,
  };
}

/**
 * Nonzero runs of memory[from..], merged across zero gaps shorter than GAP. The dead stack below
 * the stack pointer is left out: it starts zero, as the runtime's snapshot has it.
 */
function ranges(memory, from) {
  const out = [];
  for (let i = from; i < memory.length; ) {
    while (i < memory.length && memory[i] === 0) i++;
    if (i >= memory.length) break;
    const start = i;
    let end = i;
    let zeros = 0;
    for (; i < memory.length; i++) {
      if (memory[i] !== 0) {
        end = i + 1;
        zeros = 0;
      } else if (++zeros >= GAP) break;
    }
    out.push([start, end]);
  }
  return out;
}

function preinitialise(bytes) {
  const list = sections(bytes);
  const section = (id) => list.find((s) => s.id === id);
  if (section(8)) throw new Error("a start section: not a reactor");
  const exported = exportsOf(section(7).body);
  for (const wanted of ["memory", "__stack_pointer", ...DROPPED_EXPORTS]) {
    if (!exported.has(wanted)) throw new Error(`no export ${wanted}`);
  }
  if (exported.get("memory").index !== 0) throw new Error("the memory must be memory 0");
  checkSegments(section(11).body);

  const { memory, stackPointer } = boot(new WebAssembly.Module(bytes));
  const segments = ranges(memory, stackPointer);
  const pages = memory.length / PAGE;
  // Global indices count imported globals first.
  const importedGlobals = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).filter(
    (entry) => entry.kind === "global",
  ).length;
  const spGlobal = exported.get("__stack_pointer").index - importedGlobals;
  const importedFunctions = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).filter(
    (entry) => entry.kind === "function",
  ).length;
  const names = functionNames(list);
  const stubbed = new Set();
  for (const fn of BOOT_ONLY) {
    if (!names.has(fn)) throw new Error(`no function ${fn} in the name section`);
    stubbed.add(names.get(fn) - importedFunctions);
  }
  for (const [fn, index] of names)
    if (BOOT_ONLY_PATTERN.test(fn)) stubbed.add(index - importedFunctions);

  const parts = [bytes.subarray(0, 8)];
  const emit = (id, body) => parts.push(Uint8Array.from([id, ...u32(body.length)]), body);
  for (const { id, body } of list) {
    if (id === 5) {
      const [count, at] = readU32(body, 0);
      if (count !== 1) throw new Error("expected one memory");
      const flags = body[at];
      const [, rest] = readU32(body, at + 1);
      emit(5, Buffer.concat([Uint8Array.from([1, flags, ...u32(pages)]), body.subarray(rest)]));
    } else if (id === 6) {
      let [count, at] = readU32(body, 0);
      const out = [Uint8Array.from(u32(count))];
      for (let index = 0; index < count; index++) {
        const type = body.subarray(at, at + 2);
        const end = skipConstExpr(body, at + 2);
        if (index === spGlobal) {
          if (type[0] !== 0x7f || type[1] !== 1)
            throw new Error("__stack_pointer: not a mutable i32");
          out.push(type, Uint8Array.from([0x41, ...s32(stackPointer | 0), 0x0b]));
        } else out.push(body.subarray(at, end));
        at = end;
      }
      emit(6, Buffer.concat(out));
    } else if (id === 7) {
      const kept = [...exported].filter(([n]) => !DROPPED_EXPORTS.has(n)).map(([, e]) => e.entry);
      emit(7, Buffer.concat([Uint8Array.from(u32(kept.length)), ...kept]));
    } else if (id === 10) {
      emit(10, stubBodies(body, stubbed));
    } else if (id === 12) {
      emit(12, Uint8Array.from(u32(segments.length)));
    } else if (id === 11) {
      const out = [Uint8Array.from(u32(segments.length))];
      for (const [start, end] of segments) {
        out.push(Uint8Array.from([0, 0x41, ...s32(start), 0x0b, ...u32(end - start)]));
        out.push(memory.subarray(start, end));
      }
      emit(11, Buffer.concat(out));
    } else emit(id, body);
  }
  const booted = Buffer.concat(parts);
  verify(booted, memory, stackPointer);
  return booted;
}

/** The booted module's fresh memory must be the booted memory, stack excepted. */
function verify(bytes, memory, stackPointer) {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    wasi_snapshot_preview1: new Proxy({}, { get: () => () => 52 }),
    kobako: { service_call: () => 0 },
  });
  const fresh = new Uint8Array(instance.exports.memory.buffer);
  if (fresh.length !== memory.length) throw new Error("booted module: wrong memory size");
  if (instance.exports.__stack_pointer.value !== stackPointer)
    throw new Error("wrong stack pointer");
  if ("kobako_boot" in instance.exports) throw new Error("kobako_boot still exported");
  for (let i = stackPointer; i < memory.length; i++) {
    if (fresh[i] !== memory[i]) throw new Error(`booted module differs at ${i}`);
  }
}

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: node guest/preinit.mjs IN OUT");
writeFileSync(output, preinitialise(readFileSync(input)));
