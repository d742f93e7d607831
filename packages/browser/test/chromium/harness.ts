import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { type Browser, chromium, type Page } from "playwright-core";

const root = new URL("../../", import.meta.url);
const wasmUrl = new URL("../../data/kobako.wasm", root);

async function bundle(entry: URL): Promise<string> {
  const result = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "warning",
  });
  return result.outputFiles[0]?.text ?? "";
}

/** The pages: `plain`, cross-origin `isolated` (COOP/COEP), and `csp` (no 'wasm-unsafe-eval'). */
const MODES: Record<string, Record<string, string>> = {
  plain: {},
  isolated: {
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
  },
  csp: { "content-security-policy": "script-src 'self'" },
};

/**
 * A local server for the browser tests: `/isolated/` is served with COOP/COEP (the page is
 * cross-origin isolated: SharedArrayBuffer exists where the engine has it), `/plain/` without,
 * `/csp/` with a Content-Security-Policy that forbids compiling WebAssembly. Each serves the page
 * (the package as `globalThis.kobako`), the worker bundle and kobako.wasm, with CORS headers so
 * the files can also be loaded from another origin (`localhost` for a page on `127.0.0.1`: a CDN).
 */
export async function serveHarness(): Promise<{ origin: string; close(): Promise<void> }> {
  const [page, worker, wasm] = await Promise.all([
    bundle(new URL("test/chromium/page.ts", root)),
    bundle(new URL("src/worker.ts", root)),
    readFile(wasmUrl),
  ]);
  const files: Record<string, [string, string | Uint8Array]> = {
    "": ["text/html", '<!doctype html><script type="module" src="./page.js"></script>'],
    "page.js": ["text/javascript", page],
    "worker.js": ["text/javascript", worker],
    "kobako.wasm": ["application/wasm", wasm],
  };
  const server = createServer((request, response) => {
    const [, mode, name = ""] = (request.url ?? "").split("?")[0]?.split("/") ?? [];
    const file = files[name];
    const policy = mode === undefined ? undefined : MODES[mode];
    if (!file || !policy) {
      response.writeHead(404, { "access-control-allow-origin": "*" }).end();
      return;
    }
    const headers = { "content-type": file[0], "access-control-allow-origin": "*", ...policy };
    response.writeHead(200, headers).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The Chromium tests' harness: the server above and Debian's Chromium. */
export class Harness {
  private constructor(
    private readonly server: { origin: string; close(): Promise<void> },
    private readonly browser: Browser,
    readonly origin: string,
  ) {}

  static async start(): Promise<Harness> {
    const server = await serveHarness();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    return new Harness(server, browser, server.origin);
  }

  /** A new page at `/isolated/` or `/plain/`, with the package loaded as `globalThis.kobako`. */
  async open(mode: "isolated" | "plain"): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(`${this.origin}/${mode}/`);
    await page.waitForFunction(() => document.title === "ready");
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}
