import { describe, expect, it } from "vitest";
import { HandleExhaustedError, SandboxError, TrapError } from "../src/errors.js";
import { Dispatcher } from "../src/host/dispatch.js";
import { HandleTable } from "../src/host/handles.js";
import { ServiceRegistry } from "../src/host/services.js";
import { decodeWire, encodeWire, MAX_PAYLOAD } from "../src/wire/index.js";

function setup(firstId = 1) {
  const registry = new ServiceRegistry();
  const table = new HandleTable(firstId);
  const dispatcher = new Dispatcher(registry, table);
  /** Sends a request as the guest would and decodes the reply. */
  const send = async (request: unknown[]): Promise<unknown[]> => {
    const bytes = encodeWire(request, { toHandle: (value) => table.add(value) });
    const reply = await dispatcher.handle(bytes);
    return decodeWire(reply, (id) => table.get(id)) as unknown[];
  };
  const call = (
    target: unknown,
    method: string,
    args: unknown[] = [],
    kwargs = null,
    block = false,
  ) => send([0, target, method, args, kwargs, block]);
  return { registry, table, dispatcher, send, call };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("service calls", () => {
  it("B11 calls a bound function with .call and a bound object's methods", async () => {
    const { registry, call } = setup();
    registry.define("KV").bind("Get", (key: string) => `v:${key}`);
    registry.define("Calc").bind("Ops", {
      add: (a: number, b: number) => a + b,
      scale(this: { factor: number }, x: number) {
        return x * this.factor;
      },
      factor: 3,
    });
    expect(await call("KV::Get", "call", ["k"])).toEqual([0, "v:k"]);
    expect(await call("Calc::Ops", "add", [2, 3])).toEqual([0, 5]);
    expect(await call("Calc::Ops", "scale", [2])).toEqual([0, 6]);
    expect(await call("Calc::Ops", "factor")).toEqual([0, 3]);
  });

  it("B12 passes keyword arguments as one trailing plain object", async () => {
    const { registry, call } = setup();
    const seen: unknown[][] = [];
    registry.define("Geo").bind("Find", (...args: unknown[]) => seen.push(args));
    await call("Geo::Find", "call", [1], { name: "x", region: "eu" } as never);
    await call("Geo::Find", "call", [2], {} as never);
    expect(seen).toEqual([[1, { name: "x", region: "eu" }], [2]]);
  });

  it("B13 waits for a service's promise", async () => {
    const { registry, call } = setup();
    registry
      .define("Slow")
      .bind("Get", () => new Promise((resolve) => setTimeout(() => resolve("late"), 30)));
    expect(await call("Slow::Get", "call")).toEqual([0, "late"]);
  });

  it("B14 turns a throw into [1, {klass, message}] and keeps the original", async () => {
    const { registry, call, dispatcher } = setup();
    registry
      .define("Bad")
      .bind("Type", () => {
        throw new TypeError("wrong type");
      })
      .bind("Async", async () => {
        throw new RangeError("async failure");
      })
      .bind("Str", () => {
        throw "a string";
      })
      .bind("Nothing", () => {
        throw undefined;
      })
      .bind("Obj", () => {
        throw { code: 7 };
      });
    expect(await call("Bad::Type", "call")).toEqual([
      1,
      { klass: "TypeError", message: "wrong type", id: expect.any(Number) },
    ]);
    expect(await call("Bad::Async", "call")).toEqual([
      1,
      { klass: "RangeError", message: "async failure", id: expect.any(Number) },
    ]);
    expect(await call("Bad::Str", "call")).toEqual([
      1,
      { klass: "Error", message: "a string", id: expect.any(Number) },
    ]);
    expect(await call("Bad::Nothing", "call")).toEqual([
      1,
      { klass: "Error", message: "undefined was thrown", id: expect.any(Number) },
    ]);
    expect(await call("Bad::Obj", "call")).toEqual([
      1,
      { klass: "Error", message: '{"code":7}', id: expect.any(Number) },
    ]);
    expect(dispatcher.failure(5)).toMatchObject({ service: "Bad::Obj", thrown: { code: 7 } });
    expect(dispatcher.failure(1)).toMatchObject({
      service: "Bad::Type",
      method: "call",
      name: "TypeError",
      message: "wrong type",
    });
  });

  it("survives errors whose name or message getters throw", async () => {
    const { registry, call } = setup();
    const hostile = new Error("x");
    Object.defineProperty(hostile, "message", {
      get() {
        throw new Error("gotcha");
      },
    });
    registry.define("Bad").bind("Get", () => {
      throw hostile;
    });
    expect(await call("Bad::Get", "call")).toEqual([
      1,
      { klass: "Error", message: "", id: expect.any(Number) },
    ]);
  });

  it("refuses an unknown path, and methods other than call of a function", async () => {
    const { registry, call } = setup();
    registry.define("KV").bind("Get", () => 1);
    expect(await call("KV::Nope", "call")).toMatchObject([1, { klass: "NameError" }]);
    for (const method of ["apply", "bind", "toString", "name", "length", "constructor"]) {
      expect(await call("KV::Get", method)).toMatchObject([1, { klass: "NoMethodError" }]);
    }
  });

  it("refuses arguments to a property read", async () => {
    const { registry, call } = setup();
    registry.define("Cfg").bind("Data", { limit: 5 });
    expect(await call("Cfg::Data", "limit", [1])).toMatchObject([1, { klass: "ArgumentError" }]);
  });
});

describe("handles", () => {
  class Point {
    constructor(readonly x: number) {}
    norm() {
      return Math.abs(this.x);
    }
  }

  it("B21 wraps a non-representable result as a handle whose methods run on the host", async () => {
    const { registry, call, table } = setup();
    const made: Point[] = [];
    registry.define("Geo").bind("Make", (x: number) => {
      const point = new Point(x);
      made.push(point);
      return { point, fn: () => 1, when: new Date(0) };
    });
    const [tag, value] = await call("Geo::Make", "call", [-4]);
    expect(tag).toBe(0);
    const { point, fn, when } = value as { point: Point; fn: () => number; when: Date };
    expect(point).toBe(made[0]);
    expect(table.size).toBe(3);
    expect(await call(point, "norm")).toEqual([0, 4]);
    expect(await call(point, "x")).toEqual([0, -4]);
    expect(await call(fn, "call")).toEqual([0, 1]);
    expect(await call(when, "getTime")).toEqual([0, 0]);
  });

  it("B22 gives back the same object, with the same id, every time", async () => {
    const { registry, call, table } = setup();
    const point = new Point(1);
    registry
      .define("Geo")
      .bind("Same", () => point)
      .bind("Echo", (value: unknown) => value);
    const [, first] = await call("Geo::Same", "call");
    const [, second] = await call("Geo::Echo", "call", [first]);
    expect(first).toBe(point);
    expect(second).toBe(point);
    expect(table.size).toBe(1);
  });

  it("B24 rejects an id the table never handed out", async () => {
    const { registry, dispatcher, table } = setup();
    registry.define("Geo").bind("Echo", (value: unknown) => value);
    // A Handle with an id the host never gave out in this invocation.
    const bytes = encodeWire([0, "Geo::Echo", "call", [new Point(0)], null, false], {
      toHandle: () => 42,
    });
    const reply = decodeWire(await dispatcher.handle(bytes)) as unknown[];
    expect(reply).toEqual([
      1,
      {
        klass: "ArgumentError",
        message: expect.stringMatching(/unknown handle id 42/),
        id: expect.any(Number),
      },
    ]);
    expect(table.size).toBe(0);
  });

  it("B25 fails the invocation once ids pass 2^31 − 1", async () => {
    const { registry, call, dispatcher } = setup(2 ** 31 - 2);
    registry.define("Geo").bind("Make", () => new Point(0));
    expect((await call("Geo::Make", "call"))[0]).toBe(0);
    expect((await call("Geo::Make", "call"))[0]).toBe(0);
    expect(dispatcher.fatal).toBeUndefined();
    expect(await call("Geo::Make", "call")).toMatchObject([1, { klass: "HandleExhaustedError" }]);
    expect(dispatcher.fatal).toBeInstanceOf(HandleExhaustedError);
  });
});

describe("payload cap", () => {
  it("B27 refuses a result over 16 MiB and answers an oversize request", async () => {
    const { registry, call, dispatcher } = setup();
    registry.define("Big").bind("Get", () => "x".repeat(MAX_PAYLOAD + 1));
    registry.define("Ok").bind("Get", () => "fine");
    const [tag, error] = await call("Big::Get", "call");
    expect(tag).toBe(1);
    expect((error as { message: string }).message).toMatch(/exceeds the 16 MiB payload cap/);
    expect(await call("Ok::Get", "call")).toEqual([0, "fine"]);
    const oversize = decodeWire(dispatcher.oversize(MAX_PAYLOAD + 5)) as unknown[];
    expect(oversize).toEqual([
      1,
      {
        klass: "RangeError",
        message: expect.stringMatching(/16777221 bytes exceeds the 16 MiB/),
        id: expect.any(Number),
      },
    ]);
  });

  it("B29 refuses a cyclic result without exhausting the stack", async () => {
    const { registry, call } = setup();
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    registry.define("Bad").bind("Get", () => cyclic);
    expect(await call("Bad::Get", "call")).toMatchObject([
      1,
      { message: expect.stringMatching(/cyclic/) },
    ]);
  });
});

describe("blocks", () => {
  it("B30 runs the block for each call of the trailing function, in order", async () => {
    const { registry, call, send } = setup();
    let results: unknown;
    registry
      .define("Items")
      .bind("Each", async (list: number[], block: (x: number) => Promise<unknown>) => {
        results = await Promise.all(list.map((x) => block(x)));
        return "done";
      });
    // The guest: call, then answer each [2, args] with the block's value.
    let reply = await call("Items::Each", "call", [[1, 2, 3]], null, true);
    const runs: unknown[] = [];
    while (reply[0] === 2) {
      const [x] = reply[1] as number[];
      runs.push(x);
      reply = await send([1, (x as number) * 10]);
    }
    expect(runs).toEqual([1, 2, 3]);
    expect(reply).toEqual([0, "done"]);
    expect(results).toEqual([10, 20, 30]);
  });

  it("rejects the block's promise when the block raises; the service may rescue it", async () => {
    const { registry, call, send } = setup();
    registry.define("Items").bind("Try", async (block: () => Promise<unknown>) => {
      try {
        return await block();
      } catch (error) {
        return `${(error as SandboxError).klass}: ${(error as Error).message}`;
      }
    });
    expect(await call("Items::Try", "call", [], null, true)).toEqual([2, []]);
    expect(await send([2, { klass: "ZeroDivisionError", message: "divided by 0" }])).toEqual([
      0,
      "ZeroDivisionError: divided by 0",
    ]);
  });

  it("serves a service called from inside a block (nested frames)", async () => {
    const { registry, call, send } = setup();
    registry
      .define("Items")
      .bind(
        "Each",
        async (block: (x: number) => Promise<number>) => (await block(1)) + (await block(2)),
      )
      .bind("Double", (x: number) => x * 2);
    expect(await call("Items::Each", "call", [], null, true)).toEqual([2, [1]]);
    expect(await call("Items::Double", "call", [1])).toEqual([0, 2]);
    expect(await send([1, 2])).toEqual([2, [2]]);
    expect(await call("Items::Double", "call", [2])).toEqual([0, 4]);
    expect(await send([1, 4])).toEqual([0, 6]);
  });

  it("runs block calls made before a synchronous return, then answers", async () => {
    const { registry, call, send } = setup();
    registry.define("Items").bind("Fire", (block: (x: number) => void) => {
      block(1);
      block(2);
      return "sync";
    });
    expect(await call("Items::Fire", "call", [], null, true)).toEqual([2, [1]]);
    expect(await send([1, null])).toEqual([2, [2]]);
    expect(await send([1, null])).toEqual([0, "sync"]);
  });

  it("B31 break ends the call: the block's promise rejects, the later result is ignored", async () => {
    const { registry, call, send } = setup();
    let blockError: unknown;
    let finished = false;
    registry.define("Items").bind("Each", async (block: (x: number) => Promise<unknown>) => {
      try {
        await block(1);
      } catch (error) {
        blockError = error;
      }
      finished = true;
      return "ignored";
    });
    expect(await call("Items::Each", "call", [], null, true)).toEqual([2, [1]]);
    // The guest broke out of the block: it reports [3, nil] and unwinds once answered.
    expect(await send([3, null])).toEqual([0, null]);
    await tick();
    expect(finished).toBe(true);
    expect(blockError).toBeInstanceOf(SandboxError);
    expect((blockError as Error).message).toMatch(/break or throw/);
  });

  it("a dropped block promise does not become an unhandled rejection when the guest breaks", async () => {
    const { registry, call, send } = setup();
    registry.define("Items").bind("Fire", (block: (x: number) => void) => {
      block(1);
      block(2);
      return new Promise(() => {});
    });
    expect(await call("Items::Fire", "call", [], null, true)).toEqual([2, [1]]);
    expect(await send([3, null])).toEqual([0, null]);
    await tick();
  });

  it("B33 rejects a block called after its call or its invocation ended", async () => {
    const { registry, call, dispatcher } = setup();
    let kept: ((x: number) => Promise<unknown>) | undefined;
    registry.define("Items").bind("Keep", (block: (x: number) => Promise<unknown>) => {
      kept = block;
      return 1;
    });
    expect(await call("Items::Keep", "call", [], null, true)).toEqual([0, 1]);
    await expect(kept?.(1)).rejects.toThrow(/the service call it was given to has ended/);
    dispatcher.end();
    await expect(kept?.(1)).rejects.toThrow(/its invocation has ended/);
  });

  it("treats a block answer with no block running as a protocol violation", async () => {
    const { send, dispatcher } = setup();
    expect((await send([1, 5]))[0]).toBe(1);
    expect(dispatcher.fatal).toBeInstanceOf(TrapError);
  });
});

describe("malformed requests", () => {
  it("answers garbage with an error reply", async () => {
    const { dispatcher } = setup();
    for (const bytes of [
      Uint8Array.of(0xc1),
      encodeWire([9]),
      encodeWire("x"),
      encodeWire([0, 1]),
    ]) {
      expect((decodeWire(await dispatcher.handle(bytes)) as unknown[])[0]).toBe(1);
    }
  });
});
