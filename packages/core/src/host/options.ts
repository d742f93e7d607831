/** Options of a sandbox. Every cap applies to each invocation separately. */
export interface SandboxOptions {
  /**
   * Milliseconds an invocation may run; `null` disables the limit. Default 60 000. Past it the
   * worker running the script is terminated (and replaced on next use) and the call rejects with
   * `TimeoutError`.
   */
  timeout?: number | null;
  /** Bytes of standard output kept per invocation; the rest is dropped. Default 1 MiB. */
  stdoutLimit?: number;
  /** Bytes of standard error kept per invocation; the rest is dropped. Default 1 MiB. */
  stderrLimit?: number;
}

export interface ResolvedOptions {
  timeout: number | null;
  stdoutLimit: number;
  stderrLimit: number;
}

const MIB = 1 << 20;
const known = new Set(["timeout", "stdoutLimit", "stderrLimit"]);

function byteLimit(name: string, value: unknown): number {
  if (value === undefined) return MIB;
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number of bytes (it cannot be disabled)`);
  }
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}

function timeout(value: unknown): number | null {
  if (value === undefined) return 60_000;
  if (value === null) return null;
  if (typeof value !== "number") throw new TypeError("timeout must be a number of ms or null");
  if (Number.isNaN(value) || value <= 0) {
    throw new RangeError(`timeout must be a positive number of ms, got ${value}`);
  }
  return value;
}

/** Checks user options and fills in defaults; throws `TypeError`/`RangeError` on bad input. */
export function resolveOptions(options: SandboxOptions | undefined): ResolvedOptions {
  if (options === undefined) options = {};
  if (typeof options !== "object" || options === null) {
    throw new TypeError("Sandbox options must be an object");
  }
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new TypeError(`unknown or unsupported Sandbox option: ${key}`);
  }
  return {
    timeout: timeout(options.timeout),
    stdoutLimit: byteLimit("stdoutLimit", options.stdoutLimit),
    stderrLimit: byteLimit("stderrLimit", options.stderrLimit),
  };
}

/** Options of one invocation. */
export interface InvocationOptions {
  /**
   * Aborting ends the invocation like a timeout (its worker is replaced) and rejects the call with
   * the signal's reason. A call aborted before it started does not run.
   */
  signal?: AbortSignal;
  /** This call's timeout in ms, overriding the sandbox's; `null` disables it. */
  timeout?: number | null;
}

export interface ResolvedInvocation {
  signal: AbortSignal | undefined;
  timeout: number | null;
}

/** Checks per-call options; the sandbox's timeout applies unless overridden. */
export function resolveInvocation(
  options: InvocationOptions | undefined,
  defaults: ResolvedOptions,
): ResolvedInvocation {
  if (options === undefined) return { signal: undefined, timeout: defaults.timeout };
  if (typeof options !== "object" || options === null) {
    throw new TypeError("invocation options must be an object");
  }
  for (const key of Object.keys(options)) {
    if (key !== "signal" && key !== "timeout") {
      throw new TypeError(`unknown or unsupported invocation option: ${key}`);
    }
  }
  const { signal } = options;
  if (
    signal !== undefined &&
    (typeof signal !== "object" || signal === null || typeof signal.addEventListener !== "function")
  ) {
    throw new TypeError("signal must be an AbortSignal");
  }
  return {
    signal,
    timeout: options.timeout === undefined ? defaults.timeout : timeout(options.timeout),
  };
}
