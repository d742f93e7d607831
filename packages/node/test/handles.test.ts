import { HandleTable } from "@kobako/core";
import { afterAll, describe, expect, it } from "vitest";
import {
  HandleExhaustedError,
  HandleTableExhausted,
  Sandbox,
  SandboxError,
  ServiceError,
} from "../dist/index.js";
import { failure } from "./support.js";

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
  norm() {
    return Math.hypot(this.x, this.y);
  }
  moved(dx: number) {
    return new Point(this.x + dx, this.y);
  }
}

const echo = new Sandbox();
const received: unknown[] = [];
echo
  .define("Host")
  .bind("Echo", (value: unknown) => {
    received.push(value);
    return value;
  })
  .bind("Give", (index: number) => given[index]);
const given: unknown[] = [];
afterAll(() => echo.close());

describe("B20 values host → guest → host", () => {
  const rows: [string, unknown, string][] = [
    ["null", null, "NilClass"],
    ["undefined", undefined, "NilClass"],
    ["true", true, "TrueClass"],
    ["false", false, "FalseClass"],
    ["an integer", 42, "Integer"],
    ["a negative integer", -7, "Integer"],
    ["the largest safe integer", Number.MAX_SAFE_INTEGER, "Integer"],
    ["a bigint inside int64", 2n ** 62n, "Integer"],
    ["a small bigint", 5n, "Integer"],
    ["a float", 2.5, "Float"],
    ["a whole float past 2^53", 2 ** 60, "Float"],
    ["NaN", Number.NaN, "Float"],
    ["Infinity", Number.POSITIVE_INFINITY, "Float"],
    ["-Infinity", Number.NEGATIVE_INFINITY, "Float"],
    ["-0", -0, "Float"],
    ["a string", "héllo, 世界", "String"],
    ["a string with NUL", "a\0b", "String"],
    ["bytes", Uint8Array.of(0xff, 0, 1), "String"],
    ["a symbol", Symbol.for("sym"), "Symbol"],
    ["an array", [1, [2, null]], "Array"],
    ["a plain object", { a: 1, b: { c: [true] } }, "Hash"],
    [
      "a Map",
      new Map<unknown, unknown>([
        [1, "one"],
        [Symbol.for("k"), 2],
      ]),
      "Hash",
    ],
  ];

  it.each(rows)("%s", async (_label, value, klass) => {
    given[0] = value;
    const [rubyClass, back] = (await echo.eval("v = Host::Give.call(0); [v.class.to_s, v]")) as [
      string,
      unknown,
    ];
    expect(rubyClass).toBe(klass);
    if (value === undefined) expect(back).toBeNull();
    else if (typeof value === "bigint" && value === 5n) expect(back).toBe(5);
    else expect(back).toEqual(value);
    if (Object.is(value, -0)) expect(Object.is(back, -0)).toBe(true);
  });

  it("gives a bigint beyond int64 to the guest as a big Integer, and takes it back", async () => {
    for (const big of [2n ** 64n, -(2n ** 64n) - 1n, 3n ** 100n]) {
      given[0] = big;
      expect(await echo.eval("x = Host::Give.call(0); [x.class.to_s, x.to_s]")).toEqual([
        "Integer",
        String(big),
      ]);
      expect(await echo.eval("Host::Give.call(0)")).toBe(big);
    }
  });

  it("B28 keeps __proto__ and constructor keys of a host object as plain data", async () => {
    given[0] = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}');
    expect(await echo.eval("Host::Give.call(0).keys")).toEqual(["__proto__", "constructor"]);
    const back = (await echo.eval("Host::Give.call(0)")) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "constructor"]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("B29 refuses a cyclic host value and one nested too deep, with a clear error", async () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    given[0] = cyclic;
    expect((await failure(echo.eval("Host::Give.call(0)"))).message).toMatch(/cyclic/);
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = [deep];
    given[0] = deep;
    expect((await failure(echo.eval("Host::Give.call(0)"))).message).toMatch(/deeper than 128/);
    expect(await echo.eval(":still_usable")).toBe(Symbol.for("still_usable"));
  });

  it("B29 guest values passed to a service keep NUL bytes and -0.0", async () => {
    received.length = 0;
    await echo.eval('Host::Echo.call(["a\\0b", -0.0, "\\0"])');
    const [text, zero, nul] = received[0] as [string, number, string];
    expect(text).toBe("a\0b");
    expect(Object.is(zero, -0)).toBe(true);
    expect(nul).toBe("\0");
  });
});

describe("B21 handles", () => {
  it("a non-representable host value reaches the guest as a Kobako::Handle", async () => {
    await using sandbox = new Sandbox();
    const date = new Date(Date.UTC(2024, 0, 2));
    sandbox.define("Geo").bind("Make", (x: number, y: number) => new Point(x, y));
    sandbox
      .define("Clock")
      .bind("Now", () => date)
      .bind("Fn", () => (a: number) => a * 2);
    expect(
      await sandbox.eval(`
        p = Geo::Make.call(3, 4)
        [Kobako::Handle === p, p.norm, p.x, p.moved(1).x, Clock::Now.call.getUTCFullYear,
         Clock::Fn.call.call(21)]
      `),
    ).toEqual([true, 5, 3, 4, 2024, 42]);
  });

  it("the guest cannot inspect a handle's object", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Geo").bind("Make", () => new Point(1, 2));
    expect(await sandbox.eval("Geo::Make.call.inspect")).toMatch(/^#<Kobako::Handle \d+>$/);
    expect(await failure(sandbox.eval("Geo::Make.call.instance_variables"))).toBeInstanceOf(
      ServiceError,
    );
  });
});

describe("B22 handles come back", () => {
  it("as the original object, from a service call and as the result", async () => {
    await using sandbox = new Sandbox();
    const point = new Point(1, 1);
    const seen: unknown[] = [];
    sandbox
      .define("Geo")
      .bind("Get", () => point)
      .bind("Take", (value: unknown) => seen.push(value));
    const result = await sandbox.eval("p = Geo::Get.call; Geo::Take.call(p); [p, {key: p}]");
    expect(seen[0]).toBe(point);
    expect(result).toEqual([point, { key: point }]);
    expect((result as unknown[])[0]).toBe(point);
  });
});

describe("B23 run arguments", () => {
  it("non-representable leaves of args and kwargs become handles", async () => {
    await using sandbox = new Sandbox();
    await sandbox.preload({
      code: "Measure = ->(shapes, scale:, origin:) { [shapes.map(&:norm), scale, origin.x, origin] }",
    });
    const origin = new Point(7, 0);
    const result = (await sandbox.run("Measure", [[new Point(3, 4), new Point(0, 2)]], {
      scale: 2,
      origin,
    })) as unknown[];
    expect(result.slice(0, 3)).toEqual([[5, 2], 2, 7]);
    expect(result[3]).toBe(origin);
  });
});

describe("B24 handles belong to one invocation", () => {
  it("an id from an earlier invocation means nothing; handles cannot be forged", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Geo").bind("Get", () => new Point(1, 1));
    expect(await sandbox.eval("Geo::Get.call.inspect")).toBe("#<Kobako::Handle 1>");
    for (const forge of [
      "Kobako::Handle.new(1)",
      "Kobako::Handle.allocate",
      "Class.instance_method(:new).bind(Kobako::Handle).call(1)",
      "Kobako::Handle.dup.new(1)",
      "Marshal.load('x')",
    ]) {
      const error = await failure(sandbox.eval(`h = ${forge}; h.norm`));
      expect(error).toBeInstanceOf(SandboxError);
      expect(error).not.toBeInstanceOf(ServiceError);
    }
    // A handle made by the decoder of an earlier invocation is gone with its state.
    expect(await failure(sandbox.eval("$h.norm"))).toBeInstanceOf(SandboxError);
  });
});

describe("B25 handle exhaustion", () => {
  class NearlyFull extends Sandbox {
    protected override createHandleTable(): HandleTable {
      return new HandleTable(2 ** 31 - 2);
    }
  }

  it("a service result past 2^31 − 1 handles rejects with HandleExhaustedError", async () => {
    await using sandbox = new NearlyFull();
    sandbox.define("Geo").bind("Make", () => new Point(0, 0));
    expect(await sandbox.eval("Geo::Make.call.inspect")).toBe("#<Kobako::Handle 2147483646>");
    const error = await failure(sandbox.eval("3.times.map { Geo::Make.call }; :unreachable"));
    expect(error).toBeInstanceOf(HandleExhaustedError);
    expect(error).toBeInstanceOf(HandleTableExhausted);
    expect(error).toBeInstanceOf(SandboxError);
    // Even when the script rescues the failure, the table is full: the invocation fails.
    const rescued = await failure(
      sandbox.eval("3.times { begin; Geo::Make.call; rescue Kobako::ServiceError; end }; 1"),
    );
    expect(rescued).toBeInstanceOf(HandleExhaustedError);
    expect(await sandbox.eval("1 + 1")).toBe(2);
  });

  it("so does a run argument", async () => {
    await using sandbox = new NearlyFull();
    await sandbox.preload({ code: "Count = ->(items) { items.size }" });
    expect(await sandbox.run("Count", [[new Point(0, 0), new Point(1, 1)]])).toBe(2);
    const error = await failure(
      sandbox.run("Count", [[new Point(0, 0), new Point(1, 1), new Point(2, 2)]]),
    );
    expect(error).toBeInstanceOf(HandleExhaustedError);
  });
});

describe("B27 payload cap", () => {
  it("a service request over 16 MiB fails clearly and the sandbox stays usable", async () => {
    await using sandbox = new Sandbox({ timeout: 20_000, memoryLimit: null });
    sandbox.define("Sink").bind("Take", (text: string) => text.length);
    // The guest refuses to send it: an ArgumentError in the script, before the host is asked.
    const error = await failure(sandbox.eval("Sink::Take.call('x' * (17 << 20))"));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.klass).toBe("ArgumentError");
    expect(error.message).toMatch(/exceed the 16 MiB payload cap/);
    expect(await sandbox.eval("Sink::Take.call('x' * (15 << 20))")).toBe(15 << 20);
  });

  it("a reply over 16 MiB fails clearly and the sandbox stays usable", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Source").bind("Give", (mib: number) => "y".repeat(mib << 20));
    const error = await failure(sandbox.eval("Source::Give.call(17)"));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toMatch(/exceeds the 16 MiB payload cap/);
    expect(await sandbox.eval("Source::Give.call(1).size")).toBe(1 << 20);
  });

  it("run arguments over 16 MiB reject before dispatch", async () => {
    await using sandbox = new Sandbox();
    await sandbox.preload({ code: "Size = ->(s) { s.size }" });
    const error = await failure(sandbox.run("Size", ["z".repeat(17 << 20)]));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.details.kind).toBe("too-large");
    expect(await sandbox.run("Size", ["z"])).toBe(1);
  });
});
