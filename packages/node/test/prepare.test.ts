import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPlatform, type Platform, Sandbox, SandboxError, SetupError } from "../dist/index.js";
import { failure } from "./support.js";

/** A platform of its own (its own pool) that counts the workers it starts. */
function counted(options: Parameters<typeof createPlatform>[0] = {}) {
  const inner = createPlatform(options);
  const counter = { started: 0 };
  const platform: Platform = {
    ...inner,
    startWorker() {
      counter.started++;
      return inner.startWorker();
    },
  };
  return { platform, counter };
}

describe("prepare", () => {
  it("gets one worker ready without running anything or sealing the sandbox", async () => {
    const { platform, counter } = counted({ maxWorkers: 2 });
    await using sandbox = new Sandbox({}, platform);
    await sandbox.prepare();
    expect(counter.started).toBe(1);
    expect(sandbox.sealed).toBe(false);
    expect(sandbox.usage).toEqual({ wallTime: 0, memoryPeak: 0 });
    sandbox.define("Svc").bind("Twice", (x: number) => x * 2);
    // Prepared again, or from another sandbox of the platform: the ready worker serves.
    await sandbox.prepare();
    await new Sandbox({}, platform).prepare();
    expect(await sandbox.eval("Svc::Twice.call(21)")).toBe(42);
    expect(counter.started).toBe(1);
  });

  it("calls made together share the worker being started", async () => {
    const { platform, counter } = counted({ maxWorkers: 4 });
    const sandbox = new Sandbox({}, platform);
    await Promise.all([sandbox.prepare(), sandbox.prepare(), sandbox.prepare()]);
    expect(counter.started).toBe(1);
  });

  it("its warm-up leaves nothing behind for the next invocation", async () => {
    const { platform } = counted({ maxWorkers: 1 });
    await using sandbox = new Sandbox({}, platform);
    // The warm-up script (which prints and assigns) has run when prepare() resolves.
    await sandbox.prepare();
    expect(await sandbox.eval("[defined?(x), 1 + 1]")).toEqual([null, 2]);
    expect(sandbox.stdout).toBe("");
    expect(await sandbox.eval('puts "mine"; :ok')).toMatchObject({ name: "ok" });
    expect(sandbox.stdout).toBe("mine\n");
  });

  it("invocations made while it warms up wait for the worker, then run fresh", async () => {
    const { platform, counter } = counted({ maxWorkers: 1 });
    const sandbox = new Sandbox({}, platform);
    const preparing = sandbox.prepare();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        sandbox.eval("x = (x || 0) + 1; $seen = ($seen || 0) + 1; [x, $seen]"),
      ),
    );
    await preparing;
    expect(results).toEqual(Array.from({ length: 5 }, () => [1, 1]));
    expect(counter.started).toBe(1);
  });

  it("bakes the services and snippets given so far apart from the host: no call, no output", async () => {
    const { platform } = counted();
    await using sandbox = new Sandbox({}, platform);
    const calls: unknown[] = [];
    sandbox.define("Log").bind("Write", (line: unknown) => calls.push(line));
    await sandbox.preload({ code: "TABLE = { a: 1 }\nLookup = ->(k) { TABLE[k.to_sym] }" });
    await sandbox.preload({ code: 'puts "loaded"\nLog::Write.call("loaded")' });
    await sandbox.prepare();
    expect(calls).toEqual([]);
    // The second snippet prints and calls a service: that set cannot be baked, and replays.
    expect(await sandbox.run("Lookup", ["a"])).toBe(1);
    expect(calls).toEqual(["loaded"]);
    expect(sandbox.stdout).toBe("loaded\n");
  });

  it("a snippet that never ends does not keep prepare from resolving", async () => {
    const { platform } = counted();
    await using sandbox = new Sandbox({ timeout: 300 }, platform);
    await sandbox.preload({ code: "X = 1\nloop {}" });
    await sandbox.prepare();
    expect(await failure(sandbox.eval("X"))).toMatchObject({ name: "TimeoutError" });
  });

  it("rejects with SetupError when kobako.wasm cannot load, and the next call tries again", async () => {
    const broken = join(tmpdir(), `kobako-prepare-${process.pid}.wasm`);
    await writeFile(broken, "not wasm");
    try {
      const { platform, counter } = counted({ wasmPath: broken });
      const sandbox = new Sandbox({}, platform);
      const first = await failure<SetupError>(sandbox.prepare());
      expect(first).toBeInstanceOf(SetupError);
      expect(first.message).toContain(broken);
      expect(await failure(sandbox.prepare())).toBeInstanceOf(SetupError);
      expect(await failure(sandbox.eval("1"))).toBeInstanceOf(SetupError);
      // No worker is left running for a guest that never loaded.
      expect(counter.started).toBeGreaterThanOrEqual(1);
    } finally {
      await rm(broken, { force: true });
    }
  });

  it("rejects on a closed sandbox", async () => {
    const sandbox = new Sandbox();
    await sandbox.close();
    expect(await failure(sandbox.prepare())).toBeInstanceOf(SandboxError);
  });
});
