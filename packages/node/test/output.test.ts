import { describe, expect, it } from "vitest";
import { RubySymbol, Sandbox } from "../dist/index.js";

describe("B50 output", () => {
  it("captures puts, print, p, printf, <<, $stdout.write", async () => {
    await using sandbox = new Sandbox();
    await sandbox.eval(
      'puts "a"; print "b", "c"; p :d; printf("%03d\\n", 7); $stdout << "e" << "f"; $stdout.write("g")',
    );
    expect(sandbox.stdout).toBe("a\nbc:d\n007\nefg");
    expect(sandbox.stderr).toBe("");
  });

  it("captures $stderr.puts and warn", async () => {
    await using sandbox = new Sandbox();
    await sandbox.eval('$stderr.puts "x"; warn "y"; $stderr.print "z"');
    expect(sandbox.stderr).toBe("x\ny\nz");
    expect(sandbox.stdout).toBe("");
  });

  it("clears both when the next invocation starts", async () => {
    await using sandbox = new Sandbox();
    await sandbox.eval('puts "1"; warn "2"');
    await sandbox.eval("nil");
    expect([sandbox.stdout, sandbox.stderr]).toEqual(["", ""]);
  });

  it("keeps output written before a raise", async () => {
    await using sandbox = new Sandbox();
    await expect(sandbox.eval('puts "before"; raise "x"')).rejects.toThrow("x");
    expect(sandbox.stdout).toBe("before\n");
  });

  it("decodes UTF-8", async () => {
    await using sandbox = new Sandbox();
    await sandbox.eval('puts "日本語 ✓"');
    expect(sandbox.stdout).toBe("日本語 ✓\n");
  });
});

describe("B51 caps", () => {
  it("clips stdout exactly at stdoutLimit and flags it; the script runs on", async () => {
    await using sandbox = new Sandbox({ stdoutLimit: 10 });
    expect(await sandbox.eval('print "0123456789abc"; puts "more"; :done')).toEqual(
      new RubySymbol("done"),
    );
    expect(sandbox.stdout).toBe("0123456789");
    expect(sandbox.stdoutTruncated).toBe(true);
    expect(sandbox.stderrTruncated).toBe(false);
  });

  it("does not flag output of exactly the cap", async () => {
    await using sandbox = new Sandbox({ stdoutLimit: 4, stderrLimit: 3 });
    await sandbox.eval('print "abcd"; $stderr.print "xyz"');
    expect([sandbox.stdout, sandbox.stdoutTruncated]).toEqual(["abcd", false]);
    expect([sandbox.stderr, sandbox.stderrTruncated]).toEqual(["xyz", false]);
  });

  it("clips stderr at stderrLimit, across many writes", async () => {
    await using sandbox = new Sandbox({ stderrLimit: 1000 });
    await sandbox.eval('10_000.times { $stderr.print "ab" }');
    expect(sandbox.stderr).toBe("ab".repeat(500));
    expect(sandbox.stderrTruncated).toBe(true);
  });

  it("drops all output with a cap of 0", async () => {
    await using sandbox = new Sandbox({ stdoutLimit: 0 });
    await sandbox.eval('puts "x"');
    expect([sandbox.stdout, sandbox.stdoutTruncated]).toEqual(["", true]);
  });

  it("caps a flood at the 1 MiB default", async () => {
    await using sandbox = new Sandbox();
    await sandbox.eval('s = "x" * 65536; 40.times { print s }');
    expect(sandbox.stdout.length).toBe(1 << 20);
    expect(sandbox.stdoutTruncated).toBe(true);
  });
});
