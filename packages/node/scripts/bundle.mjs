// dist/worker.js is one self-contained file: a worker thread then starts in about half the time it
// takes to resolve and load the module graph. The guest ships beside it.
import { chmodSync, copyFileSync } from "node:fs";
import { build } from "esbuild";

await build({
  entryPoints: [new URL("../src/worker.ts", import.meta.url).pathname],
  outfile: new URL("../dist/worker.js", import.meta.url).pathname,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});
copyFileSync(
  new URL("../../../data/kobako.wasm", import.meta.url),
  new URL("../dist/kobako.wasm", import.meta.url),
);
chmodSync(new URL("../dist/cli.js", import.meta.url), 0o755);
