import { WASI, WASIProcExit } from "@bjorn3/browser_wasi_shim";
import {
  type ChannelInit,
  type ChannelMode,
  DeadlineExceeded,
  type GuestAccess,
  type WorkerEnd,
} from "../channel/contract.js";
import { openWorkerEnd } from "../channel/select.js";
import type { EvalLimits, EvalResult } from "../protocol.js";
import { encodeInvocation } from "../wire/request.js";
import { MAX_PAYLOAD } from "../wire/types.js";
import { CaptureFd, EmptyInputFd } from "./output.js";
import { applyPatch, type BootImage, type Patch } from "./snapshot.js";

/** The ABI version of docs/ABI.md this runtime speaks. */
export const ABI_VERSION = 2;

/**
 * Memory grown past the boot snapshot is zeroed before every invocation; past this much it is
 * cheaper to start a new instance from the snapshot than to keep zeroing it.
 */
const RECYCLE_GROWTH = 16 << 20;
/**
 * How far below the lowest stack pointer an invocation reached the restore zeroes too: a leaf
 * function uses up to 128 bytes below the pointer without moving it (LLVM's wasm red zone).
 */
const RED_ZONE_MARGIN = 4096;
const PAGE = 65536;
/** `kobako_limits` takes int32 arguments. */
const INT32_MAX = 2 ** 31 - 1;
/** No caps: output, memory and time unbounded (the warm-up, precompile.ts). */
export const NO_LIMITS: EvalLimits = {
  stdoutLimit: 0,
  stderrLimit: 0,
  memoryLimit: 0,
  timeout: 0,
  seed: 0,
};
/** WASI's `CLOCK_REALTIME`; the monotonic clock (the deadline's) is never frozen. */
const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const ERRNO_SUCCESS = 0;
const WARM_UP =
  'x = [1, 2.5, "s", :y, nil, true, {k: 1}, {1 => 2}].map { |v| v }; puts x.inspect; x';

interface GuestExports {
  memory: WebAssembly.Memory;
  __stack_pointer: WebAssembly.Global;
  _initialize?: () => void;
  kobako_abi_version(): number;
  /** Absent from a module booted at build time (guest/preinit.mjs): its memory starts booted. */
  kobako_boot?: () => number;
  kobako_buffer(len: number): number;
  kobako_invoke(len: number): number;
  kobako_limits(memory: number, timeMs: number): void;
  kobako_seed(seed: number): void;
  /** Which cap ended the last invocation: 0 none, 1 memory, 2 time (may be absent in a fake). */
  kobako_cap_hit?(): number;
  kobako_memory_peak(): number;
  kobako_heap_break(): number;
  kobako_reply_buffer(len: number): number;
  kobako_response(): number;
  /**
   * The lowest value the stack pointer took since the host last reset it (guest/track-stack.mjs).
   * A module without it has the whole dead stack zeroed at every restore.
   */
  kobako_stack_low?: WebAssembly.Global;
}

const requiredExports = [
  "memory",
  "__stack_pointer",
  "kobako_abi_version",
  "kobako_buffer",
  "kobako_invoke",
  "kobako_limits",
  "kobako_seed",
  "kobako_memory_peak",
  "kobako_heap_break",
  "kobako_reply_buffer",
  "kobako_response",
] as const;

function guestExports(instance: WebAssembly.Instance): GuestExports {
  const exports = instance.exports as Record<string, unknown>;
  const missing = requiredExports.filter((name) => !(name in exports));
  if (missing.length > 0) {
    throw new Error(`not a kobako guest: missing export(s) ${missing.join(", ")}`);
  }
  return exports as unknown as GuestExports;
}

const WARM_UP_REQUEST = encodeInvocation([], [], { kind: "eval", source: WARM_UP });

/** A channel end for a guest instance, in place of the one `init` asks for (tests, fuzzing). */
export type ChannelFactory = (guest: GuestAccess) => WorkerEnd;

/** Calls a guest export that reports a number; `fallback` when it traps or reports nonsense. */
function probe(read: () => number, fallback: number): number {
  try {
    const value = read();
    return Number.isInteger(value) ? value >>> 0 : fallback;
  } catch {
    return fallback;
  }
}

/** Why the engine stopped the guest, in words. */
function describeTrap(error: unknown): string {
  if (error instanceof WASIProcExit) return `the guest called exit(${error.code})`;
  if (error instanceof WebAssembly.RuntimeError) return `wasm trap: ${error.message}`;
  if (error instanceof RangeError) return `guest stack overflow: ${error.message}`;
  const Exception = (WebAssembly as { Exception?: abstract new () => unknown }).Exception;
  if (Exception && error instanceof Exception) return "an exception escaped the guest";
  if (error instanceof Error) return `guest failure: ${error.message}`;
  return `guest failure: ${String(error)}`;
}

/**
 * One instance of kobako.wasm with its WASI shim and its end of the service channel. After boot it
 * keeps a snapshot of linear memory and of `__stack_pointer`; every invocation starts from that
 * snapshot, so no Ruby state, and no damage from a trap, outlives an invocation.
 */
export class GuestInstance {
  private readonly stdin = new EmptyInputFd();
  private readonly stdout = new CaptureFd();
  private readonly stderr = new CaptureFd();
  private readonly wasi = new WASI([], [], [], { debug: false });
  private readonly channel: WorkerEnd;
  private exports!: GuestExports;
  private snapshot = new Uint8Array(0);
  private stackPointer = 0;
  /** True while memory still equals the snapshot (right after boot, a recycle or a settle). */
  private pristine = false;
  /** An invocation has started and not finished (an asynchronous channel may be waiting). */
  private running = false;
  /**
   * Where the memory the last invocation may have written past the snapshot ends: its heap break
   * (`kobako_heap_break`), or the whole memory after a trap, when nothing the guest says counts.
   */
  private dirtyEnd = 0;
  /** How often the guest read a clock other than the monotonic one (the baking instance asks). */
  clockReads = 0;
  /** A hermetic invocation's frozen real-time clock, in ns since the epoch. */
  private frozenClock: bigint | undefined;

  private constructor(
    private readonly module: WebAssembly.Module,
    channel: ChannelInit | ChannelFactory | undefined,
  ) {
    const guest: GuestAccess = {
      memory: () => this.exports.memory,
      replyBuffer: (length: number) => this.exports.kobako_reply_buffer(length),
    };
    this.channel = typeof channel === "function" ? channel(guest) : openWorkerEnd(channel, guest);
  }

  /**
   * Instantiates, initialises and boots the guest (unless the module was booted at build time),
   * then takes the boot snapshot. Without `channel`
   * every service call fails (tests of the runtime alone); a function makes the channel end itself.
   */
  static async create(
    module: WebAssembly.Module,
    channel?: ChannelInit | ChannelFactory,
    options: { warmUp?: boolean } = {},
  ): Promise<GuestInstance> {
    const guest = new GuestInstance(module, channel);
    await guest.boot();
    if (options.warmUp ?? true) await guest.warmUp();
    return guest;
  }

  /**
   * Runs one representative script, so that the engine compiles what most scripts need (engines
   * compile wasm lazily, function by function). `create` does it unless told not to; the worker
   * runtime runs it only when asked (`Sandbox#prepare`), off the path to the first result.
   */
  async warmUp(): Promise<void> {
    await this.invoke(WARM_UP_REQUEST, NO_LIMITS);
  }

  /** How service calls reach the host. */
  get channelMode(): ChannelMode {
    return this.channel.mode;
  }

  /** @deprecated The former name of {@link channelMode}. */
  get bridgeMode(): ChannelMode {
    return this.channelMode;
  }

  private imports(): WebAssembly.Imports {
    const wasi = this.wasi.wasiImport;
    const clockTimeGet = wasi.clock_time_get as (
      id: number,
      precision: bigint,
      at: number,
    ) => number;
    return {
      wasi_snapshot_preview1: {
        ...wasi,
        // Time.now and everything else of Ruby's reads the real-time clock here: a hermetic
        // invocation sees its frozen instant.
        clock_time_get: (id: number, precision: bigint, at: number): number => {
          if (id !== CLOCK_MONOTONIC) this.clockReads++;
          const frozen = this.frozenClock;
          if (id !== CLOCK_REALTIME || frozen === undefined) return clockTimeGet(id, precision, at);
          new DataView(this.exports.memory.buffer).setBigUint64(at, frozen, true);
          return ERRNO_SUCCESS;
        },
      },
      kobako: { service_call: this.channel.serviceCall },
    };
  }

  private resetFds(): void {
    // The guest may have closed a descriptor; the shim forgets it for good unless we put it back.
    this.wasi.fds = [this.stdin, this.stdout, this.stderr];
  }

  private async boot(): Promise<void> {
    this.resetFds();
    this.stdout.reset(0);
    this.stderr.reset(64 << 10);
    const instance = await WebAssembly.instantiate(this.module, this.imports());
    const exports = guestExports(instance);
    this.exports = exports;
    this.wasi.initialize({ exports });
    const version = exports.kobako_abi_version();
    if (version !== ABI_VERSION) {
      throw new Error(`kobako.wasm speaks ABI ${version}; this runtime needs ${ABI_VERSION}`);
    }
    // A module booted at build time starts with the booted memory and stack pointer (its data
    // segments), and has neither `_initialize` nor `kobako_boot`.
    const status = exports.kobako_boot?.() ?? 0;
    if (status !== 0) {
      const detail = new TextDecoder().decode(this.stderr.take());
      throw new Error(`kobako_boot failed with status ${status}${detail ? `: ${detail}` : ""}`);
    }
    this.stackPointer = exports.__stack_pointer.value as number;
    // The dead stack below the boot stack pointer starts zero, in the snapshot and in memory, so
    // that no invocation (the first one included) sees the frames of one before it.
    new Uint8Array(exports.memory.buffer).fill(0, 0, this.stackPointer);
    this.snapshot = new Uint8Array(exports.memory.buffer).slice();
    this.resetStackLow();
    this.pristine = true;
  }

  /**
   * An invocation has started and not finished: it may be waiting on the host (JSPI, replay),
   * when this thread is free but must not take on other work that would delay the reply.
   */
  get busy(): boolean {
    return this.running;
  }

  /** The boot snapshot, which every invocation starts from (a baked state patches it). */
  get bootImage(): BootImage {
    return { bytes: this.snapshot, live: this.stackPointer };
  }

  /** The guest's linear memory (tests look for what an invocation left behind). */
  get memory(): WebAssembly.Memory {
    return this.exports.memory;
  }

  /**
   * Restores the boot snapshot now, between invocations, so that the next one starts without
   * that copy: the worker calls it once a result is on its way to the host, which then decodes
   * it while this thread copies. Does nothing while an invocation runs or when memory is
   * pristine already; the next invocation restores as always when this did not run.
   */
  settle(): void {
    if (this.running || this.pristine) return;
    this.restore();
    this.pristine = true;
  }

  /** Puts linear memory and the stack pointer back to the boot snapshot. */
  private restore(): void {
    if (this.pristine) return;
    const { memory } = this.exports;
    const size = this.snapshot.byteLength;
    if (memory.buffer.byteLength - size > RECYCLE_GROWTH) {
      this.recycle();
      return;
    }
    const view = new Uint8Array(memory.buffer);
    // The C stack comes first and grows down from the boot stack pointer. What lies below it is
    // dead, but some C code reads a stack slot it did not write (docs/SECURITY.md, "The dead C
    // stack"): it is zeroed, not copied, so an earlier invocation's frames are never seen by the
    // next one. Only as deep as the last invocation went: the rest is zero from the restore before.
    const live = this.stackPointer;
    view.fill(0, this.usedStackStart(), live);
    view.set(this.snapshot.subarray(live), live);
    // Memory grown past the snapshot is zero except what the last invocation handed out: its heap
    // grows by sbrk, and nothing is ever written past the break.
    const dirty = Math.min(this.dirtyEnd, view.byteLength);
    if (dirty > size) view.fill(0, size, dirty);
    this.exports.__stack_pointer.value = this.stackPointer;
    this.resetStackLow();
  }

  /**
   * Where the dead stack an invocation may have written starts: everything below it is still
   * zero. The whole stack for a module that does not record how deep it went.
   */
  private usedStackStart(): number {
    const low = this.exports.kobako_stack_low?.value;
    if (typeof low !== "number") return 0;
    return Math.max(0, Math.min(low >>> 0, this.stackPointer) - RED_ZONE_MARGIN);
  }

  private resetStackLow(): void {
    const low = this.exports.kobako_stack_low;
    if (low) low.value = this.stackPointer;
  }

  /** Replaces the instance by a new one whose memory is the snapshot (memory cannot shrink). */
  private recycle(): void {
    const instance = new WebAssembly.Instance(this.module, this.imports());
    const exports = guestExports(instance);
    const { memory } = exports;
    const pages = Math.ceil((this.snapshot.byteLength - memory.buffer.byteLength) / PAGE);
    if (pages > 0) memory.grow(pages);
    new Uint8Array(memory.buffer).set(this.snapshot);
    exports.__stack_pointer.value = this.stackPointer;
    this.wasi.inst = { exports };
    this.exports = exports;
    this.resetStackLow();
    this.dirtyEnd = 0;
  }

  /**
   * Runs an invocation request (docs/ABI.md, "ABI 2") on a fresh Ruby state. Never throws: a
   * trap is reported in the result. Asynchronous when the channel waits for the host by message
   * (JSPI, replay). With `base`, the state is the boot snapshot with that patch over it (a baked
   * preload set, worker/baker.ts).
   */
  invoke(
    request: Uint8Array,
    limits: EvalLimits,
    epoch = 0,
    base?: Patch,
  ): EvalResult | Promise<EvalResult> {
    const started = performance.now();
    // The snapshot holds no caps: set this invocation's after every restore.
    const timeout = Math.min(Math.max(0, Math.ceil(limits.timeout)), INT32_MAX);
    const deadline = timeout > 0 ? started + timeout : Number.POSITIVE_INFINITY;
    // A channel that replays the invocation needs every run to read the same clock.
    const clock = limits.clock ?? (this.channel.freezesClock ? Date.now() : undefined);
    let length: number | Promise<number>;
    this.running = true;
    try {
      this.channel.deadline = deadline;
      this.channel.epoch = epoch;
      length = this.channel.run({
        start: () => {
          // A replay gets what is left of the time: the deadline covers the whole invocation.
          const left = timeout > 0 ? Math.max(1, Math.ceil(deadline - performance.now())) : 0;
          this.begin(limits, left, clock, base);
          return this.start(request);
        },
      });
    } catch (error) {
      return this.finish(started, undefined, error);
    }
    if (typeof length === "number") return this.finish(started, length, undefined);
    return length.then(
      (value) => this.finish(started, value, undefined),
      (error: unknown) => this.finish(started, undefined, error),
    );
  }

  /** Restores the snapshot and sets this invocation's caps, seed, clock and output. */
  private begin(
    limits: EvalLimits,
    timeout: number,
    clock: number | undefined,
    base: Patch | undefined,
  ): void {
    this.restore();
    this.pristine = false;
    if (base) applyPatch(this.exports.memory, base);
    // Until the invocation says otherwise (it may trap), all of memory counts as written.
    this.dirtyEnd = Number.POSITIVE_INFINITY;
    this.resetFds();
    this.stdout.reset(limits.stdoutLimit);
    this.stderr.reset(limits.stderrLimit);
    this.exports.kobako_limits(Math.min(Math.max(0, limits.memoryLimit), INT32_MAX), timeout);
    this.exports.kobako_seed(limits.seed | 0);
    this.frozenClock = clock === undefined ? undefined : BigInt(Math.round(clock)) * 1_000_000n;
  }

  private start(request: Uint8Array): { entry: (length: number) => number; length: number } {
    const exports = this.exports;
    const at = exports.kobako_buffer(request.byteLength) >>> 0;
    if (at === 0 && request.byteLength > 0) {
      throw new Error(`the guest could not allocate ${request.byteLength} bytes for the request`);
    }
    this.checkBounds(at, request.byteLength, "request buffer");
    new Uint8Array(exports.memory.buffer, at, request.byteLength).set(request);
    return { entry: exports.kobako_invoke, length: request.byteLength };
  }

  private finish(started: number, length: number | undefined, error: unknown): EvalResult {
    const wallTime = performance.now() - started;
    this.running = false;
    this.channel.deadline = Number.POSITIVE_INFINITY;
    let envelope: Uint8Array | undefined;
    let trap: { message: string } | undefined;
    let oversize: number | undefined;
    if (length === undefined) {
      if (!(error instanceof DeadlineExceeded)) trap = { message: describeTrap(error) };
    } else {
      try {
        const size = length >>> 0;
        if (size > MAX_PAYLOAD) oversize = size;
        else envelope = this.response(size);
      } catch (failure) {
        trap = { message: describeTrap(failure) };
      }
    }
    const exports = this.exports;
    const result: EvalResult = {
      stdout: this.stdout.take(),
      stderr: this.stderr.take(),
      stdoutTruncated: this.stdout.truncated,
      stderrTruncated: this.stderr.truncated,
      wallTime,
      memoryPeak: probe(() => exports.kobako_memory_peak(), 0),
    };
    // After a clean return the guest's break bounds what it wrote; after anything else (a trap, a
    // guest unwound at its deadline) its word is not taken: the next restore zeroes all growth.
    if (length !== undefined && !trap) {
      this.dirtyEnd = probe(() => exports.kobako_heap_break(), Number.POSITIVE_INFINITY);
    }
    // A guest that rescued its TimeoutError and ran on traps at the next deadline check; the trap
    // is the deadline, not a fault (kobako_cap_hit() === 2).
    if (trap && probe(() => exports.kobako_cap_hit?.() ?? 0, 0) === 2) {
      trap = undefined;
      result.deadline = "rescued";
    }
    if (envelope) result.envelope = envelope;
    if (trap) result.trap = trap;
    if (error instanceof DeadlineExceeded) result.deadline = "waiting";
    if (oversize !== undefined) result.oversize = oversize;
    const channelFailure = this.channel.takeFailure();
    if (channelFailure) result.channelFailure = channelFailure;
    return result;
  }

  private response(size: number): Uint8Array {
    const exports = this.exports;
    const at = exports.kobako_response() >>> 0;
    this.checkBounds(at, size, "response");
    return new Uint8Array(exports.memory.buffer, at, size).slice();
  }

  private checkBounds(at: number, length: number, what: string): void {
    if (at + length > this.exports.memory.buffer.byteLength) {
      throw new Error(`the guest's ${what} lies outside its memory`);
    }
  }
}
