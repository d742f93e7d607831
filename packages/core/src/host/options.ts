import { isAbortSignal } from "./abort.js";

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
  /**
   * The guest's clock and random source come from the host, so the same script with the same
   * inputs gives the same result: `Time.now` is frozen at {@link now} for the whole invocation and
   * the random source (`rand`, `Random.new`, `shuffle`, `sample`, …) starts from {@link seed}.
   * Default `false`: the clock runs and every invocation gets a fresh seed from the host's
   * `crypto.getRandomValues`.
   */
  hermetic?: boolean;
  /**
   * With `hermetic`: the instant the guest's clock shows, as a `Date` or milliseconds since the
   * epoch. Default: the start of each invocation (so only `seed` makes runs repeatable across
   * time).
   */
  now?: number | Date;
  /** With `hermetic`: the seed of the guest's random source, an integer from 0 to 2^32 − 1. Default 0. */
  seed?: number;
}

/** The clock and seed of a hermetic sandbox or call. */
export interface Hermetic {
  /** Milliseconds since the epoch; `undefined`: the start of the invocation. */
  readonly now: number | undefined;
  readonly seed: number;
}

export interface ResolvedOptions {
  timeout: number | null;
  memoryLimit: number | null;
  stdoutLimit: number;
  stderrLimit: number;
  /** `undefined`: not hermetic. */
  hermetic: Hermetic | undefined;
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
const known = new Set([
  "timeout",
  "memoryLimit",
  "stdoutLimit",
  "stderrLimit",
  "hermetic",
  "now",
  "seed",
]);
/** `Date` accepts ±8.64e15 ms. */
const MAX_DATE = 8.64e15;

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

function instant(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== "number") throw new TypeError("now must be a Date or a number of ms");
  // The guest's clock counts unsigned nanoseconds from the epoch.
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_DATE) {
    throw new RangeError(`now must be an instant from 1970 on, got ${String(value)}`);
  }
  return ms;
}

function seed(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number") throw new TypeError("seed must be a number");
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 2^32 − 1, got ${value}`);
  }
  return value;
}

/** `hermetic`, `now` and `seed` of the sandbox's options: `now`/`seed` mean nothing without it. */
function hermetic(options: SandboxOptions): Hermetic | undefined {
  const { hermetic: on } = options;
  if (on !== undefined && typeof on !== "boolean")
    throw new TypeError("hermetic must be a boolean");
  const now = instant(options.now);
  const given = seed(options.seed);
  if (!on) {
    if (now !== undefined || given !== undefined) {
      throw new TypeError("now and seed are options of a hermetic sandbox: add hermetic: true");
    }
    return undefined;
  }
  return { now, seed: given ?? 0 };
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
    hermetic: hermetic(options),
  };
}

/** Options of one invocation. */
export interface InvocationOptions {
  /**
   * Aborting, at any moment after the call, rejects it with the signal's reason: a call still
   * waiting its turn does not run, a running one has its worker terminated (replaced on next
   * use). Anything but a real `AbortSignal` is a `TypeError`.
   */
  signal?: AbortSignal;
  /** This call's timeout in ms, overriding the sandbox's; `null` disables it. */
  timeout?: number | null;
  /** In a hermetic sandbox: this call's clock instant, overriding the sandbox's `now`. */
  now?: number | Date;
  /** In a hermetic sandbox: this call's seed, overriding the sandbox's `seed`. */
  seed?: number;
}

export interface ResolvedInvocation {
  signal: AbortSignal | undefined;
  timeout: number | null;
  /** `undefined`: not hermetic (running clock, fresh seed). */
  hermetic: Hermetic | undefined;
}

const callOptions = new Set(["signal", "timeout", "now", "seed"]);

/** Checks per-call options; the sandbox's timeout, clock and seed apply unless overridden. */
export function resolveInvocation(
  options: InvocationOptions | undefined,
  defaults: ResolvedOptions,
): ResolvedInvocation {
  if (options === undefined) {
    return { signal: undefined, timeout: defaults.timeout, hermetic: defaults.hermetic };
  }
  if (typeof options !== "object" || options === null) {
    throw new TypeError("invocation options must be an object");
  }
  for (const key of Object.keys(options)) {
    if (!callOptions.has(key)) {
      throw new TypeError(`unknown or unsupported invocation option: ${key}`);
    }
  }
  const { signal } = options;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new TypeError("signal must be an AbortSignal");
  }
  const now = instant(options.now);
  const given = seed(options.seed);
  const base = defaults.hermetic;
  if (!base && (now !== undefined || given !== undefined)) {
    throw new TypeError("now and seed apply only in a sandbox made with hermetic: true");
  }
  return {
    signal,
    timeout: options.timeout === undefined ? defaults.timeout : timeout(options.timeout),
    hermetic: base && { now: now ?? base.now, seed: given ?? base.seed },
  };
}
