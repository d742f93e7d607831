import { type Remote, transfer, wrap } from "comlink";
import type { HostEnd } from "../channel/contract.js";
import { InThreadLink } from "../channel/in-thread.js";
import { offerChannel, openHostEnd } from "../channel/select.js";
import type { BakeAhead, WorkerApi } from "../protocol.js";
import { Invoker } from "./invoker.js";
import type { Platform, WorkerHandle } from "./platform.js";

/** A worker of the pool: its comlink proxy (for `init`) and its invocations. */
export interface PooledWorker {
  readonly api: Remote<WorkerApi>;
  readonly invoker: Invoker;
  readonly handle: WorkerHandle;
  /** The host's end of the worker's service channel. */
  readonly channel: HostEnd;
  /**
   * A promise that rejects when the worker dies (at once if it is dead already) and never
   * resolves; `stop()` forgets it. Each wait takes its own: racing every invocation against one
   * long-lived promise would pile up a reaction per invocation, each holding on to its result.
   */
  watchFailure(): FailureWatch;
  /** Terminated or died: never to be used again. */
  readonly dead: boolean;
}

/** See {@link PooledWorker.watchFailure}. */
export interface FailureWatch {
  readonly failed: Promise<never>;
  stop(): void;
}

interface Entry extends PooledWorker {
  channel: HostEnd;
  dead: boolean;
  /** Initialised and counted in the pool; false while starting and once retired. */
  ready: boolean;
}

interface Waiter {
  resolve(worker: PooledWorker): void;
  reject(error: unknown): void;
}

function defaultSize(): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    ?.hardwareConcurrency;
  return Math.max(1, Math.min(cores ?? 2, 4));
}

/**
 * Workers shared by every sandbox of one platform. Workers start lazily, up to `size`; each is
 * initialised once with the module; an invocation borrows an idle worker or waits its turn.
 */
export class WorkerPool {
  readonly size: number;
  private readonly idle: Entry[] = [];
  private readonly waiters: Waiter[] = [];
  /** Workers starting or ready. */
  private live = 0;
  /** Workers starting. */
  private readonly starting = new Set<Promise<PooledWorker>>();
  private module: Promise<WebAssembly.Module> | undefined;

  constructor(private readonly platform: Platform) {
    this.size = Math.max(1, Math.floor(platform.maxWorkers ?? defaultSize()));
  }

  /** Borrows a worker; give it back with {@link release}, or {@link discard} it. */
  acquire(): Promise<PooledWorker> {
    const worker = this.idle.pop();
    if (worker) {
      worker.handle.ref?.();
      return Promise.resolve(worker);
    }
    if (this.live < this.size) return this.spawn();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /**
   * Makes sure a worker is ready, starting one when none is ready or starting: resolves once one
   * is (kobako.wasm compiled, the guest booted, the warm-up run), rejects as a first invocation
   * would when it cannot start. Runs no invocation. A worker it starts is held until its warm-up
   * is done; when one is ready, the one next handed out runs its warm-up if it has not. With
   * `bake`, that worker also bakes the prelude before this resolves.
   */
  async prepare(bake?: BakeAhead): Promise<void> {
    if (this.live === this.starting.size) {
      const [starting] = this.starting;
      if (!starting) {
        const worker = await this.spawn();
        // Warmed up before it is handed out, so that a first invocation with a short timeout does
        // not spend it on the engine compiling the interpreter.
        await warm(worker, bake).finally(() => this.release(worker));
        return;
      }
      // Started for an invocation, which it goes to.
      await starting;
    }
    // An idle worker (whose first invocation may have come before any warm-up) is not held: an
    // invocation may take it meanwhile, and runs first.
    const next = this.idle.at(-1);
    if (next) await warm(next, bake);
  }

  /** Returns a healthy worker to the pool. */
  release(worker: PooledWorker): void {
    const entry = worker as Entry;
    if (entry.dead) return;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve(entry);
      return;
    }
    entry.handle.unref?.();
    this.idle.push(entry);
  }

  /** Ends a worker whose state is unknown (timed out, failed); a new one starts when needed. */
  discard(worker: PooledWorker): void {
    const entry = worker as Entry;
    if (!entry.dead) {
      entry.dead = true;
      entry.handle.terminate();
      entry.channel.close();
    }
    this.retire(entry);
  }

  /** Frees the slot of a ready worker that is gone, once, and lets a waiter start a new one. */
  private retire(entry: Entry): void {
    if (!entry.ready) return;
    entry.ready = false;
    const index = this.idle.indexOf(entry);
    if (index >= 0) this.idle.splice(index, 1);
    this.live--;
    this.serveWaiter();
  }

  private serveWaiter(): void {
    const waiter = this.waiters.shift();
    if (waiter) this.spawn().then(waiter.resolve, waiter.reject);
  }

  private loadModule(): Promise<WebAssembly.Module> {
    if (!this.module) {
      const loading = this.platform.loadModule();
      this.module = loading;
      // A failed load is not cached: the next invocation tries again.
      loading.catch(() => {
        if (this.module === loading) this.module = undefined;
      });
    }
    return this.module;
  }

  private spawn(): Promise<PooledWorker> {
    const spawning = this.start();
    this.starting.add(spawning);
    const done = () => this.starting.delete(spawning);
    spawning.then(done, done);
    return spawning;
  }

  private async start(): Promise<PooledWorker> {
    this.live++;
    let entry: Entry | undefined;
    try {
      // Compiling the module and starting the worker overlap: both take tens of ms. The load
      // goes first: starting a worker blocks this thread for a while (Node's `new Worker`).
      const loading = this.loadModule();
      const starting = Promise.resolve(this.platform.startWorker());
      const [module, handle] = await Promise.all([loading, starting]).catch(
        async (error: unknown) => {
          // Whichever failed, a worker that did start must not be left running.
          (await starting.catch(() => undefined))?.terminate();
          throw error;
        },
      );
      // In-thread, the "worker" is the runtime on this thread: it calls the host directly.
      const inThread = this.platform.threading === "in-thread";
      const { port1, port2 } = inThread
        ? { port1: undefined, port2: undefined }
        : new MessageChannel();
      const preference = this.platform.channel ?? this.platform.serviceBridge ?? "auto";
      const init = offerChannel(port2 ?? new InThreadLink(), preference);
      entry = this.track(handle, unopened(port1));
      const watch = entry.watchFailure();
      const mode = await Promise.race([
        entry.api.init(module, transfer(init, port2 ? [port2] : []), {
          bakeCache: this.platform.bakeCache,
        }),
        watch.failed,
      ]).finally(() => watch.stop());
      if (entry.dead) throw new Error("the worker died while starting");
      entry.channel = openHostEnd(mode, port1, init);
      entry.ready = true;
      return entry;
    } catch (error) {
      if (entry && !entry.dead) {
        entry.dead = true;
        entry.handle.terminate();
        entry.channel.close();
      }
      this.live--;
      this.serveWaiter();
      throw error;
    }
  }

  private track(handle: WorkerHandle, channel: HostEnd): Entry {
    const watchers = new Set<(error: Error) => void>();
    let failure: Error | undefined;
    const entry: Entry = {
      api: wrap<WorkerApi>(handle.endpoint),
      invoker: new Invoker(handle.endpoint),
      handle,
      channel,
      dead: false,
      ready: false,
      watchFailure() {
        let reject: (error: Error) => void = () => {};
        const failed = new Promise<never>((_, fail) => {
          reject = fail;
        });
        failed.catch(() => {});
        if (failure) reject(failure);
        else watchers.add(reject);
        return { failed, stop: () => watchers.delete(reject) };
      },
    };
    handle.onError?.((error) => {
      if (entry.dead) return;
      entry.dead = true;
      entry.channel.close();
      failure = error;
      for (const reject of watchers) reject(error);
      watchers.clear();
      this.retire(entry);
    });
    return entry;
  }
}

/**
 * Has `worker` run its warm-up (once) and bake `bake`. A worker that dies meanwhile is replaced by
 * the next invocation, as any other: nothing to report here.
 */
async function warm(worker: PooledWorker, bake: BakeAhead | undefined): Promise<void> {
  const watch = worker.watchFailure();
  try {
    await Promise.race([worker.api.warmUp(bake), watch.failed]);
  } catch {
    // The next invocation starts a new worker and says why if it cannot.
  } finally {
    watch.stop();
  }
}

/** The channel of a worker still starting: its port, to close should the worker fail. */
function unopened(port: MessagePort | undefined): HostEnd {
  return {
    mode: "none",
    attach() {
      throw new Error("the worker's channel is not open yet");
    },
    detach() {},
    close: () => port?.close(),
  };
}

const pools = new WeakMap<Platform, WorkerPool>();

/** The pool of a platform object, created on first use. */
export function poolFor(platform: Platform): WorkerPool {
  let pool = pools.get(platform);
  if (!pool) {
    pool = new WorkerPool(platform);
    pools.set(platform, pool);
  }
  return pool;
}
