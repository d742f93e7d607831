import { describe, expect, it } from "vitest";
import type { EvalLimits } from "../src/protocol.js";
import { decodeResponse } from "../src/wire/index.js";
import { encodeRequest, type ServiceSpec, type SnippetSpec } from "../src/wire/request.js";
import { Baker } from "../src/worker/baker.js";
import { GuestInstance } from "../src/worker/guest.js";
import { kobakoWasm } from "./support/kobako-wasm.js";

const limits: EvalLimits = {
  stdoutLimit: 1 << 16,
  stderrLimit: 1 << 16,
  memoryLimit: 0,
  timeout: 0,
  seed: 5,
};

async function setUp(cacheBytes?: number): Promise<{ main: GuestInstance; baker: Baker }> {
  const module = await kobakoWasm();
  const main = await GuestInstance.create(module);
  const baker = Baker.start((bridge) => GuestInstance.create(module, bridge), main, cacheBytes);
  await baker.warmUp();
  return { main, baker };
}

/** A whole request, and its prelude and action as a worker gets them apart. */
function request(services: ServiceSpec[], snippets: SnippetSpec[], source: string) {
  const { bytes, preludeEnd } = encodeRequest(services, snippets, { kind: "eval", source });
  return { bytes, prelude: bytes.slice(0, preludeEnd), action: bytes.slice(preludeEnd) };
}

describe("Baker", () => {
  it("bakes a pure preload set and runs the action alone on it, with the same result", async () => {
    const { main, baker } = await setUp();
    expect(baker.ready).toBe(true);
    const snippets = [{ name: "a", code: "A = [1, 2]\ndef helper = A.inject(:+)" }];
    const { bytes, prelude, action } = request(
      [["KV", ["Get"]]],
      snippets,
      "A << 3; [helper, KV.constants]",
    );
    const plan = baker.plan(prelude, action, limits);
    if (!plan) throw new Error("not baked");
    expect(plan.request.byteLength).toBeLessThan(bytes.byteLength);
    for (let i = 0; i < 3; i++) {
      const baked = main.invoke(plan.request, limits, 0, plan.base);
      const replayed = main.invoke(bytes, limits);
      if (baked instanceof Promise || replayed instanceof Promise) throw new Error("async");
      expect(decodeResponse(baked.envelope as Uint8Array)).toEqual(
        decodeResponse(replayed.envelope as Uint8Array),
      );
      expect(decodeResponse(baked.envelope as Uint8Array)).toMatchObject({
        ok: true,
        value: [6, [{ name: "Get" }]],
      });
    }
    expect(baker.cache.size).toBe(1);
  });

  it.each([
    ["prints", 'puts "x"'],
    ["calls a service", "KV::Get.call(1) rescue nil"],
    ["draws a random number", "R = rand"],
    ["makes an unseeded Random", "R = Random.new"],
    ["reads the clock", "T = Time.now.to_i"],
    ["raises", "raise 'no'"],
    ["never ends within the budget", "loop {}"],
  ])("replays a preload set that %s", async (_, code) => {
    const { baker } = await setUp();
    const { prelude, action } = request([["KV", ["Get"]]], [{ name: "s", code }], "1");
    expect(baker.plan(prelude, action, { ...limits, timeout: 50 })).toBeUndefined();
    expect(baker.plan(prelude, action, limits)).toBeUndefined();
  });

  it("keeps no more than its bound, least recently used first", async () => {
    const { baker } = await setUp(64 << 10);
    for (let i = 0; i < 40; i++) {
      const { prelude, action } = request([], [{ name: "s", code: `N${i} = ${i}` }], "1");
      expect(baker.plan(prelude, action, limits)).toBeDefined();
      expect(baker.cache.bytes).toBeLessThanOrEqual(64 << 10);
    }
    expect(baker.cache.size).toBeLessThan(40);
  });

  it("bakes nothing with a cache of 0 bytes", async () => {
    const module = await kobakoWasm();
    const main = await GuestInstance.create(module);
    const baker = Baker.start((bridge) => GuestInstance.create(module, bridge), main, 0);
    const { prelude, action } = request([], [{ name: "s", code: "A = 1" }], "A");
    expect(baker.plan(prelude, action, limits)).toBeUndefined();
  });
});
