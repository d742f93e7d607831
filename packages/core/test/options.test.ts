import { describe, expect, it } from "vitest";
import { resolveOptions } from "../src/host/options.js";

describe("sandbox options", () => {
  it("default to 1 MiB output caps and a 60 s timeout", () => {
    expect(resolveOptions(undefined)).toEqual({
      stdoutLimit: 1 << 20,
      stderrLimit: 1 << 20,
      timeout: 60_000,
    });
  });

  it("accept zero caps and a null timeout", () => {
    expect(resolveOptions({ stdoutLimit: 0, stderrLimit: 5, timeout: null })).toEqual({
      stdoutLimit: 0,
      stderrLimit: 5,
      timeout: null,
    });
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
    expect(() => resolveOptions({ memoryLimit: 1 } as object)).toThrow(/memoryLimit/);
  });
});
