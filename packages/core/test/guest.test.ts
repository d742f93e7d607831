import { describe, expect, it } from "vitest";
import type { EvalLimits, EvalResult } from "../src/protocol.js";
import { decodeResponse, encodeInvocation } from "../src/wire/index.js";
import { GuestInstance } from "../src/worker/guest.js";
import { fakeGuest } from "./support/fake-guest.js";
import { kobakoWasm } from "./support/kobako-wasm.js";

const limits = { stdoutLimit: 1 << 20, stderrLimit: 1 << 20 };
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
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

describe("GuestInstance on the fake guest", () => {
  it("restores the boot snapshot before every invocation", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    for (let i = 0; i < 3; i++) expect(value(run(guest, "n"))).toBe(1);
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
    const out = run(guest, "o123456789", { stdoutLimit: 4, stderrLimit: 0 });
    expect(text.decode(out.stdout)).toBe("o123");
    expect(out.stdoutTruncated).toBe(true);
    const err = run(guest, "w12", { stdoutLimit: 0, stderrLimit: 3 });
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

  it("fails service calls clearly when there is no bridge to the host", async () => {
    const guest = await GuestInstance.create(await fakeGuest());
    const result = run(guest, "c9100");
    expect(value(result)).toBe(-1);
    expect(result.bridgeFailure).toMatch(/SharedArrayBuffer.*JS Promise Integration/);
    expect(run(guest, "n").bridgeFailure).toBeUndefined();
  });

  it("refuses a module that is not a kobako guest", async () => {
    const empty = await WebAssembly.compile(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0));
    await expect(GuestInstance.create(empty)).rejects.toThrow(/missing export/);
  });
});

describe("GuestInstance on kobako.wasm", () => {
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
