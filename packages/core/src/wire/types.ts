import { RubySymbol } from "../symbol.js";

/** MessagePack extension type codes of docs/ABI.md, mirrored by the guest's C codec. */
export const ExtType = {
  Symbol: 1,
  Handle: 2,
  Dict: 3,
  Map: 4,
  BigInt: 5,
} as const;

/** How deep values may nest (arrays, hashes); the guest refuses deeper values too. */
export const MAX_DEPTH = 128;

export type WireErrorReason =
  | "malformed"
  | "unrepresentable"
  | "too-deep"
  | "cyclic"
  | "range"
  | "too-large";

/** Most bytes of one dispatch payload (invocation request, service request or reply). */
export const MAX_PAYLOAD = 16 << 20;

/**
 * A short description of a decoded value for an error message. Never throws: `String()` does on
 * a Symbol, or on an array holding one.
 */
export function describeDecoded(value: unknown): string {
  switch (typeof value) {
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "string":
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case "symbol":
      return `:${value.description ?? ""}`;
    default:
      if (value === null || value === undefined) return String(value);
      if (value instanceof RubySymbol) return `:${value.name.slice(0, 40)}`;
      return Array.isArray(value) ? "an array" : "an object";
  }
}

/** A value could not be encoded, or bytes could not be decoded, by the wire codec. */
export class WireError extends Error {
  readonly reason: WireErrorReason;

  constructor(reason: WireErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}
WireError.prototype.name = "WireError";
