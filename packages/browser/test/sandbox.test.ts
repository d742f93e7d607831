import { readFile } from "node:fs/promises";
import { exposeWorkerRuntime } from "@kobako/core/worker";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createPlatform,
  RubySymbol,
  Sandbox,
  SandboxError,
  SetupError,
  TrapError,
} from "../src/index.js";

const module = WebAssembly.compile(
  await readFile(new URL("../../../data/kobako.wasm", import.meta.url)),
);

/**
 * A stand-in for a module Web Worker: the worker runtime runs in this thread at the other end of a
 * MessageChannel. A URL containing "missing" fails to load, as a 404 would.
 */
class FakeWorker extends EventTarget {
  static created: string[] = [];
  readonly port: MessagePort;

  constructor(url: URL | string, options?: WorkerOptions) {
    super();
    FakeWorker.created.push(`${url} ${options?.type}`);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.addEventListener("message", (event) =>
      this.dispatchEvent(new MessageEvent("message", { data: event.data })),
    );
    port1.start();
    if (String(url).includes("missing")) {
      // As browsers report a module worker that did not load: an error event with no message.
      setTimeout(() => this.dispatchEvent(Object.assign(new Event("error"), { message: "" })));
    } else {
      port2.start();
      exposeWorkerRuntime(port2);
    }
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }

  terminate(): void {
    this.port.close();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.created = [];
});

describe("Sandbox in the browser adapter", () => {
  it("runs Ruby through a module worker and a precompiled module", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const platform = createPlatform({ module, workerUrl: "https://a.test/worker.js" });
    await using sandbox = new Sandbox({}, platform);
    expect(await sandbox.eval('puts "hi"; [1, :b]')).toEqual([1, new RubySymbol("b")]);
    expect(sandbox.stdout).toBe("hi\n");
    await expect(sandbox.eval("raise 'x'")).rejects.toBeInstanceOf(SandboxError);
    expect(FakeWorker.created).toEqual(["https://a.test/worker.js module"]);
  });

  it("starts workers from the package by default", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    await using sandbox = new Sandbox({}, createPlatform({ module }));
    expect(await sandbox.eval("1")).toBe(1);
    expect(FakeWorker.created).toHaveLength(1);
    expect(FakeWorker.created[0]).toMatch(/\/src\/worker\.js module$/);
  });

  it("B68 rejects with a SetupError naming the worker URL when its script cannot load", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    vi.stubGlobal("fetch", async () => new Response("not found", { status: 404 }));
    const platform = createPlatform({ module, workerUrl: "https://a.test/missing.js" });
    await using sandbox = new Sandbox({}, platform);
    const error = await sandbox.eval("1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect(error).not.toBeInstanceOf(TrapError);
    expect((error as Error).message).toBe(
      "could not load the worker script from https://a.test/missing.js: HTTP 404",
    );
  });

  it("B68 without Web Workers (Node, SSR) the first invocation rejects with a SetupError", async () => {
    vi.stubGlobal("Worker", undefined);
    await using sandbox = new Sandbox({}, createPlatform({ module }));
    await expect(sandbox.eval("1")).rejects.toThrow(
      /^could not load the worker: this environment has no Web Worker/,
    );
  });
});
