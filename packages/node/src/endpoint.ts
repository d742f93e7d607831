import type { Endpoint } from "comlink";

/** The part of a `worker_threads` Worker or MessagePort that comlink needs. */
export interface NodePort {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  on(event: "message", listener: (data: unknown) => void): unknown;
  off(event: "message", listener: (data: unknown) => void): unknown;
}

/** Adapts an EventEmitter-style port to comlink's DOM-style `Endpoint`. */
export function nodeEndpoint(port: NodePort): Endpoint {
  const listeners = new WeakMap<object, (data: unknown) => void>();
  return {
    postMessage(message: unknown, transfer?: Transferable[]) {
      port.postMessage(message, transfer);
    },
    addEventListener(_type: string, listener: EventListenerOrEventListenerObject) {
      const forward = (data: unknown) => {
        const event = { data } as MessageEvent;
        if (typeof listener === "function") listener(event);
        else listener.handleEvent(event);
      };
      listeners.set(listener, forward);
      port.on("message", forward);
    },
    removeEventListener(_type: string, listener: EventListenerOrEventListenerObject) {
      const forward = listeners.get(listener);
      if (forward) port.off("message", forward);
      listeners.delete(listener);
    },
  };
}
