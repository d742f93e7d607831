import { RubySymbol } from "@kobako/browser";

/**
 * Formats a value returned by `sandbox.eval` the way Ruby's `#inspect` would show the Ruby value
 * it came from (see the value table in BRIEF.md), so the playground reads like `irb`.
 *
 * Some information is lost at the boundary and cannot be recovered here: an integral Float within
 * the safe-integer range arrives as a plain number and prints as an Integer (`1`, not `1.0`), and
 * Symbol keys of a Hash arrive as strings.
 */
export function inspect(value: unknown): string {
  return inspectValue(value, new Set());
}

function inspectValue(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case "undefined":
      return "nil";
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return inspectNumber(value);
    case "bigint":
      return value.toString();
    case "string":
      return inspectString(value);
    case "symbol":
      return inspectSymbol(Symbol.keyFor(value) ?? value.description ?? "");
    case "function":
      return `#<JS Function${value.name ? ` ${value.name}` : ""}>`;
  }
  if (value === null) return "nil";
  const object = value as object;
  if (object instanceof RubySymbol) return inspectSymbol(object.name);
  if (object instanceof Uint8Array) return inspectBinary(object);
  if (Array.isArray(object)) {
    if (seen.has(object)) return "[...]";
    seen.add(object);
    const out = `[${object.map((item) => inspectValue(item, seen)).join(", ")}]`;
    seen.delete(object);
    return out;
  }
  if (object instanceof Map) {
    if (seen.has(object)) return "{...}";
    seen.add(object);
    const pairs = [...object].map(
      ([k, v]) => `${inspectValue(k, seen)} => ${inspectValue(v, seen)}`,
    );
    seen.delete(object);
    return pairs.length ? `{${pairs.join(", ")}}` : "{}";
  }
  if (isPlainObject(object)) {
    if (seen.has(object)) return "{...}";
    seen.add(object);
    const pairs = Object.keys(object).map(
      (k) => `${inspectString(k)} => ${inspectValue((object as Record<string, unknown>)[k], seen)}`,
    );
    seen.delete(object);
    return pairs.length ? `{${pairs.join(", ")}}` : "{}";
  }
  // A host object handed back through a handle; Ruby has no literal for it.
  const name = object.constructor?.name;
  return `#<JS ${name || "Object"}>`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/** Ruby's Float#inspect, or Integer#inspect for a safe integral number. */
export function inspectNumber(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Number.POSITIVE_INFINITY) return "Infinity";
  if (n === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (Object.is(n, -0)) return "-0.0";
  // Integers past 2^53 arrive as bigint, so a number this large was a Float.
  if (Number.isSafeInteger(n)) return String(n);

  // Shortest round-trip digits and decimal exponent, as Ruby's flo_to_s uses them.
  const [mantissa = "", exp = "0"] = Math.abs(n).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const decpt = Number(exp) + 1; // position of the decimal point relative to the digits
  const sign = n < 0 ? "-" : "";

  if (decpt > 0 && decpt <= 16) {
    const int = digits.slice(0, decpt).padEnd(decpt, "0");
    const frac = digits.slice(decpt) || "0";
    return `${sign}${int}.${frac}`;
  }
  if (decpt <= 0 && decpt > -4) {
    return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  }
  const e = decpt - 1;
  const frac = digits.slice(1) || "0";
  return `${sign}${digits[0]}.${frac}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

const NAMED_ESCAPES = new Map<number, string>([
  [0x07, "\\a"],
  [0x08, "\\b"],
  [0x09, "\\t"],
  [0x0a, "\\n"],
  [0x0b, "\\v"],
  [0x0c, "\\f"],
  [0x0d, "\\r"],
  [0x1b, "\\e"],
  [0x22, '\\"'],
  [0x5c, "\\\\"],
]);

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");

/** Ruby's String#inspect for a UTF-8 string. */
export function inspectString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const code = s.codePointAt(i) ?? 0;
    if (code > 0xffff) i++; // astral character: two UTF-16 units
    const named = NAMED_ESCAPES.get(code);
    if (named) {
      out += named;
    } else if (code === 0x23 && /[{$@]/.test(s[i + 1] ?? "")) {
      out += "\\#"; // keeps "#{...}" from reading as interpolation
    } else if (code < 0x20 || code === 0x7f) {
      out += code === 0x7f ? "\\x7F" : `\\u${hex(code, 4)}`;
    } else if ((code >= 0x80 && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff)) {
      out += `\\u${hex(code, 4)}`;
    } else {
      out += String.fromCodePoint(code);
    }
  }
  return `${out}"`;
}

/** Ruby's String#inspect for a binary (ASCII-8BIT) string. */
export function inspectBinary(bytes: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    const named = NAMED_ESCAPES.get(byte);
    if (named) {
      out += named;
    } else if (byte === 0x23 && [0x7b, 0x24, 0x40].includes(bytes[i + 1] ?? 0)) {
      out += "\\#";
    } else if (byte < 0x20 || byte >= 0x7f) {
      out += `\\x${hex(byte, 2)}`;
    } else {
      out += String.fromCharCode(byte);
    }
  }
  return `${out}"`;
}

const PLAIN_SYMBOL =
  /^(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*[?!=]?|[@$][A-Za-z_][\w]*|@@[A-Za-z_]\w*|\[\]=?|[-+]@|[!~]|!=|!~|=~|==|===|<=>|<=?|>=?|<<|>>|\*\*?|[-+/%&|^`])$/;

/** Ruby's Symbol#inspect: `:name`, or `:"..."` when the name is not a plain identifier. */
export function inspectSymbol(name: string): string {
  return PLAIN_SYMBOL.test(name) ? `:${name}` : `:${inspectString(name)}`;
}
