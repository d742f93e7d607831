import { describe, expect, it } from "vitest";
import { Shared } from "../src/channel/atomics.js";
import type { EvalLimits, EvalResult } from "../src/protocol.js";
import { decodeResponse, encodeInvocation } from "../src/wire/index.js";
import { GuestInstance } from "../src/worker/guest.js";
import { sameBytes } from "../src/worker/snapshot.js";
import { fakeGuest } from "./support/fake-guest.js";
import { kobakoWasm } from "./support/kobako-wasm.js";

const limits: EvalLimits = {
  stdoutLimit: 1 << 20,
  stderrLimit: 1 << 20,
  memoryLimit: 0,
  timeout: 0,
  seed: 0,
};
const text = new TextDecoder();

/** Evaluates `source` (no services, no snippets); without a bridge invocations are synchronous. */
function run(guest: GuestInstance, source: string, caps: EvalLimits = limits): EvalResult {
  const result = guest.invoke(encodeInvocation([], [], { kind: "eval", source }), caps);
  if (result instanceof Promise) throw new Error("expected a synchronous invocation");
  return result;
}

function value(result: { envelope?: Uint8Array; trap?: { message: string } }): unknown {
  if (!result.envelope) throw new Error(`trapped: ${result.trap?.message}`);
  const outcome = decodeResponse(result.envelope);
  if (!outcome.ok) throw new Error(`${outcome.failure.klass}: ${outcome.failure.message}`);
  return outcome.value;
}

describe("GuestInstance on the fake guest", () => {
  it("restores the boot snapshot before every invocation", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    for (let i = 0; i < 3; i++) expect(value(run(guest, "n"))).toBe(1);
  });

  it("takes a module booted at build time (no kobako_boot) as booted", async () => {
    const module = await fakeGuest(2, { booted: true });
    const names = WebAssembly.Module.exports(module).map((entry) => entry.name);
    expect(names).not.toContain("kobako_boot");
    expect(names).not.toContain("_initialize");
    const guest = await GuestInstance.create(module);
    for (let i = 0; i < 3; i++) expect(value(run(guest, "n"))).toBe(1);
    expect(value(run(guest, "s"))).toBe(1);
    expect(run(guest, "t").trap?.message).toMatch(/unreachable/);
    expect(value(run(guest, "s"))).toBe(1);
  });

  it("resets the stack pointer, also after a trap left it moved", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    expect(value(run(guest, "s"))).toBe(1);
    expect(run(guest, "t").trap?.message).toMatch(/unreachable/);
    expect(value(run(guest, "s"))).toBe(1);
  });

  it("B63 reports a trap and keeps working afterwards", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    const result = run(guest, "t");
    expect(result.envelope).toBeUndefined();
    expect(result.trap?.message).toMatch(/wasm trap/);
    expect(result.wallTime).toBeGreaterThanOrEqual(0);
    expect(value(run(guest, "n"))).toBe(1);
  });

  it("treats proc_exit as a trap", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    expect(run(guest, "e").trap?.message).toMatch(/exit\(3\)/);
    expect(value(run(guest, "n"))).toBe(1);
  });

  it("zeroes memory grown past the snapshot before the next invocation", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    expect(value(run(guest, "g"))).toBe(1);
    expect(value(run(guest, "r"))).toBe(0);
  });

  it("keeps output of a trapped invocation", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    const result = run(guest, "o then more");
    expect(text.decode(result.stdout)).toBe("o then more");
    expect(result.stdoutTruncated).toBe(false);
  });

  it("B51 clips output exactly at the cap and flags it", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    const out = run(guest, "o123456789", { ...limits, stdoutLimit: 4, stderrLimit: 0 });
    expect(text.decode(out.stdout)).toBe("o123");
    expect(out.stdoutTruncated).toBe(true);
    const err = run(guest, "w12", { ...limits, stdoutLimit: 0, stderrLimit: 3 });
    expect(text.decode(err.stderr)).toBe("w12");
    expect(err.stderrTruncated).toBe(false);
    expect(err.stdout.byteLength).toBe(0);
  });

  it("reports a response outside memory as a trap", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    expect(run(guest, "z").trap?.message).toMatch(/outside its memory/);
  });

  it("refuses a guest of another ABI version", async () => {
    await expect(GuestInstance.create(await fakeGuest(1))).rejects.toThrow(/ABI 1/);
  });

  it("fails service calls clearly when the runtime has no host to call", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    const result = run(guest, "c9100");
    expect(value(result)).toBe(-1);
    expect(result.channelFailure).toMatch(/no host to call/);
    expect(run(guest, "n").channelFailure).toBeUndefined();
  });

  it("refuses a module that is not a kobako guest", async () => {
    const empty = await WebAssembly.compile(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0));
    await expect(GuestInstance.create(empty)).rejects.toThrow(/missing export/);
  });
});

describe("GuestInstance on kobako.wasm", () => {
  it("takes its random seed and clock from each invocation, not from boot", async () => {
    const guest = await GuestInstance.create(await kobakoWasm());
    const draw = "[rand(2**40), Random.new.rand(2**40), Array.new(8) { rand }, Time.now.to_i]";
    const first = value(run(guest, draw, { ...limits, seed: 1 })) as unknown[];
    const again = value(run(guest, draw, { ...limits, seed: 1 })) as unknown[];
    const other = value(run(guest, draw, { ...limits, seed: 2 })) as unknown[];
    expect(again.slice(0, 3)).toEqual(first.slice(0, 3));
    expect(other[0]).not.toEqual(first[0]);
    expect(other[1]).not.toEqual(first[1]);
    expect(other[2]).not.toEqual(first[2]);
    // A build booted at build time (KOBAKO_PREINIT=1) boots with the clock at 0; Time.now reads
    // the host's clock either way.
    expect(Math.abs((first[3] as number) - Date.now() / 1000)).toBeLessThan(3600);
  });

  it("settle puts the boot snapshot back between invocations; the next one starts fresh", async () => {
    const guest = await GuestInstance.create(await kobakoWasm());
    expect(value(run(guest, "$g = 'x' * 200_000; Object.const_set(:Left, [1] * 50_000); 1"))).toBe(
      1,
    );
    guest.settle();
    const { bytes, live } = guest.bootImage;
    const memory = new Uint8Array(guest.memory.buffer);
    expect(sameBytes(memory.subarray(live, bytes.byteLength), bytes.subarray(live))).toBe(true);
    expect(memory.subarray(bytes.byteLength).every((byte) => byte === 0)).toBe(true);
    guest.settle();
    expect(value(run(guest, "[defined?(Left), $g]"))).toEqual([null, null]);
  });

  it("B01 evaluates Ruby and B06 starts every invocation from a fresh state", async () => {
    const guest = await GuestInstance.create(await kobakoWasm());
    expect(value(run(guest, "$g = 1; A = 2; class String; def shout = upcase; end; 3"))).toBe(3);
    expect(value(run(guest, "[$g, Object.const_defined?(:A), 'x'.respond_to?(:shout)]"))).toEqual([
      null,
      false,
      false,
    ]);
  });

  it("B50 captures puts and $stderr, cleared by the next invocation", async () => {
    const guest = await GuestInstance.create(await kobakoWasm());
    const first = run(guest, 'puts "out"; $stderr.puts "err"');
    expect(text.decode(first.stdout)).toBe("out\n");
    expect(text.decode(first.stderr)).toBe("err\n");
    const second = run(guest, "nil");
    expect(second.stdout.byteLength + second.stderr.byteLength).toBe(0);
  });

  it("survives memory growth and recycles the instance after a large one", async () => {
    const guest = await GuestInstance.create(await kobakoWasm());
    expect(value(run(guest, "('a' * 40_000_000).size"))).toBe(40_000_000);
    expect(value(run(guest, "$x ||= 5"))).toBe(5);
    expect(value(run(guest, "('b' * 1_000_000).size"))).toBe(1_000_000);
  });
});

/** Where `needle` occurs in the guest's linear memory, or -1. */
function find(guest: GuestInstance, needle: string): number {
  return Buffer.from(guest.memory.buffer).indexOf(needle);
}

describe("B60 B61 B62 caps on the fake guest", () => {
  it("passes the caps to kobako_limits and reports the guest's memory peak, traps included", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    const result = run(guest, "q", { ...limits, memoryLimit: 5000, timeout: 900 });
    expect(value(result)).toBe(9);
    expect(result.memoryPeak).toBe(5000);
    const trapped = run(guest, "t", { ...limits, memoryLimit: 7000 });
    expect(trapped.trap).toBeDefined();
    expect(trapped.memoryPeak).toBe(7000);
    expect(value(run(guest, "q"))).toBe(0);
  });

  it("rounds a fractional timeout up, so it never reads as no deadline", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    expect(value(run(guest, "q", { ...limits, timeout: 250.2 }))).toBe(2);
    expect(guest.memory.buffer.byteLength).toBeGreaterThan(0);
  });

  it("stops waiting on a host that never answers at the deadline, and keeps working", async () => {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(Shared.HEADER_BYTES + Shared.DATA_BYTES);
    const guest = await GuestInstance.create(await fakeGuest(), {
      port: port2,
      shared,
      listening: true,
      preference: "atomics",
    });
    const result = run(guest, "c90", { ...limits, timeout: 150 });
    expect(result.deadline).toBe("waiting");
    expect(result.trap).toBeUndefined();
    expect(result.envelope).toBeUndefined();
    expect(result.wallTime).toBeGreaterThanOrEqual(149);
    expect(value(run(guest, "n"))).toBe(1);
    port1.close();
  });

  it("B27 does not copy a response envelope over 16 MiB out of the guest", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    const result = run(guest, "L");
    expect(result.oversize).toBe(17825792);
    expect(result.envelope).toBeUndefined();
    expect(result.trap).toBeUndefined();
    expect(value(run(guest, "n"))).toBe(1);
  });

  it("zeroes all grown memory after a trap, whatever heap break the guest claims", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    expect(run(guest, "G").trap).toBeDefined();
    expect(value(run(guest, "r"))).toBe(0);
  });
});

describe("B60 B61 B62 caps on kobako.wasm", () => {
  it("ends a runaway loop at its deadline and keeps the instance", async () => {
    const guest = await GuestInstance.create(await kobakoWasm());
    const result = run(guest, "loop {}", { ...limits, timeout: 100 });
    expect(result.wallTime).toBeGreaterThanOrEqual(99);
    expect(result.wallTime).toBeLessThan(1_000);
    const outcome = decodeResponse(result.envelope as Uint8Array);
    expect(outcome.ok || outcome.failure).toMatchObject({
      kind: "timeout",
      klass: "Kobako::TimeoutError",
    });
    expect(value(run(guest, "1 + 1"))).toBe(2);
  });

  it("ends an invocation past its memory cap and reports the peak", async () => {
    const guest = await GuestInstance.create(await kobakoWasm());
    const result = run(guest, '"x" * 2_000_000', { ...limits, memoryLimit: 1 << 20 });
    const outcome = decodeResponse(result.envelope as Uint8Array);
    expect(outcome.ok || outcome.failure).toMatchObject({ kind: "memory", klass: "NoMemoryError" });
    expect(result.memoryPeak).toBeGreaterThan(0);
    expect(result.memoryPeak).toBeLessThanOrEqual(1 << 20);
    const fine = run(guest, 'x = "y" * 100_000; x.size', { ...limits, memoryLimit: 1 << 20 });
    expect(value(fine)).toBe(100_000);
    expect(fine.memoryPeak).toBeGreaterThanOrEqual(100_000);
  });
});

describe("isolation on kobako.wasm", () => {
  // The secrets are built at run time, so only what the script made can match, not its source.
  it("leaves nothing of a large allocation for the next invocation", async () => {
    const guest = await GuestInstance.create(await kobakoWasm());
    const grown = guest.memory.buffer.byteLength;
    expect(value(run(guest, '$s = ("kobako" + "-secret-") * 300_000; $s.size'))).toBe(4_200_000);
    expect(guest.memory.buffer.byteLength).toBeGreaterThan(grown);
    expect(find(guest, "kobako-secret-")).toBeGreaterThanOrEqual(0);
    run(guest, "nil");
    expect(find(guest, "kobako-secret-")).toBe(-1);
  });

  it("leaves nothing of small objects, nor of an invocation that failed", async () => {
    const guest = await GuestInstance.create(await kobakoWasm());
    run(guest, '$t = "small" + "-secret-" + "token"; raise $t');
    run(guest, 'h = {"tiny" + "-secret-" => "value" + "-secret-"}; h.to_a.flatten.join(",")');
    run(guest, "[1, 2, 3].sum");
    expect(find(guest, "small-secret-token")).toBe(-1);
    expect(find(guest, "tiny-secret-")).toBe(-1);
    expect(find(guest, "value-secret-")).toBe(-1);
  });

  // 150 levels stay within the first step of the stack limit (worker/stack-depth.ts); 2000
  // levels pass it many times, or end in SystemStackError at the guest's C depth limit.
  it.each([150, 2000])(
    "leaves nothing of deep stack frames (%i levels) below the boot stack pointer",
    async (levels) => {
      const probe = await GuestInstance.create(await kobakoWasm());
      run(probe, "nil");
      const shallow = deadStack(probe);
      // Deep C recursion (nested inspect) writes far below where a small invocation reaches.
      const deep = `a = []; ${levels}.times { a = [a] }; begin; a.inspect.size; rescue SystemStackError; 300 * 300; end`;
      const guest = await GuestInstance.create(await kobakoWasm());
      expect(value(run(guest, deep))).toBeGreaterThan(300);
      const written = deadStack(guest);
      expect(lowestNonZero(written)).toBeLessThan(lowestNonZero(shallow));
      // The next invocation starts from a zeroed dead stack: what it leaves there is what the same
      // invocation leaves on an instance that never ran the deep one.
      run(guest, "nil");
      expect(Buffer.from(deadStack(guest)).equals(Buffer.from(shallow))).toBe(true);
    },
  );

  it("leaves nothing of the frames of an invocation that trapped deep in C", async () => {
    const probe = await GuestInstance.create(await kobakoWasm());
    run(probe, "nil");
    const shallow = deadStack(probe);
    // The innermost inspect, 300 C frames down, rescues its TimeoutError and runs on until the
    // next deadline check traps.
    const deep = `o = Object.new
      def o.inspect; loop { begin; loop {}; rescue Kobako::TimeoutError; end }; end
      a = [o]; 300.times { a = [a] }; a.inspect`;
    const guest = await GuestInstance.create(await kobakoWasm());
    const trapped = run(guest, deep, { ...limits, timeout: 50 });
    expect(trapped.deadline).toBe("rescued");
    expect(lowestNonZero(deadStack(guest))).toBeLessThan(lowestNonZero(shallow) - 64 * 1024);
    run(guest, "nil");
    expect(Buffer.from(deadStack(guest)).equals(Buffer.from(shallow))).toBe(true);
  });
});

describe("settling on kobako.wasm", () => {
  it("puts memory back to the boot snapshot between invocations, dead stack included", async () => {
    const guest = await GuestInstance.create(await kobakoWasm());
    expect(
      value(run(guest, 'a = []; 150.times { a = [a] }; $s = "x" * 100_000; a.inspect.size')),
    ).toBeGreaterThan(300);
    guest.settle();
    const memory = new Uint8Array(guest.memory.buffer);
    const boot = guest.bootImage.bytes;
    expect(Buffer.from(memory.subarray(0, boot.byteLength)).equals(Buffer.from(boot))).toBe(true);
    expect(memory.subarray(boot.byteLength).every((byte) => byte === 0)).toBe(true);
    expect(lowestNonZero(boot.subarray(0, guest.bootImage.live))).toBe(guest.bootImage.live);
    expect(value(run(guest, "1 + 1"))).toBe(2);
  });
});

/** A copy of the memory below the boot stack pointer (the C stack's dead region). */
function deadStack(guest: GuestInstance): Uint8Array {
  return new Uint8Array(guest.memory.buffer).slice(0, guest.bootImage.live);
}

function lowestNonZero(bytes: Uint8Array): number {
  const at = bytes.findIndex((byte) => byte !== 0);
  return at < 0 ? bytes.length : at;
}
