import type { Aborted, AbortWatch } from "./abort.js";

const noop = () => {};

/**
 * The calls of one sandbox: they run one at a time, in call order. A call whose signal aborts
 * while it still waits its turn rejects at once (its task, when its turn comes, finds the watch
 * aborted and does nothing); once it runs, it settles only when its task has, so what the task
 * records is in place before the caller hears of it.
 */
export class CallQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every call added before it. */
  add<T>(task: () => Promise<T>, abort?: AbortWatch): Promise<T> {
    let started = false;
    const done = this.#tail.then(() => {
      started = true;
      return task();
    });
    this.#tail = done.then(noop, noop);
    if (!abort) return done;
    const dropped = abort.stopped.catch((aborted: Aborted) =>
      started ? done : Promise.reject(aborted.reason),
    );
    return Promise.race([done, dropped]);
  }

  /** Settles once every call added so far has. */
  drained(): Promise<void> {
    return this.#tail.then(noop);
  }
}
