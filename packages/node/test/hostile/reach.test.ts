// B15 B24 B66: a guest reaches only the members the allow-list gives it, and only handles the host
// gave it in this invocation.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, SandboxError, ServiceError } from "../../dist/index.js";
import { failure } from "../support.js";

class Point {
  constructor(readonly x: number) {}
  norm() {
    return Math.abs(this.x);
  }
}

const calls: string[] = [];
const fn = (...args: unknown[]) => {
  calls.push("fn");
  return args.length;
};
const sandbox = new Sandbox();
sandbox
  .define("Host")
  .bind("Fn", fn)
  .bind("Obj", { greet: (name: string) => `hi ${name}`, data: 1 })
  .bind("Make", () => new Point(-3))
  .bind("Func", () => fn)
  .bind("Take", (value: unknown) => (value instanceof Point ? "a Point" : typeof value));
afterAll(() => sandbox.close());

// Every way we could think of to climb from a bound value or a handle to Function, eval or a
// prototype: each must be refused by the host's allow-list (a ServiceError the script may rescue)
// or fail in the guest before reaching the host.
const climbs = [
  "Host::Fn.constructor",
  "Host::Fn.constructor('return process')",
  "Host::Fn.apply(nil, [1])",
  "Host::Fn.bind(nil)",
  "Host::Fn.toString",
  "Host::Fn.__proto__",
  "Host::Fn.prototype",
  "Host::Fn.name",
  "Host::Fn.length",
  "Host::Fn.caller",
  "Host::Fn.arguments",
  "Host::Fn.__send__(:constructor)",
  "Host::Obj.constructor",
  "Host::Obj.__proto__",
  "Host::Obj.toString",
  "Host::Obj.valueOf",
  "Host::Obj.hasOwnProperty('data')",
  "Host::Obj.__defineGetter__('x', 1)",
  "Host::Obj.__lookupGetter__('data')",
  "Host::Obj.propertyIsEnumerable('data')",
  "Host::Obj.isPrototypeOf(1)",
  "Host::Obj.toLocaleString",
  "Host::Make.call.constructor",
  "Host::Make.call.__proto__",
  "Host::Make.call.toString",
  "Host::Make.call.send(:constructor)",
  "Host::Make.call.public_send(:constructor)",
  "Host::Make.call.instance_variable_get(:@x)",
  "Host::Make.call.send(:initialize, 99)",
  "Host::Make.call.dup",
  "Host::Make.call.clone",
  "Host::Func.call.constructor",
  "Host::Func.call.apply(nil, [1])",
  "Host::Func.call.bind(nil)",
  "Host::Obj.greet('x').constructor",
];

describe("B15 B66 climbing to Function or a prototype", () => {
  it.each(climbs)("%s is refused", async (source) => {
    calls.length = 0;
    const error = await failure(sandbox.eval(source));
    expect(error).toBeInstanceOf(Error);
    expect(error instanceof ServiceError || error instanceof SandboxError).toBe(true);
    if (error instanceof ServiceError) {
      expect(error.message).toMatch(/not a member the guest may call|undefined method/);
    }
    expect(calls).toEqual([]);
  });

  it("what is allowed still works: own members, class methods, and call", async () => {
    expect(
      await sandbox.eval(
        "[Host::Obj.greet('you'), Host::Obj.data, Host::Make.call.norm, Host::Make.call.x, Host::Func.call.call(1, 2)]",
      ),
    ).toEqual(["hi you", 1, 3, -3, 2]);
  });
});

// Ways to make a Kobako::Handle (or a Kobako::Service) that the host never handed out.
const forgeries = [
  "Kobako::Handle.new(1)",
  "Kobako::Handle.allocate",
  "Kobako::Handle.send(:new, 1)",
  "Class.instance_method(:new).bind(Kobako::Handle).call(1)",
  "Class.instance_method(:allocate).bind(Kobako::Handle).call",
  "Host::Take.call(Class.instance_method(:allocate).bind(Kobako::Handle).call)",
  "Kobako::Handle.instance_method(:method_missing).bind(Object.new).call(:norm)",
  "Kobako::Service.new('Host::Fn')",
  "Class.instance_method(:allocate).bind(Kobako::Service).call.call(1)",
  "Kobako.__service_call('Host::Fn', :call, [1], {}, nil)",
  "Kobako.__service_call(Object.new, :call, [], {}, nil)",
  "Kobako.__service_call(Host::Make.call.dup, :norm, [], {}, nil)",
  "Marshal.load(Marshal.dump(Host::Make.call))",
  "ObjectSpace.each_object(Kobako::Handle).to_a",
];

describe("B24 B66 forging handles and services", () => {
  it.each(forgeries)("%s fails", async (source) => {
    calls.length = 0;
    const error = await failure<unknown>(sandbox.eval(source));
    expect(error instanceof SandboxError || error instanceof ServiceError).toBe(true);
    expect(calls).toEqual([]);
  });

  it("a handle from an earlier invocation means nothing in the next", async () => {
    expect(await sandbox.eval("$h = Host::Make.call; $h.norm")).toBe(3);
    const error = await failure(sandbox.eval("$h.norm"));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.klass).toBe("NoMethodError");
  });

  it("a handle given back is the host's own object, whatever its instance variables", async () => {
    expect(await sandbox.eval("Host::Take.call(Host::Make.call)")).toBe("a Point");
    // The id lives outside Ruby's reach: instance variables are the guest's own business.
    expect(
      await sandbox.eval(
        "h = Host::Make.call\nKernel.instance_method(:instance_variable_set).bind(h).call(:@id, 2)\nh.instance_eval { @other = 7 }\n[Host::Take.call(h), h.norm]",
      ),
    ).toEqual(["a Point", 3]);
  });
});
