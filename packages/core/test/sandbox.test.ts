import { describe, expect, it } from "vitest";
import { SandboxError, TrapError } from "../src/errors.js";
import { Sandbox } from "../src/index.js";
import { fakeGuest } from "./support/fake-guest.js";
import { inProcessPlatform } from "./support/in-process.js";
import { kobakoWasm } from "./support/kobako-wasm.js";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("Sandbox on an in-process platform", () => {
  it("B01 returns the decoded value", async () => {
    const sandbox = new Sandbox(undefined, inProcessPlatform(kobakoWasm));
    expect(await sandbox.eval("[1, :a, {b: 2.5}]")).toEqual([1, Symbol.for("a"), { b: 2.5 }]);
    await sandbox.close();
  });

  it("B63 rejects a trap with TrapError, then works again", async () => {
    const sandbox = new Sandbox(undefined, inProcessPlatform(fakeGuest));
    const error = await rejection(sandbox.eval("trap"));
    expect(error).toBeInstanceOf(TrapError);
    expect((error as TrapError).details).toEqual({ kind: "trap" });
    expect(await sandbox.eval("n")).toBe(1);
  });

  it("B62 records usage and output of a trapped invocation", async () => {
    const sandbox = new Sandbox({ stdoutLimit: 2 }, inProcessPlatform(fakeGuest));
    await sandbox.eval("output");
    expect(sandbox.stdout).toBe("ou");
    expect(sandbox.stdoutTruncated).toBe(true);
    expect(sandbox.usage.wallTime).toBeGreaterThan(0);
    // The fake guest reports the memory cap it was given (the 4 MiB default) as its peak.
    expect(sandbox.usage.memoryPeak).toBe(4 << 20);
    await rejection(sandbox.eval("trap"));
    expect(sandbox.stdout).toBe("");
    expect(sandbox.stdoutTruncated).toBe(false);
    expect(sandbox.usage.wallTime).toBeGreaterThan(0);
    expect(sandbox.usage.memoryPeak).toBe(4 << 20);
  });

  it("B61 passes the memory cap and the timeout to the guest, and no caps when disabled", async () => {
    const capped = new Sandbox({ memoryLimit: 12345, timeout: 700 }, inProcessPlatform(fakeGuest));
    expect(await capped.eval("q")).toBe(7);
    expect(capped.usage.memoryPeak).toBe(12345);
    expect(await capped.eval("q", { timeout: 300 })).toBe(3);
    const open = new Sandbox({ memoryLimit: null, timeout: null }, inProcessPlatform(fakeGuest));
    expect(await open.eval("q")).toBe(0);
    expect(open.usage.memoryPeak).toBe(0);
  });

  it("B27 rejects a result over 16 MiB without copying it, then works again", async () => {
    const sandbox = new Sandbox(undefined, inProcessPlatform(fakeGuest));
    const error = await rejection(sandbox.eval("L"));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error).toMatchObject({ details: { kind: "too-large", size: 17825792 } });
    expect((error as Error).message).toMatch(/exceeds the 16 MiB payload cap/);
    expect(await sandbox.eval("n")).toBe(1);
  });

  it("rejects a malformed response with TrapError", async () => {
    const sandbox = new Sandbox(undefined, inProcessPlatform(fakeGuest));
    const error = await rejection(sandbox.eval("x"));
    expect(error).toBeInstanceOf(TrapError);
    expect((error as TrapError).details).toEqual({ kind: "wire" });
    expect(await sandbox.eval("n")).toBe(1);
  });

  it("B64 rejects a raise with SandboxError", async () => {
    const sandbox = new Sandbox(undefined, inProcessPlatform(kobakoWasm));
    const error = await rejection(sandbox.eval("raise TypeError, 'nope'"));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error).toMatchObject({ klass: "TypeError", message: "nope" });
  });

  it("B05 runs one sandbox's invocations in call order", async () => {
    const sandbox = new Sandbox(undefined, inProcessPlatform(kobakoWasm, 4));
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        sandbox.eval(`puts ${i}; ${i}`).then((value) => {
          order.push(value as number);
          expect(sandbox.stdout).toBe(`${i}\n`);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("B05 shares a pool between sandboxes, never more workers than its size", async () => {
    const platform = inProcessPlatform(kobakoWasm, 2);
    const sandboxes = Array.from({ length: 5 }, () => new Sandbox(undefined, platform));
    const values = await Promise.all(sandboxes.map((sandbox, i) => sandbox.eval(`${i} * 2`)));
    expect(values).toEqual([0, 2, 4, 6, 8]);
    expect(platform.started).toBe(2);
  });

  it("B08 rejects calls after close; pending calls settle first", async () => {
    const sandbox = new Sandbox(undefined, inProcessPlatform(kobakoWasm));
    const pending = sandbox.eval("41 + 1");
    const closing = sandbox.close();
    expect(sandbox.closed).toBe(true);
    const late = await rejection(sandbox.eval("1"));
    expect(late).toBeInstanceOf(SandboxError);
    expect((late as SandboxError).message).toMatch(/closed/);
    expect(await pending).toBe(42);
    await closing;
    await sandbox.close();
  });

  it("closes with await using", async () => {
    let kept: Sandbox | undefined;
    {
      await using sandbox = new Sandbox(undefined, inProcessPlatform(kobakoWasm));
      kept = sandbox;
      expect(await sandbox.eval("1")).toBe(1);
    }
    expect(kept.closed).toBe(true);
  });

  it("refuses a source that is not a string", async () => {
    const sandbox = new Sandbox(undefined, inProcessPlatform(kobakoWasm));
    await expect(sandbox.eval(1 as unknown as string)).rejects.toThrow(TypeError);
  });

  it("validates options at construction", () => {
    const platform = inProcessPlatform(kobakoWasm);
    expect(() => new Sandbox({ stdoutLimit: -1 }, platform)).toThrow(RangeError);
    expect(() => new Sandbox({ stderrLimit: null as unknown as number }, platform)).toThrow(
      TypeError,
    );
  });

  it("rejects with TrapError when the module cannot load, and retries on the next call", async () => {
    let attempts = 0;
    const platform = inProcessPlatform(async () => {
      attempts++;
      if (attempts === 1) throw new Error("no wasm here");
      return kobakoWasm();
    });
    const sandbox = new Sandbox(undefined, platform);
    const error = await rejection(sandbox.eval("1"));
    expect(error).toBeInstanceOf(TrapError);
    expect((error as TrapError).message).toMatch(/no wasm here/);
    expect(await sandbox.eval("2")).toBe(2);
    expect(attempts).toBe(2);
  });

  it("rejects with TrapError when the worker cannot boot the guest", async () => {
    const sandbox = new Sandbox(
      undefined,
      inProcessPlatform(() => fakeGuest(7)),
    );
    const error = await rejection(sandbox.eval("1"));
    expect(error).toBeInstanceOf(TrapError);
    expect((error as TrapError).message).toMatch(/ABI 7/);
  });

  it("rejects with the signal's reason when aborted before it starts, without running", async () => {
    const platform = inProcessPlatform(kobakoWasm);
    const sandbox = new Sandbox(undefined, platform);
    const reason = new Error("stop");
    expect(await rejection(sandbox.eval("1", { signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(platform.started).toBe(0);
    const controller = new AbortController();
    const first = sandbox.eval("1");
    const queued = sandbox.eval("2", { signal: controller.signal });
    controller.abort("later");
    expect(await first).toBe(1);
    expect(await rejection(queued)).toBe("later");
    expect(await sandbox.eval("3")).toBe(3);
  });

  it("validates invocation options", async () => {
    const sandbox = new Sandbox(undefined, inProcessPlatform(kobakoWasm));
    await expect(sandbox.eval("1", { timeout: -1 })).rejects.toThrow(RangeError);
    await expect(sandbox.eval("1", { signal: {} as AbortSignal })).rejects.toThrow(TypeError);
    await expect(sandbox.eval("1", { memoryLimit: 5 } as object)).rejects.toThrow(TypeError);
    expect(await sandbox.eval("1", { timeout: null })).toBe(1);
  });
});
