import type { ChannelMode, GuestAccess, GuestRun, WorkerEnd } from "../channel/contract.js";
import type { EvalLimits, EvalResult } from "../protocol.js";
import { EMPTY_PRELUDE } from "../wire/request.js";
import { BakeCache, type Baked } from "./bake-cache.js";
import type { GuestInstance } from "./guest.js";
import {
  type BootImage,
  concatBytes,
  differingBytes,
  makePatch,
  type Patch,
  resetBytes,
  sameBytes,
  samePatch,
} from "./snapshot.js";

/**
 * Bytes of baked states one worker keeps (patches and prelude copies; least recently used go
 * first). A baked preload set costs about 4 KiB plus its snippets' own data, so this holds
 * thousands of them.
 */
export const BAKE_CACHE_BYTES = 24 << 20;

/** The action `[3, nil]`: define the services, replay the snippets, answer `[0, nil]`. */
const PREPARE_ACTION = Uint8Array.of(0x92, 0x03, 0xc0);
const NIL_ENVELOPE = Uint8Array.of(0x92, 0x00, 0xc0);
/**
 * Each of the two trial runs of a bake stops at this many ms (or the call's timeout, if
 * shorter): both stay well inside the host's grace past a deadline (HARD_TIMEOUT_GRACE, 200 ms),
 * which the worker's time before the guest starts eats into. Slower preload sets are replayed.
 */
const BAKE_BUDGET = 30;
/** More bytes than this changing with the seed or the clock alone means something is off. */
const MAX_MASK = 64;

/** What to run on a baked state: the action alone, over the state's patch. */
export interface Plan {
  readonly request: Uint8Array;
  readonly base: Patch;
}

/** The fixed places of the boot state that every invocation sets anew (seed, deadline). */
interface Mask {
  /** Bytes that follow the seed: the random generator's state and the seed itself. */
  readonly seed: readonly number[];
  /** Their values right after seeding with 1, nothing drawn. */
  readonly seeded: Uint8Array;
  /** Bytes that follow the clock: the deadline and its tick counter. */
  readonly time: readonly number[];
}

/**
 * A channel end for the baking instance: nothing reaches the host. A service call fails in the guest
 * and marks the run, whose state is then not kept.
 */
class RefusingChannel implements WorkerEnd {
  readonly mode: ChannelMode = "none";
  readonly freezesClock = false;
  deadline = Number.POSITIVE_INFINITY;
  epoch = 0;
  called = false;
  readonly serviceCall = (): number => {
    this.called = true;
    return -1;
  };
  run(invocation: GuestRun): number {
    const { entry, length } = invocation.start();
    return entry(length);
  }
  takeFailure(): undefined {
    return undefined;
  }
}

/**
 * Lets the worker take messages (an invocation) before the next step of starting up, and waits
 * while `main` runs one: an invocation waiting on a service (JSPI, replay) leaves this thread
 * free, but a step taken then would delay the reply and spend the invocation's time.
 */
async function step(main: GuestInstance): Promise<void> {
  do await new Promise((resolve) => setTimeout(resolve, 0));
  while (main.busy);
}

/**
 * Bakes preload sets: runs a request's services and snippets once (the guest's prepare action) in
 * a second instance of its own and keeps what that changed in memory, so that later invocations
 * restore it instead of replaying the snippets (docs/ARCHITECTURE.md, "Baked preloads").
 *
 * A state is kept only when it cannot differ from what a replay would build: the prepare ran
 * twice, with different seeds and frozen clocks, and left the same bytes; it drew no random
 * number, read no clock, printed nothing, called no service and raised nothing. Anything else is
 * remembered as "replay". The per-invocation seed, caps and clock are set after the restore, as
 * always.
 */
export class Baker {
  readonly cache: BakeCache;
  private instance: GuestInstance | undefined;
  private channel = new RefusingChannel();
  private mask: Mask | undefined;
  private image: BootImage | undefined;

  private starting: Promise<void> | undefined;

  private constructor(
    private readonly create: (channel: (guest: GuestAccess) => WorkerEnd) => Promise<GuestInstance>,
    private readonly main: GuestInstance,
    cacheBytes: number,
  ) {
    this.cache = new BakeCache(cacheBytes);
  }

  /**
   * A baker for `main`. Its baking instance starts when the first request with services or
   * snippets comes (until it is ready, or if it cannot be used, requests are replayed), in steps
   * that each leave the worker free to take an invocation in between.
   */
  static start(
    create: (channel: (guest: GuestAccess) => WorkerEnd) => Promise<GuestInstance>,
    main: GuestInstance,
    cacheBytes = BAKE_CACHE_BYTES,
  ): Baker {
    return new Baker(create, main, cacheBytes);
  }

  /** Whether preload sets are being baked (the baking instance is up and checked). */
  get ready(): boolean {
    return this.mask !== undefined;
  }

  /** Starts the baking instance (once); resolves when it is ready or found unusable. */
  warmUp(): Promise<void> {
    if (this.cache.limit <= 0) return Promise.resolve();
    this.starting ??= (async () => {
      await step(this.main);
      const instance = await this.create(() => this.channel);
      await this.adopt(instance, this.main);
    })().catch(() => {});
    return this.starting;
  }

  private async adopt(instance: GuestInstance, main: GuestInstance): Promise<void> {
    const image = instance.bootImage;
    const mainImage = main.bootImage;
    // A patch made against this instance's boot image is applied over the main instance's: they
    // may differ only where every invocation writes anew (mruby seeds its generator from the
    // time at boot), which the masks below cover.
    if (image.live !== mainImage.live || image.bytes.byteLength !== mainImage.bytes.byteLength) {
      return;
    }
    const bootDiffers = differingBytes(image, image.bytes, mainImage.bytes);
    this.instance = instance;
    this.image = image;
    const empty = concatBytes(EMPTY_PRELUDE, PREPARE_ACTION);
    const probe = async (seed: number, clock: number, timeout: number) => {
      await step(this.main);
      const result = this.prepare(empty, { seed, clock, timeout, memoryLimit: 0 });
      return result ? new Uint8Array(instance.memory.buffer).slice() : undefined;
    };
    const untimed = await probe(1, 1, 0);
    const first = await probe(1, 1, 1000);
    const later = await probe(1, 2, 1000);
    // A byte of the generator's state may by chance be equal for two seeds; not for four.
    const reseeded: (Uint8Array | undefined)[] = [];
    for (const seed of [2, 0x9e3779b9, 0x7f4a7c15]) reseeded.push(await probe(seed, 1, 1000));
    if (!untimed || !first || !later || !reseeded.every((memory) => memory !== undefined)) return;
    await step(this.main);
    const time = [
      ...new Set([
        ...differingBytes(image, untimed, first),
        ...differingBytes(image, first, later),
      ]),
    ];
    const timed = new Set(time);
    const seed = [
      ...new Set(reseeded.flatMap((memory) => differingBytes(image, first, memory as Uint8Array))),
    ].filter((at) => !timed.has(at));
    if (seed.length === 0 || seed.length > MAX_MASK || time.length > MAX_MASK) return;
    const masked = new Set([...seed, ...time]);
    if (!bootDiffers.every((at) => masked.has(at))) return;
    this.mask = { seed, time, seeded: Uint8Array.from(seed, (at) => first[at] as number) };
  }

  /**
   * What to run for a request of `prelude` (its services and snippets) and `action`: the action
   * alone on a baked state when there is (or now can be) one; `undefined` when the request is to
   * be replayed as it is.
   */
  plan(prelude: Uint8Array, action: Uint8Array, limits: EvalLimits): Plan | undefined {
    if (prelude.byteLength <= EMPTY_PRELUDE.byteLength) return undefined;
    if (!this.mask) {
      void this.warmUp();
      return undefined;
    }
    let baked = this.cache.get(prelude);
    if (!baked) {
      baked = this.bake(prelude, limits);
      // Too large to keep: this call still runs on it, later ones bake again or replay.
      this.cache.set(prelude, baked);
    }
    if ("replay" in baked) return undefined;
    return { request: concatBytes(EMPTY_PRELUDE, action), base: baked.patch };
  }

  /**
   * Bakes `prelude` unless its state is known already (`Sandbox#prepare`), once no invocation
   * runs; nothing when the baker is not ready.
   */
  async bakeAhead(prelude: Uint8Array, limits: EvalLimits): Promise<void> {
    if (!this.mask || prelude.byteLength <= EMPTY_PRELUDE.byteLength) return;
    await step(this.main);
    if (this.cache.get(prelude)) return;
    this.cache.set(prelude, this.bake(prelude, limits));
  }

  /** Prepares the preload set twice and keeps the state if both runs left the same bytes. */
  private bake(prelude: Uint8Array, limits: EvalLimits): Baked {
    const request = concatBytes(prelude, PREPARE_ACTION);
    const budget = limits.timeout > 0 ? Math.min(limits.timeout, BAKE_BUDGET) : BAKE_BUDGET;
    const memoryLimit = limits.memoryLimit;
    const first = this.trial(request, { seed: 1, clock: 1, timeout: budget, memoryLimit }, true);
    if (!first) return { replay: true };
    const second = this.trial(request, { seed: 2, clock: 2, timeout: budget, memoryLimit }, false);
    if (!second || !samePatch(first, second)) return { replay: true };
    return { patch: first };
  }

  /** One prepare run and its patch, seed- and clock-bound bytes put back; undefined: replay. */
  private trial(
    request: Uint8Array,
    run: { seed: number; clock: number; timeout: number; memoryLimit: number },
    checkSeeded: boolean,
  ): Patch | undefined {
    const instance = this.instance as GuestInstance;
    const image = this.image as BootImage;
    const mask = this.mask as Mask;
    if (!this.prepare(request, run)) return undefined;
    const memory = new Uint8Array(instance.memory.buffer);
    // A draw from the default generator moved its state away from the freshly seeded one.
    if (checkSeeded && mask.seed.some((at, i) => memory[at] !== mask.seeded[i])) return undefined;
    resetBytes(image, memory, mask.seed);
    resetBytes(image, memory, mask.time);
    return makePatch(image, memory);
  }

  /** Runs a prepare request on the baking instance; true when it answered `[0, nil]` cleanly. */
  private prepare(
    request: Uint8Array,
    run: { seed: number; clock: number; timeout: number; memoryLimit: number },
  ): boolean {
    const instance = this.instance as GuestInstance;
    this.channel.called = false;
    instance.clockReads = 0;
    const result = instance.invoke(request, {
      stdoutLimit: 0,
      stderrLimit: 0,
      memoryLimit: run.memoryLimit,
      timeout: run.timeout,
      seed: run.seed,
      clock: run.clock,
    });
    if (result instanceof Promise) return false;
    // A snippet that read the clock may have kept what it read: a hermetic sandbox's frozen
    // instant, or the running clock, must be what the invocation sees.
    return clean(result) && !this.channel.called && instance.clockReads === 0;
  }
}

function clean(result: EvalResult): boolean {
  return (
    result.envelope !== undefined &&
    sameBytes(result.envelope, NIL_ENVELOPE) &&
    !result.trap &&
    !result.deadline &&
    result.oversize === undefined &&
    !result.channelFailure &&
    result.stdout.byteLength === 0 &&
    result.stderr.byteLength === 0 &&
    !result.stdoutTruncated &&
    !result.stderrTruncated
  );
}
