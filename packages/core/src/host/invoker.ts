import type { Endpoint } from "comlink";
import {
  type EvalLimits,
  type EvalResult,
  invokeMessage,
  isResult,
  isResultMessage,
  type PreludeRef,
  readResult,
  transferables,
} from "../protocol.js";

interface Pending {
  readonly epoch: number;
  resolve(result: EvalResult): void;
  reject(error: Error): void;
}

/** What one worker is asked to keep of the preludes it was sent (protocol.ts, `InvokeMessage`). */
const KEPT_PRELUDES = 256;
const KEPT_BYTES = 8 << 20;
/** A prelude larger than this is sent with every request instead. */
const LARGEST_KEPT = 1 << 20;

/** A request as the host encoded it: whole, with its prelude (services and snippets) if any. */
export interface EncodedRequest {
  readonly bytes: Uint8Array;
  /** The request's first `prelude.byteLength` bytes, the same object for every call of a sandbox. */
  readonly prelude?: Uint8Array;
}

/**
 * The host's end of a worker's invocations: posts each as one flat message and takes the result
 * message that answers it (protocol.ts), with one listener for the worker's whole life. A worker
 * runs one invocation at a time; a result of another epoch (of an invocation the host gave up
 * on) is dropped.
 *
 * It also decides which preludes the worker keeps: a sandbox's first request to a worker goes
 * whole, with an id to keep its prelude under; later ones carry the action alone and that id. The worker keeps at most
 * {@link KEPT_PRELUDES} of them, {@link KEPT_BYTES} in all; the least recently used are forgotten.
 */
export class Invoker {
  #pending: Pending | undefined;
  /** The preludes the worker keeps, least recently used first, by the host's object. */
  readonly #kept = new Map<Uint8Array, number>();
  #keptBytes = 0;
  #nextId = 0;

  constructor(private readonly endpoint: Endpoint) {
    endpoint.addEventListener("message", (event) => this.#receive((event as MessageEvent).data));
  }

  /**
   * Runs `request` (its buffer transferred when large) as the invocation of `epoch`; rejects
   * when the worker reports that it could not run it.
   */
  invoke(epoch: number, request: EncodedRequest, limits: EvalLimits): Promise<EvalResult> {
    if (this.#pending) {
      return Promise.reject(new Error("an invocation is already running on this worker"));
    }
    return new Promise((resolve, reject) => {
      this.#pending = { epoch, resolve, reject };
      const { bytes, prelude } = request;
      let sent = bytes;
      let ref: PreludeRef;
      let forget: number[] | undefined;
      if (prelude) {
        const kept = this.#keep(prelude);
        forget = kept?.forget;
        if (kept === undefined) {
          ref = { end: prelude.byteLength };
        } else if (kept.known) {
          // The post moves or copies the whole buffer (protocol.ts, TRANSFER_FROM); the worker
          // reads the view.
          sent = bytes.subarray(prelude.byteLength);
          ref = { id: kept.id };
        } else {
          ref = { end: prelude.byteLength, keep: kept.id };
        }
      }
      this.endpoint.postMessage(
        invokeMessage(epoch, sent, limits, ref, forget),
        transferables(sent),
      );
    });
  }

  /** Forgets the invocation in flight: its worker is being discarded. */
  abandon(): void {
    this.#pending = undefined;
  }

  /**
   * The id the worker keeps `prelude` under, and whether it has it already (else this request
   * hands it over, and the ids in `forget` make room for it); `undefined` when it is too large to
   * keep.
   */
  #keep(prelude: Uint8Array): { id: number; known: boolean; forget?: number[] } | undefined {
    const known = this.#kept.get(prelude);
    if (known !== undefined) {
      this.#kept.delete(prelude);
      this.#kept.set(prelude, known);
      return { id: known, known: true };
    }
    if (prelude.byteLength > LARGEST_KEPT) return undefined;
    const forget: number[] = [];
    while (this.#kept.size >= KEPT_PRELUDES || this.#keptBytes + prelude.byteLength > KEPT_BYTES) {
      const [oldest, id] = this.#kept.entries().next().value as [Uint8Array, number];
      this.#kept.delete(oldest);
      this.#keptBytes -= oldest.byteLength;
      forget.push(id);
    }
    const id = this.#nextId++;
    this.#kept.set(prelude, id);
    this.#keptBytes += prelude.byteLength;
    return { id, known: false, forget };
  }

  #receive(data: unknown): void {
    if (!isResultMessage(data)) return;
    const pending = this.#pending;
    if (!pending || data[1] !== pending.epoch) return;
    this.#pending = undefined;
    if (isResult(data)) pending.resolve(readResult(data[2]));
    else pending.reject(new Error(`the worker could not run the invocation: ${data[2]}`));
  }
}
