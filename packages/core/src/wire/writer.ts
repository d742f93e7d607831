import { WireError } from "./types.js";

const utf8 = new TextEncoder();

/** A growable byte buffer with the MessagePack primitives the wire format uses. */
export class Writer {
  bytes = new Uint8Array(64);
  view = new DataView(this.bytes.buffer);
  length = 0;

  /** @param limit most bytes the message may take (a {@link WireError} `too-large` past it). */
  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.bytes.byteLength) return;
    if (needed > this.limit) {
      throw new WireError(
        "too-large",
        `the message would take more than ${describeSize(this.limit)} (the payload cap)`,
      );
    }
    let size = this.bytes.byteLength * 2;
    while (size < needed) size *= 2;
    size = Math.min(size, this.limit);
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

/** `16 MiB`, `512 KiB` or `100 bytes`. */
export function describeSize(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes >= 1 << 10 && bytes % (1 << 10) === 0) return `${bytes / (1 << 10)} KiB`;
  return `${bytes} bytes`;
}
