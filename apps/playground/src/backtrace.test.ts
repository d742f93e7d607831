import { describe, expect, it } from "vitest";
import { errorLine } from "./backtrace.js";

describe("errorLine", () => {
  it("takes the first backtrace entry inside the script", () => {
    expect(errorLine(["(eval):2:in boom", "(eval):5"])).toBe(2);
    expect(errorLine(["services:3:in cell", "(eval):7"])).toBe(7);
  });

  it("falls back to the line a syntax error names", () => {
    expect(errorLine([], "line 2:3: syntax error, unexpected integer literal")).toBe(2);
  });

  it("returns undefined when nothing points into the script", () => {
    expect(errorLine([], "Stopped by the user.")).toBeUndefined();
    expect(errorLine(["snippet 1:1"])).toBeUndefined();
  });
});
