// B14 B60 B66: services that throw anything, return anything or never settle leave the host and
// the sandbox working.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, ServiceError, TimeoutError } from "../../dist/index.js";
import { failure } from "../support.js";

const everyTrapThrows = new Proxy(
  {},
  new Proxy(
    {},
    {
      get: () => () => {
        throw new Error("every trap throws");
      },
    },
  ),
);
const revocable = Proxy.revocable({}, {});
revocable.revoke();
const revoked = revocable.proxy;
const badError = Object.create(Error.prototype, {
  name: {
    get() {
      throw new Error("name getter");
    },
  },
  message: {
    get() {
      throw new Error("message getter");
    },
  },
});

const hostile: Record<string, () => unknown> = {
  Number: () => {
    throw 42;
  },
  Null: () => {
    throw null;
  },
  Undefined: () => {
    throw undefined;
  },
  Symbol: () => {
    throw Symbol("s");
  },
  BigInt: () => {
    throw 10n;
  },
  Function: () => {
    throw function named() {};
  },
  ProxyThrown: () => {
    throw everyTrapThrows;
  },
  RevokedThrown: () => {
    throw revoked;
  },
  ProxyRejected: () => Promise.reject(everyTrapThrows),
  GettersThrow: () => {
    throw badError;
  },
  ProxyReturned: () => everyTrapThrows,
  RevokedReturned: () => revoked,
  GetterReturned: () => ({
    get a() {
      throw new Error("getter");
    },
  }),
  ThenThrows: () => ({
    // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the point.
    then() {
      throw new Error("then throws");
    },
  }),
  Cyclic: () => {
    const a: unknown[] = [];
    a.push(a);
    return a;
  },
  TooDeep: () => {
    let value: unknown = [];
    for (let i = 0; i < 10_000; i++) value = [value];
    return value;
  },
  TooLarge: () => "x".repeat(17 << 20),
};

const sandbox = new Sandbox({ timeout: 2_000 });
const namespace = sandbox.define("Evil");
for (const [name, fn] of Object.entries(hostile)) namespace.bind(name, fn);
sandbox.define("Fine").bind("Echo", (value: unknown) => value);
afterAll(() => sandbox.close());

describe("B14 B66 hostile services", () => {
  it.each(Object.keys(hostile))(
    "%s: the guest may rescue it; the host keeps serving",
    async (name) => {
      const rescued = await sandbox.eval(
        `begin; Evil::${name}.call; :no_error; rescue Kobako::ServiceError => e; e.message; end`,
      );
      expect(typeof rescued).toBe("string");
      const error = await failure<ServiceError>(sandbox.eval(`Evil::${name}.call`));
      expect(error).toBeInstanceOf(ServiceError);
      expect(error.details.kind).toBe("service");
      // B62: usage describes this outcome too.
      expect(sandbox.usage.memoryPeak).toBeGreaterThan(0);
      expect(sandbox.usage.wallTime).toBeGreaterThan(0);
      // The bridge survived: the next call on the same worker is served at once.
      expect(await sandbox.eval("Fine::Echo.call([1, {a: 2}])")).toEqual([1, { a: 2 }]);
    },
  );

  it("messages describe what was thrown without running its code", async () => {
    const message = (name: string) =>
      sandbox.eval(`begin; Evil::${name}.call; rescue Kobako::ServiceError => e; e.message; end`);
    expect(await message("Number")).toBe("42");
    expect(await message("Null")).toBe("null was thrown");
    expect(await message("Undefined")).toBe("undefined was thrown");
    expect(await message("Function")).toBe("a function (named) was thrown");
    expect(await message("ProxyThrown")).toBe("an object was thrown");
    expect(await message("Cyclic")).toMatch(/cyclic/);
    expect(await message("TooDeep")).toMatch(/deeper than 128/);
    expect(await message("TooLarge")).toMatch(/16 MiB payload cap/);
  });

  it("B60 a thenable that never settles is bound by the timeout", async () => {
    await using short = new Sandbox({ timeout: 150 });
    // biome-ignore lint/suspicious/noThenProperty: a thenable that never calls back.
    short.define("Stuck").bind("Then", () => ({ then() {} }));
    const error = await failure(short.eval("Stuck::Then.call"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(await short.eval("1")).toBe(1);
  });
});
