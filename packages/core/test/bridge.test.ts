// Service calls across a real thread boundary. The workers run core's built runtime (dist/):
// `pnpm build` first.
import { afterAll, describe, expect, it } from "vitest";
import { SandboxError, ServiceError, TimeoutError } from "../src/errors.js";
import { HARD_TIMEOUT_GRACE } from "../src/host/options.js";
import { Sandbox, type SandboxOptions } from "../src/index.js";
import { encodeWire, MAX_PAYLOAD } from "../src/wire/index.js";
import { fakeGuest } from "./support/fake-guest.js";
import { toHex } from "./support/hex.js";
import { kobakoWasm } from "./support/kobako-wasm.js";
import { threadPlatform } from "./support/threads.js";

/** The fake guest's command for one service call with `request` (docs/ABI.md service request). */
function fakeCall(request: unknown[]): string {
  return `c${toHex(encodeWire(request)).replace(/ /g, "")}`;
}

const fakePlatform = threadPlatform(fakeGuest);
const realPlatform = threadPlatform(kobakoWasm);
const sandboxes: Sandbox[] = [];
function sandbox(platform = realPlatform, options?: SandboxOptions): Sandbox {
  const made = new Sandbox(options, platform);
  sandboxes.push(made);
  return made;
}
afterAll(() => Promise.all(sandboxes.map((made) => made.close())));

describe("the atomics bridge, on the fake guest", () => {
  it("carries a request to the host and the reply back", async () => {
    const box = sandbox(fakePlatform);
    box.define("KV").bind("Get", async (key: string) => `v:${key}`);
    expect(await box.eval(fakeCall([0, "KV::Get", "call", ["k"], null, false]))).toEqual([
      0,
      "v:k",
    ]);
  });

  it("B27 answers a request over 16 MiB with an error, without copying it", async () => {
    const box = sandbox(fakePlatform);
    const [tag, error] = (await box.eval("l")) as [number, { message: string }];
    expect(tag).toBe(1);
    expect(error.message).toMatch(/17825792 bytes exceeds the 16 MiB payload cap/);
    expect(await box.eval("n")).toBe(1);
  });

  it("answers with -1 when the guest cannot take the reply", async () => {
    const box = sandbox(fakePlatform);
    box.define("Big").bind("Get", () => "x".repeat(60_000));
    expect(await box.eval(fakeCall([0, "Big::Get", "call", [], null, false]))).toBe(-1);
  });
});

describe("B60 B63 the hard backstop, on the fake guest", () => {
  it("terminates a worker still busy past the deadline and grace; the next call works", async () => {
    const box = sandbox(fakePlatform, { timeout: 100 });
    expect(await box.eval("n")).toBe(1);
    const started = performance.now();
    const error = await box.eval("h").catch((caught: unknown) => caught);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).details).toEqual({
      kind: "timeout",
      timeout: 100,
      hard: true,
      how: "terminated",
    });
    expect(elapsed).toBeGreaterThanOrEqual(100 + HARD_TIMEOUT_GRACE - 1);
    expect(elapsed).toBeLessThan(100 + HARD_TIMEOUT_GRACE + 2_000);
    expect(box.usage.memoryPeak).toBe(0);
    expect(await box.eval("n")).toBe(1);
  });
});

describe("services on kobako.wasm over worker threads", () => {
  it("B11 B13 calls sync and async services", async () => {
    const box = sandbox();
    box
      .define("KV")
      .bind("Lookup", async (key: string) => `value of ${key}`)
      .bind("Size", { count: () => 3 });
    expect(await box.eval('[KV::Lookup.call("a"), KV::Size.count]')).toEqual(["value of a", 3]);
  });

  it("carries replies longer than the shared buffer, in chunks", async () => {
    const box = sandbox(realPlatform, { memoryLimit: null });
    const big = "0123456789".repeat(300_000);
    box
      .define("Big")
      .bind("Get", () => big)
      .bind("Echo", (text: string) => text.length);
    expect(await box.eval("s = Big::Get.call; [s.size, s[-3..]]")).toEqual([3_000_000, "789"]);
    expect(await box.eval("Big::Echo.call('y' * 2_500_000)")).toBe(2_500_000);
  });

  it("B27 a reply over the cap fails in the guest, which may rescue it", async () => {
    const box = sandbox();
    box.define("Big").bind("Get", () => "x".repeat(MAX_PAYLOAD));
    expect(
      await box.eval("begin; Big::Get.call; rescue Kobako::ServiceError => e; e.message; end"),
    ).toMatch(/exceeds the 16 MiB payload cap/);
    const error = await box.eval("Big::Get.call").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect(await box.eval("1 + 1")).toBe(2);
  });

  it("B14 a script raising its own Kobako::ServiceError gets a SandboxError", async () => {
    const box = sandbox();
    const error = await box.eval("raise Kobako::ServiceError, 'fake'").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxError);
    expect(error).not.toBeInstanceOf(ServiceError);
  });
});
