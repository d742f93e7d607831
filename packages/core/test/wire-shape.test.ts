// B29 B66: the shape check that runs before the host decodes anything a guest sent.
import { describe, expect, it } from "vitest";
import { RubySymbol } from "../src/symbol.js";
import {
  checkShape,
  decodeResponse,
  decodeWire,
  encodeWire,
  MAX_CONTAINERS,
  MAX_DEPTH,
  WireError,
} from "../src/wire/index.js";

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WireError);
    return (error as WireError).reason;
  }
  return "accepted";
}

function nestedArrays(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function nestedHashes(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { k: value };
  return value;
}

describe("B29 B66 the shape of a payload", () => {
  it("accepts values nested to the bound, inside an envelope", () => {
    for (const value of [nestedArrays(MAX_DEPTH), nestedHashes(MAX_DEPTH)]) {
      const envelope = Uint8Array.of(0x92, 0x00, ...encodeWire(value));
      expect(reason(() => checkShape(envelope))).toBe("accepted");
      expect(decodeResponse(envelope).ok).toBe(true);
    }
  });

  it("refuses a million nested arrays at once, without decoding them", () => {
    const bytes = new Uint8Array(1 << 20).fill(0x91);
    const started = performance.now();
    expect(reason(() => decodeWire(bytes))).toBe("too-deep");
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("refuses more than MAX_CONTAINERS arrays and hashes in one payload", () => {
    const count = MAX_CONTAINERS + 1;
    const bytes = new Uint8Array(5 + count);
    bytes.set([0xdd, count >>> 24, (count >>> 16) & 0xff, (count >>> 8) & 0xff, count & 0xff]);
    bytes.fill(0x90, 5);
    expect(reason(() => decodeWire(bytes))).toBe("too-large");
    expect(reason(() => decodeWire(bytes.subarray(0, bytes.length - 1)))).toBe("malformed");
    const fewer = new Uint8Array(bytes.length - 2);
    fewer.set([0xdd, 0x00, 0x0f, 0xff, 0xff]);
    fewer.fill(0x90, 5);
    expect(decodeWire(fewer)).toHaveLength(MAX_CONTAINERS - 1);
  });

  it("refuses counts and lengths past the end of the data", () => {
    for (const hex of [
      "dd ff ff ff ff c0",
      "df 00 00 00 02 c0",
      "db 00 00 00 09 61",
      "c7 05 03 90",
    ]) {
      const bytes = Uint8Array.from(hex.split(" "), (byte) => Number.parseInt(byte, 16));
      expect(reason(() => checkShape(bytes))).toBe("malformed");
    }
  });

  it("skips over strings, binaries and extensions of every size without looking inside", () => {
    // Contents that would read as huge arrays if the walk looked into them.
    const sizes = [0, 1, 15, 31, 32, 255, 256, 65_535, 65_536, 100_000];
    const value: unknown[] = sizes.flatMap((n) => [
      "\u00dd".repeat(Math.ceil(n / 2)),
      new Uint8Array(n).fill(0xdd),
      new RubySymbol("\u00dd".repeat(Math.ceil(n / 2))),
      { ["\u00dd".repeat(Math.ceil(n / 2))]: new Uint8Array(n).fill(0xdf) },
    ]);
    value.push(2n ** 62n, -(2n ** 62n), 0.5, -1, -200, -70_000, -(2 ** 40), 2 ** 40, 300, 70_000);
    expect(() => checkShape(encodeWire(value))).not.toThrow();
    expect(decodeWire(encodeWire(value))).toEqual(value);
  });
});
