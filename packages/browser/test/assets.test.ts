import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileFirst, compileFrom, prebundledFallback } from "../src/assets.js";

const wasm = await readFile(new URL("../../../data/kobako.wasm", import.meta.url));

function serve(
  routes: Record<string, { status?: number; type?: string; body: Uint8Array | string }>,
) {
  const fetch = vi.fn(async (url: URL | string) => {
    const route = routes[String(url)];
    if (!route) return new Response("not found", { status: 404 });
    const headers = route.type ? { "content-type": route.type } : undefined;
    return new Response(route.body as BodyInit, { status: route.status ?? 200, headers });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("prebundledFallback", () => {
  it("points into the package when running from Vite's pre-bundle cache", () => {
    expect(
      prebundledFallback(
        "http://localhost:5173/node_modules/.vite/deps/@kobako_browser.js?v=1a2b",
        "worker.js",
      ).map(String),
    ).toEqual(["http://localhost:5173/node_modules/@kobako/browser/dist/worker.js"]);
  });

  it("keeps a base path", () => {
    expect(
      prebundledFallback(
        "https://x.test/app/node_modules/.vite/deps/chunk-1.js",
        "kobako.wasm",
      ).map(String),
    ).toEqual(["https://x.test/app/node_modules/@kobako/browser/dist/kobako.wasm"]);
  });

  it("adds nothing elsewhere", () => {
    expect(
      prebundledFallback("https://cdn.test/@kobako/browser/dist/index.js", "worker.js"),
    ).toEqual([]);
    expect(
      prebundledFallback("file:///app/node_modules/@kobako/browser/dist/index.js", "worker.js"),
    ).toEqual([]);
  });
});

describe("compileFrom", () => {
  it("compiles a module served as application/wasm", async () => {
    serve({ "https://a.test/k.wasm": { type: "application/wasm", body: wasm } });
    expect(await compileFrom("https://a.test/k.wasm")).toBeInstanceOf(WebAssembly.Module);
  });

  it("compiles a module served with a wrong MIME type", async () => {
    serve({ "https://a.test/k.wasm": { type: "application/octet-stream", body: wasm } });
    expect(await compileFrom("https://a.test/k.wasm")).toBeInstanceOf(WebAssembly.Module);
  });

  it("names the URL when the server answers an HTML page or an error", async () => {
    serve({ "https://a.test/spa.wasm": { type: "text/html", body: "<!doctype html>" } });
    await expect(compileFrom("https://a.test/spa.wasm")).rejects.toThrow(
      "https://a.test/spa.wasm is not a WebAssembly module (served as text/html)",
    );
    await expect(compileFrom("https://a.test/missing.wasm")).rejects.toThrow(/HTTP 404/);
  });
});

describe("compileFirst", () => {
  it("falls back to the next URL", async () => {
    const fetch = serve({ "https://a.test/second.wasm": { type: "application/wasm", body: wasm } });
    expect(
      await compileFirst(["https://a.test/first.wasm", "https://a.test/second.wasm"]),
    ).toBeInstanceOf(WebAssembly.Module);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("reports every failure when no URL works", async () => {
    serve({});
    await expect(compileFirst(["https://a.test/1.wasm", "https://a.test/2.wasm"])).rejects.toThrow(
      /could not load kobako.wasm: .*1.wasm.*; .*2.wasm/,
    );
  });
});
