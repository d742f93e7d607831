import { type KobakoError, SandboxError, ServiceError } from "../errors.js";
import type { Failure } from "../wire/response.js";
import type { ServiceFailure } from "./dispatch.js";

/**
 * The error an invocation rejects with when the guest reports `failure`. A `"service"` failure
 * becomes a `ServiceError` only when the host did fail a service call in this invocation (or the
 * bridge could not reach it): the class follows what the host saw, never a class name the guest
 * chose, so a script raising its own `Kobako::ServiceError` gets a `SandboxError`, and so does a
 * block whose exception a service let through.
 */
export function failureError(
  failure: Failure,
  guestError: KobakoError,
  seen: readonly ServiceFailure[],
  bridgeFailure: string | undefined,
): KobakoError {
  if (failure.kind !== "service") return guestError;
  let known = seen.at(-1);
  for (let i = seen.length - 1; i >= 0; i--) {
    if (seen[i]?.message === failure.message) {
      known = seen[i];
      break;
    }
  }
  const thrown = known?.thrown;
  if (thrown instanceof SandboxError && thrown.details.kind === "block") {
    // The service only passed on what the script's block raised: the script failed.
    return new SandboxError(thrown.message, {
      klass: thrown.klass,
      backtraceLines: failure.backtrace,
      details: { kind: "raise", via: known?.service },
    });
  }
  if (known) {
    return new ServiceError(failure.message, {
      klass: failure.klass,
      backtraceLines: failure.backtrace,
      details: {
        kind: "service",
        service: known.service,
        method: known.method,
        name: known.name,
        message: known.message,
      },
      cause: known.thrown,
    });
  }
  if (bridgeFailure) {
    return new ServiceError(bridgeFailure, {
      klass: failure.klass,
      backtraceLines: failure.backtrace,
      details: { kind: "bridge" },
    });
  }
  return new SandboxError(failure.message, {
    klass: failure.klass,
    backtraceLines: failure.backtrace,
    details: { kind: "raise" },
  });
}
