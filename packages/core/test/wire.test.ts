import { describe, expect, it } from "vitest";
import { SandboxError } from "../src/errors.js";
import { decodeResponse, decodeWire, encodeWire, MAX_DEPTH, WireError } from "../src/wire/index.js";
import { hex, toHex } from "./support/hex.js";

function ok(bytes: string): unknown {
  const outcome = decodeResponse(hex(bytes));
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

function roundTrip(value: unknown): unknown {
  return decodeWire(encodeWire(value));
}

function wireError(run: () => unknown): WireError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WireError);
    return error as WireError;
  }
  throw new Error("expected a WireError");
}

/** Wraps a payload as ext of the given type (ext 32 form, valid at any size). */
function ext(type: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(6 + payload.length);
  out[0] = 0xc9;
  new DataView(out.buffer).setUint32(1, payload.length);
  out[5] = type;
  out.set(payload, 6);
  return out;
}

describe("byte vectors of docs/ABI.md", () => {
  const vectors: [string, string, unknown][] = [
    ["1 + 2", "92 00 03", 3],
    ["nil", "92 00 c0", null],
    [":a", "92 00 d4 01 61", Symbol.for("a")],
    ["{a: 1}", "92 00 d6 03 92 a1 61 01", { a: 1 }],
    ["2**60", "92 00 d7 05 10 00 00 00 00 00 00 00", 2n ** 60n],
    ["2**64", "92 00 c7 09 05 01 00 00 00 00 00 00 00 00", 2n ** 64n],
    ["-(2**64)", "92 00 c7 09 05 ff 00 00 00 00 00 00 00 00", -(2n ** 64n)],
    ["-0.0", "92 00 cb 80 00 00 00 00 00 00 00", -0],
    ['"\\xff"', "92 00 c4 01 ff", Uint8Array.of(0xff)],
  ];

  for (const [ruby, bytes, value] of vectors) {
    it(`decodes ${ruby}`, () => {
      expect(ok(bytes)).toEqual(value);
      if (Object.is(value, -0)) expect(Object.is(ok(bytes), -0)).toBe(true);
    });

    it(`encodes ${ruby} to the same bytes`, () => {
      expect(toHex(encodeWire([0, value]))).toBe(bytes);
    });
  }
});

describe("decoding values", () => {
  it("B20 maps floats exactly, NaN and infinities included", () => {
    expect(ok("92 00 cb 3f f8 00 00 00 00 00 00")).toBe(1.5);
    expect(ok("92 00 cb 7f f8 00 00 00 00 00 00")).toBeNaN();
    expect(ok("92 00 cb 7f f0 00 00 00 00 00 00")).toBe(Number.POSITIVE_INFINITY);
    expect(ok("92 00 cb ff f0 00 00 00 00 00 00")).toBe(Number.NEGATIVE_INFINITY);
  });

  it("B20 gives bigints outside the safe range and numbers inside it", () => {
    expect(ok("92 00 d7 05 80 00 00 00 00 00 00 00")).toBe(-(2n ** 63n));
    expect(ok("92 00 d7 05 7f ff ff ff ff ff ff ff")).toBe(2n ** 63n - 1n);
    expect(ok("92 00 d7 05 00 00 00 00 00 00 00 05")).toBe(5);
    expect(ok("92 00 c7 09 05 01 00 00 00 00 00 00 00 00")).toBe(2n ** 64n);
    expect(ok("92 00 c7 09 05 ff 00 00 00 00 00 00 00 00")).toBe(-(2n ** 64n));
    expect(ok("92 00 d4 05 ff")).toBe(-1);
  });

  it("B28 keeps __proto__ and constructor keys as own data of a plain object", () => {
    const value = decodeWire(
      ext(
        3,
        Uint8Array.of(
          0x94,
          ...hex("a9 5f 5f 70 72 6f 74 6f 5f 5f 01 ab"),
          ...hex("63 6f 6e 73 74 72 75 63 74 6f 72 02"),
        ),
      ),
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toBe(1);
    expect(value.constructor).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("B20 maps a hash with other keys to a Map", () => {
    const value = decodeWire(ext(4, hex("94 01 02 c3 a1 78"))) as Map<unknown, unknown>;
    expect(value).toEqual(
      new Map<unknown, unknown>([
        [1, 2],
        [true, "x"],
      ]),
    );
  });

  it("B29 keeps NUL bytes in strings", () => {
    expect(decodeWire(hex("a3 61 00 62"))).toBe("a\0b");
  });

  it("resolves handles only when a resolver is given", () => {
    const bytes = hex("d6 02 00 00 00 2a");
    expect(wireError(() => decodeWire(bytes)).message).toMatch(/Handle 42/);
    expect(decodeWire(bytes, (id) => ({ id }))).toEqual({ id: 42 });
  });
});

describe("decoding errors", () => {
  it("B64 turns an error envelope into a SandboxError with klass and backtrace", () => {
    const envelope = hex(
      "92 01 84 a4 6b 69 6e 64 a5 72 61 69 73 65 a5 6b 6c 61 73 73 ac 52 75 6e 74 69 6d 65 45 72 72 6f 72 a7 6d 65 73 73 61 67 65 a4 62 6f 6f 6d a9 62 61 63 6b 74 72 61 63 65 91 a8 28 65 76 61 6c 29 3a 31",
    );
    const outcome = decodeResponse(envelope);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(SandboxError);
    expect(outcome.error.message).toBe("boom");
    expect(outcome.error.klass).toBe("RuntimeError");
    expect(outcome.error.backtraceLines).toEqual(["(eval):1"]);
    expect(outcome.error.details).toEqual({ kind: "raise" });
    expect(outcome.error.origin).toBe("sandbox");
  });

  it("refuses envelopes of the wrong shape", () => {
    expect(wireError(() => decodeResponse(hex("91 00"))).reason).toBe("malformed");
    expect(wireError(() => decodeResponse(hex("92 02 c0"))).message).toMatch(/unknown tag/);
    expect(wireError(() => decodeResponse(hex("92 01 c0"))).message).toMatch(/not a map/);
    expect(
      wireError(() => decodeResponse(hex("92 01 81 a4 6b 69 6e 64 a3 66 6f 6f"))).message,
    ).toMatch(/unknown kind/);
  });
});

describe("garbage never crashes the decoder", () => {
  it.each([
    ["empty input", ""],
    ["a truncated string", "a5 61 62"],
    ["trailing bytes", "c0 c0"],
    ["the never-used byte", "c1"],
    ["an unknown extension", "d4 09 00"],
    ["msgpack's timestamp extension", "d6 ff 00 00 00 00"],
    ["an empty BigInt", "c7 00 05"],
    ["a Dict that is not an array", "d4 03 c0"],
    ["a Dict of odd length", "d5 03 91 01"],
    ["a Dict with a non-string key", "d6 03 92 01 02"],
    ["a huge array length", "dd ff ff ff ff"],
  ])("refuses %s with a WireError", (_, bytes) => {
    expect(wireError(() => decodeWire(hex(bytes))).reason).toBe("malformed");
  });

  it("B29 refuses hashes nested deeper than the bound, without exhausting the stack", () => {
    let payload = hex("90");
    for (let i = 0; i < 1000; i++) payload = ext(4, Uint8Array.of(0x92, 0x01, ...payload));
    expect(wireError(() => decodeWire(payload)).reason).toBe("too-deep");
  });

  it("accepts hashes nested exactly to the bound", () => {
    let payload = hex("90");
    for (let i = 0; i < MAX_DEPTH; i++) payload = ext(4, Uint8Array.of(0x92, 0x01, ...payload));
    expect(decodeWire(payload)).toBeInstanceOf(Map);
  });

  it("survives random bytes", () => {
    let seed = 0x2545f491;
    const random = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 2 ** 32;
    };
    for (let round = 0; round < 3000; round++) {
      const bytes = new Uint8Array(1 + Math.floor(random() * 40));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      // Interesting prefixes: ext types of ours, arrays, the envelope.
      if (round % 3 === 0)
        bytes.set([0xc7, bytes.length - 3, 3 + (round % 3)].slice(0, bytes.length));
      try {
        decodeResponse(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(WireError);
      }
    }
  });
});

describe("encoding", () => {
  it.each([
    [0, "00"],
    [127, "7f"],
    [128, "cc 80"],
    [255, "cc ff"],
    [256, "cd 01 00"],
    [65_536, "ce 00 01 00 00"],
    [2 ** 32, "cf 00 00 00 01 00 00 00 00"],
    [-1, "ff"],
    [-32, "e0"],
    [-33, "d0 df"],
    [-129, "d1 ff 7f"],
    [-32_769, "d2 ff ff 7f ff"],
    [-(2 ** 31) - 1, "d3 ff ff ff ff 7f ff ff ff"],
    [Number.MAX_SAFE_INTEGER, "cf 00 1f ff ff ff ff ff ff"],
  ])("writes the integer %d in its smallest form", (value, bytes) => {
    expect(toHex(encodeWire(value))).toBe(bytes);
  });

  it("writes -0, fractions, NaN, infinities and unsafe integers as float 64", () => {
    expect(toHex(encodeWire(-0))).toBe("cb 80 00 00 00 00 00 00 00");
    expect(toHex(encodeWire(2 ** 53))).toBe("cb 43 40 00 00 00 00 00 00");
    expect(Number.isNaN(roundTrip(Number.NaN))).toBe(true);
    expect(roundTrip(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });

  it("writes bigints as int when safe, ext BigInt of 8 bytes within int64, of more past it", () => {
    expect(toHex(encodeWire(7n))).toBe("07");
    expect(toHex(encodeWire(-(2n ** 63n)))).toBe("d7 05 80 00 00 00 00 00 00 00");
    expect(toHex(encodeWire(2n ** 63n))).toBe("c7 09 05 00 80 00 00 00 00 00 00 00");
    expect(toHex(encodeWire(-(2n ** 63n) - 1n))).toBe("c7 09 05 ff 7f ff ff ff ff ff ff ff");
    expect(toHex(encodeWire(2n ** 64n))).toBe("c7 09 05 01 00 00 00 00 00 00 00 00");
    for (const big of [2n ** 100n, -(2n ** 100n), 3n ** 200n, -(3n ** 200n) + 1n, 2n ** 127n]) {
      expect(roundTrip(big)).toBe(big);
    }
  });

  it("writes undefined as nil and plain objects as Dict, skipping symbol keys", () => {
    expect(toHex(encodeWire(undefined))).toBe("c0");
    expect(toHex(encodeWire({ b: true, [Symbol("s")]: 1 }))).toBe("d6 03 92 a1 62 c3");
    expect(toHex(encodeWire(Object.create(null)))).toBe("d4 03 90");
  });

  it("uses ext8 and larger forms past the fixext sizes", () => {
    expect(toHex(encodeWire(Symbol.for("abc")))).toBe("c7 03 01 61 62 63");
    expect(toHex(encodeWire(Symbol.for("0123456789abcdef")))).toMatch(/^d8 01 /);
    expect(encodeWire(Symbol.for("x".repeat(300))).subarray(0, 4)).toEqual(
      Uint8Array.of(0xc8, 0x01, 0x2c, 0x01),
    );
  });

  it("B29 refuses cyclic values and values nested past the bound", () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(wireError(() => encodeWire(cyclic)).reason).toBe("cyclic");
    const map = new Map<unknown, unknown>();
    map.set("self", map);
    expect(wireError(() => encodeWire(map)).reason).toBe("cyclic");
    let deep: unknown = 1;
    for (let i = 0; i < MAX_DEPTH + 1; i++) deep = [deep];
    expect(wireError(() => encodeWire(deep)).reason).toBe("too-deep");
    let ok: unknown = 1;
    for (let i = 0; i < MAX_DEPTH; i++) ok = { k: ok };
    expect(() => encodeWire(ok)).not.toThrow();
  });

  it("allows the same object twice when it is not its own ancestor", () => {
    const shared = { a: 1 };
    expect(roundTrip([shared, shared])).toEqual([{ a: 1 }, { a: 1 }]);
  });

  it("refuses values with no mapping unless they can become handles", () => {
    class Thing {}
    expect(wireError(() => encodeWire(new Thing())).message).toMatch(/instance of Thing/);
    expect(wireError(() => encodeWire(() => 1)).reason).toBe("unrepresentable");
    expect(wireError(() => encodeWire(new Date(0))).reason).toBe("unrepresentable");
    const objects: object[] = [];
    const bytes = encodeWire([new Thing()], { toHandle: (value) => objects.push(value) });
    expect(toHex(bytes)).toBe("91 d6 02 00 00 00 01");
  });

  it("B20 round-trips every row of the value table", () => {
    const value = [
      null,
      true,
      false,
      42,
      -7,
      2n ** 60n,
      -(2n ** 60n),
      1.25,
      -0,
      Number.POSITIVE_INFINITY,
      "héllo, 世界 🎉",
      "nul\0byte",
      Uint8Array.of(0, 255, 10),
      Symbol.for("sym"),
      [1, [2, [3]]],
      { a: 1, __proto__key: 2, nested: { deep: [null] } },
      new Map<unknown, unknown>([
        [1, "one"],
        [Symbol.for("k"), [2]],
      ]),
    ];
    const back = roundTrip(value) as unknown[];
    expect(back).toEqual(value);
    expect(Object.is(back[8], -0)).toBe(true);
  });

  it("B28 round-trips a __proto__ key as data", () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}');
    const back = roundTrip(source) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "constructor"]);
    expect((back as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
