// The in-thread mode (createInThreadPlatform): the guest runs on the test's own thread, as on
// hosts without workers (workerd). Node has no JSPI, so async services wait by replay here.
import { readFile } from "node:fs/promises";
import { createInThreadPlatform as coreInThreadPlatform } from "@kobako/core";
import { describe, expect, it } from "vitest";
import {
  createInThreadPlatform,
  MemoryLimitError,
  RubySymbol,
  Sandbox,
  SandboxError,
  ServiceError,
  TimeoutError,
} from "../dist/index.js";
import { failure } from "./support.js";

const platform = createInThreadPlatform();

function sandbox(options: ConstructorParameters<typeof Sandbox>[0] = {}): Sandbox {
  return new Sandbox({ timeout: 5_000, ...options }, platform);
}

type Block = (...args: unknown[]) => Promise<unknown>;

describe("the in-thread mode", () => {
  it("says where the guest runs and how it waits on async services", async () => {
    expect(platform.threading).toBe("in-thread");
    // Node has no JS Promise Integration: async services wait by replay.
    expect(platform.channel).toBe("replay");
    await using box = sandbox();
    expect(box.threading).toBe("in-thread");
    await using pooled = new Sandbox();
    expect(pooled.threading).toBe("worker");
    expect(createInThreadPlatform({ channel: "jspi" }).channel).toBe("jspi");
  });

  it("accepts a WebAssembly.Module from the host (core's platform, no file access)", async () => {
    const bytes = await readFile(new URL("../dist/kobako.wasm", import.meta.url));
    const module = await WebAssembly.compile(bytes);
    await using box = new Sandbox({}, coreInThreadPlatform({ module }));
    // (This package bundles core: the symbol is core's class, not this package's.)
    expect(await box.eval('[1, 2.5, "s", :sym.to_s, nil, true, {a: 1}]')).toEqual([
      1,
      2.5,
      "s",
      "sym",
      null,
      true,
      { a: 1 },
    ]);
    expect(() => coreInThreadPlatform({} as never)).toThrow(TypeError);
  });

  it("runs values, output, run() and preloads", async () => {
    await using box = sandbox();
    await box.preload({ name: "Double", code: "Double = ->(x) { x * 2 }" });
    expect(await box.eval('puts "hi"; 6 * 7')).toBe(42);
    expect(box.stdout).toBe("hi\n");
    expect(await box.run("Double", [21])).toBe(42);
    expect(await box.eval("[1, 2, 3].sum")).toBe(6);
  });

  it("answers sync services at once and async ones by replay, each called once", async () => {
    await using box = sandbox();
    const calls: string[] = [];
    box
      .define("KV")
      .bind("Get", (key: string) => {
        calls.push(`get ${key}`);
        return `v:${key}`;
      })
      .bind("Fetch", async (key: string) => {
        calls.push(`fetch ${key}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return key.length;
      });
    const value = await box.eval(
      'puts "once"; [KV::Get.call("a"), KV::Fetch.call("abc"), KV::Get.call("b"), KV::Fetch.call("de")]',
    );
    expect(value).toEqual(["v:a", 3, "v:b", 2]);
    expect(calls).toEqual(["get a", "fetch abc", "get b", "fetch de"]);
    expect(box.stdout).toBe("once\n");
  });

  it("makes any number of sync calls; past replay's cap only async calls fail", async () => {
    await using box = sandbox({ timeout: 20_000 });
    let calls = 0;
    box
      .define("S")
      .bind("Id", (x: unknown) => {
        calls++;
        return x;
      })
      .bind("Later", async (x: unknown) => x);
    expect(await box.eval("S::Later.call(1); n = 0; 1500.times { n += S::Id.call(1) }; n")).toBe(
      1500,
    );
    expect(calls).toBe(1500);
    const error = await failure<ServiceError>(
      box.eval("1200.times { S::Id.call(1) }; S::Later.call(2)"),
    );
    expect(error.message).toMatch(/records at most 1000 service exchanges/);
    expect(await box.eval("S::Later.call(3)")).toBe(3);
  });

  it("runs blocks for sync and async services, and break", async () => {
    await using box = sandbox();
    box
      .define("Iter")
      .bind("EachSync", (items: unknown[], block: Block) => {
        for (const item of items) void block(item);
        return items.length;
      })
      .bind("Map", async (items: unknown[], block: Block) => {
        const out: unknown[] = [];
        for (const item of items) out.push(await block(item));
        return out;
      });
    expect(
      await box.eval("seen = []; n = Iter::EachSync.call([1, 2]) { |x| seen << x }; [n, seen]"),
    ).toEqual([2, [1, 2]]);
    expect(await box.eval("Iter::Map.call([1, 2, 3]) { |x| x * 10 }")).toEqual([10, 20, 30]);
    expect(await box.eval("Iter::Map.call([1, 2, 3]) { |x| break :out if x == 2; x }")).toEqual(
      new RubySymbol("out"),
    );
  });

  it("reports Ruby errors and service errors", async () => {
    await using box = sandbox();
    box
      .define("Svc")
      .bind("Fail", () => {
        throw new TypeError("bad input");
      })
      .bind("Reject", async () => {
        throw new RangeError("too far");
      });
    const raised = await failure(box.eval('raise ArgumentError, "nope"'));
    expect(raised).toBeInstanceOf(SandboxError);
    expect(raised.klass).toBe("ArgumentError");
    const failed = await failure<ServiceError>(box.eval("Svc::Fail.call"));
    expect(failed).toBeInstanceOf(ServiceError);
    expect(failed.message).toContain("bad input");
    expect(
      await box.eval("begin; Svc::Reject.call; rescue => e; [e.class.name, e.message]; end"),
    ).toEqual(["Kobako::ServiceError", "too far"]);
  });

  it("stops loop {} at the timeout and answers the next call", async () => {
    await using box = sandbox({ timeout: 200 });
    const error = await failure<TimeoutError>(box.eval("loop {}"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(await box.eval("1 + 1")).toBe(2);
    const rescued = await failure(box.eval("begin; loop {}; rescue Exception; end; loop {}"));
    expect(rescued).toBeInstanceOf(TimeoutError);
    expect(await box.eval(":ok")).toEqual(new RubySymbol("ok"));
  });

  it.each(
    Object.entries({
      "rescue Exception, then loop again": "loop { begin; loop {}; rescue Exception; end }",
      "rescue Exception; retry": "begin\n  loop {}\nrescue Exception\n  retry\nend",
      "ensure that loops": "begin; loop {}; ensure; loop {}; end",
      "ping-pong Fibers": "f = Fiber.new { loop { Fiber.yield } }\nloop { f.resume }",
      "a block that sorts forever": "a = (1..50_000).to_a\nloop { a.sort { |x, y| y <=> x } }",
      "a loop in a block given to a service": "Svc::Each.call { loop {} }",
    }),
  )("stops a runaway that fights its deadline: %s", async (_name, source) => {
    await using box = sandbox({ timeout: 150 });
    box.define("Svc").bind("Each", (block: Block) => block(1));
    expect(await failure(box.eval(source))).toBeInstanceOf(TimeoutError);
    expect(await box.eval("3 * 3")).toBe(9);
  });

  it("stops at the timeout an async service that never answers", async () => {
    await using box = sandbox({ timeout: 200 });
    box.define("Svc").bind("Never", () => new Promise(() => {}));
    expect(await failure(box.eval("Svc::Never.call"))).toBeInstanceOf(TimeoutError);
    expect(await box.eval("2 + 2")).toBe(4);
  });

  it("holds the memory cap", async () => {
    await using box = sandbox({ memoryLimit: 4 << 20 });
    const error = await failure(box.eval('a = []; loop { a << "x" * 100_000 }'));
    expect(error).toBeInstanceOf(MemoryLimitError);
    expect(await box.eval("[1] * 3")).toEqual([1, 1, 1]);
  });

  it("holds the output caps", async () => {
    await using box = sandbox({ stdoutLimit: 10, stderrLimit: 3 });
    expect(await box.eval('puts "a" * 100; $stderr.puts "bbbbb"; :done')).toEqual(
      new RubySymbol("done"),
    );
    expect(box.stdout).toBe("aaaaaaaaaa");
    expect(box.stdoutTruncated).toBe(true);
    expect(box.stderr).toBe("bbb");
    expect(box.stderrTruncated).toBe(true);
  });

  it("survives hostile service results: throwing getters, thenables, unencodable values", async () => {
    await using box = sandbox();
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error("gotcha");
        },
        ownKeys() {
          throw new Error("gotcha");
        },
      },
    );
    box
      .define("Evil")
      .bind("Proxy", () => trap)
      .bind("Thenable", () => ({
        // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the point.
        then(resolve: (value: unknown) => void) {
          resolve("adopted");
        },
      }))
      .bind("Cyclic", () => {
        const a: unknown[] = [];
        a.push(a);
        return a;
      })
      .bind("Symbol", () => Symbol("no"));
    const value =
      await box.eval(`[Evil::Proxy, Evil::Thenable, Evil::Cyclic, Evil::Symbol].map do |s|
      begin; r = s.call; r.is_a?(String) ? r : r.class.name; rescue => e; e.class.name; end
    end`);
    expect(Array.isArray(value)).toBe(true);
    const results = value as string[];
    // A thenable is awaited like a promise; the others fail in the guest, not in the host.
    expect(results[1]).toBe("adopted");
    for (const result of [results[0], results[2], results[3]]) expect(typeof result).toBe("string");
    expect(await box.eval("1")).toBe(1);
  });

  it("serves sandboxes one after another on one instance, each from a fresh state", async () => {
    await using a = sandbox();
    await using b = sandbox();
    await a.eval("$x = 1");
    const [one, two] = await Promise.all([a.eval("defined?($x).inspect"), b.eval("7")]);
    expect(one).toBe("nil");
    expect(two).toBe(7);
  });
});
