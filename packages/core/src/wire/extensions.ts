import { Decoder, type ExtData, type ExtensionCodecType } from "@msgpack/msgpack";
import { checkShape } from "./shape.js";
import { ExtType, MAX_DEPTH, WireError } from "./types.js";

/** Per-decode state shared by nested decoders. */
export interface DecodeContext {
  depth: number;
  /** Maps a handle id to its host object; without it a Handle is an error. */
  resolveHandle: ((id: number) => unknown) | undefined;
}

const utf8 = new TextDecoder();

function nested(data: Uint8Array, context: DecodeContext): unknown[] {
  if (context.depth >= MAX_DEPTH) {
    throw new WireError("too-deep", `value nested deeper than ${MAX_DEPTH} levels`);
  }
  context.depth++;
  try {
    const items = decoder.decode(data);
    if (!Array.isArray(items) || items.length % 2 !== 0) {
      throw new WireError("malformed", "hash payload is not an array of key-value pairs");
    }
    return items;
  } finally {
    context.depth--;
  }
}

function decodeDict(data: Uint8Array, context: DecodeContext): Record<string, unknown> {
  const items = nested(data, context);
  const dict: Record<string, unknown> = {};
  for (let i = 0; i < items.length; i += 2) {
    const key = items[i];
    if (typeof key !== "string") {
      throw new WireError("malformed", "dict key is not a string");
    }
    // Defining rather than assigning keeps `__proto__` an own data property: no prototype change.
    Object.defineProperty(dict, key, {
      value: items[i + 1],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return dict;
}

function decodeMap(data: Uint8Array, context: DecodeContext): Map<unknown, unknown> {
  const items = nested(data, context);
  const map = new Map<unknown, unknown>();
  for (let i = 0; i < items.length; i += 2) {
    map.set(items[i], items[i + 1]);
  }
  return map;
}

function decodeBigInt(data: Uint8Array): bigint | number {
  if (data.byteLength === 0) {
    throw new WireError("malformed", "BigInt payload is empty");
  }
  // Two's complement, big-endian: 8 bytes for an int64, as many as it takes past that.
  let value: bigint;
  if (data.byteLength === 8) {
    value = new DataView(data.buffer, data.byteOffset, 8).getBigInt64(0, false);
  } else {
    let hex = "";
    for (const byte of data) hex += byte.toString(16).padStart(2, "0");
    value = BigInt.asIntN(data.byteLength * 8, BigInt(`0x${hex}`));
  }
  const small = Number(value);
  return Number.isSafeInteger(small) ? small : value;
}

function decodeHandle(data: Uint8Array, context: DecodeContext): unknown {
  if (data.byteLength !== 4) {
    throw new WireError("malformed", `Handle payload has ${data.byteLength} bytes, expected 4`);
  }
  const id = new DataView(data.buffer, data.byteOffset, 4).getUint32(0, false);
  if (!context.resolveHandle) {
    throw new WireError("malformed", `Handle ${id} received, but no handles exist here`);
  }
  return context.resolveHandle(id);
}

/**
 * The extension types of docs/ABI.md for @msgpack/msgpack's decoder. Unknown types (including
 * msgpack's built-in timestamp) are refused rather than passed through as raw `ExtData`.
 */
export const extensionCodec: ExtensionCodecType<DecodeContext> = {
  tryToEncode(): ExtData | null {
    // Encoding goes through ./encode.ts, which needs exact control over numbers (-0.0).
    return null;
  },
  decode(data: Uint8Array, type: number, context: DecodeContext): unknown {
    switch (type) {
      case ExtType.Symbol:
        return Symbol.for(utf8.decode(data));
      case ExtType.Handle:
        return decodeHandle(data, context);
      case ExtType.Dict:
        return decodeDict(data, context);
      case ExtType.Map:
        return decodeMap(data, context);
      case ExtType.BigInt:
        return decodeBigInt(data);
      default:
        throw new WireError("malformed", `unknown extension type ${type}`);
    }
  },
};

const context: DecodeContext = { depth: 0, resolveHandle: undefined };

// One decoder for every decode: it clones itself when re-entered for a nested hash, and the clones
// share `context`, so the depth count spans the whole value.
const decoder = new Decoder<DecodeContext>({ extensionCodec, context });

/**
 * Decodes one MessagePack value of the wire format. Throws a {@link WireError} for anything that
 * is not such a value, whatever the bytes, and before decoding anything for a payload nested too
 * deep or holding too many containers (see {@link checkShape}).
 */
export function decodeWire(bytes: Uint8Array, resolveHandle?: (id: number) => unknown): unknown {
  context.depth = 0;
  context.resolveHandle = resolveHandle;
  try {
    checkShape(bytes);
    return decoder.decode(bytes);
  } catch (error) {
    if (error instanceof WireError) throw error;
    throw new WireError("malformed", `malformed MessagePack: ${describe(error)}`, { cause: error });
  } finally {
    context.resolveHandle = undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
