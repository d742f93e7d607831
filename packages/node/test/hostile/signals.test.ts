// B36: a `signal` that is not an AbortSignal is a TypeError at the call; an abort at any moment
// after the call ends the invocation promptly; no failure path leaks a pooled worker.
import { describe, expect, it } from "vitest";
import {
  createPlatform,
  Sandbox,
  SandboxError,
  ServiceError,
  TimeoutError,
} from "../../dist/index.js";
import { failure } from "../support.js";
import { within } from "./support.js";

describe("B36 signals", () => {
  it("a signal-like object is a TypeError, and the host process lives on", async () => {
    await using sandbox = new Sandbox({ timeout: 2_000 });
    const lookalikes = [
      { addEventListener() {} },
      { aborted: false, addEventListener() {}, removeEventListener() {} },
      {
        aborted: false,
        addEventListener() {
          throw new Error("no");
        },
        removeEventListener() {},
      },
    ];
    for (const signal of lookalikes) {
      const error = await within(failure(sandbox.eval("1", { signal: signal as never })), 3_000);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/signal/);
    }
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("an AbortSignal whose addEventListener throws is a TypeError and borrows no worker", async () => {
    const platform = createPlatform({ maxWorkers: 1 });
    await using sandbox = new Sandbox({ timeout: 2_000 }, platform);
    const signal = new AbortController().signal;
    signal.addEventListener = () => {
      throw new Error("refused");
    };
    const error = await within(failure(sandbox.eval("1", { signal })), 3_000);
    expect(error).toBeInstanceOf(TypeError);
    await using other = new Sandbox({ timeout: 2_000 }, platform);
    expect(await within(other.eval("2"), 5_000)).toBe(2);
  });

  it("every failure path gives its worker back: one worker serves them all", async () => {
    const platform = createPlatform({ maxWorkers: 1 });
    await using sandbox = new Sandbox({ timeout: 300 }, platform);
    sandbox.define("Svc").bind("Fail", () => {
      throw new Error("down");
    });
    await sandbox.preload({ name: "Id", code: "Id = ->(x) { x }" });
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    const aborted = new AbortController();
    aborted.abort("early");
    const late = new AbortController();
    const outcomes = [
      failure(sandbox.run("Id", [cyclic])),
      failure(sandbox.eval("1", { signal: aborted.signal })),
      failure(sandbox.eval("loop {}")),
      failure(sandbox.eval("begin; loop {}; rescue Exception; retry; end")),
      failure(sandbox.eval("Svc::Fail.call")),
      failure(sandbox.eval("loop {}", { signal: late.signal, timeout: null })),
      failure(sandbox.eval("raise 'x' * 100")),
    ];
    setTimeout(() => late.abort("late"), 50);
    const errors = await within(Promise.all(outcomes), 10_000);
    expect(errors.map((e) => (typeof e === "string" ? e : (e as Error).constructor.name))).toEqual([
      "SandboxError",
      "early",
      "TimeoutError",
      "TimeoutError",
      "ServiceError",
      "late",
      "SandboxError",
    ]);
    expect(errors[4]).toBeInstanceOf(ServiceError);
    expect(errors[2]).toBeInstanceOf(TimeoutError);
    expect(errors[0]).toBeInstanceOf(SandboxError);
    await using other = new Sandbox({ timeout: 2_000 }, platform);
    expect(await within(other.eval("3"), 5_000)).toBe(3);
  });
});

describe("B36 an abort at any moment after the call ends it", () => {
  // The pool hands out an idle worker within a few microtasks of the call; an abort in the gap
  // before the run listened used to be lost (loop {} then ran for ever with timeout: null).
  const microtasks = Array.from({ length: 16 }, (_, n) => n);

  it.each(microtasks)("%i microtasks after the call, on a warm pool", async (n) => {
    const platform = createPlatform({ maxWorkers: 1 });
    await using sandbox = new Sandbox({ timeout: null }, platform);
    expect(await sandbox.eval("1")).toBe(1);
    const controller = new AbortController();
    const reason = new Error(`stop after ${n}`);
    const call = failure(sandbox.eval("loop {}", { signal: controller.signal }));
    for (let i = 0; i < n; i++) await Promise.resolve();
    controller.abort(reason);
    expect(await within(call, 3_000)).toBe(reason);
    expect(await within(sandbox.eval("2"), 5_000)).toBe(2);
  });

  const later: [string, () => Promise<unknown>][] = [
    ["on the next turn", () => new Promise((resolve) => setImmediate(resolve))],
    ["after a timer", () => new Promise((resolve) => setTimeout(resolve, 5))],
    ["while it runs", () => new Promise((resolve) => setTimeout(resolve, 100))],
  ];

  it.each(later)("%s", async (label, wait) => {
    const platform = createPlatform({ maxWorkers: 1 });
    await using sandbox = new Sandbox({ timeout: null }, platform);
    const controller = new AbortController();
    const reason = new Error(`stop ${label}`);
    const call = failure(sandbox.eval("loop {}", { signal: controller.signal }));
    await wait();
    const started = performance.now();
    controller.abort(reason);
    expect(await within(call, 3_000)).toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await within(sandbox.eval("1"), 5_000)).toBe(1);
  });
});
