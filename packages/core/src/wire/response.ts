import { decodeWire } from "./extensions.js";
import { describeDecoded, WireError } from "./types.js";

/**
 * The `kind` of a failed invocation, as the guest reports it: `"service"` is an unrescued
 * `Kobako::ServiceError` raised for a failed service call, `"snippet"`/`"bytecode"` a preloaded
 * snippet that failed, `"timeout"`/`"memory"` a cap of the guest that ended the run.
 */
export type FailureKind =
  | "raise"
  | "syntax"
  | "unrepresentable"
  | "internal"
  | "service"
  | "snippet"
  | "bytecode"
  | "timeout"
  | "memory";

const failureKinds: ReadonlySet<string> = new Set<FailureKind>([
  "raise",
  "syntax",
  "unrepresentable",
  "internal",
  "service",
  "snippet",
  "bytecode",
  "timeout",
  "memory",
]);

/** The error map of a response envelope, checked. */
export interface Failure {
  kind: FailureKind;
  klass: string;
  message: string;
  backtrace: string[];
  /** The snippet that failed (kinds `"snippet"` and `"bytecode"`). */
  snippet?: string;
  /**
   * Kind `"service"`: the id of the host's error reply that made the guest raise (0: the host
   * gave none, e.g. the channel could not reach it).
   */
  failure?: number;
}

/**
 * A decoded response envelope: the script's value, or the failure the guest reports. Data only:
 * which error the call rejects with is decided by the host's outcome mapper (host/outcome.ts).
 */
export type Outcome = { ok: true; value: unknown } | { ok: false; failure: Failure };

/**
 * Decodes a response envelope (`[0, value]` or `[1, error]`, docs/ABI.md). A script failure is
 * returned as a {@link Failure}, never thrown; bytes that are not an envelope throw a
 * {@link WireError}.
 */
export function decodeResponse(
  bytes: Uint8Array,
  resolveHandle?: (id: number) => unknown,
): Outcome {
  const envelope = decodeWire(bytes, resolveHandle);
  if (!Array.isArray(envelope) || envelope.length !== 2) {
    throw new WireError("malformed", "response envelope is not a 2-element array");
  }
  const [tag, body] = envelope;
  if (tag === 0) return { ok: true, value: body };
  if (tag === 1) return { ok: false, failure: toFailure(body) };
  throw new WireError("malformed", `response envelope has unknown tag ${describeDecoded(tag)}`);
}

function toFailure(body: unknown): Failure {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new WireError("malformed", "error body is not a map");
  }
  const { kind, klass, message, backtrace, snippet, failure: id } = body as Record<string, unknown>;
  if (typeof kind !== "string" || !failureKinds.has(kind)) {
    throw new WireError("malformed", `error body has an unknown kind: ${describeDecoded(kind)}`);
  }
  if (typeof klass !== "string" || typeof message !== "string") {
    throw new WireError("malformed", "error body lacks a string klass or message");
  }
  const lines = backtrace ?? [];
  if (!Array.isArray(lines) || !lines.every((line) => typeof line === "string")) {
    throw new WireError("malformed", "error backtrace is not an array of strings");
  }
  const failure: Failure = { kind: kind as FailureKind, klass, message, backtrace: lines };
  if (typeof snippet === "string") failure.snippet = snippet;
  if (typeof id === "number" && Number.isSafeInteger(id) && id >= 0) failure.failure = id;
  return failure;
}
