import { describe, expect, it } from "vitest";
import {
  MemoryLimitError,
  SandboxError,
  ServiceError,
  TimeoutError,
  TrapError,
} from "../src/errors.js";
import type { ServiceFailure } from "../src/host/dispatch.js";
import { type Caps, failureError } from "../src/host/outcome.js";
import type { Failure } from "../src/wire/response.js";

const caps: Caps = { timeout: 250, memoryLimit: 4096 };
const guestSays = (message: string): Failure => ({
  kind: "service",
  klass: "Kobako::ServiceError",
  message,
  backtrace: ["(eval):1"],
});
const guestError = (message: string) =>
  new SandboxError(message, { klass: "Kobako::ServiceError" });

function seen(message: string, thrown: unknown): ServiceFailure {
  return { service: "KV::Get", method: "call", name: "TypeError", message, thrown };
}

describe("B14 which class an unrescued service failure becomes", () => {
  it("a failure the host saw is a ServiceError with the original as cause", () => {
    const original = new TypeError("bad");
    const error = failureError(
      guestSays("bad"),
      guestError("bad"),
      [seen("bad", original)],
      undefined,
      caps,
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.cause).toBe(original);
    expect(error.details).toMatchObject({ kind: "service", service: "KV::Get", name: "TypeError" });
    expect(error.backtraceLines).toEqual(["(eval):1"]);
  });

  it("picks the failure with the same message", () => {
    const first = new Error("first");
    const error = failureError(
      guestSays("first"),
      guestError("first"),
      [seen("first", first), seen("second", new Error("second"))],
      undefined,
      caps,
    );
    expect(error.cause).toBe(first);
  });

  it("without any failure the host saw, it is the script's own SandboxError", () => {
    const error = failureError(guestSays("forged"), guestError("forged"), [], undefined, caps);
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.details.kind).toBe("raise");
  });

  it("a block's exception a service let through is the script's SandboxError", () => {
    const fromBlock = new SandboxError("boom", { klass: "IndexError", details: { kind: "block" } });
    const error = failureError(
      guestSays("boom"),
      guestError("boom"),
      [seen("boom", fromBlock)],
      undefined,
      caps,
    );
    expect(error).toBeInstanceOf(SandboxError);
    expect(error).toMatchObject({ klass: "IndexError", message: "boom" });
  });

  it("a bridge that could not reach the host is a ServiceError saying why", () => {
    const error = failureError(
      guestSays("the host did not answer"),
      guestError("x"),
      [],
      "no bridge",
      caps,
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe("no bridge");
    expect(error.details.kind).toBe("bridge");
  });

  it("other kinds pass through", () => {
    const raised = guestError("plain");
    expect(
      failureError(
        { ...guestSays("plain"), kind: "raise" },
        raised,
        [seen("plain", 1)],
        undefined,
        caps,
      ),
    ).toBe(raised);
  });
});

describe("B60 B61 caps the guest enforced", () => {
  it("a timeout is a TimeoutError naming the timeout, whatever the guest's message", () => {
    const failure: Failure = {
      kind: "timeout",
      klass: "Kobako::TimeoutError",
      message: "execution expired",
      backtrace: ["(eval):1"],
    };
    const error = failureError(failure, guestError("x"), [], undefined, caps);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe("the invocation ran past its timeout of 250 ms");
    expect(error.details).toEqual({ kind: "timeout", timeout: 250, hard: false });
    expect(error).toMatchObject({ klass: "Kobako::TimeoutError", backtraceLines: ["(eval):1"] });
  });

  it("a memory failure is a MemoryLimitError naming the limit", () => {
    const failure: Failure = {
      kind: "memory",
      klass: "NoMemoryError",
      message: "failed to allocate memory",
      backtrace: [],
    };
    const error = failureError(failure, guestError("x"), [], undefined, caps);
    expect(error).toBeInstanceOf(MemoryLimitError);
    expect(error).toBeInstanceOf(TrapError);
    expect(error.message).toMatch(/memoryLimit of 4096 bytes/);
    expect(error.details).toEqual({ kind: "memory", memoryLimit: 4096 });
  });
});
