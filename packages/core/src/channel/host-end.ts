import { encodeErrorReply } from "../wire/service.js";
import type {
  ChannelMode,
  ChannelReply,
  ChannelRequest,
  HostEnd,
  RequestHandler,
} from "./contract.js";
import { transferList } from "./io.js";

/**
 * What every host end does: take requests posted on the port (and, in atomics mode, from the
 * shared request slot), drop those of an invocation that has ended, hand the others to the
 * running invocation's handler, and answer each exactly once — by message here; a subclass may
 * answer another way ({@link answer}).
 */
export class PostedHostEnd implements HostEnd {
  protected handler: RequestHandler | undefined;
  /** Numbers the invocations served, see {@link attach}. */
  #epoch = 0;

  constructor(
    readonly mode: ChannelMode,
    protected readonly port: MessagePort,
  ) {
    port.onmessage = (event: MessageEvent<ChannelRequest>) => this.receive(event.data);
    // Node: an idle pool must not keep the process alive; a working worker does that already.
    (port as { unref?: () => void }).unref?.();
  }

  attach(handler: RequestHandler): number {
    this.handler = handler;
    this.#epoch++;
    return this.#epoch;
  }

  detach(): void {
    this.handler = undefined;
  }

  close(): void {
    this.detach();
    this.port.onmessage = null;
    this.port.close();
  }

  /** Serves one request of the worker. */
  protected receive(message: ChannelRequest): void {
    // A message of an invocation that has ended: its worker stopped waiting for the answer.
    if (message.epoch !== undefined && message.epoch !== this.#epoch) return;
    if ("more" in message) {
      this.more();
      return;
    }
    const handler = this.handler;
    const { seq } = message;
    if (!handler) {
      this.answer(
        encodeErrorReply("Kobako::Error", "no invocation is running on this worker"),
        seq,
      );
    } else if ("oversize" in message) {
      this.answer(handler.oversize(message.oversize), seq);
    } else {
      // The handler never rejects; were it to fail anyway, the guest still gets an answer and
      // the loop serving the request slot (which may have called this) keeps running.
      let replying: Promise<Uint8Array>;
      try {
        replying = handler.handle(message.call);
      } catch {
        replying = Promise.resolve(encodeErrorReply("Kobako::Error", "the host failed"));
      }
      replying.then(
        (reply) => {
          if (this.handler === handler) this.answer(reply, seq);
        },
        () => {
          if (this.handler === handler) {
            this.answer(encodeErrorReply("Kobako::Error", "the host failed"), seq);
          }
        },
      );
    }
  }

  /** Sends the reply to the request numbered `seq`. */
  protected answer(reply: Uint8Array, seq: number | undefined): void {
    const message: ChannelReply = seq === undefined ? { reply } : { reply, seq };
    this.port.postMessage(message, transferList(reply));
  }

  /** Atomics mode: the worker asks for the next chunk of a long reply. */
  protected more(): void {}
}
