// Issue 12: the guest computes what CRuby computes with integers and floats — exact 64-bit
// integers (mruby 3.3 without boxing), big integers past them, correctly rounded float literals
// and Float#to_s in CRuby's shortest round-trip form. Expected values are CRuby 3.4's answers.
import { afterAll, describe, expect, it } from "vitest";
import { MemoryLimitError, Sandbox } from "../dist/index.js";
import { failure } from "./support.js";

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

describe("integers compare exactly beyond 2^30", () => {
  it.each([
    ["1_704_067_200 == 1_704_067_200", true],
    ["10**10 > 10**9", true],
    ["ts = 1_704_067_200; [ts].include?(ts)", true],
    ['"abc".hash == "abc".dup.hash', true],
    ["2**40 <=> 2**40 + 1", -1],
    ["{1_704_067_200 => 'a'}[1_704_067_200]", "a"],
    ["[3_000_000_000, 2_000_000_000].max", 3_000_000_000],
    ["[(2**62).class, (2**64).class].map(&:to_s)", ["Integer", "Integer"]],
    ["1 > 2**64", false],
    ["[2**64, 1].max", 2n ** 64n],
    ["[2**64, 1, -(2**70), 2**63].sort", [-(2n ** 70n), 1, 2n ** 63n, 2n ** 64n]],
    ["2**64 == 2.0**64", true],
    ["(2**53 + 1) <=> 2.0**53", 1],
    ["2.0**53 <=> 2**53 + 1", -1],
    ["(2**64 + 1) <=> 2.0**64", 1],
    ["(2**60 + 1).send(:>, 2**60)", true],
  ])("%s", async (source, expected) => {
    expect(await sandbox.eval(source)).toEqual(expected);
  });
});

describe("copies of numbers keep their value", () => {
  it.each([
    ["1.5.dup", 1.5],
    ["1.5.clone", 1.5],
    ["(2**40).dup", 2 ** 40],
    ["(2**40).clone", 2 ** 40],
    ["(2**70).dup", 2n ** 70n],
  ])("%s", async (source, expected) => {
    expect(await sandbox.eval(source)).toBe(expected);
  });
});

describe("big integers", () => {
  it.each([
    ["2**64", 2n ** 64n],
    ["-(2**64)", -(2n ** 64n)],
    ["(1..30).inject(:*)", 265252859812191058636308480000000n],
    ["1e20.to_i", 100000000000000000000n],
    ["2**64 - 2**64 + 1", 1],
    ["(2**64).to_s", "18446744073709551616"],
    ["(2**100) / (2**90)", 1024],
    ["9_223_372_036_854_775_807 + 1", 2n ** 63n],
    ["-9_223_372_036_854_775_808 - 1", -(2n ** 63n) - 1n],
    ["3_037_000_500 * 3_037_000_500", 9223372037000250000n],
    ['Integer("18446744073709551616")', 2n ** 64n],
    ["(2**64) / 2.0", 9.223372036854776e18],
    ["[(2**64) % -7.0, (-(2**64)) % 7.0, (2**64) % 7.0].inspect", "[-5.0, 5.0, 2.0]"],
    ["begin; (2**64).to_r; rescue RangeError; 'range'; end", "range"],
  ])("%s", async (source, expected) => {
    expect(await sandbox.eval(source)).toBe(expected);
  });

  it("cross to the host as bigint and back from it", async () => {
    await using box = new Sandbox();
    box.define("Host").bind("Echo", (x: unknown) => x);
    await box.preload({
      name: "Twice",
      code: "Twice = ->(x) { [x * 2, x.class.to_s, Host::Echo.call(x)] }",
    });
    const big = 3n ** 100n;
    expect(await box.run("Twice", [big])).toEqual([big * 2n, "Integer", big]);
    expect(await box.run("Twice", [-(2n ** 64n)])).toEqual([-(2n ** 65n), "Integer", -(2n ** 64n)]);
    expect(await box.run("Twice", [2n ** 63n])).toEqual([2n ** 64n, "Integer", 2n ** 63n]);
  });
});

describe("rounding to tens and hundreds", () => {
  it.each([
    ["1234.round(-2)", 1200],
    ["1250.round(-2)", 1300],
    ["-1250.round(-2)", -1300],
    ["1249.round(-1)", 1250],
    ["(2**64 + 50).round(-2)", 18446744073709551700n],
  ])("%s", async (source, expected) => {
    expect(await sandbox.eval(source)).toBe(expected);
  });
});

describe("floats as CRuby reads and prints them", () => {
  it.each([
    ["0.1 + 0.2 == 0.3", false],
    ["0.1 + 0.2", 0.30000000000000004],
    ["0.3", 0.3],
    ["2.675", 2.675],
    ["1e23", 1e23],
    ['"0.3".to_f == 0.3', true],
    ["Math::PI.to_s", "3.141592653589793"],
    ["(0.1 + 0.2).to_s", "0.30000000000000004"],
    ["9999999999999998.0.to_s", "9.999999999999998e+15"],
    [
      "[1e15, 1e14, 0.0001, 0.00001, 1.5e-7].map(&:to_s)",
      ["1.0e+15", "100000000000000.0", "0.0001", "1.0e-05", "1.5e-07"],
    ],
    [
      "[100.0, -0.0, 1.0/3, 5e-324, 1e100].inspect",
      "[100.0, -0.0, 0.3333333333333333, 5.0e-324, 1.0e+100]",
    ],
    ['"#{2.5} #{1e20}"', "2.5 1.0e+20"],
    ['format("%.2f %.0f %.0f", 0.125, 0.5, 2.5)', "0.12 0 2"],
    [
      'format("%06.2f|%+.1f|%-6.1f|%.3e", -1.5, 2.25, 3.14159, 12345.678)',
      "-01.50|+2.2|3.1   |1.235e+04",
    ],
  ])("%s", async (source, expected) => {
    expect(await sandbox.eval(source)).toEqual(expected);
  });
});

describe("fibers under a memory limit", () => {
  it("a loop that makes fibers forever ends as MemoryLimitError, not a trap", async () => {
    await using box = new Sandbox({ memoryLimit: 1 << 20, timeout: 10_000 });
    const error = await failure(box.eval("a = []; loop { a << Fiber.new { 1 } }"));
    expect(error).toBeInstanceOf(MemoryLimitError);
    expect(await box.eval("Fiber.new { 6 * 7 }.resume")).toBe(42);
  });

  it("so does it under the default caps", async () => {
    await using box = new Sandbox({ timeout: 10_000 });
    expect(await failure(box.eval("a = []; loop { a << Fiber.new { 1 } }"))).toBeInstanceOf(
      MemoryLimitError,
    );
  });
});

describe("random integers over 64-bit ranges", () => {
  // mruby drew one 32-bit number modulo the bound: rand(2**40) never reached 2**32.
  it.each([
    ["rand", "Array.new(64) { rand(2**40) }"],
    ["Random.rand", "Array.new(64) { Random.rand(2**40) }"],
    ["Random.new", "r = Random.new(7); Array.new(64) { r.rand(2**40) }"],
  ])("%s(2**40) reaches past 2**32 and stays below 2**40", async (_name, source) => {
    const draws = (await sandbox.eval(source)) as number[];
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 40)).toBe(true);
    // Each draw is below 2**32 with probability 2**-8: all 64 of them, 2**-512.
    expect(Math.max(...draws)).toBeGreaterThan(2 ** 32);
  });

  it("rand(2**63 - 1) covers the whole int64 range", async () => {
    const draws = (await sandbox.eval("Array.new(16) { rand(2**63 - 1) }")) as (number | bigint)[];
    expect(draws.some((x) => BigInt(x) > 2n ** 62n)).toBe(true);
  });
});

describe("a big Integer with a Rational", () => {
  // mruby's Rational holds 64-bit parts only (Rational(2**70, 3) is a RangeError), and the big
  // Integer's arithmetic took the Rational's integer part: (2**70) + 1/2r answered 2**70.
  it.each([
    "(2**70) + Rational(1, 2)",
    "(2**70) * Rational(1, 2)",
    "(2**70) - 1/2r",
    "(2**70) / 1/3r",
  ])("%s is a RangeError, not a silently wrong Integer", async (source) => {
    const error = await failure(sandbox.eval(source));
    expect(error).toMatchObject({ klass: "RangeError", message: "integer overflow in rational" });
  });

  it("== between a big Integer and a Rational or a Complex answers, both ways", async () => {
    // Each side asked the other back: SystemStackError.
    expect(
      await sandbox.eval(
        "b = 2**70; [b == 1/2r, 1/2r == b, b == Complex(1, 1), Complex(1, 1) == b, b == Complex(2**70, 0), [b].include?(1/2r)]",
      ),
    ).toEqual([false, false, false, false, true, false]);
  });

  it("small Integers with a Rational stay exact", async () => {
    expect(await sandbox.eval("[(5 + 1/2r).inspect, (2**62 * 1/4r).inspect]")).toEqual([
      "(11/2)",
      "(1152921504606846976/1)",
    ]);
  });
});
