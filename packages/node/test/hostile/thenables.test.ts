// B34: no value that comes from the guest — a result, a service argument, a block's value — is
// ever adopted as a thenable by host code. A hash whose "then" is a handle of a host function
// used to make the host call that function with its own resolvers: the call, every later call on
// the sandbox and close() never settled.
import { describe, expect, it, vi } from "vitest";
import { Sandbox, SandboxError } from "../../dist/index.js";
import { failure } from "../support.js";
import { within } from "./support.js";

describe("B34 guest values are never thenables", () => {
  it("a result: a hash whose then is a host function arrives as a Map", async () => {
    const sandbox = new Sandbox({ timeout: 2_000 });
    await sandbox.preload({ name: "T", code: 'T = ->(f) { {"then" => f} }' });
    const then = vi.fn();
    const value = await within(sandbox.run("T", [then]), 3_000);
    expect(value).toBeInstanceOf(Map);
    expect((value as Map<string, unknown>).get("then")).toBe(then);
    expect(then).not.toHaveBeenCalled();
    expect(await within(sandbox.eval("1 + 1"), 3_000)).toBe(2);
    await within(sandbox.close(), 3_000);
  });

  it("a service argument, awaited by the service and passed back", async () => {
    await using sandbox = new Sandbox({ timeout: 2_000 });
    const then = vi.fn();
    sandbox
      .define("Svc")
      .bind("Fn", () => then)
      .bind("Echo", (value: unknown) => value)
      .bind("Await", async (value: unknown) => {
        await value;
        return value instanceof Map ? "a map" : typeof value;
      });
    const source = `f = Svc::Fn.call
      [Svc::Echo.call({"then" => f}).class, Svc::Await.call({"then" => f, "x" => 1})]`;
    // `.class` of a Hash handed back is Hash: the service's result was not adopted.
    const value = await within(sandbox.eval(`${source}.map(&:to_s)`), 3_000);
    expect(value).toEqual(["Hash", "a map"]);
    expect(then).not.toHaveBeenCalled();
  });

  it("a block's value, awaited by the service", async () => {
    await using sandbox = new Sandbox({ timeout: 2_000 });
    const then = vi.fn();
    sandbox
      .define("Svc")
      .bind("Fn", () => then)
      .bind("Yield", async (block: () => Promise<unknown>) => {
        const value = await block();
        return value instanceof Map ? "a map" : typeof value;
      });
    const value = await within(
      sandbox.eval('f = Svc::Fn.call; Svc::Yield.call { {"then" => f} }'),
      3_000,
    );
    expect(value).toBe("a map");
    expect(then).not.toHaveBeenCalled();
  });

  it("a handle of a host thenable is refused as a result and as a block's value", async () => {
    await using sandbox = new Sandbox({ timeout: 2_000 });
    const never = new Promise(() => {});
    sandbox
      .define("Svc")
      .bind("Job", () => ({ job: never }))
      .bind("Yield", async (block: () => Promise<unknown>) => {
        try {
          await block();
          return "adopted";
        } catch (error) {
          return (error as SandboxError).details.kind;
        }
      });
    const error = await within(failure(sandbox.eval('Svc::Job.call["job"]')), 3_000);
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.details.kind).toBe("thenable");
    expect(
      await within(sandbox.eval('j = Svc::Job.call["job"]; Svc::Yield.call { j }'), 3_000),
    ).toBe("thenable");
  });
});
