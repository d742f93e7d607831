// The replay channel (deterministic re-execution), forced in Node as `channel: "replay"`: what
// engines with neither SharedArrayBuffer nor JS Promise Integration use (WebKit without
// isolation). The "replay" project of vitest.config.ts runs the other service tests over it too.
import { describe, expect, it } from "vitest";
import { createPlatform, RubySymbol, Sandbox, ServiceError, TimeoutError } from "../dist/index.js";
import { failure } from "./support.js";

type Block = (...args: unknown[]) => Promise<unknown>;

/** A class instance is not data: it travels as a handle. */
class Thing {
  constructor(readonly n: number) {}
}

const platform = createPlatform({ channel: "replay", maxWorkers: 1 });

function sandbox(options: ConstructorParameters<typeof Sandbox>[0] = {}): Sandbox {
  return new Sandbox(options, platform);
}

describe("B11 B30 services over the replay channel", () => {
  it("calls each service once, in order, and prints each line once", async () => {
    await using box = sandbox();
    const calls: unknown[] = [];
    box.define("Log").bind("Add", async (value: unknown) => {
      calls.push(value);
      return calls.length;
    });
    const value = await box.eval(
      'puts "start"; a = Log::Add.call(:x); puts "between"; b = Log::Add.call(2); puts "end"; [a, b]',
    );
    expect(value).toEqual([1, 2]);
    expect(calls).toEqual([new RubySymbol("x"), 2]);
    expect(box.stdout).toBe("start\nbetween\nend\n");
  });

  it("blocks, services called from blocks, and break", async () => {
    await using box = sandbox();
    let eachCalls = 0;
    const looked: unknown[] = [];
    box
      .define("Items")
      .bind("Each", async (list: unknown[], block: Block) => {
        eachCalls++;
        const out = [];
        for (const item of list) out.push(await block(item));
        return out;
      })
      .bind("Look", (key: unknown) => {
        looked.push(key);
        return `#{key}`;
      });
    expect(await box.eval("Items::Each.call([1, 2]) { |x| Items::Look.call(x) + '!' }")).toEqual([
      "#{key}!",
      "#{key}!",
    ]);
    expect(looked).toEqual([1, 2]);
    expect(eachCalls).toBe(1);
    expect(
      await box.eval("Items::Each.call([1, 2, 3]) { |x| break :stopped if x == 2; x }"),
    ).toEqual(new RubySymbol("stopped"));
    expect(eachCalls).toBe(2);
  });

  it("a handle keeps its object across replays", async () => {
    await using box = sandbox();
    const made: object[] = [];
    const seen: unknown[] = [];
    box
      .define("Store")
      .bind("Make", () => {
        const object = new Thing(made.length);
        made.push(object);
        return object;
      })
      .bind("Same", (a: unknown, b: unknown) => {
        seen.push(a, b);
        return a === b;
      });
    expect(
      await box.eval(
        "h = Store::Make.call; k = Store::Make.call; [Store::Same.call(h, h), Store::Same.call(h, k)]",
      ),
    ).toEqual([true, false]);
    expect(made).toHaveLength(2);
    expect(seen).toEqual([made[0], made[0], made[0], made[1]]);
  });

  it("random numbers and the clock agree across the replays of one invocation", async () => {
    await using box = sandbox();
    const told: unknown[] = [];
    box.define("Tell").bind("It", (value: unknown) => {
      told.push(value);
      return null;
    });
    const value = (await box.eval(
      "r = rand; t = Time.now.to_f; Tell::It.call([r, t]); Tell::It.call(rand); [r, t]",
    )) as [number, number];
    expect(told[0]).toEqual(value);
    expect(typeof told[1]).toBe("number");
    expect(told[1]).not.toBe(value[0]);
  });

  it("a service error is rescued in Ruby, and reported with its cause when not", async () => {
    await using box = sandbox();
    box.define("KV").bind("Get", (key: string) => {
      throw new RangeError(`no ${key}`);
    });
    expect(
      await box.eval('begin; KV::Get.call("a"); rescue Kobako::ServiceError => e; e.message; end'),
    ).toBe("no a");
    const error = await failure<ServiceError>(box.eval('KV::Get.call("b")'));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.cause).toBeInstanceOf(RangeError);
  });

  it("B60 the timeout covers the whole invocation, replays included", async () => {
    await using box = sandbox({ timeout: 300 });
    box.define("Slow").bind("Step", () => new Promise((resolve) => setTimeout(resolve, 40, 1)));
    const started = performance.now();
    const error = await failure<TimeoutError>(box.eval("loop { Slow::Step.call }"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(300 + 2_000);
    expect(await box.eval("Slow::Step.call + 1")).toBe(2);
  });

  it("more exchanges than the channel records fail clearly, and the sandbox stays usable", async () => {
    await using box = sandbox({ timeout: 60_000 });
    let calls = 0;
    box.define("KV").bind("Get", () => ++calls);
    const error = await failure<ServiceError>(box.eval("loop { KV::Get.call }"));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.details.kind).toBe("bridge");
    expect(error.message).toMatch(/records at most 1000 service exchanges/);
    expect(calls).toBe(1000);
    expect(await box.eval("KV::Get.call")).toBe(1001);
  });
});
