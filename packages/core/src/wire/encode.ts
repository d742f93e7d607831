import { ExtType, MAX_DEPTH, WireError } from "./types.js";
import { Writer } from "./writer.js";

/** Options of {@link encodeWire}. */
export interface EncodeOptions {
  /**
   * Turns a value with no wire mapping (class instance, function, Date, …) into a handle id. Without
   * it such a value is an error.
   */
  toHandle?: ((value: object) => number) | undefined;
  /** Most bytes the encoding may take; past it a {@link WireError} `too-large` is thrown. */
  limit?: number | undefined;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const utf8 = new TextEncoder();

/** Writes values into a {@link Writer}; one instance per message (it tracks cycles). */
export class ValueEncoder {
  private readonly ancestors = new Set<object>();

  constructor(private readonly options: EncodeOptions) {}

  value(out: Writer, value: unknown, depth: number): void {
    switch (typeof value) {
      case "undefined":
        out.u8(0xc0);
        return;
      case "boolean":
        out.u8(value ? 0xc3 : 0xc2);
        return;
      case "number":
        if (Number.isSafeInteger(value) && !Object.is(value, -0)) out.int(value);
        else out.float(value);
        return;
      case "bigint":
        this.bigint(out, value);
        return;
      case "string":
        out.str(value);
        return;
      case "symbol":
        out.ext(ExtType.Symbol, utf8.encode(Symbol.keyFor(value) ?? value.description ?? ""));
        return;
      default:
        if (value === null) out.u8(0xc0);
        else this.object(out, value as object, depth);
    }
  }

  private bigint(out: Writer, value: bigint): void {
    if (value >= -BigInt(Number.MAX_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) {
      out.int(Number(value));
      return;
    }
    out.ext(ExtType.BigInt, twosComplement(value));
  }

  private object(out: Writer, value: object, depth: number): void {
    if (value instanceof Uint8Array) {
      out.bin(value);
      return;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    const kind = Array.isArray(value)
      ? "array"
      : value instanceof Map
        ? "map"
        : proto === Object.prototype || proto === null
          ? "dict"
          : undefined;
    if (kind === undefined) {
      this.handle(out, value);
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw new WireError("too-deep", `value nested deeper than ${MAX_DEPTH} levels`);
    }
    if (this.ancestors.has(value)) {
      throw new WireError("cyclic", "cyclic value cannot be encoded");
    }
    this.ancestors.add(value);
    try {
      if (kind === "array") {
        const items = value as unknown[];
        out.array(items.length);
        for (let i = 0; i < items.length; i++) this.value(out, items[i], depth + 1);
      } else if (kind === "map") {
        const map = value as Map<unknown, unknown>;
        const inner = new Writer(this.options.limit);
        inner.array(map.size * 2);
        for (const [key, item] of map) {
          this.value(inner, key, depth + 1);
          this.value(inner, item, depth + 1);
        }
        out.ext(ExtType.Map, inner.take());
      } else {
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record);
        const inner = new Writer(this.options.limit);
        inner.array(keys.length * 2);
        for (const key of keys) {
          inner.str(key);
          this.value(inner, record[key], depth + 1);
        }
        out.ext(ExtType.Dict, inner.take());
      }
    } finally {
      this.ancestors.delete(value);
    }
  }

  private handle(out: Writer, value: object): void {
    const { toHandle } = this.options;
    if (!toHandle) {
      const what = typeof value === "function" ? "a function" : describeObject(value);
      throw new WireError("unrepresentable", `${what} has no mapping to a Ruby value`);
    }
    const id = toHandle(value);
    const data = new Uint8Array(4);
    new DataView(data.buffer).setUint32(0, id);
    out.ext(ExtType.Handle, data);
  }
}

/** 8 bytes within int64 (the guest's machine integers), else the fewest that hold the sign. */
function twosComplement(value: bigint): Uint8Array {
  if (value >= INT64_MIN && value <= INT64_MAX) {
    const data = new Uint8Array(8);
    new DataView(data.buffer).setBigInt64(0, value);
    return data;
  }
  const magnitude = value < 0n ? ~value : value;
  const size = (magnitude.toString(2).length >> 3) + 1;
  const hex = BigInt.asUintN(size * 8, value)
    .toString(16)
    .padStart(size * 2, "0");
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return data;
}

function describeObject(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? `an instance of ${name}` : "an object";
}

/**
 * Encodes a JavaScript value in the wire format of docs/ABI.md (the inverse of the decoder):
 * integers that are safe numbers in their smallest int form, every other number as float 64
 * (so -0, NaN and ±Infinity survive), bigint as int or ext BigInt (any size), plain objects as ext Dict,
 * `Map` as ext Map, `Symbol` as ext Symbol, `Uint8Array` as bin. Throws a {@link WireError} on
 * cycles, nesting deeper than {@link MAX_DEPTH}, and values with no
 * mapping (unless `options.toHandle` is given).
 */
export function encodeWire(value: unknown, options: EncodeOptions = {}): Uint8Array {
  const out = new Writer(options.limit);
  new ValueEncoder(options).value(out, value, 0);
  return out.take();
}
