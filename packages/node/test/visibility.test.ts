// B74 method visibility and exception state in the guest (guest patches 31 and 32): private and
// protected hold against scripts, through send/public_send/respond_to? and on service proxies.
import { afterAll, describe, expect, it } from "vitest";
import { RubySymbol, Sandbox, SandboxError } from "../dist/index.js";
import { failure } from "./support.js";

const sandbox = new Sandbox();
sandbox.define("KV").bind("Get", (key: unknown) => `value of ${String(key)}`);
afterAll(() => sandbox.close());

const safe = `
class Safe
  def open = "opened with #{combo}"
  def code=(v)
    @code = v
  end
  def reset = (self.code = 0; @code)
  private :code=
  private
  def combo = "1234"
end
`;

describe("B74 method visibility", () => {
  it.each([
    [`${safe} Safe.new.open`, "opened with 1234"],
    [`${safe} Safe.new.reset`, 0],
    [`${safe} Safe.new.send(:combo)`, "1234"],
    [`${safe} Safe.new.__send__(:combo)`, "1234"],
    [
      `${safe} s = Safe.new; [s.respond_to?(:combo), s.respond_to?(:combo, true), s.respond_to?(:open)]`,
      [false, true, true],
    ],
    [
      `${safe} [Safe.private_instance_methods(false).sort, Safe.public_method_defined?(:open)]`,
      [[new RubySymbol("code="), new RubySymbol("combo")], true],
    ],
    ["class Obj; end; Obj.new.respond_to?(:initialize)", false],
    [
      "class S; attr_reader :v; protected :v; def initialize(v) = @v = v; def same?(o) = v == o.v; end; [S.new(1).same?(S.new(1)), (S.new(1).v rescue $!.class.name)]",
      [true, "NoMethodError"],
    ],
    [
      "module U; module_function; def twice(x) = x * 2; end; [U.twice(2), (Object.new.extend(U).twice(1) rescue $!.class.name)]",
      [4, "NoMethodError"],
    ],
    [
      "class C; def self.make = new; private_class_method :new; end; [C.make.class.name, (C.new rescue $!.class.name)]",
      ["C", "NoMethodError"],
    ],
    [
      "class Box; SECRET = 1; private_constant :SECRET; def self.peek = SECRET; end; [Box.peek, (Box::SECRET rescue $!.message)]",
      [1, "private constant Box::SECRET referenced"],
    ],
  ])("%s", async (source, expected) => {
    expect(await sandbox.eval(source)).toEqual(expected);
  });

  it("a private method called with a receiver is a NoMethodError in CRuby's words", async () => {
    const error = await failure<SandboxError>(sandbox.eval(`${safe} Safe.new.combo`));
    expect(error).toBeInstanceOf(SandboxError);
    expect(error.klass).toBe("NoMethodError");
    expect(error.message).toBe("private method 'combo' called for an instance of Safe");
  });

  it("public_send refuses what send allows", async () => {
    const error = await failure<SandboxError>(sandbox.eval(`${safe} Safe.new.public_send(:combo)`));
    expect(error.klass).toBe("NoMethodError");
    expect(error.message).toBe("private method 'combo' called for an instance of Safe");
  });

  it("a class with method_missing receives calls to its private methods, as in CRuby", async () => {
    const source = `
      class Ghost
        def method_missing(name, *args) = [:missing, name]
        def respond_to_missing?(*) = true
        private def hidden = :hidden
      end
      [Ghost.new.hidden, Ghost.new.send(:hidden)]
    `;
    expect(await sandbox.eval(source)).toEqual([
      [new RubySymbol("missing"), new RubySymbol("hidden")],
      new RubySymbol("hidden"),
    ]);
  });

  it("service proxies keep forwarding when a script meddles with their visibility", async () => {
    // Service proxies are BasicObjects whose method_missing goes to the host; C code (inspect of
    // an Array) calls past visibility.
    const source = `
      class Kobako::Service
        private :method_missing
        private :inspect
      end
      [KV::Get.call("a"), KV::Get.__send__(:call, "b"), [KV::Get].inspect]
    `;
    expect(await sandbox.eval(source)).toEqual([
      "value of a",
      "value of b",
      "[#<Kobako::Service KV::Get>]",
    ]);
  });

  it("private, private_class_method and private_constant of unknown names are NameErrors", async () => {
    for (const source of [
      "class A; private :nope; end",
      "class A; private_class_method :nope; end",
      "class A; private_constant :NOPE; end",
    ]) {
      const error = await failure<SandboxError>(sandbox.eval(source));
      expect(error.klass).toBe("NameError");
    }
  });

  it("visibility arguments that are not names are TypeErrors", async () => {
    const error = await failure<SandboxError>(sandbox.eval("class A; private 42; end"));
    expect(error.klass).toBe("TypeError");
  });
});

describe("B74 exception state", () => {
  it.each([
    ["begin; raise 'x'; rescue; $!.message; end", "x"],
    ["begin; raise 'x'; rescue; end; $!", null],
    ["x = (raise 'a' rescue $!.message); [x, $!]", ["a", null]],
    [
      "begin; begin; raise KeyError, 'inner'; rescue; raise; end; rescue => e; [e.class.name, e.message]; end",
      ["KeyError", "inner"],
    ],
    [
      "begin; begin; raise 'low'; rescue; raise ArgumentError, 'high'; end; rescue => e; [e.message, e.cause.message]; end",
      ["high", "low"],
    ],
    ["begin; raise 'solo'; rescue => e; e.cause; end", null],
    [
      "begin; raise ArgumentError.new('o'), cause: RuntimeError.new('i'); rescue => e; e.cause.message; end",
      "i",
    ],
    ["begin; begin; raise 'a'; rescue; begin; raise 'b'; rescue; end; $!.message; end; end", "a"],
    ["catch(:t) { begin; throw :t, :thrown; rescue Exception; :rescued; end; :fell }", "thrown"],
    ["def y = yield; (y rescue $!.message)", "no block given (yield)"],
    ["n = 0; begin; raise 'r' if (n += 1) < 3; rescue; retry; end; [$!, n]", [null, 3]],
  ])("%s", async (source, expected) => {
    const value = await sandbox.eval(source);
    expect(value instanceof RubySymbol ? value.name : value).toEqual(expected);
  });
});
