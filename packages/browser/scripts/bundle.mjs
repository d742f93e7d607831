// dist/worker.js is one self-contained file (runtime, WASI shim, comlink): a worker started from a
// URL must not depend on how the page's bundler resolves bare imports. The guest ships beside it.
import { copyFileSync } from "node:fs";
import { build } from "esbuild";

await build({
  entryPoints: [new URL("../src/worker.ts", import.meta.url).pathname],
  outfile: new URL("../dist/worker.js", import.meta.url).pathname,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  sourcemap: true,
  logLevel: "warning",
});
copyFileSync(
  new URL("../../../data/kobako.wasm", import.meta.url),
  new URL("../dist/kobako.wasm", import.meta.url),
);
