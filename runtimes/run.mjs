// Runtime conformance (issue 16): @kobako/core and @kobako/node packed with `pnpm pack`, installed
// from the tarballs with npm into a fresh app outside the workspace, then the same suite
// (suite/conformance.mjs) and the same CLI checks run under Node, Deno and Bun, whose binaries
// come from the npm registry as devDependencies of this package (their postinstall, allowed in
// pnpm-workspace.yaml, puts the platform's binary in place). Each runtime also runs the suite
// in-thread (suite/conformance-in-thread.mjs), and workerd runs it as a Worker bundled with the
// workspace's @kobako/core (workerd/run.mjs).
//
//   pnpm build && pnpm --filter @kobako/runtimes test          (RUNTIMES=deno,bun,workerd to pick)
//
// Besides pass/fail it prints, per runtime, the suite's wall time, the first eval in a fresh
// process (compile + worker + boot), the warm eval latency and the CLI's start-to-exit time.
import { spawn } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import wabtInit from "wabt";
import { runWorkerdSuite, workerdBin } from "./workerd/run.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..");
const require = createRequire(import.meta.url);
const CHILD_TIMEOUT = 180_000;

/**
 * How to start each runtime on a script (`run`) and on the installed `kobako` CLI (`cli`), the way
 * the README tells its users, with the permissions a user would grant.
 */
const runtimes = {
  node: {
    bin: process.execPath,
    run: [],
    cli: ["node_modules/@kobako/node/dist/cli.js"],
  },
  deno: {
    bin: join(dirname(require.resolve("deno/package.json")), "deno"),
    // Reading the package's files (the wasm, the worker) is all @kobako/node needs in Deno.
    run: ["run", "--allow-read=."],
    cli: ["run", "--allow-read=.", "npm:@kobako/node"],
  },
  bun: {
    bin: join(dirname(require.resolve("bun/package.json")), "bin", "bun.exe"),
    run: [],
    // --bun: run the bin under Bun, not under the node its shebang names.
    cli: ["x", "--bun", "kobako"],
  },
};

/** Runs a command; resolves with its exit code, output and wall time (never rejects on a code). */
function exec(command, args, { cwd, input, timeout = CHILD_TIMEOUT } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const stdin = input === undefined ? "ignore" : "pipe";
    const child = spawn(command, args, { cwd, stdio: [stdin, "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
    if (input !== undefined) {
      child.stdin.on("error", () => {}); // A child that exits without reading its input.
      child.stdin.end(input);
    }
  });
}

async function must(command, args, cwd) {
  const result = await exec(command, args, { cwd });
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.code}:\n${result.stdout}${result.stderr}`,
    );
  }
  return result;
}

/** A fresh app with the packed packages installed, the suite and the spin guest beside it. */
async function prepareApp() {
  const work = mkdtempSync(join(tmpdir(), "kobako-runtimes-"));
  for (const name of ["core", "node"]) {
    await must("pnpm", ["pack", "--pack-destination", work], join(repo, "packages", name));
  }
  const tarball = (name) => readdirSync(work).find((file) => file.startsWith(`kobako-${name}-`));
  const app = join(work, "app");
  const dependencies = {
    "@kobako/core": `file:../${tarball("core")}`,
    "@kobako/node": `file:../${tarball("node")}`,
  };
  const manifest = { name: "kobako-runtimes-app", private: true, type: "module", dependencies };
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await must(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
    app,
  );
  for (const file of [
    "harness.mjs",
    "conformance.mjs",
    "conformance-in-thread.mjs",
    "runaway.mjs",
  ]) {
    copyFileSync(join(here, "suite", file), join(app, file));
  }
  const wabt = await wabtInit();
  const spin = wabt.parseWat("spin.wat", readFileSync(join(here, "suite", "spin.wat"), "utf8"));
  writeFileSync(join(app, "spin.wasm"), spin.toBinary({}).buffer);
  spin.destroy();
  writeFileSync(join(app, "script.rb"), 'puts "from a file"\n[1, :two, "three"]\n');
  return { work, app };
}

/** The CLI as README shows it: each case is arguments, stdin, and what must come out. */
const cliCases = [
  {
    name: "-e prints output then the value",
    args: ["-e", 'puts "hi"; [1, 2.5, nil, "x", {a: 1}]'],
    code: 0,
    stdout: 'hi\n[1, 2.5, nil, "x", {"a" => 1}]\n',
  },
  { name: "a file", args: ["script.rb"], code: 0, stdout: 'from a file\n[1, :two, "three"]\n' },
  { name: "stdin", args: ["-"], input: "6 * 7\n", code: 0, stdout: "42\n" },
  {
    name: "a raised error exits 1 with the class",
    args: ["-e", 'raise ArgumentError, "bad input"'],
    code: 1,
    stderr: /^ArgumentError: bad input \(SandboxError\)\n\tfrom /,
  },
  {
    name: "--timeout stops a loop",
    args: ["--timeout", "100", "-e", "loop {}"],
    code: 1,
    stderr: /TimeoutError/,
  },
  {
    // Bun cannot stop the worker left in the long call: the CLI must exit all the same.
    name: "--timeout stops a long call into C, and the CLI exits",
    args: ["--timeout", "100", "-e", "s = 'a' * 800_000; t = 'a' * 400_000 + 'b'; s.index(t)"],
    code: 1,
    stderr: /TimeoutError/,
  },
  { name: "a usage error exits 2", args: ["--nope"], code: 2, stderr: /unknown option --nope/ },
  {
    name: "without read permission: a SetupError naming the flag",
    only: "deno",
    cli: ["run", "npm:@kobako/node"],
    args: ["-e", "1"],
    code: 1,
    stderr: /could not load kobako\.wasm .*--allow-read/,
  },
];

async function runCli(name, runtime, app) {
  const results = [];
  for (const check of cliCases.filter((each) => (each.only ?? name) === name)) {
    const got = await exec(runtime.bin, [...(check.cli ?? runtime.cli), ...check.args], {
      cwd: app,
      input: check.input,
      timeout: 60_000,
    });
    const problems = [];
    if (got.code !== check.code) problems.push(`exit ${got.code} (${got.signal ?? "no signal"})`);
    if (check.stdout !== undefined && got.stdout !== check.stdout) {
      problems.push(`stdout ${JSON.stringify(got.stdout)}`);
    }
    if (check.stderr && !check.stderr.test(got.stderr))
      problems.push(`stderr ${JSON.stringify(got.stderr)}`);
    results.push({
      name: `cli: ${check.name}`,
      ok: problems.length === 0,
      ms: got.ms,
      message: problems.length ? `${problems.join("; ")}\n  stderr: ${got.stderr}` : undefined,
    });
  }
  // Start to exit of `kobako -e 1`, the smallest real use; the median of three.
  const times = [];
  for (let i = 0; i < 3; i++) {
    times.push((await exec(runtime.bin, [...runtime.cli, "-e", "1"], { cwd: app })).ms);
  }
  times.sort((a, b) => a - b);
  return { results, cliMs: times[1] };
}

async function runSuite(runtime, app, file = "conformance.mjs") {
  const got = await exec(runtime.bin, [...runtime.run, file], { cwd: app });
  const line = got.stdout.split("\n").find((text) => text.startsWith("#summary "));
  const summary = line ? JSON.parse(line.slice("#summary ".length)) : { results: [] };
  if (got.code !== 0 || !line) {
    // A crash, a hang (killed at CHILD_TIMEOUT: idle workers kept the process alive?) or no summary.
    summary.results.push({
      name: "the suite's process ends by itself with status 0",
      ok: false,
      ms: got.ms,
      message: `exit ${got.code} (${got.signal ?? "no signal"})\n${got.stdout}${got.stderr}`,
    });
  }
  return { ...summary, ms: got.ms };
}

/** Runtimes whose worker.terminate() cannot stop a thread inside one wasm call (README, Runtimes). */
const cannotPreemptWasm = new Set(["bun"]);

/** runaway.mjs: the hard backstop answers; does the process then end by itself? */
async function runRunaway(name, runtime, app) {
  // Where the thread is known to spin on, wait less for the process to end by itself.
  const timeout = cannotPreemptWasm.has(name) ? 8_000 : 20_000;
  const got = await exec(runtime.bin, [...runtime.run, "runaway.mjs"], { cwd: app, timeout });
  const line = got.stdout.split("\n").find((text) => text.startsWith("#runaway "));
  const answered = line ? JSON.parse(line.slice("#runaway ".length)).answered : false;
  const ended = got.code === 0;
  const result = {
    name: "a guest spinning in one wasm call: TimeoutError, and the thread stops",
    ms: got.ms,
  };
  if (answered && !ended && cannotPreemptWasm.has(name)) {
    return {
      ...result,
      skipped: "known: the runtime cannot preempt a pure-wasm loop; the caller was answered",
    };
  }
  if (answered && ended && cannotPreemptWasm.has(name)) {
    console.log(
      `  note: ${name} now stops a worker inside a wasm call: update README's Runtimes table`,
    );
  }
  const ok = answered && ended;
  return {
    ...result,
    ok,
    message: ok
      ? undefined
      : `answered ${answered}, exit ${got.code} (${got.signal})\n${got.stdout}${got.stderr}`,
  };
}

const fixed = (ms, digits = 0) => (ms === undefined ? "–" : ms.toFixed(digits));

/** A line of the summary table for one suite run; `cliMs` only for the worker suite. */
function suiteRow(label, version, suite, cliMs) {
  const m = suite.measured ?? {};
  return [
    label,
    version,
    suite.bridges?.join("+") ?? "–",
    fixed(suite.ms),
    fixed(m.firstEvalMs),
    fixed(m.evalMedianMs, 3),
    fixed(m.serviceCallUs, 1),
    cliMs === undefined ? "–" : fixed(cliMs),
  ];
}

/** Prints each result; returns how many passed, failed and were skipped. */
function report(results) {
  for (const result of results) {
    if (result.skipped) {
      console.log(`  - ${result.name}: ${result.skipped}`);
      continue;
    }
    console.log(`  ${result.ok ? "✓" : "✗"} ${result.name} (${fixed(result.ms)} ms)`);
    if (!result.ok) console.log(`    ${result.message}`);
  }
  return {
    passed: results.filter((result) => result.ok).length,
    failed: results.filter((result) => !result.ok && !result.skipped).length,
    skipped: results.filter((result) => result.skipped).length,
  };
}

async function main() {
  const started = performance.now();
  const picked = process.env.RUNTIMES?.split(",") ?? [...Object.keys(runtimes), "workerd"];
  const { work, app } = await prepareApp();
  console.log(`packed and installed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const rows = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const name of picked.filter((each) => each !== "workerd")) {
    const runtime = runtimes[name];
    if (!runtime) throw new Error(`unknown runtime ${name}; known: ${Object.keys(runtimes)}`);
    const version = (await exec(runtime.bin, ["--version"])).stdout.split(/[\n(]/)[0]?.trim();
    const suite = await runSuite(runtime, app);
    // The same suite with the guest on the runtime's own thread (createInThreadPlatform).
    const inThread = await runSuite(runtime, app, "conformance-in-thread.mjs");
    const cli = await runCli(name, runtime, app);
    const results = [
      ...suite.results,
      await runRunaway(name, runtime, app),
      ...inThread.results.map((result) => ({ ...result, name: `in-thread: ${result.name}` })),
      ...cli.results,
    ];
    console.log(
      `${name} (${version}): suite ${(suite.ms / 1000).toFixed(1)} s, in-thread ${(inThread.ms / 1000).toFixed(1)} s`,
    );
    const counts = report(results);
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    rows.push(suiteRow(name, version, suite, cli.cliMs));
    rows.push(suiteRow(`${name} in-thread`, version, inThread));
  }
  if (picked.includes("workerd")) {
    // workerd: @kobako/core in-thread, the wasm imported as a module (workerd/run.mjs).
    const version = (await exec(workerdBin, ["--version"])).stdout.trim();
    const suite = await runWorkerdSuite();
    console.log(`workerd (${version}): in-thread suite ${(suite.ms / 1000).toFixed(1)} s`);
    const counts = report(
      suite.results.map((result) => ({ ...result, name: `in-thread: ${result.name}` })),
    );
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    rows.push(suiteRow("workerd in-thread", version, suite));
  }
  console.log(
    "\n| runtime | version | service bridges | suite ms | first eval ms | eval median ms | µs per service call | `kobako -e 1` ms |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  if (failed === 0 && !process.env.KEEP_RUNTIMES) rmSync(work, { recursive: true });
  else console.log(`app kept in ${app}`);
  // The last lines in Playwright's form, which .ci/run adds to the run's total.
  console.log(`runtime checks (${passed + failed + skipped}):`);
  if (failed > 0) console.log(`  ${failed} failed`);
  if (skipped > 0) console.log(`  ${skipped} skipped`);
  console.log(`  ${passed} passed (${((performance.now() - started) / 1000).toFixed(0)}s)`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
