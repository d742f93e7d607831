import { describe, expect, it } from "vitest";
import { SandboxError } from "../src/errors.js";
import { HandleTable, MAX_HANDLE_ID } from "../src/host/handles.js";
import { RESERVED_NAMESPACES } from "../src/host/names.js";
import { ServiceRegistry } from "../src/host/services.js";
import { HandleExhaustedError } from "../src/index.js";

describe("B10 service names", () => {
  it("accepts constant names and lists namespaces and members in order", () => {
    const registry = new ServiceRegistry();
    registry
      .define("KV")
      .bind("Get", () => 1)
      .bind("Set_2", {});
    registry.define("Geo").bind("Lookup", () => 2);
    expect(registry.specs()).toEqual([
      ["KV", ["Get", "Set_2"]],
      ["Geo", ["Lookup"]],
    ]);
    expect(registry.define("KV").name).toBe("KV");
  });

  it.each(["", "kv", "_KV", "K-V", "KV::Get", "Ünicode", "K V", " KV", "KV\n", 1, null])(
    "refuses the name %j at once",
    (name) => {
      const registry = new ServiceRegistry();
      expect(() => registry.define(name as string)).toThrow(TypeError);
      expect(() => registry.define("Ok").bind(name as string, () => 1)).toThrow(TypeError);
    },
  );

  it.each(["Kernel", "Object", "String", "Integer", "Kobako", "Comparable", "Math", "Regexp"])(
    "refuses the namespace %s, which would shadow a guest constant",
    (name) => {
      expect(RESERVED_NAMESPACES.has(name)).toBe(true);
      expect(() => new ServiceRegistry().define(name)).toThrow(/shadow/);
      expect(() => new ServiceRegistry().define("Ok").bind(name, () => 1)).not.toThrow();
    },
  );

  it("refuses duplicate bindings and values that are neither function nor object", () => {
    const namespace = new ServiceRegistry().define("KV").bind("Get", () => 1);
    expect(() => namespace.bind("Get", () => 2)).toThrow(/already bound/);
    for (const value of [1, "s", null, undefined, Symbol("s"), true]) {
      expect(() => namespace.bind("Other", value as never)).toThrow(TypeError);
    }
  });

  it("B07 refuses define and bind once sealed", () => {
    const registry = new ServiceRegistry();
    const namespace = registry.define("KV");
    registry.seal();
    expect(() => registry.define("Other")).toThrow(SandboxError);
    expect(() => registry.define("KV")).toThrow(/sealed/);
    expect(() => namespace.bind("Get", () => 1)).toThrow(/sealed/);
  });
});

describe("HandleTable", () => {
  it("hands out ids from 1, the same id for the same object", () => {
    const table = new HandleTable();
    const a = {};
    const b = () => {};
    expect([table.add(a), table.add(b), table.add(a)]).toEqual([1, 2, 1]);
    expect(table.get(2)).toBe(b);
    expect(table.has(3)).toBe(false);
    expect(() => table.get(3)).toThrow(/unknown handle id 3/);
  });

  it("B25 throws HandleExhaustedError past 2^31 − 1", () => {
    const table = new HandleTable(MAX_HANDLE_ID);
    expect(table.add({})).toBe(MAX_HANDLE_ID);
    const error = (() => {
      try {
        table.add({});
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(HandleExhaustedError);
    expect(error).toBeInstanceOf(SandboxError);
    expect(() => new HandleTable(0)).toThrow(RangeError);
  });
});
