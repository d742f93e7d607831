import {
  BytecodeError,
  HandleExhaustedError,
  type KobakoError,
  MemoryLimitError,
  SandboxError,
  ServiceError,
  SetupError,
  TimeoutError,
  TrapError,
} from "../errors.js";
import type { EvalResult } from "../protocol.js";
import { decodeResponse, type Failure } from "../wire/response.js";
import { MAX_PAYLOAD, WireError } from "../wire/types.js";
import { describeSize } from "../wire/writer.js";
import type { ServiceFailure } from "./dispatch.js";
import { HARD_TIMEOUT_GRACE } from "./options.js";
import { isThenable } from "./thenable.js";
import { isInstance, messageOf } from "./thrown.js";

/**
 * How one invocation ended, as the invocation saw it, before anything decides what the caller
 * gets. This module is the one place where an ending becomes a value or an error.
 */
export type Ending =
  /** The call's signal aborted (before or while it ran). */
  | { readonly kind: "aborted"; readonly reason: unknown }
  /** The request could not be encoded; nothing ran. */
  | { readonly kind: "unsent"; readonly error: unknown }
  /** No worker could be started; nothing ran. */
  | { readonly kind: "no-worker"; readonly error: unknown }
  /** The worker did not stop {@link HARD_TIMEOUT_GRACE} ms past the deadline and was terminated. */
  | { readonly kind: "stopped" }
  /** The worker died or failed to answer. */
  | { readonly kind: "worker-failed"; readonly error: unknown }
  /** The worker reported how the run ended. */
  | { readonly kind: "returned"; readonly result: EvalResult };

/** What the host knows of the invocation besides the worker's report. */
export interface Facts {
  readonly timeout: number | null;
  readonly memoryLimit: number | null;
  /** An error the dispatcher decided on whatever the guest did next (e.g. a full handle table). */
  readonly fatal: KobakoError | undefined;
  /** The service failure whose error reply carried `id` (see `Dispatcher.failure`). */
  failure(id: number): ServiceFailure | "forgotten" | undefined;
  /** The host object of a handle id; throws a `WireError` for an id never given out. */
  resolveHandle(id: number): unknown;
}

/** What the caller gets: a value, or the one error the call rejects with. */
export type Settled = { readonly ok: true; readonly value: unknown } | Rejected;
type Rejected = { readonly ok: false; readonly error: unknown };

const rejected = (error: unknown): Rejected => ({ ok: false, error });

function limit(timeout: number | null): string {
  return timeout === null ? "its deadline" : `its timeout of ${timeout} ms`;
}

/** How the deadline was enforced, each told in its own words. */
type TimeoutWay = "checked" | "rescued" | "waiting" | "terminated";

function timeoutError(timeout: number | null, way: TimeoutWay, failure?: Failure): TimeoutError {
  const past = `the invocation ran past ${limit(timeout)}`;
  const message = {
    checked: `${past}: the script was stopped at its next deadline check`,
    rescued: `${past}: the script rescued its Kobako::TimeoutError and ran on, and was stopped at the next deadline check`,
    waiting: `${past} while the script waited on a service`,
    terminated: `${past} and did not stop within ${HARD_TIMEOUT_GRACE} ms: its worker was terminated`,
  }[way];
  return new TimeoutError(message, {
    klass: way === "checked" || way === "rescued" ? "Kobako::TimeoutError" : undefined,
    backtraceLines: failure?.backtrace,
    details: { kind: "timeout", timeout, hard: way === "terminated", how: way },
  });
}

function memoryError(memoryLimit: number | null, failure: Failure): MemoryLimitError {
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

/** The value or error of an invocation that ended as `ending`. */
export function settle(ending: Ending, facts: Facts): Settled {
  switch (ending.kind) {
    case "aborted":
      return rejected(ending.reason);
    case "unsent":
      return rejected(unsent(ending.error));
    case "no-worker":
      return rejected(startFailure(ending.error));
    case "stopped":
      return rejected(timeoutError(facts.timeout, "terminated"));
    case "worker-failed":
      return rejected(
        new TrapError(`the sandbox worker failed: ${messageOf(ending.error)}`, {
          cause: ending.error,
          details: { kind: "worker" },
        }),
      );
    case "returned":
      return returned(ending.result, facts);
  }
}

function unsent(error: unknown): KobakoError {
  if (isInstance(error, HandleExhaustedError)) return error;
  const reason = isInstance(error, WireError) ? error.reason : "arguments";
  return new SandboxError(`the invocation cannot be sent to the guest: ${messageOf(error)}`, {
    origin: "host",
    cause: error,
    details: { kind: reason },
  });
}

function returned(result: EvalResult, facts: Facts): Settled {
  if (result.trap) {
    return rejected(
      new TrapError(`the guest stopped abnormally (${result.trap.message})`, {
        details: { kind: "trap" },
      }),
    );
  }
  if (result.deadline) return rejected(timeoutError(facts.timeout, result.deadline));
  if (facts.fatal) return rejected(facts.fatal);
  if (result.oversize !== undefined) {
    return rejected(
      new SandboxError(
        `the result of the invocation (${result.oversize} bytes encoded) exceeds the ${describeSize(MAX_PAYLOAD)} payload cap`,
        { details: { kind: "too-large", size: result.oversize } },
      ),
    );
  }
  if (!result.envelope) {
    return rejected(new TrapError("the guest gave no response", { details: { kind: "wire" } }));
  }
  let outcome: ReturnType<typeof decodeResponse>;
  try {
    outcome = decodeResponse(result.envelope, (id) => facts.resolveHandle(id));
  } catch (error) {
    return rejected(undecodable(error));
  }
  if (!outcome.ok)
    return rejected(
      failureError(outcome.failure, result.channelFailure ?? result.bridgeFailure, facts),
    );
  if (isThenable(outcome.value)) {
    // Only a handle can be one (a Dict with a callable `then` decodes as a Map): settling the
    // call with it would hand the host's resolvers to whatever `then` does.
    return rejected(
      new SandboxError(
        "the script returned a host object with a callable then, which no promise can resolve to",
        { details: { kind: "thenable" } },
      ),
    );
  }
  return { ok: true, value: outcome.value };
}

function undecodable(error: unknown): KobakoError {
  if (
    isInstance(error, WireError) &&
    (error.reason === "too-large" || error.reason === "too-deep")
  ) {
    // A result of the script's making, too wide or too deep for the host to take.
    return new SandboxError(`the result of the invocation cannot be taken: ${error.message}`, {
      cause: error,
      details: { kind: error.reason },
    });
  }
  return new TrapError(`malformed response from the guest: ${messageOf(error)}`, {
    cause: error,
    details: { kind: "wire" },
  });
}

/**
 * The error of a failure the guest reports. A cap the guest enforced becomes a `TimeoutError`/
 * `MemoryLimitError` naming the cap. A `"service"` failure becomes a `ServiceError` only when
 * its id is one the host gave an error reply in this invocation (or the channel could not reach
 * the host): the class follows what the host saw, never what the guest claims, so a script
 * raising its own `Kobako::ServiceError` gets a `SandboxError`, and so does a block whose
 * exception a service let through.
 */
function failureError(
  failure: Failure,
  channelFailure: string | undefined,
  facts: Facts,
): KobakoError {
  const init = { klass: failure.klass, backtraceLines: failure.backtrace };
  switch (failure.kind) {
    case "timeout":
      return timeoutError(facts.timeout, "checked", failure);
    case "memory":
      return memoryError(facts.memoryLimit, failure);
    case "bytecode":
      return new BytecodeError(failure.message, {
        ...init,
        details: { kind: failure.kind, snippet: failure.snippet },
      });
    case "service":
      return serviceError(failure, channelFailure, facts);
    default:
      return new SandboxError(failure.message, {
        ...init,
        details:
          failure.snippet === undefined
            ? { kind: failure.kind }
            : { kind: failure.kind, snippet: failure.snippet },
      });
  }
}

function serviceError(
  failure: Failure,
  channelFailure: string | undefined,
  facts: Facts,
): KobakoError {
  const init = { klass: failure.klass, backtraceLines: failure.backtrace };
  const id = failure.failure;
  if (id === 0) {
    // The guest's runtime raised it without a reply of the host's: the channel failed.
    return new ServiceError(channelFailure ?? failure.message, {
      ...init,
      details: { kind: "bridge" },
    });
  }
  const known = id === undefined ? undefined : facts.failure(id);
  if (known === "forgotten") {
    return new ServiceError(failure.message, { ...init, details: { kind: "service" } });
  }
  if (!known) {
    return new SandboxError(failure.message, { ...init, details: { kind: "raise" } });
  }
  const thrown = known.thrown;
  if (isInstance(thrown, SandboxError) && thrown.details.kind === "block") {
    // The service only passed on what the script's block raised: the script failed.
    return new SandboxError(thrown.message, {
      klass: thrown.klass,
      backtraceLines: failure.backtrace,
      details: { kind: "raise", via: known.service },
    });
  }
  return new ServiceError(failure.message, {
    ...init,
    details: {
      kind: "service",
      service: known.service,
      method: known.method,
      name: known.name,
      message: known.message,
    },
    cause: thrown,
  });
}

/**
 * Why no worker could be had: the platform's `SetupError` (the guest or the worker did not load)
 * as it is, anything else as a `TrapError`.
 */
export function startFailure(error: unknown): SetupError | TrapError {
  if (isInstance(error, SetupError)) return error;
  return new TrapError(`could not start a sandbox worker: ${messageOf(error)}`, {
    cause: error,
    details: { kind: "worker" },
  });
}
