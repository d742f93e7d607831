/** Options of a sandbox. Every cap applies to each invocation separately. */
export interface SandboxOptions {
  /**
   * Milliseconds an invocation may run, waiting on services included; `null` disables the limit.
   * Default 60 000. Past it the guest stops at its next check (every few thousand loop
   * iterations or method calls) and the call rejects with `TimeoutError`; a guest that does not
   * stop within a short grace ({@link HARD_TIMEOUT_GRACE} ms) has its worker terminated (replaced
   * on next use).
   */
  timeout?: number | null;
  /**
   * Bytes the invocation's Ruby heap may hold beyond its baseline (the state after services and
   * snippets are in place; parsing and compiling the script count); `null` disables the cap.
   * Default 4 MiB ({@link DEFAULT_MEMORY_LIMIT}). Past it the call rejects with
   * `MemoryLimitError`.
   */
  memoryLimit?: number | null;
  /** Bytes of standard output kept per invocation; the rest is dropped. Default 1 MiB. */
  stdoutLimit?: number;
  /** Bytes of standard error kept per invocation; the rest is dropped. Default 1 MiB. */
  stderrLimit?: number;
}

export interface ResolvedOptions {
  timeout: number | null;
  memoryLimit: number | null;
  stdoutLimit: number;
  stderrLimit: number;
}

/**
 * Milliseconds a guest past its deadline has to stop by itself before its worker is terminated.
 * The guest checks its deadline every 4096 backward jumps and method calls, which is well under
 * a millisecond of Ruby; what it cannot interrupt is one long call into C. The slowest such calls
 * measured are a regexp giving up at its backtracking limit (18–37 ms, up to ~120 ms on a cold
 * engine) and encoding a large result; 200 ms covers them with room for a busy machine's
 * scheduling, while still ending a runaway that defeats the check within a fifth of a second.
 */
export const HARD_TIMEOUT_GRACE = 200;

const MIB = 1 << 20;
/**
 * The default `memoryLimit`. Ruby values are 16 bytes in the guest (exact 64-bit integers on
 * wasm32), so everyday data takes up to ~3.2× the heap it took with the 4-byte values of the
 * mruby 3.1 guest, whose default was 1 MiB (measured: arrays of integers ~3×, structs ~3.2×,
 * sort_by ~2.5×, hashes ~1.4×, float arrays 0.64×). 4 MiB keeps at least the same headroom.
 */
export const DEFAULT_MEMORY_LIMIT = 4 * MIB;
/** `kobako_limits` takes an int32. */
const MAX_MEMORY_LIMIT = 2 ** 31 - 1;
const known = new Set(["timeout", "memoryLimit", "stdoutLimit", "stderrLimit"]);

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

function memoryLimit(value: unknown): number | null {
  if (value === undefined) return DEFAULT_MEMORY_LIMIT;
  if (value === null) return null;
  if (typeof value !== "number")
    throw new TypeError("memoryLimit must be a number of bytes or null");
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_MEMORY_LIMIT) {
    throw new RangeError(
      `memoryLimit must be an integer from 1 to ${MAX_MEMORY_LIMIT} bytes (null for no cap), got ${value}`,
    );
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
    memoryLimit: memoryLimit(options.memoryLimit),
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
