// B51 B66: output floods are clipped exactly at the caps, flagged, and never slow the host down.
import { describe, expect, it } from "vitest";
import { Sandbox, TimeoutError } from "../../dist/index.js";
import { failure } from "../support.js";

describe("B51 B66 output floods", () => {
  it("a flood of small writes to both streams is clipped exactly at each cap", async () => {
    await using sandbox = new Sandbox({ stdoutLimit: 1000, stderrLimit: 333, timeout: 10_000 });
    await sandbox.eval('200_000.times { print "ab"; $stderr.print "c" }');
    expect(sandbox.stdout).toBe("ab".repeat(500));
    expect(sandbox.stderr).toBe("c".repeat(333));
    expect([sandbox.stdoutTruncated, sandbox.stderrTruncated]).toEqual([true, true]);
  });

  it("one huge write is clipped at the default 1 MiB", async () => {
    await using sandbox = new Sandbox({ memoryLimit: 16 << 20 });
    await sandbox.eval("$stdout.write('w' * 10_000_000); warn('v' * 3_000_000)");
    expect(sandbox.stdout.length).toBe(1 << 20);
    expect(sandbox.stderr.length).toBe(1 << 20);
    expect(sandbox.stdout.startsWith("www")).toBe(true);
    expect([sandbox.stdoutTruncated, sandbox.stderrTruncated]).toEqual([true, true]);
  });

  it("every output method is capped, p and printf included", async () => {
    await using sandbox = new Sandbox({ stdoutLimit: 64 });
    await sandbox.eval(
      "s = 'q' * 40\np s\nprintf('%s', s)\nputs s\n$stdout << s\n$stdout.puts s\nputc 'x'",
    );
    expect(sandbox.stdout).toBe(`"${"q".repeat(40)}"\n${"q".repeat(21)}`);
    expect(sandbox.stdoutTruncated).toBe(true);
  });

  it("binary and invalid UTF-8 output is decoded with replacement characters", async () => {
    await using sandbox = new Sandbox({ stdoutLimit: 5 });
    await sandbox.eval('print "\\xff\\xfe\\x00ok!"');
    expect(sandbox.stdout).toBe("\ufffd\ufffd\u0000ok");
    expect(sandbox.stdoutTruncated).toBe(true);
  });

  it("a flood that runs into the timeout keeps what was written, capped", async () => {
    await using sandbox = new Sandbox({ timeout: 200, stdoutLimit: 4096 });
    const error = await failure(sandbox.eval('loop { puts "flood" }'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(sandbox.stdout).toBe("flood\n".repeat(700).slice(0, 4096));
    expect(sandbox.stdoutTruncated).toBe(true);
  });

  it("the next invocation starts with empty output and cleared flags", async () => {
    await using sandbox = new Sandbox({ stdoutLimit: 10 });
    await sandbox.eval("print 'x' * 100");
    await sandbox.eval("print 'y'");
    expect([sandbox.stdout, sandbox.stdoutTruncated]).toEqual(["y", false]);
  });
});
