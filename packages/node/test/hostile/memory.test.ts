// B61 B62 B63 B66: memory bombs end with MemoryLimitError at the cap, and the sandbox carries on.
import { describe, expect, it } from "vitest";
import { MemoryLimitError, Sandbox, SandboxError, TrapError } from "../../dist/index.js";
import { failure } from "../support.js";
import { trackedPlatform } from "./support.js";

const MIB = 1 << 20;
/** The default memoryLimit. */
const LIMIT = 4 * MIB;

const bombs = {
  "string doubling": "s = 'x'\nloop { s += s }",
  "String#* doubling": "s = 'x'\n40.times { s = s * 2 }\ns.size",
  '"x" * 2**30': "'x' * 2**30",
  "Array.new(1e9)": "Array.new(1e9)",
  "Array.new(10**9, 0)": "Array.new(10**9, 0).size",
  "[0] * 10**9": "[0] * 10**9",
  "(1..10**9).to_a": "(1..10**9).to_a",
  "an array that grows forever": "a = []\nloop { a << a.size }",
  "a hash that grows forever": "h = {}\ni = 0\nloop { h[i] = i.to_s; i += 1 }",
  "many small strings": "a = []\n100_000.times { a << 'y' * 100 }\na.size",
  "gsub doubling": "s = 'ab' * 100\n20.times { s = s.gsub('a', 'aa') }\ns.size",
  "ljust(10**9)": "'x'.ljust(10**9)",
  "pack('x1000000000')": "[1].pack('x1000000000')",
  // 2 MB of source whose syntax tree outgrows the cap (a single 2 MB identifier is a
  // SyntaxError now: mruby 3.3's tokens stop at 64 KiB).
  "eval of a huge source": "eval('x;' * 1_000_000)",
  "rescue NoMemoryError, then keep allocating":
    "x = nil\nbegin\n  'x' * 10**8\nrescue NoMemoryError\n  x = 'y' * 10\nend\nx",
} as const;

describe("B61 memory bombs", () => {
  it.each(Object.entries(bombs))("%s", async (_name, source) => {
    await using sandbox = new Sandbox({ timeout: 5_000 });
    const error = await failure<MemoryLimitError>(sandbox.eval(source));
    expect(error).toBeInstanceOf(MemoryLimitError);
    expect(error).toBeInstanceOf(TrapError);
    expect(error.details).toEqual({ kind: "memory", memoryLimit: LIMIT });
    expect(error.message).toBe(
      "the invocation's Ruby heap grew past its memoryLimit of 4194304 bytes",
    );
    expect(error.klass).toBe("NoMemoryError");
    // B62: the peak is what the heap held, never more than the cap allows.
    expect(sandbox.usage.memoryPeak).toBeGreaterThan(0);
    expect(sandbox.usage.memoryPeak).toBeLessThanOrEqual(LIMIT);
    expect(await sandbox.eval("[1, 2, 3].sum")).toBe(6);
  });

  it("B63 a memory cap ends the run on the same worker, which stays clean", async () => {
    const { platform, workers } = trackedPlatform();
    await using sandbox = new Sandbox({}, platform);
    expect(await sandbox.eval("$kept = 'before'; 1")).toBe(1);
    await failure(sandbox.eval("$leak = 'z' * 500_000; s = $leak * 10"));
    expect(await sandbox.eval("[$kept, $leak]")).toEqual([null, null]);
    expect(await sandbox.eval("('a' * 800_000).size")).toBe(800_000);
    expect(workers).toHaveLength(1);
  });

  it("a larger cap lets the same script through; null disables the cap", async () => {
    const script = "s = 'x' * 6_000_000\ns.size";
    await using capped = new Sandbox();
    expect(await failure(capped.eval(script))).toBeInstanceOf(MemoryLimitError);
    await using larger = new Sandbox({ memoryLimit: 16 * MIB });
    expect(await larger.eval(script)).toBe(6_000_000);
    expect(larger.usage.memoryPeak).toBeGreaterThanOrEqual(6_000_000);
    expect(larger.usage.memoryPeak).toBeLessThanOrEqual(16 * MIB);
    await using open = new Sandbox({ memoryLimit: null });
    expect(await open.eval(script)).toBe(6_000_000);
    expect(open.usage.memoryPeak).toBeGreaterThanOrEqual(6_000_000);
  });

  it("B62 reports the peak of a script that finished, and of one that raised", async () => {
    await using sandbox = new Sandbox();
    await sandbox.eval("a = 'x' * 200_000; nil");
    expect(sandbox.usage.memoryPeak).toBeGreaterThanOrEqual(200_000);
    expect(sandbox.usage.memoryPeak).toBeLessThan(MIB);
    await failure(sandbox.eval("a = 'x' * 400_000; raise 'after allocating'"));
    expect(sandbox.usage.memoryPeak).toBeGreaterThanOrEqual(400_000);
    await sandbox.eval("nil");
    expect(sandbox.usage.memoryPeak).toBeLessThan(200_000);
  });
});

describe("B27 B66 results and arguments past the caps", () => {
  it("a result whose encoding would pass 16 MiB is refused without reaching the host", async () => {
    // Shared substrings: the heap holds 100 KB, the encoded result would be 1024 × 100 KB.
    await using sandbox = new Sandbox({ timeout: 10_000 });
    const error = await failure(sandbox.eval("a = ['x' * 100_000]\n10.times { a = [a, a] }\na"));
    expect(error).toBeInstanceOf(SandboxError);
    // Today the guest encodes all of it and the host refuses it unread ("too-large"); a guest
    // that stopped encoding at the cap would report it itself.
    expect(["too-large", "unrepresentable", "internal"]).toContain(error.details.kind);
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("a result of millions of shared empty arrays is refused before the host decodes it", async () => {
    // 1.6 MB of guest heap, 16 million arrays once decoded: the host refuses past a million.
    await using sandbox = new Sandbox({ timeout: 10_000 });
    const heap = process.memoryUsage().heapUsed;
    const error = await failure(sandbox.eval("a = [[]] * 100_000\nb = [a] * 160\nb"));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.details.kind).toBe("too-large");
    expect(error.message).toMatch(/more than 1048576 arrays and hashes/);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(100 << 20);
    expect(await sandbox.eval("([[]] * 1000).size")).toBe(1000);
  });

  it("arguments past 16 MiB are refused before dispatch, and so is a service result", async () => {
    await using sandbox = new Sandbox({ memoryLimit: null });
    sandbox.define("Big").bind("Give", () => "g".repeat(17 * MIB));
    await sandbox.preload({ code: "Size = ->(s) { s.size }" });
    const refused = await failure(sandbox.run("Size", ["z".repeat(17 * MIB)]));
    expect(refused.details.kind).toBe("too-large");
    expect(
      await sandbox.eval("begin; Big::Give.call; rescue Kobako::ServiceError => e; e.message; end"),
    ).toMatch(/exceeds the 16 MiB payload cap/);
    expect(await sandbox.run("Size", ["z"])).toBe(1);
  });
});
