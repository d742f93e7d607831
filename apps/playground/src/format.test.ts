import { describe, expect, it } from "vitest";
import { formatBytes, formatMs } from "./format.js";

describe("formatMs", () => {
  it("keeps sub-millisecond precision and rounds long runs", () => {
    expect(formatMs(0.0421)).toBe("0.042 ms");
    expect(formatMs(3.256)).toBe("3.26 ms");
    expect(formatMs(1234.5)).toBe("1,235 ms");
    expect(formatMs(Number.NaN)).toBe("—");
  });

  it("shows a coarse clock's whole milliseconds without made-up decimals", () => {
    expect(formatMs(0)).toBe("< 1 ms");
    expect(formatMs(2)).toBe("2 ms");
    expect(formatMs(1234)).toBe("1,234 ms");
  });
});

describe("formatBytes", () => {
  it("uses binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(12.5 * 1024)).toBe("12.5 KiB");
    expect(formatBytes(3 << 20)).toBe("3.00 MiB");
  });
});
