import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  createPlatform,
  RubySymbol,
  Sandbox,
  SandboxError,
  TimeoutError,
  TrapError,
} from "../dist/index.js";
import { failure } from "./support.js";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("invocations", () => {
  it("B01 returns the value of the last expression", async () => {
    await using sandbox = new Sandbox();
    expect(await sandbox.eval("x = 20\nx + 22")).toBe(42);
  });

  it("B06 starts every invocation from a fresh Ruby state", async () => {
    await using sandbox = new Sandbox();
    await sandbox.eval(`
      $global = 1
      CONSTANT = 2
      class Integer; def double = self * 2; end
      class Made; end
      @ivar = 3
    `);
    expect(
      await sandbox.eval(
        "[$global, Object.const_defined?(:CONSTANT), 1.respond_to?(:double), Object.const_defined?(:Made), @ivar]",
      ),
    ).toEqual([null, false, false, false, null]);
  });

  it("B05 runs one sandbox's invocations one at a time in call order", async () => {
    await using sandbox = new Sandbox();
    const finished: number[] = [];
    const calls = [3, 0, 2, 1].map((n, i) =>
      // Earlier calls take longer: were they concurrent, they would finish out of order.
      sandbox.eval(`x = 0; ${n * 100_000}.times { x += 1 }; ${i}`).then((value) => {
        finished.push(value as number);
      }),
    );
    await Promise.all(calls);
    expect(finished).toEqual([0, 1, 2, 3]);
  });

  it("B05 runs separate sandboxes in parallel", async () => {
    const busy = "t = Time.now; x = 0; x += 1 while Time.now - t < 0.4; x";
    await using a = new Sandbox();
    await using b = new Sandbox();
    await Promise.all([a.eval("1"), b.eval("1")]);
    const started = performance.now();
    await Promise.all([a.eval(busy), b.eval(busy)]);
    const elapsed = performance.now() - started;
    expect(a.usage.wallTime).toBeGreaterThan(390);
    expect(b.usage.wallTime).toBeGreaterThan(390);
    expect(elapsed).toBeLessThan(a.usage.wallTime + b.usage.wallTime - 150);
  });

  it("B62 reports wall time of the last invocation", async () => {
    await using sandbox = new Sandbox();
    await sandbox.eval("t = Time.now; nil while Time.now - t < 0.05");
    expect(sandbox.usage.wallTime).toBeGreaterThanOrEqual(45);
    expect(sandbox.usage.memoryPeak).toBeGreaterThan(0);
  });

  it("refuses a source that is not a string", async () => {
    await using sandbox = new Sandbox();
    await expect(sandbox.eval(undefined as unknown as string)).rejects.toThrow(TypeError);
  });

  it("validates options", () => {
    expect(() => new Sandbox({ stdoutLimit: -1 })).toThrow(RangeError);
    expect(() => new Sandbox({ stderrLimit: 0.5 })).toThrow(RangeError);
    expect(() => new Sandbox({ memoryLimit: 0 })).toThrow(RangeError);
    expect(() => new Sandbox({ seed: 1 })).toThrow(TypeError);
  });
});

describe("B08 close", () => {
  it("rejects later calls with a clear error, after pending calls settle", async () => {
    const sandbox = new Sandbox();
    const pending = [sandbox.eval("1"), failure(sandbox.eval("raise 'x'"))];
    await sandbox.close();
    expect(await pending[0]).toBe(1);
    expect(await pending[1]).toBeInstanceOf(SandboxError);
    const late = await failure(sandbox.eval("2"));
    expect(late).toBeInstanceOf(SandboxError);
    expect(late.message).toMatch(/closed/);
    await sandbox.close();
  });
});

describe("B60 timeout", () => {
  it("rejects a runaway script with TimeoutError, then B63 the sandbox works again", async () => {
    await using sandbox = new Sandbox({ timeout: 300 });
    const started = performance.now();
    const error = await failure(sandbox.eval("loop {}"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(TrapError);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(sandbox.usage.wallTime).toBeGreaterThanOrEqual(290);
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("other sandboxes keep working while one times out", async () => {
    await using slow = new Sandbox({ timeout: 500 });
    await using fast = new Sandbox();
    const runaway = failure(slow.eval("loop {}"));
    expect(await fast.eval(":still_here")).toEqual(new RubySymbol("still_here"));
    expect(await runaway).toBeInstanceOf(TimeoutError);
  });
});

describe("abort and per-call timeout", () => {
  it("an aborted call rejects with the signal's reason and ends the script", async () => {
    await using sandbox = new Sandbox();
    const controller = new AbortController();
    const running = failure<Error>(sandbox.eval("loop {}", { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error("stopped by user")), 100);
    const started = performance.now();
    expect((await running).message).toBe("stopped by user");
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await sandbox.eval(":next")).toEqual(new RubySymbol("next"));
  });

  it("a per-call timeout overrides the sandbox's", async () => {
    await using sandbox = new Sandbox({ timeout: null });
    expect(await failure(sandbox.eval("loop {}", { timeout: 200 }))).toBeInstanceOf(TimeoutError);
    expect(await sandbox.eval("1", { timeout: 10_000 })).toBe(1);
  });
});

describe("platform", () => {
  it("accepts a precompiled module", async () => {
    const bytes = await import("node:fs/promises").then((fs) =>
      fs.readFile(new URL("../dist/kobako.wasm", import.meta.url)),
    );
    const platform = createPlatform({
      module: await WebAssembly.compile(bytes),
      maxWorkers: 1,
    });
    await using sandbox = new Sandbox({}, platform);
    expect(await sandbox.eval(":precompiled")).toEqual(new RubySymbol("precompiled"));
  });

  it("lets a script exit by itself after close, and even without close", () => {
    for (const ending of ["await sandbox.close();", ""]) {
      const script = `
        import { Sandbox } from ${JSON.stringify(entry)};
        const sandbox = new Sandbox();
        console.log(await sandbox.eval("6 * 7"));
        ${ending}`;
      const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
        encoding: "utf8",
        timeout: 15_000,
      });
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe("42\n");
      expect(run.status).toBe(0);
    }
  });
});
