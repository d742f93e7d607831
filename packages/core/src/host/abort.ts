/**
 * The abort signal of one call, watched from the moment the call is made until its invocation has
 * ended. Listening from the start leaves no gap: an abort fired while the call waits in the
 * sandbox's queue, while the pool hands out a worker, or while the guest runs, ends it at once.
 */

/** The rejection of a race lost to the signal, told apart from every other failure. */
export class Aborted {
  constructor(readonly reason: unknown) {}
}

/** Whether `value` is an AbortSignal: only a real one is accepted (a look-alike crashed the host). */
export function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof AbortSignal === "function") return value instanceof AbortSignal;
  // An engine without AbortSignal: nothing better than the shape is available.
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AbortSignal).addEventListener === "function" &&
    typeof (value as AbortSignal).removeEventListener === "function"
  );
}

function reasonOf(signal: AbortSignal): unknown {
  try {
    return signal.reason;
  } catch (error) {
    return error;
  }
}

/**
 * See the module comment. Without a signal it never fires. Throws what the signal throws when it
 * is asked to listen (an AbortSignal whose `addEventListener` was replaced).
 */
export class AbortWatch {
  /** Rejects with an {@link Aborted} when the signal aborts; never resolves. */
  readonly stopped: Promise<never>;
  #aborted: Aborted | undefined;
  #stop: () => void = () => {};

  constructor(signal: AbortSignal | undefined) {
    if (!signal) {
      // A promise of its own, never shared: every race against it adds a reaction, which must
      // die with this call rather than pile up on a promise that lives for ever.
      this.stopped = new Promise<never>(() => {});
      return;
    }
    let fire: (aborted: Aborted) => void = () => {};
    this.stopped = new Promise<never>((_, reject) => {
      fire = reject;
    });
    // Whoever races it may be gone already when it fires.
    this.stopped.catch(() => {});
    const onAbort = () => {
      this.#aborted ??= new Aborted(reasonOf(signal));
      fire(this.#aborted);
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    this.#stop = () => signal.removeEventListener("abort", onAbort);
  }

  /** Set once the signal has aborted. */
  get aborted(): Aborted | undefined {
    return this.#aborted;
  }

  /** Stops listening (the invocation has ended). Never throws. */
  dispose(): void {
    const stop = this.#stop;
    this.#stop = () => {};
    try {
      stop();
    } catch {
      // A signal whose removeEventListener throws keeps a listener that no longer matters.
    }
  }
}
