// B26 B28 B29 B66: what the guest sends the host is plain data, whatever its keys and shape.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Sandbox, SandboxError } from "../../dist/index.js";
import { failure } from "../support.js";

const POLLUTING_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "isPrototypeOf",
  "then",
];

const pristine = Object.getOwnPropertyNames(Object.prototype).sort();

function polluted(): unknown[] {
  const probe: Record<string, unknown> = {};
  return [
    probe.polluted,
    probe.admin,
    (Object.prototype as Record<string, unknown>).polluted,
    Object.getOwnPropertyNames(Object.prototype).sort().join() === pristine.join()
      ? undefined
      : "Object.prototype changed",
    Object.prototype.toString.call([]) === "[object Array]" ? undefined : "toString changed",
  ].filter((finding) => finding !== undefined);
}

const received: unknown[] = [];
const sandbox = new Sandbox();
sandbox.define("Host").bind("Take", (...args: unknown[]) => {
  received.push(...args);
  return args.length;
});
afterAll(() => sandbox.close());
afterEach(() => {
  expect(polluted()).toEqual([]);
  received.length = 0;
});

/** Ruby for a Hash with every polluting key, each holding a nested `{"polluted" => true}`. */
const pollutingHash = `{${POLLUTING_KEYS.map((key) => `${JSON.stringify(key)} => {"polluted" => true, "admin" => true}`).join(", ")}}`;

function expectPlainData(value: unknown): void {
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  const record = value as Record<string, unknown>;
  expect(Object.keys(record)).toEqual(POLLUTING_KEYS);
  for (const key of POLLUTING_KEYS) {
    const own = Object.getOwnPropertyDescriptor(record, key);
    expect(own?.value).toEqual({ polluted: true, admin: true });
    expect(own?.enumerable).toBe(true);
  }
}

describe("B28 prototype-pollution keys stay plain data", () => {
  it("in a returned Hash, with String and Symbol keys", async () => {
    expectPlainData(await sandbox.eval(pollutingHash));
    const symbols = await sandbox.eval("{__proto__: {polluted: true}, constructor: 1}");
    expect(Object.getPrototypeOf(symbols)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(symbols)).toEqual(["__proto__", "constructor"]);
  });

  it("nested in arrays and hashes, and in a Map's values", async () => {
    const value = (await sandbox.eval(
      `h = ${pollutingHash}; [h, {"a" => h}, {1 => h}]`,
    )) as unknown[];
    expectPlainData(value[0]);
    expectPlainData((value[1] as Record<string, unknown>).a);
    expectPlainData((value[2] as Map<number, unknown>).get(1));
  });

  it("in service arguments and keyword arguments", async () => {
    await sandbox.eval(
      `Host::Take.call(${pollutingHash}, **${pollutingHash.replace(/"(\w+)" =>/g, "$1:")})`,
    );
    expect(received).toHaveLength(2);
    for (const value of received) expectPlainData(value);
  });

  it("a hash whose keys mimic accessors and JSON hooks does not run them", async () => {
    const value = (await sandbox.eval(
      '{"toJSON" => 1, "get" => 2, "set" => 3, "__lookupGetter__" => 4}',
    )) as Record<string, unknown>;
    expect(JSON.stringify(value)).toBe('{"toJSON":1,"get":2,"set":3,"__lookupGetter__":4}');
  });
});

describe("B26 B29 B66 values with no mapping, cycles and depth", () => {
  it.each([
    ["Object.new", "Object"],
    ["1..2", "Range"],
    ["-> {}", "Proc"],
    ["Struct.new(:a).new(1)", undefined],
    ["Class.new", "Class"],
    ["Kobako", "Module"],
    ["Fiber.new {}", "Fiber"],
    ["/re/", "Regexp"],
    ["Time.at(0)", "Time"],
  ])("returning %s is a SandboxError, never a stringified value", async (source, klass) => {
    const error = await failure(sandbox.eval(source));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.details.kind).toBe("unrepresentable");
    if (klass) expect(error.klass).toBe(klass);
  });

  it.each(["Object.new", "[1, Object.new]", "{a: -> {}}", "1..2", "Fiber.new {}"])(
    "passing %s to a service raises in the guest before the service runs",
    async (value) => {
      const caught = await sandbox.eval(
        `begin; Host::Take.call(${value}); rescue TypeError => e; [e.class.name, e.message]; end`,
      );
      expect(caught).toEqual(["TypeError", expect.stringMatching(/cannot be passed to a service/)]);
      expect(received).toEqual([]);
    },
  );

  it("cyclic and too deep values are refused, not a stack overflow", async () => {
    for (const source of [
      "a = []; a << a; a",
      "h = {}; h[:self] = h; h",
      "a = []; 200.times { a = [a] }; a",
      "h = {}; 200.times { h = {k: h} }; h",
    ]) {
      const error = await failure(sandbox.eval(source));
      expect(error).toBeInstanceOf(SandboxError);
      expect(error.details.kind).toBe("unrepresentable");
    }
    expect(await sandbox.eval("a = []; 100.times { a = [a] }; a.flatten.size")).toBe(0);
  });
});
