// The `kobako()` Vite plugin: only needed by Vite 5's dev server when the package is installed
// outside the app's root (a hoisted npm/yarn workspace). There Vite pre-bundles the package into
// node_modules/.vite/deps/ without rewriting its `new URL("./worker.js", import.meta.url)`, the
// package's fallback `/node_modules/@kobako/browser/dist/…` is not under the root, and Vite 5 does
// not resolve `/@id/@kobako/browser/…` for it either (Vite 6 and 7 do; Vite 8 rewrites the URLs).
// The plugin serves the two files at `/@kobako/browser/…`, one of the package's fallbacks, from
// wherever this file is installed. Nothing changes in `vite build`.
import { readFile } from "node:fs/promises";

const DIST = new URL("../dist/", import.meta.url);
const PREFIX = "/@kobako/browser/";
const TYPES = {
  "worker.js": "text/javascript",
  "worker.js.map": "application/json",
  "kobako.wasm": "application/wasm",
};

/** @returns {import("./index.js").KobakoPlugin} */
export function kobako() {
  return {
    name: "kobako",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? "").split("?")[0] ?? "";
        const at = path.indexOf(PREFIX);
        const file = at < 0 ? "" : path.slice(at + PREFIX.length);
        const type = Object.hasOwn(TYPES, file) ? TYPES[file] : undefined;
        if (!type) {
          next();
          return;
        }
        readFile(new URL(file, DIST)).then(
          (body) => {
            response.setHeader("content-type", type);
            response.setHeader("cache-control", "no-cache");
            response.end(body);
          },
          (error) => next(error),
        );
      });
    },
  };
}

export default kobako;
