// Small helpers shared by the measures: statistics, child processes, ruby.wasm, formatting.
import { execFileSync, spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** The XOR loop of the performance targets; `n` iterations. */
export const xorLoop = (n = 100_000) => `x=0; i=0; while i<${n}; x ^= i; i+=1; end; x`;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Native mruby's time for `program` in ms: one process runs it `reps + 2` times, each timed with
 * Time.now around it; the first two runs warm up, the median of the rest is returned.
 */
export function nativeMrubyMs(mruby, program, reps) {
  const once = `t=Time.now; begin; ${program}; end; puts((Time.now - t) * 1000)`;
  const out = execFileSync(
    mruby,
    [
      "-e",
      Array(reps + 2)
        .fill(once)
        .join("\n"),
    ],
    {
      encoding: "utf8",
    },
  );
  return median(out.trim().split("\n").slice(2).map(Number));
}

/** Calls `fn` `warmup` times untimed, then `n` times; gives each timed call's duration in ms. */
/**
 * A program timed in the guest and in native mruby in alternating rounds, so load on the shared
 * machine hits both alike: each round times `reps` runs of each (after warm-up) and gives one
 * ratio. `guestMs()` runs the program once in the guest and returns its time in ms. Returns the
 * medians of the guest times, native times and per-round ratios (native ones null without mruby).
 */
export async function pairedWithNative(mruby, program, guestMs, rounds, reps) {
  const guest = [];
  const native = [];
  const ratios = [];
  await guestMs();
  await guestMs();
  for (let r = 0; r < rounds; r++) {
    const g = [];
    for (let i = 0; i < reps; i++) g.push(await guestMs());
    guest.push(median(g));
    if (!mruby) continue;
    native.push(nativeMrubyMs(mruby, program, reps));
    ratios.push(guest.at(-1) / native.at(-1));
  }
  const m = (xs) => (xs.length ? median(xs) : null);
  return { guest: median(guest), native: m(native), ratio: m(ratios), ratios };
}

export async function timeEach(fn, n, warmup = 0) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times = new Array(n);
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn(i);
    times[i] = performance.now() - started;
  }
  return times;
}

/** Runs `node [...flags] script [...args]` in a fresh process and parses the JSON it prints last. */
export function runChild(script, flags = [], args = []) {
  const out = execFileSync(
    process.execPath,
    [...flags, new URL(script, import.meta.url).pathname, ...args.map(String)],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split("\n").at(-1));
}

/** Path of a file shipped in `@ruby/3.4-wasm-wasi`. */
export const rubyWasmPath = (file = "ruby+stdlib.wasm") =>
  require.resolve(`@ruby/3.4-wasm-wasi/dist/${file}`);

/** Compiles the ruby.wasm peer (CRuby 3.4 + stdlib on WASI) and boots one VM in this thread. */
export async function loadRubyWasm() {
  const { DefaultRubyVM } = await import("@ruby/wasm-wasi/dist/node");
  const module = await WebAssembly.compile(await readFile(rubyWasmPath()));
  const newVM = async () => (await DefaultRubyVM(module)).vm;
  return { module, newVM, vm: await newVM() };
}

/**
 * Native mruby of the guest's own version, built from the same verified Debian source with the
 * guest's gems and defines (`pnpm mruby:native vanilla`, which also records mruby's own tests), so the
 * interpreter ratio compares like with like. Built on first use; null when it cannot be.
 */
export function ensureMruby() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const sources = spawnSync("bash", [`${root}conformance/scripts/mruby-sources.sh`], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (sources.status !== 0) return null;
  const version = sources.stdout.trim().split("mruby-").pop();
  const binary = `${root}conformance/.cache/native-vanilla-${version}/host/bin/mruby`;
  const found = () => spawnSync(binary, ["--version"], { encoding: "utf8" }).status === 0;
  if (found()) return binary;
  process.stderr.write(`bench: building native mruby ${version} (pnpm mruby:native) …\n`);
  spawnSync("bash", [`${root}conformance/scripts/native-mruby.sh`, "vanilla"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, KOBAKO_NATIVE_BUILD_ONLY: "1" },
  });
  return found() ? binary : null;
}

/** Formats a duration given in ms with a unit that suits it. */
export function fmtTime(ms) {
  if (ms == null) return "n/a";
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** quickjs-emscripten's default (release, sync) variant, loaded once per process. */
export async function loadQuickJS() {
  const { getQuickJS } = await import("quickjs-emscripten");
  return getQuickJS();
}

/** Decimal units (1 MB = 10^6 bytes), as the targets are read. */
export function fmtBytes(bytes) {
  if (bytes == null) return "n/a";
  if (Math.abs(bytes) < 1e6) return `${(bytes / 1e3).toFixed(1)} KB`;
  if (Math.abs(bytes) < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

export function fmtRatio(x) {
  if (x == null || !Number.isFinite(x)) return "n/a";
  return `${x < 0.1 ? x.toPrecision(2) : x.toFixed(2)}×`;
}

/** Whether a method of a class exists: features still being added report n/a. */
export const has = (cls, method) => typeof cls.prototype[method] === "function";

export function machineFacts() {
  const cpu = execFileSync("sh", ["-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], {
    encoding: "utf8",
  }).trim();
  return { cpu };
}
