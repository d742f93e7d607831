import { type EncodeOptions, ValueEncoder } from "./encode.js";
import { decodeWire } from "./extensions.js";
import { describeDecoded, WireError } from "./types.js";
import { Writer } from "./writer.js";

/** A request the guest makes through `kobako.service_call` (docs/ABI.md, "Service request"). */
export type ServiceRequest =
  | {
      readonly form: "call";
      /** A service path (`"KV::Lookup"`) or the host object of a Handle. */
      readonly target: string | object;
      readonly method: string;
      readonly args: unknown[];
      readonly kwargs: Record<string, unknown> | null;
      readonly block: boolean;
    }
  | { readonly form: "block-value"; readonly value: unknown }
  | { readonly form: "block-error"; readonly klass: string; readonly message: string }
  | { readonly form: "block-exit" };

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function malformed(message: string): WireError {
  return new WireError("malformed", `service request: ${message}`);
}

function call(items: unknown[]): ServiceRequest {
  const [, target, method, args, kwargs, block] = items;
  if (items.length !== 6) throw malformed("a call has 6 elements");
  if (typeof target !== "string" && (typeof target !== "object" || target === null)) {
    if (typeof target !== "function") throw malformed("the target is not a path or a Handle");
  }
  if (typeof method !== "string") throw malformed("the method is not a string");
  if (!Array.isArray(args)) throw malformed("the arguments are not an array");
  if (kwargs !== null && !isRecord(kwargs)) throw malformed("the keywords are not a Dict");
  if (typeof block !== "boolean") throw malformed("the block flag is not a boolean");
  return { form: "call", target: target as string | object, method, args, kwargs, block };
}

/**
 * Decodes a service request. Handles resolve through `resolveHandle` (which throws for ids it
 * does not know). Throws a {@link WireError} for anything else than the four forms of the ABI.
 */
export function decodeServiceRequest(
  bytes: Uint8Array,
  resolveHandle?: (id: number) => unknown,
): ServiceRequest {
  const items = decodeWire(bytes, resolveHandle);
  if (!Array.isArray(items) || items.length < 1) throw malformed("not an array");
  switch (items[0]) {
    case 0:
      return call(items);
    case 1:
      if (items.length !== 2) throw malformed("a block value has 2 elements");
      return { form: "block-value", value: items[1] };
    case 2: {
      const error = items[1];
      if (items.length !== 2 || typeof error !== "object" || error === null) {
        throw malformed("a block error is [2, {klass, message}]");
      }
      const { klass, message } = error as Record<string, unknown>;
      return {
        form: "block-error",
        klass: typeof klass === "string" ? klass : "StandardError",
        message: typeof message === "string" ? message : "",
      };
    }
    case 3:
      return { form: "block-exit" };
    default:
      throw malformed(`unknown form ${describeDecoded(items[0])}`);
  }
}

/** `[0, value]`: the service returned `value` (non-representable leaves become Handles). */
export function encodeReturnReply(value: unknown, options: EncodeOptions = {}): Uint8Array {
  const out = new Writer(options.limit);
  out.array(2);
  out.u8(0);
  new ValueEncoder(options).value(out, value, 0);
  return out.take();
}

/**
 * `[1, {klass, message, id}]`: the service threw; the guest raises `Kobako::ServiceError`. `id`
 * (omitted when 0) names the host's record of the failure: an unrescued exception carries it back
 * in its error envelope.
 */
export function encodeErrorReply(klass: string, message: string, id = 0): Uint8Array {
  const out = new Writer();
  out.array(2);
  out.u8(1);
  // A plain MessagePack map, like the error map of a response envelope.
  out.u8(id > 0 ? 0x83 : 0x82);
  out.str("klass");
  out.str(klass);
  out.str("message");
  out.str(message);
  if (id > 0) {
    out.str("id");
    out.int(id);
  }
  return out.take();
}

/** `[2, args]`: run the block given to this call with `args`. */
export function encodeBlockReply(
  args: readonly unknown[],
  options: EncodeOptions = {},
): Uint8Array {
  const out = new Writer(options.limit);
  out.array(2);
  out.u8(2);
  new ValueEncoder(options).value(out, args, 0);
  return out.take();
}
