import { afterAll, describe, expect, it } from "vitest";
import { RubySymbol, Sandbox, SandboxError } from "../dist/index.js";

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

describe("B20 values guest → host", () => {
  it.each([
    ["nil", null],
    ["true", true],
    ["false", false],
    ["42", 42],
    ["-7", -7],
    ["2**53 - 1", Number.MAX_SAFE_INTEGER],
    ["-(2**53 - 1)", -Number.MAX_SAFE_INTEGER],
    ["2**53", 2n ** 53n],
    ["2**62", 2n ** 62n],
    ["-(2**62) * 2", -(2n ** 63n)],
    ["9223372036854775807", 2n ** 63n - 1n],
    ["2.5", 2.5],
    ["1.0 / 0", Number.POSITIVE_INFINITY],
    ["-1.0 / 0", Number.NEGATIVE_INFINITY],
    ['"héllo, 世界"', "héllo, 世界"],
    ['"a\\0b"', "a\0b"],
    [":sym", new RubySymbol("sym")],
    [':"with space"', new RubySymbol("with space")],
    ["[1, [2, nil], []]", [1, [2, null], []]],
    ['{"a" => 1, b: [2]}', { a: 1, b: [2] }],
    ["{}", {}],
  ])("maps %s", async (ruby, expected) => {
    expect(await sandbox.eval(ruby)).toEqual(expected);
  });

  it("keeps NaN and -0.0", async () => {
    expect(await sandbox.eval("0.0 / 0")).toBeNaN();
    expect(Object.is(await sandbox.eval("-0.0"), -0)).toBe(true);
  });

  it("maps an invalid UTF-8 string to Uint8Array", async () => {
    expect(await sandbox.eval('"\\xff\\xfe"')).toEqual(Uint8Array.of(0xff, 0xfe));
  });

  it("B28 keeps __proto__ and constructor keys as own plain data", async () => {
    const value = (await sandbox.eval(
      '{"__proto__" => {"polluted" => true}, constructor: 1, "toString" => 2}',
    )) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: true });
    expect(value.constructor).toBe(1);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("maps a hash with other keys to a Map", async () => {
    const value = await sandbox.eval('{1 => "one", [2] => :two, nil => 3.5}');
    expect(value).toBeInstanceOf(Map);
    expect([...(value as Map<unknown, unknown>)]).toEqual([
      [1, "one"],
      [[2], new RubySymbol("two")],
      [null, 3.5],
    ]);
  });

  it("B29 keeps nesting up to the bound", async () => {
    const value = await sandbox.eval("v = 1; 100.times { v = [v] }; v");
    let depth = 0;
    let cursor: unknown = value;
    while (Array.isArray(cursor)) {
      cursor = cursor[0];
      depth++;
    }
    expect(depth).toBe(100);
  });

  it.each([
    ["Object.new", "Object"],
    ["1..2", "Range"],
    ["-> { 1 }", "Proc"],
    ["Struct.new(:a).new(1)", undefined],
    ["[1, Object.new]", "Object"],
    ["{a: Object.new}", "Object"],
    ["a = []; a << a; a", undefined],
    ["v = 1; 200.times { v = [v] }; v", undefined],
  ])("B26 rejects the unrepresentable %s with SandboxError", async (ruby, klass) => {
    const error = await sandbox.eval(ruby).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxError);
    expect((error as SandboxError).details.kind).toBe("unrepresentable");
    if (klass) expect((error as SandboxError).klass).toBe(klass);
  });
});
