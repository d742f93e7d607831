// Recursion depth: Ruby calling Ruby goes about as deep as in CRuby, and recursion that nests C
// frames (a block of `join`, a Hash default proc, `inspect`) ends as a rescuable SystemStackError
// before the guest's 1 MiB C stack runs out, never as a trap.
import { describe, expect, it } from "vitest";
import { Sandbox, SandboxError } from "../dist/index.js";
import { failure } from "./support.js";

describe("recursion depth", () => {
  it("a recursive method 5000 calls deep answers as CRuby does", async () => {
    await using sandbox = new Sandbox();
    expect(await sandbox.eval("def s(n) = n.zero? ? 0 : n + s(n - 1)\ns(5000)")).toBe(12_502_500);
    expect(
      await sandbox.eval(
        "def walk(node) = node ? 1 + walk(node[:next]) : 0\n" +
          "list = nil\n3000.times { |i| list = { value: i, next: list } }\nwalk(list)",
      ),
    ).toBe(3000);
  });

  it.each([
    ["a Hash default proc", "h = Hash.new { |hash, k| hash[k + 1] }\nh[0]"],
    ["to_s through join", 'class B; def to_s = "#{[self].join}"; end\nB.new.to_s'],
    ["inspect through Array#inspect", "class A; def inspect = [self].inspect; end\nA.new.inspect"],
    ["<=> through Array#<=>", "class C; def <=>(o) = [self] <=> [o]; end\nC.new <=> C.new"],
    ["a block through each", "def g = [1].each { g }\ng"],
  ])(
    "runaway recursion through %s is SystemStackError, and the sandbox stays usable",
    async (_, source) => {
      await using sandbox = new Sandbox();
      const error = await failure(sandbox.eval(source));
      expect(error).toBeInstanceOf(SandboxError);
      expect(error.klass).toBe("SystemStackError");
      expect(error.message).toBe("stack level too deep");
      expect(await sandbox.eval("1 + 1")).toBe(2);
    },
  );

  it("the script can rescue it and carry on", async () => {
    await using sandbox = new Sandbox();
    const source =
      "h = Hash.new { |hash, k| hash[k + 1] }\n" +
      "begin\n  h[0]\nrescue SystemStackError => e\n  [e.class.name, e.message, [1, 2].sum]\nend";
    expect(await sandbox.eval(source)).toEqual(["SystemStackError", "stack level too deep", 3]);
  });
});
