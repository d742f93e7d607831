// The workerd example, end to end: starts workerd (the npm package's binary) on a free port with
// config.capnp, sends real HTTP requests, and checks the answers: a formula's result, services
// reading the request (query, headers, an async JSON body), errors, a runaway formula stopped by
// the timeout and the next request still answered. Then it measures the per-request cost (a
// fresh sandbox and Ruby state per request) and workerd's resident memory, and prints them.
//
//   pnpm --filter @kobako/workerd-formula test        (after pnpm build)
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const workerdBin = join(dirname(require.resolve("workerd/package.json")), "bin", "workerd");

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

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resident memory of a process in MiB (Linux), or undefined. */
function rssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(
  workerdBin,
  ["serve", join(here, "config.capnp"), "--socket-addr", `http=127.0.0.1:${port}`],
  { cwd: here, stdio: ["ignore", "pipe", "pipe"] },
);
let log = "";
child.stdout.on("data", (chunk) => {
  log += chunk;
});
child.stderr.on("data", (chunk) => {
  log += chunk;
});
const exited = new Promise((resolve) => child.on("exit", resolve));

const began = performance.now();
let failures = 0;
let passes = 0;
function check(name, ok, detail) {
  console.log(`${ok ? "ok" : "not ok"} ${name}${ok ? "" : `\n  ${detail}`}`);
  if (ok) passes++;
  else failures++;
}

/** Sends a request with a hard client-side limit: a hung Worker fails the test, not the run. */
async function ask(path, init = {}) {
  const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(20_000) });
  return { status: response.status, body: await response.json() };
}

function formula(source, params = "") {
  return `/?formula=${encodeURIComponent(source)}${params}`;
}

try {
  // Wait until workerd listens.
  for (let i = 0; ; i++) {
    try {
      const response = await fetch(`${base}/health`);
      if (response.ok) break;
    } catch {
      // not yet
    }
    if (i > 200) throw new Error(`workerd did not start:\n${log}`);
    await sleep(50);
  }

  // The isolate has loaded the Worker (kobako.wasm compiled as a module) but run no guest yet.
  const rssIdle = rssMiB(child.pid);
  const started = performance.now();
  const first = await ask(
    formula('Http::Req.number("price") * Http::Req.number("qty")', "&price=3&qty=4"),
  );
  const firstMs = performance.now() - started;
  check(
    "a formula's result",
    first.status === 200 && first.body.value === 12,
    JSON.stringify(first),
  );
  check(
    "the Worker reports the in-thread mode",
    first.body.threading === "in-thread" && ["jspi", "replay"].includes(first.body.channel),
    JSON.stringify(first.body),
  );

  const text = await ask("/", { method: "POST", body: "[1, 2, 3].sum * 2" });
  check("a formula sent as the body", text.body.value === 12, JSON.stringify(text));

  const json = await ask(formula('Http::Req.json["items"].sum { |i| i["n"] }'), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ items: [{ n: 1 }, { n: 2 }, { n: 39 }] }),
  });
  check("an async service reads the JSON body", json.body.value === 42, JSON.stringify(json));

  const header = await ask(
    formula('Http::Req.header("x-user").upcase + " via " + Http::Req.method'),
    {
      headers: { "x-user": "ada" },
    },
  );
  check("a service reads a header", header.body.value === "ADA via GET", JSON.stringify(header));

  const raised = await ask(formula('Http::Req.number("nope")'));
  check(
    "a service error reaches the caller as a 422",
    raised.status === 422 && /not a number/.test(raised.body.message),
    JSON.stringify(raised),
  );

  const runawayStarted = performance.now();
  const runaway = await ask(formula("loop {}"));
  const runawayMs = performance.now() - runawayStarted;
  check(
    "a runaway formula is stopped by the timeout",
    runaway.status === 408 && runaway.body.error === "TimeoutError",
    JSON.stringify(runaway),
  );
  const after = await ask(formula("6 * 7"));
  check("the next request is still answered", after.body.value === 42, JSON.stringify(after));

  const memory = await ask(formula('a = []; loop { a << "x" * 100_000 }'));
  check(
    "the memory cap holds",
    memory.status === 422 && memory.body.error === "MemoryLimitError",
    JSON.stringify(memory),
  );

  // The per-request cost: sequential requests, each a fresh sandbox and Ruby state.
  // Round trips as the client sees them, and the eval as the Worker timed it; after a warm-up.
  const measure = async (path, count) => {
    const times = [];
    const inside = [];
    for (let i = 0; i < count + 20; i++) {
      const t = performance.now();
      const { status, body } = await ask(path);
      if (status !== 200) throw new Error(`request ${path} answered ${status}`);
      if (i < 20) continue;
      times.push(performance.now() - t);
      inside.push(body.ms);
    }
    const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const p90 = (list) => list.sort((a, b) => a - b)[Math.floor(list.length * 0.9)];
    return { median: median(times), p90: p90(times), eval: median(inside) };
  };
  const simple = await measure(formula("1 + 2"), 100);
  const withServices = await measure(
    formula('Http::Req.number("price") * Http::Req.number("qty")', "&price=3&qty=4"),
    100,
  );
  const rss = rssMiB(child.pid);
  console.log(
    `#figures ${JSON.stringify({
      firstRequestMs: Math.round(firstMs),
      runawayRequestMs: Math.round(runawayMs),
      requestMedianMs: Number(simple.median.toFixed(2)),
      requestP90Ms: Number(simple.p90.toFixed(2)),
      evalMedianMs: simple.eval,
      serviceRequestMedianMs: Number(withServices.median.toFixed(2)),
      serviceEvalMedianMs: withServices.eval,
      serviceRequestP90Ms: Number(withServices.p90.toFixed(2)),
      workerdRssBeforeFirstEvalMiB: rssIdle === undefined ? null : Math.round(rssIdle),
      workerdRssMiB: rss === undefined ? null : Math.round(rss),
      channel: first.body.channel,
    })}`,
  );
} catch (error) {
  check("the run", false, error instanceof Error ? error.stack : String(error));
  console.log(log);
} finally {
  child.kill();
  await exited;
}
// The last lines in Playwright's form, which .ci/run adds to the run's total.
console.log(`workerd checks (${passes + failures}):`);
if (failures > 0) console.log(`  ${failures} failed`);
console.log(`  ${passes} passed (${((performance.now() - began) / 1000).toFixed(0)}s)`);
process.exitCode = failures > 0 ? 1 : 0;
