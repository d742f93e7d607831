// A static file server for built apps: what any static host does; with `isolated`, it also sends
// COOP/COEP so the page is cross-origin isolated.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".map": "application/json",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

const ISOLATION = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};

/** Serves `root` on 127.0.0.1:`port`; resolves with a function that stops the server. */
export function serveStatic(root, port, { isolated = false } = {}) {
  const server = createServer(async (request, response) => {
    let path = normalize(decodeURIComponent((request.url ?? "/").split("?")[0] ?? "/"));
    if (path.endsWith("/")) path += "index.html";
    try {
      const body = await readFile(join(root, path));
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      response.writeHead(200, { "content-type": type, ...(isolated && ISOLATION) }).end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => resolve(() => server.close()));
  });
}

// `node serve.mjs <dir> <port> [--isolated]`: for Playwright's webServer.
if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const [root = ".", port = "4313", flag] = process.argv.slice(2);
  await serveStatic(root, Number(port), { isolated: flag === "--isolated" });
}
