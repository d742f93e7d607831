import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
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

/**
 * A local server for the Chromium tests: `/isolated/` is served with COOP/COEP (the page is
 * cross-origin isolated: SharedArrayBuffer exists), `/plain/` without (no SharedArrayBuffer: the
 * JSPI bridge). Each serves the page, its bundle, the worker bundle and kobako.wasm.
 */
export class Harness {
  private constructor(
    private readonly server: Server,
    private readonly browser: Browser,
    readonly origin: string,
  ) {}

  static async start(): Promise<Harness> {
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
      if (!file || (mode !== "isolated" && mode !== "plain")) {
        response.writeHead(404).end();
        return;
      }
      const headers: Record<string, string> = { "content-type": file[0] };
      if (mode === "isolated") {
        headers["cross-origin-opener-policy"] = "same-origin";
        headers["cross-origin-embedder-policy"] = "require-corp";
      }
      response.writeHead(200, headers).end(file[1]);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    return new Harness(server, browser, `http://127.0.0.1:${port}`);
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
    await new Promise((resolve) => this.server.close(resolve));
  }
}
