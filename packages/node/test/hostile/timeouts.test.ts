// B60 B62 B63 B66: runaway scripts end at their timeout, cooperatively when the guest can stop
// itself (the worker is kept), by terminating the worker when it cannot.
import { describe, expect, it } from "vitest";
import { RubySymbol, Sandbox, TimeoutError, TrapError } from "../../dist/index.js";
import { failure } from "../support.js";
import { trackedPlatform, withTicker } from "./support.js";

const TIMEOUT = 150;
/** The hard backstop's grace (HARD_TIMEOUT_GRACE of @kobako/core). */
const GRACE = 200;

/** Scripts the guest stops at its deadline by itself. */
const cooperative = {
  "loop {}": "loop {}",
  "while true": "while true; end",
  "until false": "i = 0\ni += 1 until false",
  "a postfix while": "i = 0; i += 1 while true",
  "deep recursion, again and again": "def f(n) = n.zero? ? 0 : 1 + f(n - 1)\nloop { f(200) }",
  "rescue Kobako::TimeoutError": "begin; loop {}; rescue Kobako::TimeoutError; :caught; end",
  "rescue Exception, then loop again": "loop { begin; loop {}; rescue Exception; end }",
  "rescue Exception a few times, then return":
    "n = 0\nbegin\n  loop {}\nrescue Exception\n  n += 1\n  retry if n < 5\n  :escaped\nend",
  "ensure that loops": "begin; loop {}; ensure; loop {}; end",
  "catch around a loop": "catch(:out) { loop {} }",
  "a Fiber": "Fiber.new { loop {} }.resume",
  "ping-pong Fibers": "f = Fiber.new { loop { Fiber.yield } }\nloop { f.resume }",
  "an endless range": "(1..Float::INFINITY).each {}",
  "a loop in a block": "[1, 2, 3].each { loop {} }",
  "eval of a loop": "eval('loop {}')",
  "a block that sorts forever": "a = (1..50_000).to_a\nloop { a.sort { |x, y| y <=> x } }",
} as const;

describe("B60 runaway scripts stop at their deadline", () => {
  it.each(Object.entries(cooperative))("%s", async (_name, source) => {
    await using sandbox = new Sandbox({ timeout: TIMEOUT });
    const started = performance.now();
    const error = await failure<TimeoutError>(sandbox.eval(source));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(TrapError);
    expect(error.details).toMatchObject({ kind: "timeout", timeout: TIMEOUT });
    expect(performance.now() - started).toBeLessThan(TIMEOUT + GRACE + 2_000);
    expect(sandbox.usage.wallTime).toBeGreaterThanOrEqual(TIMEOUT - 1);
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("B62 B63 a cooperative timeout keeps the worker, with usage and output filled in", async () => {
    const { platform, workers } = trackedPlatform();
    await using sandbox = new Sandbox({ timeout: 200 }, platform);
    expect(await sandbox.eval("1")).toBe(1);
    const error = await failure<TimeoutError>(
      sandbox.eval('puts "started"; x = "y" * 1000; loop {}'),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(
      "the invocation ran past its timeout of 200 ms: the script was stopped at its next deadline check",
    );
    expect(error.details).toEqual({ kind: "timeout", timeout: 200, hard: false, how: "checked" });
    expect(error.klass).toBe("Kobako::TimeoutError");
    expect(sandbox.stdout).toBe("started\n");
    expect(sandbox.usage.wallTime).toBeGreaterThanOrEqual(199);
    expect(sandbox.usage.wallTime).toBeLessThan(200 + GRACE);
    expect(sandbox.usage.memoryPeak).toBeGreaterThan(1000);
    expect(await sandbox.eval(":same_worker")).toEqual(new RubySymbol("same_worker"));
    expect(workers).toHaveLength(1);
  });

  it("a per-call timeout overrides the sandbox's; null disables the deadline", async () => {
    await using sandbox = new Sandbox({ timeout: null });
    const error = await failure<TimeoutError>(sandbox.eval("loop {}", { timeout: 100 }));
    expect(error.details).toMatchObject({ timeout: 100, hard: false });
    // No deadline at all: only the signal ends it (by terminating its worker).
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("enough")), 300);
    const aborted = await failure<Error>(sandbox.eval("loop {}", { signal: controller.signal }));
    expect(aborted.message).toBe("enough");
    expect(sandbox.usage.wallTime).toBeGreaterThanOrEqual(290);
    expect(sandbox.usage.memoryPeak).toBe(0);
    expect(await sandbox.eval("2 + 2", { timeout: 5_000 })).toBe(4);
  });
});

describe("B60 B63 scripts the guest cannot stop by itself", () => {
  // A single long call into C never reaches the guest's deadline check; neither does a script
  // that rescues every TimeoutError and retries (the guest raises it again at every check, and
  // the retry jumps straight back into the loop). Today the host's hard backstop ends both
  // (docs/SECURITY.md); should the guest learn to stop them, they end cooperatively instead.
  // The backstop itself is tested on a guest that never stops (core's test/bridge.test.ts).
  const uncooperative = {
    "a long String#index": "s = 'a' * 400_000\nt = 'a' * 200_000 + 'b'\ns.index(t)",
    "rescue Exception; retry": "begin\n  loop {}\nrescue Exception\n  retry\nend",
  };

  it.each(Object.entries(uncooperative))(
    "%s: ends within the grace; the next call works",
    async (_name, source) => {
      const { platform, workers } = trackedPlatform();
      await using sandbox = new Sandbox({ timeout: TIMEOUT }, platform);
      const started = performance.now();
      const error = await failure<TimeoutError>(sandbox.eval(source));
      const elapsed = performance.now() - started;
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error.details).toMatchObject({ kind: "timeout", timeout: TIMEOUT });
      expect(elapsed).toBeLessThan(TIMEOUT + GRACE + 2_000);
      if (error.details.hard) {
        expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT + GRACE - 1);
        expect(sandbox.usage.wallTime).toBeGreaterThanOrEqual(TIMEOUT + GRACE - 1);
        expect(sandbox.usage.memoryPeak).toBe(0);
      }
      expect(await sandbox.eval("1 + 1")).toBe(2);
      expect(workers).toHaveLength(error.details.hard ? 2 : 1);
    },
  );
});

describe("B60 a guest waiting on the host is bound by the same deadline", () => {
  const never = () => new Promise<never>(() => {});

  it.each([
    ["a service that never settles", "Slow::Never.call"],
    ["rescued, and returned at once", "begin; Slow::Never.call; rescue Exception; :rescued; end"],
    ["rescued, then a loop", "begin; Slow::Never.call; rescue Exception; end; loop {}"],
    ["inside a block a service calls", "Slow::Each.call(3) { Slow::Never.call }"],
    ["a loop inside a block a service calls", "Slow::Each.call(3) { loop {} }"],
    ["a service calling a block forever", "Slow::Each.call(10**12) { |i| i }"],
  ])("%s", async (_name, source) => {
    const { platform, workers } = trackedPlatform();
    await using sandbox = new Sandbox({ timeout: TIMEOUT, memoryLimit: 64 << 20 }, platform);
    sandbox
      .define("Slow")
      .bind("Never", never)
      .bind("Each", async (n: number, block: (i: number) => Promise<unknown>) => {
        for (let i = 0; i < n; i++) await block(i);
        return n;
      });
    const error = await failure<TimeoutError>(sandbox.eval(source));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.details).toMatchObject({ kind: "timeout", timeout: TIMEOUT, hard: false });
    expect(await sandbox.eval("Slow::Each.call(2) { |i| i }")).toBe(2);
    expect(workers).toHaveLength(1);
  });
});

describe("B66 the host stays responsive", () => {
  it("its event loop runs timers while a guest spins, waits, or is terminated", async () => {
    await using sandbox = new Sandbox({ timeout: 300 });
    for (const source of ["loop {}", "begin; loop {}; rescue Exception; retry; end"]) {
      const { outcome, longestGap, ticks } = await withTicker(() => sandbox.eval(source));
      expect(outcome.status).toBe("rejected");
      expect(ticks).toBeGreaterThan(10);
      expect(longestGap).toBeLessThan(250);
    }
  });
});
