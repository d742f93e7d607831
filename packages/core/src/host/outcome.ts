import {
  type KobakoError,
  MemoryLimitError,
  SandboxError,
  ServiceError,
  TimeoutError,
} from "../errors.js";
import type { Failure } from "../wire/response.js";
import type { ServiceFailure } from "./dispatch.js";
import { isInstance } from "./thrown.js";

/** The caps an invocation ran with, for the errors that report them. */
export interface Caps {
  readonly timeout: number | null;
  readonly memoryLimit: number | null;
}

/** How a timeout was enforced: `hard` when the worker had to be terminated. */
export interface TimeoutInit {
  readonly hard: boolean;
  /** The guest was waiting on a service when the deadline passed. */
  readonly waiting?: boolean;
  readonly klass?: string | undefined;
  readonly backtraceLines?: readonly string[] | undefined;
}

/** The `TimeoutError` of an invocation that ran past `timeout` ms. */
export function timeoutError(timeout: number | null, init: TimeoutInit): TimeoutError {
  const waiting = init.waiting ? " while waiting on a service" : "";
  return new TimeoutError(
    timeout === null
      ? `the invocation was stopped at its deadline${waiting}`
      : `the invocation ran past its timeout of ${timeout} ms${waiting}`,
    {
      klass: init.klass,
      backtraceLines: init.backtraceLines,
      details: { kind: "timeout", timeout, hard: init.hard },
    },
  );
}

/** The `MemoryLimitError` of an invocation whose Ruby heap grew past `memoryLimit`. */
export function memoryError(memoryLimit: number | null, failure: Failure): MemoryLimitError {
  return new MemoryLimitError(
    memoryLimit === null
      ? "the invocation ran out of memory"
      : `the invocation's Ruby heap grew past its memoryLimit of ${memoryLimit} bytes`,
    {
      klass: failure.klass,
      backtraceLines: failure.backtrace,
      details: { kind: "memory", memoryLimit },
    },
  );
}

/**
 * The error an invocation rejects with when the guest reports `failure`. A cap the guest enforced
 * (`"timeout"`, `"memory"`) becomes a `TimeoutError`/`MemoryLimitError` naming the cap. A `"service"` failure
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
  caps: Caps,
): KobakoError {
  if (failure.kind === "timeout") {
    return timeoutError(caps.timeout, {
      hard: false,
      klass: failure.klass,
      backtraceLines: failure.backtrace,
    });
  }
  if (failure.kind === "memory") return memoryError(caps.memoryLimit, failure);
  if (failure.kind !== "service") return guestError;
  let known = seen.at(-1);
  for (let i = seen.length - 1; i >= 0; i--) {
    if (seen[i]?.message === failure.message) {
      known = seen[i];
      break;
    }
  }
  const thrown = known?.thrown;
  if (isInstance(thrown, SandboxError) && thrown.details.kind === "block") {
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
