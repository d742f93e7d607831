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

  logLevel: "warning",
});

// A class that names itself inside its own body comes out renamed (`class _SetupError`), and
// `error.name`, `inspect` and the tests see the new name: refuse such a bundle.
const bundle = await import(new URL("../dist/index.js", import.meta.url).href);
const renamed = Object.entries(bundle).filter(
  ([name, value]) => typeof value === "function" && /^[A-Z]/.test(name) && value.name !== name,
);
// HandleTableExhausted is an alias of HandleExhaustedError.
const wrong = renamed.filter(([name]) => name !== "HandleTableExhausted");
if (wrong.length > 0) {
  throw new Error(
    `bundled classes lost their names: ${wrong.map(([n, v]) => `${n} → ${v.name}`).join(", ")}`,
  );
}
