import { describe, expect, it, vi } from "vitest";
import { precompileFirstEval } from "../src/index.js";
import { decodeResponse, encodeInvocation } from "../src/wire/index.js";
import { GuestInstance } from "../src/worker/guest.js";
import { fakeGuest } from "./support/fake-guest.js";
import { kobakoWasm } from "./support/kobako-wasm.js";

const limits = { stdoutLimit: 1 << 16, stderrLimit: 1 << 16, memoryLimit: 0, timeout: 0, seed: 1 };

describe("precompileFirstEval", () => {
  it("runs a first eval of kobako.wasm on this thread without printing anything here", async () => {
    const module = await kobakoWasm();
    const log = vi.spyOn(console, "log");
    const error = vi.spyOn(console, "error");
    const write = vi.spyOn(process.stdout, "write");
    try {
      await expect(precompileFirstEval(module)).resolves.toBeUndefined();
      expect(log).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
      expect(write).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
    // The module is as it was: an instance made from it afterwards boots and evaluates.
    const guest = await GuestInstance.create(module, undefined, { warmUp: false });
    const result = await guest.invoke(
      encodeInvocation([], [], { kind: "eval", source: "$x ||= 41; $x + 1" }),
      limits,
    );
    expect(result.envelope).toBeDefined();
    expect(decodeResponse(result.envelope as Uint8Array)).toMatchObject({ ok: true, value: 42 });
  });

  it("resolves, not rejects, for a module that cannot run: the worker reports it", async () => {
    const empty = await WebAssembly.compile(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0));
    await expect(precompileFirstEval(empty)).resolves.toBeUndefined();
    await expect(precompileFirstEval(await fakeGuest(1))).resolves.toBeUndefined();
  });
});
