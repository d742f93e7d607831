/**
 * Where a failure was decided: the Ruby script (`"sandbox"`), a host service (`"service"`), the
 * engine or a cap that ended the run (`"trap"`), or the host library itself (`"host"`).
 */
export type ErrorOrigin = "sandbox" | "service" | "trap" | "host";

/** Fields every kobako error carries besides its message. */
export interface KobakoErrorInit {
  origin?: ErrorOrigin | undefined;
  /** Ruby class name of the exception (or of the value that had no mapping). */
  klass?: string | undefined;
  /** Ruby backtrace lines, most recent first. */
  backtraceLines?: readonly string[] | undefined;
  /** Anything else known about the failure, e.g. `{ kind: "syntax" }`. */
  details?: Readonly<Record<string, unknown>> | undefined;
  cause?: unknown;
}

/** The plain-data form of an error, as it crosses a worker boundary. */
export interface SerializedError extends KobakoErrorInit {
  name: string;
  message: string;
}

interface ErrorFields {
  readonly origin: ErrorOrigin;
  readonly klass: string | undefined;
  readonly backtraceLines: readonly string[];
  readonly details: Readonly<Record<string, unknown>>;
}

function fill(target: ErrorFields, init: KobakoErrorInit, origin: ErrorOrigin): void {
  Object.assign(target, {
    origin: init.origin ?? origin,
    klass: init.klass,
    backtraceLines: Object.freeze([...(init.backtraceLines ?? [])]),
    details: Object.freeze({ ...init.details }),
  });
}

/** The fields and the constructor the four error classes share; each passes its own origin. */
abstract class KobakoErrorBase extends Error implements ErrorFields {
  declare readonly origin: ErrorOrigin;
  declare readonly klass: string | undefined;
  declare readonly backtraceLines: readonly string[];
  declare readonly details: Readonly<Record<string, unknown>>;

  protected constructor(message: string, init: KobakoErrorInit, origin: ErrorOrigin) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    fill(this, init, origin);
  }
}

/**
 * The engine or a cap ended the run: a WebAssembly trap, a timeout, the memory cap. The sandbox
 * recovers by itself on the next call.
 */
export class TrapError extends KobakoErrorBase {
  constructor(message: string, init: KobakoErrorInit = {}) {
    super(message, init, "trap");
  }
}
TrapError.prototype.name = "TrapError";

/** The invocation ran past its `timeout`. */
export class TimeoutError extends TrapError {}
TimeoutError.prototype.name = "TimeoutError";

/** The invocation allocated more than its `memoryLimit`. */
export class MemoryLimitError extends TrapError {}
MemoryLimitError.prototype.name = "MemoryLimitError";

/**
 * The script raised, failed to compile, or returned a value with no mapping to JavaScript. The
 * sandbox stays usable.
 */
export class SandboxError extends KobakoErrorBase {
  constructor(message: string, init: KobakoErrorInit = {}) {
    super(message, init, "sandbox");
  }
}
SandboxError.prototype.name = "SandboxError";

/** One invocation created more capability handles than the table can hold. */
export class HandleExhaustedError extends SandboxError {}
HandleExhaustedError.prototype.name = "HandleExhaustedError";

/** A preloaded RITE bytecode snippet was rejected by the guest. */
export class BytecodeError extends SandboxError {}
BytecodeError.prototype.name = "BytecodeError";

/** A host service failed and the script did not rescue it. */
export class ServiceError extends KobakoErrorBase {
  constructor(message: string, init: KobakoErrorInit = {}) {
    super(message, init, "service");
  }
}
ServiceError.prototype.name = "ServiceError";

/** One thing that failed to load while a sandbox was being set up. */
export interface SetupFailure {
  /** What was being loaded, e.g. `"kobako.wasm"` or `"worker script"`. */
  what: string;
  /** The URL or path it was loaded from, if there was one. */
  from?: string;
  /** Why it failed, e.g. `"HTTP 404"` or the engine's message. */
  reason: string;
}

/**
 * The sandbox could not be set up: the guest (kobako.wasm) or the worker script did not load,
 * compile or start — a 404, a Content-Security-Policy without `'wasm-unsafe-eval'`, a bundler that
 * did not copy the package's files, an environment without workers. No script ran. The message
 * names every location tried and why each failed (`details.failures` has them as data); the next
 * invocation tries again.
 */
export class SetupError extends KobakoErrorBase {
  constructor(message: string, init: KobakoErrorInit = {}) {
    super(message, init, "host");
  }

  /** An error naming each failure: `could not load kobako.wasm from <url>: HTTP 404; …`. */
  static of(failures: readonly SetupFailure[], hint?: string): SetupError {
    return setupErrorOf(failures, hint);
  }
}

// Outside the class body: a class that names itself inside its body is renamed by the bundler
// (`class _SetupError`), and its `name` with it (scripts/bundle.mjs checks).
function setupErrorOf(failures: readonly SetupFailure[], hint?: string): SetupError {
  const parts = failures.map(
    ({ what, from, reason }) => `could not load ${what}${from ? ` from ${from}` : ""}: ${reason}`,
  );
  return new SetupError(`${parts.join("; ")}${hint ? `. ${hint}` : ""}`, {
    details: { kind: "setup", failures: failures.map((failure) => ({ ...failure })) },
  });
}
SetupError.prototype.name = "SetupError";

/** Any of the errors an invocation rejects with. */
export type KobakoError = TrapError | SandboxError | ServiceError | SetupError;

const classes = {
  TrapError,
  TimeoutError,
  MemoryLimitError,
  SandboxError,
  HandleExhaustedError,
  BytecodeError,
  ServiceError,
  SetupError,
} as const;

/** Turns a kobako error into plain data that survives `postMessage`. */
export function serializeError(error: KobakoError): SerializedError {
  return {
    name: error.name,
    message: error.message,
    origin: error.origin,
    klass: error.klass,
    backtraceLines: [...error.backtraceLines],
    details: { ...error.details },
  };
}

/**
 * Rebuilds an error from {@link serializeError}'s plain data as an instance of the exported
 * classes. An unknown name becomes a `TrapError`: whatever produced it did not follow the protocol.
 */
export function deserializeError(data: SerializedError): KobakoError {
  const known = Object.hasOwn(classes, data.name)
    ? classes[data.name as keyof typeof classes]
    : undefined;
  const Class = known ?? TrapError;
  return new Class(String(data.message), {
    origin: data.origin,
    klass: data.klass,
    backtraceLines: data.backtraceLines,
    details: known ? data.details : { ...data.details, name: data.name },
  });
}
