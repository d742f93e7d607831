import { describe, expect, it } from "vitest";
import { findMember } from "../src/host/members.js";

class Base {
  secret = "own field";
  greet() {
    return "hi";
  }
  get computed() {
    return 42;
  }
  set writeOnly(_value: unknown) {}
}
class Derived extends Base {
  shout() {
    return "HI";
  }
}
Object.defineProperty(Base.prototype, "shared", { value: "data on a prototype" });

function names(target: object, candidates: string[]): string[] {
  return candidates.filter((name) => findMember(target, name) !== undefined);
}

describe("B15 the member allow-list", () => {
  it("reaches own members and methods of the class prototypes", () => {
    const object = new Derived();
    expect(names(object, ["secret", "greet", "shout", "computed"])).toEqual([
      "secret",
      "greet",
      "shout",
      "computed",
    ]);
    const read = findMember(object, "computed");
    expect(read?.kind === "property" && read.read()).toBe(42);
    const method = findMember(object, "greet");
    expect(method?.kind === "method" && method.self).toBe(object);
  });

  it("never reaches constructor, __proto__, prototype, setters or prototype data", () => {
    const object = new Derived();
    expect(names(object, ["constructor", "__proto__", "prototype", "writeOnly", "shared"])).toEqual(
      [],
    );
    const hostile = { constructor: () => "own", __proto__: { evil: true }, prototype: 1 };
    Object.defineProperty(hostile, "__proto__", { value: () => "own data", enumerable: true });
    expect(names(hostile, ["constructor", "__proto__", "prototype"])).toEqual([]);
  });

  it("reaches nothing of Object.prototype, whatever the object", () => {
    const inherited = Object.getOwnPropertyNames(Object.prototype);
    expect(inherited).toContain("__defineGetter__");
    for (const target of [{}, new Derived(), Object.create(null), Object.prototype]) {
      expect(names(target, inherited)).toEqual([]);
    }
    // Built-in classes have methods of their own by those names (Date.prototype.toString):
    // those are class-prototype methods, never Object.prototype's.
    const objectPrototype = Object.prototype as unknown as Record<string, unknown>;
    for (const target of [[], new Date(0), new Map()]) {
      for (const name of inherited) {
        const member = findMember(target, name);
        if (member?.kind === "method") expect(member.fn).not.toBe(objectPrototype[name]);
        else expect(member).toBeUndefined();
      }
    }
  });

  it("reaches a function only by call, which invokes it", () => {
    function service() {
      return 1;
    }
    service.extra = () => 2;
    const candidates = [
      ...Object.getOwnPropertyNames(Function.prototype),
      "extra",
      "length",
      "name",
      "prototype",
    ];
    expect(names(service, candidates)).toEqual(["call"]);
    const call = findMember(service, "call");
    expect(call?.kind === "method" && call.fn).toBe(service);
    class Klass {
      value = 1;
      static create() {
        return new Klass();
      }
    }
    expect(names(Klass, ["create", "call", "apply", "bind"])).toEqual(["call"]);
  });

  it("stops at a callable prototype and at the root of another realm's chain", () => {
    const fakeFunctionPrototype = Object.assign(() => {}, { leak: () => "leaked" });
    const viaFunction = Object.create(fakeFunctionPrototype);
    expect(names(viaFunction, ["leak", "call", "apply", "bind"])).toEqual([]);
    // A chain whose root is not this realm's Object.prototype (as from an iframe or vm context).
    const foreignRoot = Object.create(null, { hasOwnProperty: { value: () => true } });
    const foreignProto = Object.create(foreignRoot, { method: { value: () => "ok" } });
    const foreign = Object.create(foreignProto);
    expect(names(foreign, ["method", "hasOwnProperty"])).toEqual(["method"]);
  });

  it("binds methods to the object and keeps own data read-only", () => {
    const counter = {
      count: 1,
      bump(this: { count: number }) {
        this.count += 1;
        return this.count;
      },
    };
    const bump = findMember(counter, "bump");
    expect(bump?.kind === "method" && Reflect.apply(bump.fn, bump.self, [])).toBe(2);
    expect(findMember(counter, "count=")).toBeUndefined();
  });
});
