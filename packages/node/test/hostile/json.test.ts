// JSON.parse and JSON.generate (the guest's own, guest/runtime/mrblib/json.rb) on hostile input:
// deep nesting, huge documents and garbage end in a Ruby exception or at the caps, never in a
// crash, and the sandbox carries on.
import { afterAll, describe, expect, it } from "vitest";
import { MemoryLimitError, Sandbox, TimeoutError } from "../../dist/index.js";
import { failure } from "../support.js";

const sandbox = new Sandbox({ timeout: 5_000 });
afterAll(() => sandbox.close());

/** The class and message of what `source` raised, rescued inside Ruby. */
async function raised(source: string): Promise<unknown> {
  return sandbox.eval(
    `begin\n${source}\nrescue Exception => e\n  [e.class.to_s, e.message[0, 60]]\nend`,
  );
}

describe("JSON on hostile input", () => {
  it("refuses nesting past max_nesting with JSON::NestingError, however deep", async () => {
    for (const depth of [101, 10_000, 300_000]) {
      expect(await raised(`JSON.parse("[" * ${depth} + "]" * ${depth})`)).toEqual([
        "JSON::NestingError",
        "nesting of 101 is too deep",
      ]);
    }
    expect(await raised(`JSON.parse('{"a":' * 5_000)`)).toEqual([
      "JSON::NestingError",
      "nesting of 101 is too deep",
    ]);
  });

  it("ends unlimited nesting (max_nesting: false) in SystemStackError, not a crash", async () => {
    const answer = (await raised(
      `JSON.parse("[" * 100_000 + "]" * 100_000, max_nesting: false)`,
    )) as string[];
    expect(answer[0]).toBe("SystemStackError");
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("refuses generating a self-referencing structure", async () => {
    expect(await raised("a = []; a << a; JSON.generate(a)")).toEqual([
      "JSON::NestingError",
      "nesting of 100 is too deep",
    ]);
  });

  it("stops a document whose values outgrow the memory cap at the cap", async () => {
    // 900 KB of text, 300 000 arrays once parsed: past the default 4 MiB cap. A long timeout, so
    // that a busy machine cannot turn the memory cap's error into a TimeoutError.
    await using patient = new Sandbox({ timeout: 60_000 });
    const error = await failure(patient.eval(`JSON.parse("[" + "[]," * 300_000 + "[]]").size`));
    expect(error).toBeInstanceOf(MemoryLimitError);
    expect(await patient.eval("JSON.parse('[1, 2]')")).toEqual([1, 2]);
  });

  it("stops parsing that runs too long at the timeout", async () => {
    await using slow = new Sandbox({ timeout: 300 });
    const error = await failure(
      slow.eval(`s = "[" + "1," * 100_000 + "1]"; loop { JSON.parse(s) }`),
    );
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("answers garbage with JSON::ParserError", async () => {
    for (const garbage of [
      '"\\u12"',
      '"\\ud800"x',
      "[1,,2]",
      "{1:2}",
      '"\\x00',
      "\\u0000",
      "-",
      "1e",
      "[\\",
    ]) {
      const answer = (await raised(`JSON.parse(${JSON.stringify(garbage)})`)) as string[];
      expect(answer[0], garbage).toBe("JSON::ParserError");
    }
    const bytes = Array.from({ length: 2_000 }, (_, i) => (i * 7919) % 256);
    const answer = (await raised(`JSON.parse([${bytes.join(",")}].pack("C*"))`)) as string[];
    expect(answer[0]).toBe("JSON::ParserError");
  });
});
