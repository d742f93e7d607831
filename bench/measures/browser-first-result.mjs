// Browser: navigation to the first eval result. A Vite production build of a minimal page
// (browser/), served by a local static server, loaded in Debian's Chromium (headless, through
// playwright-core), each load in a fresh browser context (empty HTTP cache, so no wasm code cache).
// Beside it: the same kind of page without kobako, and one that only starts an empty worker and
// compiles kobako.wasm (the floor of any worker-based first result).
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fmtRatio, fmtTime, median } from "../lib.mjs";

const RUNS = 9;
const DIST = new URL("../.browser-dist/", import.meta.url).pathname;
const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
};
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Serves DIST on an ephemeral port of 127.0.0.1, as any static host would (no COOP/COEP). */
function serve() {
  const server = createServer(async (request, response) => {
    let path = normalize(decodeURIComponent((request.url ?? "/").split("?")[0]));
    if (path.endsWith("/")) path += "index.html";
    try {
      const body = await readFile(join(DIST, path));
      response.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

export default async function browserFirstResult() {
  const row = { measure: "browser: navigation → first eval result", target: "≤ 120 ms" };
  const { build } = await import("vite");
  const built = performance.now();
  await build({ configFile: new URL("../browser/vite.config.mjs", import.meta.url).pathname });
  const buildTime = performance.now() - built;
  const { chromium } = await import("playwright-core");
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const load = async (page) => {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${origin}/${page}`);
      const handle = await tab.waitForFunction(() => globalThis.benchFirst, null, {
        timeout: 30_000,
      });
      const first = await handle.jsonValue();
      if (first.value !== null) throw new Error(`${page} gave ${JSON.stringify(first.value)}`);
      return first;
    } finally {
      await context.close();
    }
  };
  const kobako = [];
  const blank = [];
  const floor = [];
  try {
    await load("index.html"); // warm-up: the browser process, not the page's caches
    await load("blank.html");
    await load("floor.html");
    for (let i = 0; i < RUNS; i++) {
      kobako.push(await load("index.html"));
      blank.push(await load("blank.html"));
      floor.push(await load("floor.html"));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const t = median(kobako.map((r) => r.at));
  const blankAt = median(blank.map((r) => r.at));
  const floorAt = median(floor.map((r) => r.at));
  const moduleAt = median(kobako.map((r) => r.module));
  const version = browser.version();
  return {
    ...row,
    kobako: fmtTime(t),
    peers: `blank page ${fmtTime(blankAt)}; empty worker + wasm compile ${fmtTime(floorAt)}`,
    ratio: `${fmtRatio(t / blankAt)} of the blank page, ${fmtRatio(t / floorAt)} of the worker floor`,
    pass: t <= 120,
    ratios: { "kobako/blank": t / blankAt },
    notes: [
      `median of ${RUNS} loads each, interleaved, each in a fresh browser context; Chromium ` +
        `${version} headless; vite build took ${fmtTime(buildTime)}; runs: ` +
        `${kobako.map((x) => x.at.toFixed(0)).join(", ")} ms; blank page (same build, no kobako): ` +
        `${blank.map((x) => x.at.toFixed(0)).join(", ")} ms`,
      `the worker floor (same build: an empty module worker's first message and ` +
        `compileStreaming of kobako.wasm, started together): median ${fmtTime(floorAt)}; its ` +
        `module starts at ${fmtTime(median(floor.map((r) => r.module)))}, the worker answers at ` +
        `${fmtTime(median(floor.map((r) => r.onlineAt)))}, the wasm is compiled at ` +
        `${fmtTime(median(floor.map((r) => r.compiledAt)))}; runs: ` +
        `${floor.map((x) => x.at.toFixed(0)).join(", ")} ms`,
      `the page's module (its imports, @kobako/browser included, loaded) starts at ` +
        `${fmtTime(moduleAt)}; from there new Sandbox() + first eval (worker start, wasm fetch + ` +
        `compile, instantiate) take ${fmtTime(median(kobako.map((r) => r.at - r.module)))}`,
    ],
  };
}
