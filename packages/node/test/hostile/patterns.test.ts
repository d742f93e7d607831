// Pattern matching and defined? are lowered by the guest's parser (patches 20 and 21): however
// deep, wide or long a pattern is, it ends as a value or a Ruby error (SyntaxError for what the
// compiler refuses, SystemStackError), never as a trap of the WebAssembly instance.
import { afterAll, describe, expect, it } from "vitest";
import { MemoryLimitError, RubySymbol, Sandbox, SandboxError } from "../../dist/index.js";

// Parsing a 20 000-alternative pattern takes more than the default 4 MiB heap.
const sandbox = new Sandbox({ timeout: 10_000, memoryLimit: 32 << 20 });
afterAll(() => sandbox.close());

const list = (n: number, item: (i: number) => string, sep = ", ") =>
  Array.from({ length: n }, (_, i) => item(i)).join(sep);

/** The value of `source`, or the class of the Ruby error it raised (a trap fails the test). */
async function outcome(source: string): Promise<unknown> {
  try {
    return await sandbox.eval(source);
  } catch (error) {
    if (error instanceof MemoryLimitError) return "MemoryLimitError";
    if (!(error instanceof SandboxError)) throw error;
    return error.klass;
  }
}

const refused = ["SyntaxError", "ScriptError", "SystemStackError", "MemoryLimitError"];

describe("hostile patterns", () => {
  it("nests as deep as real data does and refuses deeper patterns at parse time", async () => {
    const value = (n: number) => `${"[".repeat(n)}1${"]".repeat(n)}`;
    expect(
      await outcome(`case ${value(150)}\nin ${value(149).replace("1", "[a]")} then a\nend`),
    ).toBe(1);
    for (const n of [250, 3_000, 20_000]) {
      expect(refused).toContain(await outcome(`case 1\nin ${value(n)} then 1\nend`));
      expect(refused).toContain(
        await outcome(`case 1\nin ${"{a: ".repeat(n)}1${"}".repeat(n)}\nend`),
      );
    }
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("long alternatives, wide arrays and hashes and many clauses", async () => {
    expect(await outcome(`case 999\nin ${list(1_000, String, " | ")} then :hit\nend`)).toEqual(
      new RubySymbol("hit"),
    );
    expect(await outcome(`case 999\n${list(1_000, (i) => `in ${i} then ${i}`, "\n")}\nend`)).toBe(
      999,
    );
    for (const source of [
      `case 1\nin ${list(20_000, String, " | ")}\nend`,
      `case (0...5000).to_a\nin [${list(5_000, (i) => `v${i}`)}] then v1\nend`,
      `case (0...5000).to_a\nin [*, ${list(5_000, String)}, *] then 1\nend`,
      `case {}\nin {${list(3_000, (i) => `k${i}:`)}} then 1\nend`,
      `case 1\nin 1${" => a".repeat(5_000)} then a\nend`,
      `p(${list(3_000, () => "(1 in Integer)", " && ")})`,
      `x = 1\n${"case x\nin Integer then ".repeat(500)}:deep${"\nend".repeat(500)}`,
    ]) {
      const result = await outcome(source);
      if (typeof result === "string") expect(refused).toContain(result);
    }
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("deconstruct that recurses or raises is an ordinary Ruby error", async () => {
    expect(
      await outcome("class R; def deconstruct = (self in [_]) ? [1] : [2]; end\nR.new in [_]"),
    ).toBe("SystemStackError");
    expect(
      await outcome(
        "class B; def deconstruct_keys(_) = raise(ArgumentError, 'no'); end\nB.new in {a:}",
      ),
    ).toBe("ArgumentError");
    expect(await outcome("class T; def deconstruct = :nope; end\nT.new in [x]")).toBe("TypeError");
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("defined? nested deep or around anything", async () => {
    expect(await outcome(`${"defined?(".repeat(200)}x${")".repeat(200)}`)).toBe("expression");
    expect(refused).toContain(await outcome(`${"defined?(".repeat(20_000)}x${")".repeat(20_000)}`));
    expect(await outcome("defined?(raise 'x')")).toBe("method");
    expect(await outcome("defined?(zzz.foo.bar)")).toBe(null);
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });
});
