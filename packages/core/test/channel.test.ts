// The channel layer on its own (src/channel/): which mode each side picks, the atomics mode's
// request numbers, the replay mode's record.
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { AtomicsWorkerEnd, Shared } from "../src/channel/atomics.js";
import { DeadlineExceeded, type GuestAccess, type GuestRun } from "../src/channel/contract.js";
import { PortLine } from "../src/channel/io.js";
import { ReplayWorkerEnd } from "../src/channel/replay.js";
import { offerChannel, openHostEnd, openWorkerEnd } from "../src/channel/select.js";

/** A guest of plain memory: its reply buffer is at byte 1024. */
function fakeGuest(): GuestAccess & { reply(length: number): Uint8Array } {
  const memory = new WebAssembly.Memory({ initial: 1 });
  return {
    memory: () => memory,
    replyBuffer: () => 1024,
    reply: (length) => new Uint8Array(memory.buffer, 1024, length).slice(),
  };
}

describe("choosing the mode", () => {
  const guest = fakeGuest();

  it("auto takes atomics wherever the host can share memory", () => {
    const { port1, port2 } = new MessageChannel();
    const init = offerChannel(port2, "auto");
    expect(init.shared).toBeInstanceOf(SharedArrayBuffer);
    const end = openWorkerEnd(init, guest);
    expect(end.mode).toBe("atomics");
    openHostEnd(end.mode, port1, init).close();
    port2.close();
  });

  it("auto replays where the host cannot share memory and the engine has no JSPI", () => {
    const global = globalThis as { crossOriginIsolated?: boolean };
    global.crossOriginIsolated = false;
    try {
      const { port1, port2 } = new MessageChannel();
      const init = offerChannel(port2, "auto");
      expect(init.shared).toBeUndefined();
      // Node has no WebAssembly.Suspending: no JSPI either.
      const end = openWorkerEnd(init, guest);
      expect(end.mode).toBe("replay");
      expect(end.freezesClock).toBe(true);
      openHostEnd(end.mode, port1, init).close();
      port2.close();
    } finally {
      delete global.crossOriginIsolated;
    }
  });

  it("a forced mode this side lacks says why", () => {
    const { port2 } = new MessageChannel();
    expect(() => openWorkerEnd({ port: port2, preference: "atomics" }, guest)).toThrow(
      /needs a SharedArrayBuffer/,
    );
    expect(() => openWorkerEnd({ port: port2, preference: "jspi" }, guest)).toThrow(
      /WebAssembly.Suspending/,
    );
    port2.close();
  });
});

describe("the atomics mode numbers its requests", () => {
  it("B60 a reply to an earlier request is never taken for the latest one's", async () => {
    const shared = new SharedArrayBuffer(Shared.HEADER_BYTES + Shared.DATA_BYTES);
    const guest = fakeGuest();
    // The worker end runs here (Atomics.wait may block Node's main thread); a thread plays the
    // host: it answers with a stale reply first (numbered as the request before), then with the
    // right one 50 ms later. The stale one must not be read as the answer.
    const host = new Worker(
      `const { workerData: shared } = require("node:worker_threads");
       const h = new Int32Array(shared, 0, 8), data = new Uint8Array(shared, 32);
       while (Atomics.load(h, 3) === 0) Atomics.wait(h, 3, 0, 10);
       const seq = Atomics.load(h, 5);
       const answer = (bytes, number) => {
         data.set(bytes); Atomics.store(h, 1, bytes.length); Atomics.store(h, 2, bytes.length);
         Atomics.store(h, 6, number); Atomics.store(h, 0, 1); Atomics.notify(h, 0);
       };
       answer([0xa5, 0x73, 0x74, 0x61, 0x6c, 0x65], seq - 1);
       setTimeout(() => answer([0xa5, 0x72, 0x69, 0x67, 0x68, 0x74], seq), 50);`,
      { eval: true, workerData: shared },
    );
    const end = new AtomicsWorkerEnd(undefined, shared, true, guest);
    end.deadline = performance.now() + 5_000;
    const length = (end.serviceCall as (at: number, length: number) => number)(0, 4);
    expect(length).toBe(6);
    expect(new TextDecoder().decode(guest.reply(6).subarray(1))).toBe("right");
    await host.terminate();
  });
});

/** A fake invocation: each run makes the requests `script()` returns, then returns their count. */
function scripted(
  end: ReplayWorkerEnd,
  guest: ReturnType<typeof fakeGuest>,
  script: (run: number) => Uint8Array[],
): GuestRun & { runs: number } {
  const invocation = {
    runs: 0,
    start() {
      const run = invocation.runs++;
      return {
        length: 0,
        entry: () => {
          const call = end.serviceCall as (at: number, length: number) => number;
          for (const request of script(run)) {
            new Uint8Array(guest.memory().buffer, 0, request.length).set(request);
            call(0, request.length);
          }
          return script(run).length;
        },
      };
    },
  };
  return invocation;
}

/** A host that answers every request with its first byte + 100, counting what it served. */
function echoHost(port: MessagePort): { served: number[] } {
  const host = { served: [] as number[] };
  port.onmessage = (event: MessageEvent<{ call: Uint8Array; seq: number }>) => {
    const first = event.data.call[0] ?? 0;
    host.served.push(first);
    port.postMessage({ reply: new Uint8Array([first + 100]), seq: event.data.seq });
  };
  return host;
}

describe("the replay mode", () => {
  it("serves each request once, replaying the recorded ones", async () => {
    const { port1, port2 } = new MessageChannel();
    const host = echoHost(port1);
    const guest = fakeGuest();
    const end = new ReplayWorkerEnd(new PortLine(port2), guest);
    const invocation = scripted(end, guest, () => [1, 2, 3].map((n) => new Uint8Array([n])));
    expect(await end.run(invocation)).toBe(3);
    expect(host.served).toEqual([1, 2, 3]);
    expect(invocation.runs).toBe(4);
    port1.close();
  });

  it("reports a replay that makes another request than the recorded run", async () => {
    const { port1, port2 } = new MessageChannel();
    echoHost(port1);
    const guest = fakeGuest();
    const end = new ReplayWorkerEnd(new PortLine(port2), guest);
    // The second run's first request differs from the first run's: a script that is not
    // deterministic (nothing in the guest should make one; this is the safety net).
    const invocation = scripted(end, guest, (run) => [new Uint8Array([run === 0 ? 7 : 8])]);
    await expect(end.run(invocation)).rejects.toThrow(
      /did not repeat itself when replayed .*exchange 1/,
    );
    port1.close();
  });

  it("stops at the deadline while waiting for the host", async () => {
    const { port1, port2 } = new MessageChannel();
    const guest = fakeGuest();
    const end = new ReplayWorkerEnd(new PortLine(port2), guest);
    end.deadline = performance.now() + 50;
    const invocation = scripted(end, guest, () => [new Uint8Array([1])]);
    await expect(end.run(invocation)).rejects.toBeInstanceOf(DeadlineExceeded);
    port1.close();
  });
});
