// B67: an exception keeps its class and the fact that it raised whatever the size of its message
// (the guest clips messages to 64 KiB and names and backtrace lines to 1 KiB). B60: each way an
// invocation ends says what happened.
import { describe, expect, it } from "vitest";
import { Sandbox, SandboxError, ServiceError, TimeoutError } from "../../dist/index.js";
import { failure } from "../support.js";

const CLIP = 64 << 10;

describe("B67 oversized exceptions keep their class", () => {
  it("a 17 MiB message is clipped, the class and kind stay", async () => {
    await using sandbox = new Sandbox({ memoryLimit: 64 << 20 });
    const error = await failure(sandbox.eval('raise ArgumentError, "y" * (17 << 20)'));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.klass).toBe("ArgumentError");
    expect(error.details.kind).toBe("raise");
    expect(error.message).toBe(`${"y".repeat(CLIP)}…`);
  });

  it("a clipped message stays valid UTF-8, and long backtrace lines are clipped", async () => {
    await using sandbox = new Sandbox({ memoryLimit: 64 << 20 });
    const error = await failure(
      sandbox.eval(
        'n = ("a" * 5000).to_sym; self.class.define_method(n) { raise TypeError, "deep" }; send(n)',
      ),
    );
    expect(error.klass).toBe("TypeError");
    expect(error.backtraceLines[0]).toBe(`(eval):1:in ${"a".repeat(1024 - 12)}…`);
    const wide = await failure(sandbox.eval(`raise RangeError, "x" + "é" * ${CLIP}`));
    expect(wide.klass).toBe("RangeError");
    expect(wide.message).not.toMatch(/\uFFFD/);
    expect(wide.message.endsWith("é…")).toBe(true);
  });

  it("a block's oversized exception through a service keeps its class", async () => {
    await using sandbox = new Sandbox({ memoryLimit: 64 << 20 });
    sandbox.define("Svc").bind("Yield", (block: () => Promise<unknown>) => block());
    const error = await failure(
      sandbox.eval('Svc::Yield.call { raise IndexError, "z" * (17 << 20) }'),
    );
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.klass).toBe("IndexError");
    expect(error.message.length).toBe(CLIP + 1);
  });
});

describe("B60 each outcome says what happened", () => {
  it("a script that rescues its TimeoutError is not said to wait on a service", async () => {
    await using sandbox = new Sandbox({ timeout: 300 });
    const error = await failure<TimeoutError>(
      sandbox.eval("begin; loop {}; rescue Exception; retry; end"),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).not.toMatch(/service/);
    expect(error.message).toMatch(/timeout of 300 ms.*rescued its Kobako::TimeoutError/);
    expect(error.klass).toBe("Kobako::TimeoutError");
    expect(error.details).toMatchObject({ kind: "timeout", hard: false, how: "rescued" });
  });

  it("a timeout while waiting on a service says so", async () => {
    await using sandbox = new Sandbox({ timeout: 200 });
    sandbox.define("Svc").bind("Hang", () => new Promise(() => {}));
    const error = await failure<TimeoutError>(sandbox.eval("Svc::Hang.call"));
    expect(error.message).toMatch(/timeout of 200 ms while the script waited on a service/);
    expect(error.details).toMatchObject({ how: "waiting" });
  });

  it("a plain runaway says it was stopped at a deadline check", async () => {
    await using sandbox = new Sandbox({ timeout: 200 });
    const error = await failure<TimeoutError>(sandbox.eval("loop {}"));
    expect(error.message).toMatch(/stopped at its next deadline check/);
  });

  it("a service failure is linked by id, even when messages repeat", async () => {
    await using sandbox = new Sandbox();
    const first = new Error("same");
    let calls = 0;
    sandbox.define("Svc").bind("Fail", () => {
      calls++;
      throw calls === 1 ? first : new Error("same");
    });
    const error = await failure<ServiceError>(
      sandbox.eval(
        "e = begin; Svc::Fail.call; rescue => x; x; end; Svc::Fail.call rescue nil; raise e",
      ),
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.cause).toBe(first);
  });
});
