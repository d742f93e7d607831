// The host's end of a worker's invocations (host/invoker.ts), against a recording endpoint: which
// messages reach the worker, and which preludes it is told to keep or forget.
import type { Endpoint } from "comlink";
import { describe, expect, it } from "vitest";
import { Invoker } from "../src/host/invoker.js";
import {
  type EvalLimits,
  type EvalResult,
  isKeepMessage,
  readInvokeMessage,
  resultMessage,
} from "../src/protocol.js";

const limits: EvalLimits = {
  stdoutLimit: 1,
  stderrLimit: 1,
  memoryLimit: 0,
  timeout: 0,
  seed: 1,
};
const RESULT: EvalResult = {
  stdout: new Uint8Array(0),
  stderr: new Uint8Array(0),
  stdoutTruncated: false,
  stderrTruncated: false,
  wallTime: 0,
  memoryPeak: 0,
};

/** An endpoint that records what is posted and answers each invocation with `RESULT`. */
function recorder() {
  const posted: unknown[] = [];
  let listener: ((event: MessageEvent) => void) | undefined;
  const endpoint: Endpoint = {
    postMessage(message: unknown) {
      posted.push(message);
      const invocation = readInvokeMessage(message);
      if (invocation) {
        queueMicrotask(() =>
          listener?.({ data: resultMessage(invocation.epoch, RESULT) } as MessageEvent),
        );
      }
    },
    addEventListener(_type: string, l: EventListenerOrEventListenerObject) {
      listener = l as (event: MessageEvent) => void;
    },
    removeEventListener() {},
  };
  return { endpoint, posted };
}

/** A request of `prelude` and a 2-byte action, as the host encodes it. */
function request(prelude: Uint8Array) {
  const bytes = new Uint8Array(prelude.byteLength + 2);
  bytes.set(prelude);
  bytes.set([0xaa, 0xbb], prelude.byteLength);
  return { bytes, prelude };
}

const preludeOf = (n: number, size = 8) => new Uint8Array(size).fill(n & 0xff);

describe("Invoker", () => {
  it("hands a prelude over once, then sends the action alone with its id", async () => {
    const { endpoint, posted } = recorder();
    const invoker = new Invoker(endpoint);
    const prelude = preludeOf(1);
    await invoker.invoke(1, request(prelude), limits);
    await invoker.invoke(2, request(prelude), limits);
    expect(posted).toHaveLength(3);
    expect(isKeepMessage(posted[0])).toBe(true);
    expect((posted[0] as unknown[])[2]).toBe(prelude);
    const id = (posted[0] as unknown[])[1];
    for (const message of posted.slice(1)) {
      const invocation = readInvokeMessage(message);
      expect(invocation?.prelude).toEqual({ id });
      expect([...(invocation?.request ?? [])]).toEqual([0xaa, 0xbb]);
    }
  });

  it("tells the worker to forget the least recently used of more than 256 preludes", async () => {
    const { endpoint, posted } = recorder();
    const invoker = new Invoker(endpoint);
    const preludes = Array.from({ length: 257 }, (_, i) => preludeOf(i));
    for (const [i, prelude] of preludes.entries())
      await invoker.invoke(i, request(prelude), limits);
    const keeps = posted.filter(isKeepMessage);
    expect(keeps).toHaveLength(258);
    // The first prelude was the least recently used: forgotten before the 257th was kept.
    expect(keeps[256]).toEqual([keeps[0]?.[0], keeps[0]?.[1], null]);
    expect(keeps[257]?.[2]).toBe(preludes[256]);
    // Used again, it is handed over again under a new id.
    posted.length = 0;
    await invoker.invoke(300, request(preludes[0] as Uint8Array), limits);
    const again = posted.filter(isKeepMessage);
    expect(again.map((keep) => keep[2])).toEqual([null, preludes[0]]);
    expect(again[1]?.[1]).toBeGreaterThan(256);
  });

  it("sends a prelude over 1 MiB whole with every request", async () => {
    const { endpoint, posted } = recorder();
    const invoker = new Invoker(endpoint);
    const prelude = preludeOf(7, (1 << 20) + 1);
    await invoker.invoke(1, request(prelude), limits);
    await invoker.invoke(2, request(prelude), limits);
    expect(posted.filter(isKeepMessage)).toHaveLength(0);
    for (const message of posted) {
      const invocation = readInvokeMessage(message);
      expect(invocation?.prelude).toEqual({ end: prelude.byteLength });
      expect(invocation?.request.byteLength).toBe(prelude.byteLength + 2);
    }
  });

  it("sends a request without services or snippets whole", async () => {
    const { endpoint, posted } = recorder();
    const invoker = new Invoker(endpoint);
    const bytes = Uint8Array.of(0x93, 0x90, 0x90, 0x92, 0x00, 0xc0);
    const running = invoker.invoke(5, { bytes }, limits);
    expect(readInvokeMessage(posted[0])?.prelude).toBeUndefined();
    await expect(running).resolves.toBe(RESULT);
    await expect(invoker.invoke(6, { bytes: bytes.slice() }, limits)).resolves.toBe(RESULT);
  });
});
