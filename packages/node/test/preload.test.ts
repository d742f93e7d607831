import { describe, expect, it } from "vitest";
import { BytecodeError, RubySymbol, Sandbox, SandboxError } from "../dist/index.js";
import { failure } from "./support.js";

describe("B02 run", () => {
  it("calls Target.call(*args, **kwargs) on a preloaded constant", async () => {
    await using sandbox = new Sandbox();
    await sandbox.preload({ code: "Adder = ->(a, b) { a + b }", name: "Adder" });
    await sandbox.preload({
      code: 'Greeter = ->(greeting = "hello", name:) { "#{greeting} #{name}" }',
    });
    await sandbox.preload({
      code: "class Scorer; def self.call(*xs, bonus: 0) = xs.inject(0, :+) + bonus; end",
    });
    expect(await sandbox.run("Adder", [2, 3])).toBe(5);
    expect(await sandbox.run("Greeter", [], { name: "world" })).toBe("hello world");
    expect(await sandbox.run("Greeter", ["hi"], { name: "you" })).toBe("hi you");
    expect(await sandbox.run("Scorer", [1, 2], { bonus: 10 })).toBe(13);
    expect(await sandbox.run("Scorer")).toBe(0);
  });

  it("keeps stdout and rejects a raise as a SandboxError", async () => {
    await using sandbox = new Sandbox();
    await sandbox.preload({ code: 'Say = ->(x) { puts x; raise "no" if x == "bad"; x }' });
    expect(await sandbox.run("Say", ["hi"])).toBe("hi");
    expect(sandbox.stdout).toBe("hi\n");
    expect(await failure(sandbox.run("Say", ["bad"]))).toBeInstanceOf(SandboxError);
  });
});

describe("B03 run targets", () => {
  it.each(["", "adder", "A::B", "::A", "A-B", "A.b", " A"])(
    "rejects %j before dispatch",
    async (target) => {
      await using sandbox = new Sandbox();
      await expect(sandbox.run(target)).rejects.toThrow(TypeError);
      expect(sandbox.sealed).toBe(false);
    },
  );

  it("rejects malformed args and kwargs before dispatch", async () => {
    await using sandbox = new Sandbox();
    await expect(sandbox.run("A", "x" as unknown as unknown[])).rejects.toThrow(TypeError);
    await expect(
      sandbox.run("A", [], new Map() as unknown as Record<string, unknown>),
    ).rejects.toThrow(TypeError);
  });
});

describe("B04 run on a missing or uncallable constant", () => {
  it("is a SandboxError", async () => {
    await using sandbox = new Sandbox();
    await sandbox.preload({ code: "Plain = 42" });
    const missing = await failure(sandbox.run("Missing"));
    expect(missing).toBeInstanceOf(SandboxError);
    expect(missing.klass).toBe("NameError");
    const uncallable = await failure(sandbox.run("Plain"));
    expect(uncallable).toBeInstanceOf(SandboxError);
    expect(uncallable.klass).toBe("NoMethodError");
  });
});

describe("B40 source snippets", () => {
  it("compile at preload time: a syntax error rejects there and the snippet is dropped", async () => {
    await using sandbox = new Sandbox();
    const error = await failure(sandbox.preload({ code: "def broken(", name: "broken.rb" }));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.klass).toBe("SyntaxError");
    expect(error.details.kind).toBe("syntax");
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("a snippet that raises while replaying fails every invocation with its name", async () => {
    await using sandbox = new Sandbox();
    await sandbox.preload({ code: "raise 'snippet failed'", name: "boot.rb" });
    const error = await failure(sandbox.eval("1"));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.details).toEqual({ kind: "snippet", snippet: "boot.rb" });
    expect(error.message).toBe("snippet failed");
  });

  it("rejects malformed snippets", async () => {
    await using sandbox = new Sandbox();
    for (const snippet of [
      {},
      { code: 1 },
      { code: "1", binary: new Uint8Array() },
      { code: "1", name: "" },
    ]) {
      await expect(sandbox.preload(snippet as never)).rejects.toThrow(TypeError);
    }
  });
});

describe("B41 bytecode snippets", () => {
  it("are accepted as is and validated at the first invocation: BytecodeError", async () => {
    await using sandbox = new Sandbox();
    await sandbox.preload({ binary: Uint8Array.of(1, 2, 3, 4), name: "junk.mrb" });
    const error = await failure(sandbox.eval("1"));
    expect(error).toBeInstanceOf(BytecodeError);
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.details).toMatchObject({ kind: "bytecode", snippet: "junk.mrb" });
  });
});

describe("B42 snippet order", () => {
  it("snippets replay in insertion order on every invocation; later ones see earlier ones", async () => {
    await using sandbox = new Sandbox();
    const order = [
      sandbox.preload({ code: "LOG = [:first]" }),
      sandbox.preload({ code: "LOG << :second; Base = 10" }),
      sandbox.preload({ binary: await sandbox.compile("LOG << :third; Derived = Base + 1") }),
    ];
    await Promise.all(order);
    expect(await sandbox.eval("LOG.push(:script); [LOG, Derived]")).toEqual([
      [
        new RubySymbol("first"),
        new RubySymbol("second"),
        new RubySymbol("third"),
        new RubySymbol("script"),
      ],
      11,
    ]);
    expect(await sandbox.eval("LOG.size")).toBe(3);
  });
});

describe("B43 compile", () => {
  it("returns RITE bytes that preload({ binary }) accepts", async () => {
    await using sandbox = new Sandbox();
    const rite = await sandbox.compile("Triple = ->(x) { x * 3 }");
    expect(rite).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(rite.subarray(0, 4))).toBe("RITE");
    await sandbox.preload({ binary: rite, name: "triple.mrb" });
    expect(await sandbox.run("Triple", [4])).toBe(12);
    const error = await failure(sandbox.compile("1 +"));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.klass).toBe("SyntaxError");
  });

  it("bytecode compiled by one sandbox runs in another", async () => {
    await using compiler = new Sandbox();
    await using runner = new Sandbox();
    await runner.preload({ binary: await compiler.compile("def shout(s) = s.upcase") });
    expect(await runner.eval('shout("hi")')).toBe("HI");
  });
});

describe("B41 byte inputs are copied when they are given", () => {
  it("a Buffer or any other view given to preload({ binary }) is copied at once", async () => {
    await using compiler = new Sandbox();
    const rite = await compiler.compile("Answer = 42");
    for (const make of [
      (bytes: Uint8Array) => Buffer.from(bytes),
      (bytes: Uint8Array) => new DataView(bytes.slice().buffer),
      (bytes: Uint8Array) => bytes.slice(),
    ]) {
      await using sandbox = new Sandbox();
      const view = make(rite);
      await sandbox.preload({ binary: view, name: "answer.mrb" });
      new Uint8Array(view.buffer, view.byteOffset, view.byteLength).fill(0);
      expect(await sandbox.eval("Answer")).toBe(42);
    }
  });

  it("run arguments are encoded at the call, not when the call's turn comes", async () => {
    await using sandbox = new Sandbox();
    await sandbox.preload({ name: "Size", code: "Size = ->(s) { s.bytes.sum }" });
    const ahead = sandbox.eval("x = 0; 200_000.times { x += 1 }; x");
    const bytes = Buffer.from([1, 2, 3]);
    const queued = sandbox.run("Size", [bytes]);
    bytes.fill(100);
    await ahead;
    expect(await queued).toBe(6);
  });
});
