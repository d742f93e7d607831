import { readFile } from "node:fs/promises";
import { SetupError } from "@kobako/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileFirst, compileFrom, prebundledWasm, prebundledWorker } from "../src/assets.js";

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
  vi.restoreAllMocks();
});

describe("prebundled fallbacks", () => {
  it("try the app's node_modules, the kobako() plugin, then Vite's resolution, from the pre-bundle cache", () => {
    expect(
      prebundledWorker(
        "http://localhost:5173/node_modules/.vite/deps/@kobako_browser.js?v=1a2b",
      ).map(String),
    ).toEqual([
      "http://localhost:5173/node_modules/@kobako/browser/dist/worker.js",
      "http://localhost:5173/@kobako/browser/worker.js",
      "http://localhost:5173/@id/@kobako/browser/worker.js",
    ]);
    expect(
      prebundledWasm("https://x.test/app/node_modules/.vite/deps/chunk-1.js").map((location) =>
        typeof location === "object" && "locate" in location ? location.from : String(location),
      ),
    ).toEqual([
      "https://x.test/app/node_modules/@kobako/browser/dist/kobako.wasm",
      "https://x.test/app/@kobako/browser/kobako.wasm",
      "https://x.test/app/@id/@kobako/browser/kobako.wasm?url&import",
    ]);
  });

  it("add nothing elsewhere", () => {
    expect(prebundledWorker("https://cdn.test/@kobako/browser/dist/index.js")).toEqual([]);
    expect(prebundledWasm("file:///app/node_modules/@kobako/browser/dist/index.js")).toEqual([]);
    expect(prebundledWorker(undefined)).toEqual([]);
  });

  it("follow the URL Vite's dev server gives for the wasm (a hoisted workspace: /@fs/…)", async () => {
    serve({
      "http://localhost:5173/@id/@kobako/browser/kobako.wasm?url&import": {
        type: "text/javascript",
        body: 'export default "/@fs/repo/node_modules/@kobako/browser/dist/kobako.wasm"\n//# sourceMappingURL=x',
      },
      "http://localhost:5173/@fs/repo/node_modules/@kobako/browser/dist/kobako.wasm": {
        type: "application/wasm",
        body: wasm,
      },
    });
    const locations = prebundledWasm("http://localhost:5173/node_modules/.vite/deps/x.js");
    expect(await compileFirst(locations)).toBeInstanceOf(WebAssembly.Module);
  });

  it("name every failure when no dev server answers", async () => {
    serve({});
    const locations = prebundledWasm("http://localhost:5173/node_modules/.vite/deps/x.js");
    await expect(compileFirst(locations)).rejects.toThrow(
      "could not load kobako.wasm from http://localhost:5173/node_modules/@kobako/browser/dist/kobako.wasm: HTTP 404; " +
        "could not load kobako.wasm from http://localhost:5173/@kobako/browser/kobako.wasm: HTTP 404; " +
        "could not load kobako.wasm from http://localhost:5173/@id/@kobako/browser/kobako.wasm?url&import: not a Vite dev server's answer (HTTP 404)",
    );
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

  it("says why when the server answers an HTML page or an error", async () => {
    serve({ "https://a.test/spa.wasm": { type: "text/html", body: "<!doctype html>" } });
    await expect(compileFrom("https://a.test/spa.wasm")).rejects.toThrow(
      "not a WebAssembly module (served as text/html)",
    );
    await expect(compileFrom("https://a.test/missing.wasm")).rejects.toThrow(/^HTTP 404$/);
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

  it("B68 rejects with a SetupError naming every URL and why when none works", async () => {
    serve({ "https://a.test/2.wasm": { type: "text/html", body: "<!doctype html>" } });
    const error = await compileFirst(["https://a.test/1.wasm", "https://a.test/2.wasm"]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(
      "could not load kobako.wasm from https://a.test/1.wasm: HTTP 404; " +
        "could not load kobako.wasm from https://a.test/2.wasm: not a WebAssembly module (served as text/html)",
    );
    expect((error as SetupError).details).toEqual({
      kind: "setup",
      failures: [
        { what: "kobako.wasm", from: "https://a.test/1.wasm", reason: "HTTP 404" },
        {
          what: "kobako.wasm",
          from: "https://a.test/2.wasm",
          reason: "not a WebAssembly module (served as text/html)",
        },
      ],
    });
  });

  it("B68 names a Content-Security-Policy refusal and what to allow", async () => {
    serve({ "https://a.test/k.wasm": { type: "application/wasm", body: wasm } });
    vi.spyOn(WebAssembly, "compileStreaming").mockRejectedValueOnce(
      new WebAssembly.CompileError(
        "WebAssembly.compileStreaming(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script",
      ),
    );
    await expect(compileFirst(["https://a.test/k.wasm"])).rejects.toThrow(
      /from https:\/\/a.test\/k.wasm: .*Refused to compile.*must allow script-src 'wasm-unsafe-eval'/,
    );
  });
});
