// The host's end of a worker's service channel, between invocations: whatever an invocation that
// ended at its deadline left behind must not reach the next one.
import { describe, expect, it } from "vitest";
import { AtomicsHostEnd, Shared, Signal } from "../src/channel/atomics.js";
import type { ChannelReply as BridgeReply, RequestHandler } from "../src/channel/contract.js";
import { PostedHostEnd } from "../src/channel/host-end.js";
import { decodeWire, encodeWire } from "../src/wire/index.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(): RequestHandler & { seen: unknown[] } {
  const seen: unknown[] = [];
  return {
    seen,
    async handle(bytes) {
      seen.push(decodeWire(bytes));
      return encodeWire([0, "answer"]);
    },
    oversize: () => encodeWire([1, { klass: "RangeError", message: "too big" }]),
  };
}

describe("the host's end between invocations", () => {
  it("B60 drops a request left in the shared slot by an invocation that ended", async () => {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(Shared.HEADER_BYTES + Shared.DATA_BYTES);
    const header = new Int32Array(shared, 0, Shared.HEADER_BYTES / 4);
    const bridge = new AtomicsHostEnd(port1, shared, true);
    // The worker raised a request, then gave up at its deadline before the host took it.
    const stale = encodeWire([1, "stale block value"]);
    new Uint8Array(shared, Shared.HEADER_BYTES).set(stale);
    Atomics.store(header, Shared.REQUEST_LENGTH, stale.byteLength);
    Atomics.store(header, Shared.REQUEST, Signal.CALL);
    const handler = recorder();
    bridge.attach(handler);
    await sleep(20);
    expect(handler.seen).toEqual([]);
    // A request of the new invocation is served.
    const fresh = encodeWire([0, "KV::Get", "call", [], null, false]);
    new Uint8Array(shared, Shared.HEADER_BYTES).set(fresh);
    Atomics.store(header, Shared.REQUEST_LENGTH, fresh.byteLength);
    Atomics.store(header, Shared.REQUEST, Signal.CALL);
    Atomics.notify(header, Shared.REQUEST);
    await sleep(20);
    expect(handler.seen).toEqual([[0, "KV::Get", "call", [], null, false]]);
    expect(Atomics.load(header, Shared.STATE)).toBe(1);
    bridge.close();
    port2.close();
  });

  it("B60 drops a posted request of an earlier invocation, and echoes seq", async () => {
    const { port1, port2 } = new MessageChannel();
    const bridge = new PostedHostEnd("jspi", port1);
    const first = recorder();
    const epoch = bridge.attach(first);
    bridge.detach();
    const second = recorder();
    expect(bridge.attach(second)).toBe(epoch + 1);
    const replies: BridgeReply[] = [];
    port2.onmessage = (event: MessageEvent<BridgeReply>) => replies.push(event.data);
    port2.postMessage({ call: encodeWire([1, "late"]), seq: 7, epoch });
    port2.postMessage({
      call: encodeWire([0, "A::B", "call", [], null, false]),
      seq: 8,
      epoch: epoch + 1,
    });
    await sleep(30);
    expect(first.seen).toEqual([]);
    expect(second.seen).toEqual([[0, "A::B", "call", [], null, false]]);
    expect(replies.map((reply) => reply.seq)).toEqual([8]);
    expect(decodeWire(replies[0]?.reply as Uint8Array)).toEqual([0, "answer"]);
    bridge.close();
    port2.close();
  });

  it("keeps serving after a handler that throws", async () => {
    const { port1, port2 } = new MessageChannel();
    const bridge = new PostedHostEnd("jspi", port1);
    let calls = 0;
    const epoch = bridge.attach({
      handle() {
        calls++;
        if (calls === 1) throw new Error("a bug");
        return Promise.resolve(encodeWire([0, calls]));
      },
      oversize: () => new Uint8Array(0),
    });
    const replies: BridgeReply[] = [];
    port2.onmessage = (event: MessageEvent<BridgeReply>) => replies.push(event.data);
    for (const seq of [1, 2]) port2.postMessage({ call: encodeWire([0]), seq, epoch });
    await sleep(30);
    expect(replies.map((reply) => decodeWire(reply.reply))).toEqual([
      [1, { klass: "Kobako::Error", message: "the host failed" }],
      [0, 2],
    ]);
    bridge.close();
    port2.close();
  });
});
