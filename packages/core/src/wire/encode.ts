import { ExtType, MAX_DEPTH, WireError } from "./types.js";

/** Options of {@link encodeWire}. */
export interface EncodeOptions {
  /**
   * Turns a value with no wire mapping (class instance, function, Date, …) into a handle id. Without
   * it such a value is an error.
   */
  toHandle?: (value: object) => number;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const utf8 = new TextEncoder();

/** A growable byte buffer with the MessagePack primitives the wire format uses. */
class Writer {
  bytes = new Uint8Array(64);
  view = new DataView(this.bytes.buffer);
  length = 0;

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.bytes.byteLength) return;
    let size = this.bytes.byteLength * 2;
    while (size < needed) size *= 2;
    const bytes = new Uint8Array(size);
    bytes.set(this.bytes.subarray(0, this.length));
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer);
  }

  u8(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  head(tag: number, size: 1 | 2 | 4 | 8, value: number | bigint): void {
    this.reserve(1 + size);
    this.bytes[this.length] = tag;
    const at = this.length + 1;
    if (size === 1) this.view.setUint8(at, Number(value));
    else if (size === 2) this.view.setUint16(at, Number(value));
    else if (size === 4) this.view.setUint32(at, Number(value));
    else this.view.setBigInt64(at, BigInt(value));
    this.length += 1 + size;
  }

  raw(data: Uint8Array): void {
    this.reserve(data.byteLength);
    this.bytes.set(data, this.length);
    this.length += data.byteLength;
  }

  float(value: number): void {
    this.reserve(9);
    this.bytes[this.length] = 0xcb;
    this.view.setFloat64(this.length + 1, value);
    this.length += 9;
  }

  /** Integer in ±(2^53 − 1), in its smallest MessagePack form. */
  int(value: number): void {
    if (value >= 0) {
      if (value < 0x80) this.u8(value);
      else if (value < 0x100) this.head(0xcc, 1, value);
      else if (value < 0x10000) this.head(0xcd, 2, value);
      else if (value < 0x100000000) this.head(0xce, 4, value);
      else this.head(0xcf, 8, BigInt(value));
    } else if (value >= -0x20) {
      this.u8(value & 0xff);
    } else if (value >= -0x80) {
      this.head(0xd0, 1, value & 0xff);
    } else if (value >= -0x8000) {
      this.head(0xd1, 2, value & 0xffff);
    } else if (value >= -0x80000000) {
      this.head(0xd2, 4, value >>> 0);
    } else {
      this.head(0xd3, 8, BigInt(value));
    }
  }

  str(value: string): void {
    const data = utf8.encode(value);
    const size = data.byteLength;
    if (size < 32) this.u8(0xa0 + size);
    else if (size < 0x100) this.head(0xd9, 1, size);
    else if (size < 0x10000) this.head(0xda, 2, size);
    else if (size <= 0xffffffff) this.head(0xdb, 4, size);
    else throw new WireError("range", `string too large to encode: ${size} bytes`);
    this.raw(data);
  }

  bin(data: Uint8Array): void {
    const size = data.byteLength;
    if (size < 0x100) this.head(0xc4, 1, size);
    else if (size < 0x10000) this.head(0xc5, 2, size);
    else if (size <= 0xffffffff) this.head(0xc6, 4, size);
    else throw new WireError("range", `binary too large to encode: ${size} bytes`);
    this.raw(data);
  }

  array(size: number): void {
    if (size < 16) this.u8(0x90 + size);
    else if (size < 0x10000) this.head(0xdc, 2, size);
    else if (size <= 0xffffffff) this.head(0xdd, 4, size);
    else throw new WireError("range", `array too large to encode: ${size}`);
  }

  ext(type: number, data: Uint8Array): void {
    const size = data.byteLength;
    const fixed = size === 1 ? 0xd4 : size === 2 ? 0xd5 : size === 4 ? 0xd6 : size === 8 ? 0xd7 : 0;
    if (fixed !== 0) this.u8(fixed);
    else if (size === 16) this.u8(0xd8);
    else if (size < 0x100) this.head(0xc7, 1, size);
    else if (size < 0x10000) this.head(0xc8, 2, size);
    else if (size <= 0xffffffff) this.head(0xc9, 4, size);
    else throw new WireError("range", `extension too large to encode: ${size} bytes`);
    this.u8(type);
    this.raw(data);
  }

  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

class ValueEncoder {
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
    if (value < INT64_MIN || value > INT64_MAX) {
      throw new WireError("range", `bigint ${value} is outside the 64-bit integer range`);
    }
    const data = new Uint8Array(8);
    new DataView(data.buffer).setBigInt64(0, value);
    out.ext(ExtType.BigInt, data);
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
        const inner = new Writer();
        inner.array(map.size * 2);
        for (const [key, item] of map) {
          this.value(inner, key, depth + 1);
          this.value(inner, item, depth + 1);
        }
        out.ext(ExtType.Map, inner.take());
      } else {
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record);
        const inner = new Writer();
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

function describeObject(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? `an instance of ${name}` : "an object";
}

/**
 * Encodes a JavaScript value in the wire format of docs/ABI.md (the inverse of the decoder):
 * integers that are safe numbers in their smallest int form, every other number as float 64
 * (so -0, NaN and ±Infinity survive), bigint as int or ext BigInt, plain objects as ext Dict,
 * `Map` as ext Map, `Symbol` as ext Symbol, `Uint8Array` as bin. Throws a {@link WireError} on
 * cycles, nesting deeper than {@link MAX_DEPTH}, bigints outside int64, and values with no
 * mapping (unless `options.toHandle` is given).
 */
export function encodeWire(value: unknown, options: EncodeOptions = {}): Uint8Array {
  const out = new Writer();
  new ValueEncoder(options).value(out, value, 0);
  return out.take();
}
