// B63: after any TrapError, or a worker that dies for any reason, the next call on the same
// sandbox works.
import { describe, expect, it } from "vitest";
import { RubySymbol, Sandbox, TimeoutError, TrapError } from "../../dist/index.js";
import { failure } from "../support.js";
import { sleep, trackedPlatform } from "./support.js";

describe("B63 recovery", () => {
  it("after a worker killed while it runs a script", async () => {
    const { platform, workers } = trackedPlatform();
    await using sandbox = new Sandbox({ timeout: 10_000 }, platform);
    expect(await sandbox.eval("1")).toBe(1);
    const running = failure<TrapError>(sandbox.eval("loop {}"));
    await sleep(100);
    workers[0]?.terminate();
    const error = await running;
    expect(error).toBeInstanceOf(TrapError);
    expect(error.details.kind).toBe("worker");
    expect(sandbox.usage.memoryPeak).toBe(0);
    expect(sandbox.usage.wallTime).toBeGreaterThan(50);
    expect(await sandbox.eval(":alive")).toEqual(new RubySymbol("alive"));
    expect(workers).toHaveLength(2);
  });

  it("after a worker killed while idle", async () => {
    const { platform, workers } = trackedPlatform();
    await using sandbox = new Sandbox({}, platform);
    expect(await sandbox.eval("1")).toBe(1);
    workers[0]?.terminate();
    await sleep(50);
    expect(await sandbox.eval("2")).toBe(2);
    expect(workers).toHaveLength(2);
  });

  it("after a worker killed while the guest waits on a service", async () => {
    const { platform, workers } = trackedPlatform();
    await using sandbox = new Sandbox({ timeout: 10_000 }, platform);
    // Killed once the guest is known to wait (a fixed delay raced a slow first eval under load).
    let called = () => {};
    const waiting = new Promise<void>((resolve) => {
      called = resolve;
    });
    sandbox.define("Host").bind("Wait", () => {
      called();
      return sleep(5_000);
    });
    const running = failure<TrapError>(sandbox.eval("Host::Wait.call"));
    await waiting;
    workers[0]?.terminate();
    expect(await running).toBeInstanceOf(TrapError);
    expect(await sandbox.eval("3")).toBe(3);
  });

  it("after a hard timeout, an abort, and scripts the guest cannot end cleanly", async () => {
    const { platform } = trackedPlatform();
    await using sandbox = new Sandbox({ timeout: 200 }, platform);
    const outcomes: unknown[] = [];
    // Each ends as a TrapError, however the guest manages (see docs/SECURITY.md): retrying
    // after NoMemoryError or after every Exception defeats the cooperative deadline, and a
    // deadline that falls while recursion sits at the VM's depth limit traps.
    for (const source of [
      "begin; 'x' * 10**8; rescue NoMemoryError; retry; end",
      "begin; loop {}; rescue Exception; retry; end",
      "def f(n); f(n + 1); rescue SystemStackError; loop {}; end\nf(0)",
    ]) {
      outcomes.push(await failure(sandbox.eval(source)));
      expect(await sandbox.eval("40 + 2")).toBe(42);
    }
    for (const outcome of outcomes) expect(outcome).toBeInstanceOf(TrapError);
    const controller = new AbortController();
    const aborted = failure(sandbox.eval("loop {}", { signal: controller.signal, timeout: null }));
    await sleep(50);
    controller.abort("stop");
    expect(await aborted).toBe("stop");
    expect(await sandbox.eval("[:after, :abort]")).toEqual([
      new RubySymbol("after"),
      new RubySymbol("abort"),
    ]);
  });

  it("many sandboxes time out at once; all recover, and the pool stays within its size", async () => {
    const { platform, workers } = trackedPlatform({ maxWorkers: 2 });
    const sandboxes = Array.from({ length: 6 }, () => new Sandbox({ timeout: 100 }, platform));
    const errors = await Promise.all(sandboxes.map((box) => failure(box.eval("loop {}"))));
    for (const error of errors) expect(error).toBeInstanceOf(TimeoutError);
    expect(await Promise.all(sandboxes.map((box, i) => box.eval(`${i} * 2`)))).toEqual([
      0, 2, 4, 6, 8, 10,
    ]);
    expect(workers.length).toBeLessThanOrEqual(2);
    await Promise.all(sandboxes.map((box) => box.close()));
  });
});
