import { SandboxError } from "../errors.js";
import { type Deferred, deferred } from "./deferred.js";

/** What a frame needs from its dispatcher. */
export interface FrameOwner {
  /** Whether the invocation is over. */
  readonly ended: boolean;
  /** Encodes the `[2, args]` reply (throws when `args` cannot be encoded). */
  blockReply(args: unknown[]): Uint8Array;
  /** Removes `frame`, the innermost one, from the stack of calls in progress. */
  pop(frame: Frame): void;
}

interface BlockCall {
  readonly reply: Uint8Array;
  readonly result: Deferred<unknown>;
}

function blockEnded(why: string): SandboxError {
  return new SandboxError(`the block cannot run: ${why}`, {
    origin: "host",
    details: { kind: "block-ended" },
  });
}

/**
 * A rejected promise already marked as handled: a service that drops a block's promise must not
 * get an unhandled rejection (which ends a Node process by default) from what the guest did.
 */
function rejected(reason: unknown): Promise<never> {
  const promise = Promise.reject(reason);
  promise.catch(() => {});
  return promise;
}

/**
 * One service call in progress, from the guest's request to the host's final reply. The guest
 * waits on one reply at a time: a frame answers only while the guest waits on it (it is the
 * innermost call and no block of it runs). Meanwhile the service may call the block it was given,
 * any number of times, even concurrently: each call becomes a `[2, args]` reply, sent one after
 * the other; the final reply goes out once every block call made before the service settled has
 * run.
 */
export class Frame {
  /** The guest waits for this frame's next reply. */
  #waiter: Deferred<Uint8Array> | undefined;
  /** The block call the guest is running. */
  #running: BlockCall | undefined;
  readonly #queue: BlockCall[] = [];
  #final: Uint8Array | undefined;
  /** The reply #send gave last, for {@link next} to return when it was sent at once. */
  #sent: Uint8Array | undefined;
  #ended = false;

  constructor(private readonly owner: FrameOwner) {}

  /** Whether the frame has answered for good, or was unwound. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Whether a block of this frame is running in the guest. */
  get blockRunning(): boolean {
    return this.#running !== undefined;
  }

  /** The function a service receives for the guest's block. */
  readonly block = (...args: unknown[]): Promise<unknown> => {
    if (this.owner.ended) return rejected(blockEnded("its invocation has ended"));
    if (this.#ended || this.#final) {
      return rejected(blockEnded("the service call it was given to has ended"));
    }
    let reply: Uint8Array;
    try {
      reply = this.owner.blockReply(args);
    } catch (error) {
      return rejected(error);
    }
    const call: BlockCall = { reply, result: deferred() };
    call.result.promise.catch(() => {});
    this.#queue.push(call);
    this.#pump();
    return call.result.promise;
  };

  /**
   * The next reply for the guest, which now waits on this frame: the reply itself when it is
   * ready now (a block call queued, or the service settled), else a promise of it.
   */
  next(): Uint8Array | Promise<Uint8Array> {
    const waiter = deferred<Uint8Array>();
    this.#waiter = waiter;
    this.#pump();
    if (this.#waiter === waiter) return waiter.promise;
    // #pump sent a reply to this waiter (or ended the frame: the guest then gets the promise).
    const sent = this.#sent;
    this.#sent = undefined;
    return sent ?? waiter.promise;
  }

  /** The service settled: `reply` is its `[0, value]` or `[1, error]`. Ignored once ended. */
  settle(reply: Uint8Array): void {
    if (this.#ended || this.#final) return;
    this.#final = reply;
    this.#pump();
  }

  /** The guest reports how the running block ended: with a value, or raising. */
  blockReturned(ok: boolean, value: unknown): void {
    const call = this.#running;
    this.#running = undefined;
    if (ok) call?.result.resolve(value);
    else call?.result.reject(value);
  }

  /** The block left with `break` or `throw`: the guest unwinds this call; nothing more is sent. */
  unwind(): void {
    this.end(
      blockEnded(
        "the guest left the block with break or throw, which ended the service call it was given to",
      ),
    );
  }

  /** Ends the frame; block calls not yet answered reject with `reason`. */
  end(reason: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    const pending = this.#running ? [this.#running, ...this.#queue] : [...this.#queue];
    this.#running = undefined;
    this.#queue.length = 0;
    for (const call of pending) call.result.reject(reason);
    this.#waiter = undefined;
  }

  #send(reply: Uint8Array): void {
    const waiter = this.#waiter;
    this.#waiter = undefined;
    this.#sent = reply;
    waiter?.resolve(reply);
  }

  #pump(): void {
    if (!this.#waiter || this.#running || this.#ended) return;
    const call = this.#queue.shift();
    if (call) {
      this.#running = call;
      this.#send(call.reply);
      return;
    }
    if (this.#final) {
      this.#ended = true;
      this.owner.pop(this);
      this.#send(this.#final);
    }
  }
}
