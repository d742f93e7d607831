import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as kobako from "../dist/index.js";
import { Sandbox, SandboxError, ServiceError, TimeoutError, TrapError } from "../dist/index.js";
import { failure } from "./support.js";

describe("B64 script failures", () => {
  it("a raise is a SandboxError with klass, message and backtrace", async () => {
    await using sandbox = new Sandbox();
    const error = await failure(sandbox.eval('def f = raise(ArgumentError, "bad arg")\nf'));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("SandboxError");
    expect(error.klass).toBe("ArgumentError");
    expect(error.message).toBe("bad arg");
    expect(error.backtraceLines.length).toBeGreaterThan(0);
    expect(error.backtraceLines.join("\n")).toMatch(/\(eval\)/);
    expect(error.details.kind).toBe("raise");
  });

  it("a custom exception class keeps its name", async () => {
    await using sandbox = new Sandbox();
    const error = await failure(sandbox.eval("class Oops < StandardError; end; raise Oops, 'x'"));
    expect(error.klass).toBe("Oops");
  });

  it("a syntax error is a SandboxError", async () => {
    await using sandbox = new Sandbox();
    const error = await failure(sandbox.eval("def ("));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.klass).toBe("SyntaxError");
    expect(error.details.kind).toBe("syntax");
  });

  it("runaway recursion is a SystemStackError, and the sandbox stays usable", async () => {
    await using sandbox = new Sandbox();
    const error = await failure(sandbox.eval("def f(n) = f(n + 1)\nf(0)"));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.klass).toBe("SystemStackError");
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("B65 errors are instances of the exported classes and of nothing else", async () => {
    await using sandbox = new Sandbox();
    const error = await failure(sandbox.eval("raise 'x'"));
    expect(error).toBeInstanceOf(kobako.SandboxError);
    expect(error).not.toBeInstanceOf(TrapError);
    expect(error).not.toBeInstanceOf(ServiceError);
  });

  it("exports every error class and the HandleTableExhausted alias", () => {
    const classes = [
      kobako.TrapError,
      kobako.TimeoutError,
      kobako.MemoryLimitError,
      kobako.SandboxError,
      kobako.HandleExhaustedError,
      kobako.BytecodeError,
      kobako.ServiceError,
      kobako.SetupError,
    ];
    for (const Class of classes) {
      const error = new Class("m");
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(Class.name);
    }
    expect(kobako.HandleTableExhausted).toBe(kobako.HandleExhaustedError);
    expect(new TimeoutError("t")).toBeInstanceOf(TrapError);
  });

  it("B68 a missing kobako.wasm rejects with SetupError naming the path and why", async () => {
    const missing = join(tmpdir(), "kobako-no-such-dir", "kobako.wasm");
    await using sandbox = new Sandbox({}, kobako.createPlatform({ wasmPath: missing }));
    const error = await failure(sandbox.eval("1"));
    expect(error).toBeInstanceOf(kobako.SetupError);
    expect(error).not.toBeInstanceOf(TrapError);
    expect(error.message).toMatch(
      new RegExp(`^could not load kobako.wasm from ${escapeRegExp(missing)}: ENOENT`),
    );
    expect(error.origin).toBe("host");
    expect(error.details).toMatchObject({
      kind: "setup",
      failures: [{ what: "kobako.wasm", from: missing }],
    });
  });

  it("B68 a file that is not WebAssembly rejects with SetupError, and so does the next call", async () => {
    const platform = kobako.createPlatform({ wasmPath: new URL(import.meta.url) });
    await using sandbox = new Sandbox({}, platform);
    for (let i = 0; i < 2; i++) {
      const error = await failure(sandbox.eval("1"));
      expect(error).toBeInstanceOf(kobako.SetupError);
      expect(error.message).toMatch(/^could not load kobako.wasm from \/.*errors\.test\.ts: /);
    }
  });

  it("a WebAssembly module that is not a kobako guest: the worker says why, every call", async () => {
    // The platform runs a first eval of the module on this thread before any worker gets it
    // (precompileFirstEval); that must neither throw here nor hide what the worker finds.
    const empty = await WebAssembly.compile(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0));
    await using sandbox = new Sandbox({}, kobako.createPlatform({ module: empty }));
    for (let i = 0; i < 2; i++) {
      const error = await failure(sandbox.eval("1"));
      expect(error).toBeInstanceOf(TrapError);
      expect(error.message).toMatch(/^could not start a sandbox worker: .*missing export/);
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
