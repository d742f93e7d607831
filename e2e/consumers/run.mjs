// Consumer checks (issue 13, item 6): @kobako/core and @kobako/browser packed with `pnpm pack`,
// installed from the tarballs with npm into fresh apps outside the workspace (under the system
// temp dir), built or served the way each tool's users do, and run in headless Chromium: every
// app evaluates Ruby that prints and calls an async service, and the check asserts the result.
//
//   pnpm build && pnpm --filter @kobako/e2e test:consumers      (CONSUMERS=vite8,esbuild to pick)
//
// npm's cache (~/.npm) makes a second run fast; the apps themselves are rebuilt every time.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { apps } from "./apps.mjs";
import { serveStatic } from "./serve.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const EXPECTED = JSON.stringify({ value: ["mruby", 3, 42], stdout: "hi\n" });

/** Runs a command; resolves with its output, rejects with it when the command fails. */
export function exec(command, args, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${code}:\n${output}`));
    });
  });
}

/** Starts a long-running server; resolves once `url` answers. */
async function startServer(command, args, cwd, url) {
  const child = spawn(command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) return { stop, output: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`${command} ${args.join(" ")} did not serve ${url}:\n${output}`);
}

/** Opens `url`, waits for the app's `kobakoResult` (surviving reloads) and returns it. */
async function resultOf(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
  });
  try {
    await page.goto(url);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const result = await page
        .evaluate(() => globalThis.kobakoResult && JSON.stringify(globalThis.kobakoResult))
        .catch(() => undefined);
      if (result) return { result, problems };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { result: "no result within 60 s", problems };
  } finally {
    await page.close();
  }
}

let port = 4400;

/** The checks an app declares, each a way to serve it and the page to open. */
async function check(app, dir, browser) {
  const outcomes = [];
  for (const step of app.steps) {
    const started = performance.now();
    const label = `${app.name}: ${step.name}`;
    let server;
    try {
      if (step.node) {
        const output = await exec(process.execPath, ["-e", step.node], join(dir, step.cwd ?? ""));
        if (output.trim() !== step.expect) throw new Error(`printed ${output.trim()}`);
      } else {
        if (step.build) await exec(step.build[0], step.build.slice(1), join(dir, step.cwd ?? ""));
        port++;
        const url = `http://127.0.0.1:${port}/`;
        if (step.dev) {
          server = await startServer(
            process.execPath,
            [...step.dev, "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
            join(dir, step.cwd ?? ""),
            url,
          );
        } else {
          const closing = await serveStatic(join(dir, step.serve), port);
          server = { stop: closing, output: () => "" };
        }
        const { result, problems } = await resultOf(browser, url);
        if (result !== EXPECTED) {
          throw new Error(`got ${result}\n${problems.join("\n")}\n${server.output()}`);
        }
      }
      outcomes.push({ label, ok: true, ms: performance.now() - started });
    } catch (error) {
      outcomes.push({ label, ok: false, ms: performance.now() - started, error });
    } finally {
      server?.stop();
    }
  }
  return outcomes;
}

async function main() {
  const started = performance.now();
  const picked = process.env.CONSUMERS?.split(",");
  const chosen = apps.filter((app) => !picked || picked.includes(app.name));
  const work = mkdtempSync(join(tmpdir(), "kobako-consumers-"));
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs);
  for (const name of ["core", "browser"]) {
    await exec("pnpm", ["pack", "--pack-destination", tarballs], join(repo, "packages", name));
  }
  const [core, browserTgz] = ["core", "browser"].map((name) =>
    join(tarballs, readdirSync(tarballs).find((file) => file.includes(`-${name}-`)) ?? ""),
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const outcomes = [];
  try {
    for (const app of chosen) {
      const appStarted = performance.now();
      const dir = join(work, app.name);
      for (const [file, text] of Object.entries(app.files({ core, browser: browserTgz }))) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      try {
        await exec(
          "npm",
          ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
          dir,
        );
      } catch (error) {
        outcomes.push({ label: `${app.name}: npm install`, ok: false, ms: 0, error });
        continue;
      }
      const installed = performance.now() - appStarted;
      const results = await check(app, dir, browser);
      console.log(`${app.name}: npm install ${(installed / 1000).toFixed(1)} s`);
      for (const outcome of results) {
        const mark = outcome.ok ? "✓" : "✗";
        console.log(`  ${mark} ${outcome.label} (${(outcome.ms / 1000).toFixed(1)} s)`);
        if (!outcome.ok) console.log(String(outcome.error?.message ?? outcome.error));
      }
      outcomes.push(...results);
    }
  } finally {
    await browser.close();
  }
  const failed = outcomes.filter((outcome) => !outcome.ok);
  for (const outcome of failed.filter((o) => o.label.endsWith("npm install"))) {
    console.log(`✗ ${outcome.label}\n${outcome.error?.message ?? outcome.error}`);
  }
  if (failed.length === 0 && !process.env.KEEP_CONSUMERS) rmSync(work, { recursive: true });
  else console.log(`apps kept in ${work}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  // The last line in Playwright's form, which .ci/run adds to the run's total.
  console.log(`consumer checks (${outcomes.length}):`);
  if (failed.length > 0) console.log(`  ${failed.length} failed`);
  console.log(`  ${outcomes.length - failed.length} passed (${seconds}s)`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

await main();
