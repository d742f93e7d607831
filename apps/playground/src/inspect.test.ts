import { RubySymbol } from "@kobako/browser";
import { describe, expect, it } from "vitest";
import { inspect } from "./inspect.js";

describe("inspect", () => {
  it("shows nil, booleans and integers like Ruby", () => {
    expect(inspect(null)).toBe("nil");
    expect(inspect(undefined)).toBe("nil");
    expect(inspect(true)).toBe("true");
    expect(inspect(false)).toBe("false");
    expect(inspect(1)).toBe("1");
    expect(inspect(-42)).toBe("-42");
    expect(inspect(123456789012345678901234567890n)).toBe("123456789012345678901234567890");
    expect(inspect(-(2n ** 63n))).toBe("-9223372036854775808");
  });

  it("shows floats with Float#inspect rules", () => {
    expect(inspect(2.5)).toBe("2.5");
    expect(inspect(-0.1)).toBe("-0.1");
    expect(inspect(123.456)).toBe("123.456");
    expect(inspect(0.0001)).toBe("0.0001");
    expect(inspect(0.00001)).toBe("1.0e-05");
    expect(inspect(1.5e-7)).toBe("1.5e-07");
    expect(inspect(1e20)).toBe("1.0e+20");
    expect(inspect(1e100)).toBe("1.0e+100");
    expect(inspect(2 ** 53)).toBe("9007199254740992.0");
    expect(inspect(12345678901234568)).toBe("1.2345678901234568e+16");
    expect(inspect(Number.NaN)).toBe("NaN");
    expect(inspect(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(inspect(Number.NEGATIVE_INFINITY)).toBe("-Infinity");
    expect(inspect(-0)).toBe("-0.0");
  });

  it("escapes strings like String#inspect", () => {
    expect(inspect("x")).toBe('"x"');
    expect(inspect("")).toBe('""');
    expect(inspect('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(inspect("a\\b\tc\u001b")).toBe('"a\\\\b\\tc\\e"');
    expect(inspect("nul\u0000 del\u007f")).toBe('"nul\\u0000 del\\x7F"');
    expect(inspect("#{x} #$y #@z #x")).toBe('"\\#{x} \\#$y \\#@z #x"');
    expect(inspect("héllo 🌍")).toBe('"héllo 🌍"');
  });

  it('shows symbols as :name or :"quoted"', () => {
    expect(inspect(Symbol.for("sym"))).toBe(":sym");
    expect(inspect(new RubySymbol("sym"))).toBe(":sym");
    expect(inspect(new RubySymbol("two words"))).toBe(':"two words"');
    expect(inspect(Symbol.for("empty?"))).toBe(":empty?");
    expect(inspect(Symbol.for("name="))).toBe(":name=");
    expect(inspect(Symbol.for("@ivar"))).toBe(":@ivar");
    expect(inspect(Symbol.for("+"))).toBe(":+");
    expect(inspect(Symbol.for("[]="))).toBe(":[]=");
    expect(inspect(Symbol.for("two words"))).toBe(':"two words"');
    expect(inspect(Symbol.for(""))).toBe(':""');
  });

  it("shows binary strings byte by byte", () => {
    expect(inspect(new Uint8Array([0x61, 0x00, 0xff, 0x0a, 0x22]))).toBe('"a\\x00\\xFF\\n\\""');
    expect(inspect(new Uint8Array([]))).toBe('""');
  });

  it("shows arrays, hashes and maps", () => {
    expect(inspect([])).toBe("[]");
    expect(inspect([1, "two", Symbol.for("three"), null, [2.5]])).toBe(
      '[1, "two", :three, nil, [2.5]]',
    );
    expect(inspect({})).toBe("{}");
    expect(inspect({ a: 1, b: [true] })).toBe('{"a" => 1, "b" => [true]}');
    expect(inspect({ __proto__: null, constructor: 1 })).toBe('{"constructor" => 1}');
    expect(inspect(JSON.parse('{"__proto__": 2}'))).toBe('{"__proto__" => 2}');
    expect(
      inspect(
        new Map<unknown, unknown>([
          [1, 2],
          [[3], { x: null }],
        ]),
      ),
    ).toBe('{1 => 2, [3] => {"x" => nil}}');
    expect(inspect(new Map())).toBe("{}");
  });

  it("does not loop on cycles and names host objects", () => {
    const list: unknown[] = [1];
    list.push(list);
    expect(inspect(list)).toBe("[1, [...]]");
    const hash: Record<string, unknown> = {};
    hash.self = hash;
    expect(inspect(hash)).toBe('{"self" => {...}}');
    // The same value twice is not a cycle.
    const shared = [1];
    expect(inspect([shared, shared])).toBe("[[1], [1]]");
    expect(inspect(new Date(0))).toBe("#<JS Date>");
    expect(inspect(function named() {})).toBe("#<JS Function named>");
  });
});
