// Runs the shared conformance suite in workerd (from npm): bundles workerd/suite-worker.mjs with
// @kobako/core (the workspace's build) into a Worker, serves it on a free port and asks it once.
// Resolves with the suite's summary ({ results, measured, bridges }) and workerd's version.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const workerdBin = join(dirname(require.resolve("workerd/package.json")), "bin", "workerd");

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function runWorkerdSuite() {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "kobako-workerd-"));
  await build({
    entryPoints: [join(here, "suite-worker.mjs")],
    outfile: join(dir, "worker.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    alias: { "@kobako/node": join(here, "kobako-node.mjs") },
    external: ["./kobako.wasm"],
    // The suite names files beside itself; in a Worker there is no file to find.
    define: { "import.meta.url": JSON.stringify("file:///suite/conformance.mjs") },
    logLevel: "warning",
  });
  copyFileSync(join(here, "..", "..", "data", "kobako.wasm"), join(dir, "kobako.wasm"));
  writeFileSync(
    join(dir, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .suite) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const suite :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "kobako.wasm", wasm = embed "kobako.wasm"),
  ],
  compatibilityDate = "2025-09-01",
);
`,
  );
  const port = await freePort();
  const child = spawn(
    workerdBin,
    ["serve", "config.capnp", "--socket-addr", `http=127.0.0.1:${port}`],
    {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr.on("data", (chunk) => {
    log += chunk;
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    let text;
    for (let i = 0; text === undefined; i++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`, {
          signal: AbortSignal.timeout(170_000),
        });
        text = await response.text();
      } catch (error) {
        if (i > 100 || error?.name === "TimeoutError") throw new Error(`workerd: ${error}\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const line = text.split("\n").find((each) => each.startsWith("#summary "));
    const summary = line ? JSON.parse(line.slice("#summary ".length)) : { results: [] };
    if (!line) {
      summary.results.push({
        name: "the suite answers a summary",
        ok: false,
        message: `${text}\n${log}`,
      });
    }
    return { ...summary, ms: performance.now() - started };
  } finally {
    child.kill();
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const summary = await runWorkerdSuite();
  for (const result of summary.results) {
    console.log(
      `${result.ok ? "✓" : "✗"} ${result.name}${result.ok ? "" : `\n  ${result.message}`}`,
    );
  }
  console.log(
    JSON.stringify({ measured: summary.measured, bridges: summary.bridges, ms: summary.ms }),
  );
}
