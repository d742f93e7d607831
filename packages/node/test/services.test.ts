import { describe, expect, it } from "vitest";
import {
  createPlatform,
  Sandbox,
  SandboxError,
  ServiceError,
  TimeoutError,
  TrapError,
} from "../dist/index.js";
import { failure } from "./support.js";

describe("B10 service names", () => {
  it("accepts constant names and refuses others at once", () => {
    const sandbox = new Sandbox();
    const namespace = sandbox.define("KV");
    expect(namespace.bind("Get", () => 1).bind("Set_2", () => 2)).toBe(namespace);
    for (const name of ["", "kv", "K-V", "KV::Get", "_X", "Ünicode", "A B"]) {
      expect(() => sandbox.define(name)).toThrow(TypeError);
      expect(() => namespace.bind(name, () => 1)).toThrow(TypeError);
    }
    expect(() => sandbox.define(undefined as unknown as string)).toThrow(TypeError);
  });

  it("refuses namespaces that would shadow guest core constants", () => {
    const sandbox = new Sandbox();
    for (const name of ["Kernel", "Object", "String", "Integer", "Kobako", "Comparable", "Math"]) {
      expect(() => sandbox.define(name)).toThrow(/shadow/);
    }
  });

  it("refuses duplicate bindings and values that cannot be services", () => {
    const namespace = new Sandbox().define("KV").bind("Get", () => 1);
    expect(() => namespace.bind("Get", () => 2)).toThrow(/already bound/);
    expect(() => namespace.bind("Num", 5 as unknown as object)).toThrow(TypeError);
  });
});

describe("B07 sealing", () => {
  it("the first invocation seals: define, bind and preload throw; bindings stay", async () => {
    await using sandbox = new Sandbox();
    const namespace = sandbox.define("KV").bind("Get", () => "kept");
    expect(sandbox.sealed).toBe(false);
    const first = sandbox.eval("KV::Get.call");
    expect(sandbox.sealed).toBe(true);
    expect(() => sandbox.define("Other")).toThrow(SandboxError);
    expect(() => sandbox.define("KV")).toThrow(/sealed/);
    expect(() => namespace.bind("New", () => 1)).toThrow(/sealed/);
    await expect(sandbox.preload({ code: "X = 1" })).rejects.toThrow(/sealed/);
    expect(await first).toBe("kept");
    expect(await sandbox.eval("KV::Get.call")).toBe("kept");
  });

  it("run seals as well; compile does not", async () => {
    await using sandbox = new Sandbox();
    await sandbox.compile("1");
    expect(sandbox.sealed).toBe(false);
    await sandbox.preload({ code: "F = ->(x) { x }" });
    expect(await sandbox.run("F", [1])).toBe(1);
    expect(() => sandbox.define("KV")).toThrow(/sealed/);
  });
});

describe("B11 calling services", () => {
  it("calls a bound function with .call and a bound object's methods by name", async () => {
    await using sandbox = new Sandbox();
    class Store {
      #items = new Map([["a", 1]]);
      get(key: string) {
        return this.#items.get(key) ?? null;
      }
      size() {
        return this.#items.size;
      }
    }
    sandbox
      .define("KV")
      .bind("Lookup", (key: string) => `v:${key}`)
      .bind("Store", new Store());
    sandbox.define("Util").bind("Math", { add: (a: number, b: number) => a + b, version: "1.2" });
    expect(
      await sandbox.eval(
        '[KV::Lookup.call("k"), KV::Store.get("a"), KV::Store.size, Util::Math.add(2, 3), Util::Math.version]',
      ),
    ).toEqual(["v:k", 1, 1, 5, "1.2"]);
  });

  it("defines namespaces as modules and members as constants in every invocation", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("KV").bind("Get", () => 1);
    sandbox.define("Empty");
    expect(
      await sandbox.eval("[KV.class.to_s, KV.constants.sort.map(&:to_s), Empty.class.to_s]"),
    ).toEqual(["Module", ["Get"], "Module"]);
    await sandbox.eval("KV.send(:remove_const, :Get); nil");
    expect(await sandbox.eval("KV::Get.call")).toBe(1);
  });

  it("an unknown method of a bound object is a ServiceError the script may rescue", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("KV").bind("Store", { get: () => 1 });
    expect(
      await sandbox.eval(
        "begin; KV::Store.put(1); rescue Kobako::ServiceError => e; e.message; end",
      ),
    ).toMatch(/undefined method 'put'/);
  });
});

describe("B12 keyword arguments", () => {
  it("arrive as one trailing plain object, after the positional ones", async () => {
    await using sandbox = new Sandbox();
    const seen: unknown[][] = [];
    sandbox.define("Geo").bind("Lookup", (...args: unknown[]) => {
      seen.push(args);
      const last = args.at(-1) as { name: string; region: string };
      return `${last.region}/${last.name}`;
    });
    expect(await sandbox.eval('Geo::Lookup.call(1, name: "paris", region: "eu")')).toBe("eu/paris");
    await sandbox.eval('Geo::Lookup.call(name: "x", region: "y")');
    await sandbox.eval("Geo::Lookup.call(2)").catch(() => {});
    expect(seen).toEqual([[1, { name: "paris", region: "eu" }], [{ name: "x", region: "y" }], [2]]);
    expect(Object.getPrototypeOf(seen[0]?.[1])).toBe(Object.prototype);
  });
});

describe("B13 async services", () => {
  it("the guest waits for a promise, however long, within the timeout", async () => {
    await using sandbox = new Sandbox({ timeout: 5_000 });
    sandbox
      .define("Slow")
      .bind("Get", (ms: number) => new Promise((resolve) => setTimeout(() => resolve(ms), ms)));
    const started = performance.now();
    expect(await sandbox.eval("[Slow::Get.call(150), Slow::Get.call(100)]")).toEqual([150, 100]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("a guest waiting on a slow service is still bound by the timeout", async () => {
    await using sandbox = new Sandbox({ timeout: 300 });
    sandbox.define("Slow").bind("Never", () => new Promise(() => {}));
    expect(await failure(sandbox.eval("Slow::Never.call"))).toBeInstanceOf(TimeoutError);
    expect(await sandbox.eval("1")).toBe(1);
  });
});

describe("B14 failing services", () => {
  it("raise Kobako::ServiceError (a StandardError) that the script may rescue", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Bad").bind("Get", () => {
      throw new RangeError("out of range");
    });
    expect(
      await sandbox.eval(
        "begin; Bad::Get.call; rescue => e; [e.class.to_s, e.message, e.is_a?(StandardError)]; end",
      ),
    ).toEqual(["Kobako::ServiceError", "out of range", true]);
  });

  it("unrescued, reject with ServiceError carrying the original error", async () => {
    await using sandbox = new Sandbox();
    const original = new TypeError("bad key");
    sandbox.define("KV").bind("Get", async () => {
      throw original;
    });
    const error = await failure<ServiceError>(sandbox.eval("x = 1\nKV::Get.call(x)"));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe("bad key");
    expect(error.klass).toBe("Kobako::ServiceError");
    expect(error.origin).toBe("service");
    expect(error.details).toMatchObject({
      kind: "service",
      service: "KV::Get",
      method: "call",
      name: "TypeError",
      message: "bad key",
    });
    expect(error.cause).toBe(original);
    expect(error.backtraceLines.length).toBeGreaterThan(0);
    expect(await sandbox.eval("2")).toBe(2);
  });

  it("handles thrown non-Error values", async () => {
    await using sandbox = new Sandbox();
    sandbox
      .define("Bad")
      .bind("Str", () => {
        throw "plain string";
      })
      .bind("Num", () => Promise.reject(42))
      .bind("Undef", () => {
        throw undefined;
      });
    const messages = await sandbox.eval(
      "%w[Str Num Undef].map { |n| begin; Bad.const_get(n).call; rescue => e; e.message; end }",
    );
    expect(messages).toEqual(["plain string", "42", "undefined was thrown"]);
    const error = await failure<ServiceError>(sandbox.eval("Bad::Num.call"));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.details.name).toBe("Error");
    expect(error.cause).toBe(42);
  });

  it("a script raising its own Kobako::ServiceError gets a SandboxError", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Ok").bind("Get", () => 1);
    for (const script of [
      "raise Kobako::ServiceError, 'forged'",
      "Ok::Get.call; raise Kobako::ServiceError, 'forged after a good call'",
    ]) {
      const error = await failure(sandbox.eval(script));
      expect(error).toBeInstanceOf(SandboxError);
      expect(error).not.toBeInstanceOf(ServiceError);
      expect(error.klass).toBe("Kobako::ServiceError");
    }
  });
});

describe("B15 the member allow-list", () => {
  class Account {
    balance = 10;
    #pin = "1234";
    deposit(amount: number) {
      this.balance += amount;
      return this.balance;
    }
    checkPin(pin: string) {
      return pin === this.#pin;
    }
  }

  const hostile = [
    "constructor",
    "__proto__",
    "prototype",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "__defineGetter__",
    "__lookupGetter__",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
  ];

  it("reaches own members and class methods of a bound object, nothing inherited from Object", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Bank").bind("Account", new Account());
    expect(await sandbox.eval("[Bank::Account.deposit(5), Bank::Account.balance]")).toEqual([
      15, 15,
    ]);
    const reached = await sandbox.eval(`
      %w[${hostile.join(" ")}].select do |name|
        begin
          Bank::Account.__send__(name)
          true
        rescue Kobako::ServiceError
          false
        end
      end
    `);
    expect(reached).toEqual([]);
  });

  it("reaches a bound function only by .call: not apply, bind, call's own members", async () => {
    await using sandbox = new Sandbox();
    let calls = 0;
    sandbox.define("Fn").bind("Count", () => ++calls);
    const attempts = ["apply", "bind", "length", "name", "constructor", "toString", "prototype"];
    const reached = await sandbox.eval(`
      %w[${attempts.join(" ")}].select do |name|
        begin
          Fn::Count.__send__(name, nil, [])
          true
        rescue Kobako::ServiceError
          false
        end
      end
    `);
    expect(reached).toEqual([]);
    expect(calls).toBe(0);
    expect(await sandbox.eval("Fn::Count.call")).toBe(1);
  });

  it("a handle gets the same treatment: no way to the Function constructor", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Bank").bind("Open", () => new Account());
    const error = await failure(
      sandbox.eval('Bank::Open.call.constructor.constructor.call("return process")'),
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toMatch(/undefined method 'constructor'/);
    expect(
      await sandbox.eval("begin; Bank::Open.call.__proto__; rescue => e; e.class.to_s; end"),
    ).toBe("Kobako::ServiceError");
  });
});

describe("B16 services without cross-origin isolation", () => {
  // Chromium and Firefox run JSPI on a page that is not isolated, WebKit replays: packages/browser,
  // `pnpm test:browsers`. Node has no JSPI, so here a host that cannot share memory (as a page
  // without isolation) falls back to the replay channel: services still work.
  it("falls back from shared memory to the replay channel", async () => {
    const global = globalThis as { crossOriginIsolated?: boolean };
    const before = global.crossOriginIsolated;
    global.crossOriginIsolated = false;
    try {
      await using sandbox = new Sandbox({}, createPlatform({ maxWorkers: 1 }));
      let calls = 0;
      sandbox.define("KV").bind("Get", () => ++calls);
      expect(await sandbox.eval("1 + 1")).toBe(2);
      expect(await sandbox.eval("[KV::Get.call, KV::Get.call]")).toEqual([1, 2]);
      expect(calls).toBe(2);
    } finally {
      if (before === undefined) delete global.crossOriginIsolated;
      else global.crossOriginIsolated = before;
    }
  });

  it("a forced bridge the engine lacks fails to start with a TrapError", async () => {
    await using sandbox = new Sandbox({}, createPlatform({ maxWorkers: 1, channel: "jspi" }));
    const error = await failure(sandbox.eval("1"));
    expect(error).toBeInstanceOf(TrapError);
    expect(error.message).toMatch(/WebAssembly.Suspending/);
  });
});
