import { describe, expect, it } from "vitest";
import { resolveOptions } from "../src/host/options.js";

describe("sandbox options", () => {
  it("default to 1 MiB output caps, a 4 MiB memory cap and a 60 s timeout", () => {
    expect(resolveOptions(undefined)).toEqual({
      stdoutLimit: 1 << 20,
      stderrLimit: 1 << 20,
      memoryLimit: 4 << 20,
      timeout: 60_000,
    });
  });

  it("accept zero output caps, and a null timeout and memory cap", () => {
    expect(
      resolveOptions({ stdoutLimit: 0, stderrLimit: 5, timeout: null, memoryLimit: null }),
    ).toEqual({
      stdoutLimit: 0,
      stderrLimit: 5,
      memoryLimit: null,
      timeout: null,
    });
  });

  it("B61 accept a memory cap from 1 byte to 2^31 − 1, and refuse others", () => {
    expect(resolveOptions({ memoryLimit: 1 }).memoryLimit).toBe(1);
    expect(resolveOptions({ memoryLimit: 2 ** 31 - 1 }).memoryLimit).toBe(2 ** 31 - 1);
    for (const bad of [0, -1, 1.5, 2 ** 31, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => resolveOptions({ memoryLimit: bad })).toThrow(RangeError);
    }
    expect(() => resolveOptions({ memoryLimit: "1" as unknown as number })).toThrow(TypeError);
  });

  it("refuse caps that are not non-negative integers", () => {
    expect(() => resolveOptions({ stdoutLimit: -1 })).toThrow(RangeError);
    expect(() => resolveOptions({ stdoutLimit: 1.5 })).toThrow(RangeError);
    expect(() => resolveOptions({ stderrLimit: Number.NaN })).toThrow(RangeError);
    expect(() => resolveOptions({ stderrLimit: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => resolveOptions({ stdoutLimit: "1" as unknown as number })).toThrow(TypeError);
    expect(() => resolveOptions({ stdoutLimit: null as unknown as number })).toThrow(TypeError);
  });

  it("refuse bad timeouts", () => {
    expect(() => resolveOptions({ timeout: 0 })).toThrow(RangeError);
    expect(() => resolveOptions({ timeout: -5 })).toThrow(RangeError);
    expect(() => resolveOptions({ timeout: "1" as unknown as number })).toThrow(TypeError);
  });

  it("refuse options that are not objects, and options not supported yet", () => {
    expect(() => resolveOptions(5 as unknown as object)).toThrow(TypeError);
    expect(() => resolveOptions({ hermetic: true } as object)).toThrow(/hermetic/);
  });
});
