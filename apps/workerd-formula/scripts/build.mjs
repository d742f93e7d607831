// Bundles src/worker.js with @kobako/core into dist/worker.js and puts kobako.wasm beside it:
// config.capnp (workerd) and wrangler.toml both load dist/. The wasm stays a module of its own.
import { copyFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

const dist = new URL("../dist/", import.meta.url);
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [new URL("../src/worker.js", import.meta.url).pathname],
  outfile: new URL("worker.js", dist).pathname,
  bundle: true,
  format: "esm",
  platform: "browser",
  conditions: ["workerd", "worker", "browser"],
  target: "es2022",
  external: ["./kobako.wasm"],
  logLevel: "warning",
});
copyFileSync(new URL("../../../data/kobako.wasm", import.meta.url), new URL("kobako.wasm", dist));
