// A static file server for built apps: what any static host does, no COOP/COEP headers.
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

/** Serves `root` on 127.0.0.1:`port`; resolves with a function that stops the server. */
export function serveStatic(root, port) {
  const server = createServer(async (request, response) => {
    let path = normalize(decodeURIComponent((request.url ?? "/").split("?")[0] ?? "/"));
    if (path.endsWith("/")) path += "index.html";
    try {
      const body = await readFile(join(root, path));
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      response.writeHead(200, { "content-type": type }).end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => resolve(() => server.close()));
  });
}
