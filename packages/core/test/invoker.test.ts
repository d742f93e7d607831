// The host's end of a worker's invocations (host/invoker.ts), against a recording endpoint: what
// reaches the worker, and which preludes it is told to keep or forget.
import type { Endpoint } from "comlink";
import { describe, expect, it } from "vitest";
import { Invoker } from "../src/host/invoker.js";
import {
  type EvalLimits,
  type EvalResult,
  type Invocation,
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
function recorder(result: EvalResult = RESULT) {
  const posted: unknown[] = [];
  const transfers: Transferable[][] = [];
  let listener: ((event: MessageEvent) => void) | undefined;
  const endpoint: Endpoint = {
    postMessage(message: unknown, transfer: Transferable[] = []) {
      posted.push(message);
      transfers.push(transfer);
      const invocation = readInvokeMessage(message);
      if (invocation) {
        queueMicrotask(() =>
          listener?.({ data: resultMessage(invocation.epoch, result) } as MessageEvent),
        );
      }
    },
    addEventListener(_type: string, l: EventListenerOrEventListenerObject) {
      listener = l as (event: MessageEvent) => void;
    },
    removeEventListener() {},
  };
  return { endpoint, posted, transfers };
}

/** A request of `prelude` and a 2-byte action, as the host encodes it. */
function request(prelude: Uint8Array) {
  const bytes = new Uint8Array(prelude.byteLength + 2);
  bytes.set(prelude);
  bytes.set([0xaa, 0xbb], prelude.byteLength);
  return { bytes, prelude };
}

const preludeOf = (n: number, size = 8) => new Uint8Array(size).fill(n & 0xff);

/** The invocations posted, as the worker reads them; every message must be one. */
function invocations(posted: unknown[]): Invocation[] {
  return posted.map((message) => {
    const invocation = readInvokeMessage(message);
    if (!invocation) throw new Error("not an invocation message");
    return invocation;
  });
}

describe("Invoker", () => {
  it("sends a prelude once, with an id to keep it under, then the action alone with that id", async () => {
    const { endpoint, posted } = recorder();
    const invoker = new Invoker(endpoint);
    const prelude = preludeOf(1);
    await invoker.invoke(1, request(prelude), limits);
    await invoker.invoke(2, request(prelude), limits);
    const [first, second] = invocations(posted);
    expect(first?.prelude).toEqual({ end: prelude.byteLength, keep: 0 });
    expect(first?.request.byteLength).toBe(prelude.byteLength + 2);
    expect(second?.prelude).toEqual({ id: 0 });
    expect([...(second?.request ?? [])]).toEqual([0xaa, 0xbb]);
    expect(posted).toHaveLength(2);
  });

  it("tells the worker to forget the least recently used of more than 256 preludes", async () => {
    const { endpoint, posted } = recorder();
    const invoker = new Invoker(endpoint);
    const preludes = Array.from({ length: 257 }, (_, i) => preludeOf(i));
    for (const [i, prelude] of preludes.entries())
      await invoker.invoke(i, request(prelude), limits);
    const sent = invocations(posted);
    expect(sent.slice(0, 256).every((invocation) => invocation.forget.length === 0)).toBe(true);
    // The first prelude was the least recently used: forgotten when the 257th is kept.
    expect(sent[256]?.forget).toEqual([0]);
    expect(sent[256]?.prelude).toEqual({ end: 8, keep: 256 });
    // Used again, it is handed over again under a new id (making room again).
    await invoker.invoke(300, request(preludes[0] as Uint8Array), limits);
    const again = invocations(posted)[257];
    expect(again?.prelude).toEqual({ end: 8, keep: 257 });
    expect(again?.forget).toEqual([1]);
  });

  it("sends a prelude over 1 MiB whole with every request", async () => {
    const { endpoint, posted } = recorder();
    const invoker = new Invoker(endpoint);
    const prelude = preludeOf(7, (1 << 20) + 1);
    await invoker.invoke(1, request(prelude), limits);
    await invoker.invoke(2, request(prelude), limits);
    for (const invocation of invocations(posted)) {
      expect(invocation.prelude).toEqual({ end: prelude.byteLength });
      expect(invocation.request.byteLength).toBe(prelude.byteLength + 2);
    }
  });

  it("sends a request without services or snippets whole", async () => {
    const { endpoint, posted } = recorder();
    const invoker = new Invoker(endpoint);
    const bytes = Uint8Array.of(0x93, 0x90, 0x90, 0x92, 0x00, 0xc0);
    const running = invoker.invoke(5, { bytes }, limits);
    expect(invocations(posted)[0]?.prelude).toBeUndefined();
    await expect(running).resolves.toEqual(RESULT);
    await expect(invoker.invoke(6, { bytes: bytes.slice() }, limits)).resolves.toEqual(RESULT);
  });

  it("transfers a request's buffer from 4 KiB and copies a smaller one", async () => {
    const { endpoint, transfers } = recorder();
    const invoker = new Invoker(endpoint);
    const small = request(preludeOf(1, 100));
    const large = request(preludeOf(2, 8192));
    await invoker.invoke(1, small, limits);
    await invoker.invoke(2, large, limits);
    expect(transfers[0]).toEqual([]);
    expect(transfers[1]).toEqual([large.bytes.buffer]);
  });
});

describe("result messages", () => {
  it("leave empty output out, and the host reads it back as empty", async () => {
    const posted = resultMessage(1, RESULT)[2] as object;
    expect(Object.keys(posted)).not.toContain("stdout");
    expect(Object.keys(posted)).not.toContain("stderr");
    const { endpoint } = recorder();
    const result = await new Invoker(endpoint).invoke(1, request(preludeOf(1)), limits);
    expect(result.stdout).toEqual(new Uint8Array(0));
    expect(result.stderr).toEqual(new Uint8Array(0));
  });

  it("carry output there is, byte for byte", async () => {
    const stdout = new TextEncoder().encode("printed\n");
    const stderr = new Uint8Array([0xff, 0x00, 0x41]);
    const { endpoint } = recorder({ ...RESULT, stdout, stderr, stdoutTruncated: true });
    const result = await new Invoker(endpoint).invoke(1, request(preludeOf(1)), limits);
    expect(result.stdout).toEqual(stdout);
    expect(result.stderr).toEqual(stderr);
    expect(result.stdoutTruncated).toBe(true);
  });
});
