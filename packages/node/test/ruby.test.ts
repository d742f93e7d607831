import { afterAll, describe, expect, it } from "vitest";
import { RubySymbol, Sandbox, SandboxError } from "../dist/index.js";
import { failure } from "./support.js";

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

describe("B70 Regexp follows Ruby syntax and semantics (Oniguruma)", () => {
  it.each([
    ["'hello world' =~ /wor/", 6],
    ["'Hello' =~ /hello/i", 0],
    ['/a.c/m.match?("a\\nc")', true],
    ["/ a b /x.match?('ab')", true],
    ["'x' =~ /y/", null],
    [
      "m = 'on 2024-05 ok'.match(/(?<y>\\d+)-(?<m>\\d+)/); [m[0], m[:y], m['m'], m.pre_match, m.post_match]",
      ["2024-05", "2024", "05", "on ", " ok"],
    ],
    ["'a1b22' =~ /(\\d+)/; [$~[0], $1, $~.begin(0)]", ["1", "1", 1]],
    ["/(?<word>\\w+)/.match('hi there').named_captures", { word: "hi" }],
    ["'a1b22c333'.scan(/\\d+/)", ["1", "22", "333"]],
    [
      "'a1b22'.scan(/([a-z])(\\d+)/)",
      [
        ["a", "1"],
        ["b", "22"],
      ],
    ],
    ["'hello world'.gsub(/o/, '0')", "hell0 w0rld"],
    ["'hello'.gsub(/l+/) { |s| s.upcase }", "heLLo"],
    ["'John Smith'.sub(/(\\w+) (\\w+)/, '\\\\2, \\\\1')", "Smith, John"],
    ["'cat hat'.gsub(/[ch]at/, 'cat' => 'dog', 'hat' => 'cap')", "dog cap"],
    ["'a, b,c ,d'.split(/\\s*,\\s*/)", ["a", "b", "c", "d"]],
    ["'a1b2c'.split(/(\\d)/)", ["a", "1", "b", "2", "c"]],
    ["'héllo wörld' =~ /w/", 6],
    ["Regexp.escape('a.b*c?')", "a\\.b\\*c\\?"],
    ["case 'abc' when /b/ then :yes else :no end", new RubySymbol("yes")],
    ["'foo bar'[/b(a)r/, 1]", "a"],
    ["[/ab/i.source, /ab/i.inspect, /ab/mix.to_s]", ["ab", "/ab/i", "(?mix:ab)"]],
  ])("%s", async (source, expected) => {
    expect(await sandbox.eval(source)).toEqual(expected);
  });

  it("an invalid pattern is a RegexpError", async () => {
    const error = await failure<SandboxError>(sandbox.eval("Regexp.new('(')"));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.klass).toBe("RegexpError");
  });
});

describe("B71 no file, socket, process or environment access exists in the guest", () => {
  it.each(["File", "IO", "Dir", "Socket", "Process", "ENV", "ARGV"])(
    "%s is not defined",
    async (name) => {
      expect(await sandbox.eval(`Object.const_defined?(:${name})`)).toBe(false);
    },
  );

  it.each(["exit", "system('ls')", "`ls`", "open('/etc/passwd')", "sleep 1"])(
    "%s raises",
    async (source) => {
      const error = await failure<SandboxError>(sandbox.eval(source));
      expect(error).toBeInstanceOf(SandboxError);
      expect(error.klass).toMatch(/NoMethodError|NameError|NotImplementedError/);
    },
  );

  it.each(["socket", "fileutils", "open3", "net/http"])(
    "require '%s' is a LoadError",
    async (name) => {
      const error = await failure<SandboxError>(sandbox.eval(`require '${name}'`));
      expect(error).toBeInstanceOf(SandboxError);
      expect(error.klass).toBe("LoadError");
      expect(error.message).toBe(`cannot load such file -- ${name}`);
    },
  );
});
