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

/**
 * The engine or a cap ended the run: a WebAssembly trap, a timeout, the memory cap. The sandbox
 * recovers by itself on the next call.
 */
export class TrapError extends Error implements ErrorFields {
  declare readonly origin: ErrorOrigin;
  declare readonly klass: string | undefined;
  declare readonly backtraceLines: readonly string[];
  declare readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, init: KobakoErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    fill(this, init, "trap");
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
export class SandboxError extends Error implements ErrorFields {
  declare readonly origin: ErrorOrigin;
  declare readonly klass: string | undefined;
  declare readonly backtraceLines: readonly string[];
  declare readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, init: KobakoErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    fill(this, init, "sandbox");
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
export class ServiceError extends Error implements ErrorFields {
  declare readonly origin: ErrorOrigin;
  declare readonly klass: string | undefined;
  declare readonly backtraceLines: readonly string[];
  declare readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, init: KobakoErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    fill(this, init, "service");
  }
}
ServiceError.prototype.name = "ServiceError";

/** Any of the errors an invocation rejects with. */
export type KobakoError = TrapError | SandboxError | ServiceError;

const classes = {
  TrapError,
  TimeoutError,
  MemoryLimitError,
  SandboxError,
  HandleExhaustedError,
  BytecodeError,
  ServiceError,
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
