import { RubySymbol } from "@kobako/core";

/** Renders a value returned by a sandbox the way Ruby's `inspect` would show the original. */
export function inspect(value: unknown): string {
  switch (typeof value) {
    case "undefined":
      return "nil";
    case "boolean":
    case "bigint":
      return String(value);
    case "number":
      return number(value);
    case "string":
      return quote(value);
    case "symbol":
      return symbol(Symbol.keyFor(value) ?? value.description ?? "");
    default:
      break;
  }
  if (value === null) return "nil";
  if (value instanceof RubySymbol) return symbol(value.name);
  if (value instanceof Uint8Array) return binary(value);
  if (Array.isArray(value)) return `[${value.map(inspect).join(", ")}]`;
  if (value instanceof Map) {
    const pairs = [...value].map(([k, v]) => `${inspect(k)} => ${inspect(v)}`);
    return `{${pairs.join(", ")}}`;
  }
  if (typeof value === "object") {
    const pairs = Object.entries(value).map(([k, v]) => `${quote(k)} => ${inspect(v)}`);
    return `{${pairs.join(", ")}}`;
  }
  return String(value);
}

// Ruby Integers arrive as safe integers; other numbers were Floats (whole Floats cannot be told
// apart from Integers, and print as such).
function number(value: number): string {
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (Object.is(value, -0)) return "-0.0";
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e16) {
    const [mantissa = "", exponent = "0"] = value.toExponential().split("e");
    const power = Number(exponent);
    const digits = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
    return `${digits}e${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
  }
  const text = String(value);
  return text.includes(".") ? text : `${text}.0`;
}

const escapes: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\t": "\\t",
  "\r": "\\r",
  "\f": "\\f",
  "\v": "\\v",
  "\b": "\\b",
  "\x07": "\\a",
  "\x1b": "\\e",
};

function escapeChar(char: string, code: number, next: string | undefined): string {
  const known = escapes[char];
  if (known) return known;
  if (char === "#" && (next === "{" || next === "$" || next === "@")) return "\\#";
  if (code < 0x20) return `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code === 0x7f) return "\\x7F";
  return char;
}

function quote(text: string): string {
  let out = '"';
  const chars = [...text];
  chars.forEach((char, i) => {
    out += escapeChar(char, char.codePointAt(0) ?? 0, chars[i + 1]);
  });
  return `${out}"`;
}

function binary(bytes: Uint8Array): string {
  let out = '"';
  bytes.forEach((byte, i) => {
    const char = String.fromCharCode(byte);
    const next = bytes[i + 1];
    if (byte >= 0x80 || byte === 0x7f)
      out += `\\x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    else if (byte < 0x20 && !escapes[char])
      out += `\\x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    else out += escapeChar(char, byte, next === undefined ? undefined : String.fromCharCode(next));
  });
  return `${out}"`;
}

const plainSymbol =
  /^(?:[A-Za-z_][A-Za-z0-9_]*[?!=]?|\[\]=?|[+\-*/%<>!~^&|]|\*\*|[<>=!]=|<=>|===?|=~|<<|>>|[+-]@)$/;

function symbol(name: string): string {
  return plainSymbol.test(name) ? `:${name}` : `:${quote(name)}`;
}
