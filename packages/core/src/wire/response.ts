import { SandboxError } from "../errors.js";
import { decodeWire } from "./extensions.js";
import { WireError } from "./types.js";

/** The `kind` of a failed invocation, as the guest reports it. */
export type FailureKind = "raise" | "syntax" | "unrepresentable" | "internal";

const failureKinds: ReadonlySet<string> = new Set<FailureKind>([
  "raise",
  "syntax",
  "unrepresentable",
  "internal",
]);

/** A decoded response envelope: the script's value, or the error it failed with. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: SandboxError };

/**
 * Decodes a response envelope (`[0, value]` or `[1, error]`, docs/ABI.md). A script failure is
 * returned as a {@link SandboxError}, never thrown; bytes that are not an envelope throw a
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
  if (tag === 1) return { ok: false, error: toSandboxError(body) };
  throw new WireError("malformed", `response envelope has unknown tag ${String(tag)}`);
}

function toSandboxError(body: unknown): SandboxError {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new WireError("malformed", "error body is not a map");
  }
  const { kind, klass, message, backtrace } = body as Record<string, unknown>;
  if (typeof kind !== "string" || !failureKinds.has(kind)) {
    throw new WireError("malformed", `error body has an unknown kind: ${String(kind)}`);
  }
  if (typeof klass !== "string" || typeof message !== "string") {
    throw new WireError("malformed", "error body lacks a string klass or message");
  }
  const lines = backtrace ?? [];
  if (!Array.isArray(lines) || !lines.every((line) => typeof line === "string")) {
    throw new WireError("malformed", "error backtrace is not an array of strings");
  }
  return new SandboxError(message, {
    origin: "sandbox",
    klass,
    backtraceLines: lines,
    details: { kind },
  });
}
