import { describe, expect, it } from "vitest";
import { RubySymbol } from "../dist/index.js";
import { inspect } from "../src/inspect.js";

describe("inspect", () => {
  it.each([
    [null, "nil"],
    [undefined, "nil"],
    [true, "true"],
    [1, "1"],
    [-12, "-12"],
    [2.5, "2.5"],
    [-0, "-0.0"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
    [1e20, "1.0e+20"],
    [1.5e-7, "1.5e-07"],
    [2 ** 53, "9007199254740992.0"],
    [1e16, "1.0e+16"],
    [2n ** 63n - 1n, "9223372036854775807"],
    ["x", '"x"'],
    ['a"b\\c\n\t\u0001\u001b#{x}', '"a\\"b\\\\c\\n\\t\\u0001\\e\\#{x}"'],
    ["日本", '"日本"'],
    [Symbol.for("sym"), ":sym"],
    [new RubySymbol("sym"), ":sym"],
    [new RubySymbol("a b"), ':"a b"'],
    [Symbol.for("ok?"), ":ok?"],
    [Symbol.for("+"), ":+"],
    [Symbol.for("a b"), ':"a b"'],
    [Uint8Array.of(0xff, 0x00, 0x61, 0x22), '"\\xFF\\x00a\\""'],
    [[1, [2, null], "x"], '[1, [2, nil], "x"]'],
    [{ a: 1, "b c": [true] }, '{"a" => 1, "b c" => [true]}'],
    [
      new Map<unknown, unknown>([
        [1, 2],
        [Symbol.for("k"), "v"],
      ]),
      '{1 => 2, :k => "v"}',
    ],
  ])("renders %o as %s", (value, text) => {
    expect(inspect(value)).toBe(text);
  });
});
