import { describe, expect, it } from "vitest";
import { RubySymbol, Sandbox, SandboxError, ServiceError } from "../dist/index.js";
import { failure } from "./support.js";

type Block = (...args: unknown[]) => Promise<unknown>;

describe("B30 blocks", () => {
  it("a block arrives as a trailing function that runs it in the guest", async () => {
    await using sandbox = new Sandbox();
    sandbox
      .define("Items")
      .bind("Map", async (list: unknown[], block: Block) => {
        const out = [];
        for (const item of list) out.push(await block(item));
        return out;
      })
      .bind("Pairs", (record: Record<string, unknown>, block: Block) =>
        Promise.all(Object.entries(record).map(([k, v]) => block(k, v))),
      );
    expect(await sandbox.eval("Items::Map.call([1, 2, 3]) { |x| x * 10 }")).toEqual([10, 20, 30]);
    expect(await sandbox.eval('Items::Pairs.call({a: 1, b: 2}) { |k, v| "#{k}=#{v}" }')).toEqual([
      "a=1",
      "b=2",
    ]);
  });

  it("kwargs come before the block; the block may call services itself", async () => {
    await using sandbox = new Sandbox();
    const seen: unknown[][] = [];
    sandbox
      .define("Items")
      .bind("Each", async (list: number[], options: { by: number }, block: Block) => {
        seen.push([list, options, typeof block]);
        let sum = 0;
        for (const item of list) sum += (await block(item * options.by)) as number;
        return sum;
      })
      .bind("Inc", (x: number) => x + 1);
    expect(await sandbox.eval("Items::Each.call([1, 2], by: 10) { |x| Items::Inc.call(x) }")).toBe(
      32,
    );
    expect(seen).toEqual([[[1, 2], { by: 10 }, "function"]]);
  });

  it("a block that raises rejects the promise; let through by the service, a SandboxError", async () => {
    await using sandbox = new Sandbox();
    let seen: unknown;
    sandbox
      .define("Items")
      .bind("Try", async (block: Block) => {
        try {
          return await block();
        } catch (error) {
          seen = error;
          return "rescued on the host";
        }
      })
      .bind("Run", (block: Block) => block());
    expect(await sandbox.eval("Items::Try.call { raise ArgumentError, 'in block' }")).toBe(
      "rescued on the host",
    );
    expect(seen).toBeInstanceOf(SandboxError);
    expect(seen).toMatchObject({ klass: "ArgumentError", message: "in block" });
    const error = await failure(sandbox.eval("Items::Run.call { raise IndexError, 'boom' }"));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error).not.toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ klass: "IndexError", message: "boom" });
    expect(error.details).toEqual({ kind: "raise", via: "Items::Run" });
    // Inside the script, it arrives as a service failure it may rescue.
    expect(
      await sandbox.eval(
        "begin; Items::Run.call { raise 'x' }; rescue Kobako::ServiceError => e; e.message; end",
      ),
    ).toBe("x");
  });

  it("a block's result with no mapping rejects the promise", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Items").bind("Run", (block: Block) => block().catch((e: Error) => e.message));
    expect(await sandbox.eval("Items::Run.call { Object.new }")).toMatch(/no mapping/);
  });
});

describe("B31 break", () => {
  it("ends the service call with the break value; the service's result is ignored", async () => {
    await using sandbox = new Sandbox();
    let blockError: unknown;
    let finished = false;
    sandbox.define("Items").bind("Each", async (list: unknown[], block: Block) => {
      try {
        for (const item of list) await block(item);
      } catch (error) {
        blockError = error;
      }
      finished = true;
      return "ignored";
    });
    expect(
      await sandbox.eval(`
        seen = []
        r = Items::Each.call([1, 2, 3, 4]) { |x| seen << x; break x * 100 if x == 2 }
        [r, seen]
      `),
    ).toEqual([200, [1, 2]]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finished).toBe(true);
    expect(blockError).toBeInstanceOf(SandboxError);
    expect((blockError as Error).message).toMatch(/break or throw/);
  });

  it("works with concurrent block calls the service never awaits", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Items").bind("Fire", (list: unknown[], block: Block) => {
      for (const item of list) block(item);
      return new Promise((resolve) => setTimeout(() => resolve("late"), 20));
    });
    expect(await sandbox.eval("Items::Fire.call([1, 2, 3]) { |x| break :out if x == 2 }")).toEqual(
      new RubySymbol("out"),
    );
    expect(await sandbox.eval("Items::Fire.call([1, 2]) { |x| x }")).toBe("late");
  });
});

describe("B32 throw/catch", () => {
  it("crosses a service call", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Items").bind("Each", async (list: unknown[], block: Block) => {
      for (const item of list) await block(item);
      return "not reached";
    });
    expect(
      await sandbox.eval(`
        catch(:found) do
          Items::Each.call([1, 2, 3]) { |x| throw :found, x * 7 if x == 3 }
          :nothing
        end
      `),
    ).toBe(21);
    expect(
      await sandbox.eval(
        "catch(:outer) { catch(:inner) { Items::Each.call([1]) { throw :outer, :o } }; :i }",
      ),
    ).toEqual(new RubySymbol("o"));
    const uncaught = await failure(sandbox.eval("Items::Each.call([1]) { throw :nowhere }"));
    expect(uncaught).toBeInstanceOf(SandboxError);
    expect(uncaught.klass).toBe("UncaughtThrowError");
  });
});

describe("B33 a block called after its invocation", () => {
  it("rejects clearly, and so does one called after its service call returned", async () => {
    await using sandbox = new Sandbox();
    let kept: Block | undefined;
    let late: Promise<unknown> | undefined;
    sandbox.define("Items").bind("Keep", (block: Block) => {
      kept = block;
      late = new Promise((resolve) => setTimeout(() => resolve(block(1).catch((e) => e)), 0));
      return "kept";
    });
    expect(await sandbox.eval("Items::Keep.call { |x| x }")).toBe("kept");
    await expect(kept?.(1)).rejects.toThrow(/the block cannot run: its invocation has ended/);
    const lateError = await late;
    expect(lateError).toBeInstanceOf(SandboxError);
    expect((lateError as Error).message).toMatch(/has ended/);
    expect(await sandbox.eval("1")).toBe(1);
  });
});
