// B64 B66: garbage, binary and oversized source ends as a clear error (or a value), never a crash
// or a hang of the host.
import { afterAll, describe, expect, it } from "vitest";
import {
  MemoryLimitError,
  RubySymbol,
  Sandbox,
  SandboxError,
  TrapError,
} from "../../dist/index.js";
import { failure } from "../support.js";

/** A small seeded PRNG (mulberry32), so the garbage is the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const random = prng(0x5eed);
const chars = (length: number, range: number) =>
  Array.from({ length }, () => String.fromCharCode(Math.floor(random() * range))).join("");

const sandbox = new Sandbox({ timeout: 5_000 });
afterAll(() => sandbox.close());

/** Evaluates `source`: its value, or the error, which must be one of ours. */
async function outcome(source: string): Promise<unknown> {
  try {
    return { value: await sandbox.eval(source) };
  } catch (error) {
    expect(error instanceof SandboxError || error instanceof TrapError).toBe(true);
    return error;
  }
}

const garbage: Record<string, string> = {
  "random bytes (Latin-1)": chars(4_000, 256),
  "random UTF-16 code units, lone surrogates included": chars(4_000, 65_536),
  "NUL bytes": "\0\0\0",
  "a NUL inside an expression": "1 + \0 2",
  "control characters": chars(500, 32),
  "an unterminated string": `"${chars(1_000, 128).replace(/"/g, "")}`,
  "an unterminated heredoc": `x = <<~EOS\n${"a\n".repeat(1_000)}`,
  "an unterminated =begin": `=begin\n${chars(200, 256)}`,
  "__END__ then garbage": `__END__\n${chars(1_000, 256)}`,
  "10 000 nested parentheses": `${"(".repeat(10_000)}1${")".repeat(10_000)}`,
  "3 000 nested brackets": `${"[".repeat(3_000)}1${"]".repeat(3_000)}`,
  "5 000 nested interpolations": '"#{'.repeat(5_000),
  "a 10 MB comment": `# ${"x".repeat(10 << 20)}\n:ok`,
  "a 10 MB string literal": `'${"x".repeat(10 << 20)}'.size`,
  "2 000 000 statements": "1;".repeat(2_000_000),
};

describe("B64 B66 garbage and binary source", () => {
  it.each(Object.entries(garbage))("%s", async (_name, source) => {
    await outcome(source);
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("syntax errors are SandboxErrors with klass and a location", async () => {
    const error = (await outcome(garbage["random bytes (Latin-1)"] as string)) as SandboxError;
    expect(error).toBeInstanceOf(SandboxError);
    expect(["SyntaxError", "NoMethodError", "NameError"]).toContain(error.klass);
    const syntax = (await outcome("def (")) as SandboxError;
    expect(syntax.klass).toBe("SyntaxError");
    expect(syntax.message).toMatch(/^line 1:\d+: /);
  });

  it("a huge source is bounded by the memory cap, or parsed in bounded memory", async () => {
    expect(await outcome(garbage["a 10 MB comment"] as string)).toEqual({
      value: new RubySymbol("ok"),
    });
    expect(await outcome(garbage["2 000 000 statements"] as string)).toBeInstanceOf(
      MemoryLimitError,
    );
  });

  it("a long list of statements parses in linear time (one C call the deadline cannot stop)", async () => {
    await using fresh = new Sandbox({ timeout: 30_000 });
    expect(await fresh.eval(`${"1;".repeat(50_000)}"done"`)).toBe("done");
    // mruby 3.3 unpatched: ~1 s here, and ~4.5 s to reach the 4 MiB cap with 100 000.
    const error = await failure(fresh.eval("1;".repeat(200_000)));
    expect(error).toBeInstanceOf(MemoryLimitError);
    expect(fresh.usage.wallTime).toBeLessThan(1_500);
  });

  it("NUL ends the program as in Ruby; strings keep their NUL bytes", async () => {
    expect(await sandbox.eval("1\0raise 'unreached'")).toBe(1);
    expect(await sandbox.eval('"a\\0b"')).toBe("a\0b");
  });

  it("nothing of a process, a file system or an environment exists", async () => {
    for (const source of [
      "exit",
      "exit!",
      "abort('x')",
      "`ls`",
      "system('ls')",
      "File.read('/etc/passwd')",
      "IO.read('/etc/passwd')",
      "require 'socket'",
      "ENV['HOME']",
      "Process.pid",
      "open('/etc/passwd')",
      "at_exit { loop {} }",
      "ObjectSpace.each_object(Object) {}",
    ]) {
      const error = (await outcome(source)) as SandboxError;
      expect(error).toBeInstanceOf(SandboxError);
      // `require` of a library the guest does not carry is a LoadError, as in CRuby.
      expect(["NoMethodError", "NameError", "NotImplementedError", "LoadError"]).toContain(
        error.klass,
      );
    }
  });
});
