// dist/index.js (the host side: Sandbox, errors, wire codec, comlink, msgpack) is one file: Node
// resolves and loads a graph of ~60 small modules several times slower than one module of the
// same code, and that load is most of the time from `import "@kobako/node"` to a first result
// (docs/BENCHMARKS.md). tsc's other outputs stay: the worker entry (dist/worker/) is bundled by
// each platform package into its own worker script.
import { build } from "esbuild";

await build({
  entryPoints: [new URL("../src/index.ts", import.meta.url).pathname],
  outfile: new URL("../dist/index.js", import.meta.url).pathname,
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  target: "es2022",
  sourcemap: true,
  // Error classes report their own names (`error.name === Class.name`).
  keepNames: true,
  logLevel: "warning",
});
