import { describe, expect, it } from "vitest";
import {
  BytecodeError,
  deserializeError,
  HandleExhaustedError,
  MemoryLimitError,
  SandboxError,
  ServiceError,
  serializeError,
  TimeoutError,
  TrapError,
} from "../src/errors.js";
import { HandleTableExhausted } from "../src/index.js";

describe("error classes", () => {
  it("B65 form three roots with their subclasses, all real Errors", () => {
    const cases = [
      [new TrapError("t"), TrapError, "TrapError", "trap"],
      [new TimeoutError("t"), TrapError, "TimeoutError", "trap"],
      [new MemoryLimitError("t"), TrapError, "MemoryLimitError", "trap"],
      [new SandboxError("s"), SandboxError, "SandboxError", "sandbox"],
      [new HandleExhaustedError("s"), SandboxError, "HandleExhaustedError", "sandbox"],
      [new BytecodeError("s"), SandboxError, "BytecodeError", "sandbox"],
      [new ServiceError("v"), ServiceError, "ServiceError", "service"],
    ] as const;
    for (const [error, root, name, origin] of cases) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(root);
      expect(error.name).toBe(name);
      expect(error.origin).toBe(origin);
      expect(String(error.stack)).toContain(name);
      for (const other of [TrapError, SandboxError, ServiceError]) {
        if (other !== root) expect(error).not.toBeInstanceOf(other);
      }
    }
  });

  it("carry klass, backtraceLines, details and cause", () => {
    const cause = new Error("inner");
    const error = new SandboxError("boom", {
      klass: "RuntimeError",
      backtraceLines: ["(eval):1"],
      details: { kind: "raise" },
      cause,
    });
    expect(error.message).toBe("boom");
    expect(error.klass).toBe("RuntimeError");
    expect(error.backtraceLines).toEqual(["(eval):1"]);
    expect(error.details).toEqual({ kind: "raise" });
    expect(error.cause).toBe(cause);
    expect(Object.isFrozen(error.backtraceLines)).toBe(true);
  });

  it("B25 exports HandleExhaustedError also as HandleTableExhausted", () => {
    expect(HandleTableExhausted).toBe(HandleExhaustedError);
  });

  it("rebuild from plain data as instances of the same class", () => {
    const original = new TimeoutError("late", { details: { kind: "timeout" } });
    const data = structuredClone(serializeError(original));
    const rebuilt = deserializeError(data);
    expect(rebuilt).toBeInstanceOf(TimeoutError);
    expect(rebuilt).toBeInstanceOf(TrapError);
    expect(rebuilt.message).toBe("late");
    expect(rebuilt.details).toEqual({ kind: "timeout" });
  });

  it("rebuild an unknown or hostile name as a TrapError", () => {
    for (const name of ["Nope", "__proto__", "constructor", "toString"]) {
      const rebuilt = deserializeError({ name, message: "m" });
      expect(rebuilt).toBeInstanceOf(TrapError);
      expect(rebuilt.details).toEqual({ name });
    }
  });
});
