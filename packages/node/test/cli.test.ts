import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

function kobako(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    input,
    timeout: 20_000,
    maxBuffer: 16 << 20,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("kobako CLI", () => {
  it("runs -e, prints output and then the value", () => {
    const run = kobako(["-e", 'puts "hi"; [1, 2.5, nil, "x", {a: 1}]']);
    expect(run).toEqual({ status: 0, stdout: 'hi\n[1, 2.5, nil, "x", {"a" => 1}]\n', stderr: "" });
  });

  it("joins several -e as lines", () => {
    expect(kobako(["-e", "a = 2", "-e", "a * 21"]).stdout).toBe("42\n");
  });

  it("runs a file", () => {
    const dir = mkdtempSync(join(tmpdir(), "kobako-cli-"));
    try {
      const file = join(dir, "script.rb");
      writeFileSync(file, 'warn "careful"\n:done\n');
      expect(kobako([file])).toEqual({ status: 0, stdout: ":done\n", stderr: "careful\n" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs standard input with -", () => {
    expect(kobako(["-"], "print 1\n{1 => 2}\n")).toEqual({
      status: 0,
      stdout: "1{1 => 2}\n",
      stderr: "",
    });
  });

  it("exits 1 with the error class, message and backtrace on a raise", () => {
    const run = kobako(["-e", 'puts "before"\nraise ArgumentError, "bad"']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("before\n");
    expect(run.stderr).toMatch(/^ArgumentError: bad \(SandboxError\)\n\tfrom \(eval\):2/);
  });

  it("exits 1 on a syntax error and on a timeout", () => {
    expect(kobako(["-e", "1 +"]).stderr).toMatch(/SyntaxError: .* \(SandboxError\)/);
    const timeout = kobako(["--timeout", "200", "-e", "loop {}"]);
    expect(timeout.status).toBe(1);
    expect(timeout.stderr).toMatch(
      /^Kobako::TimeoutError: the invocation ran past its timeout of 200 ms: .* \(TimeoutError\)/,
    );
  });

  it("B61 caps memory at 4 MiB by default; --memory-limit changes or lifts it", () => {
    const bomb = 's = "x" * 6_000_000; s.size';
    const capped = kobako(["-e", bomb]);
    expect(capped.status).toBe(1);
    expect(capped.stderr).toMatch(
      /^NoMemoryError: .*memoryLimit of 4194304 bytes \(MemoryLimitError\)/,
    );
    expect(kobako(["--memory-limit", "16000000", "-e", bomb]).stdout).toBe("6000000\n");
    expect(kobako(["--memory-limit", "none", "-e", bomb]).stdout).toBe("6000000\n");
    expect(kobako(["--memory-limit", "0", "-e", "1"]).status).toBe(2);
  });

  it("prints help", () => {
    const run = kobako(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: kobako/);
  });

  it.each([
    [[], /no program given/],
    [["-e"], /-e needs a value/],
    [["--nope"], /unknown option --nope/],
    [["-e", "1", "file.rb"], /not both/],
    [["a.rb", "b.rb"], /unexpected argument b.rb/],
    [["/nonexistent/x.rb"], /cannot read/],
  ])("reports usage errors %j with exit 2", (args, message) => {
    const run = kobako(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("says so when output was truncated", () => {
    const run = kobako(["-e", 's = "x" * 65536; 20.times { print s }; nil']);
    expect(run.stdout.length).toBe((1 << 20) + "nil\n".length);
    expect(run.stderr).toBe("kobako: stdout was truncated\n");
  });
});
