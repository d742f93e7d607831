/** What a namespace, member or `run` target must look like: a plain Ruby constant name. */
export const CONSTANT_NAME = /^[A-Z]\w*$/;

/**
 * Top-level constants of the guest (mruby 3.3 with kobako's gems, as `Object.constants` lists
 * them) and of Ruby's standard library the guest may grow: a service namespace of one of these
 * names would replace or reopen a class the guest relies on.
 */
export const RESERVED_NAMESPACES: ReadonlySet<string> = new Set([
  // mruby 3.3 core and the gems of guest/build_config.rb
  "ArgumentError",
  "Array",
  "BasicObject",
  "Binding",
  "Class",
  "Comparable",
  "Complex",
  "Enumerable",
  "Enumerator",
  "Exception",
  "FalseClass",
  "Fiber",
  "FiberError",
  "Fixnum",
  "Float",
  "FloatDomainError",
  "FrozenError",
  "GC",
  "Hash",
  "IndexError",
  "Integer",
  "Kernel",
  "KeyError",
  "Kobako",
  "LocalJumpError",
  "MRUBY_COPYRIGHT",
  "MRUBY_DESCRIPTION",
  "MRUBY_RELEASE_DATE",
  "MRUBY_RELEASE_NO",
  "MRUBY_VERSION",
  "Math",
  "Method",
  "Module",
  "NameError",
  "NilClass",
  "NoMemoryError",
  "NoMethodError",
  "NotImplementedError",
  "Numeric",
  "Object",
  "Proc",
  "RUBY_ENGINE",
  "RUBY_ENGINE_VERSION",
  "RUBY_VERSION",
  "Random",
  "Range",
  "RangeError",
  "Rational",
  "RegexpError",
  "RuntimeError",
  "STDERR",
  "STDOUT",
  "ScriptError",
  "StandardError",
  "StopIteration",
  "String",
  "Struct",
  "Symbol",
  "SyntaxError",
  "SystemStackError",
  "Time",
  "TrueClass",
  "TypeError",
  "UnboundMethod",
  "UncaughtThrowError",
  "ZeroDivisionError",
  // planned for the guest (Regexp on Oniguruma) or standard Ruby names scripts expect
  "ARGF",
  "ARGV",
  "Data",
  "Dir",
  "ENV",
  "EOFError",
  "Encoding",
  "EncodingError",
  "Errno",
  "File",
  "IO",
  "IOError",
  "Interrupt",
  "MatchData",
  "Marshal",
  "ObjectSpace",
  "Process",
  "Regexp",
  "STDIN",
  "SecurityError",
  "Set",
  "Signal",
  "SignalException",
  "SystemCallError",
  "SystemExit",
  "Thread",
  "ThreadError",
  "TOPLEVEL_BINDING",
  "Warning",
]);

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : typeof value;
}

/** Throws `TypeError` unless `name` is a string matching {@link CONSTANT_NAME}. */
export function checkConstantName(what: string, name: unknown): asserts name is string {
  if (typeof name !== "string" || !CONSTANT_NAME.test(name)) {
    throw new TypeError(
      `${what} must be a Ruby constant name (/^[A-Z]\\w*$/), got ${describe(name)}`,
    );
  }
}

/** Throws `TypeError` for a namespace name that is malformed or shadows a guest constant. */
export function checkNamespace(name: unknown): asserts name is string {
  checkConstantName("a service namespace", name);
  if (RESERVED_NAMESPACES.has(name)) {
    throw new TypeError(`service namespace ${name} would shadow the guest's own constant ${name}`);
  }
}
