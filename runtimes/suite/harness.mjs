// A tiny test harness that behaves the same under Node, Deno and Bun: no test runner, no
// node:assert (whose deep equality differs between runtimes), only what the language has.
// Tests run one after another; the last line printed is a JSON summary the runner reads.

const tests = [];

/** Registers a test; `fn` may be async. */
export function test(name, fn) {
  tests.push({ name, fn });
}

class AssertionError extends Error {
  name = "AssertionError";
}

function show(value) {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (Object.is(value, -0)) return "-0";
  if (value instanceof Uint8Array) return `Uint8Array[${[...value].join(", ")}]`;
  if (value instanceof Map) return `Map(${show([...value])})`;
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => `${key}: ${show(item)}`);
    const name = value.constructor?.name;
    return `${name && name !== "Object" ? `${name} ` : ""}{${entries.join(", ")}}`;
  }
  return String(value);
}

/** Structural equality: same prototype, same own enumerable keys, Object.is on leaves. */
function same(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map) {
    if (a.size !== b.size) return false;
    const right = [...b];
    return [...a].every(([key, value], i) => same(key, right[i][0]) && same(value, right[i][1]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && same(a[key], b[key]));
}

export const assert = {
  ok(value, message = `expected a truthy value, got ${show(value)}`) {
    if (!value) throw new AssertionError(message);
  },
  equal(actual, expected, what = "value") {
    if (!same(actual, expected)) {
      throw new AssertionError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
    }
  },
  match(text, pattern, what = "text") {
    if (typeof text !== "string" || !pattern.test(text)) {
      throw new AssertionError(`${what}: ${show(text)} does not match ${pattern}`);
    }
  },
  /** Awaits `promise`, which must reject with an instance of `klass`; returns the error. */
  async rejects(promise, klass) {
    let error;
    try {
      const value = await promise;
      throw new AssertionError(`expected ${klass.name}, resolved with ${show(value)}`);
    } catch (caught) {
      if (caught instanceof AssertionError) throw caught;
      error = caught;
    }
    if (!(error instanceof klass)) {
      throw new AssertionError(
        `expected ${klass.name}, got ${error?.name}: ${error?.message ?? show(error)}`,
      );
    }
    return error;
  },
};

/**
 * Runs every registered test and prints one line each, then `#summary {json}` with the results
 * and `extra` (measurements). Never calls process.exit: the runner also checks that the process
 * ends by itself, i.e. that idle workers do not keep it alive.
 */
export async function run(extra = () => ({})) {
  const results = [];
  for (const { name, fn } of tests) {
    const started = performance.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: performance.now() - started });
      console.log(`ok ${name}`);
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : show(error);
      results.push({ name, ok: false, ms: performance.now() - started, message });
      console.log(`not ok ${name}\n  ${message}`);
    }
  }
  console.log(`#summary ${JSON.stringify({ results, ...(await extra()) })}`);
}
