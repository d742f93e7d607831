import type { Endpoint } from "comlink";
import {
  type EvalLimits,
  type EvalResult,
  invokeMessage,
  isResult,
  isResultMessage,
} from "../protocol.js";

interface Pending {
  readonly epoch: number;
  resolve(result: EvalResult): void;
  reject(error: Error): void;
}

/**
 * The host's end of a worker's invocations: posts each as one flat message and takes the result
 * message that answers it (protocol.ts), with one listener for the worker's whole life. A worker
 * runs one invocation at a time; a result of another epoch (of an invocation the host gave up
 * on) is dropped.
 */
export class Invoker {
  #pending: Pending | undefined;

  constructor(private readonly endpoint: Endpoint) {
    endpoint.addEventListener("message", (event) => this.#receive((event as MessageEvent).data));
  }

  /**
   * Runs `request` (its buffer is transferred) as the invocation of `epoch`; rejects when the
   * worker reports that it could not run it.
   */
  invoke(
    epoch: number,
    request: Uint8Array,
    limits: EvalLimits,
    preludeEnd: number | undefined,
  ): Promise<EvalResult> {
    if (this.#pending) {
      return Promise.reject(new Error("an invocation is already running on this worker"));
    }
    return new Promise((resolve, reject) => {
      this.#pending = { epoch, resolve, reject };
      this.endpoint.postMessage(invokeMessage(epoch, request, limits, preludeEnd), [
        request.buffer,
      ]);
    });
  }

  /** Forgets the invocation in flight: its worker is being discarded. */
  abandon(): void {
    this.#pending = undefined;
  }

  #receive(data: unknown): void {
    if (!isResultMessage(data)) return;
    const pending = this.#pending;
    if (!pending || data[1] !== pending.epoch) return;
    this.#pending = undefined;
    if (isResult(data)) pending.resolve(data[2]);
    else pending.reject(new Error(`the worker could not run the invocation: ${data[2]}`));
  }
}
